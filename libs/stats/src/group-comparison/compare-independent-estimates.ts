import { normalQuantile } from '../distributions/normal';
import { normalPValue } from '../distributions/p-value';
import { resolveTestOptions } from '../internal/options';

/** An estimate with its sampling variance (e.g. a standardised mean change and its large-sample variance). */
export interface EstimateWithVariance {
  estimate: number;
  variance: number;
}

/** Result of {@link compareIndependentEstimates}. */
export interface CompareIndependentEstimatesResult {
  /** first - second. */
  difference: number;
  /** sqrt(variance first + variance second). */
  se: number;
  /** Wald interval difference +/- z se. */
  ci: [number, number];
  z: number;
  /** Two-sided p of z. */
  p: number;
}

/**
 * Difference of two estimates from independent samples, with a Wald interval and z test: the variance of the
 * difference is the sum of the variances (e.g. comparing the standardised mean changes of two institutions, as the
 * Q-between test of a subgroup meta-analysis with two subgroups; Borenstein et al. 2009, ch. 19).
 *
 * Missing data: not applicable (summaries in).
 *
 * Complexity: O(1).
 *
 * @throws RangeError when an estimate is not finite, a variance is negative or not finite, or the confidence level
 *   is invalid.
 * @example
 * compareIndependentEstimates({ estimate: -0.8, variance: 0.04 }, { estimate: -0.5, variance: 0.01 }).se // sqrt(0.05)
 */
export function compareIndependentEstimates(
  first: EstimateWithVariance,
  second: EstimateWithVariance,
  options?: { confidenceLevel?: number },
): CompareIndependentEstimatesResult {
  const { confidenceLevel } = resolveTestOptions('compareIndependentEstimates', options);
  for (const sample of [first, second]) {
    if (!Number.isFinite(sample.estimate))
      throw new RangeError(`compareIndependentEstimates requires finite estimates, got ${sample.estimate}`);
    if (!(Number.isFinite(sample.variance) && sample.variance >= 0))
      throw new RangeError(
        `compareIndependentEstimates requires finite non-negative variances, got ${sample.variance}`,
      );
  }
  const difference = first.estimate - second.estimate;
  const se = Math.sqrt(first.variance + second.variance);
  const half = normalQuantile(1 - (1 - confidenceLevel) / 2) * se;
  const z = difference / se;
  return { difference, se, ci: [difference - half, difference + half], z, p: normalPValue(z) };
}
