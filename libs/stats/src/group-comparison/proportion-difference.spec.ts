import { expectRelative, readFixture } from '../../test/expect-relative';
import { proportionDifference, type ProportionSample } from './proportion-difference';

interface ProportionCase {
  first: ProportionSample;
  second: ProportionSample;
  confidenceLevel: number;
  expected: { difference: number; ci: [number, number]; p: number | 'NaN' };
}

const cases = readFixture<{ proportionDifference: ProportionCase[] }>('comparison.json').proportionDifference;

describe('proportionDifference', () => {
  // Expected values: Newcombe's method 10 from prop.test(correct = FALSE) Wilson intervals, p from prop.test.
  it.each(
    cases.map(
      (c) =>
        [
          `${c.first.count}/${c.first.n} vs ${c.second.count}/${c.second.n} at ${c.confidenceLevel}`,
          c,
        ] as const,
    ),
  )('matches R: %s', (_, c) => {
    const result = proportionDifference(c.first, c.second, { confidenceLevel: c.confidenceLevel });
    expectRelative(result.difference, c.expected.difference, 1e-14, 'difference');
    expectRelative(result.ci[0], c.expected.ci[0], 1e-12, 'ci lower');
    expectRelative(result.ci[1], c.expected.ci[1], 1e-12, 'ci upper');
    if (c.expected.p === 'NaN') expect(result.p).toBeNaN();
    else expectRelative(result.p, c.expected.p, 1e-10, 'p');
  });

  it('keeps the interval inside [-1, 1] at the extremes and refuses impossible counts', () => {
    const all = proportionDifference({ count: 10, n: 10 }, { count: 0, n: 10 });
    expect(all.difference).toBe(1);
    expect(all.ci[1]).toBeLessThanOrEqual(1);
    expect(all.ci[0]).toBeGreaterThan(0);
    expect(() => proportionDifference({ count: 11, n: 10 }, { count: 0, n: 10 })).toThrow(
      new RangeError('proportionDifference requires every count to be an integer from 0 to n, got 11 of 10'),
    );
    expect(() => proportionDifference({ count: 0, n: 0 }, { count: 0, n: 10 })).toThrow(RangeError);
    expect(() => proportionDifference({ count: 1.5, n: 3 }, { count: 0, n: 10 })).toThrow(RangeError);
  });
});
