import { studentTQuantile } from '../distributions/student-t';
import type { LinearRegressionResult } from './linear-regression';

/** One point of a {@link confidenceBand}. */
export interface ConfidenceBandPoint {
  x: number;
  /** Fitted mean intercept + slope x. */
  fit: number;
  /** Standard error of the fitted mean at x. */
  se: number;
  lower: number;
  upper: number;
}

/**
 * Pointwise confidence band of the mean of a simple linear regression, as R's
 * `predict(lm(y ~ x), newdata, interval = "confidence", level)`: fit +/- t(1 - a/2; n - 2) se(fit), with
 * se(fit) = sigma sqrt(1/n + (x - mean(x))^2 / Sxx). The band is narrowest at mean(x). Without `xs` it is evaluated
 * at `points` equally spaced values over `range` (both ends included).
 *
 * Complexity: O(points) time and memory.
 * @param fit a result of `linearRegression`.
 * @param at either the x values (`{ xs }`) or a range and a number of points (`{ range: [from, to], points }`).
 * @param level confidence level, strictly between 0 and 1; default: the level of `fit`.
 * @throws RangeError for fewer than 2 points on a range, or a level outside (0, 1).
 * @example
 * confidenceBand(linearRegression([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), { xs: [3] })[0] // { x: 3, fit: 4, se: 0.4, lower: 2.7270..., upper: 5.2729... }
 */
export function confidenceBand(
  fit: LinearRegressionResult,
  at: { xs: readonly number[] } | { range: readonly [number, number]; points: number },
  level: number = fit.confidenceLevel,
): ConfidenceBandPoint[] {
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`confidenceBand requires a level strictly between 0 and 1, got ${level}`);
  }
  let xs: readonly number[];
  if ('xs' in at) xs = at.xs;
  else {
    if (!(Number.isInteger(at.points) && at.points >= 2)) {
      throw new RangeError(`confidenceBand requires at least 2 points on a range, got ${at.points}`);
    }
    const [from, to] = at.range;
    const step = (to - from) / (at.points - 1);
    xs = Array.from({ length: at.points }, (_, index) => (index === at.points - 1 ? to : from + index * step));
  }
  const quantile = studentTQuantile(1 - (1 - level) / 2, fit.df);
  const variance = fit.residualSe * fit.residualSe;
  return xs.map((x) => {
    const centred = x - fit.meanX;
    const mean = fit.intercept.estimate + fit.slope.estimate * x;
    const se = Math.sqrt(variance * (1 / fit.n + (centred * centred) / fit.sumSquaresX));
    return { x, fit: mean, se, lower: mean - quantile * se, upper: mean + quantile * se };
  });
}
