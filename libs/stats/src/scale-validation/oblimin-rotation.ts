import { inverseMatrix, matrixProduct, transpose } from '../internal/dense-matrix';

/** Options of {@link obliminRotation}. */
export interface ObliminOptions {
  /** Oblimin's gamma: 0 (default) is quartimin, 0.5 biquartimin, as GPArotation's `gam`. */
  gamma?: number;
}

/** Result of {@link obliminRotation}. */
export interface ObliminResult {
  /** Rotated pattern loadings, p x m: A (T')^-1. */
  loadings: number[][];
  /** Factor correlations Phi = T'T, m x m. */
  factorCorrelations: number[][];
  /** The rotation matrix T (unit-length columns), m x m, as GPArotation's `Th`. */
  rotation: number[][];
  /** The oblimin criterion at the solution. */
  criterion: number;
  /** Gradient-projection iterations used. */
  iterations: number;
  /** Frobenius norm of the projected gradient at the solution. */
  gradientNorm: number;
  /** True when the projected gradient norm fell below 1e-12. */
  converged: boolean;
}

/** GPArotation's `vgQ.oblimin`: criterion f = sum(L^2 o X) / 4 and its gradient Gq = L o X. */
function obliminCriterion(
  loadings: readonly number[][],
  gamma: number,
): { value: number; gradient: number[][] } {
  const rows = loadings.length;
  const columns = loadings[0].length;
  const squares = loadings.map((row) => row.map((value) => value * value));
  // X = L^2 (1 1' - I): for each entry the sum of the row's other squared loadings.
  const other = squares.map((row) => {
    const total = row.reduce((sum, value) => sum + value, 0);
    return row.map((value) => total - value);
  });
  if (gamma !== 0) {
    // X <- (I - gamma / p 1 1') X: subtract gamma times the column means.
    for (let j = 0; j < columns; j++) {
      let mean = 0;
      for (let i = 0; i < rows; i++) mean += other[i][j];
      mean /= rows;
      for (let i = 0; i < rows; i++) other[i][j] -= gamma * mean;
    }
  }
  let value = 0;
  const gradient = loadings.map((row, i) =>
    row.map((loading, j) => {
      value += squares[i][j] * other[i][j];
      return loading * other[i][j];
    }),
  );
  return { value: value / 4, gradient };
}

interface RotationState {
  rotation: number[][];
  loadings: number[][];
  value: number;
  gradient: number[][];
  projected: number[][];
  gradientNorm: number;
}

/** L = A (T')^-1, the criterion, G = -(L' Gq T^-1)' and its projection G - T diag(1'(T o G)), as `GPFoblq`. */
function stateAt(unrotated: readonly number[][], rotation: number[][], gamma: number): RotationState | null {
  const inverse = inverseMatrix(rotation);
  if (!inverse) return null;
  const loadings = matrixProduct(unrotated, transpose(inverse));
  const { value, gradient: criterionGradient } = obliminCriterion(loadings, gamma);
  const gradient = transpose(
    matrixProduct(matrixProduct(transpose(loadings), criterionGradient), inverse),
  ).map((row) => row.map((entry) => -entry));
  const size = rotation.length;
  const columnDots = Array.from({ length: size }, (_, j) => {
    let dot = 0;
    for (let i = 0; i < size; i++) dot += rotation[i][j] * gradient[i][j];
    return dot;
  });
  const projected = gradient.map((row, i) => row.map((entry, j) => entry - rotation[i][j] * columnDots[j]));
  let squaredNorm = 0;
  for (const row of projected) for (const entry of row) squaredNorm += entry * entry;
  return { rotation, loadings, value, gradient, projected, gradientNorm: Math.sqrt(squaredNorm) };
}

/** GPFoblq's iteration runs until the projected gradient norm is below this, then Newton steps take over. */
const gradientProjectionTolerance = 1e-7;
/** Converged: projected gradient norm below this (GPArotation stops at 1e-5). */
const gradientTolerance = 1e-12;
const maximumIterations = 1000;

/** Unit vector in the direction of `vector`. */
function normalised(vector: readonly number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return vector.map((value) => value / norm);
}

