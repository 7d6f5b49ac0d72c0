import { scoreAnswers } from '../../scoring/score-answers';

const ref = { id: 'klik-checkin', version: '1.0.0' } as const;

describe('klik-checkin scoring', () => {
  it('reports well-being, session alliance and hope separately', () => {
    const result = scoreAnswers(ref, { kc_wellbeing: 7, kc_connection: 8, kc_heard: 9, kc_hope: 6 });
    // session alliance (8 + 9) / 2 = 8.5
    expect(result.subscales['wellbeing']?.value).toBe(7);
    expect(result.subscales['session_alliance']?.value).toBe(8.5);
    expect(result.subscales['hope']?.value).toBe(6);
    expect(result).toMatchObject({ total: null, status: 'complete' });
  });

  it('0 is a real answer, not missing', () => {
    const result = scoreAnswers(ref, { kc_wellbeing: 0, kc_connection: 0, kc_heard: 0, kc_hope: 0 });
    expect(result.subscales['wellbeing']).toMatchObject({ value: 0, status: 'complete' });
    expect(result.status).toBe('complete');
  });

  it('a missing item leaves its part missing and the others scored', () => {
    const result = scoreAnswers(ref, { kc_wellbeing: 3, kc_connection: 8, kc_heard: 9 });
    expect(result.subscales['hope']).toMatchObject({ value: null, status: 'missing' });
    expect(result.subscales['wellbeing']?.value).toBe(3);
    expect(result).toMatchObject({ status: 'missing', missingReason: 'subscale_missing', missingCount: 1 });
  });

  it('11 is out of range: invalid_answer', () => {
    expect(scoreAnswers(ref, { kc_wellbeing: 11, kc_connection: 8, kc_heard: 9, kc_hope: 6 })).toMatchObject({
      status: 'missing',
      missingReason: 'invalid_answer',
    });
  });
});
