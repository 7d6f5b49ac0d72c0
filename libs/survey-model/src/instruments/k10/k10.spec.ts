import { numbered } from '../../../test/instrument-helpers';
import { scoreAnswers } from '../../scoring/score-answers';

const score = (values: (number | null)[]) =>
  scoreAnswers({ id: 'k10', version: '1.0.0' }, numbered('k10', values));

describe('K10 scoring', () => {
  it.each([
    [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 10, 'low'], // 10 × 1 = 10
    [[2, 2, 2, 2, 2, 1, 1, 1, 1, 1], 15, 'low'], // 5 × 2 + 5 × 1 = 15
    [[2, 2, 2, 2, 2, 2, 1, 1, 1, 1], 16, 'moderate'], // 6 × 2 + 4 × 1 = 16
    [[3, 2, 2, 2, 2, 2, 2, 2, 2, 2], 21, 'moderate'], // 3 + 9 × 2 = 21
    [[3, 3, 2, 2, 2, 2, 2, 2, 2, 2], 22, 'high'], // 2 × 3 + 8 × 2 = 22
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 2], 29, 'high'], // 9 × 3 + 2 = 29
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 30, 'very_high'], // 10 × 3 = 30
    [[5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 50, 'very_high'], // 10 × 5 = 50
  ])('%j → %i (%s)', (values, total, band) => {
    expect(score(values)).toMatchObject({ total, band, caseness: null, status: 'complete' });
  });

  it('one missing item: missing, not prorated', () => {
    expect(score([5, 5, 5, 5, 5, 5, 5, 5, 5, null])).toMatchObject({
      total: null,
      band: null,
      status: 'missing',
      missingCount: 1,
    });
  });

  it('0 is not a K10 value (the scale starts at 1)', () => {
    expect(score([0, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toMatchObject({
      status: 'missing',
      missingReason: 'invalid_answer',
    });
  });
});
