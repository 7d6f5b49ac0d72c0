import { numbered } from '../../../test/instrument-helpers';
import { getChangeCriteria } from '../../scoring/change-criteria';
import { scoreAnswers } from '../../scoring/score-answers';

const ref = { id: 'core-10', version: '1.0.0' } as const;
const score = (values: (number | null)[]) => scoreAnswers(ref, numbered('core10', values));

describe('CORE-10 scoring', () => {
  it('clinical score = mean × 10 with items 2 and 3 reversed', () => {
    // raw 1 3 4 2 2 1 0 2 3 1; items 2, 3 reversed: 4 − 3 = 1, 4 − 4 = 0
    // keyed 1 1 0 2 2 1 0 2 3 1 = 13; 13 / 10 × 10 = 13
    expect(score([1, 3, 4, 2, 2, 1, 0, 2, 3, 1])).toMatchObject({
      total: 13,
      caseness: true,
      status: 'complete',
      prorated: false,
    });
  });

  it.each([
    // keyed sum 10 → 10: below the cut-off of 11. Items 2 and 3 raw 3 → keyed 1.
    [[1, 3, 3, 1, 1, 1, 1, 1, 1, 1], 10, false],
    // keyed sum 11 → 11: at the cut-off
    [[2, 3, 3, 1, 1, 1, 1, 1, 1, 1], 11, true],
  ])('cut-off edge: %j → %i, caseness %s', (values, total, caseness) => {
    expect(score(values)).toMatchObject({ total, caseness });
  });

  it('one missing item (the limit) is prorated', () => {
    // keyed 1 1 0 2 2 1 0 2 3 – = 12 over 9 items; 12 / 9 × 10 = 120 / 9 = 13.33…
    const result = score([1, 3, 4, 2, 2, 1, 0, 2, 3, null]);
    expect(result.total).toBeCloseTo(120 / 9, 12);
    expect(result).toMatchObject({ status: 'prorated', prorated: true, missingCount: 1, caseness: true });
  });

  it('two missing items (past the limit): missing, never zero', () => {
    expect(score([1, 3, 4, 2, 2, 1, 0, 2, null, null])).toMatchObject({
      total: null,
      caseness: null,
      status: 'missing',
      missingReason: 'too_many_missing_items',
      missingCount: 2,
    });
  });

  it('looks up cut-off 11 and RCI 6', () => {
    expect(getChangeCriteria(ref)).toMatchObject({
      cutoff: { value: 11 },
      reliableChange: { value: 6, improvement: 'decrease' },
    });
  });
});
