/**
 * Common-factor extraction from a correlation matrix, by minimum residual (minres, i.e. unweighted least squares) or
 * maximum likelihood, with the criteria, bounds and starting values of R's `psych::fa` (psych 2.2.9, `fac`), solved
 * to convergence by projected Newton steps with analytic Hessians.
 *
 * Both methods are functions of the uniquenesses Psi alone (the loadings follow from an eigen-decomposition):
 * - minres: L = V_m diag(sqrt(max(lambda, 0))) from the m largest eigenpairs of R - diag(Psi); the criterion is
 *   half the sum of the squared remaining eigenvalues, ||R - diag(Psi) - L L'||^2 / 2, whose gradient is psych's
 *   `FAgr.minres`, diag(L L' + Psi - R). (psych hands `optim` the off-diagonal residual sum of squares as the
 *   function value, which has the same minimiser inside the bounds; at a bound psych's L-BFGS-B follows the
 *   gradient, and ends within about 5e-5 of this criterion's bounded minimiser on the Heywood fixture, 1.6e-3 from
 *   the other's.)
 * - ml: L = Psi^1/2 V_m diag(sqrt(max(e - 1, 0))) from the m largest eigenpairs e of Psi^-1/2 R Psi^-1/2; the
 *   criterion is sum over the other eigenvalues of (e - log e - 1) (psych's `FAfn`, as `factanal`), gradient
 *   diag(L L' + Psi - R) / Psi^2 (`FAgr`).
 * Bounds 0.005 <= Psi <= 1 and the start Psi = 1 - SMC (squared multiple correlations), as psych.
 *
 * Hessians: with eigenpairs (lambda_k, v_k), top set T of size m, P = V_T V_T' and u_kl = v_k o v_l (elementwise),
 * the derivative of an eigenvalue is v_k' dA v_k and of an eigenvector sum_l v_l (v_l' dA v_k) / (lambda_k - lambda_l)
 * (first-order perturbation theory). Pairs inside T combine into closed forms, so only the gap between the m-th and
 * the (m + 1)-th eigenvalue appears in a denominator:
 * - minres: H = I - P o P - 2 sum_{k in T, l not in T} lambda_k / (lambda_k - lambda_l) u_kl u_kl';
 * - ml: H_ij = -B_ij / (Psi_i Psi_j) + delta_ij (2 / Psi_i^3 - (D_i + 1) / Psi_i^2), with
 *   B = (V_T E_T V_T') o P + sum_{k in T, l not in T} (e_k - 1)(e_k + e_l) / (e_k - e_l) u_kl u_kl' and
 *   D_i = sum_{k in T} (e_k - 1) v_ki^2.
 * (Checked against central differences of the gradient in factor-extraction.spec.ts.)
 */
import { choleskyFactor, choleskySolve, inverseDiagonal, symmetricEigen } from './linear-algebra';

// Bound once: under Jest's vm context every lookup of a global such as Math goes through an interceptor.
const { abs, log, max, min, sqrt } = Math;

/** Extraction method: minimum residual (unweighted least squares) or maximum likelihood. */
export type ExtractionMethod = 'minres' | 'ml';

/** Lower bound of a uniqueness, as psych (`lower = 0.005` in `fac`'s `optim` call) and `factanal`. */
export const uniquenessLowerBound = 0.005;
/** Upper bound of a uniqueness: psych's `max(SMC, 1)`, which is 1 for a correlation matrix. */
const uniquenessUpperBound = 1;
/** Newton iterations at most; every fixture converges in fewer than 15. */
const maximumIterations = 200;
/** A Newton step that changes no uniqueness by more than this ends the iteration (converged). */
const stepTolerance = 1e-13;

/** One evaluation of a criterion at given uniquenesses. */
interface Evaluation {
  /** Criterion value. */
  value: number;
  /** Its gradient with respect to the uniquenesses. */
  gradient: number[];
  /** diag(L L') + Psi - 1: zero at an interior stationary point (psych's gradient numerator). */
  residual: number[];
  /** Hessian (computed on demand), or null where it is not defined (a leading eigenvalue below 0 (minres) or 1
   * (ml), or no gap between the m-th and the next eigenvalue). */
  hessian: () => number[][] | null;
  /** Unrotated loadings, p x m (column signs as the eigenvectors came). */
  loadings: number[][];
}

/** Result of {@link extractFactors}. */
export interface Extraction {
  /** Fitted uniquenesses Psi (within [0.005, 1]). */
  fittedUniquenesses: number[];
  /** Unrotated loadings, p x m, each column signed so that its sum is positive (as psych). */
  loadings: number[][];
  /** Newton iterations used. */
  iterations: number;
  /** True when the last Newton step changed no uniqueness by more than 1e-13. */
  converged: boolean;
  /** Indices of the items whose uniqueness is on the lower bound 0.005 (a Heywood case). */
  boundItems: number[];
}

