import { expectRelative, readFixture } from '../../test/expect-relative';
import { compareIndependentEstimates, type EstimateWithVariance } from './compare-independent-estimates';

interface EstimateCase {
  first: EstimateWithVariance;
  second: EstimateWithVariance;
  confidenceLevel: number;
  expected: { difference: number; se: number; ci: [number, number]; z: number; p: number };
}

const cases = readFixture<{ compareIndependentEstimates: EstimateCase[] }>(
  'comparison.json',
).compareIndependentEstimates;

describe('compareIndependentEstimates', () => {
  // Expected values: the Wald difference written out with qnorm and pnorm in R (reference/comparison.R).
  it.each(
    cases.map((c) => [`${c.first.estimate} vs ${c.second.estimate} at ${c.confidenceLevel}`, c] as const),
  )('matches R: %s', (_, c) => {
    const result = compareIndependentEstimates(c.first, c.second, { confidenceLevel: c.confidenceLevel });
    expectRelative(result.difference, c.expected.difference, 1e-14, 'difference');
    expectRelative(result.se, c.expected.se, 1e-14, 'se');
    expectRelative(result.ci[0], c.expected.ci[0], 1e-12, 'ci lower');
    expectRelative(result.ci[1], c.expected.ci[1], 1e-12, 'ci upper');
    expectRelative(result.z, c.expected.z, 1e-14, 'z');
    expectRelative(result.p, c.expected.p, 1e-10, 'p');
  });

  it('refuses non-finite estimates and negative variances', () => {
    expect(() =>
      compareIndependentEstimates({ estimate: NaN, variance: 1 }, { estimate: 0, variance: 1 }),
    ).toThrow(RangeError);
    expect(() =>
      compareIndependentEstimates({ estimate: 0, variance: -1 }, { estimate: 0, variance: 1 }),
    ).toThrow(new RangeError('compareIndependentEstimates requires finite non-negative variances, got -1'));
  });
});
