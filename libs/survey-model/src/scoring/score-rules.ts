import { assertNever } from '../model/assert-never';
import type {
  Band,
  BandRule,
  Cutoff,
  CutoffDirection,
  DerivedRule,
  FlagRule,
  ScoringMethod,
} from './scoring-spec.types';
import type { DerivedValue } from './score.types';

/** Item values after reverse keying, by item id; null = unanswered. */
export type KeyedValues = ReadonlyMap<string, number | null>;

/** Answers as given (validated elsewhere); scoring reads only the items it needs. */
export type AnswerMap = Readonly<Record<string, unknown>>;

/**
 * Combiners for each scoring method, given the sum of the answered (keyed) values, how many were answered, and
 * how many items the score has. Typed as a mapped record: a new method without a combiner does not compile.
 */
export const METHOD_COMBINERS: {
  readonly [M in ScoringMethod]: (sum: number, answered: number, itemCount: number) => number;
} = {
  // Prorated sum: the answered items' sum scaled up to the full item count.
  sum: (sum, answered, itemCount) => (answered === itemCount ? sum : (sum * itemCount) / answered),
  mean: (sum, answered) => sum / answered,
  // sum * 10 / n rather than (sum / n) * 10 keeps integer results exact in binary floating point.
  mean_x10: (sum, answered) => (sum * 10) / answered,
};

/** Combines values with the given method (runtime guard for specs read from untyped data). */
export function combine(method: ScoringMethod, sum: number, answered: number, itemCount: number): number {
  const combiner = METHOD_COMBINERS[method];
  if (combiner === undefined) return assertNever(method as never, 'scoring method');
  return combiner(sum, answered, itemCount);
}

/** Whether a score is on the case side of a cut-off. */
export const CUTOFF_TESTS: { readonly [D in CutoffDirection]: (score: number, cutoff: number) => boolean } = {
  at_or_above: (score, cutoff) => score >= cutoff,
  above: (score, cutoff) => score > cutoff,
  at_or_below: (score, cutoff) => score <= cutoff,
  below: (score, cutoff) => score < cutoff,
};

/** Caseness on a cut-off; null when the total is missing or there is no cut-off. */
export function isCase(total: number | null, cutoff: Cutoff | undefined): boolean | null {
  if (total === null || cutoff === undefined) return null;
  const test = CUTOFF_TESTS[cutoff.direction];
  if (test === undefined) return assertNever(cutoff.direction as never, 'cut-off direction');
  return test(total, cutoff.value);
}

/**
 * The band whose lower edge is the highest one at or below the total. Bands are listed with inclusive integer
 * edges (PHQ-9 5-9, 10-14); matching on lower edges keeps a prorated 9.5 in "mild" (below the next edge of 10).
 */
export function bandForTotal(total: number, bands: readonly Band[]): string | null {
  const ascending = [...bands].sort((left, right) => left.min - right.min);
  const first = ascending[0];
  const last = ascending[ascending.length - 1];
  if (first === undefined || last === undefined || total < first.min || total > last.max) return null;
  let found: Band = first;
  for (const band of ascending) if (band.min <= total) found = band;
  return found.id;
}

type BandResolver<K extends BandRule['kind']> = (
  rule: Extract<BandRule, { kind: K }>,
  total: number | null,
  values: KeyedValues,
) => string | null;

/** Band rules, dispatched by kind. */
export const BAND_RESOLVERS: { readonly [K in BandRule['kind']]: BandResolver<K> } = {
  ranges: (rule, total) => (total === null ? null : bandForTotal(total, rule.bands)),
  'mhc-sf-category': (rule, _total, values) => {
    const emotional = rule.emotionalItems.map((item) => values.get(item) ?? null);
    const socialPsychological = rule.socialPsychologicalItems.map((item) => values.get(item) ?? null);
    if ([...emotional, ...socialPsychological].some((value) => value === null)) return null;
    const count = (list: (number | null)[], test: (value: number) => boolean): number =>
      list.filter((value) => value !== null && test(value)).length;
    const high = (value: number): boolean => value >= rule.highMin;
    const low = (value: number): boolean => value <= rule.lowMax;
    if (count(emotional, high) >= 1 && count(socialPsychological, high) >= rule.countRequired)
      return 'flourishing';
    if (count(emotional, low) >= 1 && count(socialPsychological, low) >= rule.countRequired)
      return 'languishing';
    return 'moderate';
  },
};

