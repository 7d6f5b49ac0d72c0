import { numbered } from '../../../test/instrument-helpers';
import { getChangeCriteria } from '../../scoring/change-criteria';
import { scoreAnswers } from '../../scoring/score-answers';
import { gad7V1, gad7V1_1 } from './gad-7.instrument';

const ref = { id: 'gad-7', version: '1.0.0' } as const;
const score = (values: (number | null)[]) => scoreAnswers(ref, numbered('gad7', values));

describe('GAD-7 scoring', () => {
  it.each([
    [[0, 0, 0, 0, 0, 0, 0], 0, 'minimal', false], // 0
    [[1, 1, 1, 1, 0, 0, 0], 4, 'minimal', false], // 4 × 1 = 4
    [[1, 1, 1, 1, 1, 0, 0], 5, 'mild', false], // 5 × 1 = 5
    [[1, 1, 1, 1, 1, 1, 1], 7, 'mild', false], // 7 × 1 = 7, just under the caseness cut-off of 8
    [[2, 1, 1, 1, 1, 1, 1], 8, 'mild', true], // 2 + 6 × 1 = 8
    [[2, 2, 1, 1, 1, 1, 1], 9, 'mild', true], // 2 × 2 + 5 × 1 = 9
    [[2, 2, 2, 1, 1, 1, 1], 10, 'moderate', true], // 3 × 2 + 4 × 1 = 10
    [[2, 2, 2, 2, 2, 2, 2], 14, 'moderate', true], // 7 × 2 = 14
    [[3, 2, 2, 2, 2, 2, 2], 15, 'severe', true], // 3 + 6 × 2 = 15
    [[3, 3, 3, 3, 3, 3, 3], 21, 'severe', true], // 7 × 3 = 21
  ])('%j → %i (%s), caseness %s', (values, total, band, caseness) => {
    expect(score(values)).toMatchObject({ total, band, caseness, status: 'complete' });
  });

  it('one missing item: missing, never zero', () => {
    expect(score([0, 0, 0, 0, 0, 0, null])).toMatchObject({
      total: null,
      band: null,
      caseness: null,
      status: 'missing',
      missingCount: 1,
    });
  });

  it('looks up reliable improvement (drop of 4) and the cut-off of 8', () => {
    expect(getChangeCriteria(ref)).toMatchObject({
      cutoff: { value: 8 },
      reliableChange: { value: 4, improvement: 'decrease' },
    });
  });
});

describe('GAD-7 wording', () => {
  it('the 0 anchor is "Not at all" (not the mis-copy "Not at all sure")', () => {
    expect(gad7V1.text?.en?.scales?.['frequency']?.['0']).toBe('Not at all');
    expect(gad7V1.text?.nl?.scales?.['frequency']?.['0']).toBe('Helemaal niet');
    expect(JSON.stringify(gad7V1.survey)).not.toMatch(/sure|zeker/i);
  });
});

describe('GAD-7 1.1.0', () => {
  const latest = { id: 'gad-7', version: '1.1.0' } as const;
  const score11 = (values: (number | null)[]) => scoreAnswers(latest, numbered('gad7', values));

  it.each([
    // sum, band (Spitzer et al. 2006), caseness by norm: any-anxiety ≥ 8 (default), gad ≥ 10
    [[1, 1, 1, 1, 0, 0, 0], 4, 'minimal', false, false], // 4 × 1
    [[1, 1, 1, 1, 1, 0, 0], 5, 'mild', false, false], // 5 × 1
    [[1, 1, 1, 1, 1, 1, 1], 7, 'mild', false, false], // 7 × 1
    [[2, 1, 1, 1, 1, 1, 1], 8, 'mild', true, false], // 2 + 6
    [[2, 2, 1, 1, 1, 1, 1], 9, 'mild', true, false], // 4 + 5
    [[2, 2, 2, 1, 1, 1, 1], 10, 'moderate', true, true], // 6 + 4
    [[2, 2, 2, 2, 2, 2, 2], 14, 'moderate', true, true], // 7 × 2
    [[3, 2, 2, 2, 2, 2, 2], 15, 'severe', true, true], // 3 + 12
    [[3, 3, 3, 3, 3, 3, 3], 21, 'severe', true, true], // 7 × 3
  ])('%j → %i (%s), any-anxiety %s, gad %s', (values, total, band, anyAnxiety, gad) => {
    expect(score11(values)).toMatchObject({
      total,
      band,
      caseness: anyAnxiety,
      casenessByNorm: { 'any-anxiety': anyAnxiety, gad },
      bandByNorm: {},
      status: 'complete',
    });
  });

  it('one blank item: no score (the manual gives no rule), under both norms', () => {
    expect(score11([0, 0, 0, 0, 0, 0, null])).toMatchObject({
      total: null,
      caseness: null,
      casenessByNorm: { 'any-anxiety': null, gad: null },
      status: 'missing',
      missingReason: 'no_missing_item_rule',
      missingCount: 1,
    });
  });

  it('looks up the default norm (8) and the GAD norm (10), both with reliable improvement 4', () => {
    expect(getChangeCriteria(latest)).toMatchObject({
      norm: 'any-anxiety',
      cutoff: { value: 8, direction: 'at_or_above' },
      reliableChange: { value: 4, improvement: 'decrease' },
    });
    expect(getChangeCriteria(latest, 'gad')).toMatchObject({
      norm: 'gad',
      cutoff: { value: 10 },
      reliableChange: { value: 4 },
    });
    expect(getChangeCriteria(latest, 'gad').cutoff?.meaning).toContain('generalized');
    expect(() => getChangeCriteria(latest, 'iapt')).toThrow(RangeError);
    // 1.0.0 had no norm sets
    expect(() => getChangeCriteria(ref, 'gad')).toThrow(RangeError);
  });

  it('keeps the wording of 1.0.0, with the "Not at all" anchor', () => {
    expect(gad7V1_1.text).toEqual(gad7V1.text);
    expect(JSON.stringify(gad7V1_1.survey)).not.toMatch(/sure|zeker/i);
  });
});
