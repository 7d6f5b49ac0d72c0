import { smallSampleCorrection } from '../internal/small-sample-correction';
import { resolveTestOptions } from '../internal/options';
import type { BivariateSummary } from '../summaries/bivariate-summary';
import { normalInterval, type EffectSizeOptions } from './cohens-d';

/** Result of {@link standardisedMeanChange}. */
export interface StandardisedMeanChangeResult {
  /** Bias-corrected standardised mean change J(n - 1) (mean after - mean before) / sd before. */
  estimate: number;
  /** The uncorrected value (mean after - mean before) / sd before. */
  d: number;
  /** Large-sample variance 2 (1 - r) / n + estimate^2 / (2 n) (Becker 1988; metafor's vtype "LS"). */
  variance: number;
  /** Normal-approximation interval estimate +/- z sqrt(variance). */
  ci: [number, number];
  /** The small-sample correction factor J(n - 1). */
  correction: number;
  /** Pearson correlation of before and after, which the variance needs. */
  correlation: number;
  n: number;
}

/**
 * Pre-post standardised mean change with raw-score standardisation (Becker 1988; Morris 2008), from a mergeable
 * {@link BivariateSummary} of (before, after) pairs, so that cohorts or institutions can be pooled without their
 * rows: d = (mean after - mean before) / sd before, estimate = J(n - 1) d with Hedges' exact correction, variance
 * 2 (1 - r) / n + estimate^2 / (2 n) with r the pre-post correlation, and the interval estimate +/- z sqrt(variance).
 * As R's `metafor::escalc(measure = "SMCR", m1i = mean after, m2i = mean before, sd1i = sd before, ni, ri)` with
 * `summary()`'s interval (metafor 3.8).
 *
 * Missing data: handled when the summary was built (pairwise deletion). Too little data: n < 3 (J needs 2 df) or a
 * constant baseline gives NaN fields (a constant end score: NaN variance and interval), as {@link summaryPearson} (a summary is not a data set, so nothing is thrown).
 *
 * Complexity: O(1).
 *
 * @throws RangeError when the confidence level is not strictly between 0 and 1.
 * @example
 * standardisedMeanChange(summarisePairs([11, 10, 19, 13], [2, 4, 5, 7])).d // (4.5 - 13.25) / sd([11, 10, 19, 13])
 */
export function standardisedMeanChange(
  summary: BivariateSummary,
  options?: EffectSizeOptions,
): StandardisedMeanChangeResult {
  const { confidenceLevel } = resolveTestOptions('standardisedMeanChange', options);
  const { n, meanX, meanY, m2X, m2Y, coMoment } = summary;
  if (!(n >= 3) || !(m2X > 0)) {
    return { estimate: NaN, d: NaN, variance: NaN, ci: [NaN, NaN], correction: NaN, correlation: NaN, n };
  }
  const d = (meanY - meanX) / Math.sqrt(m2X / (n - 1));
  const correction = smallSampleCorrection(n - 1);
  const estimate = correction * d;
  // A constant end score leaves r, and so the variance, undefined (NaN, as metafor's NA).
  const correlation = m2Y > 0 ? coMoment / Math.sqrt(m2X * m2Y) : NaN;
  const variance = (2 * (1 - correlation)) / n + (estimate * estimate) / (2 * n);
  return {
    estimate,
    d,
    variance,
    ci: normalInterval(estimate, variance, confidenceLevel),
    correction,
    correlation,
    n,
  };
}
