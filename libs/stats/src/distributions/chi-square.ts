import gammainc from '@stdlib/math-base-special-gammainc';
import chiSquareQuantileImpl from '@stdlib/stats-base-dists-chisquare-quantile';

/** Chi-square lower tail P(X <= x) with `df` degrees of freedom (regularized lower incomplete gamma). O(1). */
export function chiSquareCdf(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (x <= 0) return 0;
  return gammainc(x / 2, df / 2, true, false);
}

/** Chi-square upper tail P(X > x), computed directly from the upper incomplete gamma (never 1 - cdf). O(1). */
export function chiSquareUpperTail(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}

/** Chi-square quantile: the x with P(X <= x) = p. O(1). */
export function chiSquareQuantile(p: number, df: number): number {
  return chiSquareQuantileImpl(p, df);
}
