import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { AuthContext } from '../common/current-auth';
import { Cohort } from '../studies/cohort.entity';
import { AppError } from '../common/app-error';
import { SqlConditions } from '../database/sql-conditions';
import { TenancyService } from '../database/tenancy.service';
import { dueAfterDays } from '../messaging/schedules.service';
import { TimepointSchedule } from '../messaging/timepoint-schedule.entity';
import { Participant } from '../participants/participant.entity';
import { Timepoint } from '../protocol/timepoint.entity';
import { findOwnCohort, findVisibleStudy } from '../studies/study-access';
import { type ConsentStanding, participantConsentStanding } from '../take/consent-standing';
import { consentSummary } from './consent-summary';
import type { MonitoringCountsDto, MonitoringDto, MonitoringQuery } from './dto/monitoring.dto';
import type { TimelineDto } from './dto/timeline.dto';
import { buildTimeline } from './participant-timeline';

const DAY_MS = 86_400_000;

/** The latest invitation of one participant, timepoint and session number, with what happened on it. */
interface UnitRow {
  participant_id: string;
  cohort_id: string;
  timepoint_id: string;
  status: string;
  created_at: Date;
  expires_at: Date;
  opened: boolean;
  answered: boolean;
}

const emptyCounts = (participants: number): MonitoringCountsDto => ({
  participants,
  invited: 0,
  opened: 0,
  started: 0,
  completed: 0,
  startedNotFinished: 0,
  overdue: 0,
  completionRate: null,
});

/**
 * Response monitoring: per timepoint and cohort, how far the invited participants got; and one participant's
 * timeline. The caller's institution's participants only (row-level security and explicit filters); a
 * practitioner sees their own clients.
 */
@Injectable()
export class MonitoringService {
  constructor(private readonly tenancy: TenancyService) {}

  monitoring(
    auth: AuthContext,
    studyId: string,
    query: MonitoringQuery,
    now = new Date(),
  ): Promise<MonitoringDto> {
    return this.tenancy.run(auth, async (m) => {
      const study = await findVisibleStudy(m, auth, studyId);
      if (query.cohortId) await findOwnCohort(m, auth, study.id, query.cohortId);
      const timepoints = await m.find(Timepoint, {
        where: { studyId: study.id, ...(query.timepointId ? { id: query.timepointId } : {}) },
        order: { position: 'ASC' },
      });
      if (query.timepointId && timepoints.length === 0) throw AppError.notFound('Timepoint');
      const cohorts = await m.find(Cohort, {
        where: {
          studyId: study.id,
          institutionId: auth.institutionId,
          ...(query.cohortId ? { id: query.cohortId } : {}),
        },
        order: { name: 'ASC' },
      });
      const practitionerId = auth.role === 'practitioner' ? auth.userId : undefined;
      const eligible = new SqlConditions([study.id, auth.institutionId])
        .when(query.cohortId, 'cohort_id = ?', query.cohortId)
        .when(practitionerId, 'practitioner_id = ?', practitionerId);
      const participants = (await m.query(
        `SELECT id, cohort_id AS "cohortId" FROM eligible_participants
          WHERE study_id = $1 AND institution_id = $2${eligible.sql}`,
        eligible.params,
      )) as { id: string; cohortId: string }[];
      const perCohort = new Map<string, number>();
      for (const participant of participants)
        perCohort.set(participant.cohortId, (perCohort.get(participant.cohortId) ?? 0) + 1);
      const schedules = timepoints.length
        ? await m.find(TimepointSchedule, {
            where: { timepointId: In(timepoints.map((timepoint) => timepoint.id)) },
          })
        : [];
      const scheduleOf = new Map(schedules.map((schedule) => [schedule.timepointId, schedule]));
      const units = await this.latestInvitations(m, auth, study.id, { ...query, practitionerId });
      const consent = await consentSummary(
        m,
        { studyId: study.id, institutionId: auth.institutionId, cohortId: query.cohortId, practitionerId },
        participants.map((participant) => participant.id),
      );

      return {
        studyId: study.id,
        asOf: now,
        timepoints: timepoints.map((timepoint) => {
          const schedule = scheduleOf.get(timepoint.id);
          const dueOf = (unit: UnitRow) =>
            schedule
              ? new Date(new Date(unit.created_at).getTime() + dueAfterDays(schedule) * DAY_MS)
              : new Date(unit.expires_at);
          const own = units.filter((unit) => unit.timepoint_id === timepoint.id);
          const rows = cohorts.map((cohort) => ({
            cohortId: cohort.id,
            cohortName: cohort.name,
            ...count(
              own.filter((unit) => unit.cohort_id === cohort.id),
              perCohort.get(cohort.id) ?? 0,
              dueOf,
              now,
            ),
          }));
          return {
            timepointId: timepoint.id,
            key: timepoint.key,
            label: timepoint.label,
            kind: timepoint.kind,
            position: timepoint.position,
            dueRule: schedule ? ('schedule' as const) : ('expiry' as const),
            cohorts: rows,
            total: count(
              own.filter((unit) => cohorts.some((cohort) => cohort.id === unit.cohort_id)),
              rows.reduce((sum, row) => sum + row.participants, 0),
              dueOf,
              now,
            ),
          };
        }),
        consent,
      };
    });
  }

