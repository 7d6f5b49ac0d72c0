import { scoreAnswers } from '../../scoring/score-answers';

const ref = { id: 'klik-alliance', version: '1.0.0' } as const;

// bond 5,4,5; goals 4,4,2 (goals_3 reversed: 6 − 2 = 4); tasks 3,4,5; equality 4,5,1 (equality_3 reversed: 6 − 1 = 5);
// humanity 5,5,5.
const answers: Record<string, number> = {
  ka_bond_1: 5,
  ka_bond_2: 4,
  ka_bond_3: 5,
  ka_goals_1: 4,
  ka_goals_2: 4,
  ka_goals_3: 2,
  ka_tasks_1: 3,
  ka_tasks_2: 4,
  ka_tasks_3: 5,
  ka_equality_1: 4,
  ka_equality_2: 5,
  ka_equality_3: 1,
  ka_humanity_1: 5,
  ka_humanity_2: 5,
  ka_humanity_3: 5,
};

const without = (...items: string[]): Record<string, number> =>
  Object.fromEntries(Object.entries(answers).filter(([item]) => !items.includes(item)));

describe('klik-alliance scoring', () => {
  it('means with reverse-keyed items', () => {
    const result = scoreAnswers(ref, answers);
    // keyed sums: bond 14, goals 4 + 4 + 4 = 12, tasks 12, equality 4 + 5 + 5 = 14, humanity 15 → 67; 67 / 15
    expect(result.total).toBeCloseTo(67 / 15, 12);
    expect(result.subscales['bond']?.value).toBeCloseTo(14 / 3, 12);
    expect(result.subscales['goals']?.value).toBe(4);
    expect(result.subscales['tasks']?.value).toBe(4);
    expect(result.subscales['equality']?.value).toBeCloseTo(14 / 3, 12);
    expect(result.subscales['humanity']?.value).toBe(5);
    expect(result).toMatchObject({ status: 'complete', prorated: false, band: null, caseness: null });
  });

  it('reverse keying: all 1s give 1 on thirteen items and 5 on the two reversed ones', () => {
    const ones = Object.fromEntries(Object.keys(answers).map((item) => [item, 1]));
    const result = scoreAnswers(ref, ones);
    // (13 × 1 + 2 × 5) / 15 = 23 / 15; goals: (1 + 1 + 5) / 3 = 7 / 3
    expect(result.total).toBeCloseTo(23 / 15, 12);
    expect(result.subscales['goals']?.value).toBeCloseTo(7 / 3, 12);
  });

  it('two missing items (the limit): total prorated, the affected subscales missing', () => {
    const result = scoreAnswers(ref, without('ka_bond_1', 'ka_tasks_1'));
    // 67 − 5 − 3 = 59 over 13 answered items
    expect(result.total).toBeCloseTo(59 / 13, 12);
    expect(result).toMatchObject({ status: 'prorated', prorated: true, missingCount: 2 });
    expect(result.subscales['bond']).toMatchObject({
      value: null,
      status: 'missing',
      missingReason: 'too_many_missing_items',
      missingCount: 1,
    });
    expect(result.subscales['goals']).toMatchObject({ value: 4, status: 'complete' });
  });

  it('three missing items (past the limit): missing', () => {
    const result = scoreAnswers(ref, without('ka_bond_1', 'ka_tasks_1', 'ka_humanity_3'));
    expect(result).toMatchObject({
      total: null,
      status: 'missing',
      missingReason: 'too_many_missing_items',
      missingCount: 3,
    });
  });
});
