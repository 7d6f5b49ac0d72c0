import { type BivariateSummary, createBivariateSummary, pearson, summarisePairs } from '@klik/stats';
import { END_POST_MEASURE, type OutcomeMeasure } from '@klik/survey-model';
import type { EntityManager } from 'typeorm';
import { participantOutcomes } from '../outcomes/participant-outcome';

/**
 * Per-institution sufficient statistics of one study: counts and mergeable co-moments (ARCHITECTURE.md, "mergeable
 * sufficient statistics"). This is everything the comparison needs of an institution; no row of a participant
 * leaves `loadInstitutionAggregates`.
 */
export interface InstitutionAggregate {
  institutionId: string;
  name: string;
  /** Participants enrolled, withdrawn excluded. */
  participants: number;
  /** Invitation links handed out (revoked ones excluded: a revoked link was replaced or withdrawn). */
  invitationsSent: number;
  invitationsCompleted: number;
  /** Participants with a pre/post pair on the instrument (libs/survey-model outcomePair, end rule). */
  changeN: number;
  /** Recovered or improved (Jacobson & Truax), i.e. a reliable improvement. */
  reliablyImproved: number;
  recovered: number;
  /** (pre, post) pairs, for the standardised mean change. */
  prePost: BivariateSummary;
  /** (mean alliance over sessions, post - pre) pairs, for the alliance-outcome correlation. */
  allianceChange: BivariateSummary;
  /** Pearson r with its Fisher-z CI on the same pairs; null when libs/stats cannot estimate it. */
  correlation: { r: number; ci: [number, number]; n: number } | null;
}

/** One score row as read for the comparison. */
export interface OutcomeRow extends OutcomeMeasure {
  participantId: string;
  instrumentId: string;
}

export type OutcomeSummary = Pick<
  InstitutionAggregate,
  'changeN' | 'reliablyImproved' | 'recovered' | 'prePost' | 'allianceChange' | 'correlation'
> & {
  /** Instrument versions of the pairs (the criteria of each pair's version classified it). */
  versions: string[];
};

/**
 * Reduces one institution's score rows to its sufficient statistics. Pre, post (the end timepoint) and change are
 * a participant's outcome as `participantOutcome` defines it, classified with the criteria of the pair's own
 * version, exactly as the change analysis does; alliance is the mean klik-alliance total over sessions. Pure.
 */
export function summariseOutcomes(rows: readonly OutcomeRow[], instrumentId: string): OutcomeSummary {
  const alliance = new Map<string, number[]>();
  for (const row of rows) {
    if (row.instrumentId !== 'klik-alliance' || row.sessionNumber === null || row.total === null) continue;
    const own = alliance.get(row.participantId);
    if (own) own.push(row.total);
    else alliance.set(row.participantId, [row.total]);
  }
  const before: number[] = [];
  const after: number[] = [];
  const meanAlliance: (number | null)[] = [];
  const categories: (string | null)[] = [];
  const versions = new Set<string>();
  for (const [participantId, outcome] of participantOutcomes(instrumentId, rows, END_POST_MEASURE)) {
    if (!outcome.pair) continue;
    before.push(outcome.pair.pre.total as number);
    after.push(outcome.pair.post.total as number);
    categories.push(outcome.category);
    versions.add(outcome.pair.version);
    const values = alliance.get(participantId) ?? [];
    meanAlliance.push(
      values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length,
    );
  }
  const change = after.map((value, index) => value - before[index]);
  const recovered = categories.filter((category) => category === 'recovered').length;
  const allianceChange = summarisePairs(meanAlliance, change);
  let correlation: OutcomeSummary['correlation'] = null;
  if (allianceChange.n >= 3) {
    const result = pearson(meanAlliance, change);
    if (Number.isFinite(result.r)) correlation = { r: result.r, ci: result.ci, n: result.n };
  }
  return {
    changeN: before.length,
    reliablyImproved: recovered + categories.filter((category) => category === 'improved').length,
    recovered,
    prePost: before.length > 0 ? summarisePairs(before, after) : createBivariateSummary(),
    allianceChange,
    correlation,
    versions: [...versions].sort(),
  };
}

/**
 * Loads every institution taking part in the study (running at least one cohort), ordered by when it joined (its
 * first cohort), with its sufficient statistics. Must run outside row-level security (`runAsSystem`): it reads
 * every institution's participants, so its caller returns only suppressed aggregates. Withdrawn participants, their
 * invitations and their scores are left out.
 */
export async function loadInstitutionAggregates(
  m: EntityManager,
  studyId: string,
  instrumentId: string,
): Promise<(InstitutionAggregate & { versions: string[] })[]> {
  const institutions: { institutionId: string; name: string }[] = await m.query(
    `SELECT c.institution_id AS "institutionId", i.name
       FROM cohorts c JOIN institutions i ON i.id = c.institution_id
      WHERE c.study_id = $1
      GROUP BY c.institution_id, i.name
      ORDER BY MIN(c.created_at), c.institution_id`,
    [studyId],
  );
  // Counts are aggregated by the database; the institution is the cohort's, which runs the participant.
  const counts: {
    institutionId: string;
    participants: number;
    invitationsSent: number;
    invitationsCompleted: number;
  }[] = await m.query(
    `SELECT c.institution_id AS "institutionId",
            COUNT(DISTINCT p.id)::int AS participants,
            COUNT(v.id) FILTER (WHERE v.status <> 'revoked')::int AS "invitationsSent",
            COUNT(v.id) FILTER (WHERE v.status = 'completed')::int AS "invitationsCompleted"
       FROM eligible_participants p
       JOIN cohorts c ON c.id = p.cohort_id
       LEFT JOIN invitations v ON v.participant_id = p.id
      WHERE p.study_id = $1
      GROUP BY c.institution_id`,
    [studyId],
  );
  const rows: (OutcomeRow & { institutionId: string })[] = await m.query(
    `SELECT c.institution_id AS "institutionId", s.participant_id AS "participantId", s.timepoint_id AS "timepointId",
            t.kind AS "timepointKind", t.position AS "timepointPosition", s.session_number AS "sessionNumber",
            s.instrument_id AS "instrumentId", s.instrument_version AS "instrumentVersion", s.total
       FROM scores s
       JOIN eligible_participants p ON p.id = s.participant_id
       JOIN cohorts c ON c.id = p.cohort_id
       JOIN timepoints t ON t.id = s.timepoint_id
      WHERE s.study_id = $1 AND s.instrument_id = ANY($2)
      ORDER BY p.enrolled_at, s.participant_id, s.session_number`,
    [studyId, [instrumentId, 'klik-alliance']],
  );
  return institutions.map(({ institutionId, name }) => {
    const count = counts.find((entry) => entry.institutionId === institutionId);
    return {
      institutionId,
      name,
      participants: count?.participants ?? 0,
      invitationsSent: count?.invitationsSent ?? 0,
      invitationsCompleted: count?.invitationsCompleted ?? 0,
      ...summariseOutcomes(
        rows.filter((row) => row.institutionId === institutionId),
        instrumentId,
      ),
    };
  });
}
