import { isMissing, requireSameLength, type MaybeNumber } from '../internal/data-policy';
import { minimizeNelderMead } from '../internal/nelder-mead';
import { polishNewton } from '../internal/newton-polish';

/** Input of {@link linearMixedModel}: one entry per observation (e.g. per session). */
export interface LinearMixedModelInput {
  /** Outcome. */
  y: readonly MaybeNumber[];
  /** Time (session number, weeks, ...), the fixed and random slope variable. */
  time: readonly MaybeNumber[];
  /** Subject (client) identifier; observations with the same identifier share random effects. */
  subject: readonly (string | number | null | undefined)[];
}

/** Result of {@link linearMixedModel}. */
export interface LinearMixedModelResult {
  /** Fixed effects [intercept, slope]. */
  fixed: [number, number];
  /** Standard errors of the fixed effects (sqrt of the diagonal of sigma^2 (R_X' R_X)^-1, as `vcov()`). */
  se: [number, number];
  /** Variance of the random intercepts. */
  varIntercept: number;
  /** Variance of the random slopes. */
  varSlope: number;
  /** Covariance of random intercept and slope. */
  covariance: number;
  /** Correlation of random intercept and slope (NaN when either variance is 0). */
  corr: number;
  /** Residual variance sigma^2. */
  varResidual: number;
  /** REML criterion at the optimum (-2 REML log-likelihood), as lme4's `REMLcrit()`. */
  remlCriterion: number;
  /** Relative covariance factor parameters [theta11, theta21, theta22] (lme4's `getME(fit, "theta")`). */
  theta: [number, number, number];
  /** True when the fit is on the boundary: a variance is 0 or the correlation is +/-1 (lme4's `isSingular`). */
  singular: boolean;
  /** Observations used. */
  n: number;
  /** Subjects used. */
  subjects: number;
  /** Deviance evaluations spent by the optimizer. */
  evaluations: number;
  /** Whether the optimizer met its tolerances. */
  converged: boolean;
}

/** Per-subject sufficient statistics: Z_i' Z_i, Z_i' y_i and y_i' y_i with Z_i = X_i = [1, time]. */
interface SubjectSums {
  count: number;
  time: number;
  timeSquared: number;
  y: number;
  timeY: number;
}

/** Symmetric 2x2 matrix [[a, b], [b, c]]. */
interface Symmetric2 {
  a: number;
  b: number;
  c: number;
}

/** Penalized least squares for given theta: everything the profiled REML deviance and the estimates need. */
function solvePenalizedLeastSquares(theta: readonly number[], sums: readonly SubjectSums[], yy: number) {
  const [t11, t21, t22] = theta;
  // Global X'X and X'y.
  let xxA = 0;
  let xxB = 0;
  let xxC = 0;
  let xy0 = 0;
  let xy1 = 0;
  // Schur complement S = X'X - sum D_i' M_i^-1 D_i and the reduced right-hand side.
  let sA = 0;
  let sB = 0;
  let sC = 0;
  let rhs0 = 0;
  let rhs1 = 0;
  let logDetRandom = 0;
  const cache: { inverse: Symmetric2; d: number[]; r0: number; r1: number }[] = [];
  for (const s of sums) {
    xxA += s.count;
    xxB += s.time;
    xxC += s.timeSquared;
    xy0 += s.y;
    xy1 += s.timeY;
    // D = Lambda' A with A = [[count, time], [time, timeSquared]], Lambda = [[t11, 0], [t21, t22]].
    const d00 = t11 * s.count + t21 * s.time;
    const d01 = t11 * s.time + t21 * s.timeSquared;
    const d10 = t22 * s.time;
    const d11 = t22 * s.timeSquared;
    // M = Lambda' A Lambda + I = D Lambda + I.
    const mA = d00 * t11 + d01 * t21 + 1;
    const mB = d01 * t22;
    const mC = d11 * t22 + 1;
    const determinant = mA * mC - mB * mB;
    logDetRandom += Math.log(determinant);
    const inverse = { a: mC / determinant, b: -mB / determinant, c: mA / determinant };
    // r = Lambda' Z'y.
    const r0 = t11 * s.y + t21 * s.timeY;
    const r1 = t22 * s.timeY;
    // M^-1 D (2x2) and M^-1 r.
    const q00 = inverse.a * d00 + inverse.b * d10;
    const q01 = inverse.a * d01 + inverse.b * d11;
    const q10 = inverse.b * d00 + inverse.c * d10;
    const q11 = inverse.b * d01 + inverse.c * d11;
    const w0 = inverse.a * r0 + inverse.b * r1;
    const w1 = inverse.b * r0 + inverse.c * r1;
    sA += d00 * q00 + d10 * q10;
    sB += d00 * q01 + d10 * q11;
    sC += d01 * q01 + d11 * q11;
    rhs0 += d00 * w0 + d10 * w1;
    rhs1 += d01 * w0 + d11 * w1;
    cache.push({ inverse, d: [d00, d01, d10, d11], r0, r1 });
  }
  const schur = { a: xxA - sA, b: xxB - sB, c: xxC - sC };
  const schurDeterminant = schur.a * schur.c - schur.b * schur.b;
  const reduced0 = xy0 - rhs0;
  const reduced1 = xy1 - rhs1;
  const beta0 = (schur.c * reduced0 - schur.b * reduced1) / schurDeterminant;
  const beta1 = (schur.a * reduced1 - schur.b * reduced0) / schurDeterminant;
  // Penalized residual sum of squares: y'y - u'(Lambda'Z'y) - beta'(X'y) at the PLS solution.
  let fitted = beta0 * xy0 + beta1 * xy1;
  for (const { inverse, d, r0, r1 } of cache) {
    const e0 = r0 - (d[0] * beta0 + d[1] * beta1);
    const e1 = r1 - (d[2] * beta0 + d[3] * beta1);
    const u0 = inverse.a * e0 + inverse.b * e1;
    const u1 = inverse.b * e0 + inverse.c * e1;
    fitted += u0 * r0 + u1 * r1;
  }
  const penalizedResidualSquares = yy - fitted;
  return { beta: [beta0, beta1] as const, schur, schurDeterminant, logDetRandom, penalizedResidualSquares };
}

