import normalCdfImpl from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantileImpl from '@stdlib/stats-base-dists-normal-quantile';

/**
 * Standard normal lower tail P(Z <= z), from `@stdlib` (accurate to about 1e-15 relative).
 * Complexity O(1).
 * @example normalCdf(1.959963984540054) // 0.975
 */
export function normalCdf(z: number): number {
  return normalCdfImpl(z, 0, 1);
}

/** Standard normal upper tail P(Z > z), computed directly as the lower tail at -z (never 1 - cdf). O(1). */
export function normalUpperTail(z: number): number {
  return normalCdfImpl(-z, 0, 1);
}

/** Standard normal quantile: the z with P(Z <= z) = p. O(1). @example normalQuantile(0.975) // 1.959963984540054 */
export function normalQuantile(p: number): number {
  return normalQuantileImpl(p, 0, 1);
}
