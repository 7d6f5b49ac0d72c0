import { getInstrument } from '../instruments/registry';
import { numbered } from '../../test/instrument-helpers';
import { validateAnswers } from './validate-answers';
import type { AnswerError } from './validation.types';

const phq9 = getInstrument('phq-9', '1.0.0');
const gad7 = getInstrument('gad-7', '1.0.0');
const disclosure = getInstrument('klik-disclosure', '1.0.0');
const sessionLog = getInstrument('klik-session-log', '1.0.0');
const checkin = getInstrument('klik-checkin', '1.0.0');
const ors = getInstrument('ors', '1.0.0');

const codes = (errors: readonly AnswerError[]): string[] =>
  errors.map((error) => `${error.item}:${error.code}`).sort();

const fullDisclosure = {
  kd_frequency: 2,
  kd_content: ['struggles', 'techniques'],
  kd_fit_1: 4,
  kd_fit_2: 4,
  kd_fit_3: 3,
  kd_boundary_1: 5,
  kd_boundary_2: 5,
  kd_boundary_3: 1,
  kd_helpful: 4,
  kd_effect_openness: 4,
  kd_effect_hope: 5,
  kd_effect_not_alone: 5,
  kd_effect_shame: 3,
};

describe('validateAnswers: complete and valid', () => {
  it('accepts a complete PHQ-9 with the difficulty item in both languages', () => {
    const answers = { ...numbered('phq9', [1, 1, 2, 0, 0, 1, 0, 0, 0]), phq9_difficulty: 1 };
    expect(validateAnswers(phq9, answers, { language: 'en' })).toEqual({ valid: true, errors: [] });
    expect(validateAnswers(phq9, answers, { language: 'nl' })).toEqual({ valid: true, errors: [] });
  });

  it('accepts a full disclosure response, and "never" with nothing else', () => {
    expect(validateAnswers(disclosure, fullDisclosure, { language: 'nl' }).errors).toEqual([]);
    expect(validateAnswers(disclosure, { kd_frequency: 0 }, { language: 'en' }).errors).toEqual([]);
  });

  it('treats null and empty values as unanswered', () => {
    const result = validateAnswers(
      disclosure,
      { kd_frequency: 0, kd_content: [], kd_content_other: '', kd_fit_1: null },
      { language: 'en' },
    );
    expect(result.errors).toEqual([]);
  });
});

describe('validateAnswers: required', () => {
  it('names every unanswered required item', () => {
    const result = validateAnswers(gad7, numbered('gad7', [1, 1, 1, 1, 1]), { language: 'en' });
    expect(result.valid).toBe(false);
    expect(codes(result.errors)).toEqual(['gad7_6:required', 'gad7_7:required']);
  });

  it('requires the disclosure section once some disclosure was reported (conditional required)', () => {
    const result = validateAnswers(disclosure, { kd_frequency: 1 }, { language: 'en' });
    expect(codes(result.errors)).toEqual(
      [
        'kd_content',
        'kd_fit_1',
        'kd_fit_2',
        'kd_fit_3',
        'kd_boundary_1',
        'kd_boundary_2',
        'kd_boundary_3',
        'kd_helpful',
        'kd_effect_openness',
        'kd_effect_hope',
        'kd_effect_not_alone',
        'kd_effect_shame',
      ]
        .map((item) => `${item}:required`)
        .sort(),
    );
  });

  it('an empty multi-select counts as unanswered, so it is required when visible', () => {
    const result = validateAnswers(disclosure, { ...fullDisclosure, kd_content: [] }, { language: 'en' });
    expect(codes(result.errors)).toEqual(['kd_content:required']);
  });

  it('the optional "other" text is not required even when shown', () => {
    const result = validateAnswers(
      disclosure,
      { ...fullDisclosure, kd_content: ['other'] },
      { language: 'en' },
    );
    expect(result.errors).toEqual([]);
  });
});

