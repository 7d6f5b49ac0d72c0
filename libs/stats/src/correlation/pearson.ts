import { studentTPValue } from '../distributions/p-value';
import { correlationFromSums } from '../internal/centred-sums';
import { requireCount, type MaybeNumber } from '../internal/data-policy';
import { completeCentredSums } from '../internal/paired-input';
import { correlationT, fisherZInterval } from '../internal/fisher-z';
import { resolveTestOptions, type TestOptions } from '../internal/options';

/** Result of {@link pearson}. */
export interface PearsonResult {
  /** Pearson's product-moment correlation. */
  r: number;
  /** Complete pairs used. */
  n: number;
  /** Degrees of freedom, n - 2. */
  df: number;
  /** t statistic, sqrt(df) r / sqrt(1 - r^2). */
  t: number;
  /** p-value of the t test for the chosen alternative. */
  p: number;
  /** Fisher-z confidence interval; [NaN, NaN] when n = 3 (R reports none). */
  ci: [number, number];
}

/**
 * Pearson's product-moment correlation with its t test and Fisher-z confidence interval, as R's
 * `cor.test(x, y, method = "pearson")`.
 *
 * Estimator: r = sum((x - mean x)(y - mean y)) / sqrt(sum((x - mean x)^2) sum((y - mean y)^2)) by the two-pass
 * (centred) algorithm, so adding 1e8 to every value leaves r unchanged; t = sqrt(n - 2) r / sqrt(1 - r^2) with
 * n - 2 df, its p-value computed from the tail directly (never 1 - cdf); interval tanh(atanh(r) +/- z / sqrt(n - 3))
 * (Fisher 1921), one-sided intervals as R's. Perfect correlation gives r = +/-1, t = +/-Infinity, p = 0 and the
 * degenerate interval [r, r].
 *
 * Missing data: pairs with a missing value (null, undefined, NaN) are dropped (pairwise deletion). A constant
 * sample gives r, t, p and ci NaN.
 *
 * Complexity: O(n) time, O(n) memory.
 *
 * @throws RangeError when the inputs differ in length, fewer than 3 complete pairs remain, or the options are invalid.
 * @example
 * pearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]).r // 0.7999999999999998, as R: cor.test(1:5, c(2, 1, 4, 3, 5))$estimate
 */
export function pearson(
  x: readonly MaybeNumber[],
  y: readonly MaybeNumber[],
  options?: TestOptions,
): PearsonResult {
  const { alternative, confidenceLevel } = resolveTestOptions('pearson', options);
  const sums = completeCentredSums('pearson', x, y);
  requireCount('pearson', sums.n, 3);
  return pearsonTest(correlationFromSums(sums), sums.n, alternative, confidenceLevel);
}

/** The t test and Fisher-z interval of a correlation r from n pairs (shared with pointBiserial). O(1). */
export function pearsonTest(
  r: number,
  n: number,
  alternative: NonNullable<TestOptions['alternative']>,
  confidenceLevel: number,
): PearsonResult {
  const df = n - 2;
  const t = correlationT(r, df);
  const p = studentTPValue(t, df, alternative);
  const ci =
    n > 3
      ? fisherZInterval(r, 1 / Math.sqrt(n - 3), confidenceLevel, alternative)
      : ([NaN, NaN] as [number, number]);
  return { r, n, df, t, p, ci };
}
