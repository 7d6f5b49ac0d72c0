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

describe('SRS 1.1.0', () => {
  const latest = { id: 'srs', version: '1.1.0' } as const;

  it.each([
    // lines, total, alliance concern (≤ 36), flags per line (below 9), count
    [[9, 9, 9, 9], 36, true, [0, 0, 0, 0], 0],
    [[9.1, 9, 9, 9], 36.1, false, [0, 0, 0, 0], 0],
    [[10, 8.9, 10, 9.5], 38.4, false, [0, 1, 0, 0], 1], // a low line under a good total
    [[8.9, 8.9, 10, 10], 37.8, false, [1, 1, 0, 0], 2],
    [[5, 6, 7, 8], 26, true, [1, 1, 1, 1], 4],
    [[10, 10, 10, 10], 40, false, [0, 0, 0, 0], 0],
  ])('%j → %d, concern %s, low lines %j', (lines, total, concern, flags, count) => {
    const result = scoreAnswers(latest, numbered('srs', lines));
    expect(result).toMatchObject({ total, caseness: concern });
    expect(result.derived).toEqual({
      'low_item.srs_1': flags[0],
      'low_item.srs_2': flags[1],
      'low_item.srs_3': flags[2],
      'low_item.srs_4': flags[3],
      'low_item.count': count,
    });
  });

  it('a blank line: no total (no rule in the manual); its flag and the count are unknown, the others still show', () => {
    const result = scoreAnswers(latest, numbered('srs', [null, 8, 9, 9]));
    expect(result).toMatchObject({ total: null, caseness: null, missingReason: 'no_missing_item_rule' });
    expect(result.derived).toMatchObject({
      'low_item.srs_1': null,
      'low_item.srs_2': 1,
      'low_item.count': null,
    });
  });
});
