import { linearRegression } from './linear-regression';
import { confidenceBand } from './confidence-band';
import { expectAllRelative, expectRelative, readFixture } from '../../test/expect-relative';

interface Coefficient {
  estimate: number;
  se: number;
  t: number;
  p: number;
  ci: [number, number];
}
interface RegressionCase {
  name: string;
  x: (number | null)[];
  y: (number | null)[];
  level: number;
  n: number;
  df: number;
  intercept: Coefficient;
  slope: Coefficient;
  residualSe: number;
  rSquared: number;
  covariance: number;
  band: { x: number[]; fit: number[]; se: number[]; lower: number[]; upper: number[] };
}

const cases = readFixture<RegressionCase[]>('regression.json');

describe('linearRegression and confidenceBand', () => {
  // Expected values: R's lm(y ~ x), summary(), confint(), vcov() and predict(interval = "confidence", se.fit = TRUE)
  // (reference/regression.R). lm solves by QR, libs/stats by centred sums: they agree to about 1e-12 relative.
  it.each(cases.map((c) => [c.name, c] as const))('matches lm and predict on %s', (_name, fixture) => {
    const tolerance = 1e-9;
    const fit = linearRegression(fixture.x, fixture.y, { confidenceLevel: fixture.level });
    expect(fit.n).toBe(fixture.n);
    expect(fit.df).toBe(fixture.df);
    for (const key of ['intercept', 'slope'] as const) {
      expectRelative(fit[key].estimate, fixture[key].estimate, tolerance, `${key}.estimate`);
      expectRelative(fit[key].se, fixture[key].se, tolerance, `${key}.se`);
      expectRelative(fit[key].t, fixture[key].t, tolerance, `${key}.t`);
      expectRelative(fit[key].p, fixture[key].p, 1e-8, `${key}.p`);
      expectAllRelative(fit[key].ci, fixture[key].ci, tolerance, `${key}.ci`);
    }
    expectRelative(fit.residualSe, fixture.residualSe, tolerance, 'residualSe');
    expectRelative(fit.rSquared, fixture.rSquared, tolerance, 'rSquared');
    expectRelative(fit.covariance, fixture.covariance, tolerance, 'covariance');

    const band = confidenceBand(fit, { xs: fixture.band.x });
    expectAllRelative(
      band.map((point) => point.fit),
      fixture.band.fit,
      tolerance,
      'band.fit',
    );
    expectAllRelative(
      band.map((point) => point.se),
      fixture.band.se,
      tolerance,
      'band.se',
    );
    expectAllRelative(
      band.map((point) => point.lower),
      fixture.band.lower,
      tolerance,
      'band.lower',
    );
    expectAllRelative(
      band.map((point) => point.upper),
      fixture.band.upper,
      tolerance,
      'band.upper',
    );
  });

  it('evaluates the band on an evenly spaced range, both ends included, narrowest at the mean of x', () => {
    const fit = linearRegression([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
    const band = confidenceBand(fit, { range: [1, 5], points: 5 });
    expect(band.map((point) => point.x)).toEqual([1, 2, 3, 4, 5]);
    const widths = band.map((point) => point.upper - point.lower);
    expect(widths[2]).toBe(Math.min(...widths));
    expect(widths[0]).toBeCloseTo(widths[4], 12);
  });

  it('drops incomplete pairs and refuses too little data', () => {
    const fit = linearRegression([1, null, 2, 3, 4, NaN], [2, 5, 4, undefined, 5, 1]);
    expect(fit.n).toBe(3);
    expect(() => linearRegression([1, 2], [3, 4])).toThrow(/at least 3/);
    expect(() => linearRegression([1, 2, 3], [3, 4])).toThrow(RangeError);
    expect(() => linearRegression([1, 2, 3], [3, 4, 5], { confidenceLevel: 1 })).toThrow(/confidenceLevel/);
    expect(() => confidenceBand(fit, { range: [0, 1], points: 1 })).toThrow(/at least 2 points/);
  });

  it('gives NaN coefficients for a constant x instead of a made-up line', () => {
    const fit = linearRegression([2, 2, 2, 2], [1, 2, 3, 4]);
    expect(fit.slope.estimate).toBeNaN();
    expect(fit.intercept.estimate).toBeNaN();
  });
});