/** Profiled REML deviance (Bates et al. 2015, eq. 41): log|L|^2 + log|R_X|^2 + (n - p)(1 + log(2 pi r^2 / (n - p))). */
function remlDeviance(theta: readonly number[], sums: readonly SubjectSums[], yy: number, n: number): number {
  const fit = solvePenalizedLeastSquares(theta, sums, yy);
  const degrees = n - 2;
  if (!(fit.schurDeterminant > 0) || !(fit.penalizedResidualSquares > 0)) return Infinity;
  return (
    fit.logDetRandom +
    Math.log(fit.schurDeterminant) +
    degrees * (1 + Math.log((2 * Math.PI * fit.penalizedResidualSquares) / degrees))
  );
}

/**
 * Linear mixed model with a random intercept and a random slope of time per subject, fitted by REML, as R's
 * `lme4::lmer(y ~ time + (time | subject), REML = TRUE)`:
 *   y_ij = b0 + b1 time_ij + u0_i + u1_i time_ij + e_ij, (u0_i, u1_i) ~ N(0, Sigma), e_ij ~ N(0, sigma^2).
 *
 * Method (Bates, Maechler, Bolker & Walker 2015, "Fitting linear mixed-effects models using lme4", J. Stat. Softw.
 * 67(1), section 3): Sigma = sigma^2 Lambda Lambda' with the lower-triangular relative covariance factor
 * Lambda(theta) = [[theta11, 0], [theta21, theta22]]. For each theta the penalized least-squares problem is solved
 * block by block (Z is block diagonal: one 2x2 system per subject, from per-subject sums computed once), beta and
 * sigma^2 are profiled out, and the profiled REML deviance
 *   d(theta) = log|L_theta|^2 + log|R_X|^2 + (n - 2) (1 + log(2 pi r^2(theta) / (n - 2)))
 * is minimised by Nelder-Mead with restarts from lme4's start (1, 0, 1) and from (0.1, 0, 0.1), then refined by
 * Newton steps on finite differences (the simplex alone pins theta only to ~1e-7 on this flat optimum). The deviance depends on Lambda only through Lambda Lambda', which is
 * unchanged by flipping the sign of theta22 or of (theta11, theta21); the search therefore runs unconstrained and
 * the result is mapped to theta11, theta22 >= 0 (lme4's bounds), so boundary (singular) fits are interior points of
 * the search. Estimates: sigma^2 = r^2 / (n - 2), Sigma = sigma^2 Lambda Lambda', Var(beta) = sigma^2 (R_X' R_X)^-1.
 * Agreement with lme4 1.1-31 at the minimiser of lme4's own deviance is about 1e-9 relative on the fixtures (the
 * tests hold 1e-6); lme4 with its default tolerances stops about 1e-5 away.
 *
 * Missing data: an observation with a missing y, time or subject is dropped.
 * Singular fits (a variance of 0, correlation +/-1) are returned with `singular: true`; a correlation whose variance
 * is 0 is NaN.
 *
 * Complexity: O(n) once for the per-subject sums, then O(m) per deviance evaluation for m subjects (a few hundred to
 * a few thousand evaluations).
 * @throws RangeError when the inputs differ in length, fewer than 2 subjects, n <= 2 m (as lme4: more observations
 *   than random effects are needed), or time does not vary.
 * @example
 * linearMixedModel({ y: scores, time: sessions, subject: clients }).fixed // [intercept, slope]
 */
