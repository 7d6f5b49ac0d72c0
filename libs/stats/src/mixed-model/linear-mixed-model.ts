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
  /**
   * Covariance of the two fixed-effect estimates (the off-diagonal of `vcov()`), for the standard error of a fitted
   * mean b0 + b1 t: sqrt(se0^2 + 2 t cov + t^2 se1^2).
   */
  fixedCovariance: number;
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
  /**
   * Entries [Lambda11, Lambda21, Lambda22] of the lower-triangular relative covariance factor Lambda, with
   * Sigma = sigma^2 Lambda Lambda' (lme4's `getME(fit, "theta")`).
   */
  covarianceFactor: [number, number, number];
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

/**
 * Per-subject sufficient statistics (Z_i' Z_i, Z_i' y_i with Z_i = X_i = [1, time]) as a structure of typed arrays,
 * plus a scratch area reused by every deviance evaluation, so that an evaluation allocates nothing.
 */
interface SubjectSums {
  subjects: number;
  count: Float64Array;
  time: Float64Array;
  timeSquared: Float64Array;
  y: Float64Array;
  timeY: Float64Array;
  /** Scratch, 9 numbers per subject: M^-1 (a, b, c), D (4), Lambda' Z'y (2). */
  scratch: Float64Array;
}

/** Penalized least squares for given theta: everything the profiled REML deviance and the estimates need. O(m). */
function solvePenalizedLeastSquares(
  factorParameters: readonly number[],
  sums: SubjectSums,
  centredSquares: number,
) {
  const [factor11, factor21, factor22] = factorParameters;
  const { count, time, timeSquared, y, timeY, scratch } = sums;
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
  for (let i = 0; i < sums.subjects; i++) {
    const n = count[i];
    const st = time[i];
    const stt = timeSquared[i];
    const sy = y[i];
    const sty = timeY[i];
    xxA += n;
    xxB += st;
    xxC += stt;
    xy0 += sy;
    xy1 += sty;
    // D = Lambda' A with A = [[n, st], [st, stt]], Lambda = [[t11, 0], [t21, t22]].
    const d00 = factor11 * n + factor21 * st;
    const d01 = factor11 * st + factor21 * stt;
    const d10 = factor22 * st;
    const d11 = factor22 * stt;
    // M = Lambda' A Lambda + I = D Lambda + I.
    const mA = d00 * factor11 + d01 * factor21 + 1;
    const mB = d01 * factor22;
    const mC = d11 * factor22 + 1;
    const determinant = mA * mC - mB * mB;
    logDetRandom += Math.log(determinant);
    const inverseA = mC / determinant;
    const inverseB = -mB / determinant;
    const inverseC = mA / determinant;
    // r = Lambda' Z'y.
    const r0 = factor11 * sy + factor21 * sty;
    const r1 = factor22 * sty;
    // M^-1 D and M^-1 r.
    const q00 = inverseA * d00 + inverseB * d10;
    const q01 = inverseA * d01 + inverseB * d11;
    const q10 = inverseB * d00 + inverseC * d10;
    const q11 = inverseB * d01 + inverseC * d11;
    const w0 = inverseA * r0 + inverseB * r1;
    const w1 = inverseB * r0 + inverseC * r1;
    sA += d00 * q00 + d10 * q10;
    sB += d00 * q01 + d10 * q11;
    sC += d01 * q01 + d11 * q11;
    rhs0 += d00 * w0 + d10 * w1;
    rhs1 += d01 * w0 + d11 * w1;
    const offset = 9 * i;
    scratch[offset] = inverseA;
    scratch[offset + 1] = inverseB;
    scratch[offset + 2] = inverseC;
    scratch[offset + 3] = d00;
    scratch[offset + 4] = d01;
    scratch[offset + 5] = d10;
    scratch[offset + 6] = d11;
    scratch[offset + 7] = r0;
    scratch[offset + 8] = r1;
  }
  const schur = { a: xxA - sA, b: xxB - sB, c: xxC - sC };
  const schurDeterminant = schur.a * schur.c - schur.b * schur.b;
  const reduced0 = xy0 - rhs0;
  const reduced1 = xy1 - rhs1;
  const beta0 = (schur.c * reduced0 - schur.b * reduced1) / schurDeterminant;
  const beta1 = (schur.a * reduced1 - schur.b * reduced0) / schurDeterminant;
  // Penalized residual sum of squares: y'y - u'(Lambda'Z'y) - beta'(X'y) at the PLS solution.
  let fitted = beta0 * xy0 + beta1 * xy1;
  for (let i = 0; i < sums.subjects; i++) {
    const offset = 9 * i;
    const r0 = scratch[offset + 7];
    const r1 = scratch[offset + 8];
    const e0 = r0 - (scratch[offset + 3] * beta0 + scratch[offset + 4] * beta1);
    const e1 = r1 - (scratch[offset + 5] * beta0 + scratch[offset + 6] * beta1);
    const u0 = scratch[offset] * e0 + scratch[offset + 1] * e1;
    const u1 = scratch[offset + 1] * e0 + scratch[offset + 2] * e1;
    fitted += u0 * r0 + u1 * r1;
  }
  const penalizedResidualSquares = centredSquares - fitted;
  return { beta: [beta0, beta1] as const, schur, schurDeterminant, logDetRandom, penalizedResidualSquares };
}

