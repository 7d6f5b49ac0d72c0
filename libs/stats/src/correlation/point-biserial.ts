import { correlationFromSums } from '../internal/centred-sums';
import { requireCount, type MaybeNumber } from '../internal/data-policy';
import { pairedCentredSums, pairedInput } from '../internal/paired-input';
import { resolveTestOptions, type TestOptions } from '../internal/options';
import { pearsonTest, type PearsonResult } from './pearson';

/**
 * Point-biserial correlation of a 0/1 variable with a continuous one: Pearson's r with a dichotomous variable,
 * equal to (M1 - M0) / s_n sqrt(p q), with the t test and Fisher-z interval of {@link pearson} (R:
 * `cor.test(binary, continuous)`; its t equals the pooled-variance two-sample t).
 *
 * Estimator: two-pass Pearson correlation (see {@link pearson}).
 *
 * Missing data: pairwise deletion. Only one group present (constant binary variable) gives NaN.
 *
 * Complexity: O(n) time, O(n) memory.
 *
 * @throws RangeError when lengths differ, fewer than 3 complete pairs remain, the options are invalid, or a
 *   non-missing value of `binary` is neither 0 nor 1.
 * @example
 * pointBiserial([0, 0, 1, 1, 1], [2, 3, 5, 4, 6]).r // 0.8660254037844385 (R: cor(c(0,0,1,1,1), c(2,3,5,4,6)) = 0.8660254)
 */
export function pointBiserial(
  binary: readonly MaybeNumber[],
  continuous: readonly MaybeNumber[],
  options?: TestOptions,
): PearsonResult {
  const { alternative, confidenceLevel } = resolveTestOptions('pointBiserial', options);
  const pairs = pairedInput('pointBiserial', binary, continuous);
  for (let i = 0; i < pairs.n; i++) {
    const value = pairs.x[i];
    if (value !== 0 && value !== 1) {
      throw new RangeError(`pointBiserial requires the binary variable to hold only 0 and 1, got ${value}`);
    }
  }
  requireCount('pointBiserial', pairs.n, 3);
  return pearsonTest(correlationFromSums(pairedCentredSums(pairs)), pairs.n, alternative, confidenceLevel);
}
