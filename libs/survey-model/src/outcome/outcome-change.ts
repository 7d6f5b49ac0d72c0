import { UnknownInstrumentError } from '../instruments/registry';
import { getChangeCriteria, type ChangeCriteria } from '../scoring/change-criteria';

/**
 * A participant's pre and post measure of an outcome instrument in a protocol: the one definition that the change
 * analysis, the correlations (change = post − pre), the institution comparison, the practitioner alerts and the
 * export all use (issue 16). Pure; the rules are written down in `libs/survey-model/docs/outcome-change.md`.
 */

/** One scored measure of one instrument, as the consumers read it from `scores` joined with `timepoints`. */
export interface OutcomeMeasure {
  timepointId: string;
  /** The protocol's kind of the timepoint: baseline, session, end, follow_up or other. */
  timepointKind: string;
  /** Position of the timepoint in the protocol (baseline first). */
  timepointPosition: number;
  /** Session number at a session timepoint, else null. */
  sessionNumber: number | null;
  instrumentVersion: string;
  /** The total; null when the score is missing (too few items answered), which counts as not measured. */
  total: number | null;
}

/**
 * Which measure is the post measure:
 * - `end`: the measure at the protocol's first end timepoint. The outcome of a course: the change analysis, the
 *   correlations, the comparison and the export.
 * - `timepoint`: the measure at the given (later) timepoint, e.g. a follow-up; at a session timepoint the latest
 *   session. A chosen post measure.
 * - `latest`: the latest measure after baseline at any timepoint (sessions, end, follow-up). Monitoring an ongoing
 *   client: the practitioner alerts.
 */
export type PostMeasureRule =
  { kind: 'end' } | { kind: 'timepoint'; timepointId: string } | { kind: 'latest' };

export const END_POST_MEASURE: PostMeasureRule = Object.freeze({ kind: 'end' });

/** Why a participant has no pre/post pair. */
export type OutcomeGap = 'no_pre' | 'no_post' | 'versions_not_comparable';

export interface OutcomePair<M extends OutcomeMeasure = OutcomeMeasure> {
  pre: M;
  post: M;
  /** post.total − pre.total. */
  change: number;
  /** The version whose criteria apply (the post measure's). */
  version: string;
}

/**
 * The pre and post measure as the rules pick them (each may exist without the other: the correlation table shows
 * both), and the pair when they can be compared.
 */
export type OutcomePairResult<M extends OutcomeMeasure = OutcomeMeasure> = {
  pre: M | null;
  post: M | null;
} & ({ pair: OutcomePair<M>; gap: null } | { pair: null; gap: OutcomeGap });

/** The cut-off and reliable change value of a version, or null when the instrument has none. */
export type ChangeCriteriaOf = (instrumentId: string, version: string) => ChangeCriteria;

const registryCriteria: ChangeCriteriaOf = (id, version) => getChangeCriteria({ id, version });

const byProtocolOrder = (left: OutcomeMeasure, right: OutcomeMeasure) =>
  left.timepointPosition - right.timepointPosition || (left.sessionNumber ?? 0) - (right.sessionNumber ?? 0);

/**
 * Whether totals of two versions of an instrument can be subtracted: the same version, or versions with the same
 * scoring version and the same change criteria (a wording fix that leaves the score untouched). A version unknown
 * to this build is comparable only with itself.
 */
export function versionsComparable(
  instrumentId: string,
  left: string,
  right: string,
  criteriaOf: ChangeCriteriaOf = registryCriteria,
): boolean {
  if (left === right) return true;
  let a: ChangeCriteria;
  let b: ChangeCriteria;
  try {
    a = criteriaOf(instrumentId, left);
    b = criteriaOf(instrumentId, right);
  } catch (error) {
    // A version this build does not know (data from a newer Klik) is comparable with nothing but itself.
    if (error instanceof UnknownInstrumentError) return false;
    throw error;
  }
  return (
    a.scoringVersion === b.scoringVersion &&
    JSON.stringify([a.cutoff, a.reliableChange]) === JSON.stringify([b.cutoff, b.reliableChange])
  );
}

