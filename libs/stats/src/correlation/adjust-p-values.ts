import { isMissing, type MaybeNumber } from '../internal/data-policy';

/** p-value adjustment methods of {@link adjustPValues}, named as in R's `p.adjust`. */
export type PValueAdjustment = 'none' | 'holm' | 'BH' | 'bonferroni';

/**
 * Adjusts p-values for multiple comparisons, as R's `p.adjust(p, method)`.
 *
 * - `holm` (Holm 1979, family-wise error): sorted ascending, p_(i) (m - i + 1), running maximum, capped at 1.
 * - `BH` (Benjamini & Hochberg 1995, false discovery rate): sorted descending, p_(i) m / i, running minimum,
 *   capped at 1.
 * - `bonferroni`: p m capped at 1. `none`: unchanged.
 *
 * Missing data: missing p-values (null, undefined, NaN) stay NaN and do not count in m, as R's `p.adjust`.
 *
 * Complexity: O(m log m) time, O(m) memory.
 *
 * @throws RangeError on an unknown method.
 * @example
 * adjustPValues([0.01, 0.02, 0.03, 0.04], 'holm') // [0.04, 0.06, 0.06, 0.06] (R: p.adjust(..., "holm"))
 */
export function adjustPValues(pValues: readonly MaybeNumber[], method: PValueAdjustment): number[] {
  const result = pValues.map((value) => (isMissing(value) ? NaN : value));
  const present: number[] = [];
  for (let i = 0; i < result.length; i++) if (!Number.isNaN(result[i])) present.push(i);
  const m = present.length;
  if (method === 'none' || m === 0) return result;
  if (method === 'bonferroni') {
    for (const index of present) result[index] = Math.min(1, m * result[index]);
    return result;
  }
  if (method === 'holm') {
    // Stable ascending order, as R's order().
    const order = [...present].sort((a, b) => result[a] - result[b] || a - b);
    const adjusted = new Float64Array(m);
    let runningMax = -Infinity;
    for (let i = 0; i < m; i++) {
      runningMax = Math.max(runningMax, (m - i) * result[order[i]]);
      adjusted[i] = Math.min(1, runningMax);
    }
    for (let i = 0; i < m; i++) result[order[i]] = adjusted[i];
    return result;
  }
  if (method === 'BH') {
    const order = [...present].sort((a, b) => result[b] - result[a] || a - b);
    const adjusted = new Float64Array(m);
    let runningMin = Infinity;
    for (let i = 0; i < m; i++) {
      // Rank from the top is m - i; R computes (m / rank) * p in this order.
      runningMin = Math.min(runningMin, (m / (m - i)) * result[order[i]]);
      adjusted[i] = Math.min(1, runningMin);
    }
    for (let i = 0; i < m; i++) result[order[i]] = adjusted[i];
    return result;
  }
  throw new RangeError(`adjustPValues got an unknown method '${String(method)}'`);
}
