import { Model } from 'survey-core';
import { LANGUAGES } from '../model/instrument.types';
import { findTextProblems } from '../survey/build-survey-definition';
import { uniqueScoredItems } from '../scoring/score-instrument';
import { listInstruments } from './registry';

const all = listInstruments({ allVersions: true });
const bundled = all.filter((instrument) => instrument.textAvailability === 'bundled');

describe('every bundled instrument loads in survey-core', () => {
  const cases = bundled.flatMap((instrument) =>
    LANGUAGES.map((language) => [`${instrument.id}@${instrument.version}`, language, instrument] as const),
  );

  it.each(cases)(
    '%s in %s: the Model has exactly the instrument items, in order',
    (_name, language, instrument) => {
      const definition = instrument.survey?.[language];
      expect(definition).toBeDefined();
      const model = new Model(definition);
      expect(model.getAllQuestions(false).map((question) => question.name)).toEqual(instrument.itemIds);
      expect(model.pages.map((page) => page.name)).toEqual(instrument.pages.map((page) => page.id));
    },
  );

  it.each(cases)(
    '%s in %s: the wording is complete (titles, items, anchors, options)',
    (_name, language, instrument) => {
      const text = instrument.text?.[language];
      expect(text).toBeDefined();
      expect(text === undefined ? ['no text'] : findTextProblems(instrument, text, language)).toEqual([]);
    },
  );

  it.each(cases)(
    '%s in %s: every question title is the item text, not the id',
    (_name, language, instrument) => {
      const model = new Model(instrument.survey?.[language]);
      for (const question of model.getAllQuestions(false))
        expect(question.title).toBe(instrument.text?.[language]?.items[question.name]);
    },
  );
});

describe('scoring specs refer to real items', () => {
  it.each(all.map((instrument) => [`${instrument.id}@${instrument.version}`, instrument] as const))(
    '%s',
    (_name, instrument) => {
      const ids = new Set(instrument.itemIds);
      expect(instrument.items.map((item) => item.id).sort()).toEqual([...instrument.itemIds].sort());
      for (const item of uniqueScoredItems(instrument.scoring)) {
        expect(ids.has(item)).toBe(true);
        // Scored items are scale items, so validation checks their range.
        expect(instrument.items.find((candidate) => candidate.id === item)?.kind).toBe('scale');
      }
      for (const item of instrument.scoring.reverse?.items ?? [])
        expect(uniqueScoredItems(instrument.scoring)).toContain(item);
      for (const rule of instrument.scoring.derived ?? []) expect(ids.has(rule.item)).toBe(true);
      for (const rule of instrument.scoring.flags ?? [])
        for (const item of rule.items) expect(ids.has(item)).toBe(true);
      // Subscale ids are unique.
      const subscaleIds = instrument.scoring.subscales.map((subscale) => subscale.id);
      expect(new Set(subscaleIds).size).toBe(subscaleIds.length);
    },
  );
});

describe('scoring-only instruments ship no wording', () => {
  const licensed = all.filter((instrument) => instrument.textAvailability === 'licensed-text-pack');

  it('covers the eight licensed instruments', () => {
    expect([...new Set(licensed.map((instrument) => instrument.id))].sort()).toEqual([
      'bat-23',
      'core-10',
      'mhc-sf',
      'oq-45',
      'ors',
      'qpr-15',
      'srs',
      'wai-sr',
    ]);
  });

  it.each(licensed.map((instrument) => [instrument.id, instrument] as const))(
    '%s has no text and no survey definition',
    (_name, instrument) => {
      expect(instrument.text).toBeUndefined();
      expect(instrument.survey).toBeUndefined();
    },
  );
});

describe('metadata', () => {
  it.each(all.map((instrument) => [instrument.id, instrument] as const))(
    '%s has licence, citation, languages and a semver version',
    (_name, instrument) => {
      expect(instrument.licence.spdx).not.toBe('');
      expect(instrument.licence.notice).not.toBe('');
      expect(instrument.citation.primary).not.toBe('');
      expect(instrument.languages).toEqual(['nl', 'en']);
      expect(instrument.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(instrument.scoring.scoringVersion).toMatch(/^\d+\.\d+\.\d+$/);
    },
  );

  it('Klik instruments are CC BY 4.0', () => {
    for (const instrument of all.filter((candidate) => candidate.id.startsWith('klik-')))
      expect(instrument.licence.spdx).toBe('CC-BY-4.0');
  });

  it('K10 keeps the WHO 2003 copyright notice and the Kessler et al. citation', () => {
    const k10 = all.find((instrument) => instrument.id === 'k10');
    expect(k10?.licence.notice).toContain('World Health Organization');
    expect(k10?.licence.notice).toContain('2003');
    expect(k10?.citation.primary).toMatch(/^Kessler RC/);
  });
});

describe('Klik wording for clients', () => {
  it('Dutch client texts use informal "je", never formal "u"/"uw"', () => {
    for (const instrument of bundled.filter((candidate) => candidate.id.startsWith('klik-'))) {
      const text = JSON.stringify(instrument.text?.nl);
      expect(text).not.toMatch(/\b(u|uw)\b/i);
    }
  });
});
