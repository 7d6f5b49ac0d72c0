import { cronbachAlpha } from './cronbach-alpha';
import { expectAllRelative, expectRelative, readFixture } from '../../test/expect-relative';

interface AlphaCase {
  name: string;
  items: (number | null)[][];
  n: number;
  alpha: number;
  standardized: number;
  averageCorrelation: number;
  ci: [number, number];
  ci90: [number, number];
}

const { alpha: cases } = readFixture<{ alpha: AlphaCase[] }>('reliability.json');

describe('cronbachAlpha', () => {
  // Expected values: psych::alpha(x)$total and $feldt, psych::alpha.ci(p.val = 0.10) (reference/reliability.R).
  it.each(cases.map((c) => [c.name, c] as const))('matches psych::alpha on %s', (_name, fixture) => {
    const result = cronbachAlpha(fixture.items);
    expect(result.n).toBe(fixture.n);
    expectRelative(result.alpha, fixture.alpha, 1e-10, 'alpha');
    expectRelative(result.standardized, fixture.standardized, 1e-10, 'standardized');
    expectRelative(result.averageCorrelation, fixture.averageCorrelation, 1e-10, 'averageCorrelation');
    expectAllRelative(result.ci, fixture.ci, 1e-10, 'Feldt ci');
    expectAllRelative(
      cronbachAlpha(fixture.items, { confidenceLevel: 0.9 }).ci,
      fixture.ci90,
      1e-10,
      'Feldt ci 90%',
    );
  });

  it('agrees with a hand-worked example', () => {
    // Item columns (1,2,4,3), (2,3,4,3), (2,3,5,3): sums of squared deviations 5, 2, 4.75 (variances sum 11.75/3);
    // totals 5, 8, 13, 9 have squared deviations 32.75 (variance 32.75/3); alpha = 3/2 * (1 - 11.75/32.75) = 0.96183...
    const result = cronbachAlpha([
      [1, 2, 2],
      [2, 3, 3],
      [4, 4, 5],
      [3, 3, 3],
    ]);
    expectRelative(result.alpha, 1.5 * (1 - 11.75 / 32.75), 1e-14, 'alpha');
  });

  it('drops incomplete respondents (null, undefined, NaN) listwise', () => {
    const complete = [
      [1, 2, 2],
      [2, 3, 3],
      [4, 4, 5],
      [3, 3, 3],
    ];
    const withMissing = [...complete, [null, 1, 2], [5, NaN, 1], [2, 2, undefined]];
    expect(cronbachAlpha(withMissing)).toEqual(cronbachAlpha(complete));
    expect(cronbachAlpha(withMissing).n).toBe(4);
  });

  it('gives NaN alpha for constant items and NaN standardized alpha for one constant item', () => {
    const constant = cronbachAlpha([
      [2, 2],
      [2, 2],
      [2, 2],
    ]);
    expect(constant.alpha).toBeNaN();
    expect(constant.standardized).toBeNaN();
    const oneConstant = cronbachAlpha([
      [1, 2, 3],
      [2, 2, 4],
      [3, 2, 4],
    ]);
    expect(Number.isFinite(oneConstant.alpha)).toBe(true);
    expect(oneConstant.standardized).toBeNaN();
  });

  it('keeps its digits on data offset by 1e8 and on 100,050 respondents (two-pass variances)', () => {
    const items = cases[0].items as number[][];
    // Integers + 1e8 are exact doubles, so centred (two-pass) variances are unchanged.
    const offset = items.map((row) => row.map((value) => value + 1e8));
    expectRelative(cronbachAlpha(offset).alpha, cases[0].alpha, 1e-12, 'alpha offset 1e8');
    // The 150 rows repeated 667 times: every covariance is scaled by the same factor (149/150 * 100050/100049),
    // so alpha, a ratio of covariance sums, is unchanged.
    const large = Array.from({ length: 150 * 667 }, (_, i) => items[i % items.length]);
    expectRelative(cronbachAlpha(large).alpha, cases[0].alpha, 1e-12, 'alpha on 100,050 rows');
    expectRelative(
      cronbachAlpha(large).standardized,
      cases[0].standardized,
      1e-12,
      'standardized on 100,050 rows',
    );
  });

  it('throws a RangeError below the minimum', () => {
    expect(() => cronbachAlpha([[1], [2], [3]])).toThrow(
      new RangeError('cronbachAlpha requires at least 2 items, got 1'),
    );
    expect(() =>
      cronbachAlpha([
        [1, 2],
        [null, 3],
      ]),
    ).toThrow(new RangeError('cronbachAlpha requires at least 2 complete respondents, got 1'));
    expect(() => cronbachAlpha([[1, 2], [3]])).toThrow(RangeError);
    expect(() =>
      cronbachAlpha(
        [
          [1, 2],
          [2, 3],
        ],
        { confidenceLevel: 1 },
      ),
    ).toThrow(RangeError);
  });
});
