import { numbered } from '../../../test/instrument-helpers';
import { getChangeCriteria } from '../../scoring/change-criteria';
import { scoreAnswers } from '../../scoring/score-answers';

const ref = { id: 'ors', version: '1.0.0' } as const;

describe('ORS scoring', () => {
  it('sums four lines to one decimal; below 25 is the clinical range', () => {
    // 7.3 + 6.2 + 5.5 + 5.9 = 24.9 (< 25)
    expect(scoreAnswers(ref, numbered('ors', [7.3, 6.2, 5.5, 5.9]))).toMatchObject({
      total: 24.9,
      caseness: true,
    });
    // 7.3 + 6.2 + 5.5 + 6.0 = 25.0 (not below 25)
    expect(scoreAnswers(ref, numbered('ors', [7.3, 6.2, 5.5, 6]))).toMatchObject({
      total: 25,
      caseness: false,
    });
  });

  it('a missing line: missing', () => {
    expect(scoreAnswers(ref, numbered('ors', [7.3, 6.2, 5.5, null]))).toMatchObject({
      total: null,
      status: 'missing',
    });
  });

  it('looks up cut-off 25 and RCI 5 (improvement is an increase)', () => {
    expect(getChangeCriteria(ref)).toMatchObject({
      cutoff: { value: 25, direction: 'below' },
      reliableChange: { value: 5, improvement: 'increase' },
    });
  });
});

describe('ORS 1.1.0', () => {
  const latest = { id: 'ors', version: '1.1.0' } as const;

  it('the cut-off edge: 24.9 is clinical, 25.0 is not', () => {
    expect(scoreAnswers(latest, numbered('ors', [7.3, 6.2, 5.5, 5.9]))).toMatchObject({
      total: 24.9,
      caseness: true,
    });
    expect(scoreAnswers(latest, numbered('ors', [7.3, 6.2, 5.5, 6]))).toMatchObject({
      total: 25,
      caseness: false,
    });
  });

  it('a blank line: no score, because the manual gives no rule', () => {
    expect(scoreAnswers(latest, numbered('ors', [7.3, 6.2, 5.5, null]))).toMatchObject({
      total: null,
      caseness: null,
      status: 'missing',
      missingReason: 'no_missing_item_rule',
    });
  });

  it('looks up cut-off 25 and reliable change 5 (Miller et al. 2003)', () => {
    const criteria = getChangeCriteria(latest);
    expect(criteria).toMatchObject({
      cutoff: { value: 25, direction: 'below' },
      reliableChange: { value: 5, improvement: 'increase' },
    });
    expect(criteria.reliableChange?.source).toContain('Miller SD');
  });
});
