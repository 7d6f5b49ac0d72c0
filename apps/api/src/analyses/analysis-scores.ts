import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context';
import { Cohort } from '../cohorts/cohort.entity';
import { AppError } from '../common/app-error';
import { Membership } from '../institutions/membership.entity';
import { Timepoint } from '../protocol/timepoint.entity';
import type { Study } from '../studies/study.entity';
import { findVisibleStudy } from '../studies/study-access';
import type { ScoreRow } from './analysis-variables';
import type { AnalysisFilterQuery } from './dto/analysis-query.dto';

export interface LoadScoresOptions {
  /**
   * How `timepointId` applies: `only` keeps the scores of that timepoint (the default); `post` keeps them plus
   * every baseline score, for the analyses that compare baseline with a chosen later measure (change, alerts).
   */
  timepoint?: 'only' | 'post';
}

export interface LoadedScores {
  study: Study;
  /** The filter's timepoint, when one was given (checked to be the study's). */
  timepoint: Timepoint | null;
  rows: ScoreRow[];
}

/**
 * Score rows of a study's participants of the caller's institution, with every filter of {@link AnalysisFilterQuery}
 * applied; withdrawn participants are never included (under either withdrawal policy). A study, cohort, timepoint or
 * practitioner that the caller cannot see answers 404. Runs on the caller's tenant transaction `m`, so row-level
 * security applies as well; a practitioner always gets only their own clients, whatever `practitionerId` says.
 */
export async function loadScores(
  m: EntityManager,
  auth: AuthContext,
  studyId: string,
  filter: AnalysisFilterQuery,
  instrumentIds: readonly string[],
  options: LoadScoresOptions = {},
): Promise<LoadedScores> {
  const study = await findVisibleStudy(m, auth, studyId);
  if (filter.cohortId && !(await m.exists(Cohort, { where: { id: filter.cohortId, studyId: study.id } }))) {
    throw AppError.notFound('Cohort');
  }
  let timepoint: Timepoint | null = null;
  if (filter.timepointId) {
    timepoint = await m.findOne(Timepoint, { where: { id: filter.timepointId, studyId: study.id } });
    if (!timepoint) throw AppError.notFound('Timepoint');
  }
  if (
    filter.practitionerId &&
    auth.role !== 'practitioner' &&
    !(await m.exists(Membership, {
      where: { userId: filter.practitionerId, institutionId: auth.institutionId },
    }))
  ) {
    throw AppError.notFound('Practitioner');
  }
  const practitionerId = auth.role === 'practitioner' ? auth.userId : filter.practitionerId;
  const parameters: unknown[] = [study.id, auth.institutionId, instrumentIds];
  let where = '';
  const add = (clause: string, value: unknown) => {
    parameters.push(value);
    where += ` AND ${clause.replace('?', `$${parameters.length}`)}`;
  };
  if (filter.cohortId) add('p.cohort_id = ?', filter.cohortId);
  if (practitionerId) add('p.practitioner_id = ?', practitionerId);
  if (filter.instrumentVersion) add('s.instrument_version = ?', filter.instrumentVersion);
  if (timepoint)
    add(
      options.timepoint === 'post' ? "(s.timepoint_id = ? OR t.kind = 'baseline')" : 's.timepoint_id = ?',
      timepoint.id,
    );
  const rows: ScoreRow[] = await m.query(
    `SELECT s.participant_id AS "participantId", p.cohort_id AS "cohortId", s.response_id AS "responseId",
            s.timepoint_id AS "timepointId", t.key AS "timepointKey", t.position AS "timepointPosition",
            t.kind AS "timepointKind", s.session_number AS "sessionNumber", s.instrument_id AS "instrumentId",
            s.instrument_version AS "instrumentVersion", s.total, s.subscales, s.derived
       FROM scores s
       JOIN participants p ON p.id = s.participant_id
       JOIN timepoints t ON t.id = s.timepoint_id
      WHERE s.study_id = $1 AND s.institution_id = $2 AND s.instrument_id = ANY($3)
        AND p.status <> 'withdrawn'${where}
      ORDER BY p.enrolled_at, s.participant_id, t.position, s.session_number`,
    parameters,
  );
  return { study, timepoint, rows };
}

export function groupBy<T>(values: readonly T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const id = key(value);
    const group = groups.get(id);
    if (group) group.push(value);
    else groups.set(id, [value]);
  }
  return groups;
}

export const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);
