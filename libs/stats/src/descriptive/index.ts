export { mean } from './mean';
export { variance } from './variance';
export { standardDeviation } from './standard-deviation';
export { lagOneAutocorrelation } from './lag-one-autocorrelation';
