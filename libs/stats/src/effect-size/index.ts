export { cohensD, type CohensDResult, type EffectSizeOptions } from './cohens-d';
export { hedgesG, type HedgesGResult } from './hedges-g';
export { standardisedMeanChange, type StandardisedMeanChangeResult } from './standardised-mean-change';
