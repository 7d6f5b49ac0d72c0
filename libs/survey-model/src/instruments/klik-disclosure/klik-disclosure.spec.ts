import { scoreAnswers } from '../../scoring/score-answers';

const ref = { id: 'klik-disclosure', version: '1.0.0' } as const;

const full: Record<string, unknown> = {
  kd_frequency: 2,
  kd_content: ['struggles', 'techniques'],
  kd_fit_1: 4,
  kd_fit_2: 4,
  kd_fit_3: 3,
  kd_boundary_1: 5,
  kd_boundary_2: 5,
  kd_boundary_3: 1,
  kd_helpful: 4,
  kd_effect_openness: 4,
  kd_effect_hope: 5,
  kd_effect_not_alone: 5,
  kd_effect_shame: 3,
};

const zeroFlags = {
  'content.struggles': 0,
  'content.low_point': 0,
  'content.resistance': 0,
  'content.victories': 0,
  'content.insights': 0,
  'content.patterns': 0,
  'content.techniques': 0,
  'content.other': 0,
  'content.count': 0,
};

describe('klik-disclosure scoring', () => {
  it('subscale means, frequency and content flags', () => {
    const result = scoreAnswers(ref, full);
    // fit (4 + 4 + 3) / 3 = 11 / 3; boundary (5 + 5 + (6 − 1)) / 3 = 5; helpfulness 4; effects (4 + 5 + 5 + 3) / 4 = 4.25
    expect(result.subscales['fit']?.value).toBeCloseTo(11 / 3, 12);
    expect(result.subscales['boundary']?.value).toBe(5);
    expect(result.subscales['helpfulness']?.value).toBe(4);
    expect(result.subscales['effects']?.value).toBe(4.25);
    expect(result).toMatchObject({ total: null, status: 'complete', missingCount: 0 });
    expect(result.derived).toEqual({
      ...zeroFlags,
      frequency: 2,
      'content.struggles': 1,
      'content.techniques': 1,
      'content.count': 2,
    });
  });

  it('"never": not applicable (missing with that reason), content flags all 0', () => {
    const result = scoreAnswers(ref, { kd_frequency: 0 });
    expect(result).toMatchObject({ total: null, status: 'missing', missingReason: 'not_applicable' });
    for (const id of ['fit', 'boundary', 'helpfulness', 'effects']) {
      expect(result.subscales[id]).toMatchObject({
        value: null,
        status: 'missing',
        missingReason: 'not_applicable',
      });
    }
    expect(result.derived).toEqual({ ...zeroFlags, frequency: 0 });
  });

  it('effects: one missing item is prorated (mean of three), two are missing', () => {
    const one = scoreAnswers(ref, { ...full, kd_effect_shame: null });
    // (4 + 5 + 5) / 3 = 14 / 3
    expect(one.subscales['effects']).toMatchObject({ status: 'prorated', prorated: true, missingCount: 1 });
    expect(one.subscales['effects']?.value).toBeCloseTo(14 / 3, 12);
    expect(one.status).toBe('prorated');

    const two = scoreAnswers(ref, { ...full, kd_effect_shame: null, kd_effect_hope: null });
    expect(two.subscales['effects']).toMatchObject({ value: null, status: 'missing', missingCount: 2 });
    expect(two).toMatchObject({ status: 'missing', missingReason: 'subscale_missing' });
    expect(two.subscales['fit']?.value).toBeCloseTo(11 / 3, 12);
  });

  it('content not answered although disclosure was reported: flags unknown (null), not 0', () => {
    const rest = Object.fromEntries(Object.entries(full).filter(([item]) => item !== 'kd_content'));
    expect(scoreAnswers(ref, rest).derived['content.count']).toBeNull();
    expect(scoreAnswers(ref, rest).derived['content.struggles']).toBeNull();
  });
});
