import { correlationFromMoments } from '../internal/centred-sums';
import type { BivariateSummary } from './bivariate-summary';

/** Result of {@link summaryPearson}. */
export interface SummaryPearsonResult {
  /** Pooled Pearson correlation; NaN when a variance is 0 or n < 2. */
  r: number;
  n: number;
  meanX: number;
  meanY: number;
  /** Sample variances and covariance (n - 1 denominator); NaN when n < 2. */
  varianceX: number;
  varianceY: number;
  covariance: number;
}

/**
 * Pearson correlation, means, sample variances and covariance of a (merged) {@link BivariateSummary}:
 * r = C / sqrt(M2x M2y), variances M2 / (n - 1). Gives the pooled correlation of several cohorts or shards without
 * their rows.
 *
 * Missing data: already handled when the summary was built. Too little data: n < 2 or a zero M2 gives NaN
 * (a summary is not a data set, so nothing is thrown).
 *
 * Complexity: O(1).
 *
 * @example
 * summaryPearson(mergeSummaries(summarisePairs([1, 2], [2, 1]), summarisePairs([3, 4, 5], [4, 3, 5]))).r // 0.7999999999999998 (Pearson r of all five pairs)
 */
export function summaryPearson(summary: BivariateSummary): SummaryPearsonResult {
  const { n, meanX, meanY, m2X, m2Y, coMoment } = summary;
  const defined = n >= 2;
  const r = defined && m2X > 0 && m2Y > 0 ? correlationFromMoments(coMoment, m2X, m2Y, n) : NaN;
  return {
    r,
    n,
    meanX: n > 0 ? meanX : NaN,
    meanY: n > 0 ? meanY : NaN,
    varianceX: defined ? m2X / (n - 1) : NaN,
    varianceY: defined ? m2Y / (n - 1) : NaN,
    covariance: defined ? coMoment / (n - 1) : NaN,
  };
}
