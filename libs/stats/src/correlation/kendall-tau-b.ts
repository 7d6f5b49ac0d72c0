import { normalPValue } from '../distributions/p-value';
import { requireCount, type MaybeNumber } from '../internal/data-policy';
import { pairedInput } from '../internal/paired-input';
import { resolveTestOptions, type Alternative, type TestOptions } from '../internal/options';
import { scratchFloat64Copy } from '../internal/centred-sums';
import { denseRanks } from '../internal/dense-ranks';
import { sortOrder } from '../internal/sort-order';
import { borrowInt32, borrowUint32, release } from '../internal/scratch';

/** Result of {@link kendallTauB}. */
export interface KendallTauBResult {
  /** Kendall's tau-b. */
  tau: number;
  /** Complete pairs used. */
  n: number;
  /** Kendall's S: concordant minus discordant pairs. */
  s: number;
  /** z = S / sqrt(Var S) with the tie-corrected variance, no continuity correction. */
  z: number;
  /** p-value of z for the chosen alternative. */
  p: number;
}

/** Tie sums of one variable: sum t(t-1), sum t(t-1)(2t+5), sum t(t-1)(t-2) over tie groups of size t. */
interface TieSums {
  pairs: number;
  variance: number;
  triples: number;
}

function addTieGroup(sums: TieSums, size: number): void {
  if (size < 2) return;
  const pairs = size * (size - 1);
  sums.pairs += pairs;
  sums.variance += pairs * (2 * size + 5);
  sums.triples += pairs * (size - 2);
}

function tieSums(groupSizes: Uint32Array): TieSums {
  const sums: TieSums = { pairs: 0, variance: 0, triples: 0 };
  for (let i = 0; i < groupSizes.length; i++) addTieGroup(sums, groupSizes[i]);
  return sums;
}

/**
 * Counts the inversions (pairs i < j with values[i] > values[j]) of `values` while sorting it, by an iterative
 * bottom-up merge sort on integers: insertion sort of runs of 16, then merges of doubling width. O(n log n).
 * Equal values are not inversions (ties in y are counted separately).
 */
function countInversions(values: Int32Array): number {
  const n = values.length;
  const run = 16;
  let inversions = 0;
  for (let start = 0; start < n; start += run) {
    const end = Math.min(n, start + run);
    for (let i = start + 1; i < end; i++) {
      const value = values[i];
      let j = i - 1;
      while (j >= start && values[j] > value) {
        values[j + 1] = values[j];
        j--;
      }
      inversions += i - 1 - j;
      values[j + 1] = value;
    }
  }
  const buffer = borrowInt32(n);
  let source: Int32Array = values;
  let target: Int32Array = buffer;
  for (let width = run; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const middle = Math.min(n, left + width);
      const right = Math.min(n, left + 2 * width);
      let i = left;
      let j = middle;
      let k = left;
      if (middle >= right || source[middle - 1] <= source[middle]) {
        // Already in order (common for strongly correlated data): copy.
        while (i < right) target[k++] = source[i++];
        continue;
      }
      while (i < middle && j < right) {
        const a = source[i];
        const b = source[j];
        if (b < a) {
          // b jumps over every element left in the first half.
          inversions += middle - i;
          target[k++] = b;
          j++;
        } else {
          target[k++] = a;
          i++;
        }
      }
      while (i < middle) target[k++] = source[i++];
      while (j < right) target[k++] = source[j++];
    }
    const swap = source;
    source = target;
    target = swap;
  }
  release(buffer);
  return inversions;
}

/**
 * Kendall's tau-b with the large-sample z test of R's `cor.test(x, y, method = "kendall", exact = FALSE)`
 * (no continuity correction).
 *
 * Estimator: tau-b = S / sqrt((n0 - n1)(n0 - n2)) with n0 = n(n-1)/2, n1 and n2 the pairs tied in x and in y
 * (Kendall 1945), S = concordant - discordant pairs, computed by Knight's (1966) algorithm: sort the pairs by x
 * then y (here: dense ranks by radix sort, then one counting sort), count the tied groups, then count the
 * exchanges of a bottom-up merge sort of the y ranks. Var S = (v0 - vt - vu) / 18 +
 * v1 / (2n(n-1)) + v2 / (9n(n-1)(n-2)) (Kendall & Gibbons 1990, as R). For n = 2 the last term (0/0 in R, which
 * then reports NaN) is taken as its limit 0.
 *
 * Missing data: pairwise deletion. A constant sample gives tau, z and p NaN.
 *
 * Complexity: O(n log n) time (radix sort of the pairs, then merge sort), O(n) memory; 10^6 pairs well under
 * a second.
 *
 * @throws RangeError when the inputs differ in length, fewer than 2 complete pairs remain, or the options are invalid.
 * @example
 * kendallTauB([1, 2, 3, 4, 5], [3, 1, 2, 5, 4]).tau // 0.4 (R: cor(1:5, c(3, 1, 2, 5, 4), method = "kendall"))
 */
