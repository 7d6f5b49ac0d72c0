/**
 * Centred (two-pass) sums of squares and cross-products of paired samples, the shared core of every
 * product-moment statistic in the library. Pass one computes the means (sum / n refined by the mean residual);
 * pass two sums the products of deviations with compensated (TwoSum, Knuth 1969 / Neumaier 1974) summation, which
 * plays the part of the long double accumulators of R's `cor`, so r agrees with R to an ulp or two and tiny
 * p-values (down to 1e-300) agree to 1e-12. Adding a constant such as 1e8 to every value leaves the result
 * unchanged, unlike the one-pass sum-of-squares formula.
 */

import { borrowFloat64 } from './scratch';

/** Terms summed plainly before a compensated addition to the totals. */
const BLOCK = 16;

export interface CentredSums {
  n: number;
  meanX: number;
  meanY: number;
  /** Sum of (x - meanX)^2. */
  sumSquaresX: number;
  /** Sum of (y - meanY)^2. */
  sumSquaresY: number;
  /** Sum of (x - meanX)(y - meanY). */
  sumProducts: number;
  /** True when every x is equal (the correlation is then undefined). */
  constantX: boolean;
  /** True when every y is equal. */
  constantY: boolean;
}

/** Mean of a dense sample by two passes (sum / n, then the mean of the residuals added back). O(n). */
export function refinedMean(values: ArrayLike<number>): number {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const first = sum / n;
  if (!Number.isFinite(first)) return first;
  let residual = 0;
  for (let i = 0; i < n; i++) residual += values[i] - first;
  return first + residual / n;
}

/**
 * Mean as an unevaluated sum high + low of two doubles (the low part is the rounding error of the high part), by
 * two passes. Deviations computed as (x - high) - low are then correctly rounded even when the mean itself is
 * not representable, which the lag-1 autocorrelation needs (its first-order sensitivity to the mean). O(n).
 */
export function splitMean(values: ArrayLike<number>): { high: number; low: number } {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const first = sum / n;
  if (!Number.isFinite(first)) return { high: first, low: 0 };
  let residual = 0;
  for (let i = 0; i < n; i++) residual += values[i] - first;
  const correction = residual / n;
  const high = first + correction;
  return { high, low: first - high + correction };
}

/**
 * The values as a `Float64Array`: the same object when it already is one, else a copy on a pooled scratch buffer
 * (the caller releases it when it differs from the input). O(n).
 */
export function scratchFloat64Copy(values: ArrayLike<number>): Float64Array {
  if (values instanceof Float64Array) return values;
  const copy = borrowFloat64(values.length);
  for (let i = 0; i < values.length; i++) copy[i] = values[i];
  return copy;
}

/** True when all values are identical. O(n). */
export function isConstant(values: ArrayLike<number>): boolean {
  const first = values[0];
  for (let i = 1; i < values.length; i++) if (values[i] !== first) return false;
  return true;
}

/** Compensated sum of the products a[i] b[i] (products rounded to double, as R's `cor`; the sum carried exactly). O(n). */
export function compensatedDot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < a.length; i++) {
    const term = a[i] * b[i];
    const next = sum + term;
    const virtual = next - sum;
    compensation += sum - (next - virtual) + (term - virtual);
    sum = next;
  }
  return sum + compensation;
}

/**
 * Centred sums of two dense paired samples of equal length, by the corrected two-pass algorithm (Chan, Golub &
 * LeVeque 1983): pass one gives the means m; pass two sums d = x - m and the products of deviations in blocks
 * of 16 whose sums are added with compensation (TwoSum), and the correction (sum d)^2 / n removes the error of m. O(n), two passes.
 *
 * The body exists twice, for `Float64Array` and for plain arrays, on purpose: V8 optimises a loop for the kinds of
 * arrays it has seen, and one kernel fed both kinds runs two to three times slower on either (measured on 10^6
 * pairs). Keep the two copies identical except for the missing-value check of the plain-array one.
 */
export function centredSums(x: Float64Array, y: Float64Array): CentredSums {
  const n = x.length;
  let sumX = 0;
  let sumY = 0;
  let constantX = true;
  let constantY = true;
  const firstX = x[0];
  const firstY = y[0];
  for (let i = 0; i < n; i++) {
    const a = x[i];
    const b = y[i];
    sumX += a;
    sumY += b;
    if (a !== firstX) constantX = false;
    if (b !== firstY) constantY = false;
  }
  return secondPass(x, y, n, sumX / n, sumY / n, constantX, constantY);
}

