import { numbered } from '../../../test/instrument-helpers';
import { getChangeCriteria } from '../../scoring/change-criteria';
import { scoreAnswers } from '../../scoring/score-answers';
import { getInstrument } from '../registry';

const score = (values: (number | null)[]) =>
  scoreAnswers({ id: 'k10', version: '1.0.0' }, numbered('k10', values));

describe('K10 scoring', () => {
  it.each([
    [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 10, 'low'], // 10 × 1 = 10
    [[2, 2, 2, 2, 2, 1, 1, 1, 1, 1], 15, 'low'], // 5 × 2 + 5 × 1 = 15
    [[2, 2, 2, 2, 2, 2, 1, 1, 1, 1], 16, 'moderate'], // 6 × 2 + 4 × 1 = 16
    [[3, 2, 2, 2, 2, 2, 2, 2, 2, 2], 21, 'moderate'], // 3 + 9 × 2 = 21
    [[3, 3, 2, 2, 2, 2, 2, 2, 2, 2], 22, 'high'], // 2 × 3 + 8 × 2 = 22
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 2], 29, 'high'], // 9 × 3 + 2 = 29
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 30, 'very_high'], // 10 × 3 = 30
    [[5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 50, 'very_high'], // 10 × 5 = 50
  ])('%j → %i (%s)', (values, total, band) => {
    expect(score(values)).toMatchObject({ total, band, caseness: null, status: 'complete' });
  });

  it('one missing item: missing, not prorated', () => {
    expect(score([5, 5, 5, 5, 5, 5, 5, 5, 5, null])).toMatchObject({
      total: null,
      band: null,
      status: 'missing',
      missingCount: 1,
    });
  });

  it('0 is not a K10 value (the scale starts at 1)', () => {
    expect(score([0, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toMatchObject({
      status: 'missing',
      missingReason: 'invalid_answer',
    });
  });
});

describe('K10 1.1.0', () => {
  const latest = { id: 'k10', version: '1.1.0' } as const;
  const score11 = (values: (number | null)[]) => scoreAnswers(latest, numbered('k10', values));

  it.each([
    // total, Andrews & Slade band (default), Dutch monitor category, Dutch "high risk" (≥ 30)
    [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 10, 'low', 'low', false], // 10 × 1
    [[2, 2, 2, 2, 2, 1, 1, 1, 1, 1], 15, 'low', 'low', false], // 10 + 5
    [[2, 2, 2, 2, 2, 2, 1, 1, 1, 1], 16, 'moderate', 'moderate', false], // 12 + 4
    [[3, 2, 2, 2, 2, 2, 2, 2, 2, 2], 21, 'moderate', 'moderate', false], // 3 + 18
    [[3, 3, 2, 2, 2, 2, 2, 2, 2, 2], 22, 'high', 'moderate', false], // 6 + 16
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 2], 29, 'high', 'moderate', false], // 27 + 2
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 30, 'very_high', 'high', true], // 10 × 3
    [[5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 50, 'very_high', 'high', true], // 10 × 5
  ])('%j → %i: %s, Dutch monitor %s, high risk %s', (values, total, band, nl, nlCase) => {
    expect(score11(values)).toMatchObject({
      total,
      band,
      bandByNorm: { 'andrews-slade': band, 'nl-monitor': nl },
      caseness: null,
      casenessByNorm: { 'andrews-slade': null, 'nl-monitor': nlCase },
      status: 'complete',
    });
  });

  it.each([
    // one blank: round(sum of the nine / 9 × 10) (AMHOCN)
    [[2, 2, 2, 2, 2, 2, 2, 3, 3, null], 20, 22, 'high'], // 20 / 9 × 10 = 22.2… → 22
    [[2, 2, 2, 2, 1, 1, 1, 1, 2, null], 14, 16, 'moderate'], // 14 / 9 × 10 = 15.5… → 16 (not "low")
    [[2, 2, 1, 1, 1, 1, 1, 1, 3, null], 13, 14, 'low'], // 13 / 9 × 10 = 14.4… → 14
    [[null, 3, 3, 3, 3, 3, 3, 3, 3, 3], 27, 30, 'very_high'], // 27 / 9 × 10 = 30 exactly
  ])('one blank %j: nine sum %i → %i (%s), prorated', (values, _nine, total, band) => {
    expect(score11(values)).toMatchObject({
      total,
      band,
      status: 'prorated',
      prorated: true,
      missingCount: 1,
    });
  });

  it('two blanks: no score (past the limit of one), never zero', () => {
    const result = score11([5, 5, 5, 5, 5, 5, 5, 5, null, null]);
    expect(result).toMatchObject({
      total: null,
      band: null,
      bandByNorm: { 'andrews-slade': null, 'nl-monitor': null },
      status: 'missing',
      missingReason: 'too_many_missing_items',
      missingCount: 2,
    });
    expect(result.missingDetail).toContain('prorates at most 1');
  });

  it('looks up no cut-off under the default bands and 30 under the Dutch monitor; no reliable change value', () => {
    expect(getChangeCriteria(latest)).toMatchObject({
      norm: 'andrews-slade',
      cutoff: null,
      reliableChange: null,
    });
    expect(getChangeCriteria(latest, 'nl-monitor')).toMatchObject({
      norm: 'nl-monitor',
      cutoff: { value: 30, direction: 'at_or_above' },
      reliableChange: null,
    });
  });

  it('asks about the past 4 weeks in both languages, in the Dutch health monitor wording', () => {
    const k10 = getInstrument('k10');
    expect(k10.version).toBe('1.1.0');
    expect(k10.text?.nl?.instructions).toContain('afgelopen 4 weken');
    expect(k10.text?.en?.instructions).toContain('past 4 weeks');
    expect(JSON.stringify(k10.text)).not.toMatch(/30 (days|dagen)/);
    expect(k10.text?.nl?.items['k10_10']).toBe(
      'Hoe vaak vond u zichzelf afkeurenswaardig, minderwaardig of waardeloos?',
    );
    expect(k10.text?.en?.items).toEqual(getInstrument('k10', '1.0.0').text?.en?.items);
    expect(k10.licence.notice).toContain('World Health Organization (WHO) 2003');
  });
});
