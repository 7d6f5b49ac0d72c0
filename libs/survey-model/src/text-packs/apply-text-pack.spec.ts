import { Model } from 'survey-core';
import { numbered } from '../../test/instrument-helpers';
import { getInstrument } from '../instruments/registry';
import type { InstrumentText } from '../model/instrument.types';
import { scoreAnswers } from '../scoring/score-answers';
import { validateAnswers } from '../validation/validate-answers';
import { applyTextPack, checkTextPack, isUsableInStudy, TextPackError } from './apply-text-pack';

const qpr = getInstrument('qpr-15', '1.0.0');

// Placeholder wording: the real QPR wording is licensed and never enters the repository.
const placeholderText = (language: string): InstrumentText => ({
  title: `QPR (${language})`,
  items: Object.fromEntries(qpr.itemIds.map((id) => [id, `${language} statement ${id}`])),
  scales: { agreement: { '0': 'a0', '1': 'a1', '2': 'a2', '3': 'a3', '4': 'a4' } },
});

const pack = {
  format: 'klik-text-pack@1',
  instrumentId: 'qpr-15',
  instrumentVersion: '1.0.0',
  languages: ['nl', 'en'],
  source: 'Example institution, licence 2026-01',
  texts: { nl: placeholderText('nl'), en: placeholderText('en') },
};

describe('applyTextPack', () => {
  it('returns a full instrument: SurveyJS definitions per language that load in survey-core', () => {
    const withText = applyTextPack(qpr, pack);
    expect(withText.textPackSource).toBe('Example institution, licence 2026-01');
    for (const language of ['nl', 'en'] as const) {
      const model = new Model(withText.survey?.[language]);
      expect(model.getAllQuestions(false).map((question) => question.name)).toEqual(qpr.itemIds);
      expect(model.getQuestionByName('qpr15_3').title).toBe(`${language} statement qpr15_3`);
    }
    // The registry's instrument is not modified.
    expect(qpr.survey).toBeUndefined();
  });

  it('keeps structure and scoring: validation and scores are the same', () => {
    const withText = applyTextPack(qpr, pack);
    const answers = numbered('qpr15', [4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2]);
    expect(validateAnswers(withText, answers, { language: 'nl' }).valid).toBe(true);
    expect(scoreAnswers(withText, answers).total).toBe(45);
  });

  it('a pack for one language narrows the instrument to that language', () => {
    const english = applyTextPack(qpr, { ...pack, languages: ['en'], texts: { en: placeholderText('en') } });
    expect(english.languages).toEqual(['en']);
    expect(() => validateAnswers(english, {}, { language: 'nl' })).toThrow(RangeError);
  });

  it.each([
    ['another instrument', { ...pack, instrumentId: 'core-10' }, 'pack is for instrument core-10'],
    ['another version', { ...pack, instrumentVersion: '2.0.0' }, 'pack is for version 2.0.0'],
    ['a wrong format marker', { ...pack, format: 'something' }, 'format must be'],
    ['no source', { ...pack, source: '' }, 'source'],
    [
      'a declared language without text',
      { ...pack, texts: { en: placeholderText('en') } },
      '[nl] no text for a declared language',
    ],
    [
      'an unsupported language',
      { ...pack, languages: ['de'], texts: { de: placeholderText('de') } },
      'language de is not one of',
    ],
    ['text for an undeclared language', { ...pack, languages: ['en'] }, 'text for undeclared language nl'],
    ['no languages', { ...pack, languages: [] }, 'languages must list'],
  ])('rejects %s', (_label, badPack, problem) => {
    expect(checkTextPack(qpr, badPack).join('\n')).toContain(problem);
    expect(() => applyTextPack(qpr, badPack)).toThrow(TextPackError);
  });

  it('rejects an item without text in a declared language, and text for an unknown item', () => {
    const items: Record<string, string> = { ...placeholderText('nl').items, qpr15_16: 'extra' };
    delete items['qpr15_7'];
    const problems = checkTextPack(qpr, {
      ...pack,
      texts: { ...pack.texts, nl: { ...placeholderText('nl'), items } },
    });
    expect(problems).toEqual(['[nl] item qpr15_7 has no text', '[nl] text for unknown item qpr15_16']);
  });

  it('rejects missing or unknown anchor labels', () => {
    const text = {
      ...placeholderText('en'),
      scales: { agreement: { '0': 'a0', '1': 'a1', '2': 'a2', '3': 'a3', '5': 'a5' } },
    };
    expect(checkTextPack(qpr, { ...pack, texts: { ...pack.texts, en: text } })).toEqual([
      '[en] scale agreement has no label for 4',
      '[en] scale agreement has a label for unknown value 5',
    ]);
  });

  it('rejects something that is not a pack at all', () => {
    expect(checkTextPack(qpr, 'hello')).toEqual(['the pack is not a JSON object']);
    expect(checkTextPack(qpr, null)).toEqual(['the pack is not a JSON object']);
  });

  it('lists every problem in the error', () => {
    try {
      applyTextPack(qpr, { ...pack, instrumentId: 'x', instrumentVersion: '9' });
      throw new Error('expected a TextPackError');
    } catch (error) {
      expect(error).toBeInstanceOf(TextPackError);
      expect((error as TextPackError).problems).toHaveLength(2);
    }
  });
});

describe('isUsableInStudy', () => {
  it('a bundled instrument is always usable', () => {
    expect(isUsableInStudy(getInstrument('phq-9'), [])).toBe(true);
  });

  it('a licensed instrument without a pack is not', () => {
    expect(isUsableInStudy(qpr, [])).toBe(false);
    expect(isUsableInStudy(qpr, [{ ...pack, instrumentId: 'core-10' }])).toBe(false);
  });

  it('a licensed instrument with a fitting pack is, and so is the instrument returned by applyTextPack', () => {
    expect(isUsableInStudy(qpr, [{ ...pack, instrumentId: 'core-10' }, pack])).toBe(true);
    expect(isUsableInStudy(applyTextPack(qpr, pack), [])).toBe(true);
  });
});
