import { isMissing, type MaybeNumber } from '../internal/data-policy';

/**
 * Mergeable summary of paired observations: count, means, sums of squared deviations (M2) and the co-moment
 * sum((x - mean x)(y - mean y)). A plain object, so shard or cohort summaries can be stored or sent as JSON and
 * merged later without the rows.
 */
export interface BivariateSummary {
  n: number;
  meanX: number;
  meanY: number;
  /** Sum of squared deviations of x from its mean. */
  m2X: number;
  /** Sum of squared deviations of y from its mean. */
  m2Y: number;
  /** Sum of products of the deviations of x and y. */
  coMoment: number;
}

/** An empty summary (n = 0). O(1). @example createBivariateSummary() // { n: 0, meanX: 0, ... } */
export function createBivariateSummary(): BivariateSummary {
  return { n: 0, meanX: 0, meanY: 0, m2X: 0, m2Y: 0, coMoment: 0 };
}

/**
 * Adds one pair to a summary in place by Welford's (1962) update, extended to the co-moment; a pair with a missing
 * value (null, undefined, NaN) is ignored (pairwise deletion). Returns the same summary. O(1).
 * @example
 * const summary = createBivariateSummary();
 * addObservation(summary, 1, 2);
 */
export function addObservation(summary: BivariateSummary, x: MaybeNumber, y: MaybeNumber): BivariateSummary {
  if (isMissing(x) || isMissing(y)) return summary;
  const n = summary.n + 1;
  const deltaX = x - summary.meanX;
  const deltaY = y - summary.meanY;
  summary.n = n;
  summary.meanX += deltaX / n;
  summary.meanY += deltaY / n;
  const afterX = x - summary.meanX;
  summary.m2X += deltaX * afterX;
  summary.m2Y += deltaY * (y - summary.meanY);
  summary.coMoment += deltaY * afterX;
  return summary;
}

/**
 * Summary of paired arrays (pairwise deletion), by the two-pass algorithm, so a shard summary is as accurate as
 * the data allow. O(n).
 * @throws RangeError when the arrays differ in length.
 * @example summarisePairs([1, 2, 3], [2, 4, 7]).coMoment // 5
 */
export function summarisePairs(x: readonly MaybeNumber[], y: readonly MaybeNumber[]): BivariateSummary {
  if (x.length !== y.length) {
    throw new RangeError(`summarisePairs requires inputs of equal length, got ${x.length} and ${y.length}`);
  }
  let n = 0;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (isMissing(a) || isMissing(b)) continue;
    n++;
    sumX += a;
    sumY += b;
  }
  if (n === 0) return createBivariateSummary();
  let meanX = sumX / n;
  let meanY = sumY / n;
  let residualX = 0;
  let residualY = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (isMissing(a) || isMissing(b)) continue;
    residualX += a - meanX;
    residualY += b - meanY;
  }
  meanX += residualX / n;
  meanY += residualY / n;
  let m2X = 0;
  let m2Y = 0;
  let coMoment = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (isMissing(a) || isMissing(b)) continue;
    m2X += (a - meanX) * (a - meanX);
    m2Y += (b - meanY) * (b - meanY);
    coMoment += (a - meanX) * (b - meanY);
  }
  return { n, meanX, meanY, m2X, m2Y, coMoment };
}

/**
 * Exact merge of two summaries (Chan, Golub & LeVeque 1979): with delta = mean_b - mean_a,
 * M2 = M2_a + M2_b + delta^2 n_a n_b / n and C = C_a + C_b + deltaX deltaY n_a n_b / n. Merging the summaries of
 * any split of the rows gives the summary of all rows (up to rounding). Pure: returns a new object. O(1).
 * @example mergeSummaries(summarisePairs([1, 2], [1, 3]), summarisePairs([3], [2]))
 */
export function mergeSummaries(a: BivariateSummary, b: BivariateSummary): BivariateSummary {
  if (a.n === 0) return { ...b };
  if (b.n === 0) return { ...a };
  const n = a.n + b.n;
  const deltaX = b.meanX - a.meanX;
  const deltaY = b.meanY - a.meanY;
  const weight = (a.n * b.n) / n;
  return {
    n,
    meanX: a.meanX + (deltaX * b.n) / n,
    meanY: a.meanY + (deltaY * b.n) / n,
    m2X: a.m2X + b.m2X + deltaX * deltaX * weight,
    m2Y: a.m2Y + b.m2Y + deltaY * deltaY * weight,
    coMoment: a.coMoment + b.coMoment + deltaX * deltaY * weight,
  };
}
