import { metaAnalysisCorrelations, pearson, summarisePairs } from '@klik/stats';
import { buildComparison } from './comparison-table';
import { type InstitutionAggregate, summariseOutcomes } from './institution-aggregates';

/** A deterministic institution of n people with baseline, end and alliance values shaped by `shift`. */
function institution(id: string, n: number, shift: number, recovered: number): InstitutionAggregate {
  const baseline = Array.from({ length: n }, (_, i) => 14 + (i % 7));
  const end = baseline.map((value, i) => value - 3 - ((i * shift) % 9));
  const alliance = end.map((value, i) => 3 + ((i * 7) % 5) / 4 - (value - baseline[i]) / 20);
  const change = end.map((value, i) => value - baseline[i]);
  const r = pearson(alliance, change);
  return {
    institutionId: id,
    name: `Name ${id}`,
    participants: n,
    invitationsSent: 3 * n,
    invitationsCompleted: 2 * n,
    changeN: n,
    reliablyImproved: Math.min(n, recovered + 12),
    recovered,
    prePost: summarisePairs(baseline, end),
    allianceChange: summarisePairs(alliance, change),
    correlation: { r: r.r, ci: r.ci, n: r.n },
  };
}

describe('buildComparison', () => {
  const rows = [institution('a', 60, 5, 20), institution('b', 35, 4, 15), institution('c', 50, 2, 18)];
  const small = institution('d', 7, 3, 1);

  it('pools and compares only shown institutions, so a suppressed one changes no number', () => {
    const viewer = { institutionId: 'a', knowsOwnRow: true };
    const withSmall = buildComparison([...rows, small], viewer, 10);
    expect(withSmall.institutions[3].participants).toEqual({ value: null, suppressed: 'primary' });
    expect(withSmall.institutions[1].participants).toEqual({ value: null, suppressed: 'secondary' });
    const shown = [rows[0], rows[2]];
    const expected = metaAnalysisCorrelations(
      shown.map((row) => ({ r: row.correlation?.r, n: row.correlation?.n })),
      { method: 'REML', test: 'adhoc' },
    );
    expect(withSmall.pooled?.estimate).toBeCloseTo(expected.estimate, 12);
    expect(withSmall.pooled?.institutions).toEqual(['Institution A', 'Institution C']);
    // Every statistic of A and C is the same whatever D's data are.
    const otherSmall = { ...institution('d', 7, 8, 6), invitationsCompleted: 2 };
    const withOther = buildComparison([...rows, otherSmall], viewer, 10);
    for (const index of [0, 2]) {
      expect(withOther.institutions[index].versusRest).toEqual(withSmall.institutions[index].versusRest);
      expect(withOther.institutions[index].correlation).toEqual(withSmall.institutions[index].correlation);
    }
    expect(withOther.pooled).toEqual(withSmall.pooled);
  });

  it('shows the own row to its staff but not to a viewer who does not know it', () => {
    const own = buildComparison([...rows, small], { institutionId: 'd', knowsOwnRow: true }, 10);
    expect(own.institutions[3]).toMatchObject({ own: true, name: 'Name d', participants: { value: 7 } });
    // Statistics on fewer than minN participants stay suppressed even in the own row.
    expect(own.institutions[3].effectSize.suppressed).toBe('primary');
    const practitioner = buildComparison([...rows, small], { institutionId: 'd', knowsOwnRow: false }, 10);
    expect(practitioner.institutions[3].participants).toEqual({ value: null, suppressed: 'primary' });
  });

  it('shows everything when every cell is large, with percentages of the counts', () => {
    const result = buildComparison(rows, { institutionId: 'b', knowsOwnRow: true }, 10);
    expect(result.institutions.every((row) => row.participants.suppressed === null)).toBe(true);
    expect(result.institutions[0].percentRecovered.value).toBeCloseTo((100 * 20) / 60, 12);
    expect(result.total.participants.value).toBe(145);
    expect(result.pooled?.k).toBe(3);
    expect(result.institutions[1].versusRest.percentRecovered.restInstitutions).toBe(2);
    expect(result.institutions[1].versusRest.percentRecovered.rest).toBeCloseTo((100 * 38) / 110, 12);
  });
});

describe('summariseOutcomes', () => {
  it("reduces rows to counts and co-moments, with each person's first baseline and end and mean alliance", () => {
    const position: Record<string, number> = { baseline: 0, session: 1, end: 2 };
    const row = (
      participantId: string,
      timepointKind: string,
      instrumentId: string,
      total: number,
      session = null as number | null,
    ) => ({
      participantId,
      timepointId: `tp-${timepointKind}`,
      timepointKind,
      timepointPosition: position[timepointKind],
      sessionNumber: session,
      instrumentId,
      instrumentVersion: '1.0.0',
      total,
    });
    const rows = [
      row('p1', 'baseline', 'phq-9', 20),
      row('p1', 'session', 'klik-alliance', 3, 1),
      row('p1', 'session', 'klik-alliance', 5, 2),
      row('p1', 'end', 'phq-9', 4),
      row('p2', 'baseline', 'phq-9', 12),
      row('p2', 'end', 'phq-9', 11),
      row('p3', 'baseline', 'phq-9', 15), // no end: not in changeN
      row('p4', 'baseline', 'phq-9', 18),
      row('p4', 'session', 'klik-alliance', 2, 1),
      row('p4', 'end', 'phq-9', 25),
      row('p5', 'baseline', 'phq-9', 11),
      row('p5', 'session', 'klik-alliance', 4, 1),
      row('p5', 'end', 'phq-9', 2),
    ];
    // Criteria of phq-9@1.0.0: reliable change 6 points, cut-off 10.
    const summary = summariseOutcomes(rows, 'phq-9');
    expect(summary.changeN).toBe(4);
    // p1 20 -> 4 and p5 11 -> 2 change reliably (16 and 9 points) and end under the cut-off: recovered. p4 worsens.
    expect(summary.recovered).toBe(2);
    expect(summary.reliablyImproved).toBe(2);
    expect(summary.prePost).toEqual(summarisePairs([20, 12, 18, 11], [4, 11, 25, 2]));
    // p2 has no alliance score, so three pairs: (4, -16), (2, 7), (4, -9).
    expect(summary.allianceChange.n).toBe(3);
    expect(summary.correlation?.r).toBeCloseTo(pearson([4, 2, 4], [-16, 7, -9]).r, 12);
    expect(summary.versions).toEqual(['1.0.0']);
  });
});
