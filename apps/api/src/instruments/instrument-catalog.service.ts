import { Injectable } from '@nestjs/common';
import {
  applyTextPack,
  getInstrument,
  type Instrument,
  isUsableInStudy,
  listInstruments,
  UnknownInstrumentError,
} from '@klik/survey-model';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../common/current-auth';
import { TenancyService } from '../database/tenancy.service';
import type { InstrumentSummaryDto } from './dto/instrument.dto';
import { TextPackRecord } from './text-pack.entity';

export type InstrumentProblem = 'unknown' | 'needs_text_pack' | 'wrong_respondent' | 'missing_language';

/**
 * The API's view of the instrument library (libs/survey-model): which versions exist, and which can be put in a
 * study: bundled ones always, licensed ones once the study owner has imported a fitting text pack.
 */
@Injectable()
export class InstrumentCatalogService {
  constructor(private readonly tenancy: TenancyService) {}

  find(id: string, version: string): Instrument | null {
    try {
      return getInstrument(id, version);
    } catch (error) {
      if (error instanceof UnknownInstrumentError) return null;
      throw error;
    }
  }

  /**
   * The instrument as shown in a study: bundled, or with the owner's text pack applied. Runs in the caller's
   * tenant transaction (the owner, or an institution with a cohort in the study).
   * @throws Error when the instrument cannot be shown (a protocol can only hold usable instruments).
   */
  async forStudy(m: EntityManager, studyId: string, id: string, version: string): Promise<Instrument> {
    const instrument = this.find(id, version);
    if (instrument && instrument.textAvailability === 'bundled') return instrument;
    if (instrument) {
      const [row] = (await m.query('SELECT klik_study_text_pack($1, $2, $3) AS pack', [studyId, id, version])) as {
        pack: unknown;
      }[];
      if (row?.pack) return applyTextPack(instrument, row.pack);
    }
    throw new Error(`instrument ${id}@${version} of study ${studyId} cannot be shown`);
  }

  /** Why the active institution cannot put this instrument version in its study, or null when it can. */
  async problem(
    m: EntityManager,
    institutionId: string,
    id: string,
    version: string,
    respondent: 'client' | 'practitioner',
    languages: readonly ('nl' | 'en')[],
  ): Promise<InstrumentProblem | null> {
    const instrument = this.find(id, version);
    if (!instrument) return 'unknown';
    if (instrument.respondent !== respondent) return 'wrong_respondent';
    const pack =
      instrument.textAvailability === 'bundled'
        ? null
        : await m.findOne(TextPackRecord, { where: { institutionId, instrumentId: id, instrumentVersion: version } });
    if (!isUsableInStudy(instrument, pack ? [pack.pack] : [])) return 'needs_text_pack';
    const available = pack?.languages ?? instrument.languages;
    return languages.every((language) => available.includes(language)) ? null : 'missing_language';
  }

  /** Every published instrument version, and whether the active institution can put it in a study. */
  summaries(auth: AuthContext): Promise<InstrumentSummaryDto[]> {
    return this.tenancy.run(auth, async (m) => {
      const packs = await m.find(TextPackRecord, {
        where: { institutionId: auth.institutionId },
        select: { instrumentId: true, instrumentVersion: true, pack: true },
      });
      return this.list().map((instrument) => ({
        id: instrument.id,
        version: instrument.version,
        name: instrument.name,
        respondent: instrument.respondent,
        languages: [...instrument.languages],
        licence: instrument.licence.spdx,
        usable: isUsableInStudy(
          instrument,
          packs
            .filter((row) => row.instrumentId === instrument.id && row.instrumentVersion === instrument.version)
            .map((row) => row.pack),
        ),
      }));
    });
  }

  list(): readonly Instrument[] {
    return listInstruments({ allVersions: true });
  }
}
