import { completeRows } from '../internal/complete-rows';
import { requireCount, type MaybeNumber } from '../internal/data-policy';
import { matrixProduct, transpose } from '../internal/dense-matrix';
import { extractFactors, type ExtractionMethod } from '../internal/factor-extraction';
import {
  choleskyFactor,
  choleskySolve,
  correlationFromCovariance,
  covarianceMatrix,
  symmetricEigen,
} from '../internal/linear-algebra';
import { chiSquareUpperTail } from '../distributions/chi-square';
import { obliminRotation } from './oblimin-rotation';

/** Options of {@link exploratoryFactorAnalysis}. */
export interface ExploratoryFactorAnalysisOptions {
  /** Number of factors m, a positive integer with (p - m)^2 >= p + m (non-negative degrees of freedom). */
  factors: number;
  /** Extraction: 'minres' (minimum residual, psych's default) or 'ml' (maximum likelihood). */
  method?: ExtractionMethod;
  /** Rotation: 'oblimin' (quartimin, psych's default) or 'none' (the unrotated solution). */
  rotation?: 'oblimin' | 'none';
}

/** Variance accounted for by each factor, as psych's `Vaccounted` (one entry per factor). */
export interface FactorVariance {
  /** Sum of squared loadings, diag(Phi L'L) ("SS loadings"). */
  sumOfSquaredLoadings: number[];
  /** Share of the total variance (the number of items), "Proportion Var". */
  proportionOfVariance: number[];
  /** Running total of the above, "Cumulative Var". */
  cumulativeVariance: number[];
  /** Share of the variance of all factors, "Proportion Explained". */
  proportionOfExplained: number[];
  /** Running total of the above, "Cumulative Proportion". */
  cumulativeProportion: number[];
}

/** Likelihood-ratio fit of the solution, as psych's `factor.stats` (`fa()$STATISTIC`, `$dof`, `$RMSEA`, ...). */
export interface FactorFit {
  /** ML discrepancy of the model L Phi L' (diagonal set to 1): tr(M^-1 R) - log det(M^-1 R) - p. */
  objective: number;
  /** Bartlett-corrected chi-square: objective * (n - 1 - (2p + 5) / 6 - 2m / 3), at least 0. */
  chiSquare: number;
  /** Degrees of freedom p(p - 1)/2 - p m + m(m - 1)/2. */
  df: number;
  /** Upper-tail chi-square p-value (NaN when df = 0). */
  pValue: number;
  /** RMSEA, sqrt(max(chiSquare / (df n) - 1 / (n - 1), 0)) (NaN when df = 0). */
  rmsea: number;
  /** Tucker-Lewis index (NaN when df = 0). */
  tli: number;
  /** BIC, chiSquare - df log n (NaN when df = 0). */
  bic: number;
}

/** Result of {@link exploratoryFactorAnalysis}. */
export interface ExploratoryFactorAnalysisResult {
  /** Pattern loadings, items x factors (rotated; factors ordered and signed as psych, see the function). */
  loadings: number[][];
  /** Structure loadings, loadings x factorCorrelations. */
  structure: number[][];
  /** Factor correlations Phi (the identity for one factor or no rotation). */
  factorCorrelations: number[][];
  /** Communalities h2: row sums of the squared unrotated loadings (psych's `communality`). */
  communalities: number[];
  /** Uniquenesses 1 - h2 (psych's `uniquenesses`). */
  uniquenesses: number[];
  /** Uniquenesses Psi as fitted (within [0.005, 1]); equal to `uniquenesses` except on a bound. */
  fittedUniquenesses: number[];
  /** Items whose fitted uniqueness is on the lower bound 0.005: a Heywood case (0-based indices). */
  heywoodItems: number[];
  /** Variance accounted for per factor. */
  variance: FactorVariance;
  /** Likelihood-ratio fit (for minres: the ML discrepancy at the minres solution, as psych reports it). */
  fit: FactorFit;
  /** Eigenvalues of the item correlation matrix, decreasing. */
  eigenvalues: number[];
  /** Convergence of the extraction (Newton) and of the rotation (projected gradient). */
  converged: { extraction: boolean; rotation: boolean };
  method: ExtractionMethod;
  rotation: 'oblimin' | 'none';
  factors: number;
  /** Respondents used (complete rows). */
  n: number;
  /** Number of items. */
  items: number;
}

