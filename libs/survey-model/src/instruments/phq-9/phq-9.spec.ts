import { numbered } from '../../../test/instrument-helpers';
import { getChangeCriteria } from '../../scoring/change-criteria';
import { scoreAnswers } from '../../scoring/score-answers';
import { getInstrument } from '../registry';

const ref = { id: 'phq-9', version: '1.0.0' } as const;
const score = (values: (number | null)[], extra: Record<string, unknown> = {}) =>
  scoreAnswers(ref, { ...numbered('phq9', values), ...extra });

describe('PHQ-9 scoring', () => {
  it('sums the nine items and records versions', () => {
    // 1 + 1 + 2 + 0 + 0 + 1 + 0 + 0 + 0 = 5
    expect(score([1, 1, 2, 0, 0, 1, 0, 0, 0])).toEqual({
      instrumentId: 'phq-9',
      instrumentVersion: '1.0.0',
      scoringVersion: '1.0.0',
      total: 5,
      subscales: {},
      band: 'mild',
      caseness: false,
      casenessByNorm: {},
      bandByNorm: {},
      missingCount: 0,
      prorated: false,
      status: 'complete',
      derived: { difficulty: null },
    });
  });

  it.each([
    // answers, hand sum, band, caseness (>= 10)
    [[0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'minimal', false], // 0
    [[1, 1, 1, 1, 0, 0, 0, 0, 0], 4, 'minimal', false], // 4 × 1 = 4
    [[1, 1, 1, 1, 1, 0, 0, 0, 0], 5, 'mild', false], // 5 × 1 = 5
    [[1, 1, 1, 1, 1, 1, 1, 1, 1], 9, 'mild', false], // 9 × 1 = 9
    [[2, 1, 1, 1, 1, 1, 1, 1, 1], 10, 'moderate', true], // 2 + 8 × 1 = 10
    [[2, 2, 2, 2, 2, 1, 1, 1, 1], 14, 'moderate', true], // 5 × 2 + 4 × 1 = 14
    [[2, 2, 2, 2, 2, 2, 1, 1, 1], 15, 'moderately_severe', true], // 6 × 2 + 3 × 1 = 15
    [[3, 2, 2, 2, 2, 2, 2, 2, 2], 19, 'moderately_severe', true], // 3 + 8 × 2 = 19
    [[3, 3, 2, 2, 2, 2, 2, 2, 2], 20, 'severe', true], // 2 × 3 + 7 × 2 = 20
    [[3, 3, 3, 3, 3, 3, 3, 3, 3], 27, 'severe', true], // 9 × 3 = 27
  ])('%j → %i (%s), caseness %s', (values, total, band, caseness) => {
    const result = score(values);
    expect(result.total).toBe(total);
    expect(result.band).toBe(band);
    expect(result.caseness).toBe(caseness);
  });

  it('the difficulty item is reported but not scored', () => {
    const result = score([1, 1, 1, 1, 1, 1, 1, 1, 1], { phq9_difficulty: 3 });
    expect(result.total).toBe(9);
    expect(result.derived).toEqual({ difficulty: 3 });
  });

  it('one missing item: missing, not prorated and never zero', () => {
    const result = score([3, 3, 3, 3, 3, 3, 3, 3, null]);
    expect(result).toMatchObject({
      total: null,
      band: null,
      caseness: null,
      status: 'missing',
      missingReason: 'too_many_missing_items',
      missingCount: 1,
    });
  });

  it('null counts as missing; no answers at all is missing with every item counted', () => {
    expect(score([0, 0, 0, 0, 0, 0, 0, 0, 0], { phq9_9: null }).status).toBe('missing');
    expect(scoreAnswers(ref, {})).toMatchObject({ total: null, status: 'missing', missingCount: 9 });
  });

  it('an invalid value makes the score missing (invalid_answer), not a guess', () => {
    expect(score([4, 0, 0, 0, 0, 0, 0, 0, 0])).toMatchObject({
      total: null,
      status: 'missing',
      missingReason: 'invalid_answer',
    });
    expect(score([0, 0, 0, 0, 0, 0, 0, 0, 0], { phq9_1: '2' })).toMatchObject({
      status: 'missing',
      missingReason: 'invalid_answer',
    });
    // 1.5 lies between two answer options
    expect(score([1.5, 0, 0, 0, 0, 0, 0, 0, 0])).toMatchObject({
      total: null,
      missingReason: 'invalid_answer',
    });
  });

  it('looks up caseness and reliable improvement (drop of 6)', () => {
    expect(getChangeCriteria(ref)).toMatchObject({
      norm: null,
      cutoff: { value: 10, direction: 'at_or_above' },
      reliableChange: { value: 6, improvement: 'decrease' },
    });
  });
});

describe('PHQ-9 1.1.0', () => {
  const latest = { id: 'phq-9', version: '1.1.0' } as const;
  const score11 = (values: (number | null)[], extra: Record<string, unknown> = {}) =>
    scoreAnswers(latest, { ...numbered('phq9', values), ...extra });

  it('is the latest version; scores complete answers as 1.0.0 did, with scoring version 1.1.0', () => {
    expect(getInstrument('phq-9').version).toBe('1.1.0');
    // 1 + 1 + 2 + 0 + 0 + 1 + 0 + 0 + 0 = 5
    expect(score11([1, 1, 2, 0, 0, 1, 0, 0, 0])).toMatchObject({
      instrumentVersion: '1.1.0',
      scoringVersion: '1.1.0',
      total: 5,
      band: 'mild',
      caseness: false,
      status: 'complete',
      derived: { difficulty: null, syndrome: 'none' },
    });
  });

  it.each([
    // every band edge (Kroenke et al. 2001) and the cut-off of 10 on both sides
    [[1, 1, 1, 1, 0, 0, 0, 0, 0], 4, 'minimal', false], // 4 × 1
    [[1, 1, 1, 1, 1, 0, 0, 0, 0], 5, 'mild', false], // 5 × 1
    [[1, 1, 1, 1, 1, 1, 1, 1, 1], 9, 'mild', false], // 9 × 1
    [[2, 1, 1, 1, 1, 1, 1, 1, 1], 10, 'moderate', true], // 2 + 8
    [[2, 2, 2, 2, 2, 1, 1, 1, 1], 14, 'moderate', true], // 10 + 4
    [[2, 2, 2, 2, 2, 2, 1, 1, 1], 15, 'moderately_severe', true], // 12 + 3
    [[3, 2, 2, 2, 2, 2, 2, 2, 2], 19, 'moderately_severe', true], // 3 + 16
    [[3, 3, 2, 2, 2, 2, 2, 2, 2], 20, 'severe', true], // 6 + 14
    [[3, 3, 3, 3, 3, 3, 3, 3, 3], 27, 'severe', true], // 27
  ])('%j → %i (%s), caseness %s', (values, total, band, caseness) => {
    expect(score11(values)).toMatchObject({ total, band, caseness });
  });

  it('one blank item: no score, because the manual gives no rule (never prorated, never zero)', () => {
    const result = score11([3, 3, 3, 3, 3, 3, 3, 3, null]);
    expect(result).toMatchObject({
      total: null,
      band: null,
      caseness: null,
      status: 'missing',
      missingReason: 'no_missing_item_rule',
      missingCount: 1,
      derived: { syndrome: null },
    });
    expect(result.missingDetail).toContain('gives no rule for blank items');
    // 1.0.0 keeps its own reason for the same answers
    expect(score([3, 3, 3, 3, 3, 3, 3, 3, null]).missingReason).toBe('too_many_missing_items');
  });

  it.each([
    // Kroenke et al. 2001: ≥ 5 symptoms at "more than half the days" (2+) with item 1 or 2 → major; 2-4 → other;
    // item 9 counts from "several days" (1).
    [[2, 2, 2, 2, 2, 0, 0, 0, 0], 'major_depressive'], // items 1-5 at 2: five present, core 1 and 2
    [[2, 0, 2, 2, 2, 0, 0, 0, 1], 'major_depressive'], // 1, 3, 4, 5 at 2 and item 9 at 1: five
    [[1, 1, 2, 2, 2, 2, 2, 0, 0], 'none'], // five present (3-7) but neither item 1 nor 2 at 2
    [[2, 0, 2, 2, 0, 0, 0, 0, 0], 'other_depressive'], // three present with item 1
    [[0, 3, 0, 0, 0, 0, 0, 0, 1], 'other_depressive'], // item 2 and item 9 (at 1): two
    [[0, 1, 0, 0, 0, 0, 0, 0, 1], 'none'], // item 2 at 1 is not present: one symptom
    [[2, 0, 0, 0, 0, 0, 0, 0, 0], 'none'], // one symptom
    [[3, 3, 3, 3, 0, 0, 0, 0, 0], 'other_depressive'], // four: not five
  ])('provisional diagnosis of %j: %s', (values, syndrome) => {
    expect(score11(values).derived['syndrome']).toBe(syndrome);
  });

  it('looks up caseness 10 and reliable improvement 6, with sources', () => {
    const criteria = getChangeCriteria(latest);
    expect(criteria).toMatchObject({
      norm: null,
      scoringVersion: '1.1.0',
      cutoff: { value: 10, direction: 'at_or_above' },
      reliableChange: { value: 6, improvement: 'decrease' },
    });
    expect(criteria.reliableChange?.source).toContain('IAPT Data Handbook');
  });

  it('keeps the wording of 1.0.0 in both languages', () => {
    expect(getInstrument('phq-9', '1.1.0').text).toEqual(getInstrument('phq-9', '1.0.0').text);
  });
});