describe('validateAnswers: values', () => {
  it('rejects a value outside the scale as out_of_range', () => {
    const result = validateAnswers(gad7, numbered('gad7', [4, 0, 0, 0, 0, 0, -1]), { language: 'en' });
    expect(codes(result.errors)).toEqual(['gad7_1:out_of_range', 'gad7_7:out_of_range']);
    expect(result.errors[0]?.reason).toContain('0 to 3');
  });

  it('rejects a value between scale points as not_a_choice', () => {
    expect(
      codes(validateAnswers(gad7, numbered('gad7', [1.5, 0, 0, 0, 0, 0, 0]), { language: 'en' }).errors),
    ).toEqual(['gad7_1:not_a_choice']);
  });

  it('accepts decimal visual-analogue values on a 0.1 grid and rejects finer ones', () => {
    expect(validateAnswers(ors, numbered('ors', [7.3, 0.1, 10, 0]), { language: 'en' }).errors).toEqual([]);
    expect(codes(validateAnswers(ors, numbered('ors', [7.35, 5, 5, 5]), { language: 'en' }).errors)).toEqual([
      'ors_1:not_a_choice',
    ]);
    expect(codes(validateAnswers(ors, numbered('ors', [10.1, 5, 5, 5]), { language: 'en' }).errors)).toEqual([
      'ors_1:out_of_range',
    ]);
  });

  it('rejects a single choice that is not an option', () => {
    expect(codes(validateAnswers(disclosure, { kd_frequency: 4 }, { language: 'en' }).errors)).toEqual([
      'kd_frequency:not_a_choice',
    ]);
  });

  it('rejects multi-select values that are not options, and duplicates', () => {
    const unknownCode = validateAnswers(
      disclosure,
      { ...fullDisclosure, kd_content: ['struggles', 'gossip'] },
      { language: 'en' },
    );
    expect(codes(unknownCode.errors)).toEqual(['kd_content:not_a_choice']);
    expect(unknownCode.errors[0]?.reason).toContain('gossip');
    const duplicate = validateAnswers(
      disclosure,
      { ...fullDisclosure, kd_content: ['struggles', 'struggles'] },
      { language: 'en' },
    );
    expect(codes(duplicate.errors)).toEqual(['kd_content:not_a_choice']);
  });

  it('rejects text longer than allowed', () => {
    const answers = { ...fullDisclosure, kd_content: ['other'], kd_content_other: 'x'.repeat(501) };
    expect(codes(validateAnswers(disclosure, answers, { language: 'en' }).errors)).toEqual([
      'kd_content_other:out_of_range',
    ]);
  });
});

