export { welchTTest, type WelchTTestResult } from './welch-t-test';
export {
  proportionDifference,
  type ProportionDifferenceResult,
  type ProportionSample,
} from './proportion-difference';
export {
  compareIndependentEstimates,
  type CompareIndependentEstimatesResult,
  type EstimateWithVariance,
} from './compare-independent-estimates';
