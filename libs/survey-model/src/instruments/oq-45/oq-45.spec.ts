import { numbered } from '../../../test/instrument-helpers';
import { getChangeCriteria } from '../../scoring/change-criteria';
import { scoreAnswers } from '../../scoring/score-answers';
import { endorsedRiskItems } from '../../safety/risk-items';
import { OQ45_SUBSCALE_NUMBERS } from './oq-45.instrument';

const ref = { id: 'oq-45', version: '1.0.0' } as const;
const allOf = (value: number): number[] => Array.from({ length: 45 }, () => value);

describe('OQ-45 structure', () => {
  it('the subscales (25 + 11 + 9 items) partition items 1-45', () => {
    const all = [
      ...OQ45_SUBSCALE_NUMBERS.symptom_distress,
      ...OQ45_SUBSCALE_NUMBERS.interpersonal_relations,
      ...OQ45_SUBSCALE_NUMBERS.social_role,
    ];
    expect(OQ45_SUBSCALE_NUMBERS.symptom_distress).toHaveLength(25);
    expect(OQ45_SUBSCALE_NUMBERS.interpersonal_relations).toHaveLength(11);
    expect(OQ45_SUBSCALE_NUMBERS.social_role).toHaveLength(9);
    expect([...all].sort((left, right) => left - right)).toEqual(
      Array.from({ length: 45 }, (_, index) => index + 1),
    );
  });
});

describe('OQ-45 scoring', () => {
  it('all items 1: reversed items count 3; total 63 is clinical under both norms', () => {
    const result = scoreAnswers(ref, numbered('oq45', allOf(1)));
    // 36 items × 1 + 9 reversed items × (4 − 1) = 36 + 27 = 63
    expect(result.total).toBe(63);
    // SD: reversed 13, 24, 31 → 22 × 1 + 3 × 3 = 31; IR: reversed 1, 20, 37, 43 → 7 + 12 = 19; SR: reversed 12, 21 → 7 + 6 = 13
    expect(result.subscales['symptom_distress']?.value).toBe(31);
    expect(result.subscales['interpersonal_relations']?.value).toBe(19);
    expect(result.subscales['social_role']?.value).toBe(13);
    expect(result.casenessByNorm).toEqual({ us: true, nl: true });
    expect(result.caseness).toBe(true);
  });

  it('all items 0: only the reversed items count (9 × 4 = 36), not clinical', () => {
    expect(scoreAnswers(ref, numbered('oq45', allOf(0)))).toMatchObject({
      total: 36,
      casenessByNorm: { us: false, nl: false },
    });
  });

  it('Dutch cut-off 56 and US cut-off 63 at their edges', () => {
    // 20 non-reversed items at 1, others 0: 36 + 20 = 56 → Dutch clinical, US not
    const twenty = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 22, 23, 25, 26];
    const values = allOf(0).map((_, index) => (twenty.includes(index + 1) ? 1 : 0));
    expect(scoreAnswers(ref, numbered('oq45', values))).toMatchObject({
      total: 56,
      caseness: false,
      casenessByNorm: { us: false, nl: true },
    });
    // one fewer: 55 → neither
    const nineteen = values.map((value, index) => (index + 1 === 26 ? 0 : value));
    expect(scoreAnswers(ref, numbered('oq45', nineteen))).toMatchObject({
      total: 55,
      casenessByNorm: { us: false, nl: false },
    });
  });

  it('a missing item: missing under both norms', () => {
    const values: (number | null)[] = allOf(1);
    values[44] = null;
    expect(scoreAnswers(ref, numbered('oq45', values))).toMatchObject({
      total: null,
      caseness: null,
      casenessByNorm: { us: null, nl: null },
      status: 'missing',
    });
  });

  it('looks up US (63, RCI 14) and Dutch (56, RCI 18) norms', () => {
    expect(getChangeCriteria(ref)).toMatchObject({
      norm: 'us',
      cutoff: { value: 63 },
      reliableChange: { value: 14 },
    });
    expect(getChangeCriteria(ref, 'nl')).toMatchObject({
      norm: 'nl',
      cutoff: { value: 56 },
      reliableChange: { value: 18 },
    });
    expect(() => getChangeCriteria(ref, 'de')).toThrow(RangeError);
    expect(() => getChangeCriteria({ id: 'phq-9', version: '1.0.0' }, 'nl')).toThrow(RangeError);
  });
});

