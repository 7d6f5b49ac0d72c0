import { requireSameLength, type MaybeNumber } from '../internal/data-policy';
import {
  reliableChangeConstants,
  reliableChangeOf,
  type ReliableChangeOptions,
  type ReliableChangeResult,
  type ScoreDirection,
} from './reliable-change';

/** Mean and standard deviation of a norm group. */
export interface NormGroup {
  mean: number;
  sd: number;
}

/** Options of {@link clinicalSignificance}: those of reliableChange plus the cut-off or the norms that define it. */
export interface ClinicalSignificanceOptions extends ReliableChangeOptions {
  /** A fixed cut-off (e.g. PHQ-9 caseness 10); when given it is used as is and `criterion` is ignored. */
  cutoff?: number;
  /** Jacobson & Truax cut-off to use; default 'c' when both norm groups are given, else 'a' or 'b'. */
  criterion?: 'a' | 'b' | 'c';
  /** Norms of the dysfunctional (clinical) population; needed for criteria a and c. */
  dysfunctional?: NormGroup;
  /** Norms of the functional (non-clinical) population; needed for criteria b and c. */
  functional?: NormGroup;
}

/** The Jacobson & Truax cut-offs that the given norms allow (undefined where a norm group is missing). */
export interface ClinicalCutoffs {
  a?: number;
  b?: number;
  c?: number;
}

/** Clinical-significance result of one person. */
export interface ClinicalSignificanceResult extends ReliableChangeResult {
  /** Cut-off used. */
  cutoff: number;
  /** Criterion used ('fixed' for a user-given cut-off). */
  criterion: 'a' | 'b' | 'c' | 'fixed';
  /** All cut-offs computable from the norms. */
  cutoffs: ClinicalCutoffs;
  /** Pre score in the dysfunctional range (at or beyond the cut-off on the worse side). */
  preDysfunctional: boolean;
  /** Post score in the functional range (strictly on the better side of the cut-off). */
  postFunctional: boolean;
  /** Moved from the dysfunctional to the functional range. */
  crossedCutoff: boolean;
  /** recovered = reliably improved and crossed the cut-off; improved = reliably improved otherwise;
   * deteriorated = reliably worse; unchanged = no reliable change; null when the pair is missing. */
  category: 'recovered' | 'improved' | 'unchanged' | 'deteriorated' | null;
}

/**
 * Jacobson & Truax (1991) cut-offs, oriented by direction. For lower-is-better scales (the dysfunctional mean is
 * higher): a = M_dys - 2 s_dys, b = M_fun + 2 s_fun; for higher-is-better scales the signs flip. Both:
 * c = (s_fun M_dys + s_dys M_fun) / (s_fun + s_dys), the point equally far (in sd units) from both means. O(1).
 * A cut-off whose norm group is not given is left undefined; nothing is thrown.
 * @example
 * clinicalCutoffs('lower-is-better', { mean: 20, sd: 5 }, { mean: 6, sd: 4 }) // { a: 10, b: 14, c: 12.222... }
 */
export function clinicalCutoffs(
  direction: ScoreDirection,
  dysfunctional?: NormGroup,
  functional?: NormGroup,
): ClinicalCutoffs {
  const towardsHealthy = direction === 'lower-is-better' ? -1 : 1;
  const cutoffs: ClinicalCutoffs = {};
  if (dysfunctional) cutoffs.a = dysfunctional.mean + towardsHealthy * 2 * dysfunctional.sd;
  if (functional) cutoffs.b = functional.mean - towardsHealthy * 2 * functional.sd;
  if (dysfunctional && functional) {
    cutoffs.c =
      (functional.sd * dysfunctional.mean + dysfunctional.sd * functional.mean) /
      (functional.sd + dysfunctional.sd);
  }
  return cutoffs;
}

function validateNorm(name: string, norm?: NormGroup): void {
  if (norm && !(Number.isFinite(norm.mean) && norm.sd > 0 && Number.isFinite(norm.sd))) {
    throw new RangeError(`clinicalSignificance requires ${name} norms with a finite mean and sd > 0`);
  }
}

