import { normalQuantile } from '../distributions/normal';
import { normalPValue } from '../distributions/p-value';
import { resolveTestOptions } from '../internal/options';

/** A count of events out of n trials. */
export interface ProportionSample {
  count: number;
  n: number;
}

/** Result of {@link proportionDifference}. */
export interface ProportionDifferenceResult {
  /** count1 / n1 - count2 / n2. */
  difference: number;
  /** Newcombe (1998) hybrid score interval of the difference. */
  ci: [number, number];
  /** Pooled two-proportion z = difference / sqrt(p (1 - p) (1/n1 + 1/n2)); NaN when p is 0 or 1. */
  z: number;
  /** Two-sided p of z (equals R's `prop.test(correct = FALSE)`); NaN when z is. */
  p: number;
  proportionFirst: number;
  proportionSecond: number;
}

/** Wilson (1927) score interval of one proportion, without continuity correction. */
function wilsonInterval(count: number, n: number, critical: number): [number, number] {
  const square = critical * critical;
  const centre = (count + square / 2) / (n + square);
  const half = (critical * Math.sqrt((count * (n - count)) / n + square / 4)) / (n + square);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Difference of two independent proportions with Newcombe's (1998) hybrid score interval (his method 10): from the
 * Wilson intervals (l1, u1) and (l2, u2), lower = d - sqrt((p1 - l1)^2 + (u2 - p2)^2) and
 * upper = d + sqrt((u1 - p1)^2 + (p2 - l2)^2). Unlike the Wald interval it stays inside [-1, 1] and keeps its
 * coverage for small counts and for 0 or n events. The test is the pooled two-proportion z test (R's
 * `prop.test(c(x1, x2), c(n1, n2), correct = FALSE)`).
 *
 * Missing data: not applicable (counts in).
 *
 * Complexity: O(1).
 *
 * @throws RangeError when an n is not a positive integer, a count is not an integer from 0 to n, or the confidence
 *   level is invalid.
 * @example
 * proportionDifference({ count: 30, n: 50 }, { count: 41, n: 120 }).difference // 0.6 - 41 / 120
 */
export function proportionDifference(
  first: ProportionSample,
  second: ProportionSample,
  options?: { confidenceLevel?: number },
): ProportionDifferenceResult {
  const { confidenceLevel } = resolveTestOptions('proportionDifference', options);
  for (const sample of [first, second]) {
    if (!(Number.isInteger(sample.n) && sample.n >= 1))
      throw new RangeError(`proportionDifference requires every n to be a positive integer, got ${sample.n}`);
    if (!(Number.isInteger(sample.count) && sample.count >= 0 && sample.count <= sample.n))
      throw new RangeError(
        `proportionDifference requires every count to be an integer from 0 to n, got ${sample.count} of ${sample.n}`,
      );
  }
  const critical = normalQuantile(1 - (1 - confidenceLevel) / 2);
  const p1 = first.count / first.n;
  const p2 = second.count / second.n;
  const [l1, u1] = wilsonInterval(first.count, first.n, critical);
  const [l2, u2] = wilsonInterval(second.count, second.n, critical);
  const difference = p1 - p2;
  const pooled = (first.count + second.count) / (first.n + second.n);
  const z =
    pooled > 0 && pooled < 1
      ? difference / Math.sqrt(pooled * (1 - pooled) * (1 / first.n + 1 / second.n))
      : NaN;
  return {
    difference,
    ci: [difference - Math.hypot(p1 - l1, u2 - p2), difference + Math.hypot(u1 - p1, p2 - l2)],
    z,
    p: normalPValue(z),
    proportionFirst: p1,
    proportionSecond: p2,
  };
}
