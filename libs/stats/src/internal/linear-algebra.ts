/**
 * Small dense linear-algebra helpers for the reliability and mixed-model code (matrices of a few dozen rows at most).
 * Matrices are arrays of rows.
 */

/** Column means of a row matrix, by a plain sum (the two-pass covariance below corrects the rest). O(n k). */
export function columnMeans(rows: readonly (readonly number[])[]): number[] {
  const columns = rows[0]?.length ?? 0;
  const means = new Array<number>(columns).fill(0);
  for (const row of rows) for (let j = 0; j < columns; j++) means[j] += row[j];
  return means.map((sum) => sum / rows.length);
}

/**
 * Sample covariance matrix (n - 1 denominator) of the columns of a row matrix, two-pass (centre on the means first),
 * so data far from zero keep their precision. O(n k^2).
 */
export function covarianceMatrix(rows: readonly (readonly number[])[]): number[][] {
  const columns = rows[0]?.length ?? 0;
  const means = columnMeans(rows);
  const covariance = Array.from({ length: columns }, () => new Array<number>(columns).fill(0));
  const centred = new Array<number>(columns);
  for (const row of rows) {
    for (let j = 0; j < columns; j++) centred[j] = row[j] - means[j];
    for (let a = 0; a < columns; a++) {
      const ca = centred[a];
      const target = covariance[a];
      for (let b = a; b < columns; b++) target[b] += ca * centred[b];
    }
  }
  for (let a = 0; a < columns; a++) {
    for (let b = a; b < columns; b++) {
      covariance[a][b] /= rows.length - 1;
      covariance[b][a] = covariance[a][b];
    }
  }
  return covariance;
}

/** Correlation matrix from a covariance matrix; entries of a zero-variance column are NaN. O(k^2). */
export function correlationFromCovariance(covariance: readonly (readonly number[])[]): number[][] {
  const scale = covariance.map((row, index) => Math.sqrt(row[index]));
  return covariance.map((row, a) =>
    row.map((value, b) => (a === b && scale[a] > 0 ? 1 : value / (scale[a] * scale[b]))),
  );
}

// Bound once: under Jest's vm context every lookup of a global such as Math goes through an interceptor, which made
// the rotation loop below about ten times slower in the specs than in Node.
const { abs, sign, sqrt } = Math;

/**
 * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations (Golub & Van Loan, section 8.5), accurate to a
 * few ulps for the small matrices used here. Returns eigenvalues in decreasing order and the matching unit
 * eigenvectors as columns of `vectors` (vectors[row][column]). O(k^3) per sweep, a handful of sweeps.
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): {
  values: number[];
  vectors: number[][];
} {
  const size = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v: number[][] = Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => (i === j ? 1 : 0)),
  );
  for (let sweep = 0; sweep < 100; sweep++) {
    let offDiagonal = 0;
    for (let p = 0; p < size; p++) for (let q = p + 1; q < size; q++) offDiagonal += a[p][q] * a[p][q];
    if (offDiagonal === 0) break;
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p][q];
        if (apq === 0) continue;
        // Numerical Recipes' threshold (Press et al. 2007, section 11.1): after a few sweeps an element too small to
        // change either diagonal entry in double precision is set to 0. Without it rounding keeps the off-diagonal
        // sum from ever reaching exactly 0, and every call ran all 100 sweeps.
        const negligible = 100 * abs(apq);
        if (
          sweep > 3 &&
          abs(a[p][p]) + negligible === abs(a[p][p]) &&
          abs(a[q][q]) + negligible === abs(a[q][q])
        ) {
          a[p][q] = 0;
          a[q][p] = 0;
          continue;
        }
        const theta = (a[q][q] - a[p][p]) / (2 * apq);
        const t = sign(theta || 1) / (abs(theta) + sqrt(theta * theta + 1));
        const c = 1 / sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: size }, (_, i) => i).sort((i, j) => a[j][j] - a[i][i]);
  return {
    values: order.map((i) => a[i][i]),
    vectors: v.map((row) => order.map((i) => row[i])),
  };
}

/**
 * Cholesky factor L (lower triangular, A = L L') of a symmetric positive-definite matrix, or `null` when the matrix
 * is not numerically positive definite. O(k^3).
 */
export function choleskyFactor(matrix: readonly (readonly number[])[]): number[][] | null {
  const size = matrix.length;
  const lower = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let j = 0; j < size; j++) {
    let diagonal = matrix[j][j];
    for (let k = 0; k < j; k++) diagonal -= lower[j][k] * lower[j][k];
    if (!(diagonal > 0)) return null;
    const pivot = Math.sqrt(diagonal);
    lower[j][j] = pivot;
    for (let i = j + 1; i < size; i++) {
      let sum = matrix[i][j];
      for (let k = 0; k < j; k++) sum -= lower[i][k] * lower[j][k];
      lower[i][j] = sum / pivot;
    }
  }
  return lower;
}

/** Solves A x = b given the Cholesky factor L of A (forward then back substitution). O(k^2). */
export function choleskySolve(lower: readonly (readonly number[])[], rhs: readonly number[]): number[] {
  const size = lower.length;
  const y = new Array<number>(size);
  for (let i = 0; i < size; i++) {
    let sum = rhs[i];
    for (let k = 0; k < i; k++) sum -= lower[i][k] * y[k];
    y[i] = sum / lower[i][i];
  }
  const x = new Array<number>(size);
  for (let i = size - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < size; k++) sum -= lower[k][i] * x[k];
    x[i] = sum / lower[i][i];
  }
  return x;
}

/** Diagonal of the inverse of a symmetric positive-definite matrix from its Cholesky factor. O(k^3). */
export function inverseDiagonal(lower: readonly (readonly number[])[]): number[] {
  const size = lower.length;
  return Array.from({ length: size }, (_, i) => {
    const unit = new Array<number>(size).fill(0);
    unit[i] = 1;
    return choleskySolve(lower, unit)[i];
  });
}
