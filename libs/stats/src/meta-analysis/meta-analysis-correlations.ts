import { isMissing, requireCount, type MaybeNumber } from '../internal/data-policy';
import { chiSquareUpperTail } from '../distributions/chi-square';
import { normalQuantile } from '../distributions/normal';
import { normalPValue, studentTPValue } from '../distributions/p-value';
import { studentTQuantile } from '../distributions/student-t';

/** One study of a meta-analysis of correlations. */
export interface CorrelationStudy {
  /** Sample correlation, strictly between -1 and 1. */
  r: MaybeNumber;
  /** Sample size, at least 4 (the Fisher-z sampling variance is 1 / (n - 3)). */
  n: MaybeNumber;
  /** Optional label, echoed in `labels`. */
  label?: string;
}

/** Options of {@link metaAnalysisCorrelations}. */
export interface MetaAnalysisOptions {
  /** Between-study variance estimator: DerSimonian-Laird or restricted maximum likelihood. Default 'REML'. */
  method?: 'DL' | 'REML';
  /**
   * 'z' (normal), 'knha' (Hartung-Knapp-Sidik-Jonkman, t with k - 1 df) or 'adhoc' (the same with its variance
   * factor truncated at 1, so the interval is never narrower than the z-based one: Röver, Knapp & Friede 2015).
   * Default 'z'.
   */
  test?: 'z' | 'knha' | 'adhoc';
  /** Confidence level of the confidence and prediction intervals; default 0.95. */
  confidenceLevel?: number;
}

/** Result of {@link metaAnalysisCorrelations}. */
export interface MetaAnalysisResult {
  /** Pooled correlation, tanh of the pooled Fisher z. */
  estimate: number;
  /** Confidence interval of the pooled correlation (back-transformed). */
  ci: [number, number];
  /** Prediction interval of the correlation in a new study (back-transformed), as metafor's `predict()`. */
  predictionInterval: [number, number];
  /** Pooled estimate on the Fisher-z scale. */
  fisherZ: number;
  /** Standard error of the pooled Fisher z (Knapp-Hartung adjusted when test = 'knha'). */
  se: number;
  /** Confidence interval on the Fisher-z scale. */
  ciFisherZ: [number, number];
  /** Prediction interval on the Fisher-z scale. */
  predictionIntervalFisherZ: [number, number];
  /** Test statistic of the pooled Fisher z against 0 (z or t). */
  statistic: number;
  /** Two-sided p-value of `statistic`. */
  p: number;
  /** Test actually used ('z' when k = 1, as metafor). */
  test: 'z' | 'knha' | 'adhoc';
  /** Estimated between-study variance on the Fisher-z scale. */
  tau2: number;
  /** I^2 in percent: 100 tau2 / (tau2 + typical within-study variance) (Higgins & Thompson 2002, metafor's definition). */
  i2: number;
  /** H^2 = tau2 / typical within-study variance + 1. */
  h2: number;
  /** Cochran's Q (fixed-effect weights). */
  q: number;
  /** Degrees of freedom of Q, k - 1. */
  qDf: number;
  /** Upper-tail chi-square p-value of Q. */
  qP: number;
  /** Number of studies used. */
  k: number;
  /** Random-effects weight of each study in percent, as metafor's `weights()`. */
  weights: number[];
  /** Labels of the studies used, in order (undefined where none was given). */
  labels: (string | undefined)[];
  /** Fisher-scoring iterations for REML (0 for DL). */
  iterations: number;
}

