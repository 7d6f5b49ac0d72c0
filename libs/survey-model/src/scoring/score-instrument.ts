import type { Instrument, ItemSpec, ResponseScale } from '../model/instrument.types';
import { isOnScaleGrid } from '../model/scale-grid';
import { fillBlanks, missingPolicy, roundHalfUp } from './missing-items';
import {
  bandForTotal,
  combine,
  computeDerived,
  computeFlag,
  isCase,
  resolveBand,
  type AnswerMap,
  type KeyedValues,
} from './score-rules';
import type { DerivedValue, InstrumentScore, MissingReason, ScoreValue } from './score.types';
import type { ScoreRule, ScoringSpec } from './scoring-spec.types';

/**
 * Scores one response with the instrument's scoring specification. Pure: no I/O, no clock.
 *
 * Missing data policy: an unanswered item (absent, `null` or `undefined`) counts as missing and is handled by the
 * manual's own rule (`missing-items.ts`): filled, prorated, or the score is `missing` with reason
 * `too_many_missing_items` or `no_missing_item_rule`, never 0. An
 * answer that is not a valid value for its scored item makes the whole score `missing` with reason
 * `invalid_answer` (validate first with `validateAnswers`).
 *
 * @example
 * scoreInstrument(getInstrument('phq-9'), { phq9_1: 1, phq9_2: 2, ... }).total // 12
 */
export function scoreInstrument(instrument: Instrument, answers: AnswerMap): InstrumentScore {
  const spec = instrument.scoring;
  const header = {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    scoringVersion: spec.scoringVersion,
  };
  const derived = computeAllDerived(spec, answers);
  const scoredItems = uniqueScoredItems(spec);

  const invalid = findInvalidScoredAnswer(instrument, scoredItems, answers);
  const notApplicable =
    spec.notApplicableWhen !== undefined &&
    answers[spec.notApplicableWhen.item] === spec.notApplicableWhen.equals;
  if (invalid !== null || notApplicable) {
    const reason: MissingReason = invalid !== null ? 'invalid_answer' : 'not_applicable';
    const missingValue = (items: readonly string[]): ScoreValue => ({
      value: null,
      status: 'missing',
      missingCount: countMissing(items, answers),
      prorated: false,
      missingReason: reason,
    });
    const subscales = Object.fromEntries(
      spec.subscales.map((subscale) => [subscale.id, missingValue(subscale.items)]),
    );
    return {
      ...header,
      total: null,
      subscales,
      band: null,
      caseness: null,
      casenessByNorm: casenessByNorm(spec, null),
      bandByNorm: bandByNorm(spec, null),
      missingCount: countMissing(spec.total?.items ?? scoredItems, answers),
      prorated: false,
      status: 'missing',
      missingReason: reason,
      missingDetail:
        invalid ??
        `not applicable: ${spec.notApplicableWhen?.item} is ${JSON.stringify(spec.notApplicableWhen?.equals)}`,
      derived,
    };
  }

  const keyed = keyValues(spec, scoredItems, answers);
  const filled = fillBlanks(spec, keyed);
  const imputed = Object.keys(filled.imputed).length > 0 ? { imputed: filled.imputed } : {};
  const subscales: Record<string, ScoreValue> = {};
  for (const subscale of spec.subscales)
    subscales[subscale.id] = applyRule(subscale, keyed, spec, filled.imputed);

  if (spec.total === null) {
    const values = Object.values(subscales);
    const missing = values.find((value) => value.status === 'missing');
    const prorated = values.some((value) => value.prorated);
    return {
      ...header,
      total: null,
      subscales,
      band: resolveBand(spec.band, null, keyed),
      caseness: null,
      casenessByNorm: casenessByNorm(spec, null),
      bandByNorm: bandByNorm(spec, null),
      missingCount: countMissing(scoredItems, answers),
      prorated,
      status: missing !== undefined ? 'missing' : prorated ? 'prorated' : 'complete',
      ...(missing !== undefined
        ? {
            missingReason: 'subscale_missing' as const,
            missingDetail: `subscale ${firstMissingSubscale(subscales)} is missing`,
          }
        : {}),
      ...imputed,
      derived,
    };
  }

  const total = applyRule(spec.total, keyed, spec, filled.imputed);
  return {
    ...header,
    total: total.value,
    subscales,
    band: resolveBand(spec.band, total.value, keyed),
    caseness: isCase(total.value, defaultCutoff(spec)),
    casenessByNorm: casenessByNorm(spec, total.value),
    bandByNorm: bandByNorm(spec, total.value),
    missingCount: total.missingCount,
    prorated: total.prorated,
    status: total.status,
    ...(total.missingReason !== undefined
      ? {
          missingReason: total.missingReason,
          missingDetail: missingPolicy(spec, spec.total).describe(
            total.missingCount,
            spec.total.items.length,
          ),
        }
      : {}),
    ...(total.status !== 'missing' ? imputed : {}),
    derived,
  };
}

/**
 * Applies one rule (total or subscale) to reverse-keyed values, with the manual's missing-item rule
 * (`missing-items.ts`). `imputed` holds blanks already filled by that rule: they count as answered, and a score
 * that uses one is `prorated`. `missingCount` counts the blank items, filled or not.
 */
