import { obliminRotation } from './oblimin-rotation';
import { matrixProduct } from '../internal/dense-matrix';
import { expectAbsolute, scaleValidationFixture } from '../../test/scale-validation-fixture';

const cases = scaleValidationFixture().oblimin;

describe('obliminRotation', () => {
  // Expected values (reference/scale-validation.R): GPArotation::oblimin(A, gam) on converged minres loadings, with
  // eps = 1e-9 (GPFoblq stalls near a projected gradient of 2e-9: its line search no longer resolves the decrease of
  // the criterion there) and with its default eps = 1e-5. Raw output: no sign or order convention on either side.
  it.each(cases.map((c) => [c.name, c] as const))('matches GPArotation::oblimin on %s', (_name, fixture) => {
    const result = obliminRotation(fixture.unrotated, { gamma: fixture.gamma });
    expect(result.converged).toBe(true);
    expect(result.gradientNorm).toBeLessThan(1e-12);
    expectAbsolute(result.loadings, fixture.loadings, 1e-7, 'oblimin loadings vs GPArotation eps 1e-9');
    expectAbsolute(result.factorCorrelations, fixture.Phi, 1e-7, 'oblimin Phi vs GPArotation eps 1e-9');
    expectAbsolute(result.rotation, fixture.rotation, 1e-7, 'oblimin T vs GPArotation eps 1e-9');
    // GPArotation's default stops about 1e-5 short of the optimum.
    expectAbsolute(result.loadings, fixture.defaultLoadings, 5e-5, 'oblimin loadings vs GPArotation default');
    expectAbsolute(result.factorCorrelations, fixture.defaultPhi, 5e-5, 'oblimin Phi vs GPArotation default');
  });

  it("satisfies L = A (T')^-1 and Phi = T'T with unit-length columns of T", () => {
    const { unrotated } = cases[0];
    const result = obliminRotation(unrotated);
    const reproduced = matrixProduct(
      result.loadings,
      result.rotation.map((row, i) => result.rotation.map((r) => r[i])),
    );
    expectAbsolute(reproduced, unrotated, 1e-13, "L T' = A");
    result.factorCorrelations.forEach((row, i) => expect(row[i]).toBe(1));
  });

  it('finds the same solution from an orthogonally rotated start (up to order and sign)', () => {
    const { unrotated } = cases[0];
    const angle = 0.7;
    const [c, s] = [Math.cos(angle), Math.sin(angle)];
    const turned = matrixProduct(unrotated, [
      [c, -s, 0],
      [s, c, 0],
      [0, 0, 1],
    ]);
    const reference = obliminRotation(unrotated);
    const result = obliminRotation(turned);
    // Match each reference factor to the result factor with the largest absolute inner product.
    reference.loadings[0].forEach((_, k) => {
      const column = reference.loadings.map((row) => row[k]);
      let best = 0;
      let bestDot = 0;
      result.loadings[0].forEach((__, j) => {
        const dot = result.loadings.reduce((sum, row, i) => sum + row[j] * column[i], 0);
        if (Math.abs(dot) > Math.abs(bestDot)) [best, bestDot] = [j, dot];
      });
      const sign = Math.sign(bestDot);
      expectAbsolute(
        result.loadings.map((row) => sign * row[best]),
        column,
        1e-10,
        'rotation-invariant solution',
      );
    });
  });

  it('returns a single factor unrotated, and throws on bad input', () => {
    const single = obliminRotation([[0.5], [0.6], [0.7]]);
    expect(single.loadings).toEqual([[0.5], [0.6], [0.7]]);
    expect(single.factorCorrelations).toEqual([[1]]);
    expect(() => obliminRotation([])).toThrow(RangeError);
    expect(() => obliminRotation([[0.5, 0.1], [0.4]])).toThrow(RangeError);
    expect(() =>
      obliminRotation([
        [NaN, 0.1],
        [0.4, 0.2],
      ]),
    ).toThrow(RangeError);
  });
});
