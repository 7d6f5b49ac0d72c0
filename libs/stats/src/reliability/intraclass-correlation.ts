import { completeRows } from '../internal/complete-rows';
import { requireCount, type MaybeNumber } from '../internal/data-policy';
import { fisherFQuantile, fisherFUpperTail } from '../distributions/fisher-f';

/** One Shrout & Fleiss coefficient with its F test and confidence interval. */
export interface IntraclassCoefficient {
  /** The coefficient. */
  value: number;
  /** F statistic of the test that the coefficient is zero. */
  F: number;
  /** Numerator degrees of freedom. */
  df1: number;
  /** Denominator degrees of freedom. */
  df2: number;
  /** Upper-tail p-value of F, computed directly (not as 1 - cdf). */
  p: number;
  /** Confidence interval `[lower, upper]`. */
  ci: [number, number];
}

/** Result of {@link intraclassCorrelation}. */
export interface IntraclassCorrelationResult {
  /** One-way random, single rater (absolute agreement). */
  ICC1: IntraclassCoefficient;
  /** Two-way random, single rater (absolute agreement). */
  ICC2: IntraclassCoefficient;
  /** Two-way mixed, single rater (consistency). */
  ICC3: IntraclassCoefficient;
  /** One-way random, mean of k raters. */
  ICC1k: IntraclassCoefficient;
  /** Two-way random, mean of k raters. */
  ICC2k: IntraclassCoefficient;
  /** Two-way mixed, mean of k raters. */
  ICC3k: IntraclassCoefficient;
  /** Subjects used (complete rows). */
  n: number;
  /** Number of raters (columns). */
  raters: number;
  /** Mean squares of the two-way ANOVA: between subjects, within subjects, between raters (judges), residual. */
  meanSquares: { between: number; within: number; raters: number; residual: number };
}

/** Options of {@link intraclassCorrelation}. */
export interface IntraclassCorrelationOptions {
  /** Confidence level of the intervals, strictly between 0 and 1; default 0.95. */
  confidenceLevel?: number;
}

/**
 * The six intraclass correlations of Shrout & Fleiss (1979) with F tests and confidence intervals, computed exactly as
 * R's `psych::ICC(x, lmer = FALSE)` (psych 2.2.9): mean squares from the two-way ANOVA `values ~ subjects + raters`,
 * - ICC1 = (MSB - MSW) / (MSB + (k - 1) MSW), ICC1k = (MSB - MSW) / MSB, F = MSB / MSW on (n - 1, n (k - 1)) df;
 * - ICC2 = (MSB - MSE) / (MSB + (k - 1) MSE + k (MSJ - MSE) / n), ICC2k = (MSB - MSE) / (MSB + (MSJ - MSE) / n);
 * - ICC3 = (MSB - MSE) / (MSB + (k - 1) MSE), ICC3k = (MSB - MSE) / MSB, F = MSB / MSE on (n - 1, (n - 1)(k - 1)) df;
 * - intervals for ICC1, ICC3 and their k forms from F quantiles (Shrout & Fleiss eqs. 6 and 12); for ICC2 and ICC2k
 *   the Satterthwaite-type approximation in psych's source (Shrout & Fleiss eq. 9; McGraw & Wong 1996).
 * The p-value is the F upper tail computed directly; psych computes -expm1(log cdf), which equals it except far in
 * the tail.
 *
 * Missing data: listwise deletion, as `psych::ICC(na.omit(x))` (psych itself stops on missing data when lmer = FALSE).
 * Zero residual variance gives infinite F and NaN or infinite fields rather than an error.
 *
 * Complexity: O(n k) time, O(n + k) memory.
 * @param ratings rows = subjects (targets), columns = raters (judges).
 * @throws RangeError with fewer than 2 complete subjects or fewer than 2 raters, rows of unequal length, or a
 *   confidence level outside (0, 1).
 * @example
 * intraclassCorrelation([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]).ICC1.value
 * // 0.16574103252433 (Shrout & Fleiss 1979, Table 2: 0.17)
 */
