export { cohensD, type CohensDResult, type EffectSizeOptions } from './cohens-d';
export { hedgesG, type HedgesGResult } from './hedges-g';