describe('OQ-45 1.1.0: blanks filled from their subscale', () => {
  const latest = { id: 'oq-45', version: '1.1.0' } as const;
  // Raw answers, all 1 (reversed items then count 3), with some items changed or left blank.
  const answers = (changes: Readonly<Record<number, number | null>>): Record<string, number> =>
    numbered(
      'oq45',
      allOf(1).map((value, index) => (index + 1 in changes ? (changes[index + 1] ?? null) : value)),
    );

  it('complete answers score as in 1.0.0', () => {
    expect(scoreAnswers(latest, answers({}))).toMatchObject({
      total: 63,
      status: 'complete',
      casenessByNorm: { us: true, nl: true },
    });
    expect(scoreAnswers(latest, answers({})).imputed).toBeUndefined();
  });

  it('one blank symptom-distress item gets the rounded mean of the other 24 (1.25 → 1)', () => {
    // SD without item 2: 21 items at 1 + reversed 13, 24, 31 at 3 = 30 over 24 = 1.25 → 1; SD = 30 + 1 = 31
    const result = scoreAnswers(latest, answers({ 2: null }));
    expect(result).toMatchObject({
      total: 63,
      status: 'prorated',
      prorated: true,
      missingCount: 1,
      imputed: { oq45_2: 1 },
    });
    expect(result.subscales['symptom_distress']).toMatchObject({
      value: 31,
      status: 'prorated',
      missingCount: 1,
      imputed: { oq45_2: 1 },
    });
    expect(result.subscales['interpersonal_relations']).toMatchObject({ value: 19, status: 'complete' });
  });

  it('a mean of exactly .5 rounds up (2.5 → 3)', () => {
    // IR without item 7: reversed 1, 20, 37, 43 at raw 1 → 4 × 3 = 12; 16, 17, 18, 19, 26 at 2 and 30 at 3 → 13;
    // 25 over 10 = 2.5 → 3; IR = 25 + 3 = 28
    const result = scoreAnswers(latest, answers({ 7: null, 16: 2, 17: 2, 18: 2, 19: 2, 26: 2, 30: 3 }));
    expect(result.subscales['interpersonal_relations']).toMatchObject({ value: 28, imputed: { oq45_7: 3 } });
    // total: SD 31 + IR 28 + SR 13 = 72
    expect(result.total).toBe(72);
  });

  it('a blank reversed item is filled on the keyed scale (not reversed again)', () => {
    // IR without item 1: 7 items at 1 + reversed 20, 37, 43 at 3 = 16 over 10 = 1.6 → 2; IR = 16 + 2 = 18
    const result = scoreAnswers(latest, answers({ 1: null }));
    expect(result.subscales['interpersonal_relations']).toMatchObject({ value: 18, imputed: { oq45_1: 2 } });
    expect(result.total).toBe(62);
  });

  it('one blank in each subscale: all three filled (the limit is per subscale)', () => {
    // SR without item 4: 6 at 1 + reversed 12, 21 at 3 = 12 over 8 = 1.5 → 2; SR = 12 + 2 = 14
    const result = scoreAnswers(latest, answers({ 2: null, 7: null, 4: null }));
    expect(result.imputed).toEqual({ oq45_2: 1, oq45_7: 2, oq45_4: 2 });
    // IR without item 7: 6 at 1 + 4 reversed at 3 = 18 over 10 = 1.8 → 2; IR = 20. Total 31 + 20 + 14 = 65
    expect(result).toMatchObject({ total: 65, missingCount: 3, status: 'prorated', caseness: true });
  });

  it('two blanks in one subscale (past the limit): that subscale and the total are missing, never zero', () => {
    const result = scoreAnswers(latest, answers({ 2: null, 3: null }));
    expect(result).toMatchObject({
      total: null,
      caseness: null,
      casenessByNorm: { us: null, nl: null },
      status: 'missing',
      missingReason: 'too_many_missing_items',
      missingCount: 2,
    });
    expect(result.imputed).toBeUndefined();
    expect(result.missingDetail).toContain('at most 1 per subscale');
    expect(result.subscales['symptom_distress']).toMatchObject({ value: null, missingCount: 2 });
    expect(result.subscales['interpersonal_relations']).toMatchObject({ value: 19, status: 'complete' });
  });

  it('a blank critical item is filled for the score but endorses nothing (a person reads answers, not fills)', () => {
    const given = answers({ 8: null });
    expect(scoreAnswers(latest, given).status).toBe('prorated');
    expect(endorsedRiskItems(latest, given).map((risk) => risk.item)).not.toContain('oq45_8');
  });

  it('looks up US (63, RCI 14, default) and Dutch (56, RCI 18) norms, with the Dutch manual as source', () => {
    expect(getChangeCriteria(latest)).toMatchObject({
      norm: 'us',
      cutoff: { value: 63 },
      reliableChange: { value: 14 },
    });
    const dutch = getChangeCriteria(latest, 'nl');
    expect(dutch).toMatchObject({ cutoff: { value: 56 }, reliableChange: { value: 18 } });
    expect(dutch.reliableChange?.source).toContain('Handleiding');
  });
});