function evaluateMinres(
  correlation: readonly (readonly number[])[],
  uniquenesses: readonly number[],
  factors: number,
): Evaluation {
  const size = uniquenesses.length;
  const reduced = correlation.map((row, i) => row.map((value, j) => (i === j ? 1 - uniquenesses[i] : value)));
  const { values, vectors } = symmetricEigen(reduced);
  let value = 0;
  for (let l = 0; l < size; l++) if (l >= factors || values[l] < 0) value += values[l] * values[l];
  value /= 2;
  const loadings = vectors.map((row) =>
    Array.from({ length: factors }, (_, k) => row[k] * sqrt(max(values[k], 0))),
  );
  const residual = loadings.map(
    (row, i) => row.reduce((sum, loading) => sum + loading * loading, 0) + uniquenesses[i] - 1,
  );
  const hessian = () => {
    if (!(values[factors - 1] > 0 && (factors === size || values[factors - 1] > values[factors])))
      return null;
    const out = Array.from({ length: size }, (_, i) =>
      Array.from({ length: size }, (_, j) => {
        let projection = 0;
        for (let k = 0; k < factors; k++) projection += vectors[i][k] * vectors[j][k];
        return (i === j ? 1 : 0) - projection * projection;
      }),
    );
    addGapTerms(out, values, vectors, factors, (top, other) => -2 * (top / (top - other)));
    return out;
  };
  return { value, gradient: residual, residual, hessian, loadings };
}

function evaluateMaximumLikelihood(
  correlation: readonly (readonly number[])[],
  uniquenesses: readonly number[],
  factors: number,
): Evaluation {
  const size = uniquenesses.length;
  const scale = uniquenesses.map((psi) => 1 / sqrt(psi));
  const scaled = correlation.map((row, i) => row.map((value, j) => value * scale[i] * scale[j]));
  const { values, vectors } = symmetricEigen(scaled);
  let value = 0;
  for (let l = factors; l < size; l++) value += values[l] - log(values[l]) - 1;
  const loadings = vectors.map((row, i) =>
    Array.from({ length: factors }, (_, k) => sqrt(uniquenesses[i]) * row[k] * sqrt(max(values[k] - 1, 0))),
  );
  const residual = loadings.map(
    (row, i) => row.reduce((sum, loading) => sum + loading * loading, 0) + uniquenesses[i] - 1,
  );
  const gradient = residual.map((r, i) => r / (uniquenesses[i] * uniquenesses[i]));
  const hessian = () => {
    if (!(values[factors - 1] > 1 && (factors === size || values[factors - 1] > values[factors])))
      return null;
    const curvature = Array.from({ length: size }, (_, i) =>
      Array.from({ length: size }, (_, j) => {
        let projection = 0;
        let weighted = 0;
        for (let k = 0; k < factors; k++) {
          projection += vectors[i][k] * vectors[j][k];
          weighted += values[k] * vectors[i][k] * vectors[j][k];
        }
        return weighted * projection;
      }),
    );
    addGapTerms(
      curvature,
      values,
      vectors,
      factors,
      (top, other) => ((top - 1) * (top + other)) / (top - other),
    );
    return curvature.map((row, i) =>
      row.map((entry, j) => {
        let out = -entry / (uniquenesses[i] * uniquenesses[j]);
        if (i === j) {
          let weightedSquares = 0;
          for (let k = 0; k < factors; k++)
            weightedSquares += (values[k] - 1) * vectors[i][k] * vectors[i][k];
          const psi = uniquenesses[i];
          out += 2 / (psi * psi * psi) - (weightedSquares + 1) / (psi * psi);
        }
        return out;
      }),
    );
  };
  return { value, gradient, residual, hessian, loadings };
}

/** Adds sum over k in T, l not in T of coefficient(lambda_k, lambda_l) u_kl u_kl' (u_kl = v_k o v_l) to `target`. */
function addGapTerms(
  target: number[][],
  values: readonly number[],
  vectors: readonly (readonly number[])[],
  factors: number,
  coefficient: (top: number, other: number) => number,
): void {
  const size = values.length;
  const product = new Array<number>(size);
  for (let k = 0; k < factors; k++) {
    for (let l = factors; l < size; l++) {
      const c = coefficient(values[k], values[l]);
      for (let i = 0; i < size; i++) product[i] = vectors[i][k] * vectors[i][l];
      for (let i = 0; i < size; i++) {
        const scaled = c * product[i];
        const row = target[i];
        for (let j = 0; j < size; j++) row[j] += scaled * product[j];
      }
    }
  }
}

/** 1 - 1 / diag(R^-1), or null when R is not positive definite. O(p^3). */
export function squaredMultipleCorrelations(correlation: readonly (readonly number[])[]): number[] | null {
  const factor = choleskyFactor(correlation);
  return factor ? inverseDiagonal(factor).map((value) => 1 - 1 / value) : null;
}

