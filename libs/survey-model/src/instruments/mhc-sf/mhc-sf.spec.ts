import { numbered } from '../../../test/instrument-helpers';
import { scoreAnswers } from '../../scoring/score-answers';
import { getInstrument } from '../registry';

const ref = { id: 'mhc-sf', version: '1.0.0' } as const;
const score = (values: (number | null)[]) => scoreAnswers(ref, numbered('mhcsf', values));

describe('MHC-SF scoring', () => {
  it('flourishing: ≥1 emotional and 6 of 11 social/psychological items at 4-5', () => {
    // emotional 5 4 2 (two high); social 4 4 4 2 2 (three high); psychological 4 4 4 2 2 2 (three high) → 6 high
    const result = score([5, 4, 2, 4, 4, 4, 2, 2, 4, 4, 4, 2, 2, 2]);
    expect(result.band).toBe('flourishing');
    // total (11 + 16 + 18) / 14 = 45 / 14; emotional 11 / 3; social 16 / 5 = 3.2; psychological 18 / 6 = 3
    expect(result.total).toBeCloseTo(45 / 14, 12);
    expect(result.subscales['emotional']?.value).toBeCloseTo(11 / 3, 12);
    expect(result.subscales['social']?.value).toBe(3.2);
    expect(result.subscales['psychological']?.value).toBe(3);
  });

  it('five of eleven high is not enough: moderate', () => {
    // as above with item 11 at 3 instead of 4 → 5 high social/psychological items
    expect(score([5, 4, 2, 4, 4, 4, 2, 2, 4, 4, 3, 2, 2, 2]).band).toBe('moderate');
  });

  it('no high emotional item: moderate even with many high others', () => {
    expect(score([3, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]).band).toBe('moderate');
  });

  it('languishing: ≥1 emotional and 6 of 11 social/psychological items at 0-1', () => {
    // emotional 1 3 3 (one low); social 0 1 0 1 0 (five low); psychological 1 0 2 2 2 2 (two low) → 7 low
    expect(score([1, 3, 3, 0, 1, 0, 1, 0, 1, 0, 2, 2, 2, 2]).band).toBe('languishing');
  });

  it('a missing item: total and category missing', () => {
    expect(score([5, 4, 2, 4, 4, 4, 2, 2, 4, 4, 4, 2, 2, null])).toMatchObject({
      total: null,
      band: null,
      status: 'missing',
    });
  });
});

describe('MHC-SF 1.1.0', () => {
  const latest = { id: 'mhc-sf', version: '1.1.0' } as const;
  const score11 = (values: (number | null)[]) => scoreAnswers(latest, numbered('mhcsf', values));

  it('the categories as in 1.0.0: flourishing, moderate at five of eleven, languishing', () => {
    expect(score11([5, 4, 2, 4, 4, 4, 2, 2, 4, 4, 4, 2, 2, 2]).band).toBe('flourishing');
    expect(score11([5, 4, 2, 4, 4, 4, 2, 2, 4, 4, 3, 2, 2, 2]).band).toBe('moderate');
    expect(score11([1, 3, 3, 0, 1, 0, 1, 0, 1, 0, 2, 2, 2, 2]).band).toBe('languishing');
  });

  it('a blank item: no total, no category and no score for its subscale (no rule in the sources)', () => {
    const result = score11([5, 4, 2, 4, 4, 4, 2, 2, 4, 4, 4, 2, 2, null]);
    expect(result).toMatchObject({
      total: null,
      band: null,
      status: 'missing',
      missingReason: 'no_missing_item_rule',
    });
    expect(result.subscales['psychological']).toMatchObject({
      value: null,
      missingReason: 'no_missing_item_rule',
    });
    expect(result.subscales['social']?.value).toBe(3.2);
  });

  it("cites the short form's own paper first", () => {
    expect(getInstrument('mhc-sf').citation.primary).toMatch(/^Keyes CLM, Wissing M/);
  });
});
