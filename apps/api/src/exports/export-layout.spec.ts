import { getInstrument } from '@klik/survey-model';
import { buildLayout, instrumentVariables, namePart } from './export-layout';

const log = getInstrument('klik-session-log', '1.0.0');
const phq = getInstrument('phq-9', '1.0.0');

describe('export layout', () => {
  it('makes SPSS- and R-safe names', () => {
    expect(['phq-9', 'klik-session-log', 'K10', 'wai-sr'].map(namePart)).toEqual([
      'phq9',
      'klik_session_log',
      'k10',
      'wai_sr',
    ]);
  });

  it('leaves free-text items (and values copied from them) out unless asked for', () => {
    const textItems = log.items.filter((item) => item.kind === 'text').map((item) => item.id);
    expect(textItems.length).toBeGreaterThan(0);
    const without = instrumentVariables(log, { items: true, includeFreeText: false });
    const withText = instrumentVariables(log, { items: true, includeFreeText: true });
    for (const id of textItems) {
      expect(without.some((v) => v.suffix.endsWith(`_t_${namePart(id)}`))).toBe(false);
      expect(withText.some((v) => v.suffix.endsWith(`_t_${namePart(id)}`) && v.type === 'string')).toBe(true);
    }
    expect(
      instrumentVariables(phq, { items: false, includeFreeText: false }).some((v) =>
        v.suffix.includes('_i_'),
      ),
    ).toBe(false);
  });

  it('names wide columns instrument_variable_timepoint[_sN] and labels items from the instrument', () => {
    const layout = buildLayout(
      [
        {
          id: 't1',
          key: 'baseline',
          kind: 'baseline',
          position: 0,
          label: 'Baseline',
          sessions: null,
          instruments: [phq],
        },
        {
          id: 't2',
          key: 'session',
          kind: 'session',
          position: 1,
          label: 'Session',
          sessions: [1, 2],
          instruments: [log],
        },
      ],
      ['Site A'],
      { items: true, includeFreeText: false, dates: 'shifted', quasiIdentifiers: ['cohort'] },
    );
    const names = layout.wide.map((v) => v.name);
    expect(names.slice(0, 2)).toEqual(['participant', 'cohort']);
    expect(names).toEqual(
      expect.arrayContaining([
        'phq9_total_baseline',
        'phq9_band_baseline',
        'date_baseline',
        'date_session_s2',
      ]),
    );
    expect(names.some((n) => n.startsWith('klik_session_log_') && n.endsWith('_session_s1'))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    const item = layout.wide.find((v) => v.name === 'phq9_i_phq9_1_baseline');
    expect(item?.label).toContain(phq.text?.en?.items.phq9_1 as string);
    expect(item?.valueLabels?.[0]).toEqual({
      value: 0,
      label: phq.text?.en?.scales?.[phq.scales[0].id]?.['0'],
    });
    expect(layout.long.map((v) => v.name)).not.toContain('age_band');
  });

  it('adds outcome columns (pre, post, change, category, version) for instruments at baseline and end with criteria', () => {
    const gad = getInstrument('gad-7', '1.0.0');
    const tp = (id: string, kind: string, position: number, instruments = [phq, gad]) => ({
      id,
      key: id,
      kind,
      position,
      label: id,
      sessions: null,
      instruments,
    });
    const layout = buildLayout(
      [tp('base', 'baseline', 0), tp('end', 'end', 1, [phq]), tp('fu', 'follow_up', 2)],
      ['Site A'],
      { items: false, includeFreeText: false, dates: 'none', quasiIdentifiers: [] },
    );
    // GAD-7 is not measured at the end: no outcome for it.
    expect(layout.outcomes.map((o) => o.instrumentId)).toEqual(['phq-9']);
    const names = layout.wide.map((v) => v.name);
    expect(names.slice(-5)).toEqual([
      'phq9_outcome_pre',
      'phq9_outcome_post',
      'phq9_outcome_change',
      'phq9_outcome_category',
      'phq9_outcome_version',
    ]);
    expect(layout.long.map((v) => v.name)).not.toContain('phq9_outcome_pre');
  });

  it('labels a cohort named like a formula with the value the CSV holds, so R factor levels and SPSS labels match', () => {
    const layout = buildLayout([], ['=HYPERLINK("x")', 'Site A'], {
      items: false,
      includeFreeText: false,
      dates: 'none',
      quasiIdentifiers: ['cohort'],
    });
    const cohort = layout.long.find((v) => v.name === 'cohort');
    expect(cohort?.valueLabels).toEqual([
      { value: `'=HYPERLINK("x")`, label: '=HYPERLINK("x")' },
      { value: 'Site A', label: 'Site A' },
      { value: 'any', label: 'any' },
    ]);
  });

  it('keeps every name within the 64 bytes SPSS allows, and distinct, even with a long timepoint key', () => {
    const key = 'after-each-session-of-the-treatment-phase-with-the-practitioner';
    const layout = buildLayout(
      [{ id: 't', key, kind: 'session', position: 0, label: 'S', sessions: [1, 12], instruments: [log, phq] }],
      ['Site A'],
      { items: true, includeFreeText: true, dates: 'shifted', quasiIdentifiers: ['cohort'] },
    );
    const names = [...layout.wide, ...layout.long].map((v) => v.name);
    expect(Math.max(...names.map((n) => Buffer.byteLength(n)))).toBeLessThanOrEqual(64);
    expect(new Set(layout.wide.map((v) => v.name)).size).toBe(layout.wide.length);
    expect(layout.wide.map((v) => v.name)).toContain(layout.wideName('phq9_total', key, 12));
    expect(layout.wideName('phq9_total', key, 12)).toMatch(
      /^phq9_total_after_each_session_of_the_treatment_phase_wi_[0-9a-f]{8}$/,
    );
  });
});
