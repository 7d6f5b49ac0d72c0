import { completeRows } from '../internal/complete-rows';
import { requireCount, type MaybeNumber } from '../internal/data-policy';
import { extractFactors } from '../internal/factor-extraction';
import { correlationFromCovariance, covarianceMatrix, symmetricEigen } from '../internal/linear-algebra';
import { sortedQuantile } from '../resampling/bca-interval';
import { normalDeviate } from '../resampling/normal-deviate';
import { createRandomGenerator, type RandomGenerator } from '../resampling/random';

/** Options of {@link parallelAnalysis}. */
export interface ParallelAnalysisOptions {
  /** Seed of the xoshiro128** generator (a safe integer). Either `seed` or `random` is required. */
  seed?: number;
  /** An injected generator instead of a seed (it is advanced by the call). */
  random?: RandomGenerator;
  /** Simulated data sets (psych's `n.iter`); default 20, as psych. */
  iterations?: number;
  /** Quantile of the simulated eigenvalues that an observed one must exceed (psych's `quant`); default 0.95. */
  quantile?: number;
  /** Compare with the simulated 'quantile' (default, as psych) or with the simulated 'mean' (Horn 1965). */
  criterion?: 'quantile' | 'mean';
}

/** Observed and simulated eigenvalues of one kind (components or factors) and the number they suggest. */
export interface ParallelAnalysisSeries {
  /** Eigenvalues of the observed data, decreasing. */
  observed: number[];
  /** Mean of the simulated eigenvalues, position by position. */
  simulatedMean: number[];
  /** The `quantile` of the simulated eigenvalues (R's type 7), position by position. */
  simulatedQuantile: number[];
  /** Number of leading observed eigenvalues greater than the simulated ones (by the criterion). */
  suggested: number;
}

/** Result of {@link parallelAnalysis}. */
export interface ParallelAnalysisResult {
  /** Principal components: eigenvalues of the correlation matrix (psych's `pc.values`, `ncomp`). */
  components: ParallelAnalysisSeries;
  /**
   * Common factors: eigenvalues of the correlation matrix with the communalities of a one-factor minres solution on
   * its diagonal (psych's `fa.values`, `nfact`).
   */
  factors: ParallelAnalysisSeries;
  iterations: number;
  quantile: number;
  criterion: 'quantile' | 'mean';
  /** Respondents used (complete rows). */
  n: number;
  /** Number of items. */
  items: number;
}

/** Eigenvalues of R and of R with one-factor minres communalities on its diagonal. */
function eigenvaluesOf(correlation: number[][]): { components: number[]; factors: number[] } {
  const components = symmetricEigen(correlation).values;
  const extraction = extractFactors(correlation, 1, 'minres');
  if (!extraction) return { components, factors: components.map(() => NaN) };
  const reduced = correlation.map((row, i) =>
    row.map((value, j) => (i === j ? extraction.loadings[i][0] * extraction.loadings[i][0] : value)),
  );
  return { components, factors: symmetricEigen(reduced).values };
}

/** Correlation matrix of n x p independent standard normal draws (item by item), two-pass. O(n p^2). */
function simulatedCorrelation(random: RandomGenerator, n: number, items: number): number[][] {
  const columns = Array.from({ length: items }, () => {
    const column = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      column[i] = normalDeviate(random);
      sum += column[i];
    }
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      column[i] -= mean;
      squares += column[i] * column[i];
    }
    const scale = 1 / Math.sqrt(squares);
    for (let i = 0; i < n; i++) column[i] *= scale;
    return column;
  });
  const correlation = Array.from({ length: items }, () => new Array<number>(items).fill(0));
  for (let a = 0; a < items; a++) {
    correlation[a][a] = 1;
    for (let b = a + 1; b < items; b++) {
      let dot = 0;
      const x = columns[a];
      const y = columns[b];
      for (let i = 0; i < n; i++) dot += x[i] * y[i];
      correlation[a][b] = dot;
      correlation[b][a] = dot;
    }
  }
  return correlation;
}

function summarise(
  observed: number[],
  simulated: number[][],
  quantile: number,
  criterion: 'quantile' | 'mean',
): ParallelAnalysisSeries {
  const positions = observed.length;
  const simulatedMean = Array.from(
    { length: positions },
    (_, j) => simulated.reduce((sum, values) => sum + values[j], 0) / simulated.length,
  );
  const simulatedQuantile = Array.from({ length: positions }, (_, j) =>
    sortedQuantile(
      simulated.map((values) => values[j]).sort((a, b) => a - b),
      quantile,
    ),
  );
  const threshold = criterion === 'mean' ? simulatedMean : simulatedQuantile;
  let suggested = 0;
  while (suggested < positions && observed[suggested] > threshold[suggested]) suggested++;
  return { observed, simulatedMean, simulatedQuantile, suggested };
}