/** The smallest number of items for which m factors leave non-negative degrees of freedom. */
function minimumItems(factors: number): number {
  let items = factors + 1;
  while ((items - factors) ** 2 < items + factors) items++;
  return items;
}

function degreesOfFreedom(items: number, factors: number): number {
  return (items * (items - 1)) / 2 - items * factors + (factors * (factors - 1)) / 2;
}

function logDeterminant(lower: readonly number[][]): number {
  return 2 * lower.reduce((sum, row, i) => sum + Math.log(row[i]), 0);
}

/** psych's `factor.stats` fit statistics of pattern L and correlations Phi against R (without its smoothing). */
function factorFit(
  correlation: readonly number[][],
  loadings: readonly number[][],
  factorCorrelations: readonly number[][],
  n: number,
): FactorFit {
  const items = correlation.length;
  const factors = factorCorrelations.length;
  const df = degreesOfFreedom(items, factors);
  const model = matrixProduct(matrixProduct(loadings, factorCorrelations), transpose(loadings));
  for (let i = 0; i < items; i++) model[i][i] = 1;
  const modelFactor = choleskyFactor(model);
  const dataFactor = choleskyFactor(correlation);
  let objective = NaN;
  if (modelFactor && dataFactor) {
    let trace = 0;
    for (let j = 0; j < items; j++)
      trace += choleskySolve(
        modelFactor,
        correlation.map((row) => row[j]),
      )[j];
    objective = trace - (logDeterminant(dataFactor) - logDeterminant(modelFactor)) - items;
  }
  const multiplier = n - 1 - (2 * items + 5) / 6 - (2 * factors) / 3;
  const chiSquare = Math.max(objective * multiplier, 0);
  if (!(df > 0) || Number.isNaN(objective)) {
    return {
      objective,
      chiSquare: Number.isNaN(objective) ? NaN : chiSquare,
      df,
      pValue: NaN,
      rmsea: NaN,
      tli: NaN,
      bic: NaN,
    };
  }
  const nullObjective = dataFactor ? -logDeterminant(dataFactor) : NaN;
  const nullPerDf = (nullObjective * 2) / (items * (items - 1));
  const modelPerDf = objective / df;
  return {
    objective,
    chiSquare,
    df,
    pValue: chiSquareUpperTail(chiSquare, df),
    rmsea: Math.sqrt(Math.max(chiSquare / (df * n) - 1 / (n - 1), 0)),
    tli: (nullPerDf - modelPerDf) / (nullPerDf - 1 / multiplier),
    bic: chiSquare - df * Math.log(n),
  };
}

/**
 * The factor solution of a correlation matrix (shared by exploratoryFactorAnalysis and omegaHierarchical), or null
 * when the matrix is not positive definite. Not part of the public API.
 */
