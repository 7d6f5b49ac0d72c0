import {
  correlationFixture,
  expectAllClose,
  expectClose,
  reportWorstErrors,
  type AlternativeName,
  type Numbers,
} from '../../test/expect-close';
import { pearson } from './pearson';

interface PearsonCase {
  name: string;
  x: Numbers;
  y: Numbers;
  alternative: AlternativeName;
  confidenceLevel: number;
  expected: { r: number; n: number; df: number; t: number; p: number; ci: [number, number] };
}

const cases = correlationFixture<{ pearson: PearsonCase[] }>().pearson;

afterAll(reportWorstErrors);

describe('pearson', () => {
  // Expected values: R cor.test(x, y, method = "pearson", alternative, conf.level) in reference/correlation.R.
  it.each(cases.map((c) => [`${c.name} ${c.alternative} ${c.confidenceLevel}`, c] as const))(
    'matches R: %s',
    (_, c) => {
      const result = pearson(c.x, c.y, { alternative: c.alternative, confidenceLevel: c.confidenceLevel });
      expect(result.n).toBe(c.expected.n);
      expect(result.df).toBe(c.expected.df);
      expectClose(result.r, c.expected.r, 1e-10, 'pearson r');
      expectClose(result.t, c.expected.t, 1e-10, 'pearson t');
      expectClose(result.p, c.expected.p, 1e-12, 'pearson p');
      expectAllClose(result.ci, c.expected.ci, 1e-10, 'pearson ci');
    },
  );

  it('covers p-values from 1e-300 to 1e-150 computed as tails', () => {
    const tiny = cases.filter((c) => c.expected.p > 0 && c.expected.p < 1e-150);
    expect(tiny.length).toBeGreaterThanOrEqual(4);
    expect(Math.min(...tiny.map((c) => c.expected.p))).toBeLessThan(1e-250);
  });

  it('leaves r unchanged when 1e8 is added to every value (two-pass algorithm)', () => {
    const c = cases.find((entry) => entry.name === 'moderate_50');
    if (!c) throw new Error('fixture case moderate_50 missing');
    // Multiples of 1/1024 stay exact after adding 1e8, so any change in r comes from the algorithm alone.
    const dyadic = (values: Numbers) =>
      values.map((value) => (value === null ? null : Math.round(value * 1024) / 1024));
    const x = dyadic(c.x);
    const y = dyadic(c.y);
    const shift = (values: Numbers) => values.map((value) => (value === null ? null : value + 1e8));
    expectClose(pearson(shift(x), shift(y)).r, pearson(x, y).r, 1e-10, 'pearson r offset 1e8');
  });

  it('gives r = +/-1, t = +/-Infinity, p = 0 and the degenerate interval for a perfect correlation', () => {
    // The fixture's "perfect" case is one where R's cor() is exactly 1 (y = 2x).
    const perfect = cases.find((entry) => entry.name === 'perfect');
    if (!perfect) throw new Error('fixture case perfect missing');
    const result = pearson(perfect.x, perfect.y);
    expect(result.r).toBe(1);
    expect(result.t).toBe(Infinity);
    expect(result.p).toBe(0);
    expect(result.ci).toEqual([1, 1]);
    const negative = pearson(
      perfect.x,
      perfect.y.map((value) => (value === null ? null : -value)),
      { alternative: 'less' },
    );
    expect(negative.r).toBe(-1);
    expect(negative.t).toBe(-Infinity);
    expect(negative.p).toBe(0);
    expect(negative.ci).toEqual([-1, -1]);
  });

  it('gives NaN for a constant sample, as R cor() gives NA', () => {
    const result = pearson([0.1, 0.1, 0.1, 0.1], [1, 2, 3, 5]);
    expect(result.r).toBeNaN();
    expect(result.t).toBeNaN();
    expect(result.p).toBeNaN();
    expect(result.ci).toEqual([NaN, NaN]);
  });

  it('drops pairs with null, undefined or NaN (pairwise deletion)', () => {
    const withMissing = pearson([1, null, 2, 3, NaN, 4, undefined, 5], [2, 7, 1, 4, 3, 3, 1, 5]);
    const complete = pearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]);
    expect(withMissing).toEqual(complete);
    expect(complete.n).toBe(5);
  });

  it('reports no interval for n = 3, as R', () => {
    const result = pearson([1, 2, 3], [1, 3, 2]);
    expectClose(result.r, 0.5, 1e-15, 'pearson r n=3');
    expect(result.ci).toEqual([NaN, NaN]);
  });

  it('throws a RangeError naming the function and minimum below 3 pairs', () => {
    expect(() => pearson([1, 2, null], [1, 2, 3])).toThrow(
      new RangeError('pearson requires at least 3 complete pairs, got 2'),
    );
    expect(() => pearson([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => pearson([1, 2, 3], [1, 2, 3], { confidenceLevel: 1 })).toThrow(RangeError);
  });

  it('handles 10^6 pairs', () => {
    const n = 1_000_000;
    const x = Array.from({ length: n }, (_, i) => Math.sin(i));
    const y = x.map((value, i) => value + Math.cos(i * 0.7));
    const result = pearson(x, y);
    expect(result.n).toBe(n);
    expect(result.r).toBeGreaterThan(0.5);
    expect(result.p).toBe(0);
  });
});
