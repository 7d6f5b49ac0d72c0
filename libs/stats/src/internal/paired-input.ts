import { centredSums, centredSumsOfArrays, type CentredSums } from './centred-sums';
import { completePairs, requireSameLength, type MaybeNumber } from './data-policy';

/** Complete paired data: either the caller's arrays themselves (no missing value) or dense copies. */
export interface PairedInput {
  x: readonly number[] | Float64Array;
  y: readonly number[] | Float64Array;
  n: number;
}

/**
 * The complete pairs of two paired samples under the library's pairwise deletion, without copying when nothing is
 * missing (the common case on large inputs, where the copy and its garbage cost more than the statistic). O(n).
 * @throws RangeError when the inputs differ in length.
 */
export function pairedInput(
  functionName: string,
  x: readonly MaybeNumber[],
  y: readonly MaybeNumber[],
): PairedInput {
  requireSameLength(functionName, x, y);
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const a = x[i];
    const b = y[i];
    // `value !== value` is the NaN test; `== null` covers undefined.
    if (a == null || b == null || a !== a || b !== b) return completePairs(functionName, x, y);
  }
  return { x: x as readonly number[], y: y as readonly number[], n };
}

/**
 * Centred sums of the complete pairs of two paired samples (pairwise deletion): plain arrays go straight through the
 * array kernel, which reports a missing value on its first pass; only then are the complete pairs copied. O(n).
 * @throws RangeError when the inputs differ in length.
 */
export function completeCentredSums(
  functionName: string,
  x: readonly MaybeNumber[],
  y: readonly MaybeNumber[],
): CentredSums {
  requireSameLength(functionName, x, y);
  const direct = x.length > 0 ? centredSumsOfArrays(x, y) : null;
  if (direct) return direct;
  const pairs = completePairs(functionName, x, y);
  if (pairs.n === 0)
    return {
      n: 0,
      meanX: NaN,
      meanY: NaN,
      sumSquaresX: NaN,
      sumSquaresY: NaN,
      sumProducts: NaN,
      constantX: true,
      constantY: true,
    };
  return centredSums(pairs.x, pairs.y);
}

/** Centred sums of paired input through the kernel for its array kind (see {@link centredSums}). O(n). */
export function pairedCentredSums(pairs: PairedInput): CentredSums {
  return pairs.x instanceof Float64Array && pairs.y instanceof Float64Array
    ? centredSums(pairs.x, pairs.y)
    : (centredSumsOfArrays(pairs.x as readonly number[], pairs.y as readonly number[]) as CentredSums);
}
