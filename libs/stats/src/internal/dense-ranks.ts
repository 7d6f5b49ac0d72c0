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

/** Dense 0-based ranks, tie-group sizes and the sorting permutation. O(n) (radix sort); `values` holds no NaN. */
export function denseRanks(values: ArrayLike<number>): DenseRanks {
  const n = values.length;
  const order = sortOrder(values);
  const ranks = new Uint32Array(n);
  const sizes = new Uint32Array(n);
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
  return { ranks, groupSizes: sizes.subarray(0, n === 0 ? 0 : rank + 1), order };
}
