import type { MaybeNumber } from '../internal/data-policy';
import { extractFactors } from '../internal/factor-extraction';
import { factorSolution, prepareFactorAnalysis } from './exploratory-factor-analysis';

/** Options of {@link omegaHierarchical}. */
export interface OmegaHierarchicalOptions {
  /** Number of group factors, at least 3 (psych's default `nfactors = 3`). */
  groupFactors?: number;
}

/** Omegas of the items that load most on one group factor (psych's `omega.group` rows F1*, F2*, ...). */
export interface GroupOmega {
  /** The items (0-based indices) whose largest group loading is on this factor. */
  items: number[];
  /** (sum of their group loadings)^2 + (sum of their general loadings)^2 over the sum of their correlations. */
  total: number;
  /** (sum of their general loadings)^2 over the sum of their correlations. */
  general: number;
  /** (sum of their group loadings)^2 over the sum of their correlations. */
  group: number;
}

/** Result of {@link omegaHierarchical}. */
export interface OmegaHierarchicalResult {
  /** Omega hierarchical: (sum of general-factor loadings)^2 / (sum of all item correlations). */
  omegaHierarchical: number;
  /** Omega total: 1 - (sum of uniquenesses) / (sum of all item correlations). */
  omegaTotal: number;
  /** Omega_h / omega total: the share of reliable variance due to the general factor (psych's `omega.lim`). */
  omegaLimit: number;
  /** Explained common variance: general factor's sum of squared loadings over that of all factors (psych's ECV). */
  explainedCommonVariance: number;
  /** Schmid-Leiman loadings on the general factor, one per item (all items keyed as in `reversed`). */
  generalLoadings: number[];
  /** Schmid-Leiman loadings on the group factors, items x group factors (the oblique solution's factor order). */
  groupLoadings: number[][];
  /** Communalities of the minres solution. */
  communalities: number[];
  /** Uniquenesses 1 - communalities. */
  uniquenesses: number[];
  /** Loadings of the group factors on the general factor (one-factor minres fit of their correlations). */
  generalLoadingsOfGroupFactors: number[];
  /** Items with a negative general loading, reversed before the omegas were computed (psych's `flip`). */
  reversed: number[];
  /** Per group factor, the omegas of the items assigned to it. */
  groups: GroupOmega[];
  /** Convergence of the factor extraction, the rotation and the general-factor fit. */
  converged: boolean;
  groupFactors: number;
  /** Respondents used (complete rows). */
  n: number;
  /** Number of items. */
  items: number;
}

/**
 * McDonald's omega hierarchical (and omega total) from a Schmid-Leiman transformation of an oblique minres solution,
 * as R's `psych::omega(x, nfactors, fm = 'minres')` (psych 2.2.9; Revelle & Zinbarg 2009, Zinbarg et al. 2005).
 *
 * Steps (psych's `schmid` and `omegah`):
 * 1. minres extraction of `groupFactors` factors with oblimin rotation: {@link exploratoryFactorAnalysis}'s solution
 *    (psych starts oblimin from the varimax solution; both starts reach the same optimum, checked in the reference
 *    script, and both solutions are solved to convergence here);
 * 2. a one-factor minres fit of the factor correlation matrix Phi gives the general-factor loadings g_F of the
 *    group factors (signed so that they sum to a positive number);
 * 3. Schmid-Leiman: general loadings g = P g_F, group loadings P_ij sqrt(1 - g_F,j^2) (0 where negative);
 * 4. items with a negative general loading are reversed (their correlations change sign), as psych's `flip`;
 * 5. with V the sum of all entries of the (reversed) correlation matrix and u the uniquenesses 1 - h2 of the minres
 *    solution: omega_h = (sum g)^2 / V, omega total = (V - sum u) / V, omega limit = omega_h / omega total, ECV =
 *    sum g^2 / (sum g^2 + sum of squared group loadings); per group factor, psych's `omega.group`, with each item
 *    assigned to the group factor of its largest absolute group loading.
 * With three group factors the general factor is exactly identified; psych also accepts two (by constraining their
 * general loadings to be equal), which is not identified and is refused here.
 *
 * Missing data: listwise deletion. A constant item or a correlation matrix that is not positive definite gives NaN.
 * Complexity: that of {@link exploratoryFactorAnalysis}, plus O(m^3) for the general factor.
 * @param items rows = respondents, columns = items.
 * @throws RangeError when fewer than 3 group factors (or not an integer), fewer items than 3 group factors need
 *   (6 for 3, 8 for 4), fewer complete respondents than items + 1, or rows of unequal length.
 * @example
 * omegaHierarchical(responses, { groupFactors: 3 }).omegaHierarchical // as psych::omega(responses, 3)$omega_h
 */
