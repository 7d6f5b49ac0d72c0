import { completePairs, requireSameLength, type MaybeNumber } from './data-policy';

/** Complete paired data: either the caller's arrays themselves (no missing value) or dense copies. */
export interface PairedInput {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  n: number;
}

/**
 * The complete pairs of two paired samples under the library's pairwise deletion, without copying when nothing is
 * missing (the common case on large inputs, where the copy and its garbage cost more than the statistic). O(n).
 * @throws RangeError when the inputs differ in length.
 */
export function pairedInput(functionName: string, x: readonly MaybeNumber[], y: readonly MaybeNumber[]): PairedInput {
  requireSameLength(functionName, x, y);
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const a = x[i];
    const b = y[i];
    // `value !== value` is the NaN test; `== null` covers undefined.
    if (a == null || b == null || a !== a || b !== b) return completePairs(functionName, x, y);
  }
  return { x: x as ArrayLike<number>, y: y as ArrayLike<number>, n };
}