/**
 * Horn's (1965) parallel analysis for the number of components and of common factors, as R's
 * `psych::fa.parallel(x, fm = 'minres', fa = 'both')` (psych 2.2.9) with simulated (not resampled) data.
 *
 * Observed: eigenvalues of the item correlation matrix (components) and of the correlation matrix with the
 * communalities of a one-factor minres solution on its diagonal (factors, psych's `fa(r, 1)$values`). Simulated: for
 * each of `iterations` data sets of n x p independent standard normal draws (`normalDeviate` from the injected seeded
 * generator, item by item), the same two sets of eigenvalues. The suggested number of components (factors) is the
 * number of leading observed eigenvalues strictly greater than the `quantile` (default 0.95, psych's `quant`) of the
 * simulated ones at the same position, stopping at the first that is not, as psych's `ncomp` and `nfact`; with
 * `criterion: 'mean'` the simulated means are the threshold instead (Horn's original rule). Where every observed
 * eigenvalue exceeds its threshold, p is returned (psych returns NA). The same seed gives the same result on every
 * platform; R's draws differ, so agreement with psych is statistical (see the spec).
 *
 * Missing data: listwise deletion. A constant item gives NaN eigenvalues and a suggestion of 0.
 * Complexity: O(iterations (n p^2 + p^3)): per data set the correlations, two Jacobi eigen-decompositions and a
 * one-factor minres fit (a few Newton steps of O(p^3)).
 * @param items rows = respondents, columns = items.
 * @throws RangeError when fewer than 3 items or fewer complete respondents than items + 1, rows of unequal length,
 *   iterations not an integer >= 1, a quantile outside (0, 1), neither seed nor random given, or an invalid seed.
 * @example
 * const result = parallelAnalysis(responses, { seed: 2026, iterations: 100 });
 * result.factors.suggested // as psych::fa.parallel(responses, n.iter = 100)$nfact
 */
export function parallelAnalysis(
  items: readonly (readonly MaybeNumber[])[],
  options: ParallelAnalysisOptions,
): ParallelAnalysisResult {
  const iterations = options.iterations ?? 20;
  const quantile = options.quantile ?? 0.95;
  const criterion = options.criterion ?? 'quantile';
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new RangeError(`parallelAnalysis requires an integer number of iterations >= 1, got ${iterations}`);
  }
  if (!(quantile > 0 && quantile < 1)) {
    throw new RangeError(`parallelAnalysis requires a quantile strictly between 0 and 1, got ${quantile}`);
  }
  if (criterion !== 'quantile' && criterion !== 'mean') {
    throw new RangeError(`parallelAnalysis got an unknown criterion '${String(criterion)}'`);
  }
  if (options.random === undefined && options.seed === undefined) {
    throw new RangeError('parallelAnalysis requires a seed or a random generator');
  }
  const random = options.random ?? createRandomGenerator(options.seed as number);
  const rows = completeRows('parallelAnalysis', items);
  const itemCount = rows[0]?.length ?? items[0]?.length ?? 0;
  requireCount('parallelAnalysis', itemCount, 3, 'items');
  requireCount(
    'parallelAnalysis',
    rows.length,
    itemCount + 1,
    'complete respondents (one more than the items)',
  );
  const n = rows.length;
  const correlation = correlationFromCovariance(covarianceMatrix(rows));
  const observed = correlation.flat().every(Number.isFinite)
    ? eigenvaluesOf(correlation)
    : { components: new Array<number>(itemCount).fill(NaN), factors: new Array<number>(itemCount).fill(NaN) };
  const simulatedComponents: number[][] = [];
  const simulatedFactors: number[][] = [];
  for (let iteration = 0; iteration < iterations; iteration++) {
    const values = eigenvaluesOf(simulatedCorrelation(random, n, itemCount));
    simulatedComponents.push(values.components);
    simulatedFactors.push(values.factors);
  }
  return {
    components: summarise(observed.components, simulatedComponents, quantile, criterion),
    factors: summarise(observed.factors, simulatedFactors, quantile, criterion),
    iterations,
    quantile,
    criterion,
    n,
    items: itemCount,
  };
}
