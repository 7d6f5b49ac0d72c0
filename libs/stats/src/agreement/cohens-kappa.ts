import { requireCount, requireSameLength } from '../internal/data-policy';
import { normalQuantile } from '../distributions/normal';
import { normalPValue } from '../distributions/p-value';

/** A categorical code given by a rater: a number or a string; `null`, `undefined` and `NaN` mean missing. */
export type CategoricalCode = number | string | null | undefined;

/** Result of {@link cohensKappa}. */
export interface CohensKappaResult {
  /** Cohen's kappa, (observed - expected) / (1 - expected); NaN when the expected agreement is 1. */
  kappa: number;
  /** Complete pairs used (pairwise deletion). */
  n: number;
  /** Proportion of pairs on which the two raters agree. */
  observedAgreement: number;
  /** Agreement expected by chance from the two raters' marginal proportions. */
  expectedAgreement: number;
  /** Asymptotic (non-null) standard error of kappa, Fleiss, Cohen & Everitt (1969). */
  se: number;
  /** Wald confidence interval `[lower, upper]`, kappa -/+ z(1 - alpha / 2) se, clipped to [-1, 1] as psych does. */
  ci: [number, number];
  /** Wald statistic kappa / se. */
  z: number;
  /** Two-sided normal p-value of `z`. */
  p: number;
}

/** Options of {@link cohensKappa}. */
export interface CohensKappaOptions {
  /** Confidence level of the interval, strictly between 0 and 1; default 0.95. */
  confidenceLevel?: number;
}

function isMissingCode(value: CategoricalCode): value is null | undefined {
  return value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
}

/**
 * Cohen's (1960) unweighted kappa for two raters' categorical codes, with the large-sample (non-null) variance of
 * Fleiss, Cohen & Everitt (1969), exactly as R's `psych::cohen.kappa(cbind(a, b))` reports it (psych 2.2.9,
 * `var.kappa` and the unweighted row of `confid`):
 * - with p_ij the proportion of pairs coded i by rater A and j by rater B, p_i. and p_.j the margins,
 *   po = sum p_ii, pe = sum p_i. p_.i, kappa = (po - pe) / (1 - pe);
 * - var = [ sum_i p_ii ((1 - pe) - (p_i. + p_.i)(1 - po))^2 + (1 - po)^2 sum_{i != j} p_ij (p_.i + p_j.)^2
 *   - (po pe - 2 pe + po)^2 ] / (n (1 - pe)^4); a negative value (rounding, e.g. perfect agreement) becomes 0
 *   as in psych;
 * - ci = kappa -/+ z(1 - alpha / 2) sqrt(var), bounds beyond +/-1 set to +/-1 as in psych.
 * psych reports no test; `z` = kappa / se and `p` is its two-sided normal tail (a Wald test with the same SE).
 *
 * Categories are the distinct values seen in either column (a number and a string are different codes: 1 is not
 * '1'). Missing data: pairwise deletion (a pair with either code missing is dropped), see the library policy.
 * When the expected agreement is 1 (both raters used one and the same category) kappa is 0/0: every statistic
 * is NaN, as psych returns NA.
 *
 * Complexity: O(n + k^2) time, O(k^2) memory for k categories (a Map lookup per pair).
 * @param raterA codes of the first rater, one per subject.
 * @param raterB codes of the second rater, aligned with `raterA`.
 * @throws RangeError with inputs of different lengths, fewer than 2 complete pairs, or a confidence level outside
 *   (0, 1).
 * @example
 * cohensKappa(['yes', 'yes', 'no', 'no', 'yes'], ['yes', 'no', 'no', 'no', 'yes']).kappa
 * // 0.6153846153846154 (po = 0.8, pe = 0.48)
 */
export function cohensKappa(
  raterA: readonly CategoricalCode[],
  raterB: readonly CategoricalCode[],
  opts: CohensKappaOptions = {},
): CohensKappaResult {
  const confidenceLevel = opts.confidenceLevel ?? 0.95;
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RangeError(`cohensKappa requires a confidence level in (0, 1), got ${confidenceLevel}`);
  }
  requireSameLength('cohensKappa', raterA, raterB);

  const categoryIndex = new Map<number | string, number>();
  const indexOf = (code: number | string): number => {
    let index = categoryIndex.get(code);
    if (index === undefined) {
      index = categoryIndex.size;
      categoryIndex.set(code, index);
    }
    return index;
  };
  const rowsA: number[] = [];
  const columnsB: number[] = [];
  for (let i = 0; i < raterA.length; i++) {
    const a = raterA[i];
    const b = raterB[i];
    if (isMissingCode(a) || isMissingCode(b)) continue;
    rowsA.push(indexOf(a));
    columnsB.push(indexOf(b));
  }
  const n = rowsA.length;
  requireCount('cohensKappa', n, 2);

  const k = categoryIndex.size;
  const counts = new Float64Array(k * k);
  for (let i = 0; i < n; i++) counts[rowsA[i] * k + columnsB[i]] += 1;
  const proportions = counts.map((count) => count / n);
  const rowMargins = new Float64Array(k);
  const columnMargins = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      rowMargins[i] += proportions[i * k + j];
      columnMargins[j] += proportions[i * k + j];
    }
  }
  let observedAgreement = 0;
  let expectedAgreement = 0;
  for (let i = 0; i < k; i++) {
    observedAgreement += proportions[i * k + i];
    expectedAgreement += rowMargins[i] * columnMargins[i];
  }

  const nanResult = (): CohensKappaResult => ({
    kappa: NaN,
    n,
    observedAgreement,
    expectedAgreement,
    se: NaN,
    ci: [NaN, NaN],
    z: NaN,
    p: NaN,
  });
  if (k === 1 || expectedAgreement === 1) return nanResult();

  const chanceComplement = 1 - expectedAgreement;
  const disagreement = 1 - observedAgreement;
  const kappa = (observedAgreement - expectedAgreement) / chanceComplement;

  let diagonalTerm = 0;
  let offDiagonalTerm = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const cell = proportions[i * k + j];
      if (cell === 0) continue;
      if (i === j) {
        diagonalTerm += cell * (chanceComplement - (rowMargins[i] + columnMargins[i]) * disagreement) ** 2;
      } else {
        offDiagonalTerm += cell * (columnMargins[i] + rowMargins[j]) ** 2;
      }
    }
  }
  const correction = observedAgreement * expectedAgreement - 2 * expectedAgreement + observedAgreement;
  const rawVariance =
    (diagonalTerm + disagreement ** 2 * offDiagonalTerm - correction ** 2) / (n * chanceComplement ** 4);
  const variance = rawVariance > 0 ? rawVariance : 0;
  const se = Math.sqrt(variance);

  const critical = normalQuantile(1 - (1 - confidenceLevel) / 2);
  const clip = (value: number): number => Math.min(1, Math.max(-1, value));
  const z = kappa / se;
  return {
    kappa,
    n,
    observedAgreement,
    expectedAgreement,
    se,
    ci: [clip(kappa - critical * se), clip(kappa + critical * se)],
    z,
    p: normalPValue(z),
  };
}