/** An orthonormal basis (m - 1 vectors) of the complement of the unit vector `unit`, by Gram-Schmidt. */
function complementBasis(unit: readonly number[]): number[][] {
  const size = unit.length;
  const basis: number[][] = [];
  const candidates = Array.from({ length: size }, (_, k) => {
    const vector = Array.from({ length: size }, (_, i) => (i === k ? 1 : 0) - unit[i] * unit[k]);
    return { vector, norm: Math.abs(unit[k]) };
  }).sort((a, b) => a.norm - b.norm);
  for (const { vector } of candidates.slice(0, size - 1)) {
    const orthogonal = [...vector];
    for (const done of basis) {
      const dot = done.reduce((sum, value, i) => sum + value * orthogonal[i], 0);
      for (let i = 0; i < size; i++) orthogonal[i] -= dot * done[i];
    }
    basis.push(normalised(orthogonal));
  }
  return basis;
}

/**
 * Newton steps on the stationarity condition (projected gradient = 0) in local coordinates of the product of unit
 * spheres: column j of T moves to normalise(t_j + B_j d_j) with B_j a basis of the complement of t_j, and the residual
 * is B_j' Gp_j. The Jacobian is by central differences (step 1e-6) of the analytic gradient, O(m^2) evaluations.
 * Returns the last state whose projected gradient is smaller than its predecessor's.
 */
function newtonPolish(unrotated: readonly number[][], start: RotationState, gamma: number): RotationState {
  const columns = start.rotation.length;
  const unknowns = columns * (columns - 1);
  let state = start;
  for (let iteration = 0; iteration < 20 && state.gradientNorm >= gradientTolerance / 100; iteration++) {
    const bases = Array.from({ length: columns }, (_, j) =>
      complementBasis(state.rotation.map((row) => row[j])),
    );
    const rotationAt = (coordinates: readonly number[]) => {
      const columnsOut = Array.from({ length: columns }, (_, j) => {
        const column = state.rotation.map((row) => row[j]);
        bases[j].forEach((direction, d) => {
          const amount = coordinates[j * (columns - 1) + d];
          for (let i = 0; i < columns; i++) column[i] += amount * direction[i];
        });
        return normalised(column);
      });
      return Array.from({ length: columns }, (_, i) => columnsOut.map((column) => column[i]));
    };
    const residualOf = (candidate: RotationState) =>
      bases.flatMap((basis, j) =>
        basis.map((direction) =>
          direction.reduce((sum, value, i) => sum + value * candidate.projected[i][j], 0),
        ),
      );
    const step = 1e-6;
    const jacobian = Array.from({ length: unknowns }, () => new Array<number>(unknowns).fill(0));
    let failed = false;
    for (let u = 0; u < unknowns && !failed; u++) {
      const plus = new Array<number>(unknowns).fill(0);
      const minus = new Array<number>(unknowns).fill(0);
      plus[u] = step;
      minus[u] = -step;
      const up = stateAt(unrotated, rotationAt(plus), gamma);
      const down = stateAt(unrotated, rotationAt(minus), gamma);
      if (!up || !down) failed = true;
      else {
        const residualUp = residualOf(up);
        const residualDown = residualOf(down);
        for (let r = 0; r < unknowns; r++) jacobian[r][u] = (residualUp[r] - residualDown[r]) / (2 * step);
      }
    }
    const inverse = failed ? null : inverseMatrix(jacobian);
    if (!inverse) break;
    const residual = residualOf(state);
    const move = inverse.map((row) => -row.reduce((sum, value, k) => sum + value * residual[k], 0));
    const next = stateAt(unrotated, rotationAt(move), gamma);
    if (!next || !(next.gradientNorm < state.gradientNorm)) break;
    state = next;
  }
  return state;
}

