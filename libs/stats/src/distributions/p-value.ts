import type { Alternative } from '../internal/options';
import { normalCdf, normalUpperTail } from './normal';
import { studentTCdf, studentTUpperTail } from './student-t';

/**
 * p-value of a statistic with a symmetric reference distribution, given both tails computed directly.
 * Two-sided p is twice the smaller tail, capped at 1 (as R's `cor.test` and `t.test`).
 */
function pFromTails(lower: number, upper: number, alternative: Alternative): number {
  if (alternative === 'less') return lower;
  if (alternative === 'greater') return upper;
  return Math.min(1, 2 * Math.min(lower, upper));
}

/** p-value of a t statistic with `df` degrees of freedom for the given alternative. O(1). */
export function studentTPValue(t: number, df: number, alternative: Alternative = 'two-sided'): number {
  if (Number.isNaN(t)) return NaN;
  return pFromTails(studentTCdf(t, df), studentTUpperTail(t, df), alternative);
}

/** p-value of a standard normal statistic for the given alternative. O(1). */
export function normalPValue(z: number, alternative: Alternative = 'two-sided'): number {
  if (Number.isNaN(z)) return NaN;
  return pFromTails(normalCdf(z), normalUpperTail(z), alternative);
}