/** Profiled REML deviance (Bates et al. 2015, eq. 41): log|L|^2 + log|R_X|^2 + (n - p)(1 + log(2 pi r^2 / (n - p))). */
function remlDeviance(
  factorParameters: readonly number[],
  sums: SubjectSums,
  centredSquares: number,
  n: number,
): number {
  const fit = solvePenalizedLeastSquares(factorParameters, sums, centredSquares);
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
 * is minimised by Nelder-Mead with restarts from lme4's start (1, 0, 1) and three other starts, then refined by
 * Newton steps on finite differences (the simplex alone pins theta only to ~1e-7 on this flat optimum). The deviance depends on Lambda only through Lambda Lambda', which is
 * unchanged by flipping the sign of theta22 or of (theta11, theta21); the search therefore runs unconstrained and
 * the result is mapped to theta11, theta22 >= 0 (lme4's bounds), so boundary (singular) fits are interior points of
 * the search; a diagonal element is then set to exactly 0 when the deviance there is no worse within rounding.
 * With theta11 = 0 only theta21^2 + theta22^2 is identified (as in lme4). Estimates: sigma^2 = r^2 / (n - 2), Sigma = sigma^2 Lambda Lambda', Var(beta) = sigma^2 (R_X' R_X)^-1.
 * Agreement with lme4 1.1-31 at the minimiser of lme4's own deviance is about 1e-9 relative on the fixtures (the
 * tests hold 1e-6); lme4 with its default tolerances stops about 1e-5 away.
 *
 * Missing data: an observation with a missing y, time or subject is dropped.
 * Singular fits (a variance of 0, correlation +/-1) are returned with `singular: true`; a correlation whose variance
 * is 0 is NaN.
 *
 * Complexity: O(n) once for the per-subject sums, then O(m) per deviance evaluation for m subjects (a few hundred to
 * a few thousand evaluations); 10^5 observations of 10^4 subjects fit in about 2 s on a busy 2-core machine.
 * @throws RangeError when the inputs differ in length, fewer than 2 subjects, n <= 2 m (as lme4: more observations
 *   than random effects are needed), or time does not vary.
 * @example
 * linearMixedModel({
 *   y: [20, 18, 15, 14, 25, 22, 21, 17, 16, 15, 15, 12],
 *   time: [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3],
 *   subject: ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'c', 'c', 'c', 'c'],
 * }).fixed // [20.4, -1.9333...] (as lme4; a singular fit with corr -1)
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
  const sums: SubjectSums = {
    subjects,
    count: new Float64Array(subjects),
    time: new Float64Array(subjects),
    timeSquared: new Float64Array(subjects),
    y: new Float64Array(subjects),
    timeY: new Float64Array(subjects),
    scratch: new Float64Array(9 * subjects),
  };
  let centredSquares = 0;
  for (const row of rows) {
    const group = row.group;
    const centred = row.y - yMean;
    sums.count[group] += 1;
    sums.time[group] += row.time;
    sums.timeSquared[group] += row.time * row.time;
    sums.y[group] += centred;
    sums.timeY[group] += row.time * centred;
    centredSquares += centred * centred;
  }

  const objective = (factorParameters: readonly number[]) =>
    remlDeviance(factorParameters, sums, centredSquares, n);
  // lme4's starting value theta = (1, 0, 1) and three others: the deviance can have a local optimum on the boundary
  // (lme4 from (1, 0, 1) stops at one on a fixture), so the best of four simplex searches is kept.
  // The simplex only needs to get close (1e-9); the Newton polish below takes the last digits.
  const simplexOptions = { functionTolerance: 1e-14, pointTolerance: 1e-9 };
  const starts = [
    [1, 0, 1],
    [0.1, 0, 0.1],
    [1, 0, 0.1],
    [0.1, 0, 1],
  ];
  let optimum = minimizeNelderMead(objective, starts[0], simplexOptions);
  let simplexEvaluations = optimum.evaluations;
  for (const start of starts.slice(1)) {
    const candidate = minimizeNelderMead(objective, start, simplexOptions);
    simplexEvaluations += candidate.evaluations;
    if (candidate.value < optimum.value) optimum = candidate;
  }
  // Newton steps on finite differences pin the flat minimum far tighter than the simplex can.
  const polished = polishNewton(objective, optimum.point);
  let [factor11, factor21, factor22] = polished.point;
  if (factor11 < 0) {
    factor11 = -factor11;
    factor21 = -factor21;
  }
  factor22 = Math.abs(factor22);
  // A boundary (singular) optimum is approached but not reached by the search; put a diagonal element of Lambda on
  // its bound 0 when that is at least as good within rounding, as lme4's bounded optimizer does.
  const roundingNoise = 64 * Number.EPSILON * Math.abs(objective([factor11, factor21, factor22]));
  const current = objective([factor11, factor21, factor22]);
  if (objective([0, factor21, factor22]) <= current + roundingNoise) factor11 = 0;
  if (objective([factor11, factor21, 0]) <= objective([factor11, factor21, factor22]) + roundingNoise)
    factor22 = 0;
  const factorParameters: [number, number, number] = [factor11, factor21, factor22];
  const fit = solvePenalizedLeastSquares(factorParameters, sums, centredSquares);
  const varResidual = fit.penalizedResidualSquares / (n - 2);
  const varIntercept = varResidual * factor11 * factor11;
  const covariance = varResidual * factor11 * factor21;
  const varSlope = varResidual * (factor21 * factor21 + factor22 * factor22);
  // corr = Lambda11 Lambda21 / (Lambda11 sqrt(Lambda21^2 + Lambda22^2)): exactly +/-1 when Lambda22 = 0.
  const corr =
    factor11 > 0 && (factor21 !== 0 || factor22 !== 0) ? factor21 / Math.hypot(factor21, factor22) : NaN;
  const inverseScale = varResidual / fit.schurDeterminant;
  // lme4's isSingular: a diagonal element of Lambda within 1e-4 of 0.
  const singular = factor11 < 1e-4 || factor22 < 1e-4;
  return {
    fixed: [fit.beta[0] + yMean, fit.beta[1]],
    se: [Math.sqrt(inverseScale * fit.schur.c), Math.sqrt(inverseScale * fit.schur.a)],
    fixedCovariance: -inverseScale * fit.schur.b,
    varIntercept,
    varSlope,
    covariance,
    corr,
    varResidual,
    remlCriterion: objective(factorParameters),
    covarianceFactor: factorParameters,
    singular,
    n,
    subjects,
    evaluations: simplexEvaluations + polished.evaluations,
    converged: optimum.converged,
  };
}
