import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService, staff } from '../audit/audit.service';
import type { AuthContext } from '../common/current-auth';
import { AppError, type FieldError } from '../common/app-error';
import { TenancyService } from '../database/tenancy.service';
import { InstrumentCatalogService } from '../instruments/instrument-catalog.service';
import { findOwnedStudy, findVisibleStudy } from '../studies/study-access';
import { requireSafetyArrangements } from '../studies/study-safety';
import type { Study } from '../studies/study.entity';
import type { ProtocolDto, PutProtocolDto } from './dto/protocol.dto';
import { TimepointInstrument } from './timepoint-instrument.entity';
import { Timepoint } from './timepoint.entity';

const INSTRUMENT_PROBLEMS = {
  unknown: (id: string, version: string) => `no instrument ${id} version ${version} exists (see GET /api/instruments)`,
  needs_text_pack: (id: string) =>
    `${id} is a licensed instrument: its wording must be imported as a text pack before it can be used in a study`,
  wrong_respondent: (id: string, _version: string, respondent: string) => `${id} is not filled in by the ${respondent}`,
  missing_language: (id: string) => `${id} is not available in every language of the study`,
};

/** A study's protocol: ordered timepoints, each with its instruments and respondents. */
@Injectable()
export class ProtocolService {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly catalog: InstrumentCatalogService,
    private readonly audit: AuditService,
  ) {}

  get(auth: AuthContext, studyId: string): Promise<ProtocolDto> {
    return this.tenancy.run(auth, async (m) => this.read(m, await findVisibleStudy(m, auth, studyId)));
  }

  /**
   * Replaces the protocol. Allowed while the study is a draft, or later as long as no invitation points at a
   * timepoint that would disappear (timepoints are matched by key and keep their ids).
   */
  put(auth: AuthContext, studyId: string, body: PutProtocolDto): Promise<ProtocolDto> {
    return this.tenancy.run(auth, async (m) => {
      const study = await findOwnedStudy(m, auth, studyId);
      if (study.status === 'closed') throw AppError.conflict('study_closed', 'The study is closed');
      await this.validate(m, study, body);
      const existing = await m.find(Timepoint, { where: { studyId: study.id } });
      const keep = new Map(existing.map((timepoint) => [timepoint.key, timepoint]));
      const removed = existing.filter((timepoint) => !body.timepoints.some((t) => t.key === timepoint.key));
      for (const timepoint of removed) {
        // Invitations build on the protocol, so it asks the table rather than importing their module.
        const [{ used }] = (await m.query('SELECT EXISTS (SELECT 1 FROM invitations WHERE timepoint_id = $1) AS used', [
          timepoint.id,
        ])) as { used: boolean }[];
        if (used) {
          throw AppError.conflict(
            'timepoint_in_use',
            `Timepoint "${timepoint.key}" has invitations and cannot be removed`,
          );
        }
      }
      await m.delete(TimepointInstrument, { studyId: study.id });
      if (removed.length > 0) await m.delete(Timepoint, removed.map((timepoint) => timepoint.id));
      // Positions are unique per study only logically; move kept rows out of the way first.
      for (const [index, input] of body.timepoints.entries()) {
        const values = {
          position: index + 1,
          label: input.label,
          kind: input.kind,
          offsetDays: input.kind === 'session' ? null : (input.offsetDays ?? null),
        };
        const current = keep.get(input.key);
        const timepoint = current
          ? (await m.update(Timepoint, current.id, values), current)
          : await m.save(
              m.create(Timepoint, { ...values, key: input.key, studyId: study.id, institutionId: study.institutionId }),
            );
        await m.insert(
          TimepointInstrument,
          input.instruments.map((instrument, position) => ({
            ...instrument,
            position: position + 1,
            timepointId: timepoint.id,
            studyId: study.id,
            institutionId: study.institutionId,
          })),
        );
      }
      // A recruiting study that gains an instrument with risk items needs its safety arrangements now (issue 11).
      if (study.status === 'recruiting') await requireSafetyArrangements(m, study);
      await this.audit.record(m, {
        actor: staff(auth),
        action: 'protocol.replaced',
        target: { type: 'study', id: study.id },
        details: {
          timepoints: body.timepoints.length,
          instruments: body.timepoints.reduce((n, timepoint) => n + timepoint.instruments.length, 0),
        },
      });
      return this.read(m, study);
    });
  }

  private async validate(m: EntityManager, study: Study, body: PutProtocolDto): Promise<void> {
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    for (const [index, timepoint] of body.timepoints.entries()) {
      if (seen.has(timepoint.key)) {
        errors.push({ field: `timepoints.${index}.key`, messages: [`key "${timepoint.key}" is used twice`] });
      }
      seen.add(timepoint.key);
      for (const language of study.languages) {
        if (!timepoint.label[language]) {
          errors.push({ field: `timepoints.${index}.label.${language}`, messages: [`label needs a ${language} text`] });
        }
      }
      if (timepoint.kind === 'session' && timepoint.offsetDays != null) {
        errors.push({ field: `timepoints.${index}.offsetDays`, messages: ['session timepoints have no offsetDays'] });
      }
      const instruments = new Set<string>();
      for (const [position, instrument] of timepoint.instruments.entries()) {
        const id = `${instrument.instrumentId}|${instrument.respondent}`;
        if (instruments.has(id)) {
          errors.push({
            field: `timepoints.${index}.instruments.${position}`,
            messages: [`${instrument.instrumentId} is listed twice for the ${instrument.respondent}`],
          });
        }
        instruments.add(id);
        const problem = await this.catalog.problem(
          m,
          study.institutionId,
          instrument.instrumentId,
          instrument.instrumentVersion,
          instrument.respondent,
          study.languages,
        );
        if (problem) {
          errors.push({
            field: `timepoints.${index}.instruments.${position}`,
            messages: [INSTRUMENT_PROBLEMS[problem](instrument.instrumentId, instrument.instrumentVersion, instrument.respondent)],
          });
        }
      }
    }
    if (errors.length > 0) throw AppError.validation(errors);
  }

  private async read(m: EntityManager, study: Study): Promise<ProtocolDto> {
    const timepoints = await m.find(Timepoint, {
      where: { studyId: study.id },
      relations: { instruments: true },
      order: { position: 'ASC', instruments: { position: 'ASC' } },
    });
    return {
      studyId: study.id,
      timepoints: timepoints.map((timepoint) => ({
        id: timepoint.id,
        position: timepoint.position,
        key: timepoint.key,
        label: timepoint.label,
        kind: timepoint.kind,
        offsetDays: timepoint.offsetDays,
        instruments: (timepoint.instruments ?? []).map((instrument) => ({
          instrumentId: instrument.instrumentId,
          instrumentVersion: instrument.instrumentVersion,
          respondent: instrument.respondent,
        })),
      })),
    };
  }
}
