import { scoreAnswers } from '../../scoring/score-answers';

const ref = { id: 'klik-session-log', version: '1.0.0' } as const;
const alliance = {
  ksl_alliance_bond: 4,
  ksl_alliance_goals: 5,
  ksl_alliance_tasks: 3,
  ksl_alliance_trust: 4,
};

describe('klik-session-log scoring', () => {
  it('disclosed: content and intent flags, reaction, practitioner alliance', () => {
    const result = scoreAnswers(ref, {
      ksl_disclosed: 1,
      ksl_content: ['low_point', 'victories'],
      ksl_intent: ['hope', 'not_alone'],
      ksl_reaction: 4,
      ksl_focus_returned: 5,
      ...alliance,
    });
    // alliance (4 + 5 + 3 + 4) / 4 = 4
    expect(result.subscales['alliance']).toEqual({
      value: 4,
      status: 'complete',
      missingCount: 0,
      prorated: false,
    });
    expect(result.status).toBe('complete');
    expect(result.derived).toMatchObject({
      disclosed: 1,
      'content.low_point': 1,
      'content.victories': 1,
      'content.struggles': 0,
      'content.count': 2,
      'intent.hope': 1,
      'intent.not_alone': 1,
      'intent.denial': 0,
      'intent.count': 2,
      reaction: 4,
      focus_returned: 5,
    });
  });

  it('not disclosed: flags 0, reaction unknown, alliance still scored', () => {
    const result = scoreAnswers(ref, { ksl_disclosed: 0, ...alliance });
    expect(result.subscales['alliance']?.value).toBe(4);
    expect(result.derived).toMatchObject({
      disclosed: 0,
      'content.count': 0,
      'content.struggles': 0,
      'intent.count': 0,
      reaction: null,
    });
  });

  it('an alliance item missing: the alliance is missing (no proration)', () => {
    const result = scoreAnswers(ref, { ksl_disclosed: 0, ...alliance, ksl_alliance_trust: null });
    expect(result.subscales['alliance']).toMatchObject({ value: null, status: 'missing', missingCount: 1 });
    expect(result.status).toBe('missing');
  });
});
