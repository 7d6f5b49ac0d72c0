import { assertNever } from '../model/assert-never';
import type { MissingReason } from './score.types';
import type { KeyedValues } from './score-rules';
import type { MissingItemRule, ScoreRule, ScoringSpec } from './scoring-spec.types';

/**
 * The one home of the manual's missing-item rule (DOMAIN.md §3): how many blanks a score may have, what a score
 * with too many is called, how a prorated value is rounded, and which blanks are filled (OQ-45.2). The engine
 * (`score-instrument.ts`) asks this file and applies the answer; it never decides on blanks itself.
 */

/** What one score (total or subscale) allows after any filling. */
export interface MissingPolicy {
  /** Blank items the score may still have and be prorated. */
  readonly maxMissing: number;
  /** Decimals a prorated value is rounded to (half up); unrounded when absent. */
  readonly roundTo?: number;
  /** The reason a score with more blanks is missing. */
  readonly reasonWhenOver: MissingReason;
  /** One line for `missingDetail`: the rule and its source. */
  readonly describe: (missing: number, itemCount: number) => string;
}

type PolicyOf<K extends MissingItemRule['kind']> = (
  rule: Extract<MissingItemRule, { kind: K }>,
) => MissingPolicy;

/** Missing-item rules, dispatched by kind: a new kind without a policy does not compile. */
const POLICIES: { readonly [K in MissingItemRule['kind']]: PolicyOf<K> } = {
  none: (rule) => ({
    maxMissing: 0,
    reasonWhenOver: 'no_missing_item_rule',
    describe: (missing, count) =>
      `${missing} of ${count} items missing; the manual gives no rule for blank items, so no score is made (${rule.source})`,
  }),
  prorate: (rule) => ({
    maxMissing: rule.maxMissing,
    ...(rule.roundTo !== undefined ? { roundTo: rule.roundTo } : {}),
    reasonWhenOver: 'too_many_missing_items',
    describe: (missing, count) =>
      `${missing} of ${count} items missing; the manual prorates at most ${rule.maxMissing} (${rule.source})`,
  }),
  // Blanks within the limit were filled before the score is combined, so none may remain.
  'fill-subscale-mean': (rule) => ({
    maxMissing: 0,
    reasonWhenOver: 'too_many_missing_items',
    describe: (missing, count) =>
      `${missing} of ${count} items missing; the manual fills at most ${rule.maxPerSubscale} per subscale with the subscale's mean (${rule.source})`,
  }),
};

/** The policy of one score: the spec's manual rule, or (versions 1.0.0) the rule's own `maxProratedMissing`. */
export function missingPolicy(spec: Pick<ScoringSpec, 'missingItems'>, rule: ScoreRule): MissingPolicy {
  const manual = spec.missingItems;
  if (manual === undefined) {
    const max = rule.maxProratedMissing ?? 0;
    return {
      maxMissing: max,
      reasonWhenOver: 'too_many_missing_items',
      describe: (missing, count) => `${missing} of ${count} items missing; at most ${max} may be prorated`,
    };
  }
  const policy = POLICIES[manual.kind] as PolicyOf<MissingItemRule['kind']> | undefined;
  if (policy === undefined) return assertNever(manual as never, 'missing-item rule');
  return policy(manual);
}

/** Blank items filled by `fill-subscale-mean`, and the values after filling. */
export interface FilledValues {
  readonly values: KeyedValues;
  /** Filled item → value given. */
  readonly imputed: Readonly<Record<string, number>>;
}

/**
 * Fills blanks as the OQ-45.2 manual says: a blank item gets the mean of the answered (reverse-keyed) items of its
 * subscale, rounded half up to `roundTo` decimals; a subscale with more than `maxPerSubscale` blanks (or none
 * answered) is not filled at all, so it and the total stay missing. Without that rule, the values are returned as
 * they are.
 *
 * @example
 * // subscale answers 3, 2, 2, blank → mean 7 / 3 = 2.33… → the blank becomes 2
 */
export function fillBlanks(spec: ScoringSpec, keyed: KeyedValues): FilledValues {
  const rule = spec.missingItems;
  if (rule?.kind !== 'fill-subscale-mean') return { values: keyed, imputed: {} };
  const values = new Map(keyed);
  const imputed: Record<string, number> = {};
  for (const subscale of spec.subscales) {
    const answered = subscale.items
      .map((item) => keyed.get(item))
      .filter((value): value is number => value !== null && value !== undefined);
    const blanks = subscale.items.filter((item) => {
      const value = keyed.get(item);
      return value === null || value === undefined;
    });
    if (blanks.length === 0 || blanks.length > rule.maxPerSubscale || answered.length === 0) continue;
    const mean = answered.reduce((sum, value) => sum + value, 0) / answered.length;
    const fill = roundHalfUp(mean, rule.roundTo);
    for (const item of blanks) {
      values.set(item, fill);
      imputed[item] = fill;
    }
  }
  return { values, imputed };
}

/**
 * Rounds half up (away from zero for the non-negative scores here) to `decimals`. The small epsilon keeps a mean
 * such as 2.5 (or 1.005 at two decimals) from rounding down through binary representation error.
 */
export function roundHalfUp(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor + Number.EPSILON * Math.abs(value * factor)) / factor;
}
