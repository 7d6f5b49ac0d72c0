import { AuditService, staff } from '../audit/audit.service';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../common/current-auth';
import { AppError, type FieldError } from '../common/app-error';
import { TenancyService } from '../database/tenancy.service';
import { Timepoint } from '../protocol/timepoint.entity';
import { findOwnedStudy, findVisibleStudy } from '../studies/study-access';
import type { PutScheduleDto, ScheduleDto } from './dto/schedule.dto';
import { TimepointSchedule } from './timepoint-schedule.entity';

export const DEFAULT_EXPIRES_IN_DAYS = 30;

/** Days after the invitation at which an unfinished timepoint is overdue (see docs/monitoring.md). */
export function dueAfterDays(
  schedule: Pick<TimepointSchedule, 'dueAfterDays' | 'reminderDays' | 'expiresInDays'>,
): number {
  return schedule.dueAfterDays ?? schedule.reminderDays.at(-1) ?? schedule.expiresInDays;
}

/** E-mail schedules per timepoint: read by every institution in the study, written by the owner's researchers. */
@Injectable()
export class SchedulesService {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly audit: AuditService,
  ) {}

  get(auth: AuthContext, studyId: string, timepointId: string): Promise<ScheduleDto> {
    return this.tenancy.run(auth, async (m) => {
      const study = await findVisibleStudy(m, auth, studyId);
      const timepoint = await findTimepoint(m, study.id, timepointId);
      const schedule = await m.findOne(TimepointSchedule, { where: { timepointId: timepoint.id } });
      return schedule ? toDto(schedule) : defaultSchedule(timepoint);
    });
  }

  put(auth: AuthContext, studyId: string, timepointId: string, body: PutScheduleDto): Promise<ScheduleDto> {
    return this.tenancy.run(auth, async (m) => {
      const study = await findOwnedStudy(m, auth, studyId);
      const timepoint = await findTimepoint(m, study.id, timepointId);
      if (timepoint.kind === 'session') {
        throw AppError.conflict(
          'session_timepoint',
          'Session timepoints follow the sessions, not the calendar: make their links per session instead',
        );
      }
      const expiresInDays = body.expiresInDays ?? DEFAULT_EXPIRES_IN_DAYS;
      const errors: FieldError[] = [];
      body.reminderDays.forEach((day, index) => {
        if (index > 0 && day <= body.reminderDays[index - 1]) {
          errors.push({ field: `reminderDays.${index}`, messages: ['reminderDays must increase'] });
        }
        if (day >= expiresInDays) {
          errors.push({
            field: `reminderDays.${index}`,
            messages: [`a reminder must go out before the link expires (day ${expiresInDays})`],
          });
        }
      });
      if (errors.length > 0) throw AppError.validation(errors);
      const existing = await m.findOne(TimepointSchedule, { where: { timepointId: timepoint.id } });
      const saved = await m.save(TimepointSchedule, {
        ...(existing ?? { institutionId: study.institutionId, studyId: study.id, timepointId: timepoint.id }),
        enabled: body.enabled,
        inviteOffsetDays: body.inviteOffsetDays,
        reminderDays: body.reminderDays,
        expiresInDays,
        dueAfterDays: body.dueAfterDays ?? null,
        updatedById: auth.userId,
      });
      await this.audit.record(m, {
        actor: staff(auth),
        action: 'schedule.updated',
        target: { type: 'timepoint', id: timepoint.id },
        details: {
          studyId: study.id,
          enabled: body.enabled,
          inviteOffsetDays: body.inviteOffsetDays,
          reminderDays: body.reminderDays,
          expiresInDays,
        },
      });
      return toDto(await m.findOneOrFail(TimepointSchedule, { where: { id: saved.id } }));
    });
  }
}

async function findTimepoint(m: EntityManager, studyId: string, timepointId: string): Promise<Timepoint> {
  const timepoint = await m.findOne(Timepoint, { where: { id: timepointId, studyId } });
  if (!timepoint) throw AppError.notFound('Timepoint');
  return timepoint;
}

function defaultSchedule(timepoint: Timepoint): ScheduleDto {
  const schedule = { dueAfterDays: null, reminderDays: [], expiresInDays: DEFAULT_EXPIRES_IN_DAYS };
  return {
    timepointId: timepoint.id,
    enabled: false,
    inviteOffsetDays: timepoint.offsetDays ?? 0,
    ...schedule,
    effectiveDueAfterDays: dueAfterDays(schedule),
    updatedAt: null,
  };
}

function toDto(schedule: TimepointSchedule): ScheduleDto {
  return {
    timepointId: schedule.timepointId,
    enabled: schedule.enabled,
    inviteOffsetDays: schedule.inviteOffsetDays,
    reminderDays: schedule.reminderDays,
    expiresInDays: schedule.expiresInDays,
    dueAfterDays: schedule.dueAfterDays,
    effectiveDueAfterDays: dueAfterDays(schedule),
    updatedAt: schedule.updatedAt,
  };
}
