import { splitMean } from '../internal/centred-sums';
import { completeValues, requireCount, type MaybeNumber } from '../internal/data-policy';

/** Sample variance of dense values (n >= 2) by the corrected two-pass algorithm. O(n). */
export function denseVariance(values: Float64Array): number {
  const n = values.length;
  const { high, low } = splitMean(values);
  let sumSquares = 0;
  let sumDeviations = 0;
  for (let i = 0; i < n; i++) {
    const deviation = values[i] - high - low;
    sumSquares += deviation * deviation;
    sumDeviations += deviation;
  }
  return (sumSquares - (sumDeviations * sumDeviations) / n) / (n - 1);
}

/**
 * Sample variance with the n - 1 (unbiased) denominator, by the corrected two-pass algorithm (Chan, Golub &
 * LeVeque 1983): s^2 = (sum(d^2) - (sum d)^2 / n) / (n - 1) with d = x - mean. Reaches the certified NIST StRD
 * values to the double-precision ceiling of each data set, unlike the one-pass sum-of-squares formula.
 *
 * Missing data: null, undefined and NaN are dropped.
 *
 * Complexity: O(n) time, O(n) memory.
 *
 * @throws RangeError when fewer than 2 non-missing values remain.
 * @example
 * variance([2, 4, 4, 4, 5, 5, 7, 9]) // 4.571428571428571 (R: var(c(2, 4, 4, 4, 5, 5, 7, 9)))
 */
export function variance(values: readonly MaybeNumber[]): number {
  const complete = completeValues(values);
  requireCount('variance', complete.length, 2, 'non-missing values');
  return denseVariance(Float64Array.from(complete));
}
