import { resolveInstrument } from '../instruments/registry';
import type { Instrument, InstrumentRef } from '../model/instrument.types';
import { scoreInstrument } from './score-instrument';
import type { AnswerMap } from './score-rules';
import type { InstrumentScore } from './score.types';

/**
 * Scores answers for an instrument version given by reference (`{ id, version }`, as stored with the response) or
 * by the instrument itself (e.g. after a text pack was applied). Validate first with `validateAnswers`.
 *
 * @throws UnknownInstrumentError for an unknown reference.
 * @example scoreAnswers({ id: 'gad-7', version: '1.0.0' }, answers).band // 'mild'
 */
export function scoreAnswers(instrument: Instrument | InstrumentRef, answers: AnswerMap): InstrumentScore {
  return scoreInstrument(resolveInstrument(instrument), answers);
}
