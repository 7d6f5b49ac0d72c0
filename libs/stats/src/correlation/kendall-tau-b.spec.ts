import {
  correlationFixture,
  expectClose,
  reportWorstErrors,
  type AlternativeName,
  type Numbers,
} from '../../test/expect-close';
import { kendallTauB } from './kendall-tau-b';

interface KendallCase {
  name: string;
  x: Numbers;
  y: Numbers;
  alternative: AlternativeName;
  expected: { tau: number; n: number; z: number; p: number };
}

const cases = correlationFixture<{ kendall: KendallCase[] }>().kendall;

afterAll(reportWorstErrors);

/** Direct O(n^2) tau-b and S from the definition, to check the O(n log n) counting on data R did not see. */
function naiveTauB(x: number[], y: number[]): { tau: number; s: number } {
  let s = 0;
  let tiedX = 0;
  let tiedY = 0;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const signX = Math.sign(x[i] - x[j]);
      const signY = Math.sign(y[i] - y[j]);
      s += signX * signY;
      if (signX === 0) tiedX++;
      if (signY === 0) tiedY++;
    }
  }
  const pairs = (n * (n - 1)) / 2;
  return { tau: s / Math.sqrt((pairs - tiedX) * (pairs - tiedY)), s };
}

describe('kendallTauB', () => {
  // Expected values: R cor.test(x, y, method = "kendall", exact = FALSE, alternative) in reference/correlation.R.
  it.each(cases.map((c) => [`${c.name} ${c.alternative}`, c] as const))('matches R: %s', (_, c) => {
    const result = kendallTauB(c.x, c.y, { alternative: c.alternative });
    expect(result.n).toBe(c.expected.n);
    expectClose(result.tau, c.expected.tau, 1e-10, 'kendall tau');
    expectClose(result.z, c.expected.z, 1e-10, 'kendall z');
    expectClose(result.p, c.expected.p, 1e-12, 'kendall p');
  });

  it('includes p-values below 1e-280 from the fixture', () => {
    expect(cases.some((c) => c.expected.p > 0 && c.expected.p < 1e-280)).toBe(true);
  });

  it('counts exactly like the O(n^2) definition on 3,000 pairs with heavy ties (radix path)', () => {
    const n = 3000;
    const x = Array.from({ length: n }, (_, i) => (i * 7919) % 37);
    const y = x.map((value, i) => ((value * 3 + ((i * 104729) % 11)) % 23) - 5);
    const result = kendallTauB(x, y);
    const expected = naiveTauB(x, y);
    expect(result.s).toBe(expected.s);
    expectClose(result.tau, expected.tau, 1e-14, 'kendall tau vs naive');
  });

  it('gives NaN when one variable is all ties, and tau = 1 for a perfect monotone relation', () => {
    const tied = kendallTauB([2, 2, 2, 2], [1, 2, 3, 4]);
    expect(tied.tau).toBeNaN();
    expect(tied.p).toBeNaN();
    expect(kendallTauB([1, 2, 3, 4, 5], [10, 20, 30, 40, 50]).tau).toBe(1);
    expect(kendallTauB([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]).tau).toBe(-1);
  });

  it('drops pairs with null, undefined or NaN', () => {
    expect(kendallTauB([1, null, 2, 3, undefined, 4], [1, 5, 3, 2, 2, 4])).toEqual(
      kendallTauB([1, 2, 3, 4], [1, 3, 2, 4]),
    );
  });

  it('handles n = 2 (the variance term that is 0/0 in R is taken as 0)', () => {
    const result = kendallTauB([1, 2], [1, 2]);
    expect(result.tau).toBe(1);
    expect(result.z).toBe(1);
  });

  it('throws a RangeError below 2 pairs', () => {
    expect(() => kendallTauB([1], [2])).toThrow(
      new RangeError('kendallTauB requires at least 2 complete pairs, got 1'),
    );
  });

  it('computes 10^6 pairs in O(n log n)', () => {
    const n = 1_000_000;
    const x = Array.from({ length: n }, (_, i) => Math.sin(i * 0.37));
    const y = x.map((value, i) => value + Math.cos(i * 0.91));
    const start = performance.now();
    const result = kendallTauB(x, y);
    const elapsed = performance.now() - start;
    expect(result.n).toBe(n);
    expect(result.tau).toBeGreaterThan(0.3);
    // Generous bound for a shared CI machine; the benchmark measures the real time.
    expect(elapsed).toBeLessThan(5000);
  });
});
