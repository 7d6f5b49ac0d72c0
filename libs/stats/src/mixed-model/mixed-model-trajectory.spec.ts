import { linearMixedModel } from './linear-mixed-model';
import { mixedModelTrajectory } from './mixed-model-trajectory';
import { expectAllRelative, readFixture } from '../../test/expect-relative';

interface MixedCase {
  name: string;
  y: (number | null)[];
  time: (number | null)[];
  subject: (string | null)[];
  meanBand: { time: number[]; fit: number[]; se: number[] };
  waldIntercept: [number, number];
  waldSlope: [number, number];
}

const cases = readFixture<MixedCase[]>('mixed-model.json');

describe('mixedModelTrajectory', () => {
  // Expected values (reference/mixed-model.R): predict(fit, newdata, re.form = NA), sqrt(diag(X vcov(fit) X')) and
  // confint(fit, parm = "beta_", method = "Wald") at lme4's optimum. The fit itself agrees with lme4 to ~1e-9.
  it.each(cases.map((c) => [c.name, c] as const))('matches lme4 on %s', (_name, fixture) => {
    const fit = linearMixedModel({ y: fixture.y, time: fixture.time, subject: fixture.subject });
    const trajectory = mixedModelTrajectory(fit, fixture.meanBand.time);
    const tolerance = 1e-6;
    expectAllRelative(trajectory.intercept.ci, fixture.waldIntercept, tolerance, 'intercept ci');
    expectAllRelative(trajectory.slope.ci, fixture.waldSlope, tolerance, 'slope ci');
    expectAllRelative(
      trajectory.points.map((point) => point.fit),
      fixture.meanBand.fit,
      tolerance,
      'fit',
    );
    expectAllRelative(
      trajectory.points.map((point) => point.se),
      fixture.meanBand.se,
      tolerance,
      'se',
    );
    for (const point of trajectory.points) {
      expect(point.upper - point.fit).toBeCloseTo(1.959963984540054 * point.se, 12);
      expect(point.fit - point.lower).toBeCloseTo(1.959963984540054 * point.se, 12);
    }
  });

  it('widens with the level and refuses a level outside (0, 1)', () => {
    const fixture = cases[0];
    const fit = linearMixedModel({ y: fixture.y, time: fixture.time, subject: fixture.subject });
    const at95 = mixedModelTrajectory(fit, [3]).points[0];
    const at99 = mixedModelTrajectory(fit, [3], 0.99).points[0];
    expect(at99.upper - at99.lower).toBeGreaterThan(at95.upper - at95.lower);
    expect(() => mixedModelTrajectory(fit, [3], 1)).toThrow(RangeError);
  });
});
