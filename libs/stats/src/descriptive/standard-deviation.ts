import { completeValues, requireCount, type MaybeNumber } from '../internal/data-policy';
import { denseVariance } from './variance';

/**
 * Sample standard deviation, the square root of {@link variance} (n - 1 denominator, corrected two-pass).
 *
 * Missing data: null, undefined and NaN are dropped.
 *
 * Complexity: O(n) time, O(n) memory.
 *
 * @throws RangeError when fewer than 2 non-missing values remain.
 * @example
 * standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) // 2.138089935299395 (R: sd(c(2, 4, 4, 4, 5, 5, 7, 9)))
 */
export function standardDeviation(values: readonly MaybeNumber[]): number {
  const complete = completeValues(values);
  requireCount('standardDeviation', complete.length, 2, 'non-missing values');
  return Math.sqrt(denseVariance(Float64Array.from(complete)));
}
