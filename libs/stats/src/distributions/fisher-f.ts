import betainc from '@stdlib/math-base-special-betainc';
import fQuantileImpl from '@stdlib/stats-base-dists-f-quantile';

/**
 * F upper tail P(F > f) with `df1` and `df2` degrees of freedom, computed directly from the regularized
 * incomplete beta function I_{df2/(df2 + df1 f)}(df2/2, df1/2) (Abramowitz & Stegun 26.6.2), never as 1 - cdf.
 * O(1).
 */
export function fisherFUpperTail(f: number, df1: number, df2: number): number {
  if (Number.isNaN(f) || !(df1 > 0) || !(df2 > 0)) return NaN;
  if (f <= 0) return 1;
  if (f === Infinity) return 0;
  return betainc(df2 / (df2 + df1 * f), df2 / 2, df1 / 2, true, false);
}

/** F lower tail P(F <= f), from the same incomplete beta function. O(1). */
export function fisherFCdf(f: number, df1: number, df2: number): number {
  if (Number.isNaN(f) || !(df1 > 0) || !(df2 > 0)) return NaN;
  if (f <= 0) return 0;
  if (f === Infinity) return 1;
  return betainc(df2 / (df2 + df1 * f), df2 / 2, df1 / 2, true, true);
}

/** F quantile: the f with P(F <= f) = p. O(1). */
export function fisherFQuantile(p: number, df1: number, df2: number): number {
  return fQuantileImpl(p, df1, df2);
}