export function omegaHierarchical(
  items: readonly (readonly MaybeNumber[])[],
  options: OmegaHierarchicalOptions = {},
): OmegaHierarchicalResult {
  const groupFactors = options.groupFactors ?? 3;
  if (!Number.isInteger(groupFactors) || groupFactors < 3) {
    throw new RangeError(
      `omegaHierarchical requires at least 3 group factors (with 2 the general factor is not identified), got ${groupFactors}`,
    );
  }
  const { correlation, n, itemCount } = prepareFactorAnalysis('omegaHierarchical', items, groupFactors);
  const solution = correlation.flat().every(Number.isFinite)
    ? factorSolution(correlation, n, groupFactors, 'minres', 'oblimin')
    : null;
  const general = solution ? extractFactors(solution.factorCorrelations, 1, 'minres') : null;
  if (!solution || !general) {
    const vector = (length: number) => new Array<number>(length).fill(NaN);
    return {
      omegaHierarchical: NaN,
      omegaTotal: NaN,
      omegaLimit: NaN,
      explainedCommonVariance: NaN,
      generalLoadings: vector(itemCount),
      groupLoadings: Array.from({ length: itemCount }, () => vector(groupFactors)),
      communalities: vector(itemCount),
      uniquenesses: vector(itemCount),
      generalLoadingsOfGroupFactors: vector(groupFactors),
      reversed: [],
      groups: [],
      converged: false,
      groupFactors,
      n,
      items: itemCount,
    };
  }
  const pattern = solution.loadings;
  const groupGeneral = general.loadings.map((row) => row[0]);
  const key = pattern.map((row) =>
    row.reduce((sum, value, k) => sum + value * groupGeneral[k], 0) < 0 ? -1 : 1,
  );
  const generalLoadings = pattern.map(
    (row, i) => key[i] * row.reduce((sum, value, k) => sum + value * groupGeneral[k], 0),
  );
  const groupLoadings = pattern.map((row, i) =>
    row.map((value, k) => {
      const squared = value * value - (value * groupGeneral[k]) ** 2;
      return key[i] * Math.sign(value) * Math.sqrt(Math.max(squared, 0));
    }),
  );
  const flipped = correlation.map((row, i) => row.map((value, j) => value * key[i] * key[j]));
  const sumOver = (members: readonly number[]) =>
    members.reduce((sum, i) => sum + members.reduce((inner, j) => inner + flipped[i][j], 0), 0);
  const everyItem = pattern.map((_, i) => i);
  const totalCorrelation = sumOver(everyItem);
  const uniquenessSum = solution.uniquenesses.reduce((sum, value) => sum + value, 0);
  const generalSum = generalLoadings.reduce((sum, value) => sum + value, 0);
  const generalSquares = generalLoadings.reduce((sum, value) => sum + value * value, 0);
  const groupSquares = groupLoadings.flat().reduce((sum, value) => sum + value * value, 0);
  const omegaTotal = (totalCorrelation - uniquenessSum) / totalCorrelation;
  const largestGroup = groupLoadings.map((row) =>
    row.reduce((best, value, k) => (Math.abs(value) > Math.abs(row[best]) ? k : best), 0),
  );
  const groups = Array.from({ length: groupFactors }, (_, k): GroupOmega => {
    const members = everyItem.filter((i) => largestGroup[i] === k);
    if (members.length === 0) return { items: [], total: NaN, general: NaN, group: NaN };
    const variance = sumOver(members);
    const groupPart = members.reduce((sum, i) => sum + groupLoadings[i][k], 0) ** 2;
    const generalPart = members.reduce((sum, i) => sum + generalLoadings[i], 0) ** 2;
    return {
      items: members,
      total: (groupPart + generalPart) / variance,
      general: generalPart / variance,
      group: groupPart / variance,
    };
  });
  return {
    omegaHierarchical: (generalSum * generalSum) / totalCorrelation,
    omegaTotal,
    omegaLimit: (generalSum * generalSum) / (totalCorrelation - uniquenessSum),
    explainedCommonVariance: generalSquares / (generalSquares + groupSquares),
    generalLoadings,
    groupLoadings,
    communalities: solution.communalities,
    uniquenesses: solution.uniquenesses,
    generalLoadingsOfGroupFactors: groupGeneral,
    reversed: everyItem.filter((i) => key[i] < 0),
    groups,
    converged: solution.converged.extraction && solution.converged.rotation && general.converged,
    groupFactors,
    n,
    items: itemCount,
  };
}
