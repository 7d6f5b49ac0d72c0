import { metaAnalysisCorrelations, type CorrelationStudy } from './meta-analysis-correlations';
import { expectAllRelative, expectRelative, readFixture } from '../../test/expect-relative';

interface Fit {
  method: 'DL' | 'REML';
  test: 'z' | 'knha' | 'adhoc';
  fisherZ: number;
  se: number;
  statistic: number;
  p: number;
  ciFisherZ: [number, number];
  predictionIntervalFisherZ: [number, number];
  estimate: number;
  ci: [number, number];
  predictionInterval: [number, number];
  ci90: [number, number];
  predictionInterval90: [number, number];
  tau2: number;
  i2: number;
  h2: number;
  q: number;
  qDf: number;
  qP: number;
  k: number;
  weights: number[];
}
interface MetaCase {
  name: string;
  studies: { r: (number | null)[]; n: (number | null)[] };
  fits: Record<string, Fit>;
}

const cases = readFixture<MetaCase[]>('meta-analysis.json');
const toStudies = (c: MetaCase): CorrelationStudy[] =>
  c.studies.r.map((r, i) => ({ r, n: c.studies.n[i], label: `study ${i + 1}` }));
const rows = cases.flatMap((c) =>
  Object.values(c.fits).map((fit) => [c.name, fit.method, fit.test, c, fit] as const),
);

/** Relative comparison, or absolute when the reference is essentially zero (tau2 and I^2 at the boundary). */
function expectClose(actual: number, expected: number, tolerance: number, label: string): void {
  if (Math.abs(expected) < 1e-12) expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance);
  else expectRelative(actual, expected, tolerance, label);
}

describe('metaAnalysisCorrelations', () => {
  // Expected values: metafor::rma(yi, vi, method, test) on escalc("ZCOR"), predict(), weights(), with REML's
  // Fisher-scoring threshold tightened to 1e-13 (reference/meta-analysis.R).
  it.each(rows)('matches metafor on %s (%s, %s)', (_name, method, test, fixture, expected) => {
    const result = metaAnalysisCorrelations(toStudies(fixture), { method, test });
    // Both sides iterate REML to convergence; the agreement seen is ~1e-13 for tau2, held here to 1e-10.
    const tolerance = 1e-10;
    expect(result.k).toBe(expected.k);
    expect(result.qDf).toBe(expected.qDf);
    expectRelative(result.fisherZ, expected.fisherZ, tolerance, 'fisherZ');
    expectRelative(result.estimate, expected.estimate, tolerance, 'estimate');
    expectRelative(result.se, expected.se, tolerance, 'se');
    expectRelative(result.statistic, expected.statistic, tolerance, 'statistic');
    // p: 1e-12 for DL (closed form); for REML it inherits the last digits of the iterated tau2 (seen: 3e-12).
    expectRelative(result.p, expected.p, method === 'DL' ? 1e-12 : 1e-10, 'p');
    expectAllRelative(result.ciFisherZ, expected.ciFisherZ, tolerance, 'ciFisherZ');
    expectAllRelative(result.ci, expected.ci, tolerance, 'ci');
    expectAllRelative(
      result.predictionIntervalFisherZ,
      expected.predictionIntervalFisherZ,
      tolerance,
      'pi z',
    );
    expectAllRelative(
      result.predictionInterval,
      expected.predictionInterval,
      tolerance,
      'predictionInterval',
    );
    expectClose(result.tau2, expected.tau2, tolerance, 'tau2');
    expectClose(result.i2, expected.i2, tolerance, 'i2');
    expectRelative(result.h2, expected.h2, tolerance, 'h2');
    expectClose(result.q, expected.q, tolerance, 'q');
    expectRelative(result.qP, expected.qP, 1e-12, 'qP');
    expectAllRelative(result.weights, expected.weights, tolerance, 'weights');
    const result90 = metaAnalysisCorrelations(toStudies(fixture), { method, test, confidenceLevel: 0.9 });
    expectAllRelative(result90.ci, expected.ci90, tolerance, 'ci 90%');
    expectAllRelative(result90.predictionInterval, expected.predictionInterval90, tolerance, 'pi 90%');
  });

  it('reproduces the DerSimonian-Laird formulas by hand for two studies', () => {
    // z1 = atanh(.5) = 0.549306, v1 = 1/20; z2 = atanh(.1) = 0.100335, v2 = 1/40. Fixed weights 20, 40:
    // pooled = (20 z1 + 40 z2) / 60; Q = 20 (z1 - pooled)^2 + 40 (z2 - pooled)^2;
    // tau2 = (Q - 1) / (60 - (400 + 1600) / 60).
    const z1 = Math.atanh(0.5);
    const z2 = Math.atanh(0.1);
    const fixedPooled = (20 * z1 + 40 * z2) / 60;
    const q = 20 * (z1 - fixedPooled) ** 2 + 40 * (z2 - fixedPooled) ** 2;
    const tau2 = (q - 1) / (60 - 2000 / 60);
    const w1 = 1 / (1 / 20 + tau2);
    const w2 = 1 / (1 / 40 + tau2);
    const result = metaAnalysisCorrelations(
      [
        { r: 0.5, n: 23 },
        { r: 0.1, n: 43 },
      ],
      { method: 'DL', test: 'z' },
    );
    expectRelative(result.q, q, 1e-13, 'q');
    expectRelative(result.tau2, tau2, 1e-13, 'tau2');
    expectRelative(result.fisherZ, (w1 * z1 + w2 * z2) / (w1 + w2), 1e-13, 'fisherZ');
    expectAllRelative(result.weights, [(100 * w1) / (w1 + w2), (100 * w2) / (w1 + w2)], 1e-13, 'weights');
  });

  it('handles k = 1 as metafor: tau2 = 0, Q = 0 with p = 1, and the z test even when knha is asked for', () => {
    const result = metaAnalysisCorrelations([{ r: 0.27, n: 196 }], { method: 'REML', test: 'knha' });
    expect(result).toMatchObject({ k: 1, tau2: 0, q: 0, qDf: 0, qP: 1, i2: 0, test: 'z', weights: [100] });
    expectRelative(result.estimate, 0.27, 1e-15, 'estimate');
  });

  it('drops incomplete studies and keeps labels in order', () => {
    const result = metaAnalysisCorrelations([
      { r: 0.3, n: 50, label: 'a' },
      { r: null, n: 40, label: 'b' },
      { r: 0.2, n: NaN, label: 'c' },
      { r: 0.1, n: 60, label: 'd' },
    ]);
    expect(result.k).toBe(2);
    expect(result.labels).toEqual(['a', 'd']);
  });

  it('rejects r = +/-1, n < 4 and an empty input with a RangeError', () => {
    expect(() =>
      metaAnalysisCorrelations([
        { r: 1, n: 20 },
        { r: 0.2, n: 30 },
      ]),
    ).toThrow(RangeError);
    expect(() => metaAnalysisCorrelations([{ r: -1, n: 20 }])).toThrow(/strictly between -1 and 1/);
    expect(() => metaAnalysisCorrelations([{ r: 0.2, n: 3 }])).toThrow(
      new RangeError('metaAnalysisCorrelations requires every n to be at least 4, got 3'),
    );
    expect(() => metaAnalysisCorrelations([{ r: null, n: 30 }])).toThrow(
      new RangeError('metaAnalysisCorrelations requires at least 1 complete studies, got 0'),
    );
    expect(() => metaAnalysisCorrelations([{ r: 0.2, n: 30 }], { confidenceLevel: 0 })).toThrow(RangeError);
  });
});
