import {
  correlationFixture,
  expectClose,
  reportWorstErrors,
  type AlternativeName,
  type Numbers,
} from '../../test/expect-close';
import { spearman } from './spearman';

interface SpearmanCase {
  name: string;
  x: Numbers;
  y: Numbers;
  alternative: AlternativeName;
  expected: { rho: number; n: number; s: number; p: number };
}

const cases = correlationFixture<{ spearman: SpearmanCase[] }>().spearman;

afterAll(reportWorstErrors);

describe('spearman', () => {
  // Expected values: R cor.test(x, y, method = "spearman", exact = FALSE, alternative) in reference/correlation.R.
  it.each(cases.map((c) => [`${c.name} ${c.alternative}`, c] as const))('matches R: %s', (_, c) => {
    const result = spearman(c.x, c.y, { alternative: c.alternative });
    expect(result.n).toBe(c.expected.n);
    expectClose(result.rho, c.expected.rho, 1e-10, 'spearman rho');
    expectClose(result.s, c.expected.s, 1e-10, 'spearman S');
    expectClose(result.p, c.expected.p, 1e-12, 'spearman p');
  });

  it('includes tiny p-values (below 1e-200) from the fixture', () => {
    expect(cases.some((c) => c.expected.p > 0 && c.expected.p < 1e-200)).toBe(true);
  });

  it('uses average ranks for ties: all ties in one variable give NaN', () => {
    const result = spearman([3, 3, 3, 3, 3], [1, 2, 3, 4, 5]);
    expect(result.rho).toBeNaN();
    expect(result.p).toBeNaN();
  });

  it('drops pairs with null, undefined or NaN', () => {
    expect(spearman([1, null, 2, 3, 4, NaN], [1, 5, 3, 2, 4, 1])).toEqual(
      spearman([1, 2, 3, 4], [1, 3, 2, 4]),
    );
  });

  it('gives rho = 1 and p = 0 for a monotone relation', () => {
    const result = spearman([1, 2, 3, 4, 5, 6], [1, 4, 9, 16, 25, 36]);
    expect(result.rho).toBe(1);
    expect(result.p).toBe(0);
  });

  it('agrees between the radix ranking (n >= 512) and the comparison ranking on 10^5 pairs with ties', () => {
    const n = 100_000;
    const x = Array.from({ length: n }, (_, i) => Math.round(Math.sin(i * 1.3) * 50));
    const y = x.map((value, i) => value + Math.round(Math.cos(i) * 30));
    const large = spearman(x, y);
    // Doubling every pair maps each average rank r to 2r - 1/2, a linear map, so rho is unchanged: the doubled
    // 800 pairs go through the radix ranking, the 400 through the comparison sort.
    const small = spearman(x.slice(0, 400), y.slice(0, 400));
    const viaRadix = spearman(
      [...x.slice(0, 400), ...x.slice(0, 400)],
      [...y.slice(0, 400), ...y.slice(0, 400)],
    );
    expectClose(viaRadix.rho, small.rho, 1e-13, 'spearman radix vs comparison');
    expect(large.n).toBe(n);
    expect(large.rho).toBeGreaterThan(0.5);
  });

  it('throws a RangeError below 3 pairs', () => {
    expect(() => spearman([1, 2], [2, 1])).toThrow(
      new RangeError('spearman requires at least 3 complete pairs, got 2'),
    );
  });
});
