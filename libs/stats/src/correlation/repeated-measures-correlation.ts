import { studentTPValue } from '../distributions/p-value';
import { correlationFromMoments } from '../internal/centred-sums';
import { isMissing, requireCount, requireSameLength, type MaybeNumber } from '../internal/data-policy';
import { correlationT, fisherZInterval } from '../internal/fisher-z';
import { resolveTestOptions, type TestOptions } from '../internal/options';

/** A subject identifier; `null`, `undefined` and `NaN` mean missing. */
export type SubjectId = string | number | null | undefined;

/** Result of {@link repeatedMeasuresCorrelation}. */
export interface RepeatedMeasuresCorrelationResult {
  /** Repeated-measures (common within-subject) correlation. */
  r: number;
  /** Residual degrees of freedom of the ANCOVA, N - k - 1. */
  df: number;
  /** Two-sided p-value (the F test of x in the ANCOVA, F = t^2). */
  p: number;
  /** Fisher-z interval with standard error 1 / sqrt(df - 3), as `psych::r.con(r, df)`; NaN when df <= 3. */
  ci: [number, number];
  /** Complete observations used. */
  n: number;
  /** Subjects (levels) among the complete observations. */
  subjects: number;
  /** Common within-subject slope of y on x. */
  slope: number;
}

/**
 * Repeated-measures correlation (Bakdash & Marusich 2017, R package `rmcorr`): the common within-subject
 * association of x and y measured on several occasions per subject, separated from differences between subjects.
 *
 * Estimator: the ANCOVA `lm(y ~ factor(subject) + x)`; r = sign(slope) sqrt(SS_x / (SS_x + SS_residual)), which
 * equals the Pearson formula applied to the deviations of x and y from their own subject's means. df = N - k - 1
 * (N observations, k subjects); p is the F test of x (t test with df); the interval is rmcorr's analytic one,
 * `psych::r.con(r, df, p = confidenceLevel)`: tanh(atanh(r) +/- z / sqrt(df - 3)).
 *
 * Missing data: an observation with a missing subject, x or y is dropped. Subjects with one observation still
 * count in k, as a factor level in R's `lm`. No within-subject variation in x or y gives NaN.
 *
 * Complexity: O(N) time (one hash of the subject ids), O(N) memory.
 *
 * @throws RangeError when lengths differ, fewer than k + 2 complete observations remain, or the options are invalid.
 * @example
 * // two subjects, three occasions each; R: rmcorr(subject, x, y, data)
 * repeatedMeasuresCorrelation(['a', 'a', 'a', 'b', 'b', 'b'], [1, 2, 3, 4, 5, 6], [1, 3, 2, 5, 6, 8]).r
 */
export function repeatedMeasuresCorrelation(
  subject: readonly SubjectId[],
  x: readonly MaybeNumber[],
  y: readonly MaybeNumber[],
  options?: Pick<TestOptions, 'confidenceLevel'>,
): RepeatedMeasuresCorrelationResult {
  const { confidenceLevel } = resolveTestOptions('repeatedMeasuresCorrelation', options);
  requireSameLength('repeatedMeasuresCorrelation', subject, x, y);
  const groupOf = new Map<string | number, number>();
  const group: number[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const id = subject[i];
    const a = x[i];
    const b = y[i];
    if (id === null || id === undefined || (typeof id === 'number' && Number.isNaN(id))) continue;
    if (isMissing(a) || isMissing(b)) continue;
    let index = groupOf.get(id);
    if (index === undefined) {
      index = groupOf.size;
      groupOf.set(id, index);
    }
    group.push(index);
    xs.push(a);
    ys.push(b);
  }
  const n = xs.length;
  const subjects = groupOf.size;
  requireCount('repeatedMeasuresCorrelation', n, subjects + 2, 'complete observations (subjects + 2)');

  // Two-pass subject means: first estimate, then the mean residual added back.
  const counts = new Float64Array(subjects);
  const meanX = new Float64Array(subjects);
  const meanY = new Float64Array(subjects);
  for (let i = 0; i < n; i++) {
    counts[group[i]]++;
    meanX[group[i]] += xs[i];
    meanY[group[i]] += ys[i];
  }
  for (let g = 0; g < subjects; g++) {
    meanX[g] /= counts[g];
    meanY[g] /= counts[g];
  }
  const residualX = new Float64Array(subjects);
  const residualY = new Float64Array(subjects);
  for (let i = 0; i < n; i++) {
    residualX[group[i]] += xs[i] - meanX[group[i]];
    residualY[group[i]] += ys[i] - meanY[group[i]];
  }
  for (let g = 0; g < subjects; g++) {
    meanX[g] += residualX[g] / counts[g];
    meanY[g] += residualY[g] / counts[g];
  }
  let sumSquaresX = 0;
  let sumSquaresY = 0;
  let sumProducts = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - meanX[group[i]];
    const dy = ys[i] - meanY[group[i]];
    sumSquaresX += dx * dx;
    sumSquaresY += dy * dy;
    sumProducts += dx * dy;
  }
  const df = n - subjects - 1;
  let r = NaN;
  if (sumSquaresX > 0 && sumSquaresY > 0) {
    r = correlationFromMoments(sumProducts, sumSquaresX, sumSquaresY, n);
  }
  const p = studentTPValue(correlationT(r, df), df, 'two-sided');
  const ci =
    df > 3
      ? fisherZInterval(r, 1 / Math.sqrt(df - 3), confidenceLevel, 'two-sided')
      : ([NaN, NaN] as [number, number]);
  return { r, df, p, ci, n, subjects, slope: sumProducts / sumSquaresX };
}