export function kendallTauB(
  x: readonly MaybeNumber[],
  y: readonly MaybeNumber[],
  options?: TestOptions,
): KendallTauBResult {
  const { alternative } = resolveTestOptions('kendallTauB', options);
  const pairs = pairedInput('kendallTauB', x, y);
  requireCount('kendallTauB', pairs.n, 2);
  return kendallTauBDense(pairs.x, pairs.y, alternative);
}

/** Kendall's tau-b and z test on dense complete pairs (shared with correlationMatrix). O(n log n). */
export function kendallTauBDense(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  alternative: Alternative,
): KendallTauBResult {
  const n = x.length;
  const rankedX = denseRanks(x);
  const rankX = rankedX.ranks;
  const yValues = scratchFloat64Copy(y);
  const orderY = sortOrder(yValues);
  // Order the pairs by x then y: walking the y order (sorted by y), one stable counting sort by the dense x rank
  // (the bucket sizes are the x tie groups) gives the lexicographic order in O(n); the dense y rank and the y tie
  // groups are read off the same walk.
  const xGroups = rankedX.groupSizes;
  const starts = borrowUint32(xGroups.length);
  starts[0] = 0;
  for (let rank = 1; rank < xGroups.length; rank++) starts[rank] = starts[rank - 1] + xGroups[rank - 1];
  const sequence = borrowInt32(n);
  const pairRank = borrowUint32(n);
  const yTies: TieSums = { pairs: 0, variance: 0, triples: 0 };
  let yRank = -1;
  let yGroup = 0;
  let previousY = NaN;
  for (let i = 0; i < n; i++) {
    const index = orderY[i];
    const value = yValues[index];
    if (value !== previousY) {
      addTieGroup(yTies, yGroup);
      yGroup = 0;
      yRank++;
      previousY = value;
    }
    yGroup++;
    const position = starts[rankX[index]]++;
    sequence[position] = yRank;
    pairRank[position] = rankX[index];
  }
  addTieGroup(yTies, yGroup);
  // Pairs tied in both x and y (n3 of Knight 1966): runs of equal (x rank, y rank) in the lexicographic order.
  let jointTiedPairs = 0;
  let run = 1;
  for (let i = 1; i < n; i++) {
    if (pairRank[i] === pairRank[i - 1] && sequence[i] === sequence[i - 1]) {
      run++;
    } else {
      jointTiedPairs += (run * (run - 1)) / 2;
      run = 1;
    }
  }
  jointTiedPairs += (run * (run - 1)) / 2;
  const inversions = countInversions(sequence);
  const xTies = tieSums(xGroups);
  release(starts, sequence, pairRank, rankX, rankedX.order, xGroups, orderY);
  if (yValues !== y) release(yValues);

  const totalPairs = (n * (n - 1)) / 2;
  const xTiedPairs = xTies.pairs / 2;
  const yTiedPairs = yTies.pairs / 2;
  const s = totalPairs - xTiedPairs - yTiedPairs + jointTiedPairs - 2 * inversions;
  const tau = s / Math.sqrt((totalPairs - xTiedPairs) * (totalPairs - yTiedPairs));

  const v0 = n * (n - 1) * (2 * n + 5);
  const v1 = xTies.pairs * yTies.pairs;
  const v2 = xTies.triples * yTies.triples;
  const varianceS =
    (v0 - xTies.variance - yTies.variance) / 18 +
    v1 / (2 * n * (n - 1)) +
    (v2 === 0 ? 0 : v2 / (9 * n * (n - 1) * (n - 2)));
  const z = Number.isNaN(tau) ? NaN : s / Math.sqrt(varianceS);
  return { tau, n, s, z, p: normalPValue(z, alternative) };
}
