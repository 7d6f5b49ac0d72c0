import { getInstrument, listInstruments } from '../instruments/registry';
import { endorsedRiskItems, hasRiskItems, RISK_ITEMS, riskItemsOf } from './risk-items';

describe('risk items', () => {
  it('every declared item exists in each version it applies to, as a numeric scale item', () => {
    for (const instrument of listInstruments({ allVersions: true })) {
      for (const rule of riskItemsOf(instrument)) {
        const item = instrument.items.find((candidate) => candidate.id === rule.item);
        expect({
          instrument: `${instrument.id}@${instrument.version}`,
          item: rule.item,
          kind: item?.kind,
        }).toEqual({
          instrument: `${instrument.id}@${instrument.version}`,
          item: rule.item,
          kind: 'scale',
        });
      }
    }
    // Every rule names a source and applies to at least one registered version.
    for (const rule of RISK_ITEMS) {
      expect(rule.source.length).toBeGreaterThan(40);
      expect(riskItemsOf(getInstrument(rule.instrumentId)).some((found) => found.item === rule.item)).toBe(
        true,
      );
    }
  });

  it('PHQ-9 item 9 from "several days" on; nothing for "not at all" or a skipped item', () => {
    const phq9 = getInstrument('phq-9', '1.0.0');
    const base = Object.fromEntries(phq9.items.filter((i) => i.kind === 'scale').map((i) => [i.id, 0]));
    expect(endorsedRiskItems(phq9, base)).toEqual([]);
    expect(endorsedRiskItems(phq9, { ...base, phq9_9: 1 })).toEqual([
      expect.objectContaining({ item: 'phq9_9', value: 1, kind: 'suicidality' }),
    ]);
    expect(endorsedRiskItems(phq9, { ...base, phq9_9: 3 })[0].value).toBe(3);
    const { phq9_9: _skipped, ...without } = { ...base, phq9_9: 3 };
    expect(endorsedRiskItems(phq9, without)).toEqual([]);
  });

  it("CORE-10 item 6, OQ-45's five critical items, Klik's check-in floors; K10, GAD-7 and the alliance have none", () => {
    expect(riskItemsOf(getInstrument('core-10')).map((r) => r.item)).toEqual(['core10_6']);
    expect(riskItemsOf(getInstrument('oq-45')).map((r) => r.item)).toEqual([
      'oq45_8',
      'oq45_11',
      'oq45_26',
      'oq45_32',
      'oq45_44',
    ]);
    const checkin = getInstrument('klik-checkin');
    expect(
      endorsedRiskItems(checkin, { kc_wellbeing: 1, kc_connection: 5, kc_heard: 5, kc_hope: 0 }).map(
        (r) => r.kind,
      ),
    ).toEqual(['hopelessness', 'very_low_wellbeing']);
    expect(
      endorsedRiskItems(checkin, { kc_wellbeing: 2, kc_connection: 5, kc_heard: 5, kc_hope: 1 }),
    ).toEqual([]);
    for (const id of ['k10', 'gad-7', 'klik-alliance', 'klik-disclosure', 'wai-sr']) {
      expect({ id, risk: hasRiskItems(getInstrument(id)) }).toEqual({ id, risk: false });
    }
  });
});
