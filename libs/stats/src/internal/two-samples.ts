import { refinedMean } from './centred-sums';
import { completeValues, requireCount, type MaybeNumber } from './data-policy';
import { denseVariance } from '../descriptive/variance';

/** Sizes, means and sample variances (n - 1) of two independent samples after dropping missing values. */
export interface TwoSampleSummary {
  sizeA: number;
  sizeB: number;
  meanA: number;
  meanB: number;
  varianceA: number;
  varianceB: number;
}

/**
 * Summaries of two independent samples by the corrected two-pass algorithm. O(n).
 * @throws RangeError naming `functionName` when a sample has fewer than 2 non-missing values.
 */
export function summariseTwoSamples(
  functionName: string,
  a: readonly MaybeNumber[],
  b: readonly MaybeNumber[],
): TwoSampleSummary {
  const first = Float64Array.from(completeValues(a));
  const second = Float64Array.from(completeValues(b));
  requireCount(functionName, first.length, 2, 'non-missing values in the first sample');
  requireCount(functionName, second.length, 2, 'non-missing values in the second sample');
  return {
    sizeA: first.length,
    sizeB: second.length,
    meanA: refinedMean(first),
    meanB: refinedMean(second),
    varianceA: denseVariance(first),
    varianceB: denseVariance(second),
  };
}

/** Pooled standard deviation sqrt(((nA - 1) sA^2 + (nB - 1) sB^2) / (nA + nB - 2)). O(1). */
export function pooledStandardDeviation(summary: TwoSampleSummary): number {
  const { sizeA, sizeB, varianceA, varianceB } = summary;
  return Math.sqrt(((sizeA - 1) * varianceA + (sizeB - 1) * varianceB) / (sizeA + sizeB - 2));
}