export function factorSolution(
  correlation: readonly number[][],
  n: number,
  factors: number,
  method: ExtractionMethod,
  rotation: 'oblimin' | 'none',
): Omit<ExploratoryFactorAnalysisResult, 'n' | 'items'> | null {
  const extraction = extractFactors(correlation, factors, method);
  if (!extraction) return null;
  const unrotated = extraction.loadings;
  let pattern = unrotated.map((row) => [...row]);
  let phi: number[][] = Array.from({ length: factors }, (_, i) =>
    Array.from({ length: factors }, (_, j) => (i === j ? 1 : 0)),
  );
  let rotationConverged = true;
  if (factors > 1 && rotation === 'oblimin') {
    const rotated = obliminRotation(unrotated);
    pattern = rotated.loadings;
    phi = rotated.factorCorrelations;
    rotationConverged = rotated.converged;
  }
  // psych (fac): sign each factor so that its loadings sum to a positive number, then order the factors by the
  // variance they account for, diag(Phi L'L), decreasing (a stable sort, as R's order()).
  const signs = Array.from({ length: factors }, (_, k) =>
    pattern.reduce((sum, row) => sum + row[k], 0) < 0 ? -1 : 1,
  );
  pattern = pattern.map((row) => row.map((value, k) => value * signs[k]));
  phi = phi.map((row, a) => row.map((value, b) => value * signs[a] * signs[b]));
  const structureUnordered = matrixProduct(pattern, phi);
  const accounted = Array.from({ length: factors }, (_, k) =>
    pattern.reduce((sum, row, i) => sum + row[k] * structureUnordered[i][k], 0),
  );
  const order = accounted.map((_, k) => k).sort((a, b) => accounted[b] - accounted[a]);
  const loadings = pattern.map((row) => order.map((k) => row[k]));
  const factorCorrelations = order.map((a) => order.map((b) => phi[a][b]));
  const structure = matrixProduct(loadings, factorCorrelations);
  const sumOfSquaredLoadings = order.map((k) => accounted[k]);
  const items = correlation.length;
  const explained = sumOfSquaredLoadings.reduce((sum, value) => sum + value, 0);
  const running = (values: number[]) =>
    values.map((_, k) => values.slice(0, k + 1).reduce((sum, v) => sum + v, 0));
  const proportionOfVariance = sumOfSquaredLoadings.map((value) => value / items);
  const proportionOfExplained = sumOfSquaredLoadings.map((value) => value / explained);
  const communalities = unrotated.map((row) => row.reduce((sum, value) => sum + value * value, 0));
  return {
    loadings,
    structure,
    factorCorrelations,
    communalities,
    uniquenesses: communalities.map((value) => 1 - value),
    fittedUniquenesses: extraction.fittedUniquenesses,
    heywoodItems: extraction.boundItems,
    variance: {
      sumOfSquaredLoadings,
      proportionOfVariance,
      cumulativeVariance: running(proportionOfVariance),
      proportionOfExplained,
      cumulativeProportion: running(proportionOfExplained),
    },
    fit: factorFit(correlation, loadings, factorCorrelations, n),
    eigenvalues: symmetricEigen(correlation).values,
    converged: { extraction: extraction.converged, rotation: rotationConverged },
    method,
    rotation,
    factors,
  };
}

/** Checks the options shared by the factor-analytic functions and returns the complete rows and their correlations. */
export function prepareFactorAnalysis(
  functionName: string,
  items: readonly (readonly MaybeNumber[])[],
  factors: number,
): { correlation: number[][]; n: number; itemCount: number } {
  if (!Number.isInteger(factors) || factors < 1) {
    throw new RangeError(`${functionName} requires a positive integer number of factors, got ${factors}`);
  }
  const rows = completeRows(functionName, items);
  const itemCount = rows[0]?.length ?? items[0]?.length ?? 0;
  requireCount(
    functionName,
    itemCount,
    minimumItems(factors),
    `items for ${factors} factor${factors > 1 ? 's' : ''}`,
  );
  requireCount(functionName, rows.length, itemCount + 1, 'complete respondents (one more than the items)');
  return { correlation: correlationFromCovariance(covarianceMatrix(rows)), n: rows.length, itemCount };
}

