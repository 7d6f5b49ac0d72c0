import { numbered } from '../../../test/instrument-helpers';
import { scoreAnswers } from '../../scoring/score-answers';

const ref = { id: 'bat-23', version: '1.0.0' } as const;
const values = [3, 3, 3, 3, 4, 4, 4, 4, 2, 2, 2, 2, 2, 1, 2, 3, 4, 5, 1, 1, 1, 1, 1];

describe('BAT-23 scoring', () => {
  it('subscale means and total mean', () => {
    const result = scoreAnswers(ref, numbered('bat23', values));
    // exhaustion (4 × 3 + 4 × 4) / 8 = 28 / 8 = 3.5; mental distance 10 / 5 = 2; cognitive (1+2+3+4+5) / 5 = 3;
    // emotional 5 / 5 = 1; total (28 + 10 + 15 + 5) / 23 = 58 / 23
    expect(result.subscales['exhaustion']?.value).toBe(3.5);
    expect(result.subscales['mental_distance']?.value).toBe(2);
    expect(result.subscales['cognitive_impairment']?.value).toBe(3);
    expect(result.subscales['emotional_impairment']?.value).toBe(1);
    expect(result.total).toBeCloseTo(58 / 23, 12);
  });

  it('a missing exhaustion item: exhaustion and total missing, the rest scored', () => {
    const result = scoreAnswers(ref, numbered('bat23', [null, ...values.slice(1)]));
    expect(result).toMatchObject({ total: null, status: 'missing' });
    expect(result.subscales['exhaustion']?.value).toBeNull();
    expect(result.subscales['mental_distance']?.value).toBe(2);
  });
});

describe('BAT-23 1.1.0', () => {
  const latest = { id: 'bat-23', version: '1.1.0' } as const;

  it('subscale means and total mean as in 1.0.0', () => {
    const result = scoreAnswers(latest, numbered('bat23', values));
    expect(result.subscales['exhaustion']?.value).toBe(3.5);
    expect(result.total).toBeCloseTo(58 / 23, 12);
    expect(result.band).toBeNull();
  });

  it('a blank exhaustion item: exhaustion and total have no score (no rule in the sources), the rest scored', () => {
    const result = scoreAnswers(latest, numbered('bat23', [null, ...values.slice(1)]));
    expect(result).toMatchObject({ total: null, status: 'missing', missingReason: 'no_missing_item_rule' });
    expect(result.subscales['exhaustion']).toMatchObject({
      value: null,
      missingReason: 'no_missing_item_rule',
    });
    expect(result.subscales['mental_distance']?.value).toBe(2);
  });
});
