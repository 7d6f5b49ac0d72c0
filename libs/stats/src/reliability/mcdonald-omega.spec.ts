import { mcdonaldOmega } from './mcdonald-omega';
import { expectAllRelative, expectRelative, readFixture } from '../../test/expect-relative';

interface OmegaCase {
  name: string;
  items: (number | null)[][];
  n: number;
  omega: number;
  omegaPolished: number;
  omegaFactanalDefaultTolerance: number;
  loadings: number[];
  uniquenesses: number[];
}

const { alpha: cases } = readFixture<{ alpha: OmegaCase[] }>('reliability.json');

describe('mcdonaldOmega', () => {
  // Expected values (reference/reliability.R): factanal(covmat = cor(x), factors = 1) with L-BFGS-B tolerance
  // tightened (`omega`), and that solution polished with factanal's own stationarity condition (`omegaPolished`).
  it.each(cases.map((c) => [c.name, c] as const))('matches factanal(factors = 1) on %s', (_name, fixture) => {
    const result = mcdonaldOmega(fixture.items);
    expect(result.n).toBe(fixture.n);
    expectRelative(result.omega, fixture.omegaPolished, 1e-10, 'omega vs polished factanal');
    expectRelative(result.omega, fixture.omega, 1e-8, 'omega vs factanal (factr tightened)');
    expectRelative(
      result.omega,
      fixture.omegaFactanalDefaultTolerance,
      1e-6,
      'omega vs factanal (default tolerance)',
    );
    expectAllRelative(result.loadings, fixture.loadings, 1e-6, 'loadings');
    expectAllRelative(result.uniquenesses, fixture.uniquenesses, 1e-6, 'uniquenesses');
  });

  it('reproduces a hand-worked one-factor structure exactly', () => {
    // Population correlations r_ab = l_a l_b with loadings 0.9, 0.8, 0.7: the ML solution is exact, so
    // omega = 2.4^2 / (2.4^2 + (0.19 + 0.36 + 0.51)) = 5.76 / 6.82. The rows x = l f + sqrt(1 - l^2) e_j use
    // a factor f and errors e_j that are centred, mutually orthogonal contrasts over 5 respondents, scaled to unit
    // sample variance, so the sample correlation matrix is exactly l l' + diag(1 - l^2).
    const loadings = [0.9, 0.8, 0.7];
    const unit = (v: number[]) => {
      const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0) / (v.length - 1));
      return v.map((x) => x / norm);
    };
    const factor = unit([2, -0.5, -0.5, -0.5, -0.5]);
    const errors = [
      [0, 1, -1, 0, 0],
      [0, 1, 1, -2, 0],
      [0, 1, 1, 1, -3],
    ].map(unit);
    const rows = factor.map((f, i) => loadings.map((l, j) => l * f + Math.sqrt(1 - l * l) * errors[j][i]));
    const result = mcdonaldOmega(rows);
    expectRelative(result.omega, 5.76 / 6.82, 1e-12, 'omega');
    expectAllRelative(result.loadings, loadings, 1e-10, 'loadings');
  });

  it('drops incomplete rows and returns NaN for a constant item', () => {
    const fixture = cases[1];
    expect(mcdonaldOmega(fixture.items).n).toBe(
      fixture.items.filter((row) => row.every((v) => v !== null)).length,
    );
    const constantItem = mcdonaldOmega([
      [1, 2, 3],
      [2, 2, 1],
      [3, 2, 2],
      [4, 2, 5],
    ]);
    expect(constantItem.omega).toBeNaN();
  });

  it('throws a RangeError below the minimum', () => {
    expect(() =>
      mcdonaldOmega([
        [1, 2],
        [2, 3],
        [3, 5],
      ]),
    ).toThrow(new RangeError('mcdonaldOmega requires at least 3 items, got 2'));
    expect(() =>
      mcdonaldOmega([
        [1, 2, 3],
        [2, 3, 1],
      ]),
    ).toThrow(new RangeError('mcdonaldOmega requires at least 3 complete respondents, got 2'));
  });
});