  timeline(auth: AuthContext, studyId: string, participantId: string): Promise<TimelineDto> {
    return this.tenancy.run(auth, async (m) => {
      const study = await findVisibleStudy(m, auth, studyId);
      const participant = await m.findOne(Participant, {
        where: { id: participantId, studyId: study.id, institutionId: auth.institutionId },
      });
      if (!participant || (auth.role === 'practitioner' && participant.practitionerId !== auth.userId)) {
        throw AppError.notFound('Participant');
      }
      return {
        participantId: participant.id,
        code: participant.code,
        status: participant.status,
        cohortId: participant.cohortId,
        consent: timelineConsent(await participantConsentStanding(m, participant.id, study.id)),
        events: await buildTimeline(m, study.id, participant),
      };
    });
  }

  /** One row per participant, timepoint and session number: its latest invitation (active participants only). */
  private async latestInvitations(
    m: EntityManager,
    auth: AuthContext,
    studyId: string,
    filter: { cohortId?: string; timepointId?: string; practitionerId?: string },
  ): Promise<UnitRow[]> {
    const where = new SqlConditions([studyId, auth.institutionId])
      .when(filter.cohortId, 'p.cohort_id = ?', filter.cohortId)
      .when(filter.timepointId, 'i.timepoint_id = ?', filter.timepointId)
      .when(filter.practitionerId, 'p.practitioner_id = ?', filter.practitionerId);
    return (await m.query(
      `SELECT DISTINCT ON (i.participant_id, i.timepoint_id, COALESCE(i.session_number, 0))
              i.participant_id, p.cohort_id, i.timepoint_id, i.status, i.created_at, i.expires_at,
              (EXISTS (SELECT 1 FROM participant_sessions s WHERE s.invitation_id = i.id)
               OR EXISTS (SELECT 1 FROM consent_records c WHERE c.invitation_id = i.id)) AS opened,
              EXISTS (SELECT 1 FROM responses r WHERE r.invitation_id = i.id) AS answered
         FROM invitations i
         JOIN eligible_participants p ON p.id = i.participant_id
        WHERE i.study_id = $1 AND i.institution_id = $2${where.sql}
        ORDER BY i.participant_id, i.timepoint_id, COALESCE(i.session_number, 0), i.created_at DESC`,
      where.params,
    )) as UnitRow[];
  }
}

/** A participant's consent standing as the timeline shows it. */
function timelineConsent(standing: ConsentStanding): TimelineDto['consent'] {
  if (standing.kind === 'none') return { status: 'none', version: null, consentedAt: null, renewalVersion: null };
  return {
    status: standing.kind,
    version: standing.version,
    consentedAt: standing.decidedAt,
    renewalVersion: standing.kind === 'renewal_required' ? standing.renewalVersion : null,
  };
}

/** The counts of one cell; a unit whose latest link was revoked is not invited. */
function count(
  units: UnitRow[],
  participants: number,
  dueOf: (unit: UnitRow) => Date,
  now: Date,
): MonitoringCountsDto {
  const counts = emptyCounts(participants);
  for (const unit of units) {
    if (unit.status === 'revoked') continue;
    const completed = unit.status === 'completed';
    const started = completed || unit.status === 'started' || unit.answered;
    counts.invited++;
    if (started || unit.opened) counts.opened++;
    if (started) counts.started++;
    if (completed) counts.completed++;
    if (started && !completed) counts.startedNotFinished++;
    if (!completed && dueOf(unit).getTime() < now.getTime()) counts.overdue++;
  }
  counts.completionRate = counts.invited > 0 ? counts.completed / counts.invited : null;
  return counts;
}
