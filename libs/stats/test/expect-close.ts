/**
 * Test helpers of libs/stats part A (correlation, descriptive, effect sizes): relative-error assertions against
 * reference values and the loader of the R fixture written by reference/correlation.R.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** |actual - expected| / |expected|; 0 when both are equal (including both infinite or both NaN). */
export function relativeError(actual: number, expected: number): number {
  if (actual === expected || (Number.isNaN(actual) && Number.isNaN(expected))) return 0;
  if (expected === 0) return Math.abs(actual);
  return Math.abs(actual - expected) / Math.abs(expected);
}

const worst = new Map<string, number>();

/**
 * Asserts relative agreement and remembers the worst error per label (printed by {@link reportWorstErrors} when
 * STATS_REPORT_ERRORS is set, to quote accuracy in reviews).
 */
export function expectClose(actual: number, expected: number, tolerance: number, label: string): void {
  const error = relativeError(actual, expected);
  worst.set(label, Math.max(worst.get(label) ?? 0, error));
  if (!(error <= tolerance)) {
    throw new Error(
      `${label}: expected ${expected}, got ${actual} (relative error ${error.toExponential(3)} > ${tolerance})`,
    );
  }
}

/** {@link expectClose} element by element. */
export function expectAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: number,
  label: string,
): void {
  if (actual.length !== expected.length)
    throw new Error(`${label}: expected ${expected.length} values, got ${actual.length}`);
  for (let i = 0; i < actual.length; i++) expectClose(actual[i], expected[i], tolerance, label);
}

/** Prints the worst relative error seen per label when the environment variable STATS_REPORT_ERRORS is set. */
export function reportWorstErrors(): void {
  if (!process.env['STATS_REPORT_ERRORS']) return;
  const lines = [...worst.entries()].map(([label, error]) => `${label}\t${error.toExponential(2)}`);
  console.log(lines.join('\n'));
}

/** A JSON value of the fixture with R's NaN and infinities decoded ("NaN", "Infinity", "-Infinity"). */
function decode(value: unknown): unknown {
  if (value === 'NaN') return NaN;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, decode(entry)]));
  }
  return value;
}

let cache: unknown;

/** The fixture written by libs/stats/reference/correlation.R (read once per test file). */
export function correlationFixture<T>(): T {
  cache ??= decode(
    JSON.parse(readFileSync(join(__dirname, '..', 'reference', 'fixtures', 'correlation.json'), 'utf8')),
  );
  return cache as T;
}

/** Test-file types of the fixture entries. */
export type Numbers = (number | null)[];
export type AlternativeName = 'two-sided' | 'less' | 'greater';
