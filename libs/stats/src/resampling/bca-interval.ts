import { normalCdf, normalQuantile } from '../distributions/normal';

/**
 * Quantile of sorted values by linear interpolation between order statistics, R's `quantile(type = 7)`:
 * h = (m - 1) p, value = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). O(1).
 */
export function sortedQuantile(sorted: readonly number[], probability: number): number {
  if (sorted.length === 0 || Number.isNaN(probability)) return NaN;
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, probability));
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/** Percentile interval: the (1 - level) / 2 and (1 + level) / 2 quantiles (type 7) of the sorted replicates. O(1). */
export function percentileInterval(
  sortedReplicates: readonly number[],
  confidenceLevel: number,
): [number, number] {
  const tail = (1 - confidenceLevel) / 2;
  return [sortedQuantile(sortedReplicates, tail), sortedQuantile(sortedReplicates, 1 - tail)];
}

/**
 * Bias-corrected and accelerated interval (Efron 1987, JASA 82:171; Efron & Tibshirani 1993, ch. 14):
 * z0 = Phi^-1(#{replicate < estimate} / B) (strictly less, as R's boot), acceleration from the jackknife
 * a = sum (mean - t_i)^3 / (6 (sum (mean - t_i)^2)^(3/2)), adjusted levels
 * Phi(z0 + (z0 + z_q) / (1 - a (z0 + z_q))) for z_q the normal quantiles of the two tails, then type-7 quantiles
 * of the replicates at those levels. O(B + n) given sorted replicates.
 */
export function bcaInterval(
  estimate: number,
  sortedReplicates: readonly number[],
  jackknifeValues: readonly number[],
  confidenceLevel: number,
): { ci: [number, number]; biasCorrection: number; acceleration: number } {
  let below = 0;
  for (const value of sortedReplicates) if (value < estimate) below++;
  const biasCorrection = normalQuantile(below / sortedReplicates.length);
  const jackknifeMean = jackknifeValues.reduce((sum, value) => sum + value, 0) / jackknifeValues.length;
  let squares = 0;
  let cubes = 0;
  for (const value of jackknifeValues) {
    const deviation = jackknifeMean - value;
    squares += deviation * deviation;
    cubes += deviation * deviation * deviation;
  }
  const acceleration = squares > 0 ? cubes / (6 * squares ** 1.5) : 0;
  const tail = (1 - confidenceLevel) / 2;
  const adjusted = (probability: number) => {
    const z = biasCorrection + normalQuantile(probability);
    return normalCdf(biasCorrection + z / (1 - acceleration * z));
  };
  return {
    ci: [
      sortedQuantile(sortedReplicates, adjusted(tail)),
      sortedQuantile(sortedReplicates, adjusted(1 - tail)),
    ],
    biasCorrection,
    acceleration,
  };
}
