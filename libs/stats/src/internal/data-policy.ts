/**
 * The library's one policy for missing values and too little data (documented in libs/stats/README.md):
 *
 * - A missing value is `null`, `undefined` or `NaN`. Functions on one sample drop missing values; functions on
 *   paired samples drop every pair in which either value is missing (pairwise deletion); matrix functions on
 *   rows (items, ratings) drop every row with a missing cell (listwise deletion). Each result reports the `n`
 *   actually used.
 * - Too little complete data for the statistic to exist (e.g. fewer than three pairs for a correlation test)
 *   throws a `RangeError` whose message names the function and the minimum, e.g.
 *   `RangeError('pearson requires at least 3 complete pairs, got 2')`.
 * - Enough data but a mathematically undefined value (zero variance, so a correlation is 0/0) gives `NaN` in the
 *   affected fields, never a thrown error and never a made-up 0, as R's `cor()` returns `NA`.
 * - Inputs of different lengths where pairs are expected throw a `RangeError`.
 */

/** A value as accepted by every function of the library: `null`, `undefined` and `NaN` mean missing. */
export type MaybeNumber = number | null | undefined;

/** True when a value counts as missing under the library's policy. */
export function isMissing(value: MaybeNumber): value is null | undefined {
  return value === null || value === undefined || Number.isNaN(value);
}

/** The non-missing values of a sample, in order. O(n). */
export function completeValues(values: readonly MaybeNumber[]): number[] {
  const out: number[] = [];
  for (const value of values) if (!isMissing(value)) out.push(value);
  return out;
}

/** Throws a `RangeError` when two paired inputs differ in length. */
export function requireSameLength(functionName: string, ...arrays: readonly (readonly unknown[])[]): void {
  const length = arrays[0]?.length ?? 0;
  for (const array of arrays) {
    if (array.length !== length) {
      throw new RangeError(`${functionName} requires inputs of equal length, got ${arrays.map((a) => a.length).join(' and ')}`);
    }
  }
}

/**
 * The complete pairs of two paired samples (pairwise deletion), as two new dense arrays. O(n).
 * @throws RangeError when the inputs differ in length.
 */
export function completePairs(
  functionName: string,
  x: readonly MaybeNumber[],
  y: readonly MaybeNumber[],
): { x: Float64Array; y: Float64Array; n: number } {
  requireSameLength(functionName, x, y);
  const outX = new Float64Array(x.length);
  const outY = new Float64Array(x.length);
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (isMissing(a) || isMissing(b)) continue;
    outX[n] = a;
    outY[n] = b;
    n++;
  }
  return { x: outX.subarray(0, n), y: outY.subarray(0, n), n };
}

/** Throws the policy's `RangeError` when fewer than `minimum` complete observations are available. */
export function requireCount(functionName: string, count: number, minimum: number, unit = 'complete pairs'): void {
  if (count < minimum) {
    throw new RangeError(`${functionName} requires at least ${minimum} ${unit}, got ${count}`);
  }
}
