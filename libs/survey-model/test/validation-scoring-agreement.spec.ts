import { listInstruments } from '../src/instruments/registry';
import type { Instrument, ItemSpec } from '../src/model/instrument.types';
import { scaleValues } from '../src/survey/build-survey-definition';
import { scoreAnswers } from '../src/scoring/score-answers';
import { validateAnswers } from '../src/validation/validate-answers';

/** Seeded generator (mulberry32): the same answers on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function randomValue(item: ItemSpec, instrument: Instrument, random: () => number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  switch (item.kind) {
    case 'scale': {
      const scale = instrument.scales.find((candidate) => candidate.id === item.scale);
      if (scale === undefined) throw new Error(`no scale ${item.scale}`);
      return pick(scaleValues(scale));
    }
    case 'single':
      return pick(item.options);
    case 'multi': {
      const chosen = item.options.filter(() => random() < 0.4);
      return chosen.length > 0 ? chosen : [pick(item.options)];
    }
    case 'text':
      return 'a few words';
  }
}

/** A complete, valid response: every item answered, then answers to questions hidden by branching removed. */
function randomCompleteAnswers(instrument: Instrument, random: () => number): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const item of instrument.items) answers[item.id] = randomValue(item, instrument, random);
  for (;;) {
    const hidden = validateAnswers(instrument, answers, { language: 'en' }).errors.filter(
      (error) => error.code === 'not_visible',
    );
    if (hidden.length === 0) return answers;
    for (const error of hidden) delete answers[error.item];
  }
}

describe('validation and scoring agree', () => {
  const random = mulberry32(42);

  it.each(listInstruments().map((instrument) => [instrument.id, instrument] as const))(
    '%s: 40 random complete responses are valid and score without missing values (unless not applicable)',
    (_id, instrument) => {
      for (let run = 0; run < 40; run += 1) {
        const answers = randomCompleteAnswers(instrument, random);
        expect(validateAnswers(instrument, answers, { language: 'nl' })).toEqual({ valid: true, errors: [] });
        const score = scoreAnswers(instrument, answers);
        if (score.missingReason === 'not_applicable') continue;
        expect(score.status).toBe('complete');
        expect(score.missingCount).toBe(0);
        if (instrument.scoring.total !== null) expect(typeof score.total).toBe('number');
        for (const value of Object.values(score.subscales)) expect(typeof value.value).toBe('number');
      }
    },
  );
});