/** Fisher scoring for the REML between-study variance of an intercept-only model (metafor's rma.uni algorithm). */
function remlBetweenStudyVariance(
  effects: readonly number[],
  samplingVariances: readonly number[],
): { value: number; iterations: number } {
  const k = effects.length;
  const mean = effects.reduce((sum, value) => sum + value, 0) / k;
  let squares = 0;
  for (const value of effects) squares += (value - mean) ** 2;
  // Hedges (HE) starting value, truncated at 0, as metafor.
  let betweenStudyVariance = Math.max(
    0,
    squares / (k - 1) - samplingVariances.reduce((sum, value) => sum + value, 0) / k,
  );
  let iterations = 0;
  for (; iterations < 1000; iterations++) {
    let weightSum = 0;
    let weightedSum = 0;
    let weightSquares = 0;
    let weightCubes = 0;
    const weights = samplingVariances.map((variance) => 1 / (variance + betweenStudyVariance));
    weights.forEach((weight, i) => {
      weightSum += weight;
      weightedSum += weight * effects[i];
      weightSquares += weight * weight;
      weightCubes += weight * weight * weight;
    });
    const pooled = weightedSum / weightSum;
    // With P = W - w w' / sum(w): P y = w (y - pooled), tr(P) and tr(P P) in closed form.
    let projectedSquares = 0;
    weights.forEach((weight, i) => (projectedSquares += (weight * (effects[i] - pooled)) ** 2));
    const traceP = weightSum - weightSquares / weightSum;
    const tracePP = weightSquares - (2 * weightCubes) / weightSum + (weightSquares / weightSum) ** 2;
    let adjustment = (projectedSquares - traceP) / tracePP;
    if (Number.isNaN(adjustment)) adjustment = 0;
    while (betweenStudyVariance + adjustment < 0) adjustment /= 2;
    const previous = betweenStudyVariance;
    betweenStudyVariance += adjustment;
    if (Math.abs(betweenStudyVariance - previous) <= 1e-15 * Math.max(1, betweenStudyVariance)) break;
  }
  return { value: Math.max(0, betweenStudyVariance), iterations: iterations + 1 };
}

/**
 * Random-effects meta-analysis of correlations on the Fisher-z scale, as R's
 * `metafor::rma(yi, vi, method, test)` on `escalc(measure = "ZCOR", ri, ni)` (metafor 3.8):
 * - effects z_i = atanh(r_i) with sampling variances v_i = 1 / (n_i - 3);
 * - between-study variance: DerSimonian & Laird (1986), tau2 = max(0, (Q - (k - 1)) / (sum w - sum w^2 / sum w)), or
 *   REML by Fisher scoring from the Hedges starting value, step-halving at the 0 bound, iterated to a relative change
 *   of 1e-15 (Viechtbauer 2005);
 * - pooled z = sum w*_i z_i / sum w*_i with w*_i = 1 / (v_i + tau2), se = sqrt(1 / sum w*_i); for 'knha' the variance
 *   is multiplied by sum w*_i (z_i - pooled)^2 / (k - 1) and t quantiles with k - 1 df are used (Hartung & Knapp
 *   2001), without truncation, as metafor's test = "knha"; 'adhoc' multiplies by max(1, that factor), as metafor's
 *   test = "adhoc" (Röver, Knapp & Friede 2015: with few studies that happen to agree, the untruncated factor can
 *   make the interval far narrower than any single study's);
 * - Q with fixed-effect weights 1 / v_i; I^2 = 100 tau2 / (tau2 + (k - 1) / (sum w - sum w^2 / sum w));
 * - prediction interval pooled +/- crit * sqrt(se^2 + tau2), crit the same normal or t quantile as the CI
 *   (metafor's `predict()` default);
 * - estimate, ci and predictionInterval are back-transformed with tanh.
 * With k = 1, tau2 = 0, Q = 0 (p = 1), I^2 = 0 and test 'z' is used, as metafor (which warns).
 *
 * Missing data: a study with a missing r or n is dropped.
 * Complexity: O(k) for DL; O(k) per Fisher-scoring iteration for REML (a few dozen iterations).
 * @throws RangeError when no complete study remains, when |r| >= 1 (Fisher z is infinite), when n < 4, or when the
 *   confidence level is outside (0, 1).
 * @example
 * const studies = [{ r: 0.3, n: 120 }, { r: 0.22, n: 80 }, { r: 0.35, n: 200 }];
 * metaAnalysisCorrelations(studies, { method: 'REML', test: 'knha' }).estimate // 0.310218396023878 (as metafor)
 */
