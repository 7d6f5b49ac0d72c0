export { pearson, type PearsonResult } from './pearson';
export { spearman, type SpearmanResult } from './spearman';
export { kendallTauB, type KendallTauBResult } from './kendall-tau-b';
export { partialCorrelation, type PartialCorrelationResult } from './partial-correlation';
export { pointBiserial } from './point-biserial';
export {
  correlationMatrix,
  type CorrelationCell,
  type CorrelationMatrixOptions,
  type CorrelationMatrixResult,
  type CorrelationMethod,
} from './correlation-matrix';
export { adjustPValues, type PValueAdjustment } from './adjust-p-values';
export {
  repeatedMeasuresCorrelation,
  type RepeatedMeasuresCorrelationResult,
  type SubjectId,
} from './repeated-measures-correlation';
export {
  compareCorrelations,
  type CompareCorrelationsResult,
  type CorrelationSample,
} from './compare-correlations';
