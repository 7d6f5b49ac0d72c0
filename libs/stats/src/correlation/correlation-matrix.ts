import { studentTPValue } from '../distributions/p-value';
import { centredSums, compensatedDot, correlationFromSums, isConstant } from '../internal/centred-sums';
import { isMissing, requireSameLength, type MaybeNumber } from '../internal/data-policy';
import { correlationT } from '../internal/fisher-z';
import { averageRanks } from '../internal/ranks';
import { borrowFloat64, release } from '../internal/scratch';
import { adjustPValues, type PValueAdjustment } from './adjust-p-values';
import { kendallTauBDense } from './kendall-tau-b';
import { spearmanTest } from './spearman';

/** Correlation methods of {@link correlationMatrix}. */
export type CorrelationMethod = 'pearson' | 'spearman' | 'kendall';

/** Options of {@link correlationMatrix}. */
export interface CorrelationMatrixOptions {
  /** Coefficient; default `'pearson'`. */
  method?: CorrelationMethod;
  /** Adjustment of the p-values over the distinct off-diagonal pairs; default `'none'`. */
  adjust?: Extract<PValueAdjustment, 'none' | 'holm' | 'BH'>;
}

/** One cell of a correlation matrix. */
export interface CorrelationCell {
  /** r, rho or tau-b; 1 on the diagonal; NaN when undefined or too few pairs. */
  estimate: number;
  /** Complete pairs used (on the diagonal: non-missing values of the variable). */
  n: number;
  /** Two-sided p-value of the method's test (as {@link pearson}, {@link spearman}, {@link kendallTauB}); 0 on the diagonal. */
  p: number;
  /** p adjusted over the distinct off-diagonal pairs, as R's `p.adjust`; 0 on the diagonal. */
  pAdjusted: number;
}

/** Result of {@link correlationMatrix}: `cells[i][j]` correlates `variables[i]` with `variables[j]` (symmetric). */
export interface CorrelationMatrixResult {
  variables: string[];
  cells: CorrelationCell[][];
}

const MINIMUM_PAIRS: Record<CorrelationMethod, number> = { pearson: 3, spearman: 3, kendall: 2 };
const BLOCK = 256;

/**
 * Centred copy of a complete column scaled to unit length (two-pass mean, compensated sum of squares); null when
 * the column is constant. O(n).
 */
function unitColumn(values: ArrayLike<number>): Float64Array | null {
  const n = values.length;
  const out = borrowFloat64(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i];
    out[i] = value;
    sum += value;
  }
  if (isConstant(out)) {
    release(out);
    return null;
  }
  let mean = sum / n;
  let residual = 0;
  for (let i = 0; i < n; i++) residual += out[i] - mean;
  mean += residual / n;
  for (let i = 0; i < n; i++) out[i] -= mean;
  const scale = 1 / Math.sqrt(compensatedDot(out, out));
  for (let i = 0; i < n; i++) out[i] *= scale;
  return out;
}

/** Dot product of two unit columns, four accumulators per block of 256, clamped to [-1, 1]. O(n). */
function unitDot(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let total = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let i = start;
    for (; i + 3 < end; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < end; i++) s0 += a[i] * b[i];
    total += s0 + s1 + (s2 + s3);
  }
  return total > 1 ? 1 : total < -1 ? -1 : total;
}

function pairTest(method: CorrelationMethod, estimate: number, n: number): number {
  if (method === 'spearman') return spearmanTest(estimate, n, 'two-sided').p;
  return studentTPValue(correlationT(estimate, n - 2), n - 2, 'two-sided');
}

/**
 * Correlation matrix of named variables with pairwise deletion, two-sided p-values and p-values adjusted over
 * the distinct off-diagonal pairs (m = k(k-1)/2), as R's `psych::corr.test(x, method, adjust)` (whose p-values
 * equal `cor.test` per pair, with Spearman's by the t approximation). Diagonal cells are estimate 1, p 0 and
 * pAdjusted 0, as `psych::corr.test`; n there is the variable's count of non-missing values.
 *
 * Estimators: see {@link pearson}, {@link spearman} and {@link kendallTauB}. When neither column of a pair has a
 * missing value the centred (or ranked) columns are computed once and shared by all pairs.
 *
 * Missing data: pairwise deletion per pair (Spearman ranks are taken within each pair's complete cases, as R's
 * `cor(use = "pairwise.complete.obs")`). A pair with fewer complete pairs than the method's minimum (3 for
 * Pearson and Spearman, 2 for Kendall), or a constant column, gives NaN estimate and p in that cell (no throw, so
 * one sparse pair does not hide the rest); NaN p-values are left out of the adjustment, as in `p.adjust`.
 *
 * Complexity: k variables, n rows: O(k n + k^2 n) for Pearson and Spearman without missing values (plus O(k n)
 * ranking); O(k^2 n log n) for Kendall. Memory O(k n).
 *
 * @throws RangeError when the columns differ in length or there are no columns.
 * @example
 * correlationMatrix({ a: [1, 2, 3, 4], b: [2, 1, 4, 3], c: [4, 3, 2, 1] }, { method: 'pearson', adjust: 'holm' })
 *   .cells[0][1].estimate // 0.6
 */
