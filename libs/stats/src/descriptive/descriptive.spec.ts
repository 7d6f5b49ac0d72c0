import { correlationFixture, expectClose, reportWorstErrors, type Numbers } from '../../test/expect-close';
import { lagOneAutocorrelation } from './lag-one-autocorrelation';
import { mean } from './mean';
import { standardDeviation } from './standard-deviation';
import { variance } from './variance';

interface DescriptiveCase {
  values: Numbers;
  expected: { mean: number; variance: number; sd: number; lagOne: number };
}

const cases = correlationFixture<{ descriptive: DescriptiveCase[] }>().descriptive;

afterAll(reportWorstErrors);

// The NIST StRD checks of these functions are in test/nist.spec.ts.
describe('descriptive statistics', () => {
  // Expected values: R mean, var, sd with na.rm = TRUE; acf(x, lag.max = 1)$acf[2] (reference/correlation.R).
  it.each(cases.map((c, index) => [index, c] as const))('match R: case %s', (_, c) => {
    expectClose(mean(c.values), c.expected.mean, 1e-14, 'mean');
    expectClose(variance(c.values), c.expected.variance, 1e-13, 'variance');
    expectClose(standardDeviation(c.values), c.expected.sd, 1e-13, 'standardDeviation');
    if (!Number.isNaN(c.expected.lagOne)) {
      expectClose(lagOneAutocorrelation(c.values), c.expected.lagOne, 1e-13, 'lagOneAutocorrelation');
    }
  });

  it('drop null, undefined and NaN', () => {
    expect(mean([1, null, 2, undefined, NaN, 6])).toBe(3);
    expect(variance([1, null, 2, 3])).toBe(1);
  });

  it('skip lag pairs with a missing value instead of closing the gap', () => {
    // With the gap: only the pair (3, 4) is lagged; closing the gap would also pair 1 with 3.
    const withGap = lagOneAutocorrelation([1, null, 3, 4]);
    const centre = 8 / 3;
    const expected =
      ((4 - centre) * (3 - centre)) / ((1 - centre) ** 2 + (3 - centre) ** 2 + (4 - centre) ** 2);
    expectClose(withGap, expected, 1e-14, 'lagOneAutocorrelation gap');
  });

  it('give NaN autocorrelation for a constant series and throw below the minimum count', () => {
    expect(lagOneAutocorrelation([5, 5, 5])).toBeNaN();
    expect(variance([0.1, 0.1, 0.1])).toBe(0);
    expect(() => mean([null, NaN])).toThrow(
      new RangeError('mean requires at least 1 non-missing values, got 0'),
    );
    expect(() => variance([1])).toThrow(
      new RangeError('variance requires at least 2 non-missing values, got 1'),
    );
    expect(() => standardDeviation([])).toThrow(RangeError);
    expect(() => lagOneAutocorrelation([1])).toThrow(RangeError);
  });
});
