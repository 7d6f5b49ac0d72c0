import {
  correlationFixture,
  expectAllClose,
  expectClose,
  reportWorstErrors,
  type Numbers,
} from '../../test/expect-close';
import { pearson } from './pearson';
import { repeatedMeasuresCorrelation } from './repeated-measures-correlation';

interface RmcorrCase {
  subject: (string | null)[];
  x: Numbers;
  y: Numbers;
  confidenceLevel: number;
  expected: {
    r: number;
    df: number;
    p: number;
    ci: [number, number];
    n: number;
    subjects: number;
    slope: number;
  };
}

const cases = correlationFixture<{ rmcorr: RmcorrCase[] }>().rmcorr;

afterAll(reportWorstErrors);

describe('repeatedMeasuresCorrelation', () => {
  // Expected values: rmcorr's formulas in base R (lm(y ~ factor(subject) + x), drop1 F test, psych::r.con),
  // see reference/correlation.R.
  it.each(cases.map((c, index) => [index, c] as const))('matches R (rmcorr formulas): case %s', (_, c) => {
    const result = repeatedMeasuresCorrelation(c.subject, c.x, c.y, { confidenceLevel: c.confidenceLevel });
    expect(result.n).toBe(c.expected.n);
    expect(result.subjects).toBe(c.expected.subjects);
    expect(result.df).toBe(c.expected.df);
    expectClose(result.r, c.expected.r, 1e-10, 'repeatedMeasuresCorrelation r');
    expectClose(result.slope, c.expected.slope, 1e-10, 'repeatedMeasuresCorrelation slope');
    expectClose(result.p, c.expected.p, 1e-12, 'repeatedMeasuresCorrelation p');
    expectAllClose(result.ci, c.expected.ci, 1e-10, 'repeatedMeasuresCorrelation ci');
  });

  it('separates within-subject from between-subject association (opposite signs in the fixture)', () => {
    const c = cases[0];
    expect(
      pearson(
        c.x.map((value, i) => (c.subject[i] === null ? null : value)),
        c.y,
      ).r,
    ).toBeLessThan(0);
    expect(repeatedMeasuresCorrelation(c.subject, c.x, c.y).r).toBeGreaterThan(0);
  });

  it('with one subject equals Pearson r and its df', () => {
    const x = [1, 2, 3, 4, 5, 6];
    const y = [2, 1, 4, 3, 6, 5];
    const result = repeatedMeasuresCorrelation(['a', 'a', 'a', 'a', 'a', 'a'], x, y);
    const plain = pearson(x, y);
    expectClose(result.r, plain.r, 1e-14, 'repeatedMeasuresCorrelation one subject');
    expect(result.df).toBe(plain.df);
    expectClose(result.p, plain.p, 1e-13, 'repeatedMeasuresCorrelation one subject p');
  });

  it('gives NaN without within-subject variation and throws below k + 2 observations', () => {
    expect(repeatedMeasuresCorrelation(['a', 'a', 'b', 'b'], [1, 1, 2, 2], [1, 2, 3, 4]).r).toBeNaN();
    expect(() => repeatedMeasuresCorrelation(['a', 'b', 'b'], [1, 2, 3], [1, 2, 4])).toThrow(
      new RangeError(
        'repeatedMeasuresCorrelation requires at least 4 complete observations (subjects + 2), got 3',
      ),
    );
  });
});
