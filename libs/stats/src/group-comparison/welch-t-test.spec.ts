import {
  correlationFixture,
  expectAllClose,
  expectClose,
  reportWorstErrors,
  type AlternativeName,
  type Numbers,
} from '../../test/expect-close';
import { welchTTest } from './welch-t-test';

interface WelchCase {
  name: string;
  a: Numbers;
  b: Numbers;
  alternative: AlternativeName;
  confidenceLevel: number;
  expected: { t: number; df: number; p: number; ci: [number, number]; meanDifference: number };
}

const cases = correlationFixture<{ welch: WelchCase[] }>().welch;

afterAll(reportWorstErrors);

describe('welchTTest', () => {
  // Expected values: R t.test(a, b, var.equal = FALSE, alternative, conf.level) (reference/correlation.R).
  it.each(cases.map((c) => [`${c.name} ${c.alternative} ${c.confidenceLevel}`, c] as const))(
    'matches R: %s',
    (_, c) => {
      const result = welchTTest(c.a, c.b, { alternative: c.alternative, confidenceLevel: c.confidenceLevel });
      expectClose(result.t, c.expected.t, 1e-10, 'welchTTest t');
      expectClose(result.df, c.expected.df, 1e-10, 'welchTTest df');
      expectClose(result.p, c.expected.p, 1e-12, 'welchTTest p');
      expectClose(result.meanDifference, c.expected.meanDifference, 1e-10, 'welchTTest meanDifference');
      expectAllClose(result.ci, c.expected.ci, 1e-10, 'welchTTest ci');
    },
  );

  it('includes a tiny p-value (large separated samples)', () => {
    expect(cases.some((c) => c.expected.p < 1e-100)).toBe(true);
  });

  it('gives NaN statistics for two constant samples and throws below 2 values', () => {
    const constant = welchTTest([1, 1, 1], [2, 2]);
    expect(constant.t).toBeNaN();
    expect(constant.p).toBeNaN();
    expect(constant.meanDifference).toBe(-1);
    expect(() => welchTTest([1], [1, 2])).toThrow(RangeError);
  });
});
