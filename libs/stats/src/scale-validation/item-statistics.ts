import { completeRows } from '../internal/complete-rows';
import { requireCount, type MaybeNumber } from '../internal/data-policy';
import { columnMeans, covarianceMatrix } from '../internal/linear-algebra';

/** Options of {@link itemStatistics}: the scale's response range, which floor and ceiling refer to. */
export interface ItemStatisticsOptions {
  /** Lowest possible answer of the scale (e.g. 1 on a 1-5 scale). */
  minimum: number;
  /** Highest possible answer of the scale (e.g. 5 on a 1-5 scale). */
  maximum: number;
}

/** Statistics of one item of a scale. */
export interface ItemStatistic {
  /** Mean answer. */
  mean: number;
  /** Standard deviation (n - 1). */
  sd: number;
  /** Corrected item-total correlation: the item against the sum of the other items (psych's `r.drop`). */
  correctedItemTotalCorrelation: number;
  /** Raw Cronbach's alpha of the other items (psych's `alpha.drop$raw_alpha`); NaN for a two-item scale. */
  alphaIfDeleted: number;
  /** Share of respondents answering the scale's minimum. */
  floor: number;
  /** Share of respondents answering the scale's maximum. */
  ceiling: number;
}

/** Result of {@link itemStatistics}. */
export interface ItemStatisticsResult {
  /** One entry per item, in input order. */
  statistics: ItemStatistic[];
  /** Raw Cronbach's alpha of all items (as cronbachAlpha). */
  alpha: number;
  /** Respondents used (complete rows). */
  n: number;
  /** Number of items. */
  items: number;
}

/** Raw alpha k / (k - 1) (1 - sum of variances / sum of all covariances) of the items in `members`. */
function rawAlpha(covariance: readonly number[][], members: readonly number[]): number {
  const k = members.length;
  let itemVarianceSum = 0;
  let totalVariance = 0;
  for (const a of members) {
    itemVarianceSum += covariance[a][a];
    for (const b of members) totalVariance += covariance[a][b];
  }
  return totalVariance > 0 ? (k / (k - 1)) * (1 - itemVarianceSum / totalVariance) : NaN;
}

/**
 * Item statistics of a scale, as the item tables of R's `psych::alpha` (psych 2.2.9) on the complete rows: per item
 * the mean, sd (n - 1, two-pass), corrected item-total correlation and alpha if the item is deleted, plus the share
 * of answers at the scale's minimum and maximum (floor and ceiling effects; McHorney & Tarlov 1995 flag 15%).
 *
 * - Corrected item-total correlation of item i: cov(x_i, sum of the others) / sqrt(var x_i var(sum of the others)),
 *   from the covariance matrix C: (sum_j C_ij - C_ii) / sqrt(C_ii sum_{a,b != i} C_ab) (psych's `r.drop`). An item
 *   worded in reverse and not reversed shows up with a negative value; nothing is reversed here.
 * - Alpha if deleted: raw alpha of C without row and column i (`alpha.drop$raw_alpha`). With two items the rest is
 *   one item, whose alpha is undefined: NaN (psych reports C_12 / C_22 there instead).
 * - Floor and ceiling: the share of the n respondents whose answer equals `minimum` (`maximum`); answers must lie in
 *   [minimum, maximum].
 *
 * Missing data: listwise deletion, as cronbachAlpha (a respondent with any missing item is dropped, so every
 * statistic describes the same n respondents); psych::alpha's default would use pairwise covariances instead. A
 * constant item gets sd 0 and NaN correlations.
 *
 * Complexity: O(n k^2 + k^3) for n respondents and k items.
 * @param items rows = respondents, columns = items.
 * @throws RangeError when fewer than 2 items or 2 complete respondents, rows of unequal length, a range that is not
 *   finite with minimum < maximum, or an answer outside the range.
 * @example
 * itemStatistics([[1, 2, 2], [2, 3, 3], [4, 4, 5], [3, 3, 3]], { minimum: 1, maximum: 5 }).statistics[0]
 * // { mean: 2.5, sd: 1.2910, correctedItemTotalCorrelation: 0.9393, alphaIfDeleted: 0.9412, floor: 0.25, ceiling: 0 }
 */
export function itemStatistics(
  items: readonly (readonly MaybeNumber[])[],
  options: ItemStatisticsOptions,
): ItemStatisticsResult {
  const { minimum, maximum } = options;
  if (!(Number.isFinite(minimum) && Number.isFinite(maximum) && minimum < maximum)) {
    throw new RangeError(
      `itemStatistics requires a finite scale range with minimum < maximum, got ${minimum} and ${maximum}`,
    );
  }
  const rows = completeRows('itemStatistics', items);
  const itemCount = rows[0]?.length ?? items[0]?.length ?? 0;
  requireCount('itemStatistics', itemCount, 2, 'items');
  requireCount('itemStatistics', rows.length, 2, 'complete respondents');
  const n = rows.length;
  const atFloor = new Array<number>(itemCount).fill(0);
  const atCeiling = new Array<number>(itemCount).fill(0);
  for (const row of rows) {
    row.forEach((value, j) => {
      if (value < minimum || value > maximum) {
        throw new RangeError(
          `itemStatistics requires answers within the scale range ${minimum}-${maximum}, got ${value} (item ${j})`,
        );
      }
      if (value === minimum) atFloor[j]++;
      if (value === maximum) atCeiling[j]++;
    });
  }
  const means = columnMeans(rows);
  const covariance = covarianceMatrix(rows);
  const everyItem = covariance.map((_, j) => j);
  const statistics = everyItem.map((i): ItemStatistic => {
    const rowSum = covariance[i].reduce((sum, value) => sum + value, 0);
    const others = everyItem.filter((j) => j !== i);
    // Variance of the sum of the other items, summed directly (not total - 2 rowSum + C_ii, which cancels).
    let rest = 0;
    for (const a of others) for (const b of others) rest += covariance[a][b];
    return {
      mean: means[i],
      sd: Math.sqrt(covariance[i][i]),
      correctedItemTotalCorrelation: (rowSum - covariance[i][i]) / Math.sqrt(covariance[i][i] * rest),
      alphaIfDeleted: itemCount > 2 ? rawAlpha(covariance, others) : NaN,
      floor: atFloor[i] / n,
      ceiling: atCeiling[i] / n,
    };
  });
  return { statistics, alpha: rawAlpha(covariance, everyItem), n, items: itemCount };
}
