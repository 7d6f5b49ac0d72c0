export {
  addObservation,
  createBivariateSummary,
  mergeSummaries,
  summarisePairs,
  type BivariateSummary,
} from './bivariate-summary';
export { summaryPearson, type SummaryPearsonResult } from './summary-pearson';
