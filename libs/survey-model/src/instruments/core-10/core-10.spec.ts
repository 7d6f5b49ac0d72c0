import { numbered } from '../../../test/instrument-helpers';
import { getChangeCriteria } from '../../scoring/change-criteria';
import { scoreAnswers } from '../../scoring/score-answers';
import { riskItemsOf } from '../../safety/risk-items';

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

describe('CORE-10 1.1.0', () => {
  const latest = { id: 'core-10', version: '1.1.0' } as const;
  // Keyed values (after reversing items 2 and 3) → raw answers: items 2 and 3 are given as 4 − keyed.
  const raw = (keyed: (number | null)[]): (number | null)[] =>
    keyed.map((value, index) => (value !== null && (index === 1 || index === 2) ? 4 - value : value));
  const score11 = (keyed: (number | null)[]) => scoreAnswers(latest, numbered('core10', raw(keyed)));

  it.each([
    // keyed items (sum = clinical score when complete), band (Barkham et al. 2013), caseness by norm
    [[1, 1, 1, 1, 1, 0, 0, 0, 0, 0], 5, 'healthy', false, false, false],
    [[1, 1, 1, 1, 1, 1, 0, 0, 0, 0], 6, 'low', false, false, false],
    [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 10, 'low', false, true, false],
    [[2, 1, 1, 1, 1, 1, 1, 1, 1, 1], 11, 'mild', true, true, false],
    [[2, 2, 1, 1, 1, 1, 1, 1, 1, 1], 12, 'mild', true, true, false],
    [[2, 2, 2, 1, 1, 1, 1, 1, 1, 1], 13, 'mild', true, true, true],
    [[2, 2, 2, 2, 1, 1, 1, 1, 1, 1], 14, 'mild', true, true, true],
    [[2, 2, 2, 2, 2, 1, 1, 1, 1, 1], 15, 'moderate', true, true, true],
    [[2, 2, 2, 2, 2, 2, 2, 2, 2, 1], 19, 'moderate', true, true, true],
    [[2, 2, 2, 2, 2, 2, 2, 2, 2, 2], 20, 'moderate_severe', true, true, true],
    [[3, 3, 3, 3, 2, 2, 2, 2, 2, 2], 24, 'moderate_severe', true, true, true],
    [[3, 3, 3, 3, 3, 2, 2, 2, 2, 2], 25, 'severe', true, true, true],
    [[4, 4, 4, 4, 4, 4, 4, 4, 4, 4], 40, 'severe', true, true, true],
  ])('keyed %j → %i (%s); barkham-2013 %s, core-om %s, depression %s', (keyed, total, band, b, c, d) => {
    expect(score11(keyed)).toMatchObject({
      total,
      band,
      caseness: b,
      casenessByNorm: { 'barkham-2013': b, 'core-om': c, depression: d },
      status: 'complete',
    });
  });

  it.each([
    // one blank (the limit): mean of the nine answered × 10, unrounded
    [[1, 1, 1, 1, 1, 1, 1, 1, 1, null], 10, 'low', false, true, false], // 9 / 9 × 10 = 10
    [[2, 1, 1, 1, 1, 1, 1, 1, 1, null], 100 / 9, 'mild', true, true, false], // 10 / 9 × 10 = 11.1…
    [[null, 3, 1, 1, 1, 1, 1, 1, 2, 1], 120 / 9, 'mild', true, true, true], // 12 / 9 × 10 = 13.3…
  ])('one blank, keyed %j → %d (%s), prorated', (keyed, total, band, b, c, d) => {
    const result = score11(keyed);
    expect(result.total).toBeCloseTo(total, 12);
    expect(result).toMatchObject({
      band,
      casenessByNorm: { 'barkham-2013': b, 'core-om': c, depression: d },
      status: 'prorated',
      prorated: true,
      missingCount: 1,
    });
  });

  it('two blanks (past the limit): no score, never zero', () => {
    expect(score11([1, 1, 1, 1, 1, 1, 1, 1, null, null])).toMatchObject({
      total: null,
      band: null,
      caseness: null,
      status: 'missing',
      missingReason: 'too_many_missing_items',
      missingCount: 2,
    });
  });

  it('looks up the three norms: 11 (default), 10 and 13, each with reliable change 6', () => {
    expect(getChangeCriteria(latest)).toMatchObject({
      norm: 'barkham-2013',
      cutoff: { value: 11 },
      reliableChange: { value: 6, improvement: 'decrease' },
    });
    expect(getChangeCriteria(latest, 'core-om')).toMatchObject({
      cutoff: { value: 10 },
      reliableChange: { value: 6 },
    });
    expect(getChangeCriteria(latest, 'depression')).toMatchObject({ cutoff: { value: 13 } });
    expect(getChangeCriteria(latest).reliableChange?.source).toContain('90% confidence interval');
  });

  it('item 6 stays the risk item in 1.1.0', () => {
    expect(riskItemsOf(latest).map((rule) => rule.item)).toEqual(['core10_6']);
  });
});