/**
 * Exploratory factor analysis of a set of items: minimum-residual or maximum-likelihood extraction with oblimin
 * rotation, as R's `psych::fa(x, nfactors, fm = 'minres' | 'ml', rotate = 'oblimin')` (psych 2.2.9, GPArotation).
 *
 * - Extraction from the item correlation matrix (Pearson, n - 1): psych's criteria (minres: unweighted least squares
 *   of the residual correlations, Harman 1960; ml: Lawley & Maxwell 1971, as `factanal`), its bounds
 *   0.005 <= uniqueness <= 1 and its starting values 1 - SMC, solved by projected Newton steps with analytic
 *   Hessians until a step changes no uniqueness by more than 1e-13 (psych's L-BFGS-B stops about 1e-5 earlier).
 * - Rotation: oblimin with gamma 0 (quartimin) from the unrotated solution, as GPArotation's `oblimin`, to a projected
 *   gradient below 1e-12 (GPArotation stops at 1e-5); see {@link obliminRotation}.
 * - Alignment, as psych: unrotated and rotated factors are each signed so that their loadings sum to a positive
 *   number; the rotated factors are ordered by the variance they account for, diag(Phi L'L), decreasing.
 * - Heywood cases: a uniqueness that reaches the lower bound 0.005 stays there (the bounded optimum, as psych and
 *   `factanal`); its item is listed in `heywoodItems`, and its communality from the loadings may exceed 0.995 for
 *   minres (psych then reports a uniqueness below 0.005, as here).
 * - Fit: psych's likelihood-ratio statistics of the model L Phi L' with unit diagonal (Bartlett's correction),
 *   RMSEA, TLI and BIC; reported for minres as well (psych's "likelihood chi square"). When the model matrix is not
 *   positive definite (an ultra-Heywood case), psych smooths it; here the fit is NaN.
 *
 * Missing data: listwise deletion. A constant item or a correlation matrix that is not positive definite (an exact
 * linear dependency) gives NaN everywhere.
 *
 * Complexity: O(n p^2) for the correlations, then O(p^3) per Newton iteration (about 5-10) and O(p m^2) per rotation
 * step (tens).
 * @param items rows = respondents, columns = items.
 * @throws RangeError when factors is not a positive integer, there are too few items for that many factors (non-
 *   negative degrees of freedom: 3 for one factor, 5 for two, 6 for three, 8 for four), fewer complete respondents
 *   than items + 1, or rows of unequal length.
 * @example
 * const efa = exploratoryFactorAnalysis(responses, { factors: 3 }); // as psych::fa(responses, 3)
 * efa.loadings; // 3 columns, largest factor first
 * efa.factorCorrelations; // Phi
 */
export function exploratoryFactorAnalysis(
  items: readonly (readonly MaybeNumber[])[],
  options: ExploratoryFactorAnalysisOptions,
): ExploratoryFactorAnalysisResult {
  const method = options.method ?? 'minres';
  const rotation = options.rotation ?? 'oblimin';
  if (method !== 'minres' && method !== 'ml') {
    throw new RangeError(`exploratoryFactorAnalysis got an unknown method '${String(method)}'`);
  }
  if (rotation !== 'oblimin' && rotation !== 'none') {
    throw new RangeError(`exploratoryFactorAnalysis got an unknown rotation '${String(rotation)}'`);
  }
  const { correlation, n, itemCount } = prepareFactorAnalysis(
    'exploratoryFactorAnalysis',
    items,
    options.factors,
  );
  const factors = options.factors;
  const solution = correlation.flat().every(Number.isFinite)
    ? factorSolution(correlation, n, factors, method, rotation)
    : null;
  if (solution) return { ...solution, n, items: itemCount };
  const filled = (rows: number, columns: number) =>
    Array.from({ length: rows }, () => new Array<number>(columns).fill(NaN));
  const vector = (length: number) => new Array<number>(length).fill(NaN);
  return {
    loadings: filled(itemCount, factors),
    structure: filled(itemCount, factors),
    factorCorrelations: filled(factors, factors),
    communalities: vector(itemCount),
    uniquenesses: vector(itemCount),
    fittedUniquenesses: vector(itemCount),
    heywoodItems: [],
    variance: {
      sumOfSquaredLoadings: vector(factors),
      proportionOfVariance: vector(factors),
      cumulativeVariance: vector(factors),
      proportionOfExplained: vector(factors),
      cumulativeProportion: vector(factors),
    },
    fit: {
      objective: NaN,
      chiSquare: NaN,
      df: degreesOfFreedom(itemCount, factors),
      pValue: NaN,
      rmsea: NaN,
      tli: NaN,
      bic: NaN,
    },
    eigenvalues: correlation.flat().every(Number.isFinite)
      ? symmetricEigen(correlation).values
      : vector(itemCount),
    converged: { extraction: false, rotation: false },
    method,
    rotation,
    factors,
    n,
    items: itemCount,
  };
}
