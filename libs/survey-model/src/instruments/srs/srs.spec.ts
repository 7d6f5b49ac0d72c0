import { numbered } from '../../../test/instrument-helpers';
import { scoreAnswers } from '../../scoring/score-answers';

const ref = { id: 'srs', version: '1.0.0' } as const;

describe('SRS scoring', () => {
  it('36 or less flags an alliance concern', () => {
    // 9 + 9 + 9 + 9 = 36
    expect(scoreAnswers(ref, numbered('srs', [9, 9, 9, 9]))).toMatchObject({ total: 36, caseness: true });
    // 9.1 + 9 + 9 + 9 = 36.1
    expect(scoreAnswers(ref, numbered('srs', [9.1, 9, 9, 9]))).toMatchObject({
      total: 36.1,
      caseness: false,
    });
    // 10 × 4 = 40
    expect(scoreAnswers(ref, numbered('srs', [10, 10, 10, 10]))).toMatchObject({
      total: 40,
      caseness: false,
    });
  });

  it('a missing line: missing', () => {
    expect(scoreAnswers(ref, numbered('srs', [null, 9, 9, 9]))).toMatchObject({
      total: null,
      caseness: null,
      status: 'missing',
    });
  });
});
