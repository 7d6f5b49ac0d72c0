import { refinedMean } from '../internal/centred-sums';
import { completeValues, requireCount, type MaybeNumber } from '../internal/data-policy';

/**
 * Arithmetic mean, by two passes: m = sum / n, then m + sum(x - m) / n, which removes most of the rounding error of
 * the first sum (the refinement of the corrected two-pass algorithm; Chan, Golub & LeVeque 1983).
 *
 * Missing data: null, undefined and NaN are dropped.
 *
 * Complexity: O(n) time, O(n) memory for the copy of the complete values.
 *
 * @throws RangeError when no non-missing value remains.
 * @example
 * mean([1, 2, null, 4]) // 2.3333333333333335 (R: mean(c(1, 2, NA, 4), na.rm = TRUE))
 */
export function mean(values: readonly MaybeNumber[]): number {
  const complete = completeValues(values);
  requireCount('mean', complete.length, 1, 'non-missing values');
  return refinedMean(Float64Array.from(complete));
}
