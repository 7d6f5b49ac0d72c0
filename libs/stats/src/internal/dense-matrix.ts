/**
 * Small dense matrix helpers for the factor-analysis code (matrices of a few dozen rows; arrays of rows). The
 * symmetric eigen-decomposition and the Cholesky factor are in ./linear-algebra.ts.
 */

/** Product A B of an (r x s) and an (s x t) matrix. O(r s t). */
export function matrixProduct(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
): number[][] {
  const inner = b.length;
  const columns = b[0]?.length ?? 0;
  return a.map((row) => {
    const out = new Array<number>(columns).fill(0);
    for (let k = 0; k < inner; k++) {
      const factor = row[k];
      const other = b[k];
      for (let j = 0; j < columns; j++) out[j] += factor * other[j];
    }
    return out;
  });
}

/** Transpose of a matrix. O(r s). */
export function transpose(a: readonly (readonly number[])[]): number[][] {
  const columns = a[0]?.length ?? 0;
  return Array.from({ length: columns }, (_, j) => a.map((row) => row[j]));
}

/**
 * Inverse of a small square matrix by Gauss-Jordan elimination with partial pivoting (Golub & Van Loan, section
 * 3.4), or `null` when a pivot is exactly zero (singular). Used for the m x m rotation matrix of an oblique rotation,
 * which is well conditioned while the factors are distinct. O(k^3).
 */
export function inverseMatrix(matrix: readonly (readonly number[])[]): number[][] | null {
  const size = matrix.length;
  const work = matrix.map((row, i) => [...row, ...Array.from({ length: size }, (_, j) => (i === j ? 1 : 0))]);
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let row = column + 1; row < size; row++) {
      if (Math.abs(work[row][column]) > Math.abs(work[pivot][column])) pivot = row;
    }
    if (work[pivot][column] === 0) return null;
    [work[column], work[pivot]] = [work[pivot], work[column]];
    const pivotRow = work[column];
    const scale = 1 / pivotRow[column];
    for (let j = 0; j < 2 * size; j++) pivotRow[j] *= scale;
    for (let row = 0; row < size; row++) {
      if (row === column) continue;
      const factor = work[row][column];
      if (factor === 0) continue;
      const target = work[row];
      for (let j = 0; j < 2 * size; j++) target[j] -= factor * pivotRow[j];
    }
  }
  return work.map((row) => row.slice(size));
}
