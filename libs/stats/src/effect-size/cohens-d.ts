import { normalQuantile } from '../distributions/normal';
import type { MaybeNumber } from '../internal/data-policy';
import { resolveTestOptions } from '../internal/options';
import { pooledStandardDeviation, summariseTwoSamples } from '../internal/two-samples';

/** Options of {@link cohensD} and {@link hedgesG}. */
export interface EffectSizeOptions {
  /** Confidence level of the interval, strictly between 0 and 1; default 0.95. */
  confidenceLevel?: number;
}

/** Result of {@link cohensD}. */
export interface CohensDResult {
  /** Standardised mean difference (mean a - mean b) / pooled sd. */
  d: number;
  /** Normal-approximation interval d +/- z sqrt(variance). */
  ci: [number, number];
  /** Large-sample variance (nA + nB) / (nA nB) + d^2 / (2 (nA + nB)). */
  variance: number;
  sizeA: number;
  sizeB: number;
}

/** Large-sample (Hedges & Olkin 1985, eq. 5.15) variance of a standardised mean difference. O(1). */
export function standardisedDifferenceVariance(estimate: number, sizeA: number, sizeB: number): number {
  return 1 / sizeA + 1 / sizeB + (estimate * estimate) / (2 * (sizeA + sizeB));
}

/** Symmetric normal interval estimate +/- z sqrt(variance). O(1). */
export function normalInterval(
  estimate: number,
  variance: number,
  confidenceLevel: number,
): [number, number] {
  const half = normalQuantile((1 + confidenceLevel) / 2) * Math.sqrt(variance);
  return [estimate - half, estimate + half];
}

/**
 * Cohen's d for two independent samples: (mean a - mean b) / s_pooled, with s_pooled^2 = ((nA - 1) sA^2 +
 * (nB - 1) sB^2) / (nA + nB - 2) (Cohen 1988). Interval: the normal approximation of Hedges & Olkin (1985):
 * d +/- z_(1 - alpha/2) sqrt(1/nA + 1/nB + d^2 / (2 (nA + nB))), the variance R's `metafor::escalc` uses for
 * standardised mean differences.
 *
 * Missing data: null, undefined and NaN are dropped from each sample. Both samples constant gives NaN when the
 * means are equal, +/-Infinity otherwise.
 *
 * Complexity: O(nA + nB) time and memory.
 *
 * @throws RangeError when a sample has fewer than 2 non-missing values or the confidence level is invalid.
 * @example
 * cohensD([5, 6, 7, 8], [1, 2, 3, 4]).d // 3.0983866769659336 (R: 4 / sqrt(5/3))
 */
export function cohensD(
  a: readonly MaybeNumber[],
  b: readonly MaybeNumber[],
  options?: EffectSizeOptions,
): CohensDResult {
  const { confidenceLevel } = resolveTestOptions('cohensD', options);
  const summary = summariseTwoSamples('cohensD', a, b);
  const d = (summary.meanA - summary.meanB) / pooledStandardDeviation(summary);
  const variance = standardisedDifferenceVariance(d, summary.sizeA, summary.sizeB);
  return {
    d,
    ci: normalInterval(d, variance, confidenceLevel),
    variance,
    sizeA: summary.sizeA,
    sizeB: summary.sizeB,
  };
}
