/**
 * Fixture access for the scale-validation specs: the results written by reference/scale-validation.R
 * (fixtures/scale-validation.json) and the data sets it simulated (fixtures/scale-validation-*.csv, an empty cell
 * is a missing answer), plus an absolute-error assertion for loadings, whose entries can be near 0 where a relative
 * error means nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFixture } from './expect-relative';

type Matrix = number[][];

/** One factor solution as the fixture stores it (psych's defaults, or psych's criteria solved to convergence). */
export interface SolutionFixture {
  loadings: Matrix;
  Phi: Matrix;
  communality: number[];
  uniquenesses: number[];
  ssLoadings: number[];
  objective: number;
  chiSquare: number;
  df: number;
  pValue: number | null;
  rmsea: number;
  tli: number;
  bic: number;
  fittedUniquenesses: number[];
  proportionVar?: number[];
  cumulativeVar?: number[];
  proportionExplained?: number[];
  cumulativeProportion?: number[];
  boundItems?: number[];
}

/** R's simulated eigenvalues per position: mean, sd, 95th percentile and quantiles on a grid of probabilities. */
export interface SimulatedFixture {
  mean: number[];
  sd: number[];
  quantile95: number[];
  quantileGrid: Matrix;
}

export interface ScaleValidationFixture {
  rVersion: string;
  itemStatistics: {
    name: string;
    file: string;
    columns: number[];
    minimum: number;
    maximum: number;
    n: number;
    alpha: number;
    mean: number[];
    sd: number[];
    correctedItemTotal: number[];
    alphaIfDeleted: number[];
    floor: number[];
    ceiling: number[];
  }[];
  factorAnalysis: {
    name: string;
    file: string;
    n: number;
    factors: number;
    method: 'minres' | 'ml';
    psych: SolutionFixture;
    converged: SolutionFixture;
  }[];
  oblimin: {
    name: string;
    gamma: number;
    unrotated: Matrix;
    loadings: Matrix;
    Phi: Matrix;
    rotation: Matrix;
    defaultLoadings: Matrix;
    defaultPhi: Matrix;
  }[];
  omega: {
    name: string;
    file: string;
    n: number;
    groupFactors: number;
    psych: {
      omegaHierarchical: number;
      omegaTotal: number;
      omegaLimit: number;
      explainedCommonVariance: number;
      generalLoadings: number[];
      groupLoadings: Matrix;
      communalities: number[];
      generalLoadingsOfGroupFactors: number[];
      reversed: number[];
      /** Rows g, F1*, F2*, ...; columns total, general, group. */
      groupOmegas: Matrix;
      /** Items assigned to F1*, F2*, ... (largest absolute group loading). */
      groupItems: number[][];
    };
    converged: {
      omegaHierarchical: number;
      omegaTotal: number;
      omegaLimit: number;
      explainedCommonVariance: number;
      generalLoadings: number[];
      groupLoadings: Matrix;
      communalities: number[];
      uniquenesses: number[];
      generalLoadingsOfGroupFactors: number[];
      reversed: number[];
      groups: { items: number[]; total: number; general: number; group: number }[];
    };
  }[];
  parallelAnalysis: {
    name: string;
    file: string;
    n: number;
    iterations: number;
    /** Probabilities of the columns of quantileGrid (0.70, 0.71, ..., 1). */
    quantileGrid: number[];
    componentsObserved: number[];
    factorsObservedPsych: number[];
    factorsObserved: number[];
    components: SimulatedFixture;
    factors: SimulatedFixture;
    suggestedComponents: number;
    suggestedFactors: number;
  }[];
}

let fixture: ScaleValidationFixture | undefined;

/** The results fixture (read once per test file). */
export function scaleValidationFixture(): ScaleValidationFixture {
  fixture ??= readFixture<ScaleValidationFixture>('scale-validation.json');
  return fixture;
}

const csvCache = new Map<string, (number | null)[][]>();

/** A data set written by the reference script: rows of answers, null where the answer is missing. */
export function readCsvFixture(name: string): (number | null)[][] {
  let rows = csvCache.get(name);
  if (!rows) {
    const text = readFileSync(join(__dirname, '..', 'reference', 'fixtures', name), 'utf8');
    rows = text
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').map((cell) => (cell === '' ? null : Number(cell))));
    csvCache.set(name, rows);
  }
  return rows;
}

/** Largest absolute difference between two equally shaped matrices (or vectors). */
export function maxAbsoluteDifference(
  actual: readonly number[][] | readonly number[],
  expected: typeof actual,
): number {
  const a = (actual as readonly (number | readonly number[])[]).flat() as number[];
  const b = (expected as readonly (number | readonly number[])[]).flat() as number[];
  if (a.length !== b.length) return Infinity;
  return a.reduce((worst, value, i) => Math.max(worst, Math.abs(value - b[i])), 0);
}

const worst = new Map<string, number>();

/** Asserts an absolute difference of at most `tolerance` and remembers the worst per label (see reportWorst). */
export function expectAbsolute(
  actual: readonly number[][] | readonly number[],
  expected: readonly number[][] | readonly number[],
  tolerance: number,
  label: string,
): void {
  const difference = maxAbsoluteDifference(actual, expected);
  worst.set(label, Math.max(worst.get(label) ?? 0, difference));
  if (!(difference <= tolerance)) {
    throw new Error(`${label}: largest absolute difference ${difference.toExponential(3)} > ${tolerance}`);
  }
}

/** Prints the worst absolute difference per label when STATS_REPORT_ERRORS is set (to quote accuracy in reviews). */
export function reportWorst(): void {
  if (!process.env['STATS_REPORT_ERRORS']) return;
  console.log([...worst.entries()].map(([label, error]) => `${label}\t${error.toExponential(2)}`).join('\n'));
}
