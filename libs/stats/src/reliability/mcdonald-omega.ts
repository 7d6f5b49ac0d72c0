import { completeRows } from '../internal/complete-rows';
import { requireCount, type MaybeNumber } from '../internal/data-policy';
import {
  choleskyFactor,
  choleskySolve,
  correlationFromCovariance,
  covarianceMatrix,
  inverseDiagonal,
  symmetricEigen,
} from '../internal/linear-algebra';

/** Result of {@link mcdonaldOmega}. */
export interface McdonaldOmegaResult {
  /** Omega total, (sum of loadings)^2 / ((sum of loadings)^2 + sum of uniquenesses). */
  omega: number;
  /** Standardized loadings of the one-factor maximum-likelihood solution (sign chosen so their sum is positive). */
  loadings: number[];
  /** Uniquenesses of the solution (as `factanal()$uniquenesses`), bounded below by 0.005 as `factanal`. */
  uniquenesses: number[];
  /** Respondents used (complete rows). */
  n: number;
  /** Number of items. */
  items: number;
}

/** Lower bound of a uniqueness, as R's `factanal` (`control$lower`). */
const uniquenessLowerBound = 0.005;

/** Largest eigenpair and the rest of the spectrum of Psi^-1/2 R Psi^-1/2, as `factanal`'s internal FAout / FAfn. */
function scaledSpectrum(correlation: readonly number[][], uniquenesses: readonly number[]) {
  const scale = uniquenesses.map((value) => 1 / Math.sqrt(value));
  const scaled = correlation.map((row, a) => row.map((value, b) => value * scale[a] * scale[b]));
  return symmetricEigen(scaled);
}

/** factanal's ML discrepancy for one factor: sum over the smaller eigenvalues e of (e - log e), minus (k - 1). */
function discrepancy(correlation: readonly number[][], uniquenesses: readonly number[]): number {
  const { values } = scaledSpectrum(correlation, uniquenesses);
  let sum = 0;
  for (let j = 1; j < values.length; j++) sum += values[j] - Math.log(values[j]);
  return sum - (values.length - 1);
}

/** Loadings for given uniquenesses: Psi^1/2 u1 sqrt(max(e1 - 1, 0)) (factanal's FAout). */
function loadingsFor(correlation: readonly number[][], uniquenesses: readonly number[]): number[] {
  const { values, vectors } = scaledSpectrum(correlation, uniquenesses);
  const size = Math.sqrt(Math.max(values[0] - 1, 0));
  return uniquenesses.map((value, j) => Math.sqrt(value) * vectors[j][0] * size);
}

/** Gradient of the discrepancy: diag(L L' + Psi - R) / Psi^2 (factanal's FAgr). */
function gradient(correlation: readonly number[][], uniquenesses: readonly number[]): number[] {
  const loadings = loadingsFor(correlation, uniquenesses);
  return uniquenesses.map(
    (value, j) => (loadings[j] * loadings[j] + value - correlation[j][j]) / (value * value),
  );
}

/**
 * Minimises the one-factor ML discrepancy over the uniquenesses in [0.005, 1] by projected Newton steps (Hessian by
 * central differences of the analytic gradient) with backtracking, falling back to the fixed-point step
 * Psi <- diag(R - L L') when the Hessian is not positive definite. Converges to machine precision, where R's
 * L-BFGS-B in `factanal` stops at its default tolerance.
 */
