/**
 * Centred (two-pass) sums of squares and cross-products of paired samples, the shared core of every
 * product-moment statistic in the library. Pass one computes the means (sum / n refined by the mean residual);
 * pass two sums the products of deviations with compensated (TwoSum, Knuth 1969 / Neumaier 1974) summation, which
 * plays the part of the long double accumulators of R's `cor`, so r agrees with R to an ulp or two and tiny
 * p-values (down to 1e-300) agree to 1e-12. Adding a constant such as 1e8 to every value leaves the result
 * unchanged, unlike the one-pass sum-of-squares formula.
 */

import { borrowFloat64 } from './scratch';

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
 * Centred sums of two dense paired samples of equal length. O(n), two passes.
 *
 * The body exists twice, for `Float64Array` and for plain arrays, on purpose: V8 optimises a loop for the kinds of
 * arrays it has seen, and one kernel fed both kinds runs two to three times slower on either (measured on 10^6
 * pairs). Keep the two copies identical.
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
  let meanX = sumX / n;
  let meanY = sumY / n;
  let residualX = 0;
  let residualY = 0;
  for (let i = 0; i < n; i++) {
    residualX += x[i] - meanX;
    residualY += y[i] - meanY;
  }
  meanX += residualX / n;
  meanY += residualY / n;
  let sumXX = 0;
  let sumYY = 0;
  let sumXY = 0;
  let errorXX = 0;
  let errorYY = 0;
  let errorXY = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - meanX;
    const dy = y[i] - meanY;
    // TwoSum for each accumulator: the rounding error of every addition is carried in error*.
    let term = dx * dx;
    let next = sumXX + term;
    let virtual = next - sumXX;
    errorXX += sumXX - (next - virtual) + (term - virtual);
    sumXX = next;
    term = dy * dy;
    next = sumYY + term;
    virtual = next - sumYY;
    errorYY += sumYY - (next - virtual) + (term - virtual);
    sumYY = next;
    term = dx * dy;
    next = sumXY + term;
    virtual = next - sumXY;
    errorXY += sumXY - (next - virtual) + (term - virtual);
    sumXY = next;
  }
  return {
    n,
    meanX,
    meanY,
    sumSquaresX: sumXX + errorXX,
    sumSquaresY: sumYY + errorYY,
    sumProducts: sumXY + errorXY,
    constantX,
    constantY,
  };
}

/** {@link centredSums} for plain arrays (a separate copy so each stays monomorphic; see there). O(n). */
export function centredSumsOfArrays(x: readonly number[], y: readonly number[]): CentredSums {
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
  let meanX = sumX / n;
  let meanY = sumY / n;
  let residualX = 0;
  let residualY = 0;
  for (let i = 0; i < n; i++) {
    residualX += x[i] - meanX;
    residualY += y[i] - meanY;
  }
  meanX += residualX / n;
  meanY += residualY / n;
  let sumXX = 0;
  let sumYY = 0;
  let sumXY = 0;
  let errorXX = 0;
  let errorYY = 0;
  let errorXY = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - meanX;
    const dy = y[i] - meanY;
    // TwoSum for each accumulator: the rounding error of every addition is carried in error*.
    let term = dx * dx;
    let next = sumXX + term;
    let virtual = next - sumXX;
    errorXX += sumXX - (next - virtual) + (term - virtual);
    sumXX = next;
    term = dy * dy;
    next = sumYY + term;
    virtual = next - sumYY;
    errorYY += sumYY - (next - virtual) + (term - virtual);
    sumYY = next;
    term = dx * dy;
    next = sumXY + term;
    virtual = next - sumXY;
    errorXY += sumXY - (next - virtual) + (term - virtual);
    sumXY = next;
  }
  return {
    n,
    meanX,
    meanY,
    sumSquaresX: sumXX + errorXX,
    sumSquaresY: sumYY + errorYY,
    sumProducts: sumXY + errorXY,
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
