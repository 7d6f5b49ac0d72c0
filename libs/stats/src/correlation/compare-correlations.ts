import { normalQuantile } from '../distributions/normal';
import { normalPValue } from '../distributions/p-value';
import { resolveTestOptions, type TestOptions } from '../internal/options';

/** A correlation and the number of pairs it was computed from. */
export interface CorrelationSample {
  r: number;
  n: number;
}

/** Result of {@link compareCorrelations}. */
export interface CompareCorrelationsResult {
  /** z = (atanh r1 - atanh r2) / sqrt(1 / (n1 - 3) + 1 / (n2 - 3)). */
  z: number;
  /** p-value of z for the chosen alternative (two-sided by default). */
  p: number;
  /** Difference of the Fisher z values, atanh r1 - atanh r2. */
  difference: number;
  /** Standard error of the difference, sqrt(1 / (n1 - 3) + 1 / (n2 - 3)). */
  se: number;
  /** Interval of the Fisher-z difference, difference +/- z se (two-sided, at the confidence level). */
  ci: [number, number];
}

/**
 * Tests whether two correlations from independent samples differ, by Fisher's z (Fisher 1921; Cohen, Cohen, West
 * & Aiken 2003, eq. 2.8.11): z = (atanh r1 - atanh r2) / sqrt(1 / (n1 - 3) + 1 / (n2 - 3)), referred to the
 * standard normal (tail computed directly). The interval of the difference on the Fisher-z scale is
 * difference +/- z_(1 - alpha/2) se, whatever the alternative of the test.
 *
 * Missing data: not applicable (summaries in, no rows). r = +/-1 in one sample gives z = +/-Infinity and p = 0;
 * r = 1 in both gives NaN.
 *
 * Complexity: O(1).
 *
 * @throws RangeError when an n is below 4, an r is outside [-1, 1] or not a number, or the options are invalid.
 * @example
 * compareCorrelations({ r: 0.5, n: 100 }, { r: 0.3, n: 120 }).z // (atanh(.5) - atanh(.3)) / sqrt(1/97 + 1/117)
 */
export function compareCorrelations(
  first: CorrelationSample,
  second: CorrelationSample,
  options?: TestOptions,
): CompareCorrelationsResult {
  const { alternative, confidenceLevel } = resolveTestOptions('compareCorrelations', options);
  for (const sample of [first, second]) {
    if (!(sample.n >= 4))
      throw new RangeError(`compareCorrelations requires n of at least 4 in each sample, got ${sample.n}`);
    if (!(sample.r >= -1 && sample.r <= 1)) {
      throw new RangeError(`compareCorrelations requires r between -1 and 1, got ${sample.r}`);
    }
  }
  const difference = Math.atanh(first.r) - Math.atanh(second.r);
  const se = Math.sqrt(1 / (first.n - 3) + 1 / (second.n - 3));
  const z = difference / se;
  const half = normalQuantile(1 - (1 - confidenceLevel) / 2) * se;
  return { z, p: normalPValue(z, alternative), difference, se, ci: [difference - half, difference + half] };
}
