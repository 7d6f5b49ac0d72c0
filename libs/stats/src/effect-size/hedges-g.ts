import type { MaybeNumber } from '../internal/data-policy';
import { resolveTestOptions } from '../internal/options';
import { smallSampleCorrection } from '../internal/small-sample-correction';
import { pooledStandardDeviation, summariseTwoSamples } from '../internal/two-samples';
import { normalInterval, standardisedDifferenceVariance, type EffectSizeOptions } from './cohens-d';

/** Result of {@link hedgesG}. */
export interface HedgesGResult {
  /** Bias-corrected standardised mean difference J d. */
  g: number;
  /** Normal-approximation interval g +/- z sqrt(variance). */
  ci: [number, number];
  /** Large-sample variance 1/nA + 1/nB + g^2 / (2 (nA + nB)), as `metafor::escalc(measure = "SMD")`. */
  variance: number;
  /** The small-sample correction factor J. */
  correction: number;
  sizeA: number;
  sizeB: number;
}

/**
 * Hedges' g: Cohen's d (pooled sd) times the exact small-sample correction J(df) = Gamma(df/2) /
 * (sqrt(df/2) Gamma((df - 1)/2)), df = nA + nB - 2 (Hedges 1981; the exact factor, not the approximation
 * 1 - 3 / (4 df - 1)), computed without cancellation for any df. Interval: g +/- z sqrt(1/nA + 1/nB +
 * g^2 / (2 (nA + nB))), the variance of `metafor::escalc(measure = "SMD")` (Hedges & Olkin 1985).
 *
 * Missing data: null, undefined and NaN are dropped from each sample.
 *
 * Complexity: O(nA + nB) time and memory.
 *
 * @throws RangeError when a sample has fewer than 2 non-missing values or the confidence level is invalid.
 * @example
 * hedgesG([5, 6, 7, 8], [1, 2, 3, 4]).g // 2.691341356821505 (R: metafor::escalc("SMD", m1i = 6.5, sd1i = sd(5:8), n1i = 4, ...))
 */
export function hedgesG(
  a: readonly MaybeNumber[],
  b: readonly MaybeNumber[],
  options?: EffectSizeOptions,
): HedgesGResult {
  const { confidenceLevel } = resolveTestOptions('hedgesG', options);
  const summary = summariseTwoSamples('hedgesG', a, b);
  const { sizeA, sizeB } = summary;
  const correction = smallSampleCorrection(sizeA + sizeB - 2);
  const g = (correction * (summary.meanA - summary.meanB)) / pooledStandardDeviation(summary);
  const variance = standardisedDifferenceVariance(g, sizeA, sizeB);
  return { g, ci: normalInterval(g, variance, confidenceLevel), variance, correction, sizeA, sizeB };
}
