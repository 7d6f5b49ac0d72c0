import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../common/current-auth';
import { Cohort } from '../studies/cohort.entity';
import { AppError } from '../common/app-error';
import { Membership } from '../institutions/membership.entity';
import { Timepoint } from '../protocol/timepoint.entity';
import type { Study } from '../studies/study.entity';
import { SqlConditions } from '../database/sql-conditions';
import { findVisibleStudy } from '../studies/study-access';
import type { ScoreRow, ScoreRowDetails } from './analysis-variables';
import type { AnalysisFilterQuery } from './dto/analysis-query.dto';

export interface LoadScoresOptions {
  /**
   * How `timepointId` applies: `only` keeps the scores of that timepoint (the default); `post` keeps them plus
   * every baseline score, for the analyses that compare baseline with a chosen later measure (change, alerts).
   */
  timepoint?: 'only' | 'post';
  /** Read `subscales` and `derived` (default true); without them they are empty objects. */
  json?: boolean;
}

export interface LoadedScores<Row = ScoreRow> {
  study: Study;
  /** The filter's timepoint, when one was given (checked to be the study's). */
  timepoint: Timepoint | null;
  rows: Row[];
}

export interface ResolvedFilter {
  study: Study;
  timepoint: Timepoint | null;
  /** The practitioner whose clients are kept: the caller when a practitioner, else the filter's, else none. */
  practitionerId: string | null;
}

/**
 * Checks the filter's ids against what the caller may see: a study, cohort, timepoint or practitioner that is not
 * there (or another institution's) answers 404, as the study does.
 */
export async function resolveFilter(
  m: EntityManager,
  auth: AuthContext,
  studyId: string,
  filter: AnalysisFilterQuery,
): Promise<ResolvedFilter> {
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
  const practitionerId = auth.role === 'practitioner' ? auth.userId : (filter.practitionerId ?? null);
  return { study, timepoint, practitionerId };
}

/**
 * The filters as SQL conditions, on a row source aliased `x` (scores or responses, which share the column names)
 * joined with `eligible_participants p` (withdrawn participants are never there) and timepoints `t`.
 */
export function filterConditions(
  resolved: ResolvedFilter,
  filter: AnalysisFilterQuery,
  fixedParams: readonly unknown[],
  timepointMode: 'only' | 'post' = 'only',
): SqlConditions {
  return new SqlConditions(fixedParams)
    .when(filter.cohortId, 'p.cohort_id = ?', filter.cohortId)
    .when(resolved.practitionerId, 'p.practitioner_id = ?', resolved.practitionerId)
    .when(filter.instrumentVersion, 'x.instrument_version = ?', filter.instrumentVersion)
    .when(
      resolved.timepoint,
      timepointMode === 'post' ? "(x.timepoint_id = ? OR t.kind = 'baseline')" : 'x.timepoint_id = ?',
      resolved.timepoint?.id,
    );
}

/**
 * Score rows of a study's participants of the caller's institution, with every filter of {@link AnalysisFilterQuery}
 * applied; withdrawn participants are never included (under either withdrawal policy). A study, cohort, timepoint or
 * practitioner that the caller cannot see answers 404. Runs on the caller's tenant transaction `m`, so row-level
 * security applies as well; a practitioner always gets only their own clients, whatever `practitionerId` says.
 * Rows come per client (in no meaningful client order) in protocol order: timepoint position, then session number.
 */
export function loadScores(
  m: EntityManager,
  auth: AuthContext,
  studyId: string,
  filter: AnalysisFilterQuery,
  instrumentIds: readonly string[],
  options: LoadScoresOptions = {},
): Promise<LoadedScores> {
  return queryScores(m, auth, studyId, filter, instrumentIds, options, false);
}

/** {@link loadScores} with the {@link ScoreRowDetails} columns too (cohort, response, timepoint id and key, version). */
export function loadDetailedScores(
  m: EntityManager,
  auth: AuthContext,
  studyId: string,
  filter: AnalysisFilterQuery,
  instrumentIds: readonly string[],
  options: LoadScoresOptions = {},
): Promise<LoadedScores<ScoreRow & ScoreRowDetails>> {
  return queryScores(m, auth, studyId, filter, instrumentIds, options, true);
}

async function queryScores<Row extends ScoreRow>(
  m: EntityManager,
  auth: AuthContext,
  studyId: string,
  filter: AnalysisFilterQuery,
  instrumentIds: readonly string[],
  options: LoadScoresOptions,
  details: boolean,
): Promise<LoadedScores<Row>> {
  const resolved = await resolveFilter(m, auth, studyId, filter);
  const where = filterConditions(
    resolved,
    filter,
    [resolved.study.id, auth.institutionId, instrumentIds],
    options.timepoint,
  );
  const json = options.json ?? true;
  const columns = [
    'x.participant_id AS "participantId"',
    'x.timepoint_id AS "timepointId"',
    't.position AS "timepointPosition"',
    't.kind AS "timepointKind"',
    'x.session_number AS "sessionNumber"',
    'x.instrument_id AS "instrumentId"',
    'x.instrument_version AS "instrumentVersion"',
    'x.total',
    ...(json ? ['x.subscales', 'x.derived'] : []),
    ...(details ? ['p.cohort_id AS "cohortId"', 'x.response_id AS "responseId"', 't.key AS "timepointKey"'] : []),
  ];
  const rows: Row[] = await m.query(
    `SELECT ${columns.join(', ')}
       FROM scores x
       JOIN eligible_participants p ON p.id = x.participant_id
       JOIN timepoints t ON t.id = x.timepoint_id
      WHERE x.study_id = $1 AND x.institution_id = $2 AND x.instrument_id = ANY($3)${where.sql}
      ORDER BY x.participant_id, t.position, x.session_number`,
    where.params,
  );
  if (!json) {
    for (const row of rows) {
      row.subscales = {};
      row.derived = {};
    }
  }
  return { study: resolved.study, timepoint: resolved.timepoint, rows };
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