describe('validateAnswers: wrong types', () => {
  it.each([
    ['a numeric string', '2'],
    ['a boolean', true],
    ['an array', [2]],
    ['an object', { value: 2 }],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('rejects %s for a scale item', (_label, value) => {
    const result = validateAnswers(
      gad7,
      { ...numbered('gad7', [0, 0, 0, 0, 0, 0]), gad7_7: value },
      { language: 'en' },
    );
    expect(codes(result.errors)).toEqual(['gad7_7:wrong_type']);
  });

  it('rejects a string for a numeric single choice', () => {
    expect(codes(validateAnswers(disclosure, { kd_frequency: 'never' }, { language: 'en' }).errors)).toEqual([
      'kd_frequency:wrong_type',
    ]);
  });

  it('rejects a multi-select that is not a list of strings', () => {
    expect(
      codes(
        validateAnswers(disclosure, { ...fullDisclosure, kd_content: 'struggles' }, { language: 'en' })
          .errors,
      ),
    ).toEqual(['kd_content:wrong_type']);
    expect(
      codes(
        validateAnswers(disclosure, { ...fullDisclosure, kd_content: [1, 2] }, { language: 'en' }).errors,
      ),
    ).toEqual(['kd_content:wrong_type']);
  });

  it('rejects text that is not a string', () => {
    const answers = { ...fullDisclosure, kd_content: ['other'], kd_content_other: 42 };
    expect(codes(validateAnswers(disclosure, answers, { language: 'en' }).errors)).toEqual([
      'kd_content_other:wrong_type',
    ]);
  });

  it.each([
    ['null', null],
    ['an array', [1, 2]],
    ['a string', 'answers'],
    ['a number', 3],
    ['a Map', new Map([['gad7_1', 0]])],
  ])('rejects %s as the whole body', (_label, body) => {
    expect(validateAnswers(gad7, body, { language: 'en' })).toEqual({
      valid: false,
      errors: [{ item: '(answers)', code: 'wrong_type', reason: expect.any(String) }],
    });
  });
});

describe('validateAnswers: unknown items', () => {
  it('accepts an object without prototype', () => {
    const body = Object.assign(
      Object.create(null) as Record<string, unknown>,
      numbered('gad7', [0, 0, 0, 0, 0, 0, 0]),
    );
    expect(validateAnswers(gad7, body, { language: 'en' }).valid).toBe(true);
  });

  it('rejects keys that are not items of this version', () => {
    const result = validateAnswers(
      gad7,
      { ...numbered('gad7', [0, 0, 0, 0, 0, 0, 0]), gad7_8: 1, phq9_1: 0 },
      { language: 'en' },
    );
    expect(codes(result.errors)).toEqual(['gad7_8:unknown_item', 'phq9_1:unknown_item']);
  });

  it('rejects a __proto__ key from parsed JSON', () => {
    const body = JSON.parse(
      `{"__proto__": {"polluted": 1}, ${JSON.stringify(numbered('gad7', [0, 0, 0, 0, 0, 0, 0])).slice(1)}`,
    ) as unknown;
    expect(codes(validateAnswers(gad7, body, { language: 'en' }).errors)).toEqual(['__proto__:unknown_item']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('validateAnswers: branching (not_visible)', () => {
  it('rejects answers to the disclosure questions after "never"', () => {
    const result = validateAnswers(
      disclosure,
      { kd_frequency: 0, kd_content: ['struggles'], kd_helpful: 5 },
      { language: 'en' },
    );
    expect(codes(result.errors)).toEqual(['kd_content:not_visible', 'kd_helpful:not_visible']);
  });

  it('a hidden answer does not open a branch: "other" text under a hidden content item is hidden too', () => {
    const result = validateAnswers(
      disclosure,
      { kd_frequency: 0, kd_content: ['other'], kd_content_other: 'about the dog' },
      { language: 'en' },
    );
    expect(codes(result.errors)).toEqual(['kd_content:not_visible', 'kd_content_other:not_visible']);
  });

  it('rejects the "other" text when "other" was not chosen', () => {
    const result = validateAnswers(
      disclosure,
      { ...fullDisclosure, kd_content_other: 'something' },
      { language: 'en' },
    );
    expect(codes(result.errors)).toEqual(['kd_content_other:not_visible']);
  });

  it('rejects the disclosure section when the frequency question was not answered', () => {
    expect(codes(validateAnswers(disclosure, { kd_helpful: 4 }, { language: 'en' }).errors)).toEqual([
      'kd_frequency:required',
      'kd_helpful:not_visible',
    ]);
  });

  it('session log: no disclosure hides content, intent and reaction; the alliance items stay required', () => {
    const result = validateAnswers(
      sessionLog,
      { ksl_disclosed: 0, ksl_intent: ['hope'], ksl_reaction: 4 },
      { language: 'nl' },
    );
    expect(codes(result.errors)).toEqual([
      'ksl_alliance_bond:required',
      'ksl_alliance_goals:required',
      'ksl_alliance_tasks:required',
      'ksl_alliance_trust:required',
      'ksl_intent:not_visible',
      'ksl_reaction:not_visible',
    ]);
  });

  it('PHQ-9: the difficulty item is hidden when no problem was checked', () => {
    const answers = { ...numbered('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0]), phq9_difficulty: 0 };
    expect(codes(validateAnswers(phq9, answers, { language: 'en' }).errors)).toEqual([
      'phq9_difficulty:not_visible',
    ]);
  });

  it('a bad value is reported as such, not also as hidden or required', () => {
    const result = validateAnswers(disclosure, { kd_frequency: 0, kd_content: 'x' }, { language: 'en' });
    expect(codes(result.errors)).toEqual(['kd_content:wrong_type']);
  });
});

describe('validateAnswers: partial (saving page by page)', () => {
  it('skips required items on pages that have no answers yet', () => {
    expect(validateAnswers(disclosure, { kd_frequency: 2 }, { language: 'en', partial: true })).toEqual({
      valid: true,
      errors: [],
    });
    expect(
      validateAnswers(sessionLog, { ksl_disclosed: 1 }, { language: 'en', partial: true }).errors,
    ).toEqual([]);
  });

  it('a page with answers must be complete', () => {
    const result = validateAnswers(
      disclosure,
      { kd_frequency: 2, kd_content: ['victories'], kd_fit_1: 4 },
      { language: 'en', partial: true },
    );
    expect(codes(result.errors)).toEqual(
      [
        'kd_fit_2',
        'kd_fit_3',
        'kd_boundary_1',
        'kd_boundary_2',
        'kd_boundary_3',
        'kd_helpful',
        'kd_effect_openness',
        'kd_effect_hope',
        'kd_effect_not_alone',
        'kd_effect_shame',
      ]
        .map((item) => `${item}:required`)
        .sort(),
    );
  });

  it('still rejects bad values, unknown items and hidden answers', () => {
    const result = validateAnswers(
      disclosure,
      { kd_frequency: 0, kd_helpful: 5, mood: 3 },
      { language: 'en', partial: true },
    );
    expect(codes(result.errors)).toEqual(['kd_helpful:not_visible', 'mood:unknown_item']);
    expect(
      codes(validateAnswers(checkin, { kc_wellbeing: 11 }, { language: 'nl', partial: true }).errors),
    ).toContain('kc_wellbeing:out_of_range');
  });

  it('an empty body is a valid start', () => {
    expect(validateAnswers(checkin, {}, { language: 'nl', partial: true }).valid).toBe(true);
    expect(validateAnswers(checkin, {}, { language: 'nl' }).valid).toBe(false);
  });
});

describe('validateAnswers: versions and languages', () => {
  it('validates a scoring-only instrument structurally, without its wording', () => {
    expect(
      validateAnswers(getInstrument('core-10'), numbered('core10', [0, 1, 2, 3, 4, 0, 1, 2, 3, 4]), {
        language: 'nl',
      }).valid,
    ).toBe(true);
    expect(
      codes(
        validateAnswers(getInstrument('core-10'), numbered('core10', [5, 1, 2, 3, 4, 0, 1, 2, 3, 4]), {
          language: 'nl',
        }).errors,
      ),
    ).toEqual(['core10_1:out_of_range']);
  });

  it('throws for a language the instrument does not have', () => {
    const dutchOnly = { ...gad7, languages: ['nl' as const] };
    expect(() => validateAnswers(dutchOnly, {}, { language: 'en' })).toThrow(RangeError);
  });

  it('the cached model does not leak answers between calls', () => {
    expect(validateAnswers(disclosure, fullDisclosure, { language: 'en' }).valid).toBe(true);
    // Same model, next call without the frequency: the section must be hidden again, not remembered.
    expect(codes(validateAnswers(disclosure, { kd_helpful: 4 }, { language: 'en' }).errors)).toEqual([
      'kd_frequency:required',
      'kd_helpful:not_visible',
    ]);
  });
});

describe('validateAnswers: error order', () => {
  it('lists errors in questionnaire order, unknown keys last', () => {
    const result = validateAnswers(gad7, { zzz: 1, gad7_7: 9, gad7_1: 'x' }, { language: 'en' });
    expect(result.errors.map((error) => `${error.item}:${error.code}`)).toEqual([
      'gad7_1:wrong_type',
      'gad7_2:required',
      'gad7_3:required',
      'gad7_4:required',
      'gad7_5:required',
      'gad7_6:required',
      'gad7_7:out_of_range',
      'zzz:unknown_item',
    ]);
  });
});
