import { normalQuantile } from '../distributions/normal';
import type { Alternative } from './options';

/**
 * Confidence interval of a correlation by Fisher's z transformation: atanh(r) +/- z_crit * standardError, mapped
 * back with tanh; one-sided intervals run to -1 or 1, as R's `cor.test`. A perfect correlation gives the
 * degenerate interval [r, r]. O(1).
 */
export function fisherZInterval(
  r: number,
  standardError: number,
  confidenceLevel: number,
  alternative: Alternative,
): [number, number] {
  if (Number.isNaN(r) || !(standardError > 0) || !Number.isFinite(standardError)) return [NaN, NaN];
  const z = Math.atanh(r);
  if (alternative === 'less') return [-1, Math.tanh(z + standardError * normalQuantile(confidenceLevel))];
  if (alternative === 'greater') return [Math.tanh(z - standardError * normalQuantile(confidenceLevel)), 1];
  const critical = normalQuantile((1 + confidenceLevel) / 2);
  return [Math.tanh(z - standardError * critical), Math.tanh(z + standardError * critical)];
}

/** Student t statistic of a correlation with `df` degrees of freedom, in R's operation order. O(1). */
export function correlationT(r: number, df: number): number {
  return (Math.sqrt(df) * r) / Math.sqrt(1 - r * r);
}