/**
 * Oblique oblimin rotation of a loading matrix by the gradient projection algorithm (Jennrich 2002, "A simple
 * general method for oblique rotation", Psychometrika 67:7-19), as R's `GPArotation::oblimin` (`GPFoblq`, Bernaards
 * & Jennrich 2005) with its default arguments: no Kaiser normalisation, start at the identity, gamma 0 (quartimin).
 *
 * Criterion (Carroll 1953; Jennrich 2002): with pattern L = A (T')^-1 and X = (I - gamma/p 1 1') L^2 (1 1' - I),
 * Q = sum(L^2 o X) / 4 over rotations T with unit-length columns; factor correlations Phi = T'T.
 * Iteration: GPFoblq's own steps (the step length doubles each iteration, then halves at most 11 times until Q
 * decreases by at least half the squared projected gradient times the step; the last candidate is taken otherwise)
 * until the projected gradient norm is below 1e-7, then Newton steps on the stationarity condition (projected
 * gradient = 0, Jacobian by central differences of the analytic gradient in local coordinates of the unit spheres)
 * while they shrink the projected gradient; converged when it is below 1e-12. GPFoblq stops at 1e-5, about 1e-5
 * from the optimum in the loadings, and cannot go much below 1e-9: there its line search no longer resolves the
 * decrease of Q in double precision.
 *
 * No sign or order convention is applied here (GPArotation applies none); exploratoryFactorAnalysis applies psych's.
 * A single factor is returned unrotated. Complexity: O(p m^2 + m^3) per evaluation, tens of iterations.
 * @param loadings unrotated loadings, p rows x m factors.
 * @throws RangeError when the loadings are empty or ragged, or contain a non-finite value.
 * @example
 * obliminRotation([[0.8, 0.3], [0.7, 0.35], [0.6, 0.3], [0.5, -0.4], [0.55, -0.45], [0.6, -0.35]]).factorCorrelations
 * // [[1, -0.486566344...], [-0.486566344..., 1]], as GPArotation::oblimin (the second factor comes out reflected:
 * // no sign convention here)
 */
export function obliminRotation(
  loadings: readonly (readonly number[])[],
  options: ObliminOptions = {},
): ObliminResult {
  const gamma = options.gamma ?? 0;
  const columns = loadings[0]?.length ?? 0;
  if (loadings.length === 0 || columns === 0 || loadings.some((row) => row.length !== columns)) {
    throw new RangeError('obliminRotation requires a non-empty loading matrix with rows of equal length');
  }
  if (!loadings.every((row) => row.every(Number.isFinite)) || !Number.isFinite(gamma)) {
    throw new RangeError('obliminRotation requires finite loadings and gamma');
  }
  const unrotated = loadings.map((row) => [...row]);
  const identity = Array.from({ length: columns }, (_, i) =>
    Array.from({ length: columns }, (_, j) => (i === j ? 1 : 0)),
  );
  if (columns === 1) {
    return {
      loadings: unrotated,
      factorCorrelations: [[1]],
      rotation: identity,
      criterion: 0,
      iterations: 0,
      gradientNorm: 0,
      converged: true,
    };
  }
  let state = stateAt(unrotated, identity, gamma) as RotationState;
  let stepLength = 1;
  let iterations = 0;
  for (; iterations < maximumIterations && state.gradientNorm >= gradientProjectionTolerance; iterations++) {
    stepLength *= 2;
    let candidate: RotationState | null = null;
    for (let halving = 0; halving <= 10; halving++) {
      const moved = state.rotation.map((row, i) =>
        row.map((entry, j) => entry - stepLength * state.projected[i][j]),
      );
      const norms = Array.from({ length: columns }, (_, j) =>
        Math.sqrt(moved.reduce((sum, row) => sum + row[j] * row[j], 0)),
      );
      candidate = stateAt(
        unrotated,
        moved.map((row) => row.map((entry, j) => entry / norms[j])),
        gamma,
      );
      if (candidate && state.value - candidate.value > 0.5 * state.gradientNorm ** 2 * stepLength) break;
      stepLength /= 2;
    }
    // As GPFoblq, the last candidate is taken even when none decreased the criterion enough.
    if (!candidate) break;
    state = candidate;
  }
  if (state.gradientNorm < 1e-4) state = newtonPolish(unrotated, state, gamma);
  const factorCorrelations = matrixProduct(transpose(state.rotation), state.rotation);
  for (let i = 0; i < columns; i++) factorCorrelations[i][i] = 1;
  return {
    loadings: state.loadings,
    factorCorrelations,
    rotation: state.rotation,
    criterion: state.value,
    iterations,
    gradientNorm: state.gradientNorm,
    converged: state.gradientNorm < gradientTolerance,
  };
}