function resolveCutoff(options: ClinicalSignificanceOptions, direction: ScoreDirection) {
  validateNorm('dysfunctional', options.dysfunctional);
  validateNorm('functional', options.functional);
  const cutoffs = clinicalCutoffs(direction, options.dysfunctional, options.functional);
  if (options.cutoff !== undefined) {
    if (!Number.isFinite(options.cutoff)) {
      throw new RangeError(`clinicalSignificance requires a finite cutoff, got ${options.cutoff}`);
    }
    return { cutoff: options.cutoff, criterion: 'fixed' as const, cutoffs };
  }
  const criterion =
    options.criterion ?? (cutoffs.c !== undefined ? 'c' : cutoffs.a !== undefined ? 'a' : 'b');
  const cutoff = cutoffs[criterion];
  if (cutoff === undefined) {
    throw new RangeError(
      `clinicalSignificance requires a cutoff, or the norms for criterion '${criterion}' (a: dysfunctional, b: functional, c: both)`,
    );
  }
  return { cutoff, criterion, cutoffs };
}

/**
 * Clinical significance of change after Jacobson & Truax (1991): reliable change (see `reliableChange`) plus whether
 * the person moved from the dysfunctional to the functional range across a cut-off, giving the category
 * recovered (reliably improved and crossed), improved (reliably improved, did not cross, including people who
 * started in the functional range), unchanged (no reliable change) or deteriorated (reliably worse).
 *
 * Cut-off: a fixed `cutoff`, or one of Jacobson & Truax's a (2 sd beyond the dysfunctional mean), b (within 2 sd
 * of the functional mean) or c (weighted midpoint) from norm groups, oriented by `direction` ('lower-is-better' by
 * default, for symptom scales; 'higher-is-better' for well-being). Dysfunctional means at or beyond the cut-off on
 * the worse side (>= cutoff when lower is better, as PHQ-9 caseness >= 10), functional strictly on the better side.
 *
 * Input: two numbers (one result) or two arrays of equal length (one result per index). Missing pairs keep their
 * place with NaN fields and `category: null`.
 *
 * Complexity: O(n) for n people.
 * @throws RangeError for invalid sd, reliability, confidence level or direction (as reliableChange), invalid norms,
 *   no cut-off (neither `cutoff` nor norms for the criterion), or arrays of different lengths.
 * @example
 * clinicalSignificance(16, 6, { sd: 5, reliability: 0.84, cutoff: 10 }).category // 'recovered'
 */
export function clinicalSignificance(
  pre: MaybeNumber,
  post: MaybeNumber,
  options: ClinicalSignificanceOptions,
): ClinicalSignificanceResult;
export function clinicalSignificance(
  pre: readonly MaybeNumber[],
  post: readonly MaybeNumber[],
  options: ClinicalSignificanceOptions,
): ClinicalSignificanceResult[];
export function clinicalSignificance(
  pre: MaybeNumber | readonly MaybeNumber[],
  post: MaybeNumber | readonly MaybeNumber[],
  options: ClinicalSignificanceOptions,
): ClinicalSignificanceResult | ClinicalSignificanceResult[] {
  const constants = reliableChangeConstants('clinicalSignificance', options);
  const { cutoff, criterion, cutoffs } = resolveCutoff(options, constants.direction);
  const lowerIsBetter = constants.direction === 'lower-is-better';
  const classify = (before: MaybeNumber, after: MaybeNumber): ClinicalSignificanceResult => {
    const change = reliableChangeOf(before, after, constants);
    const preDysfunctional = lowerIsBetter ? change.pre >= cutoff : change.pre <= cutoff;
    const postFunctional = lowerIsBetter ? change.post < cutoff : change.post > cutoff;
    const crossedCutoff = preDysfunctional && postFunctional;
    let category: ClinicalSignificanceResult['category'] = null;
    if (change.outcome === 'improved') category = crossedCutoff ? 'recovered' : 'improved';
    else if (change.outcome !== null) category = change.outcome;
    return {
      ...change,
      cutoff,
      criterion,
      cutoffs,
      preDysfunctional,
      postFunctional,
      crossedCutoff,
      category,
    };
  };
  if (Array.isArray(pre) || Array.isArray(post)) {
    if (!Array.isArray(pre) || !Array.isArray(post)) {
      throw new RangeError('clinicalSignificance requires pre and post to be both numbers or both arrays');
    }
    requireSameLength('clinicalSignificance', pre, post);
    return pre.map((value: MaybeNumber, index: number) => classify(value, post[index]));
  }
  return classify(pre as MaybeNumber, post as MaybeNumber);
}
