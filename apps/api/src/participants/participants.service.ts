import { HttpStatus, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { AuditService, staff } from '../audit/audit.service';
import type { AuthContext } from '../common/current-auth';
import { Cohort } from '../studies/cohort.entity';
import { AppError } from '../common/app-error';
import { TenancyService } from '../database/tenancy.service';
import { Membership } from '../institutions/membership.entity';
import { findOwnCohort, findVisibleStudy } from '../studies/study-access';
import type { Study } from '../studies/study.entity';
import { User } from '../users/user.entity';
import type { CreateParticipantDto, ParticipantDto } from './dto/participant.dto';
import { CODE_PATTERN, CODE_RULE } from './dto/participant.dto';
import { type CsvRowError, parseEnrolmentCsv } from './enrolment-csv';
import { findOwnParticipant } from './participant-access';
import { Participant, type ParticipantAttributes } from './participant.entity';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Enrolment of participants under pseudonymous codes, one by one or from a CSV (all or nothing). */
@Injectable()
export class ParticipantsService {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly audit: AuditService,
  ) {}

  list(auth: AuthContext, studyId: string, page: { limit: number; offset: number }) {
    return this.tenancy.run(auth, async (m) => {
      const study = await findVisibleStudy(m, auth, studyId);
      const where = { studyId: study.id, institutionId: auth.institutionId };
      const [rows, total] = await m.findAndCount(Participant, {
        where: auth.role === 'practitioner' ? { ...where, practitionerId: auth.userId } : where,
        order: { enrolledAt: 'ASC', code: 'ASC' },
        take: page.limit,
        skip: page.offset,
      });
      return { items: rows.map(toDto), total };
    });
  }

  get(auth: AuthContext, studyId: string, participantId: string): Promise<ParticipantDto> {
    return this.tenancy.run(auth, async (m) => toDto(await findOwnParticipant(m, auth, studyId, participantId)));
  }

  create(auth: AuthContext, studyId: string, body: CreateParticipantDto): Promise<ParticipantDto> {
    return this.tenancy.run(auth, async (m) => {
      const study = await this.openStudy(m, auth, studyId);
      const cohort = await findOwnCohort(m, auth, study.id, body.cohortId).catch(() => {
        throw AppError.validation([{ field: 'cohortId', messages: ['cohortId names no cohort of your institution in this study'] }]);
      });
      if (body.practitionerId && !(await this.isPractitioner(m, auth, body.practitionerId))) {
        throw AppError.validation([{ field: 'practitionerId', messages: ['practitionerId names no practitioner of your institution'] }]);
      }
      const code = body.code ?? (await this.freshCodes(m, study.id, 1))[0];
      if (await m.exists(Participant, { where: { studyId: study.id, code } })) {
        throw AppError.conflict('code_taken', `The study already has a participant with code ${code}`);
      }
      const participant = await m.save(
        m.create(Participant, {
          institutionId: auth.institutionId,
          studyId: study.id,
          cohortId: cohort.id,
          code,
          practitionerId: body.practitionerId ?? null,
          attributes: cleanAttributes(body.attributes ?? {}),
          createdById: auth.userId,
        }),
      );
      await this.audit.record(m, {
        actor: staff(auth),
        action: 'participant.enrolled',
        target: { type: 'participant', id: participant.id },
        details: { studyId: study.id, cohortId: cohort.id },
      });
      return toDto(participant);
    });
  }

  /** Enrols every row of the CSV, or none: any bad row makes a 400 listing each problem by row and column. */
  importCsv(auth: AuthContext, studyId: string, file: Buffer): Promise<ParticipantDto[]> {
    return this.tenancy.run(auth, async (m) => {
      const study = await this.openStudy(m, auth, studyId);
      const parsed = parseEnrolmentCsv(file);
      if (!parsed.ok) throw csvError(parsed.message, parsed.errors);

      const cohorts = await m.find(Cohort, { where: { studyId: study.id, institutionId: auth.institutionId } });
      const cohortByKey = new Map<string, Cohort>();
      for (const cohort of cohorts) {
        cohortByKey.set(cohort.name.toLowerCase(), cohort);
        cohortByKey.set(cohort.id, cohort);
      }
      const practitioners = await this.practitionersByEmail(m, auth);
      const wantedCodes = parsed.rows.map((row) => row.code).filter((code): code is string => code !== null);
      const taken = new Set(
        wantedCodes.length === 0
          ? []
          : (await m.find(Participant, { where: { studyId: study.id, code: In(wantedCodes) }, select: { code: true } })).map(
              (p) => p.code,
            ),
      );

      const errors: CsvRowError[] = [];
      const seen = new Map<string, number>();
      for (const row of parsed.rows) {
        if (row.code !== null) {
          if (!CODE_PATTERN.test(row.code)) errors.push({ row: row.row, column: 'code', reason: CODE_RULE });
          else if (taken.has(row.code)) errors.push({ row: row.row, column: 'code', reason: `code ${row.code} is already enrolled` });
          else if (seen.has(row.code)) {
            errors.push({ row: row.row, column: 'code', reason: `code ${row.code} also appears on row ${seen.get(row.code)}` });
          }
          seen.set(row.code, row.row);
        }
        if (!row.cohort) errors.push({ row: row.row, column: 'cohort', reason: 'cohort is empty' });
        else if (!cohortByKey.has(row.cohort.toLowerCase())) {
          errors.push({ row: row.row, column: 'cohort', reason: `no cohort "${row.cohort}" of your institution in this study` });
        }
        if (row.practitionerEmail && !practitioners.has(row.practitionerEmail)) {
          errors.push({
            row: row.row,
            column: 'practitioner_email',
            reason: `${row.practitionerEmail} is not a practitioner of your institution`,
          });
        }
      }
      if (errors.length > 0) throw csvError('Nothing was enrolled: fix these rows and upload the file again.', errors);

      const generated = await this.freshCodes(m, study.id, parsed.rows.filter((row) => row.code === null).length, seen);
      const values = parsed.rows.map((row) => ({
        institutionId: auth.institutionId,
        studyId: study.id,
        cohortId: (cohortByKey.get(row.cohort.toLowerCase()) as Cohort).id,
        code: row.code ?? (generated.pop() as string),
        practitionerId: row.practitionerEmail ? (practitioners.get(row.practitionerEmail) as string) : null,
        attributes: cleanAttributes({ age_band: row.ageBand ?? undefined, gender: row.gender ?? undefined }),
        createdById: auth.userId,
      }));
      const created: Participant[] = [];
      for (let i = 0; i < values.length; i += 500) {
        created.push(...(await m.save(Participant, values.slice(i, i + 500).map((value) => m.create(Participant, value)))));
      }
      await this.audit.record(m, {
        actor: staff(auth),
        action: 'participants.imported',
        target: { type: 'study', id: study.id },
        details: { count: created.length },
      });
      return created.map(toDto);
    });
  }

  private async openStudy(m: EntityManager, auth: AuthContext, studyId: string): Promise<Study> {
    const study = await findVisibleStudy(m, auth, studyId);
    if (study.status === 'closed') throw AppError.conflict('study_closed', 'The study is closed to enrolment');
    return study;
  }

  private async isPractitioner(m: EntityManager, auth: AuthContext, userId: string): Promise<boolean> {
    return m.exists(Membership, { where: { userId, institutionId: auth.institutionId, role: 'practitioner' } });
  }

  private async practitionersByEmail(m: EntityManager, auth: AuthContext): Promise<Map<string, string>> {
    const rows = await m
      .createQueryBuilder(Membership, 'membership')
      .innerJoin(User, 'user', 'user.id = membership.user_id')
      .select(['user.id AS "id"', 'user.email AS "email"'])
      .where('membership.institution_id = :institutionId AND membership.role = :role', {
        institutionId: auth.institutionId,
        role: 'practitioner',
      })
      .getRawMany<{ id: string; email: string }>();
    return new Map(rows.map((row) => [row.email, row.id]));
  }

  /** Random codes like P-7K3M9QX2 (40 bits), unique in the study and not in `reserved`. */
  private async freshCodes(
    m: EntityManager,
    studyId: string,
    count: number,
    reserved = new Map<string, number>(),
  ): Promise<string[]> {
    const codes = new Set<string>();
    while (codes.size < count) {
      let code = 'P-';
      for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
      if (!reserved.has(code)) codes.add(code);
    }
    const list = [...codes];
    if (list.length > 0) {
      const clash = await m.exists(Participant, { where: { studyId, code: In(list) } });
      if (clash) return this.freshCodes(m, studyId, count, reserved);
    }
    return list;
  }
}

function csvError(message: string, rows: CsvRowError[]): AppError {
  return new AppError(
    HttpStatus.BAD_REQUEST,
    'csv_invalid',
    message,
    rows.map((row) => ({ field: row.row > 0 ? `row ${row.row}: ${row.column}` : row.column, messages: [row.reason] })),
    { rows },
  );
}

/** Only the known keys, and only those with a value (the DTO and the CSV parser have checked the values). */
function cleanAttributes(attributes: ParticipantAttributes): ParticipantAttributes {
  const clean: ParticipantAttributes = {};
  if (attributes.age_band) clean.age_band = attributes.age_band;
  if (attributes.gender) clean.gender = attributes.gender;
  return clean;
}

function toDto(participant: Participant): ParticipantDto {
  return {
    id: participant.id,
    studyId: participant.studyId,
    cohortId: participant.cohortId,
    code: participant.code,
    practitionerId: participant.practitionerId,
    status: participant.status,
    enrolledAt: participant.enrolledAt,
    attributes: (participant.attributes ?? {}) as ParticipantDto['attributes'],
  };
}
