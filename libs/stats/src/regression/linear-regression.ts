import { requireCount, type MaybeNumber } from '../internal/data-policy';
import { completeCentredSums } from '../internal/paired-input';
import { studentTQuantile, studentTUpperTail } from '../distributions/student-t';

/** Options of {@link linearRegression}. */
export interface LinearRegressionOptions {
  /** Confidence level of the coefficient intervals, strictly between 0 and 1; default 0.95. */
  confidenceLevel?: number;
}

/** One coefficient of {@link linearRegression}. */
export interface RegressionCoefficient {
  estimate: number;
  /** Standard error. */
  se: number;
  /** t statistic, estimate / se. */
  t: number;
  /** Two-sided p-value of the t test of coefficient = 0 (df = n - 2). */
  p: number;
  /** t-based confidence interval `[lower, upper]`. */
  ci: [number, number];
}

/** Result of {@link linearRegression}: everything {@link confidenceBand} needs, too. */
export interface LinearRegressionResult {
  intercept: RegressionCoefficient;
  slope: RegressionCoefficient;
  /** Residual standard error sigma = sqrt(RSS / (n - 2)). */
  residualSe: number;
  /** Coefficient of determination. */
  rSquared: number;
  /** Residual degrees of freedom, n - 2. */
  df: number;
  /** Complete pairs used. */
  n: number;
  /** Mean of x over the complete pairs. */
  meanX: number;
  /** Sum of squares of x about its mean. */
  sumSquaresX: number;
  /** Covariance of the intercept and slope estimates, -meanX sigma^2 / Sxx (`vcov(lm)[1, 2]`). */
  covariance: number;
  /** Confidence level of the intervals. */
  confidenceLevel: number;
}

/**
 * Simple linear regression of y on x by ordinary least squares, as R's `lm(y ~ x)` with `summary()` and
 * `confint()`: slope = Sxy / Sxx, intercept = mean(y) - slope mean(x), sigma^2 = RSS / (n - 2),
 * se(slope) = sigma / sqrt(Sxx), se(intercept) = sigma sqrt(1/n + mean(x)^2 / Sxx), t intervals with n - 2 df.
 * The sums are centred two-pass sums with compensated summation (the same kernel as `pearson`), so a constant added to
 * x or y does not cost precision. RSS is computed as Syy - Sxy^2 / Sxx (clamped at 0), i.e. Syy (1 - r^2).
 *
 * Missing data: pairwise deletion (a pair with a missing x or y is dropped).
 * A constant x gives NaN coefficients (the slope is undefined); a perfect fit gives se 0 and NaN t and p.
 *
 * Complexity: O(n) time, O(n) scratch memory.
 * @throws RangeError when fewer than 3 complete pairs, inputs of different length, or a confidence level outside (0, 1).
 * @example
 * linearRegression([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]).slope.estimate // 0.6 (intercept 2.2)
 */
export function linearRegression(
  x: readonly MaybeNumber[],
  y: readonly MaybeNumber[],
  options: LinearRegressionOptions = {},
): LinearRegressionResult {
  const confidenceLevel = options.confidenceLevel ?? 0.95;
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RangeError(
      `linearRegression requires a confidenceLevel strictly between 0 and 1, got ${confidenceLevel}`,
    );
  }
  const sums = completeCentredSums('linearRegression', x, y);
  requireCount('linearRegression', sums.n, 3);
  const { n, meanX, meanY, sumSquaresX, sumSquaresY, sumProducts } = sums;
  const df = n - 2;
  const slope = sums.constantX ? NaN : sumProducts / sumSquaresX;
  const intercept = meanY - slope * meanX;
  const residualSquares = Math.max(0, sumSquaresY - slope * sumProducts);
  const variance = residualSquares / df;
  const residualSe = Math.sqrt(variance);
  const slopeSe = Math.sqrt(variance / sumSquaresX);
  const interceptSe = Math.sqrt(variance * (1 / n + (meanX * meanX) / sumSquaresX));
  const quantile = studentTQuantile(1 - (1 - confidenceLevel) / 2, df);
  const coefficient = (estimate: number, se: number): RegressionCoefficient => {
    const t = se > 0 ? estimate / se : NaN;
    return {
      estimate,
      se,
      t,
      p: Number.isNaN(t) ? NaN : 2 * studentTUpperTail(Math.abs(t), df),
      ci: [estimate - quantile * se, estimate + quantile * se],
    };
  };
  return {
    intercept: coefficient(intercept, interceptSe),
    slope: coefficient(slope, slopeSe),
    residualSe,
    rSquared: sums.constantY ? NaN : 1 - residualSquares / sumSquaresY,
    df,
    n,
    meanX,
    sumSquaresX,
    covariance: (-meanX * variance) / sumSquaresX,
    confidenceLevel,
  };
}
