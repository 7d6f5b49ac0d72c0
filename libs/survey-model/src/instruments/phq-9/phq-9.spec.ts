import { numbered } from '../../../test/instrument-helpers';
import { getChangeCriteria } from '../../scoring/change-criteria';
import { scoreAnswers } from '../../scoring/score-answers';

const ref = { id: 'phq-9', version: '1.0.0' } as const;
const score = (values: (number | null)[], extra: Record<string, unknown> = {}) =>
  scoreAnswers(ref, { ...numbered('phq9', values), ...extra });

describe('PHQ-9 scoring', () => {
  it('sums the nine items and records versions', () => {
    // 1 + 1 + 2 + 0 + 0 + 1 + 0 + 0 + 0 = 5
    expect(score([1, 1, 2, 0, 0, 1, 0, 0, 0])).toEqual({
      instrumentId: 'phq-9',
      instrumentVersion: '1.0.0',
      scoringVersion: '1.0.0',
      total: 5,
      subscales: {},
      band: 'mild',
      caseness: false,
      casenessByNorm: {},
      missingCount: 0,
      prorated: false,
      status: 'complete',
      derived: { difficulty: null },
    });
  });

  it.each([
    // answers, hand sum, band, caseness (>= 10)
    [[0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'minimal', false], // 0
    [[1, 1, 1, 1, 0, 0, 0, 0, 0], 4, 'minimal', false], // 4 × 1 = 4
    [[1, 1, 1, 1, 1, 0, 0, 0, 0], 5, 'mild', false], // 5 × 1 = 5
    [[1, 1, 1, 1, 1, 1, 1, 1, 1], 9, 'mild', false], // 9 × 1 = 9
    [[2, 1, 1, 1, 1, 1, 1, 1, 1], 10, 'moderate', true], // 2 + 8 × 1 = 10
    [[2, 2, 2, 2, 2, 1, 1, 1, 1], 14, 'moderate', true], // 5 × 2 + 4 × 1 = 14
    [[2, 2, 2, 2, 2, 2, 1, 1, 1], 15, 'moderately_severe', true], // 6 × 2 + 3 × 1 = 15
    [[3, 2, 2, 2, 2, 2, 2, 2, 2], 19, 'moderately_severe', true], // 3 + 8 × 2 = 19
    [[3, 3, 2, 2, 2, 2, 2, 2, 2], 20, 'severe', true], // 2 × 3 + 7 × 2 = 20
    [[3, 3, 3, 3, 3, 3, 3, 3, 3], 27, 'severe', true], // 9 × 3 = 27
  ])('%j → %i (%s), caseness %s', (values, total, band, caseness) => {
    const result = score(values);
    expect(result.total).toBe(total);
    expect(result.band).toBe(band);
    expect(result.caseness).toBe(caseness);
  });

  it('the difficulty item is reported but not scored', () => {
    const result = score([1, 1, 1, 1, 1, 1, 1, 1, 1], { phq9_difficulty: 3 });
    expect(result.total).toBe(9);
    expect(result.derived).toEqual({ difficulty: 3 });
  });

  it('one missing item: missing, not prorated and never zero', () => {
    const result = score([3, 3, 3, 3, 3, 3, 3, 3, null]);
    expect(result).toMatchObject({
      total: null,
      band: null,
      caseness: null,
      status: 'missing',
      missingReason: 'too_many_missing_items',
      missingCount: 1,
    });
  });

  it('null counts as missing; no answers at all is missing with every item counted', () => {
    expect(score([0, 0, 0, 0, 0, 0, 0, 0, 0], { phq9_9: null }).status).toBe('missing');
    expect(scoreAnswers(ref, {})).toMatchObject({ total: null, status: 'missing', missingCount: 9 });
  });

  it('an invalid value makes the score missing (invalid_answer), not a guess', () => {
    expect(score([4, 0, 0, 0, 0, 0, 0, 0, 0])).toMatchObject({
      total: null,
      status: 'missing',
      missingReason: 'invalid_answer',
    });
    expect(score([0, 0, 0, 0, 0, 0, 0, 0, 0], { phq9_1: '2' })).toMatchObject({
      status: 'missing',
      missingReason: 'invalid_answer',
    });
    // 1.5 lies between two answer options
    expect(score([1.5, 0, 0, 0, 0, 0, 0, 0, 0])).toMatchObject({
      total: null,
      missingReason: 'invalid_answer',
    });
  });

  it('looks up caseness and reliable improvement (drop of 6)', () => {
    expect(getChangeCriteria(ref)).toMatchObject({
      norm: null,
      cutoff: { value: 10, direction: 'at_or_above' },
      reliableChange: { value: 6, improvement: 'decrease' },
    });
  });
});
