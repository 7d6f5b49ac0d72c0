import { scratchFloat64Copy } from './centred-sums';
import { borrowFloat64, release } from './scratch';
import { sortOrder } from './sort-order';

/**
 * Average ranks (1-based; tied values share the mean of the ranks they span), as R's `rank(ties.method =
 * "average")`. The result lives on a pooled scratch buffer: `release` it when done. O(n) radix sort for large n, O(n log n) below 512 values. `values` must hold no NaN.
 */
export function averageRanks(input: ArrayLike<number>): Float64Array {
  const values = scratchFloat64Copy(input);
  const n = values.length;
  const order = sortOrder(values);
  const ranks = borrowFloat64(n);
  let start = 0;
  while (start < n) {
    const value = values[order[start]];
    let end = start + 1;
    while (end < n && values[order[end]] === value) end++;
    // Positions start..end-1 hold ranks start+1..end; their mean is (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) ranks[order[i]] = rank;
    start = end;
  }
  release(order);
  if (values !== input) release(values);
  return ranks;
}