export function intraclassCorrelation(
  ratings: readonly (readonly MaybeNumber[])[],
  options: IntraclassCorrelationOptions = {},
): IntraclassCorrelationResult {
  const confidenceLevel = options.confidenceLevel ?? 0.95;
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RangeError(
      `intraclassCorrelation requires a confidenceLevel strictly between 0 and 1, got ${confidenceLevel}`,
    );
  }
  const rows = completeRows('intraclassCorrelation', ratings);
  const raters = rows[0]?.length ?? ratings[0]?.length ?? 0;
  requireCount('intraclassCorrelation', raters, 2, 'raters');
  requireCount('intraclassCorrelation', rows.length, 2, 'complete subjects');
  const n = rows.length;
  const k = raters;

  let grandSum = 0;
  for (const row of rows) for (const value of row) grandSum += value;
  const grandMean = grandSum / (n * k);
  const rowMeans = rows.map(
    (row) => row.reduce((sum, value) => sum + (value - grandMean), 0) / k + grandMean,
  );
  const columnMeans = new Array<number>(k).fill(0);
  for (const row of rows) for (let j = 0; j < k; j++) columnMeans[j] += row[j] - grandMean;
  for (let j = 0; j < k; j++) columnMeans[j] = columnMeans[j] / n + grandMean;

  let sumSquaresBetween = 0;
  for (const mean of rowMeans) sumSquaresBetween += (mean - grandMean) ** 2;
  sumSquaresBetween *= k;
  let sumSquaresRaters = 0;
  for (const mean of columnMeans) sumSquaresRaters += (mean - grandMean) ** 2;
  sumSquaresRaters *= n;
  let sumSquaresResidual = 0;
  rows.forEach((row, i) => {
    for (let j = 0; j < k; j++)
      sumSquaresResidual += (row[j] - rowMeans[i] - columnMeans[j] + grandMean) ** 2;
  });

  const dfBetween = n - 1;
  const dfRaters = k - 1;
  const dfResidual = (n - 1) * (k - 1);
  const dfWithin = n * (k - 1);
  const meanSquareBetween = sumSquaresBetween / dfBetween;
  const meanSquareRaters = sumSquaresRaters / dfRaters;
  const meanSquareResidual = sumSquaresResidual / dfResidual;
  const meanSquareWithin = (sumSquaresRaters + sumSquaresResidual) / dfWithin;

  const icc1 = (meanSquareBetween - meanSquareWithin) / (meanSquareBetween + (k - 1) * meanSquareWithin);
  const icc2 =
    (meanSquareBetween - meanSquareResidual) /
    (meanSquareBetween + (k - 1) * meanSquareResidual + (k * (meanSquareRaters - meanSquareResidual)) / n);
  const icc3 = (meanSquareBetween - meanSquareResidual) / (meanSquareBetween + (k - 1) * meanSquareResidual);
  const icc1k = (meanSquareBetween - meanSquareWithin) / meanSquareBetween;
  const icc2k =
    (meanSquareBetween - meanSquareResidual) /
    (meanSquareBetween + (meanSquareRaters - meanSquareResidual) / n);
  const icc3k = (meanSquareBetween - meanSquareResidual) / meanSquareBetween;

  const fOneWay = meanSquareBetween / meanSquareWithin;
  const fTwoWay = meanSquareBetween / meanSquareResidual;
  const pOneWay = fisherFUpperTail(fOneWay, dfBetween, dfWithin);
  const pTwoWay = fisherFUpperTail(fTwoWay, dfBetween, dfResidual);

  const tail = (1 - confidenceLevel) / 2;
  const fOneLower = fOneWay / fisherFQuantile(1 - tail, dfBetween, dfWithin);
  const fOneUpper = fOneWay * fisherFQuantile(1 - tail, dfWithin, dfBetween);
  const fThreeLower = fTwoWay / fisherFQuantile(1 - tail, dfBetween, dfResidual);
  const fThreeUpper = fTwoWay * fisherFQuantile(1 - tail, dfResidual, dfBetween);

  // Satterthwaite-type degrees of freedom for ICC2 (psych's source; Shrout & Fleiss 1979, eq. 9).
  const raterRatio = meanSquareRaters / meanSquareResidual;
  const numerator = (k - 1) * (n - 1) * (k * icc2 * raterRatio + n * (1 + (k - 1) * icc2) - k * icc2) ** 2;
  const denominator =
    (n - 1) * k * k * icc2 * icc2 * raterRatio * raterRatio + (n * (1 + (k - 1) * icc2) - k * icc2) ** 2;
  const satterthwaiteDf = numerator / denominator;
  const fTwoUpper = fisherFQuantile(1 - tail, n - 1, satterthwaiteDf);
  const fTwoLower = fisherFQuantile(1 - tail, satterthwaiteDf, n - 1);
  const icc2Lower =
    (n * (meanSquareBetween - fTwoUpper * meanSquareResidual)) /
    (fTwoUpper * (k * meanSquareRaters + (k * n - k - n) * meanSquareResidual) + n * meanSquareBetween);
  const icc2Upper =
    (n * (fTwoLower * meanSquareBetween - meanSquareResidual)) /
    (k * meanSquareRaters + (k * n - k - n) * meanSquareResidual + n * fTwoLower * meanSquareBetween);

  const oneWay = (value: number, ci: [number, number]): IntraclassCoefficient => ({
    value,
    F: fOneWay,
    df1: dfBetween,
    df2: dfWithin,
    p: pOneWay,
    ci,
  });
  const twoWay = (value: number, ci: [number, number]): IntraclassCoefficient => ({
    value,
    F: fTwoWay,
    df1: dfBetween,
    df2: dfResidual,
    p: pTwoWay,
    ci,
  });
  const averageOf = (single: number) => (single * k) / (1 + single * (k - 1));

  return {
    ICC1: oneWay(icc1, [(fOneLower - 1) / (fOneLower + (k - 1)), (fOneUpper - 1) / (fOneUpper + k - 1)]),
    ICC2: twoWay(icc2, [icc2Lower, icc2Upper]),
    ICC3: twoWay(icc3, [
      (fThreeLower - 1) / (fThreeLower + k - 1),
      (fThreeUpper - 1) / (fThreeUpper + k - 1),
    ]),
    ICC1k: oneWay(icc1k, [1 - 1 / fOneLower, 1 - 1 / fOneUpper]),
    ICC2k: twoWay(icc2k, [averageOf(icc2Lower), averageOf(icc2Upper)]),
    ICC3k: twoWay(icc3k, [1 - 1 / fThreeLower, 1 - 1 / fThreeUpper]),
    n,
    raters: k,
    meanSquares: {
      between: meanSquareBetween,
      within: meanSquareWithin,
      raters: meanSquareRaters,
      residual: meanSquareResidual,
    },
  };
}
