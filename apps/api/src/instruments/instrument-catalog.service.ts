import { Injectable } from '@nestjs/common';
import { getInstrument, type Instrument, listInstruments, UnknownInstrumentError } from '@klik/survey-model';

export type InstrumentProblem = 'unknown' | 'needs_text_pack' | 'wrong_respondent';

/**
 * The API's view of the instrument library (libs/survey-model): which instrument versions exist and can be put
 * in a study. Licensed instruments without an imported text pack cannot (text-pack import is a later feature).
 */
@Injectable()
export class InstrumentCatalogService {
  find(id: string, version: string): Instrument | null {
    try {
      return getInstrument(id, version);
    } catch (error) {
      if (error instanceof UnknownInstrumentError) return null;
      throw error;
    }
  }

  /** Instruments that can be shown: a bundled definition in the instrument's languages. */
  usable(id: string, version: string): Instrument {
    const instrument = this.find(id, version);
    if (!instrument || instrument.textAvailability !== 'bundled' || !instrument.survey) {
      throw new Error(`instrument ${id}@${version} cannot be shown`);
    }
    return instrument;
  }

  /** Why an instrument version cannot be used for this respondent, or null when it can. */
  problem(id: string, version: string, respondent: 'client' | 'practitioner'): InstrumentProblem | null {
    const instrument = this.find(id, version);
    if (!instrument) return 'unknown';
    if (instrument.textAvailability !== 'bundled') return 'needs_text_pack';
    if (instrument.respondent !== respondent) return 'wrong_respondent';
    return null;
  }

  list(): readonly Instrument[] {
    return listInstruments({ allVersions: true });
  }
}