export function linearMixedModel(input: LinearMixedModelInput): LinearMixedModelResult {
  const { y, time, subject } = input;
  requireSameLength('linearMixedModel', y, time, subject);
  const index = new Map<string, number>();
  const rows: { y: number; time: number; group: number }[] = [];
  let ySum = 0;
  for (let i = 0; i < y.length; i++) {
    const id = subject[i];
    if (isMissing(y[i]) || isMissing(time[i]) || id === null || id === undefined || Number.isNaN(id))
      continue;
    const key = `${typeof id}:${String(id)}`;
    let group = index.get(key);
    if (group === undefined) {
      group = index.size;
      index.set(key, group);
    }
    rows.push({ y: y[i] as number, time: time[i] as number, group });
    ySum += y[i] as number;
  }
  const n = rows.length;
  const subjects = index.size;
  if (subjects < 2) throw new RangeError(`linearMixedModel requires at least 2 subjects, got ${subjects}`);
  if (n <= 2 * subjects) {
    throw new RangeError(
      `linearMixedModel requires more observations than random effects (2 per subject): at least ${2 * subjects + 1} complete observations, got ${n}`,
    );
  }
  const firstTime = rows[0].time;
  if (rows.every((row) => row.time === firstTime))
    throw new RangeError('linearMixedModel requires time to vary');

  // Centre y on its mean: only the intercept moves, and the sums of squares keep their precision.
  const yMean = ySum / n;
  const sums: SubjectSums[] = Array.from({ length: subjects }, () => ({
    count: 0,
    time: 0,
    timeSquared: 0,
    y: 0,
    timeY: 0,
  }));
  let yy = 0;
  for (const row of rows) {
    const s = sums[row.group];
    const centred = row.y - yMean;
    s.count += 1;
    s.time += row.time;
    s.timeSquared += row.time * row.time;
    s.y += centred;
    s.timeY += row.time * centred;
    yy += centred * centred;
  }

  const objective = (theta: readonly number[]) => remlDeviance(theta, sums, yy, n);
  // lme4's starting value theta = (1, 0, 1); a second start guards against a local optimum on the boundary.
  // The simplex only needs to get close (1e-9); the Newton polish below takes the last digits.
  const simplexOptions = { functionTolerance: 1e-14, pointTolerance: 1e-9 };
  let optimum = minimizeNelderMead(objective, [1, 0, 1], simplexOptions);
  const alternative = minimizeNelderMead(objective, [0.1, 0, 0.1], simplexOptions);
  if (alternative.value < optimum.value)
    optimum = { ...alternative, evaluations: optimum.evaluations + alternative.evaluations };
  else optimum = { ...optimum, evaluations: optimum.evaluations + alternative.evaluations };

  // Newton steps on finite differences pin the flat minimum far tighter than the simplex can.
  const polished = polishNewton(objective, optimum.point);
  let [theta11, theta21, theta22] = polished.point;
  if (theta11 < 0) {
    theta11 = -theta11;
    theta21 = -theta21;
  }
  theta22 = Math.abs(theta22);
  const theta: [number, number, number] = [theta11, theta21, theta22];
  const fit = solvePenalizedLeastSquares(theta, sums, yy);
  const varResidual = fit.penalizedResidualSquares / (n - 2);
  const varIntercept = varResidual * theta11 * theta11;
  const covariance = varResidual * theta11 * theta21;
  const varSlope = varResidual * (theta21 * theta21 + theta22 * theta22);
  const corr = varIntercept > 0 && varSlope > 0 ? covariance / Math.sqrt(varIntercept * varSlope) : NaN;
  const inverseScale = varResidual / fit.schurDeterminant;
  // lme4's isSingular: a diagonal element of Lambda within 1e-4 of 0.
  const singular = theta11 < 1e-4 || theta22 < 1e-4;
  return {
    fixed: [fit.beta[0] + yMean, fit.beta[1]],
    se: [Math.sqrt(inverseScale * fit.schur.c), Math.sqrt(inverseScale * fit.schur.a)],
    varIntercept,
    varSlope,
    covariance,
    corr,
    varResidual,
    remlCriterion: objective(theta),
    theta,
    singular,
    n,
    subjects,
    evaluations: optimum.evaluations + polished.evaluations,
    converged: optimum.converged,
  };
}
