import { itemStatistics } from './item-statistics';
import { cronbachAlpha } from '../reliability/cronbach-alpha';
import { expectAllRelative, expectRelative } from '../../test/expect-relative';
import { readCsvFixture, scaleValidationFixture } from '../../test/scale-validation-fixture';

const cases = scaleValidationFixture().itemStatistics;

describe('itemStatistics', () => {
  // Expected values (reference/scale-validation.R): psych::alpha(na.omit(x), check.keys = FALSE): item.stats$mean,
  // $sd, $r.drop, alpha.drop$raw_alpha, total$raw_alpha; floor and ceiling as colMeans(x == minimum / maximum).
  it.each(cases.map((c) => [c.name, c] as const))('matches psych::alpha on %s', (_name, fixture) => {
    const data = readCsvFixture(fixture.file).map((row) => fixture.columns.map((j) => row[j]));
    const result = itemStatistics(data, { minimum: fixture.minimum, maximum: fixture.maximum });
    expect(result.n).toBe(fixture.n);
    expect(result.items).toBe(fixture.columns.length);
    expectRelative(result.alpha, fixture.alpha, 1e-13, 'alpha');
    const column = (key: keyof (typeof result.statistics)[number]) =>
      result.statistics.map((item) => item[key]);
    expectAllRelative(column('mean'), fixture.mean, 1e-13, 'mean');
    expectAllRelative(column('sd'), fixture.sd, 1e-13, 'sd');
    expectAllRelative(column('correctedItemTotalCorrelation'), fixture.correctedItemTotal, 1e-12, 'r.drop');
    expectAllRelative(column('alphaIfDeleted'), fixture.alphaIfDeleted, 1e-12, 'alpha if deleted');
    expect(column('floor')).toEqual(fixture.floor);
    expect(column('ceiling')).toEqual(fixture.ceiling);
  });

  it('shows a reverse-worded item as a negative corrected item-total correlation, and agrees with cronbachAlpha', () => {
    const fixture = cases[0];
    const data = readCsvFixture(fixture.file);
    const result = itemStatistics(data, { minimum: 1, maximum: 5 });
    expect(result.statistics[3].correctedItemTotalCorrelation).toBeLessThan(0);
    expect(result.statistics[3].alphaIfDeleted).toBeGreaterThan(result.alpha);
    expectRelative(result.alpha, cronbachAlpha(data).alpha, 1e-14, 'alpha vs cronbachAlpha');
  });

  it('works out a small example by hand', () => {
    // Items a = (1, 2, 4, 3), b = (2, 3, 4, 3), c = (2, 3, 5, 3); the rest of a is b + c = (4, 6, 9, 6).
    // Deviations: a - 2.5 = (-1.5, -0.5, 1.5, 0.5), rest - 6.25 = (-2.25, -0.25, 2.75, -0.25); cross products sum
    // to 7.5, squares to 5 (a) and 12.75 (rest), so r.drop = 7.5 / sqrt(5 * 12.75).
    const rows = [
      [1, 2, 2],
      [2, 3, 3],
      [4, 4, 5],
      [3, 3, 3],
    ];
    const result = itemStatistics(rows, { minimum: 1, maximum: 5 });
    const first = result.statistics[0];
    expect(first.mean).toBe(2.5);
    expectRelative(first.sd, Math.sqrt(5 / 3), 1e-15, 'sd');
    expectRelative(first.correctedItemTotalCorrelation, 7.5 / Math.sqrt(5 * 12.75), 1e-15, 'r.drop');
    expect(first.floor).toBe(0.25);
    expect(first.ceiling).toBe(0);
    expect(result.statistics[2].ceiling).toBe(0.25);
    // Alpha without a is the alpha of items b and c.
    expectRelative(
      first.alphaIfDeleted,
      cronbachAlpha(rows.map((row) => row.slice(1))).alpha,
      1e-15,
      'alpha drop',
    );
  });

  it('drops incomplete rows (listwise) and gives NaN alpha-if-deleted for two items', () => {
    const result = itemStatistics(
      [
        [1, 2],
        [2, null],
        [3, 3],
        [5, 4],
      ],
      { minimum: 1, maximum: 5 },
    );
    expect(result.n).toBe(3);
    expect(result.statistics[0].alphaIfDeleted).toBeNaN();
    expect(result.statistics[0].floor).toBeCloseTo(1 / 3, 15);
    expect(result.statistics[0].ceiling).toBeCloseTo(1 / 3, 15);
    // With two items the corrected item-total correlation is their correlation: (1, 3, 5) and (2, 3, 4) give 1.
    expectRelative(result.statistics[0].correctedItemTotalCorrelation, 1, 1e-15, 'r.drop');
  });

  it('gives NaN correlations for a constant item', () => {
    const result = itemStatistics(
      [
        [1, 3, 2],
        [2, 3, 3],
        [3, 3, 5],
      ],
      { minimum: 1, maximum: 5 },
    );
    expect(result.statistics[1].sd).toBe(0);
    expect(result.statistics[1].correctedItemTotalCorrelation).toBeNaN();
  });

  it('throws a RangeError for too little data, a bad range or an answer outside it', () => {
    expect(() => itemStatistics([[1], [2]], { minimum: 1, maximum: 5 })).toThrow(
      new RangeError('itemStatistics requires at least 2 items, got 1'),
    );
    expect(() =>
      itemStatistics(
        [
          [1, 2],
          [2, null],
        ],
        { minimum: 1, maximum: 5 },
      ),
    ).toThrow(new RangeError('itemStatistics requires at least 2 complete respondents, got 1'));
    expect(() => itemStatistics([[1, 2]], { minimum: 5, maximum: 1 })).toThrow(RangeError);
    expect(() =>
      itemStatistics(
        [
          [1, 2],
          [2, 6],
        ],
        { minimum: 1, maximum: 5 },
      ),
    ).toThrow(new RangeError('itemStatistics requires answers within the scale range 1-5, got 6 (item 1)'));
  });
});
