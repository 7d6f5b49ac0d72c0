import { meanConfidenceInterval } from './mean-confidence-interval';
import { expectAllRelative, expectRelative, readFixture } from '../../test/expect-relative';

interface IntervalCase {
  name: string;
  x: (number | null)[];
  level: number;
  mean: number;
  se: number;
  df: number;
  ci: [number, number];
  n: number;
}

const cases = readFixture<IntervalCase[]>('descriptive.json');

describe('meanConfidenceInterval', () => {
  // Expected values: R's t.test(x, conf.level)$estimate, $stderr, $parameter and $conf.int (reference/descriptive.R).
  it.each(cases.map((c) => [c.name, c] as const))('matches t.test on %s', (_name, fixture) => {
    const result = meanConfidenceInterval(fixture.x, fixture.level);
    expect(result.n).toBe(fixture.n);
    expect(result.df).toBe(fixture.df);
    expectRelative(result.mean, fixture.mean, 1e-15, 'mean');
    expectRelative(result.se, fixture.se, 1e-12, 'se');
    expectAllRelative(result.ci, fixture.ci, 1e-12, 'ci');
  });

  it('gives a zero-width interval for a constant sample and refuses too little data or a bad level', () => {
    expect(meanConfidenceInterval([3, 3, 3]).ci).toEqual([3, 3]);
    expect(() => meanConfidenceInterval([1, null])).toThrow(/at least 2/);
    expect(() => meanConfidenceInterval([1, 2, 3], 1.5)).toThrow(/level/);
  });
});