function fitUniquenesses(correlation: readonly number[][], start: number[]): number[] {
  const size = start.length;
  const clamp = (value: number) => Math.min(1, Math.max(uniquenessLowerBound, value));
  let current = start.map(clamp);
  let value = discrepancy(correlation, current);
  for (let iteration = 0; iteration < 500; iteration++) {
    const slope = gradient(correlation, current);
    const free = current
      .map((psi, j) => j)
      .filter(
        (j) => !((current[j] <= uniquenessLowerBound && slope[j] > 0) || (current[j] >= 1 && slope[j] < 0)),
      );
    let direction = new Array<number>(size).fill(0);
    let newton = false;
    if (free.length > 0) {
      const hessian = free.map(() => new Array<number>(free.length).fill(0));
      free.forEach((j, column) => {
        const step = 1e-5 * current[j];
        const plus = [...current];
        const minus = [...current];
        plus[j] += step;
        minus[j] -= step;
        const gradientPlus = gradient(correlation, plus);
        const gradientMinus = gradient(correlation, minus);
        free.forEach((i, row) => {
          hessian[row][column] = (gradientPlus[i] - gradientMinus[i]) / (2 * step);
        });
      });
      const symmetric = hessian.map((row, a) => row.map((entry, b) => (entry + hessian[b][a]) / 2));
      const factor = choleskyFactor(symmetric);
      if (factor) {
        const solution = choleskySolve(
          factor,
          free.map((j) => -slope[j]),
        );
        free.forEach((j, index) => (direction[j] = solution[index]));
        newton = true;
      }
    }
    if (!newton) {
      const loadings = loadingsFor(correlation, current);
      direction = current.map((psi, j) => clamp(correlation[j][j] - loadings[j] * loadings[j]) - psi);
    }
    let stepSize = 1;
    let accepted = false;
    let candidate = current;
    let candidateValue = value;
    for (let halving = 0; halving < 40; halving++) {
      candidate = current.map((psi, j) => clamp(psi + stepSize * direction[j]));
      candidateValue = discrepancy(correlation, candidate);
      if (candidateValue <= value) {
        accepted = true;
        break;
      }
      stepSize /= 2;
    }
    const change = Math.max(...candidate.map((psi, j) => Math.abs(psi - current[j])));
    if (!accepted) break;
    current = candidate;
    value = candidateValue;
    if (change < 1e-15) break;
  }
  return current;
}

/**
 * McDonald's omega total from a one-factor maximum-likelihood factor analysis of the item correlation matrix.
 *
 * Estimator: the one-factor ML solution of R's `factanal(x, factors = 1)` (Lawley & Maxwell 1971; the same
 * discrepancy function, gradient, uniqueness bound 0.005 and starting values (1 - 0.5 / k) / diag(R^-1)), solved
 * to machine precision by projected Newton steps. Then (McDonald 1999, eq. 6.20b)
 *   omega = (sum_j loading_j)^2 / ((sum_j loading_j)^2 + sum_j uniqueness_j)
 * on the standardized solution. Reference: `factanal(factors = 1)` in libs/stats/reference/reliability.R, with
 * tightened optimizer tolerance.
 *
 * Missing data: listwise deletion. If the item correlation matrix is not positive definite (a constant item, more
 * items than respondents, an exact linear dependency), omega is NaN, as `factanal` cannot start there.
 *
 * Complexity: O(n k^2) for the correlations plus O(k^4) per Newton iteration (Jacobi eigen-decompositions).
 * @param items rows = respondents, columns = items.
 * @throws RangeError when fewer than 3 items (a one-factor model needs three to be identified, as `factanal`) or
 *   fewer than 3 complete respondents, or rows of unequal length.
 * @example
 * mcdonaldOmega([[1, 2, 2, 1], [2, 3, 3, 2], [4, 4, 5, 3], [3, 3, 3, 3], [5, 4, 4, 5], [2, 1, 2, 2]]).omega
 * // 0.94415999 (factanal: 0.94416003 at its default tolerance; the first uniqueness is on the 0.005 bound)
 */
export function mcdonaldOmega(items: readonly (readonly MaybeNumber[])[]): McdonaldOmegaResult {
  const rows = completeRows('mcdonaldOmega', items);
  const itemCount = rows[0]?.length ?? items[0]?.length ?? 0;
  requireCount('mcdonaldOmega', itemCount, 3, 'items');
  requireCount('mcdonaldOmega', rows.length, 3, 'complete respondents');
  const n = rows.length;
  const correlation = correlationFromCovariance(covarianceMatrix(rows));
  const factor = correlation.flat().every(Number.isFinite) ? choleskyFactor(correlation) : null;
  if (!factor) {
    const missing = new Array<number>(itemCount).fill(NaN);
    return { omega: NaN, loadings: missing, uniquenesses: [...missing], n, items: itemCount };
  }
  const start = inverseDiagonal(factor).map((value) => (1 - 0.5 / itemCount) / value);
  const uniquenesses = fitUniquenesses(correlation, start);
  let loadings = loadingsFor(correlation, uniquenesses);
  const loadingSum = loadings.reduce((sum, value) => sum + value, 0);
  if (loadingSum < 0) loadings = loadings.map((value) => -value);
  const uniquenessSum = uniquenesses.reduce((sum, value) => sum + value, 0);
  const omega = (loadingSum * loadingSum) / (loadingSum * loadingSum + uniquenessSum);
  return { omega, loadings, uniquenesses, n, items: itemCount };
}
