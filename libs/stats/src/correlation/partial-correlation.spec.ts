import {
  correlationFixture,
  expectClose,
  reportWorstErrors,
  type AlternativeName,
  type Numbers,
} from '../../test/expect-close';
import { partialCorrelation } from './partial-correlation';
import { pearson } from './pearson';

interface PartialCase {
  name: string;
  x: Numbers;
  y: Numbers;
  controls: Numbers[];
  alternative: AlternativeName;
  expected: { r: number; n: number; df: number; t: number; p: number };
}

const cases = correlationFixture<{ partial: PartialCase[] }>().partial;

afterAll(reportWorstErrors);

describe('partialCorrelation', () => {
  // Expected values: r = cor(residuals(lm(x ~ Z)), residuals(lm(y ~ Z))); t, df and p of x's coefficient in
  // summary(lm(y ~ x + Z)) (reference/correlation.R), listwise deletion.
  it.each(cases.map((c) => [`${c.name} ${c.alternative}`, c] as const))('matches R: %s', (_, c) => {
    const result = partialCorrelation(c.x, c.y, c.controls, { alternative: c.alternative });
    expect(result.n).toBe(c.expected.n);
    expect(result.df).toBe(c.expected.df);
    expectClose(result.r, c.expected.r, 1e-10, 'partialCorrelation r');
    expectClose(result.t, c.expected.t, 1e-10, 'partialCorrelation t');
    expectClose(result.p, c.expected.p, 1e-12, 'partialCorrelation p');
  });

  it('equals Pearson when there are no controls', () => {
    const c = cases[0];
    const partial = partialCorrelation(c.x, c.y, []);
    const plain = pearson(c.x, c.y);
    expectClose(partial.r, plain.r, 1e-13, 'partialCorrelation without controls');
    expectClose(partial.p, plain.p, 1e-12, 'partialCorrelation p without controls');
  });

  it('drops a control collinear with another one and counts df from the independent ones', () => {
    const c = cases.find((entry) => entry.controls.length === 1);
    if (!c) throw new Error('fixture case with one control missing');
    const doubled = c.controls[0].map((value) => (value === null ? null : 2 * value - 1));
    const result = partialCorrelation(c.x, c.y, [c.controls[0], doubled]);
    expect(result.k).toBe(1);
    expect(result.df).toBe(c.expected.df);
    expectClose(result.r, c.expected.r, 1e-9, 'partialCorrelation collinear controls');
  });

  it('gives NaN for a constant x', () => {
    expect(partialCorrelation([1, 1, 1, 1, 1], [1, 2, 3, 5, 4], [[2, 1, 4, 3, 5]]).r).toBeNaN();
  });

  it('throws a RangeError with fewer than k + 3 complete rows', () => {
    expect(() => partialCorrelation([1, 2, 3, null], [1, 3, 2, 4], [[1, 2, 2, 1]])).toThrow(
      new RangeError('partialCorrelation requires at least 4 complete rows (controls + 3), got 3'),
    );
    expect(() => partialCorrelation([1, 2, 3], [1, 2, 3], [[1, 2]])).toThrow(RangeError);
  });
});
