import { splitMean } from '../internal/centred-sums';
import { completeValues, isMissing, requireCount, type MaybeNumber } from '../internal/data-policy';

/**
 * Lag-1 autocorrelation coefficient of a series, as defined by the NIST Statistical Reference Datasets (and R's
 * `acf(x, lag.max = 1)$acf[2]`): r(1) = sum_{i=2..n} (y_i - mean)(y_{i-1} - mean) / sum_{i=1..n} (y_i - mean)^2,
 * with the mean carried to twice double precision
 * (two passes, high and low parts), so the result reaches the exact value of the stored doubles.
 *
 * Missing data: the mean and the denominator use the non-missing values; the numerator skips every lag pair in
 * which either value is missing (the series keeps its time positions; a gap is not closed up). A constant series
 * gives NaN.
 *
 * Complexity: O(n) time, O(n) memory.
 *
 * @throws RangeError when fewer than 2 non-missing values remain.
 * @example
 * lagOneAutocorrelation([1, 2, 3, 4, 5]) // 0.4 (R: acf(1:5, lag.max = 1, plot = FALSE)$acf[2])
 */
export function lagOneAutocorrelation(values: readonly MaybeNumber[]): number {
  const complete = completeValues(values);
  requireCount('lagOneAutocorrelation', complete.length, 2, 'non-missing values');
  // The mean as high + low parts: r(1) depends on the mean to first order (through the end terms), so a mean
  // rounded to double would cost digits on data such as NIST NumAcc3/4.
  const { high, low } = splitMean(complete);
  let denominator = 0;
  for (const value of complete) {
    const deviation = value - high - low;
    denominator += deviation * deviation;
  }
  let numerator = 0;
  for (let i = 1; i < values.length; i++) {
    const current = values[i];
    const previous = values[i - 1];
    if (isMissing(current) || isMissing(previous)) continue;
    numerator += (current - high - low) * (previous - high - low);
  }
  return denominator > 0 ? numerator / denominator : NaN;
}
