export * from './item-statistics';
export * from './parallel-analysis';
export {
  exploratoryFactorAnalysis,
  type ExploratoryFactorAnalysisOptions,
  type ExploratoryFactorAnalysisResult,
  type FactorFit,
  type FactorVariance,
} from './exploratory-factor-analysis';
export type { ExtractionMethod } from '../internal/factor-extraction';
export * from './oblimin-rotation';
export * from './omega-hierarchical';
