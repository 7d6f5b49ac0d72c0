export { mean } from './mean';
export { variance } from './variance';
export { standardDeviation } from './standard-deviation';
export { lagOneAutocorrelation } from './lag-one-autocorrelation';
export { meanConfidenceInterval, type MeanConfidenceIntervalResult } from './mean-confidence-interval';
