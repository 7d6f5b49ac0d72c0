import { averageRanks } from './ranks';
import { sortOrder } from './sort-order';

/** Reference: stable comparison sort of the indices. */
function referenceOrder(values: ArrayLike<number>): number[] {
  return Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
}

describe('sortOrder (radix) and averageRanks', () => {
  it('matches a stable comparison sort on large inputs with negatives, zeros, ties, infinities and subnormals', () => {
    const n = 20_000;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const kind = i % 7;
      values[i] =
        kind === 0
          ? Math.round(Math.sin(i) * 10)
          : kind === 1
            ? -Math.cos(i) * 1e300
            : kind === 2
              ? (i % 3) - 1
              : Math.tan(i);
    }
    values[5] = -0;
    values[6] = Infinity;
    values[7] = -Infinity;
    values[8] = 5e-324;
    values[9] = -5e-324;
    expect(Array.from(sortOrder(values))).toEqual(referenceOrder(values));
  });

  it('orders runs of equal high words by the low word (short runs by insertion, long runs by radix)', () => {
    // 1 + k 2^-40 share the high 32 bits for k < 2^20: one long run; 1 + j 2^-20 + k 2^-40 gives runs of 20.
    const long = Float64Array.from({ length: 3000 }, (_, i) => 1 + ((i * 7919) % 3000) * 2 ** -40);
    expect(Array.from(sortOrder(long))).toEqual(referenceOrder(long));
    const short = Float64Array.from(
      { length: 3000 },
      (_, i) => 1 + (i % 150) * 2 ** -20 + ((i * 31) % 20) * 2 ** -40,
    );
    expect(Array.from(sortOrder(short))).toEqual(referenceOrder(short));
  });

  it('matches on small inputs (comparison path)', () => {
    const values = Float64Array.from([3, -1, 2, 2, -0, 0, 7, -1]);
    expect(Array.from(sortOrder(values))).toEqual(referenceOrder(values));
  });

  it('gives average ranks for ties, as R rank()', () => {
    // R: rank(c(10, 20, 10, 30, 20, 10)) = 2 4.5 2 6 4.5 2
    expect(Array.from(averageRanks([10, 20, 10, 30, 20, 10]))).toEqual([2, 4.5, 2, 6, 4.5, 2]);
    const large = Array.from({ length: 5000 }, (_, i) => i % 10);
    const ranks = averageRanks(large);
    // 500 copies of each digit d occupy ranks 500 d + 1 .. 500 d + 500, mean 500 d + 250.5.
    expect(ranks[3]).toBe(500 * 3 + 250.5);
  });
});
