import { studentTPValue } from '../distributions/p-value';
import { correlationFromMoments } from '../internal/centred-sums';
import { isMissing, requireCount, requireSameLength, type MaybeNumber } from '../internal/data-policy';
import { correlationT } from '../internal/fisher-z';
import { resolveTestOptions, type TestOptions } from '../internal/options';

/** Result of {@link partialCorrelation}. */
export interface PartialCorrelationResult {
  /** Partial correlation of x and y given the controls. */
  r: number;
  /** Complete rows used (listwise deletion). */
  n: number;
  /** Degrees of freedom, n - 2 - k, with k the number of linearly independent controls. */
  df: number;
  /** t statistic, sqrt(df) r / sqrt(1 - r^2). */
  t: number;
  /** p-value of t with df degrees of freedom for the chosen alternative. */
  p: number;
  /** Number of linearly independent control variables used (aliased controls are dropped, as R's `lm`). */
  k: number;
}

/** Relative norm below which an orthogonalised control counts as aliased (collinear with the others). */
const ALIAS_TOLERANCE = 1e-9;

function centre(values: Float64Array): void {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  let mean = sum / n;
  let residual = 0;
  for (let i = 0; i < n; i++) residual += values[i] - mean;
  mean += residual / n;
  for (let i = 0; i < n; i++) values[i] -= mean;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** Removes from `target` its projection on the unit vector `basis` (one modified Gram-Schmidt step). */
function project(target: Float64Array, basis: Float64Array): void {
  const coefficient = dot(target, basis);
  for (let i = 0; i < target.length; i++) target[i] -= coefficient * basis[i];
}

/**
 * Partial correlation of x and y controlling for k other variables: the Pearson correlation of the residuals of
 * x and of y after least-squares regression on the controls with an intercept (Fisher 1924), with its t test on
 * n - 2 - k df. The t statistic equals the t of x's coefficient in R's `lm(y ~ x + controls)`; this is R's
 * `ppcor::pcor.test` estimate, but with the exact t distribution (pcor.test refers the same statistic to the
 * normal distribution).
 *
 * Estimator: centred columns, controls orthonormalised by modified Gram-Schmidt with one re-orthogonalisation
 * (numerically a QR decomposition, stable where inverting the correlation matrix is not); controls that are
 * collinear with earlier ones are dropped, and df counts the independent ones.
 *
 * Missing data: listwise deletion: a row with a missing x, y or control value is dropped. A constant x or y
 * gives NaN.
 *
 * Complexity: O(n k^2) time, O(n k) memory.
 *
 * @throws RangeError when lengths differ or fewer than k + 3 complete rows remain.
 * @example
 * // R: residuals of lm(x ~ z) and lm(y ~ z), then cor()
 * partialCorrelation([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5], [[1, 1, 2, 2, 3, 4]]).r
 */
export function partialCorrelation(
  x: readonly MaybeNumber[],
  y: readonly MaybeNumber[],
  controls: readonly (readonly MaybeNumber[])[],
  options?: Pick<TestOptions, 'alternative'>,
): PartialCorrelationResult {
  const { alternative } = resolveTestOptions('partialCorrelation', options);
  requireSameLength('partialCorrelation', x, y, ...controls);
  const rows: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (isMissing(x[i]) || isMissing(y[i])) continue;
    if (controls.some((control) => isMissing(control[i]))) continue;
    rows.push(i);
  }
  const n = rows.length;
  requireCount('partialCorrelation', n, controls.length + 3, 'complete rows (controls + 3)');
  const column = (source: readonly MaybeNumber[]): Float64Array => {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = source[rows[i]] as number;
    centre(values);
    return values;
  };
  const residualX = column(x);
  const residualY = column(y);
  const constantX = residualX.every((value) => value === 0);
  const constantY = residualY.every((value) => value === 0);
  const basis: Float64Array[] = [];
  for (const control of controls) {
    const vector = column(control);
    const originalNorm = Math.sqrt(dot(vector, vector));
    for (let pass = 0; pass < 2; pass++) for (const unit of basis) project(vector, unit);
    const norm = Math.sqrt(dot(vector, vector));
    if (!(originalNorm > 0) || norm <= ALIAS_TOLERANCE * originalNorm) continue;
    for (let i = 0; i < n; i++) vector[i] /= norm;
    basis.push(vector);
  }
  for (let pass = 0; pass < 2; pass++) {
    for (const unit of basis) {
      project(residualX, unit);
      project(residualY, unit);
    }
  }
  const k = basis.length;
  const df = n - 2 - k;
  let r = NaN;
  if (!constantX && !constantY) {
    r = correlationFromMoments(
      dot(residualX, residualY),
      dot(residualX, residualX),
      dot(residualY, residualY),
      n,
    );
  }
  const t = correlationT(r, df);
  return { r, n, df, t, p: studentTPValue(t, df, alternative), k };
}