const clamp = (value: number) => min(uniquenessUpperBound, max(uniquenessLowerBound, value));

/**
 * Fits m common factors to a correlation matrix (see the file comment). Returns null when the correlation matrix is
 * not positive definite (psych's start, the SMCs, need its inverse).
 *
 * Iteration: projected Newton (Bertsekas 1982): coordinates on a bound whose gradient points outward are held, the
 * others take the Newton step of the analytic Hessian; where the Hessian is not positive definite, the principal-axis
 * step Psi <- 1 - diag(L L') instead (a descent direction for both criteria). Backtracking halves the step until the
 * criterion decreases by 1e-4 of the predicted amount (a rise within rounding, 1e-15 relative, counts as no rise, so
 * that the last Newton steps near the optimum are not refused for noise). Stops when a step changes no uniqueness by
 * more than 1e-13, after 200 iterations, or when no step decreases the criterion.
 * Complexity: O(p^3) per iteration (Jacobi eigen-decomposition, Hessian O(m p^3)), a handful of iterations.
 */
export function extractFactors(
  correlation: readonly (readonly number[])[],
  factors: number,
  method: ExtractionMethod,
): Extraction | null {
  const smc = squaredMultipleCorrelations(correlation);
  if (!smc) return null;
  const evaluate = method === 'ml' ? evaluateMaximumLikelihood : evaluateMinres;
  let uniquenesses = smc.map((value) => clamp(1 - value));
  let current = evaluate(correlation, uniquenesses, factors);
  let iterations = 0;
  let converged = false;
  while (iterations < maximumIterations) {
    iterations++;
    const gradient = current.gradient;
    const free = uniquenesses.map(
      (psi, i) =>
        !(
          (psi <= uniquenessLowerBound && gradient[i] > 0) ||
          (psi >= uniquenessUpperBound && gradient[i] < 0)
        ),
    );
    const freeIndices = free.flatMap((isFree, i) => (isFree ? [i] : []));
    if (freeIndices.length === 0) {
      converged = true;
      break;
    }
    const direction = new Array<number>(uniquenesses.length).fill(0);
    let newton = false;
    const hessian = current.hessian();
    if (hessian) {
      const factor = choleskyFactor(freeIndices.map((i) => freeIndices.map((j) => hessian[i][j])));
      if (factor) {
        const step = choleskySolve(
          factor,
          freeIndices.map((i) => -gradient[i]),
        );
        freeIndices.forEach((i, index) => (direction[i] = step[index]));
        newton = true;
      }
    }
    if (!newton) for (const i of freeIndices) direction[i] = -current.residual[i];

    let stepLength = 1;
    let accepted: { uniquenesses: number[]; change: number; evaluation: Evaluation } | null = null;
    const noise = 1e-15 * max(1, abs(current.value));
    for (let halving = 0; halving < 60 && !accepted; halving++) {
      const candidate = uniquenesses.map((psi, i) =>
        free[i] ? clamp(psi + stepLength * direction[i]) : psi,
      );
      let predicted = 0;
      let change = 0;
      candidate.forEach((psi, i) => {
        predicted += gradient[i] * (psi - uniquenesses[i]);
        change = max(change, abs(psi - uniquenesses[i]));
      });
      const evaluation = evaluate(correlation, candidate, factors);
      if (evaluation.value <= current.value + 1e-4 * predicted + noise) {
        accepted = { uniquenesses: candidate, change, evaluation };
      } else stepLength /= 2;
    }
    if (!accepted) break;
    uniquenesses = accepted.uniquenesses;
    current = accepted.evaluation;
    if (accepted.change <= stepTolerance) {
      converged = newton;
      if (newton) break;
    }
  }
  const loadings = current.loadings;
  for (let k = 0; k < factors; k++) {
    let sum = 0;
    for (const row of loadings) sum += row[k];
    if (sum < 0) for (const row of loadings) row[k] = -row[k];
  }
  return {
    fittedUniquenesses: uniquenesses,
    loadings,
    iterations,
    converged,
    boundItems: uniquenesses.flatMap((psi, i) => (psi <= uniquenessLowerBound ? [i] : [])),
  };
}

/** The criterion's gradient and Hessian at given uniquenesses (for the derivative checks in the spec). */
export function extractionDerivatives(
  correlation: readonly (readonly number[])[],
  uniquenesses: readonly number[],
  factors: number,
  method: ExtractionMethod,
): { value: number; gradient: number[]; hessian: number[][] | null } {
  const evaluate = method === 'ml' ? evaluateMaximumLikelihood : evaluateMinres;
  const { value, gradient, hessian } = evaluate(correlation, uniquenesses, factors);
  return { value, gradient, hessian: hessian() };
}
