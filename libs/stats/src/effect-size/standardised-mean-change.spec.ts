import { expectRelative, readFixture } from '../../test/expect-relative';
import { createBivariateSummary, mergeSummaries, summarisePairs } from '../summaries/bivariate-summary';
import { standardisedMeanChange } from './standardised-mean-change';

interface SmcCase {
  before: number[];
  after: number[];
  confidenceLevel: number;
  expected: { estimate: number; variance: number; ci: [number, number]; d: number; correlation: number };
}

const cases = readFixture<{ standardisedMeanChange: SmcCase[] }>('comparison.json').standardisedMeanChange;

describe('standardisedMeanChange', () => {
  // Expected values: metafor::escalc(measure = "SMCR") and its summary interval (reference/comparison.R).
  it.each(cases.map((c) => [c.before.length, c] as const))('matches metafor SMCR for n = %s', (_, c) => {
    const result = standardisedMeanChange(summarisePairs(c.before, c.after), {
      confidenceLevel: c.confidenceLevel,
    });
    expectRelative(result.estimate, c.expected.estimate, 1e-12, 'estimate');
    expectRelative(result.d, c.expected.d, 1e-12, 'd');
    expectRelative(result.variance, c.expected.variance, 1e-12, 'variance');
    expectRelative(result.ci[0], c.expected.ci[0], 1e-12, 'ci lower');
    expectRelative(result.ci[1], c.expected.ci[1], 1e-12, 'ci upper');
    expectRelative(result.correlation, c.expected.correlation, 1e-12, 'correlation');
    expect(result.n).toBe(c.before.length);
  });

  it('gives the same result from merged shard summaries as from all pairs', () => {
    const c = cases[1];
    const merged = mergeSummaries(
      summarisePairs(c.before.slice(0, 13), c.after.slice(0, 13)),
      summarisePairs(c.before.slice(13), c.after.slice(13)),
    );
    expectRelative(standardisedMeanChange(merged).estimate, c.expected.estimate, 1e-12, 'merged estimate');
  });

  it('is NaN for fewer than 3 pairs or a constant baseline, and a NaN variance for a constant end', () => {
    expect(standardisedMeanChange(createBivariateSummary()).estimate).toBeNaN();
    expect(standardisedMeanChange(summarisePairs([1, 2], [3, 1])).estimate).toBeNaN();
    expect(standardisedMeanChange(summarisePairs([5, 5, 5], [1, 2, 3])).estimate).toBeNaN();
    const constantEnd = standardisedMeanChange(summarisePairs([1, 2, 4], [3, 3, 3]));
    expect(Number.isFinite(constantEnd.estimate)).toBe(true);
    expect(constantEnd.variance).toBeNaN();
    expect(() =>
      standardisedMeanChange(summarisePairs([1, 2, 3], [1, 2, 4]), { confidenceLevel: 1 }),
    ).toThrow(RangeError);
  });
});
