import { numbered } from '../../../test/instrument-helpers';
import { getChangeCriteria } from '../../scoring/change-criteria';
import { scoreAnswers } from '../../scoring/score-answers';
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