export function applyRule(
  rule: ScoreRule,
  keyed: KeyedValues,
  spec: Pick<ScoringSpec, 'precision' | 'missingItems'> = {},
  imputed: Readonly<Record<string, number>> = {},
): ScoreValue {
  const policy = missingPolicy(spec, rule);
  let sum = 0;
  let answered = 0;
  let blanks = 0;
  const filledHere: Record<string, number> = {};
  for (const item of rule.items) {
    const value = keyed.get(item);
    const fill = imputed[item];
    if (value !== null && value !== undefined) {
      sum += value;
      answered += 1;
    } else if (fill !== undefined) {
      sum += fill;
      answered += 1;
      blanks += 1;
      filledHere[item] = fill;
    } else {
      blanks += 1;
    }
  }
  const unfilled = rule.items.length - answered;
  if (answered === 0 || unfilled > policy.maxMissing) {
    return {
      value: null,
      status: 'missing',
      missingCount: blanks,
      prorated: false,
      missingReason: policy.reasonWhenOver,
    };
  }
  const raw = combine(rule.method, sum, answered, rule.items.length);
  const rounded = unfilled > 0 && policy.roundTo !== undefined ? roundHalfUp(raw, policy.roundTo) : raw;
  const value = spec.precision === undefined ? rounded : roundTo(rounded, spec.precision);
  const prorated = blanks > 0;
  return {
    value,
    status: prorated ? 'prorated' : 'complete',
    missingCount: blanks,
    prorated,
    ...(Object.keys(filledHere).length > 0 ? { imputed: filledHere } : {}),
  };
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function defaultCutoff(spec: ScoringSpec): ScoringSpec['cutoff'] {
  if (spec.norms !== undefined && spec.defaultNorm !== undefined) {
    return spec.norms.find((norm) => norm.id === spec.defaultNorm)?.cutoff;
  }
  return spec.cutoff;
}

function casenessByNorm(spec: ScoringSpec, total: number | null): Record<string, boolean | null> {
  return Object.fromEntries((spec.norms ?? []).map((norm) => [norm.id, isCase(total, norm.cutoff)]));
}

function bandByNorm(spec: ScoringSpec, total: number | null): Record<string, string | null> {
  return Object.fromEntries(
    (spec.norms ?? [])
      .filter((norm) => norm.bands !== undefined)
      .map((norm) => [norm.id, total === null ? null : bandForTotal(total, norm.bands ?? [])]),
  );
}

function firstMissingSubscale(subscales: Record<string, ScoreValue>): string {
  return Object.entries(subscales).find(([, value]) => value.status === 'missing')?.[0] ?? '';
}

function computeAllDerived(spec: ScoringSpec, answers: AnswerMap): Record<string, DerivedValue> {
  const result: Record<string, DerivedValue> = {};
  for (const rule of spec.derived ?? []) Object.assign(result, computeDerived(rule, answers));
  for (const rule of spec.flags ?? []) Object.assign(result, computeFlag(rule, answers));
  return result;
}

/** Every item that enters the total, a subscale or a band rule. */
export function uniqueScoredItems(spec: ScoringSpec): string[] {
  const items = new Set<string>(spec.total?.items ?? []);
  for (const subscale of spec.subscales) for (const item of subscale.items) items.add(item);
  if (spec.band?.kind === 'mhc-sf-category') {
    for (const item of [...spec.band.emotionalItems, ...spec.band.socialPsychologicalItems]) items.add(item);
  }
  return [...items];
}

function isUnanswered(value: unknown): boolean {
  return value === undefined || value === null;
}

function countMissing(items: readonly string[], answers: AnswerMap): number {
  return items.filter((item) => isUnanswered(answers[item])).length;
}

function scaleOf(instrument: Instrument, item: ItemSpec | undefined): ResponseScale | undefined {
  return item?.kind === 'scale' ? instrument.scales.find((scale) => scale.id === item.scale) : undefined;
}

/** The first scored answer that is not a number on its item's scale, as a message; null when all are valid. */
function findInvalidScoredAnswer(
  instrument: Instrument,
  scoredItems: readonly string[],
  answers: AnswerMap,
): string | null {
  for (const itemId of scoredItems) {
    const value = answers[itemId];
    if (isUnanswered(value)) continue;
    const scale = scaleOf(
      instrument,
      instrument.items.find((item) => item.id === itemId),
    );
    if (scale === undefined) return `${itemId}: not a scale item`;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < scale.min || value > scale.max) {
      return `${itemId}: ${JSON.stringify(value)} is not a value from ${scale.min} to ${scale.max}`;
    }
    if (!isOnScaleGrid(value, scale))
      return `${itemId}: ${value} is not a step of ${scale.step} from ${scale.min}`;
  }
  return null;
}

function keyValues(
  spec: ScoringSpec,
  scoredItems: readonly string[],
  answers: AnswerMap,
): Map<string, number | null> {
  const reversed = new Set(spec.reverse?.items ?? []);
  const keyed = new Map<string, number | null>();
  for (const item of scoredItems) {
    const value = answers[item];
    if (typeof value !== 'number') {
      keyed.set(item, null);
    } else if (reversed.has(item) && spec.reverse !== undefined) {
      keyed.set(item, spec.reverse.min + spec.reverse.max - value);
    } else {
      keyed.set(item, value);
    }
  }
  return keyed;
}
