import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listInstruments } from './registry';

const codebook = (id: string): string =>
  readFileSync(join(__dirname, '..', '..', 'codebooks', `${id}.md`), 'utf8');

describe('codebooks stay in step with the bundled instruments', () => {
  const bundled = listInstruments().filter((instrument) => instrument.textAvailability === 'bundled');

  it.each(bundled.map((instrument) => [instrument.id, instrument] as const))(
    '%s: every item id and its wording in both languages',
    (id, instrument) => {
      const text = codebook(id);
      expect(text).toContain(`version ${instrument.version}`);
      for (const item of instrument.itemIds) {
        expect(text).toContain(`\`${item}\``);
        expect(text).toContain(instrument.text?.nl?.items[item]);
        expect(text).toContain(instrument.text?.en?.items[item]);
      }
    },
  );

  it('the scoring-only codebook names every licensed instrument', () => {
    const text = codebook('scoring-only');
    for (const instrument of listInstruments().filter(
      (candidate) => candidate.textAvailability === 'licensed-text-pack',
    )) {
      expect(text).toContain(`\`${instrument.id}\``);
    }
  });

  it('every version of a bundled standard instrument has its own section; every standard codebook links to risk-items.md', () => {
    for (const id of ['phq-9', 'gad-7', 'k10']) {
      const text = codebook(id);
      for (const instrument of listInstruments({ allVersions: true }).filter(
        (candidate) => candidate.id === id,
      ))
        expect({ id, section: text.includes(`## Version ${instrument.version}`) }).toEqual({
          id,
          section: true,
        });
      expect(text).toContain('(risk-items.md)');
    }
    expect(codebook('scoring-only')).toContain('(risk-items.md)');
  });

  it('the scoring-only codebook names every licensed version after 1.0.0', () => {
    const text = codebook('scoring-only');
    for (const instrument of listInstruments({ allVersions: true }).filter(
      (candidate) => candidate.textAvailability === 'licensed-text-pack' && candidate.version !== '1.0.0',
    )) {
      expect(text).toContain(`\`${instrument.id}@${instrument.version}\``);
    }
  });
});
