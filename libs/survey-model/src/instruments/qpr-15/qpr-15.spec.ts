import { numbered } from '../../../test/instrument-helpers';
import { scoreAnswers } from '../../scoring/score-answers';

const ref = { id: 'qpr-15', version: '1.0.0' } as const;

describe('QPR-15 scoring', () => {
  it('sums 15 items (0-60)', () => {
    // 5 × 4 + 5 × 3 + 5 × 2 = 20 + 15 + 10 = 45
    expect(scoreAnswers(ref, numbered('qpr15', [4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2]))).toMatchObject(
      { total: 45, status: 'complete' },
    );
    expect(
      scoreAnswers(
        ref,
        numbered(
          'qpr15',
          Array.from({ length: 15 }, () => 4),
        ),
      ).total,
    ).toBe(60);
  });

  it('a missing item: missing', () => {
    expect(
      scoreAnswers(ref, numbered('qpr15', [4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 2, 2, 2, 2, null])),
    ).toMatchObject({ total: null, status: 'missing' });
  });
});

describe('QPR-15 1.1.0', () => {
  const latest = { id: 'qpr-15', version: '1.1.0' } as const;

  it('sums 15 items, 0 to 60', () => {
    expect(
      scoreAnswers(
        latest,
        numbered(
          'qpr15',
          Array.from({ length: 15 }, () => 0),
        ),
      ).total,
    ).toBe(0);
    // 5 × 4 + 5 × 3 + 5 × 2 = 45
    expect(scoreAnswers(latest, numbered('qpr15', [4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2])).total).toBe(
      45,
    );
    expect(
      scoreAnswers(
        latest,
        numbered(
          'qpr15',
          Array.from({ length: 15 }, () => 4),
        ),
      ).total,
    ).toBe(60);
  });

  it('a blank item: no score, because the source gives no rule', () => {
    expect(
      scoreAnswers(latest, numbered('qpr15', [4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 2, 2, 2, 2, null])),
    ).toMatchObject({
      total: null,
      status: 'missing',
      missingReason: 'no_missing_item_rule',
      missingCount: 1,
    });
  });
});
