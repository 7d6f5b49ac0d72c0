import { studentTPValue } from '../distributions/p-value';
import { centredSums, correlationFromSums } from '../internal/centred-sums';
import { requireCount, type MaybeNumber } from '../internal/data-policy';
import { pairedInput } from '../internal/paired-input';
import { resolveTestOptions, type Alternative, type TestOptions } from '../internal/options';
import { averageRanks } from '../internal/ranks';
import { release } from '../internal/scratch';

/** Result of {@link spearman}. */
export interface SpearmanResult {
  /** Spearman's rank correlation (Pearson correlation of the average ranks). */
  rho: number;
  /** Complete pairs used. */
  n: number;
  /** Statistic S = (n^3 - n)(1 - rho) / 6, as R reports it. */
  s: number;
  /** t statistic of the large-sample approximation, with n - 2 df. */
  t: number;
  /** p-value for the chosen alternative. */
  p: number;
}

/**
 * Spearman's rank correlation with the p-value of R's `cor.test(x, y, method = "spearman", exact = FALSE)`.
 *
 * Estimator: rho = Pearson correlation of the average ranks (ties share the mean of their ranks; Spearman 1904).
 * p-value: R's asymptotic branch of `pspearman`: S = (n^3 - n)(1 - rho) / 6, r' = 1 - S / (n(n^2 - 1) / 6),
 * t = r' / sqrt((1 - r'^2) / (n - 2)) referred to Student t with n - 2 df, tails computed directly. rho = +/-1 gives
 * p = 0.
 *
 * Missing data: pairwise deletion (null, undefined, NaN dropped with their partner). A constant sample gives NaN.
 *
 * Complexity: O(n) radix ranking plus O(n) correlation (O(n log n) comparison sort below 512 pairs); O(n) memory.
 *
 * @throws RangeError when the inputs differ in length, fewer than 3 complete pairs remain, or the options are invalid.
 * @example
 * spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]).rho // 0.8207826816681233 (R: cor(1:5, c(5, 6, 7, 8, 7), method = "spearman"))
 */
export function spearman(
  x: readonly MaybeNumber[],
  y: readonly MaybeNumber[],
  options?: TestOptions,
): SpearmanResult {
  const { alternative } = resolveTestOptions('spearman', options);
  const pairs = pairedInput('spearman', x, y);
  requireCount('spearman', pairs.n, 3);
  const ranksX = averageRanks(pairs.x);
  const ranksY = averageRanks(pairs.y);
  const rho = correlationFromSums(centredSums(ranksX, ranksY));
  release(ranksX, ranksY);
  return spearmanTest(rho, pairs.n, alternative);
}

/** R's large-sample Spearman test of a given rho on n pairs (shared with correlationMatrix). O(1). */
export function spearmanTest(rho: number, n: number, alternative: Alternative): SpearmanResult {
  // The same floating-point steps as R's cor.test / pspearman, so p agrees to the last digits.
  const s = ((n * n * n - n) * (1 - rho)) / 6;
  const denominator = (n * (n * n - 1)) / 6;
  const roundTrip = 1 - s / denominator;
  const t = roundTrip / Math.sqrt((1 - roundTrip * roundTrip) / (n - 2));
  const p = studentTPValue(t, n - 2, alternative);
  return { rho, n, s, t, p };
}