/** Resolves the band of a score with its rule. */
export function resolveBand(
  rule: BandRule | undefined,
  total: number | null,
  values: KeyedValues,
): string | null {
  if (rule === undefined) return null;
  const resolver = BAND_RESOLVERS[rule.kind] as BandResolver<BandRule['kind']> | undefined;
  if (resolver === undefined) return assertNever(rule as never, 'band rule');
  return resolver(rule, total, values);
}

type DerivedComputer<K extends DerivedRule['kind']> = (
  rule: Extract<DerivedRule, { kind: K }>,
  answers: AnswerMap,
) => Record<string, DerivedValue>;

/** Derived-value rules, dispatched by kind. */
export const DERIVED_COMPUTERS: { readonly [K in DerivedRule['kind']]: DerivedComputer<K> } = {
  'choice-flags': (rule, answers) => {
    const result: Record<string, DerivedValue> = {};
    const value = answers[rule.item];
    const gated = rule.zeroWhen !== undefined && answers[rule.zeroWhen.item] === rule.zeroWhen.equals;
    const chosen = Array.isArray(value)
      ? value.filter((code): code is string => typeof code === 'string')
      : null;
    for (const code of rule.codes) {
      result[`${rule.id}.${code}`] = gated ? 0 : chosen === null ? null : chosen.includes(code) ? 1 : 0;
    }
    result[`${rule.id}.count`] = gated
      ? 0
      : chosen === null
        ? null
        : rule.codes.filter((code) => chosen.includes(code)).length;
    return result;
  },
  'item-value': (rule, answers) => {
    const value = answers[rule.item];
    return { [rule.id]: typeof value === 'number' || typeof value === 'string' ? value : null };
  },
};

type FlagComputer<K extends FlagRule['kind']> = (
  rule: Extract<FlagRule, { kind: K }>,
  answers: AnswerMap,
) => Record<string, DerivedValue>;

/** Flag rules, dispatched by kind. */
export const FLAG_COMPUTERS: { readonly [K in FlagRule['kind']]: FlagComputer<K> } = {
  'item-flags': (rule, answers) => {
    const result: Record<string, DerivedValue> = {};
    let count: number | null = 0;
    for (const item of rule.items) {
      const value = numericAnswer(answers[item]);
      const flagged = value === null ? null : value < rule.below ? 1 : 0;
      result[`${rule.id}.${item}`] = flagged;
      count = count === null || flagged === null ? null : count + flagged;
    }
    result[`${rule.id}.count`] = count;
    return result;
  },
  'symptom-count': (rule, answers) => {
    const values = rule.items.map((item) => numericAnswer(answers[item]));
    if (values.some((value) => value === null)) return { [rule.id]: null };
    const present = (item: string, index: number): boolean =>
      (values[index] as number) >= (rule.presentAtLeastFor?.[item] ?? rule.presentAtLeast);
    const count = rule.items.filter(present).length;
    const core = rule.items.some((item, index) => rule.coreItems.includes(item) && present(item, index));
    const category = [...rule.categories]
      .sort((left, right) => right.minCount - left.minCount)
      .find((candidate) => count >= candidate.minCount);
    return { [rule.id]: core && category !== undefined ? category.id : rule.noneId };
  },
};

/** Computes one flag rule (its values are reported in `derived`). */
export function computeFlag(rule: FlagRule, answers: AnswerMap): Record<string, DerivedValue> {
  const computer = FLAG_COMPUTERS[rule.kind] as FlagComputer<FlagRule['kind']> | undefined;
  if (computer === undefined) return assertNever(rule as never, 'flag rule');
  return computer(rule, answers);
}

/** A finite number, or null (unanswered or not a number; scoring validates answers before deriving). */
function numericAnswer(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Computes one derived rule. */
export function computeDerived(rule: DerivedRule, answers: AnswerMap): Record<string, DerivedValue> {
  const computer = DERIVED_COMPUTERS[rule.kind] as DerivedComputer<DerivedRule['kind']> | undefined;
  if (computer === undefined) return assertNever(rule as never, 'derived rule');
  return computer(rule, answers);
}
