/**
 * Test helpers for comparing numbers with reference values (R fixtures) by relative error.
 * Shared by the reliability, meta-analysis, change, resampling and mixed-model specs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Relative error |actual - expected| / |expected|, or the absolute error when expected is 0. NaN matches NaN. */
export function relativeError(actual: number, expected: number): number {
  if (Number.isNaN(expected) && Number.isNaN(actual)) return 0;
  if (actual === expected) return 0;
  const difference = Math.abs(actual - expected);
  return expected === 0 ? difference : difference / Math.abs(expected);
}

/** Asserts that `actual` agrees with `expected` to the given relative tolerance, naming the quantity on failure. */
export function expectRelative(actual: number, expected: number, tolerance: number, label = 'value'): void {
  const error = relativeError(actual, expected);
  if (!(error <= tolerance)) {
    throw new Error(
      `${label}: expected ${expected}, got ${actual} (relative error ${error.toExponential(3)} > ${tolerance})`,
    );
  }
}

/** Element-wise `expectRelative` over two arrays of the same length. */
export function expectAllRelative(
  actual: readonly number[],
  expected: readonly number[],
  tolerance: number,
  label = 'values',
): void {
  if (actual.length !== expected.length) {
    throw new Error(`${label}: expected ${expected.length} values, got ${actual.length}`);
  }
  actual.forEach((value, index) => expectRelative(value, expected[index], tolerance, `${label}[${index}]`));
}

/** Reads a JSON fixture written by one of the R scripts in libs/stats/reference. */
export function readFixture<T>(name: string): T {
  const path = join(__dirname, '..', 'reference', 'fixtures', name);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/**
 * JSON cannot hold NaN or infinities; the R scripts write them as the strings "NaN", "Inf" and "-Inf" (or null for
 * NA). This turns such a value back into a number.
 */
export function fixtureNumber(value: number | string | null): number {
  if (typeof value === 'number') return value;
  if (value === 'Inf') return Infinity;
  if (value === '-Inf') return -Infinity;
  return NaN;
}
