import tCdfImpl from '@stdlib/stats-base-dists-t-cdf';
import tQuantileImpl from '@stdlib/stats-base-dists-t-quantile';

/** Student t lower tail P(T <= t) with `df` degrees of freedom (`@stdlib`, incomplete beta). O(1). */
export function studentTCdf(t: number, df: number): number {
  return tCdfImpl(t, df);
}

/** Student t upper tail P(T > t), computed by symmetry as the lower tail at -t (never 1 - cdf). O(1). */
export function studentTUpperTail(t: number, df: number): number {
  return tCdfImpl(-t, df);
}

/** Student t quantile: the t with P(T <= t) = p. O(1). @example studentTQuantile(0.975, 10) // 2.228138851986274 */
export function studentTQuantile(p: number, df: number): number {
  return tQuantileImpl(p, df);
}
