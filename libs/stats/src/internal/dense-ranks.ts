import { scratchFloat64Copy } from './centred-sums';
import { borrowUint32, release } from './scratch';
import { sortOrder } from './sort-order';

/** Dense ranks of a sample and the sizes of its tie groups. */
export interface DenseRanks {
  /** Rank of each value among the distinct values, 0-based (equal values share a rank). */
  ranks: Uint32Array;
  /** Number of values holding each dense rank (the tie group sizes), indexed by rank. */
  groupSizes: Uint32Array;
  /** Permutation that sorts the values ascending (stable). */
  order: Uint32Array;
}

/**
 * Dense 0-based ranks, tie-group sizes and the sorting permutation. O(n) (radix sort); `values` holds no NaN.
 * The three arrays live on pooled scratch buffers: `release` them when done.
 */
export function denseRanks(input: ArrayLike<number>): DenseRanks {
  const values = scratchFloat64Copy(input);
  const n = values.length;
  const order = sortOrder(values);
  const ranks = borrowUint32(n);
  const sizes = borrowUint32(n);
  sizes.fill(0);
  let rank = 0;
  let previous = values[order[0]];
  for (let i = 0; i < n; i++) {
    const index = order[i];
    const value = values[index];
    if (value !== previous) {
      rank++;
      previous = value;
    }
    ranks[index] = rank;
    sizes[rank]++;
  }
  if (values !== input) release(values);
  return { ranks, groupSizes: sizes.subarray(0, n === 0 ? 0 : rank + 1), order };
}
