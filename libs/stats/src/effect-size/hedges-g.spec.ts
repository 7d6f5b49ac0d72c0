import { correlationFixture, expectAllClose, expectClose, reportWorstErrors } from '../../test/expect-close';
import { smallSampleCorrection } from '../internal/small-sample-correction';
import type { EffectSizeCase } from './cohens-d.spec';
import { hedgesG } from './hedges-g';

const fixture = correlationFixture<{
  effectSize: EffectSizeCase[];
  correction: { df: number; expected: number }[];
}>();

afterAll(reportWorstErrors);

describe('hedgesG', () => {
  // Expected values: metafor::escalc(measure = "SMD") yi and vi (exact J via gamma functions) (reference/correlation.R).
  it.each(fixture.effectSize.map((c) => [`${c.name} ${c.confidenceLevel}`, c] as const))(
    'matches metafor: %s',
    (_, c) => {
      const result = hedgesG(c.a, c.b, { confidenceLevel: c.confidenceLevel });
      expectClose(result.g, c.expected.g, 1e-10, 'hedgesG g');
      expectClose(result.correction, c.expected.correction, 1e-10, 'hedgesG J');
      expectClose(result.variance, c.expected.gVariance, 1e-10, 'hedgesG variance');
      expectAllClose(result.ci, c.expected.gCi, 1e-10, 'hedgesG ci');
    },
  );

  // Expected values: gamma(df/2) / (sqrt(df/2) gamma((df-1)/2)) in R for df from 2 to 339. R's gamma() itself is
  // only good to about 1e-13 for arguments above 100 (see the exact check below), hence 5e-13 here.
  it.each(fixture.correction.map((c) => [c.df, c] as const))(
    'small-sample correction J for df = %s matches R',
    (_, c) => {
      expectClose(smallSampleCorrection(c.df), c.expected, 5e-13, 'hedgesG J vs R gamma');
    },
  );

  it('matches the exact J for even df to 1e-14 (big-integer factorials)', () => {
    // For even df, m = df / 2 is an integer and Gamma(m) / Gamma(m - 1/2) = 4^(m-1) ((m-1)!)^2 / ((2m-2)! sqrt(pi)).
    for (const df of [2, 4, 10, 40, 100, 250, 1000, 5000]) {
      const m = BigInt(df / 2);
      let factorial = 1n;
      for (let i = 2n; i < m; i++) factorial *= i;
      let doubleFactorial = 1n;
      for (let i = 2n; i <= 2n * m - 2n; i++) doubleFactorial *= i;
      const quotient = ((4n ** (m - 1n) * factorial * factorial) << 200n) / doubleFactorial;
      const gammaRatio = Number(quotient >> 100n) / 2 ** 100;
      const exact = gammaRatio / Math.sqrt(Math.PI) / Math.sqrt(df / 2);
      expectClose(smallSampleCorrection(df), exact, 1e-14, 'hedgesG J exact');
    }
  });

  it('approaches 1 - 3 / (4 df - 1) for large df and stays finite where the gamma functions overflow', () => {
    for (const df of [1e3, 1e5, 1e8]) {
      const approximation = 1 - 3 / (4 * df - 1);
      expect(Math.abs(smallSampleCorrection(df) - approximation)).toBeLessThan(10 / df ** 2);
    }
    expect(smallSampleCorrection(1)).toBeNaN();
  });

  it('throws a RangeError with fewer than 2 values in a sample', () => {
    expect(() => hedgesG([1, 2, 3], [NaN, 4])).toThrow(
      new RangeError('hedgesG requires at least 2 non-missing values in the second sample, got 1'),
    );
  });
});
