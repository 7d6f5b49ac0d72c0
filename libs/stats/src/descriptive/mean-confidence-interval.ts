import { completeValues, requireCount, type MaybeNumber } from '../internal/data-policy';
import { studentTQuantile } from '../distributions/student-t';
import { mean } from './mean';
import { standardDeviation } from './standard-deviation';

/** Result of {@link meanConfidenceInterval}. */
export interface MeanConfidenceIntervalResult {
  mean: number;
  /** Standard error sd / sqrt(n). */
  se: number;
  /** t-based interval `[lower, upper]`. */
  ci: [number, number];
  /** Degrees of freedom, n - 1. */
  df: number;
  /** Non-missing values used. */
  n: number;
}

/**
 * Mean of a sample with its one-sample t confidence interval, as R's `t.test(x, conf.level = level)$conf.int`:
 * mean +/- t(1 - a/2; n - 1) sd / sqrt(n), with the two-pass mean and n - 1 standard deviation of this library.
 *
 * Missing data: null, undefined and NaN are dropped. A constant sample gives se 0 and a zero-width interval.
 *
 * Complexity: O(n) time and memory.
 * @throws RangeError when fewer than 2 non-missing values or a level outside (0, 1).
 * @example
 * meanConfidenceInterval([2, 4, 4, 5, 7]).ci // [2.14440533370096, 6.65559466629904] (R: t.test(c(2, 4, 4, 5, 7))$conf.int)
 */
export function meanConfidenceInterval(
  values: readonly MaybeNumber[],
  level = 0.95,
): MeanConfidenceIntervalResult {
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`meanConfidenceInterval requires a level strictly between 0 and 1, got ${level}`);
  }
  const complete = completeValues(values);
  requireCount('meanConfidenceInterval', complete.length, 2, 'non-missing values');
  const n = complete.length;
  const centre = mean(complete);
  const se = standardDeviation(complete) / Math.sqrt(n);
  const half = studentTQuantile(1 - (1 - level) / 2, n - 1) * se;
  return { mean: centre, se, ci: [centre - half, centre + half], df: n - 1, n };
}
