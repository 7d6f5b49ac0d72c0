import { cohensKappa, type CategoricalCode } from './cohens-kappa';
import { expectAllRelative, expectRelative, fixtureNumber, readFixture } from '../../test/expect-relative';

interface KappaCase {
  name: string;
  a: CategoricalCode[];
  b: CategoricalCode[];
  n: number;
  kappa: number;
  var: number;
  se: number;
  observedAgreement: number;
  expectedAgreement: number;
  ci: [number, number];
  ci90: [number, number];
  z: number | string;
  p: number;
}

const { kappa: cases } = readFixture<{ kappa: KappaCase[] }>('agreement.json');

describe('cohensKappa', () => {
  // Expected values: psych::cohen.kappa(cbind(a, b)[complete, ]) — kappa, var.kappa, confid["unweighted kappa", ]
  // with alpha = 0.05 and 0.10; z = kappa / sqrt(var.kappa), p = 2 * pnorm(-abs(z)) (reference/agreement.R).
  it.each(cases.map((c) => [c.name, c] as const))('matches psych::cohen.kappa on %s', (_name, fixture) => {
    const result = cohensKappa(fixture.a, fixture.b);
    expect(result.n).toBe(fixture.n);
    expectRelative(result.kappa, fixture.kappa, 1e-10, 'kappa');
    expectRelative(result.se ** 2, fixture.var, 1e-10, 'variance');
    expectRelative(result.se, fixture.se, 1e-10, 'se');
    expectRelative(result.observedAgreement, fixture.observedAgreement, 1e-10, 'observed agreement');
    expectRelative(result.expectedAgreement, fixture.expectedAgreement, 1e-10, 'expected agreement');
    expectAllRelative(result.ci, fixture.ci, 1e-10, 'ci');
    expectAllRelative(cohensKappa(fixture.a, fixture.b, { confidenceLevel: 0.9 }).ci, fixture.ci90, 1e-10, 'ci 90%');
    expectRelative(result.z, fixtureNumber(fixture.z), 1e-10, 'z');
    expectRelative(result.p, fixture.p, 1e-10, 'p');
  });

  it('is symmetric in the raters and ignores the order of the categories', () => {
    const fixture = cases.find((c) => c.name === 'five_categories_200');
    if (!fixture) throw new Error('fixture five_categories_200 missing');
    const forward = cohensKappa(fixture.a, fixture.b);
    const swapped = cohensKappa(fixture.b, fixture.a);
    const relabelled = cohensKappa(
      fixture.a.map((code) => `c${String(code)}`),
      fixture.b.map((code) => `c${String(code)}`),
    );
    expectRelative(swapped.kappa, forward.kappa, 1e-14, 'swapped kappa');
    expectRelative(swapped.se, forward.se, 1e-14, 'swapped se');
    expectRelative(relabelled.kappa, forward.kappa, 1e-14, 'relabelled kappa');
  });

  it('drops pairs with a missing code (null, undefined, NaN)', () => {
    const result = cohensKappa([1, 2, null, 1, NaN, 2, 1], [1, 2, 1, undefined, 2, 1, 1]);
    expect(result.n).toBe(4);
    expectRelative(result.kappa, cohensKappa([1, 2, 2, 1], [1, 2, 1, 1]).kappa, 0, 'kappa after deletion');
  });

  it('gives NaN when the expected agreement is 1 (one shared category)', () => {
    const result = cohensKappa(['a', 'a', 'a'], ['a', 'a', 'a']);
    expect(result.expectedAgreement).toBe(1);
    expect(result.observedAgreement).toBe(1);
    expect(result.kappa).toBeNaN();
    expect(result.se).toBeNaN();
    expect(result.ci[0]).toBeNaN();
    expect(result.p).toBeNaN();
  });

  it('throws a RangeError below 2 complete pairs, for unequal lengths and bad confidence levels', () => {
    expect(() => cohensKappa([1, null], [1, 2])).toThrow(
      new RangeError('cohensKappa requires at least 2 complete pairs, got 1'),
    );
    expect(() => cohensKappa([1, 2], [1])).toThrow(RangeError);
    expect(() => cohensKappa([1, 2], [1, 2], { confidenceLevel: 1 })).toThrow(RangeError);
  });
});