export function correlationMatrix(
  columns: Readonly<Record<string, readonly MaybeNumber[]>>,
  options: CorrelationMatrixOptions = {},
): CorrelationMatrixResult {
  const method = options.method ?? 'pearson';
  const adjust = options.adjust ?? 'none';
  if (!(method in MINIMUM_PAIRS))
    throw new RangeError(`correlationMatrix got an unknown method '${String(method)}'`);
  if (adjust !== 'none' && adjust !== 'holm' && adjust !== 'BH') {
    throw new RangeError(`correlationMatrix got an unknown adjust '${String(adjust)}'`);
  }
  const variables = Object.keys(columns);
  if (variables.length === 0) throw new RangeError('correlationMatrix requires at least 1 variable, got 0');
  const raw = variables.map((name) => columns[name]);
  requireSameLength('correlationMatrix', ...raw);
  const rows = raw[0].length;
  const k = variables.length;

  // Columns without missing values are used as they are; only the others get a NaN-coded dense copy.
  const counts = raw.map((column) => {
    let count = 0;
    for (let i = 0; i < rows; i++) {
      const value = column[i];
      if (!(value == null || value !== value)) count++;
    }
    return count;
  });
  const complete = counts.map((count) => count === rows);
  const values = raw.map((column, index) => {
    if (complete[index]) return null;
    const out = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      const value = column[i];
      out[i] = isMissing(value) ? NaN : value;
    }
    return out;
  });
  const valueAt = (column: number, row: number): number => {
    const dense = values[column];
    return dense ? dense[row] : (raw[column][row] as number);
  };
  // Shared per-column work for pairs without missing values.
  const unit: (Float64Array | null)[] = raw.map((column, index) => {
    if (!complete[index] || method === 'kendall' || rows < MINIMUM_PAIRS[method]) return null;
    if (method !== 'spearman') return unitColumn(column as readonly number[]);
    const ranks = averageRanks(column as readonly number[]);
    const result = unitColumn(ranks);
    release(ranks);
    return result;
  });

  const cells: CorrelationCell[][] = [];
  for (let i = 0; i < k; i++) {
    cells.push([]);
    for (let j = 0; j < k; j++) cells[i].push({ estimate: 1, n: counts[i], p: 0, pAdjusted: 0 });
  }
  const offDiagonal: CorrelationCell[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      let estimate = NaN;
      let p = NaN;
      let n: number;
      if (complete[i] && complete[j] && method !== 'kendall') {
        n = rows;
        const a = unit[i];
        const b = unit[j];
        if (n >= MINIMUM_PAIRS[method] && a && b) {
          estimate = unitDot(a, b);
          p = pairTest(method, estimate, n);
        }
      } else {
        const x = borrowFloat64(rows);
        const y = borrowFloat64(rows);
        n = 0;
        for (let row = 0; row < rows; row++) {
          const a = valueAt(i, row);
          const b = valueAt(j, row);
          if (Number.isNaN(a) || Number.isNaN(b)) continue;
          x[n] = a;
          y[n] = b;
          n++;
        }
        if (n >= MINIMUM_PAIRS[method]) {
          const pairX = x.subarray(0, n);
          const pairY = y.subarray(0, n);
          if (method === 'kendall') {
            const result = kendallTauBDense(pairX, pairY, 'two-sided');
            estimate = result.tau;
            p = result.p;
          } else {
            const useX = method === 'spearman' ? averageRanks(pairX) : pairX;
            const useY = method === 'spearman' ? averageRanks(pairY) : pairY;
            estimate = correlationFromSums(centredSums(useX, useY));
            p = pairTest(method, estimate, n);
            if (method === 'spearman') release(useX, useY);
          }
        }
        release(x, y);
      }
      const cell: CorrelationCell = { estimate, n, p, pAdjusted: p };
      cells[i][j] = cell;
      cells[j][i] = cell;
      offDiagonal.push(cell);
    }
  }
  release(...unit);
  const adjusted = adjustPValues(
    offDiagonal.map((cell) => cell.p),
    adjust,
  );
  offDiagonal.forEach((cell, index) => (cell.pAdjusted = adjusted[index]));
  return { variables, cells };
}
