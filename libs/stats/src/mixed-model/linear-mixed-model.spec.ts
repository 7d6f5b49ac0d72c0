import { linearMixedModel } from './linear-mixed-model';
import { expectAllRelative, expectRelative, readFixture } from '../../test/expect-relative';

interface Estimates {
  fixed: [number, number];
  se: [number, number];
  fixedCovariance: number;
  varIntercept: number;
  varSlope: number;
  covariance: number;
  corr: number;
  varResidual: number;
  remlCriterion: number;
  theta: [number, number, number];
  singular: boolean;
}
interface MixedCase extends Estimates {
  name: string;
  y: (number | null)[];
  time: (number | null)[];
  subject: (string | null)[];
  n: number;
  lme4Default: Estimates;
  lme4Tight: Estimates;
  lme4DefaultStartTight: Estimates;
}

const cases = readFixture<MixedCase[]>('mixed-model.json');

describe('linearMixedModel', () => {
  // Expected values: lme4::lmer(y ~ time + (time | subject), REML = TRUE) at the minimiser of lme4's own REML
  // deviance (tight optimizer, then Newton-refined; reference/mixed-model.R): fixef, sqrt(diag(vcov)), VarCorr,
  // sigma^2, REMLcrit, getME(, "theta"). The agreement seen is about 1e-9; the contract is 1e-6.
  it.each(cases.map((c) => [c.name, c] as const))('matches lme4::lmer on %s', (_name, fixture) => {
    const result = linearMixedModel({ y: fixture.y, time: fixture.time, subject: fixture.subject });
    const tolerance = 1e-6;
    expect(result.n).toBe(fixture.n);
    expect(result.converged).toBe(true);
    expect(result.singular).toBe(fixture.singular);
    expectAllRelative(result.fixed, fixture.fixed, tolerance, 'fixed');
    expectAllRelative(result.se, fixture.se, tolerance, 'se');
    expectRelative(result.fixedCovariance, fixture.fixedCovariance, tolerance, 'fixedCovariance');
    expectRelative(result.varIntercept, fixture.varIntercept, tolerance, 'varIntercept');
    expectRelative(result.varSlope, fixture.varSlope, tolerance, 'varSlope');
    expectRelative(result.covariance, fixture.covariance, tolerance, 'covariance');
    if (Number.isNaN(fixture.corr)) expect(result.corr).toBeNaN();
    else expectRelative(result.corr, fixture.corr, tolerance, 'corr');
    expectRelative(result.varResidual, fixture.varResidual, tolerance, 'varResidual');
    expectRelative(result.remlCriterion, fixture.remlCriterion, 1e-10, 'remlCriterion');
    if (!fixture.singular) {
      expectAllRelative(result.covarianceFactor, fixture.theta, tolerance, 'theta');
    } else {
      // Singular fits here are on the theta22 = 0 bound (random slope a multiple of the random intercept).
      expectAllRelative(result.covarianceFactor.slice(0, 2), fixture.theta.slice(0, 2), tolerance, 'theta');
      expect(result.covarianceFactor[2]).toBe(0);
      expect(fixture.theta[2]).toBe(0);
    }
    // Never worse than lme4's own optimizer, with default or tightened tolerances (up to rounding).
    expect(result.remlCriterion).toBeLessThanOrEqual(fixture.lme4Default.remlCriterion + 1e-9);
    expect(result.remlCriterion).toBeLessThanOrEqual(fixture.lme4Tight.remlCriterion + 1e-9);
    expect(result.remlCriterion).toBeLessThanOrEqual(fixture.lme4DefaultStartTight.remlCriterion + 1e-9);
  });

  it('finds the global optimum where lme4 from its default start stops at a local one on the boundary', () => {
    const fixture = cases.find((c) => c.lme4DefaultStartTight.remlCriterion > c.remlCriterion + 0.1);
    expect(fixture).toBeDefined();
    const result = linearMixedModel({
      y: fixture?.y ?? [],
      time: fixture?.time ?? [],
      subject: fixture?.subject ?? [],
    });
    // lme4 from (1, 0, 1) ends at theta11 = 0 with REMLcrit 151.79; the best of several lme4 starts reaches 151.48.
    expect(fixture?.lme4DefaultStartTight.theta[0]).toBe(0);
    expectRelative(result.remlCriterion, fixture?.remlCriterion ?? NaN, 1e-10, 'remlCriterion');
  });

  it('returns singular fits gracefully, with correlation +1 on the theta22 bound', () => {
    const singular = cases.filter((c) => c.singular);
    expect(singular.length).toBeGreaterThanOrEqual(2);
    for (const fixture of singular) {
      const result = linearMixedModel({ y: fixture.y, time: fixture.time, subject: fixture.subject });
      expect(result).toMatchObject({ singular: true, corr: 1, converged: true });
      expectRelative(result.covariance ** 2, result.varIntercept * result.varSlope, 1e-12, 'rank one');
    }
  });

  it('gives the OLS fixed effects in a balanced design, worked by hand', () => {
    // Every subject is observed at t = 0..3, so X_i is the same for all and GLS equals OLS on the time means,
    // whatever the variance components. y = 10 + 2 t + u_i + e with u = (-1, 1, 0) and residuals +/-0.5 in
    // alternation (reversed for the second subject): the residual means per time are 1/6, -1/6, 1/6, -1/6, whose OLS
    // slope is sum (t - 1.5) e / sum (t - 1.5)^2 = (-1/3) / 5 = -1/15. So slope = 2 - 1/15 and
    // intercept = mean(y) - slope * 1.5 = 13 - (2 - 1/15) * 1.5 = 10.1.
    const subject: string[] = [];
    const time: number[] = [];
    const y: number[] = [];
    [-1, 1, 0].forEach((u, i) => {
      [0, 1, 2, 3].forEach((t) => {
        subject.push(`s${i}`);
        time.push(t);
        y.push(10 + 2 * t + u + (t % 2 === 0 ? 0.5 : -0.5) * (i === 1 ? -1 : 1));
      });
    });
    const result = linearMixedModel({ y, time, subject });
    expectRelative(result.fixed[1], 2 - 1 / 15, 1e-9, 'slope');
    expectRelative(result.fixed[0], 10.1, 1e-9, 'intercept');
  });

  it('reproduces the JSDoc example: OLS fixed effects and a rank-one fit with corr exactly -1', () => {
    // Balanced (t = 0..3 for all): slope = OLS slope of the time means 61/3, 55/3, 17, 43/3 = -29/15,
    // intercept = mean(y) + 1.5 * 29/15 = 17.5 + 2.9 = 20.4. lme4 with the tightened nloptwrap control of
    // reference/mixed-model.R: theta = (5.66981680463, -0.80026457113, 4.9e-8), REMLcrit 37.0599122392 (lme4's
    // default tolerances stop at theta11 = 5.6699527, REMLcrit 37.0599122410, above this implementation's).
    const result = linearMixedModel({
      y: [20, 18, 15, 14, 25, 22, 21, 17, 16, 15, 15, 12],
      time: [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3],
      subject: ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'c', 'c', 'c', 'c'],
    });
    expectAllRelative(result.fixed, [20.4, -29 / 15], 1e-12, 'fixed');
    expectAllRelative(result.covarianceFactor.slice(0, 2), [5.66981680463, -0.80026457113], 1e-6, 'factor');
    expect(result.covarianceFactor[2]).toBe(0);
    expectRelative(result.remlCriterion, 37.0599122392, 1e-11, 'remlCriterion');
    expect(result).toMatchObject({ singular: true, corr: -1 });
  });

  it('is unaffected by an offset of 1e6 in y (the outcome is centred internally)', () => {
    const fixture = cases[1];
    const shifted = linearMixedModel({
      y: fixture.y.map((value) => (value as number) + 1e6),
      time: fixture.time,
      subject: fixture.subject,
    });
    expectRelative(shifted.fixed[0], fixture.fixed[0] + 1e6, 1e-12, 'intercept');
    expectRelative(shifted.fixed[1], fixture.fixed[1], 1e-6, 'slope');
    expectRelative(shifted.varSlope, fixture.varSlope, 1e-6, 'varSlope');
    expectRelative(shifted.varResidual, fixture.varResidual, 1e-6, 'varResidual');
  });

  it('drops incomplete observations and throws a RangeError below the minimum', () => {
    expect(() => linearMixedModel({ y: [1, 2, 3], time: [0, 1, 2], subject: ['a', 'a', 'a'] })).toThrow(
      new RangeError('linearMixedModel requires at least 2 subjects, got 1'),
    );
    expect(() =>
      linearMixedModel({ y: [1, 2, 3, 4], time: [0, 1, 0, 1], subject: ['a', 'a', 'b', 'b'] }),
    ).toThrow(
      new RangeError(
        'linearMixedModel requires more observations than random effects (2 per subject): at least 5 complete observations, got 4',
      ),
    );
    expect(() =>
      linearMixedModel({ y: [1, 2, 3, 4, 5], time: [1, 1, 1, 1, 1], subject: ['a', 'a', 'b', 'b', 'b'] }),
    ).toThrow(new RangeError('linearMixedModel requires time to vary'));
    expect(() => linearMixedModel({ y: [1, 2], time: [0], subject: ['a', 'b'] })).toThrow(RangeError);
  });
});