function secondPass(
  x: Float64Array,
  y: Float64Array,
  n: number,
  roughMeanX: number,
  roughMeanY: number,
  constantX: boolean,
  constantY: boolean,
): CentredSums {
  let deviationsX = 0;
  let deviationsY = 0;
  let sumXX = 0;
  let sumYY = 0;
  let sumXY = 0;
  let errorXX = 0;
  let errorYY = 0;
  let errorXY = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = start + BLOCK < n ? start + BLOCK : n;
    // Plain sums within a block of 16 (short, independent dependency chains), then TwoSum of each block sum into
    // the totals: the rounding error of every block addition is carried in error*.
    let blockXX = 0;
    let blockYY = 0;
    let blockXY = 0;
    for (let i = start; i < end; i++) {
      const dx = x[i] - roughMeanX;
      const dy = y[i] - roughMeanY;
      deviationsX += dx;
      deviationsY += dy;
      blockXX += dx * dx;
      blockYY += dy * dy;
      blockXY += dx * dy;
    }
    let next = sumXX + blockXX;
    let virtual = next - sumXX;
    errorXX += sumXX - (next - virtual) + (blockXX - virtual);
    sumXX = next;
    next = sumYY + blockYY;
    virtual = next - sumYY;
    errorYY += sumYY - (next - virtual) + (blockYY - virtual);
    sumYY = next;
    next = sumXY + blockXY;
    virtual = next - sumXY;
    errorXY += sumXY - (next - virtual) + (blockXY - virtual);
    sumXY = next;
  }
  return {
    n,
    meanX: roughMeanX + deviationsX / n,
    meanY: roughMeanY + deviationsY / n,
    sumSquaresX: sumXX + errorXX - (deviationsX * deviationsX) / n,
    sumSquaresY: sumYY + errorYY - (deviationsY * deviationsY) / n,
    sumProducts: sumXY + errorXY - (deviationsX * deviationsY) / n,
    constantX,
    constantY,
  };
}

/**
 * {@link centredSums} for plain arrays (a separate copy so each stays monomorphic; see there), which also checks for
 * missing values on its first pass: null when it meets one, so the caller can fall back to pairwise deletion. O(n).
 */
export function centredSumsOfArrays(
  x: readonly (number | null | undefined)[],
  y: readonly (number | null | undefined)[],
): CentredSums | null {
  const n = x.length;
  let sumX = 0;
  let sumY = 0;
  let constantX = true;
  let constantY = true;
  const firstX = x[0];
  const firstY = y[0];
  for (let i = 0; i < n; i++) {
    const a = x[i];
    const b = y[i];
    // `value !== value` is the NaN test; `== null` covers undefined.
    if (a == null || b == null || a !== a || b !== b) return null;
    sumX += a;
    sumY += b;
    if (a !== firstX) constantX = false;
    if (b !== firstY) constantY = false;
  }
  return secondPassOfArrays(
    x as readonly number[],
    y as readonly number[],
    n,
    sumX / n,
    sumY / n,
    constantX,
    constantY,
  );
}

function secondPassOfArrays(
  x: readonly number[],
  y: readonly number[],
  n: number,
  roughMeanX: number,
  roughMeanY: number,
  constantX: boolean,
  constantY: boolean,
): CentredSums {
  let deviationsX = 0;
  let deviationsY = 0;
  let sumXX = 0;
  let sumYY = 0;
  let sumXY = 0;
  let errorXX = 0;
  let errorYY = 0;
  let errorXY = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = start + BLOCK < n ? start + BLOCK : n;
    // Plain sums within a block of 16 (short, independent dependency chains), then TwoSum of each block sum into
    // the totals: the rounding error of every block addition is carried in error*.
    let blockXX = 0;
    let blockYY = 0;
    let blockXY = 0;
    for (let i = start; i < end; i++) {
      const dx = x[i] - roughMeanX;
      const dy = y[i] - roughMeanY;
      deviationsX += dx;
      deviationsY += dy;
      blockXX += dx * dx;
      blockYY += dy * dy;
      blockXY += dx * dy;
    }
    let next = sumXX + blockXX;
    let virtual = next - sumXX;
    errorXX += sumXX - (next - virtual) + (blockXX - virtual);
    sumXX = next;
    next = sumYY + blockYY;
    virtual = next - sumYY;
    errorYY += sumYY - (next - virtual) + (blockYY - virtual);
    sumYY = next;
    next = sumXY + blockXY;
    virtual = next - sumXY;
    errorXY += sumXY - (next - virtual) + (blockXY - virtual);
    sumXY = next;
  }
  return {
    n,
    meanX: roughMeanX + deviationsX / n,
    meanY: roughMeanY + deviationsY / n,
    sumSquaresX: sumXX + errorXX - (deviationsX * deviationsX) / n,
    sumSquaresY: sumYY + errorYY - (deviationsY * deviationsY) / n,
    sumProducts: sumXY + errorXY - (deviationsX * deviationsY) / n,
    constantX,
    constantY,
  };
}

/** Correlation from centred sums, clamped to [-1, 1]; NaN when either sample is constant. O(1). */
export function correlationFromSums(sums: CentredSums): number {
  if (sums.constantX || sums.constantY || sums.n < 2) return NaN;
  return correlationFromMoments(sums.sumProducts, sums.sumSquaresX, sums.sumSquaresY, sums.n);
}

/**
 * r = (Sxy / (n - 1)) / (sqrt(Sxx / (n - 1)) sqrt(Syy / (n - 1))), clamped to [-1, 1]: the operation order of R's
 * `cor` (covariance divided by the product of the standard deviations), so the last bits agree with R. O(1).
 */
export function correlationFromMoments(
  sumProducts: number,
  sumSquaresX: number,
  sumSquaresY: number,
  n: number,
): number {
  const denominator = n - 1;
  const r =
    sumProducts / denominator / (Math.sqrt(sumSquaresX / denominator) * Math.sqrt(sumSquaresY / denominator));
  return r > 1 ? 1 : r < -1 ? -1 : r;
}
