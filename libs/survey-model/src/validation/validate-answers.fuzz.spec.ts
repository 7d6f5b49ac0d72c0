import { listInstruments } from '../instruments/registry';
import { validateAnswers } from './validate-answers';

/** Small seeded generator (mulberry32) so the generated bodies are the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const strangeValues: unknown[] = [
  null,
  undefined,
  -1,
  0,
  1,
  2.5,
  99,
  Number.NaN,
  '',
  '1',
  'other',
  true,
  [],
  ['struggles'],
  ['nope'],
  [1],
  {},
  { nested: [1] },
  'x'.repeat(600),
];

describe('validateAnswers never throws on malformed bodies', () => {
  const random = mulberry32(20261129);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  it('1,000 generated bodies across all instruments: no exception, and a bad value is always reported', () => {
    const instruments = listInstruments();
    for (let run = 0; run < 1000; run += 1) {
      const instrument = pick(instruments);
      const body: Record<string, unknown> = {};
      const keys = [...instrument.itemIds, 'unknown_key', '__proto__', 'constructor'];
      const count = Math.floor(random() * 6);
      for (let index = 0; index < count; index += 1) {
        // defineProperty: an own "__proto__" key, as JSON.parse produces it.
        Object.defineProperty(body, pick(keys), {
          value: pick(strangeValues),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      const result = validateAnswers(instrument, body, {
        language: pick(['nl', 'en'] as const),
        partial: random() < 0.5,
      });
      expect(result.valid).toBe(result.errors.length === 0);
      if (Object.prototype.hasOwnProperty.call(body, 'unknown_key'))
        expect(result.errors.some((error) => error.item === 'unknown_key')).toBe(true);
      for (const error of result.errors) expect(typeof error.reason).toBe('string');
    }
  });
});
