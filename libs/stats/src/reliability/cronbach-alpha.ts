import { completeRows } from '../internal/complete-rows';
import { requireCount, type MaybeNumber } from '../internal/data-policy';
import { correlationFromCovariance, covarianceMatrix } from '../internal/linear-algebra';
import { fisherFQuantile } from '../distributions/fisher-f';

/** Options of {@link cronbachAlpha}. */
export interface CronbachAlphaOptions {
  /** Confidence level of the Feldt interval, strictly between 0 and 1; default 0.95. */
  confidenceLevel?: number;
}

/** Result of {@link cronbachAlpha}. */
export interface CronbachAlphaResult {
  /** Raw coefficient alpha (from covariances). */
  alpha: number;
  /** Standardized alpha (from the mean inter-item correlation); NaN when an item is constant. */
  standardized: number;
  /** Feldt confidence interval of the raw alpha, `[lower, upper]`. */
  ci: [number, number];
  /** Respondents used (complete rows). */
  n: number;
  /** Number of items. */
  items: number;
  /** Mean off-diagonal inter-item correlation. */
  averageCorrelation: number;
}

/**
 * Cronbach's coefficient alpha of a set of items, raw and standardized, with Feldt's confidence interval.
 *
 * - Raw: alpha = k / (k - 1) * (1 - sum of item variances / variance of the total score) (Cronbach 1951), variances
 *   with the n - 1 denominator, two-pass. Equal to R's `psych::alpha(x)$total$raw_alpha`.
 * - Standardized: k * rbar / (1 + (k - 1) * rbar) with rbar the mean off-diagonal correlation
 *   (`psych::alpha(x)$total$std.alpha`).
 * - CI (Feldt 1965; Feldt, Woodruff & Salih 1987), as `psych::alpha.ci`, which `psych::alpha` reports as `feldt`:
 *   lower = 1 - (1 - alpha) * F(1 - a/2; n - 1, (n - 1)(k - 1)), upper = 1 - (1 - alpha) * F(a/2; same df),
 *   with a = 1 - confidenceLevel.
 *
 * Missing data: listwise deletion (a respondent with any missing item is dropped), as `psych::alpha(na.omit(x))`.
 * A constant total score gives NaN alpha; a constant item gives NaN standardized alpha (its correlations are undefined).
 *
 * Complexity: O(n k^2) time, O(k^2) memory for n respondents and k items.
 * @param items rows = respondents, columns = items.
 * @throws RangeError when fewer than 2 items or fewer than 2 complete respondents, rows of unequal length, or a
 *   confidence level outside (0, 1).
 * @example
 * cronbachAlpha([[1, 2, 2], [2, 3, 3], [4, 4, 5], [3, 3, 3]]).alpha // 0.9618320610687022
 */
export function cronbachAlpha(
  items: readonly (readonly MaybeNumber[])[],
  options: CronbachAlphaOptions = {},
): CronbachAlphaResult {
  const confidenceLevel = options.confidenceLevel ?? 0.95;
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RangeError(
      `cronbachAlpha requires a confidenceLevel strictly between 0 and 1, got ${confidenceLevel}`,
    );
  }
  const rows = completeRows('cronbachAlpha', items);
  const itemCount = rows[0]?.length ?? items[0]?.length ?? 0;
  requireCount('cronbachAlpha', itemCount, 2, 'items');
  requireCount('cronbachAlpha', rows.length, 2, 'complete respondents');
  const n = rows.length;

  const covariance = covarianceMatrix(rows);
  let itemVarianceSum = 0;
  let totalVariance = 0;
  for (let a = 0; a < itemCount; a++) {
    itemVarianceSum += covariance[a][a];
    for (let b = 0; b < itemCount; b++) totalVariance += covariance[a][b];
  }
  const alpha =
    totalVariance > 0 ? (itemCount / (itemCount - 1)) * (1 - itemVarianceSum / totalVariance) : NaN;

  const correlation = correlationFromCovariance(covariance);
  let correlationSum = 0;
  for (let a = 0; a < itemCount; a++)
    for (let b = 0; b < itemCount; b++) if (a !== b) correlationSum += correlation[a][b];
  const averageCorrelation = correlationSum / (itemCount * (itemCount - 1));
  const standardized = (itemCount * averageCorrelation) / (1 + (itemCount - 1) * averageCorrelation);

  const tail = (1 - confidenceLevel) / 2;
  const df1 = n - 1;
  const df2 = (n - 1) * (itemCount - 1);
  const lower = 1 - (1 - alpha) * fisherFQuantile(1 - tail, df1, df2);
  const upper = 1 - (1 - alpha) * fisherFQuantile(tail, df1, df2);
  return { alpha, standardized, ci: [lower, upper], n, items: itemCount, averageCorrelation };
}
