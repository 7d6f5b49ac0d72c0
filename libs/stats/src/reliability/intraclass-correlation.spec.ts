import { fisherFUpperTail } from '../distributions/fisher-f';
import { intraclassCorrelation, type IntraclassCorrelationResult } from './intraclass-correlation';
import { expectAllRelative, expectRelative, readFixture } from '../../test/expect-relative';

interface CoefficientFixture {
  value: number;
  F: number;
  df1: number;
  df2: number;
  p: number;
  pUpperTail: number;
  ci: [number, number];
  ci90: [number, number];
}
type Form = 'ICC1' | 'ICC2' | 'ICC3' | 'ICC1k' | 'ICC2k' | 'ICC3k';
type IccCase = { name: string; ratings: (number | null)[][]; n: number } & Record<Form, CoefficientFixture>;

const { icc: cases } = readFixture<{ icc: IccCase[] }>('reliability.json');
const forms: Form[] = ['ICC1', 'ICC2', 'ICC3', 'ICC1k', 'ICC2k', 'ICC3k'];

describe('intraclassCorrelation', () => {
  // Expected values: psych::ICC(na.omit(x), lmer = FALSE)$results, also with alpha = 0.10; p compared with
  // pf(F, df1, df2, lower.tail = FALSE) (reference/reliability.R).
  it.each(cases.map((c) => [c.name, c] as const))('matches psych::ICC on %s', (_name, fixture) => {
    const result: IntraclassCorrelationResult = intraclassCorrelation(fixture.ratings);
    const result90 = intraclassCorrelation(fixture.ratings, { confidenceLevel: 0.9 });
    expect(result.n).toBe(fixture.n);
    for (const form of forms) {
      const expected = fixture[form];
      const actual = result[form];
      expectRelative(actual.value, expected.value, 1e-10, `${form} value`);
      expectRelative(actual.F, expected.F, 1e-10, `${form} F`);
      expect(actual.df1).toBe(expected.df1);
      expect(actual.df2).toBe(expected.df2);
      // Far in the tail p is ill-conditioned in F (d log p / d log F is about -df2 / 2), so an F that differs from
      // aov's QR-based F in the 14th digit moves p in the 12th; there p is held to 1e-10 and the tail itself is
      // checked at 1e-12 against pf() given R's own F in the next test.
      expectRelative(actual.p, expected.pUpperTail, expected.pUpperTail > 1e-20 ? 1e-12 : 1e-10, `${form} p`);
      expectAllRelative(actual.ci, expected.ci, 1e-10, `${form} ci`);
      expectAllRelative(result90[form].ci, expected.ci90, 1e-10, `${form} ci 90%`);
    }
  });

  it('computes the F upper tail to 1e-12 of pf(lower.tail = FALSE) down to 1e-165', () => {
    for (const fixture of cases) {
      for (const form of forms) {
        const expected = fixture[form];
        expectRelative(
          fisherFUpperTail(expected.F, expected.df1, expected.df2),
          expected.pUpperTail,
          1e-12,
          `${form} tail`,
        );
      }
    }
  });

  it('reproduces Shrout & Fleiss (1979) Table 4 to its printed two decimals', () => {
    // Published values for the Table 2 data: ICC(1,1) .17, ICC(2,1) .29, ICC(3,1) .71, ICC(1,4) .44, ICC(2,4) .62,
    // ICC(3,4) .91.
    const result = intraclassCorrelation(cases[0].ratings);
    const published: Record<Form, number> = {
      ICC1: 0.17,
      ICC2: 0.29,
      ICC3: 0.71,
      ICC1k: 0.44,
      ICC2k: 0.62,
      ICC3k: 0.91,
    };
    for (const form of forms) expect(result[form].value).toBeCloseTo(published[form], 2);
  });

  it('drops incomplete subjects listwise', () => {
    const withMissing = cases.find((c) => c.ratings.some((row) => row.includes(null)));
    expect(withMissing).toBeDefined();
    const complete = withMissing?.ratings.filter((row) => !row.includes(null)) ?? [];
    expect(intraclassCorrelation(withMissing?.ratings ?? [])).toEqual(intraclassCorrelation(complete));
  });

  it('gives infinite F and p = 0 for perfect agreement instead of throwing', () => {
    const result = intraclassCorrelation([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(result.ICC3.value).toBe(1);
    expect(result.ICC3.F).toBe(Infinity);
    expect(result.ICC3.p).toBe(0);
  });

  it('gives NaN, not an error, for constant ratings and keeps its digits on data offset by 1e8', () => {
    const constant = intraclassCorrelation([
      [3, 3],
      [3, 3],
      [3, 3],
    ]);
    expect(constant.ICC1.value).toBeNaN();
    expect(constant.ICC2.p).toBeNaN();
    const fixture = cases[1];
    const offset = fixture.ratings.map((row) => row.map((value) => (value as number) + 1e8));
    expectRelative(intraclassCorrelation(offset).ICC2.value, fixture.ICC2.value, 1e-6, 'ICC2 offset 1e8');
  });

  it('throws a RangeError below the minimum', () => {
    expect(() => intraclassCorrelation([[1], [2]])).toThrow(
      new RangeError('intraclassCorrelation requires at least 2 raters, got 1'),
    );
    expect(() =>
      intraclassCorrelation([
        [1, 2],
        [NaN, 2],
      ]),
    ).toThrow(new RangeError('intraclassCorrelation requires at least 2 complete subjects, got 1'));
  });
});
