import {
  correlationFixture,
  expectAllClose,
  expectClose,
  reportWorstErrors,
  type Numbers,
} from '../../test/expect-close';
import { cohensD } from './cohens-d';

export interface EffectSizeCase {
  name: string;
  a: Numbers;
  b: Numbers;
  confidenceLevel: number;
  expected: {
    d: number;
    dCi: [number, number];
    dVariance: number;
    g: number;
    gCi: [number, number];
    gVariance: number;
    correction: number;
  };
}

const cases = correlationFixture<{ effectSize: EffectSizeCase[] }>().effectSize;

afterAll(reportWorstErrors);

describe('cohensD', () => {
  // Expected values: pooled-sd d and the Hedges & Olkin variance 1/n1 + 1/n2 + d^2/(2(n1+n2)) in base R
  // (reference/correlation.R).
  it.each(cases.map((c) => [`${c.name} ${c.confidenceLevel}`, c] as const))('matches R: %s', (_, c) => {
    const result = cohensD(c.a, c.b, { confidenceLevel: c.confidenceLevel });
    expectClose(result.d, c.expected.d, 1e-10, 'cohensD d');
    expectClose(result.variance, c.expected.dVariance, 1e-10, 'cohensD variance');
    expectAllClose(result.ci, c.expected.dCi, 1e-10, 'cohensD ci');
  });

  it('throws a RangeError naming the sample with fewer than 2 values', () => {
    expect(() => cohensD([1, null], [1, 2, 3])).toThrow(
      new RangeError('cohensD requires at least 2 non-missing values in the first sample, got 1'),
    );
  });

  it('gives NaN for two constant samples with equal means', () => {
    expect(cohensD([2, 2, 2], [2, 2]).d).toBeNaN();
  });
});
