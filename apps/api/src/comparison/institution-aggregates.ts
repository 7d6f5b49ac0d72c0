import {
  type BivariateSummary,
  type ClinicalSignificanceOptions,
  clinicalSignificance,
  createBivariateSummary,
  pearson,
  summarisePairs,
} from '@klik/stats';
import type { EntityManager } from 'typeorm';

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
  /** Participants with a baseline and an end score on the instrument. */
  changeN: number;
  /** Recovered or improved (Jacobson & Truax), i.e. a reliable improvement. */
  reliablyImproved: number;
  recovered: number;
  /** (baseline, end) pairs, for the standardised mean change. */
  prePost: BivariateSummary;
  /** (mean alliance over sessions, end - baseline) pairs, for the alliance-outcome correlation. */
  allianceChange: BivariateSummary;
  /** Pearson r with its Fisher-z CI on the same pairs; null when libs/stats cannot estimate it. */
  correlation: { r: number; ci: [number, number]; n: number } | null;
}

/** One score row as read for the comparison. */
export interface OutcomeRow {
  participantId: string;
  timepointKind: string;
  sessionNumber: number | null;
  instrumentId: string;
  total: number | null;
}

export type OutcomeSummary = Pick<
  InstitutionAggregate,
  'changeN' | 'reliablyImproved' | 'recovered' | 'prePost' | 'allianceChange' | 'correlation'
>;

/**
 * Reduces one institution's score rows to its sufficient statistics. Baseline and end are a participant's first
 * score of that kind (rows come ordered as the analyses read them); alliance is the mean klik-alliance total over
 * sessions; change is end - baseline, as in the correlations analysis. Reliable improvement and recovery come from
 * `clinicalSignificance` with the instrument's published criteria, as the change analysis computes them. Pure.
 */
export function summariseOutcomes(
  rows: readonly OutcomeRow[],
  instrumentId: string,
  options: ClinicalSignificanceOptions,
): OutcomeSummary {
  const people = new Map<string, { baseline?: number; end?: number; alliance: number[] }>();
  for (const row of rows) {
    const person = people.get(row.participantId) ?? { alliance: [] };
    people.set(row.participantId, person);
    if (row.total === null) continue;
    if (row.instrumentId === 'klik-alliance' && row.sessionNumber !== null) person.alliance.push(row.total);
    else if (row.instrumentId === instrumentId && row.timepointKind === 'baseline')
      person.baseline ??= row.total;
    else if (row.instrumentId === instrumentId && row.timepointKind === 'end') person.end ??= row.total;
  }
  const before: number[] = [];
  const after: number[] = [];
  const alliance: (number | null)[] = [];
  for (const person of people.values()) {
    if (person.baseline === undefined || person.end === undefined) continue;
    before.push(person.baseline);
    after.push(person.end);
    alliance.push(
      person.alliance.length === 0
        ? null
        : person.alliance.reduce((sum, value) => sum + value, 0) / person.alliance.length,
    );
  }
  const change = after.map((value, index) => value - before[index]);
  const categories =
    before.length > 0 ? clinicalSignificance(before, after, options).map((r) => r.category) : [];
  const recovered = categories.filter((category) => category === 'recovered').length;
  const allianceChange = summarisePairs(alliance, change);
  let correlation: OutcomeSummary['correlation'] = null;
  if (allianceChange.n >= 3) {
    const result = pearson(alliance, change);
    if (Number.isFinite(result.r)) correlation = { r: result.r, ci: result.ci, n: result.n };
  }
  return {
    changeN: before.length,
    reliablyImproved: recovered + categories.filter((category) => category === 'improved').length,
    recovered,
    prePost: before.length > 0 ? summarisePairs(before, after) : createBivariateSummary(),
    allianceChange,
    correlation,
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
  options: ClinicalSignificanceOptions,
): Promise<InstitutionAggregate[]> {
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
       FROM participants p
       JOIN cohorts c ON c.id = p.cohort_id
       LEFT JOIN invitations v ON v.participant_id = p.id
      WHERE p.study_id = $1 AND p.status <> 'withdrawn'
      GROUP BY c.institution_id`,
    [studyId],
  );
  const rows: (OutcomeRow & { institutionId: string })[] = await m.query(
    `SELECT c.institution_id AS "institutionId", s.participant_id AS "participantId", t.kind AS "timepointKind",
            s.session_number AS "sessionNumber", s.instrument_id AS "instrumentId", s.total
       FROM scores s
       JOIN participants p ON p.id = s.participant_id
       JOIN cohorts c ON c.id = p.cohort_id
       JOIN timepoints t ON t.id = s.timepoint_id
      WHERE s.study_id = $1 AND p.status <> 'withdrawn' AND s.instrument_id = ANY($2)
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
        options,
      ),
    };
  });
}