export function metaAnalysisCorrelations(
  studies: readonly CorrelationStudy[],
  options: MetaAnalysisOptions = {},
): MetaAnalysisResult {
  const method = options.method ?? 'REML';
  const confidenceLevel = options.confidenceLevel ?? 0.95;
  if (method !== 'DL' && method !== 'REML')
    throw new RangeError(`metaAnalysisCorrelations got an unknown method '${String(method)}'`);
  if (
    options.test !== undefined &&
    options.test !== 'z' &&
    options.test !== 'knha' &&
    options.test !== 'adhoc'
  ) {
    throw new RangeError(`metaAnalysisCorrelations got an unknown test '${String(options.test)}'`);
  }
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RangeError(
      `metaAnalysisCorrelations requires a confidenceLevel strictly between 0 and 1, got ${confidenceLevel}`,
    );
  }
  const complete = studies.filter((study) => !isMissing(study.r) && !isMissing(study.n));
  requireCount('metaAnalysisCorrelations', complete.length, 1, 'complete studies');
  const effects: number[] = [];
  const samplingVariances: number[] = [];
  for (const study of complete) {
    const r = study.r as number;
    const n = study.n as number;
    if (!(Math.abs(r) < 1)) {
      throw new RangeError(
        `metaAnalysisCorrelations requires every r strictly between -1 and 1 (Fisher z is infinite at +/-1), got ${r}`,
      );
    }
    if (!(n >= 4))
      throw new RangeError(`metaAnalysisCorrelations requires every n to be at least 4, got ${n}`);
    effects.push(Math.atanh(r));
    samplingVariances.push(1 / (n - 3));
  }
  const k = effects.length;
  const test = k === 1 ? 'z' : (options.test ?? 'z');

  // Fixed-effect quantities: Q, and the trace of P that defines DL and the typical within-study variance.
  const fixedWeights = samplingVariances.map((variance) => 1 / variance);
  const fixedWeightSum = fixedWeights.reduce((sum, weight) => sum + weight, 0);
  const fixedWeightSquares = fixedWeights.reduce((sum, weight) => sum + weight * weight, 0);
  const fixedPooled = fixedWeights.reduce((sum, weight, i) => sum + weight * effects[i], 0) / fixedWeightSum;
  const q =
    k > 1 ? fixedWeights.reduce((sum, weight, i) => sum + weight * (effects[i] - fixedPooled) ** 2, 0) : 0;
  const traceFixed = fixedWeightSum - fixedWeightSquares / fixedWeightSum;

  let tau2 = 0;
  let iterations = 0;
  if (k > 1) {
    if (method === 'DL') {
      tau2 = Math.max(0, (q - (k - 1)) / traceFixed);
    } else {
      const reml = remlBetweenStudyVariance(effects, samplingVariances);
      tau2 = reml.value;
      iterations = reml.iterations;
    }
  }

  const randomWeights = samplingVariances.map((variance) => 1 / (variance + tau2));
  const randomWeightSum = randomWeights.reduce((sum, weight) => sum + weight, 0);
  const fisherZ = randomWeights.reduce((sum, weight, i) => sum + weight * effects[i], 0) / randomWeightSum;
  let variance = 1 / randomWeightSum;
  const tail = (1 - confidenceLevel) / 2;
  let critical: number;
  let statistic: number;
  let p: number;
  if (test === 'knha' || test === 'adhoc') {
    const residualSquares = randomWeights.reduce(
      (sum, weight, i) => sum + weight * (effects[i] - fisherZ) ** 2,
      0,
    );
    const scale = residualSquares <= Number.EPSILON ? 0 : residualSquares / (k - 1);
    variance *= test === 'adhoc' ? Math.max(1, scale) : scale;
    critical = studentTQuantile(1 - tail, k - 1);
    statistic = fisherZ / Math.sqrt(variance);
    p = studentTPValue(statistic, k - 1);
  } else {
    critical = normalQuantile(1 - tail);
    statistic = fisherZ / Math.sqrt(variance);
    p = normalPValue(statistic);
  }
  const se = Math.sqrt(variance);
  const ciFisherZ: [number, number] = [fisherZ - critical * se, fisherZ + critical * se];
  const predictionHalfWidth = critical * Math.sqrt(variance + tau2);
  const predictionIntervalFisherZ: [number, number] = [
    fisherZ - predictionHalfWidth,
    fisherZ + predictionHalfWidth,
  ];

  const typicalVariance = k > 1 ? (k - 1) / traceFixed : 0;
  const i2 = k > 1 ? (100 * tau2) / (typicalVariance + tau2) : 0;
  const h2 = k > 1 ? tau2 / typicalVariance + 1 : 1;

  return {
    estimate: Math.tanh(fisherZ),
    ci: [Math.tanh(ciFisherZ[0]), Math.tanh(ciFisherZ[1])],
    predictionInterval: [Math.tanh(predictionIntervalFisherZ[0]), Math.tanh(predictionIntervalFisherZ[1])],
    fisherZ,
    se,
    ciFisherZ,
    predictionIntervalFisherZ,
    statistic,
    p,
    test,
    tau2,
    i2,
    h2,
    q,
    qDf: k - 1,
    qP: k > 1 ? chiSquareUpperTail(q, k - 1) : 1,
    k,
    weights: randomWeights.map((weight) => (100 * weight) / randomWeightSum),
    labels: complete.map((study) => study.label),
    iterations,
  };
}
