import { getInstrument, type Instrument, validateAnswers } from '@klik/survey-model';

/**
 * A complete, valid answer set for an instrument, varied by `seed`: every non-text item gets a value of its scale
 * or options, then answers to questions that the branching hides are dropped (as a participant could not give
 * them) until survey-core accepts the whole.
 */
export function validAnswers(instrumentId: string, seed = 0, version = '1.0.0'): Record<string, unknown> {
  const instrument: Instrument = getInstrument(instrumentId, version);
  const answers: Record<string, unknown> = {};
  instrument.items.forEach((item, index) => {
    const pick = seed + index;
    if (item.kind === 'scale') {
      const scale = instrument.scales.find((candidate) => candidate.id === item.scale) ?? instrument.scales[0];
      const steps = Math.round((scale.max - scale.min) / (scale.step ?? 1)) + 1;
      answers[item.id] = scale.min + (pick % steps) * (scale.step ?? 1);
    } else if (item.kind === 'single') {
      answers[item.id] = item.options[pick % item.options.length];
    } else if (item.kind === 'multi') {
      answers[item.id] = [item.options[pick % item.options.length]];
    }
  });
  for (let round = 0; round < 10; round++) {
    const result = validateAnswers(instrument, answers, { language: 'en' });
    if (result.valid) return answers;
    const hidden = result.errors.filter((error) => error.code === 'not_visible').map((error) => error.item);
    if (hidden.length === 0) throw new Error(`cannot build answers for ${instrumentId}: ${JSON.stringify(result.errors)}`);
    for (const item of hidden) delete answers[item];
  }
  throw new Error(`cannot build answers for ${instrumentId}`);
}
