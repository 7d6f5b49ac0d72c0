import { createHash } from 'node:crypto';
import { canonicalJson } from '../model/canonical-json';
import type { Instrument } from '../model/instrument.types';
import lock from './published.lock.json';
import { listInstruments } from './registry';

/**
 * Published instrument versions are immutable. Each one's full definition (structure, wording, SurveyJS JSON,
 * scoring) is hashed and compared with the checked-in lock: editing a published version fails here. To change an
 * instrument, add a new version (and a new lock entry); never edit an entry.
 */
const hash = (instrument: Instrument): string =>
  createHash('sha256').update(canonicalJson(instrument)).digest('hex');
const key = (instrument: Instrument): string => `${instrument.id}@${instrument.version}`;
const locked: Record<string, string> = lock.published;
const instruments = listInstruments({ allVersions: true });

describe('published instrument versions are immutable', () => {
  it.each(instruments.map((instrument) => [key(instrument), instrument] as const))(
    '%s matches its locked hash',
    (name, instrument) => {
      const actual = hash(instrument);
      if (locked[name] === undefined) {
        throw new Error(
          `${name} is not in published.lock.json; once it is final, add  "${name}": "${actual}"`,
        );
      }
      if (locked[name] !== actual) {
        throw new Error(
          `${name} differs from its published definition: a change needs a new version, not an edit (hash ${actual})`,
        );
      }
    },
  );

  it('no locked version has disappeared from the registry', () => {
    const present = new Set(instruments.map(key));
    expect(Object.keys(locked).filter((name) => !present.has(name))).toEqual([]);
  });

  it('the hash covers the wording: changing one word changes it', () => {
    const phq9 = instruments.find((instrument) => instrument.id === 'phq-9');
    if (phq9 === undefined) throw new Error('phq-9 missing');
    const edited = {
      ...phq9,
      text: { ...phq9.text, en: { ...phq9.text?.en, title: 'PHQ 9' } },
    } as Instrument;
    expect(hash(edited)).not.toBe(hash(phq9));
  });

  it('the hash does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: 3 } })).toBe(
      canonicalJson({ a: { c: 3, d: [2, 1] }, b: 1 }),
    );
  });
});