/**
 * A participant's pre and post measure of one instrument.
 *
 * - Only measures with a total count (a missing score is as if not measured); with `version`, only that version.
 * - Pre: the first measure at a baseline timepoint (protocol order).
 * - Post: by `rule` (see {@link PostMeasureRule}); the last in protocol order among the candidates.
 * - Versions: pre and post must be comparable ({@link versionsComparable}); the post measure's criteria apply.
 *
 * @param measures the participant's measures of the instrument, in any order
 * @example
 * outcomePair('phq-9', [baselineMeasure, session3, endMeasure], { kind: 'end' }).pair?.change // end − baseline
 */
export function outcomePair<M extends OutcomeMeasure>(
  instrumentId: string,
  measures: readonly M[],
  rule: PostMeasureRule = END_POST_MEASURE,
  options: { version?: string; criteriaOf?: ChangeCriteriaOf } = {},
): OutcomePairResult<M> {
  const usable = measures
    .filter((measure) => measure.total !== null && Number.isFinite(measure.total))
    .filter((measure) => options.version === undefined || measure.instrumentVersion === options.version)
    .sort(byProtocolOrder);
  const pre = usable.find((measure) => measure.timepointKind === 'baseline') ?? null;
  const later = usable.filter((measure) => measure.timepointKind !== 'baseline');
  let candidates: M[];
  if (rule.kind === 'timepoint') {
    candidates = later.filter((measure) => measure.timepointId === rule.timepointId);
  } else if (rule.kind === 'end') {
    const firstEnd = later.find((measure) => measure.timepointKind === 'end');
    candidates = firstEnd ? later.filter((measure) => measure.timepointId === firstEnd.timepointId) : [];
  } else {
    candidates = later;
  }
  const post = candidates.at(-1) ?? null;
  if (pre === null) return { pre, post, pair: null, gap: 'no_pre' };
  if (post === null) return { pre, post, pair: null, gap: 'no_post' };
  if (!versionsComparable(instrumentId, pre.instrumentVersion, post.instrumentVersion, options.criteriaOf)) {
    return { pre, post, pair: null, gap: 'versions_not_comparable' };
  }
  return {
    pre,
    post,
    pair: {
      pre,
      post,
      change: (post.total as number) - (pre.total as number),
      version: post.instrumentVersion,
    },
    gap: null,
  };
}

/** What libs/stats' reliable change and clinical significance take, from an instrument version's criteria. */
export interface ChangeThresholds {
  /** The published reliable change value (e.g. PHQ-9: 6 points). */
  threshold: number;
  /** The clinical cut-off; null when the instrument has none (reliable change only). */
  cutoff: number | null;
  direction: 'lower-is-better' | 'higher-is-better';
}

/**
 * The criteria of a version as thresholds, or null when the instrument has no reliable change value (or the version
 * is unknown to this build). With `needCutoff`, also null when it has no clinical cut-off (recovery needs one).
 */
export function changeThresholds(
  instrumentId: string,
  version: string,
  options: { needCutoff?: boolean; criteriaOf?: ChangeCriteriaOf } = {},
): ChangeThresholds | null {
  let criteria: ChangeCriteria;
  try {
    criteria = (options.criteriaOf ?? registryCriteria)(instrumentId, version);
  } catch (error) {
    if (error instanceof UnknownInstrumentError) return null;
    throw error;
  }
  if (!criteria.reliableChange) return null;
  if (options.needCutoff && !criteria.cutoff) return null;
  return {
    threshold: criteria.reliableChange.value,
    cutoff: criteria.cutoff?.value ?? null,
    direction: criteria.reliableChange.improvement === 'decrease' ? 'lower-is-better' : 'higher-is-better',
  };
}

/** The one message for an instrument that cannot be used for change (consumers turn it into a field error). */
export function noChangeCriteriaMessage(instrumentId: string): string {
  return `${instrumentId} has no cut-off or reliable change value`;
}
