import { clinicalSignificance, reliableChange } from '@klik/stats';
import {
  changeThresholds,
  type ChangeThresholds,
  compareVersions,
  getInstrument,
  noChangeCriteriaMessage,
  type OutcomeGap,
  type OutcomeMeasure,
  type OutcomePair,
  outcomePair,
  type PostMeasureRule,
} from '@klik/survey-model';
import { AppError } from '../common/app-error';

/**
 * A participant's outcome on one instrument, classified: the one place the API turns measures into a pre/post
 * pair (libs/survey-model `outcomePair`: which measures count, the post-measure rule, the version rule) and the
 * pair into reliable change and the Jacobson & Truax category (libs/stats, with the pair's version's published
 * criteria). The change analysis, the correlation table, the institution comparison, the alerts and the export
 * all come through here. See libs/survey-model/docs/outcome-change.md.
 */

export type ChangeCategory = 'recovered' | 'improved' | 'unchanged' | 'deteriorated';
export type ReliableOutcome = 'improved' | 'unchanged' | 'deteriorated';

export interface ParticipantOutcome<M extends OutcomeMeasure = OutcomeMeasure> {
  pre: M | null;
  post: M | null;
  pair: OutcomePair<M> | null;
  gap: OutcomeGap | null;
  /** The criteria of the pair's version; null without a pair or when the instrument has no reliable change value. */
  thresholds: ChangeThresholds | null;
  /** Reliable change (Jacobson & Truax, the published value); null without a pair or criteria. */
  reliable: ReliableOutcome | null;
  /** recovered, improved, unchanged or deteriorated; null without a pair, criteria or a clinical cut-off. */
  category: ChangeCategory | null;
}

export function participantOutcome<M extends OutcomeMeasure>(
  instrumentId: string,
  measures: readonly M[],
  rule: PostMeasureRule,
  version?: string,
): ParticipantOutcome<M> {
  const { pre, post, pair, gap } = outcomePair(instrumentId, measures, rule, { version });
  const thresholds = pair ? changeThresholds(instrumentId, pair.version) : null;
  if (!pair || !thresholds) return { pre, post, pair, gap, thresholds, reliable: null, category: null };
  const before = pair.pre.total as number;
  const after = pair.post.total as number;
  const reliable = reliableChange(before, after, {
    threshold: thresholds.threshold,
    direction: thresholds.direction,
  }).outcome as ReliableOutcome;
  const category =
    thresholds.cutoff === null
      ? null
      : (clinicalSignificance(before, after, {
          threshold: thresholds.threshold,
          cutoff: thresholds.cutoff,
          direction: thresholds.direction,
        }).category as ChangeCategory);
  return { pre, post, pair, gap, thresholds, reliable, category };
}

/** Every participant's outcome, from rows of many participants and instruments (only `instrumentId`'s are read). */
export function participantOutcomes<
  M extends OutcomeMeasure & { participantId: string; instrumentId: string },
>(
  instrumentId: string,
  rows: readonly M[],
  rule: PostMeasureRule,
  version?: string,
): Map<string, ParticipantOutcome<M>> {
  const byParticipant = new Map<string, M[]>();
  for (const row of rows) {
    if (row.instrumentId !== instrumentId) continue;
    const own = byParticipant.get(row.participantId);
    if (own) own.push(row);
    else byParticipant.set(row.participantId, [row]);
  }
  const outcomes = new Map<string, ParticipantOutcome<M>>();
  for (const [participantId, own] of byParticipant) {
    outcomes.set(participantId, participantOutcome(instrumentId, own, rule, version));
  }
  return outcomes;
}

/**
 * The criteria shown beside a change result (cut-off line, band): those of `version` when asked for, else of the
 * most recent version among the pairs, else the latest version. 400 with one message for an instrument that has no
 * cut-off or reliable change value. (Each pair is classified with its own version's criteria regardless.)
 */
export function displayedThresholds(
  instrumentId: string,
  pairVersions: Iterable<string>,
  version?: string,
): { version: string; thresholds: ChangeThresholds & { cutoff: number } } {
  const shown =
    version ?? [...new Set(pairVersions)].sort(compareVersions).at(-1) ?? getInstrument(instrumentId).version;
  const thresholds = changeThresholds(instrumentId, shown, { needCutoff: true });
  if (!thresholds) {
    throw AppError.validation([{ field: 'instrument', messages: [noChangeCriteriaMessage(instrumentId)] }]);
  }
  return { version: shown, thresholds: thresholds as ChangeThresholds & { cutoff: number } };
}

/** How many participants had no pair, by reason (what was left out, and why). */
export function countGaps(outcomes: Iterable<ParticipantOutcome>): Record<OutcomeGap, number> {
  const gaps: Record<OutcomeGap, number> = { no_pre: 0, no_post: 0, versions_not_comparable: 0 };
  for (const outcome of outcomes) if (outcome.gap) gaps[outcome.gap]++;
  return gaps;
}
