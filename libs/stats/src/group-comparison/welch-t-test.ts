import { studentTPValue } from '../distributions/p-value';
import { studentTQuantile } from '../distributions/student-t';
import type { MaybeNumber } from '../internal/data-policy';
import { resolveTestOptions, type TestOptions } from '../internal/options';
import { summariseTwoSamples } from '../internal/two-samples';

/** Result of {@link welchTTest}. */
export interface WelchTTestResult {
  /** t = (mean a - mean b) / sqrt(sA^2 / nA + sB^2 / nB). */
  t: number;
  /** Welch-Satterthwaite degrees of freedom. */
  df: number;
  /** p-value for the chosen alternative. */
  p: number;
  /** Confidence interval of the mean difference (one-sided intervals run to -/+Infinity). */
  ci: [number, number];
  /** mean a - mean b. */
  meanDifference: number;
  /** Standard error of the difference. */
  standardError: number;
  meanA: number;
  meanB: number;
}

/**
 * Welch's two-sample t test for unequal variances, as R's `t.test(a, b, var.equal = FALSE)` (Welch 1947).
 *
 * Estimator: means and sample variances (n - 1) by the corrected two-pass algorithm; se = sqrt(sA^2/nA + sB^2/nB);
 * df = se^4 / ((sA^2/nA)^2 / (nA - 1) + (sB^2/nB)^2 / (nB - 1)); p from Student t with df, tails computed directly;
 * interval (mean a - mean b) +/- t_crit se.
 *
 * Missing data: null, undefined and NaN are dropped from each sample. Two constant samples give se = 0 and NaN
 * statistics (R stops with "data are essentially constant").
 *
 * Complexity: O(nA + nB) time and memory.
 *
 * @throws RangeError when a sample has fewer than 2 non-missing values or the options are invalid.
 * @example
 * welchTTest([1, 2, 3, 4], [2, 4, 6, 8, 10]).t // -2.251436323159369 (R: t.test(1:4, c(2,4,6,8,10))$statistic)
 */
export function welchTTest(
  a: readonly MaybeNumber[],
  b: readonly MaybeNumber[],
  options?: TestOptions,
): WelchTTestResult {
  const { alternative, confidenceLevel } = resolveTestOptions('welchTTest', options);
  const { sizeA, sizeB, meanA, meanB, varianceA, varianceB } = summariseTwoSamples('welchTTest', a, b);
  // Same operation order as R's t.test.
  const standardErrorA = Math.sqrt(varianceA / sizeA);
  const standardErrorB = Math.sqrt(varianceB / sizeB);
  const standardError = Math.sqrt(standardErrorA ** 2 + standardErrorB ** 2);
  const df = standardError ** 4 / (standardErrorA ** 4 / (sizeA - 1) + standardErrorB ** 4 / (sizeB - 1));
  const meanDifference = meanA - meanB;
  if (!(standardError > 0)) {
    return { t: NaN, df: NaN, p: NaN, ci: [NaN, NaN], meanDifference, standardError, meanA, meanB };
  }
  const t = meanDifference / standardError;
  const p = studentTPValue(t, df, alternative);
  let ci: [number, number];
  if (alternative === 'less') {
    ci = [-Infinity, (t + studentTQuantile(confidenceLevel, df)) * standardError];
  } else if (alternative === 'greater') {
    ci = [(t - studentTQuantile(confidenceLevel, df)) * standardError, Infinity];
  } else {
    const critical = studentTQuantile(1 - (1 - confidenceLevel) / 2, df);
    ci = [(t - critical) * standardError, (t + critical) * standardError];
  }
  return { t, df, p, ci, meanDifference, standardError, meanA, meanB };
}
