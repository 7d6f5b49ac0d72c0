import { normalQuantile } from '../distributions/normal';
import type { LinearMixedModelResult } from './linear-mixed-model';

/** A fixed effect with its standard error and Wald interval. */
export interface FixedEffectEstimate {
  estimate: number;
  se: number;
  /** estimate +/- z(1 - a/2) se; NaN bounds when se is not finite. */
  ci: [number, number];
}

/** One point of the population-mean trajectory of {@link mixedModelTrajectory}. */
export interface TrajectoryPoint {
  time: number;
  /** Fitted mean b0 + b1 time (no random effects). */
  fit: number;
  /** Standard error of the fitted mean: sqrt(se0^2 + 2 time cov01 + time^2 se1^2). */
  se: number;
  lower: number;
  upper: number;
}

export interface MixedModelTrajectory {
  intercept: FixedEffectEstimate;
  slope: FixedEffectEstimate;
  points: TrajectoryPoint[];
}

/**
 * The population-mean trajectory of a {@link linearMixedModel} fit with Wald intervals, as lme4 gives it:
 * `confint(fit, parm = "beta_", method = "Wald")` for intercept and slope, and at each time
 * `predict(fit, newdata, re.form = NA)` with the standard error sqrt(x' vcov(fit) x), x = (1, time), and
 * fit +/- z(1 - a/2) se (normal quantiles: lme4 reports no denominator degrees of freedom).
 *
 * Complexity: O(times).
 * @param fit a result of `linearMixedModel`.
 * @param times where to evaluate the mean trajectory (e.g. every session number in the data).
 * @param level confidence level, strictly between 0 and 1; default 0.95.
 * @throws RangeError for a level outside (0, 1).
 * @example
 * const fit = linearMixedModel({ y, time, subject });
 * mixedModelTrajectory(fit, [1, 2, 3]).points[0] // { time: 1, fit: b0 + b1, se, lower, upper }
 */
export function mixedModelTrajectory(
  fit: LinearMixedModelResult,
  times: readonly number[],
  level = 0.95,
): MixedModelTrajectory {
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`mixedModelTrajectory requires a level strictly between 0 and 1, got ${level}`);
  }
  const z = normalQuantile(1 - (1 - level) / 2);
  const wald = (estimate: number, se: number): FixedEffectEstimate => ({
    estimate,
    se,
    ci: [estimate - z * se, estimate + z * se],
  });
  const [interceptSe, slopeSe] = fit.se;
  return {
    intercept: wald(fit.fixed[0], interceptSe),
    slope: wald(fit.fixed[1], slopeSe),
    points: times.map((time) => {
      const mean = fit.fixed[0] + fit.fixed[1] * time;
      const se = Math.sqrt(interceptSe ** 2 + 2 * time * fit.fixedCovariance + time * time * slopeSe ** 2);
      return { time, fit: mean, se, lower: mean - z * se, upper: mean + z * se };
    }),
  };
}
