import { HttpStatus, Injectable } from '@nestjs/common';
import { checkTextPack, type TextPack } from '@klik/survey-model';
import { AuditService, staff } from '../audit/audit.service';
import type { AuthContext } from '../common/current-auth';
import { AppError } from '../common/app-error';
import { TenancyService } from '../database/tenancy.service';
import { InstrumentCatalogService } from '../instruments/instrument-catalog.service';
import { TextPackRecord } from '../instruments/text-pack.entity';
import { TimepointInstrument } from '../protocol/timepoint-instrument.entity';

export interface TextPackSummary {
  id: string;
  instrumentId: string;
  instrumentVersion: string;
  languages: ('nl' | 'en')[];
  source: string;
  createdAt: Date;
}

/** Import of licensed wording: checked against the instrument's structure, stored for the importing institution. */
@Injectable()
export class TextPacksService {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly catalog: InstrumentCatalogService,
    private readonly audit: AuditService,
  ) {}

  list(auth: AuthContext): Promise<TextPackSummary[]> {
    return this.tenancy.run(auth, async (m) => {
      const rows = await m.find(TextPackRecord, {
        where: { institutionId: auth.institutionId },
        order: { instrumentId: 'ASC', instrumentVersion: 'ASC' },
      });
      return rows.map(summary);
    });
  }

  import(auth: AuthContext, body: unknown): Promise<TextPackSummary> {
    const candidate = (body ?? {}) as Partial<TextPack>;
    const instrument =
      typeof candidate.instrumentId === 'string' && typeof candidate.instrumentVersion === 'string'
        ? this.catalog.find(candidate.instrumentId, candidate.instrumentVersion)
        : null;
    if (!instrument) {
      throw AppError.validation(
        [{ field: 'instrumentId', messages: ['instrumentId and instrumentVersion must name a published instrument version'] }],
        'The text pack names no known instrument version',
      );
    }
    if (instrument.textAvailability === 'bundled') {
      throw AppError.conflict('text_pack_not_needed', `${instrument.id} ships with its wording; it needs no text pack`);
    }
    const problems = checkTextPack(instrument, body);
    if (problems.length > 0) {
      throw new AppError(
        HttpStatus.BAD_REQUEST,
        'text_pack_invalid',
        `The text pack does not fit ${instrument.id} ${instrument.version}`,
        [{ field: 'pack', messages: problems }],
      );
    }
    const pack = body as TextPack;
    return this.tenancy.run(auth, async (m) => {
      const exists = await m.exists(TextPackRecord, {
        where: { institutionId: auth.institutionId, instrumentId: instrument.id, instrumentVersion: instrument.version },
      });
      if (exists) {
        throw AppError.conflict('text_pack_exists', `A text pack for ${instrument.id} ${instrument.version} is already imported`);
      }
      const row = await m.save(
        m.create(TextPackRecord, {
          institutionId: auth.institutionId,
          instrumentId: instrument.id,
          instrumentVersion: instrument.version,
          languages: [...pack.languages],
          source: pack.source.slice(0, 500),
          pack: pack as unknown as Record<string, unknown>,
          importedById: auth.userId,
        }),
      );
      await this.audit.record(m, {
        actor: staff(auth),
        action: 'text_pack.imported',
        target: { type: 'text_pack', id: row.id },
        details: { instrumentId: row.instrumentId, instrumentVersion: row.instrumentVersion },
      });
      return summary(row);
    });
  }

  remove(auth: AuthContext, id: string): Promise<void> {
    return this.tenancy.run(auth, async (m) => {
      const row = await m.findOne(TextPackRecord, { where: { id, institutionId: auth.institutionId } });
      if (!row) throw AppError.notFound('Text pack');
      const used = await m.exists(TimepointInstrument, {
        where: { institutionId: auth.institutionId, instrumentId: row.instrumentId, instrumentVersion: row.instrumentVersion },
      });
      if (used) throw AppError.conflict('text_pack_in_use', 'A study protocol uses this instrument; remove it there first');
      await m.delete(TextPackRecord, row.id);
      await this.audit.record(m, {
        actor: staff(auth),
        action: 'text_pack.removed',
        target: { type: 'text_pack', id: row.id },
        details: { instrumentId: row.instrumentId, instrumentVersion: row.instrumentVersion },
      });
    });
  }
}

function summary(row: TextPackRecord): TextPackSummary {
  return {
    id: row.id,
    instrumentId: row.instrumentId,
    instrumentVersion: row.instrumentVersion,
    languages: row.languages,
    source: row.source,
    createdAt: row.createdAt,
  };
}
