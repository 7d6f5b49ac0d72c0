import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context';
import { Cohort } from '../cohorts/cohort.entity';
import { AppError } from '../common/app-error';
import { Membership } from '../institutions/membership.entity';
import { Timepoint } from '../protocol/timepoint.entity';
import type { Study } from '../studies/study.entity';
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
 * SQL conditions (appended with AND) for the filters, on a row source aliased `x` (scores or responses, which share
 * the column names) joined with participants `p` and timepoints `t`; values are pushed onto `parameters`. Withdrawn
 * participants are always left out.
 */
export function filterConditions(
  resolved: ResolvedFilter,
  filter: AnalysisFilterQuery,
  parameters: unknown[],
  timepointMode: 'only' | 'post' = 'only',
): string {
  let where = " AND p.status <> 'withdrawn'";
  const add = (clause: string, value: unknown) => {
    parameters.push(value);
    where += ` AND ${clause.replace('?', `$${parameters.length}`)}`;
  };
  if (filter.cohortId) add('p.cohort_id = ?', filter.cohortId);
  if (resolved.practitionerId) add('p.practitioner_id = ?', resolved.practitionerId);
  if (filter.instrumentVersion) add('x.instrument_version = ?', filter.instrumentVersion);
  if (resolved.timepoint) {
    add(
      timepointMode === 'post' ? "(x.timepoint_id = ? OR t.kind = 'baseline')" : 'x.timepoint_id = ?',
      resolved.timepoint.id,
    );
  }
  return where;
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
  const parameters: unknown[] = [resolved.study.id, auth.institutionId, instrumentIds];
  const where = filterConditions(resolved, filter, parameters, options.timepoint);
  const json = options.json ?? true;
  const columns = [
    'x.participant_id AS "participantId"',
    't.position AS "timepointPosition"',
    't.kind AS "timepointKind"',
    'x.session_number AS "sessionNumber"',
    'x.instrument_id AS "instrumentId"',
    'x.total',
    ...(json ? ['x.subscales', 'x.derived'] : []),
    ...(details
      ? [
          'p.cohort_id AS "cohortId"',
          'x.response_id AS "responseId"',
          'x.timepoint_id AS "timepointId"',
          't.key AS "timepointKey"',
          'x.instrument_version AS "instrumentVersion"',
        ]
      : []),
  ];
  const rows: Row[] = await m.query(
    `SELECT ${columns.join(', ')}
       FROM scores x
       JOIN participants p ON p.id = x.participant_id
       JOIN timepoints t ON t.id = x.timepoint_id
      WHERE x.study_id = $1 AND x.institution_id = $2 AND x.instrument_id = ANY($3)${where}
      ORDER BY x.participant_id, t.position, x.session_number`,
    parameters,
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
