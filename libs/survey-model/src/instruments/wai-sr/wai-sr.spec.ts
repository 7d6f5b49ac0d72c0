import { numbered } from '../../../test/instrument-helpers';
import { getChangeCriteria } from '../../scoring/change-criteria';
import { scoreAnswers } from '../../scoring/score-answers';

const ref = { id: 'wai-sr', version: '1.0.0' } as const;

describe('WAI-SR scoring', () => {
  it('sums task, bond and goal items (no reverse items)', () => {
    // items 1..12 = 5 4 3 2 1 5 4 3 2 1 5 4
    const result = scoreAnswers(ref, numbered('waisr', [5, 4, 3, 2, 1, 5, 4, 3, 2, 1, 5, 4]));
    // task 1,2,10,12: 5 + 4 + 1 + 4 = 14; bond 3,5,7,9: 3 + 1 + 4 + 2 = 10; goal 4,6,8,11: 2 + 5 + 3 + 5 = 15; total 39
    expect(result.subscales['task']?.value).toBe(14);
    expect(result.subscales['bond']?.value).toBe(10);
    expect(result.subscales['goal']?.value).toBe(15);
    expect(result).toMatchObject({ total: 39, band: null, caseness: null, status: 'complete' });
  });

  it('a missing bond item: bond and total missing, task and goal scored', () => {
    const result = scoreAnswers(ref, numbered('waisr', [5, 4, null, 2, 1, 5, 4, 3, 2, 1, 5, 4]));
    expect(result).toMatchObject({ total: null, status: 'missing', missingCount: 1 });
    expect(result.subscales['bond']?.value).toBeNull();
    expect(result.subscales['task']?.value).toBe(14);
  });

  it('has no cut-off or reliable change value', () => {
    expect(getChangeCriteria(ref)).toMatchObject({ cutoff: null, reliableChange: null });
  });
});

describe('WAI-SR 1.1.0', () => {
  const latest = { id: 'wai-sr', version: '1.1.0' } as const;

  it('complete answers score as in 1.0.0', () => {
    // same hand sums as above: task 14, bond 10, goal 15, total 39
    const result = scoreAnswers(latest, numbered('waisr', [5, 4, 3, 2, 1, 5, 4, 3, 2, 1, 5, 4]));
    expect(result).toMatchObject({ total: 39, status: 'complete', scoringVersion: '1.1.0' });
    expect(result.subscales['bond']?.value).toBe(10);
  });

  it('a blank bond item: bond and total have no score (no rule in the source); task and goal are scored', () => {
    const result = scoreAnswers(latest, numbered('waisr', [5, 4, null, 2, 1, 5, 4, 3, 2, 1, 5, 4]));
    expect(result).toMatchObject({ total: null, status: 'missing', missingReason: 'no_missing_item_rule' });
    expect(result.subscales['bond']).toMatchObject({ value: null, missingReason: 'no_missing_item_rule' });
    expect(result.subscales['task']?.value).toBe(14);
    expect(result.subscales['goal']?.value).toBe(15);
  });

  it('still has no cut-off or reliable change value', () => {
    expect(getChangeCriteria(latest)).toMatchObject({ cutoff: null, reliableChange: null });
  });
});
