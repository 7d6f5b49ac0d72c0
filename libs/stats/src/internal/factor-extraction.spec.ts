import {
  extractFactors,
  extractionDerivatives,
  squaredMultipleCorrelations,
  uniquenessLowerBound,
} from './factor-extraction';
import { completeRows } from './complete-rows';
import { correlationFromCovariance, covarianceMatrix } from './linear-algebra';
import { expectAbsolute, readCsvFixture, scaleValidationFixture } from '../../test/scale-validation-fixture';

const { factorAnalysis } = scaleValidationFixture();

function correlationOf(file: string): number[][] {
  return correlationFromCovariance(covarianceMatrix(completeRows('test', readCsvFixture(file))));
}

describe('extractFactors', () => {
  // reference/scale-validation.R solves psych's criteria to convergence (L-BFGS-B at factr = 1, then Newton steps
  // with a central-difference Jacobian) from psych's start; `converged.fittedUniquenesses` is that solution.
  it.each(factorAnalysis.map((c) => [c.name, c] as const))(
    'reaches the converged uniquenesses of psych’s criterion on %s',
    (_name, fixture) => {
      const extraction = extractFactors(correlationOf(fixture.file), fixture.factors, fixture.method);
      expect(extraction).not.toBeNull();
      expect(extraction?.converged).toBe(true);
      expect(extraction?.iterations).toBeLessThan(20);
      expectAbsolute(
        extraction?.fittedUniquenesses ?? [],
        fixture.converged.fittedUniquenesses,
        1e-12,
        'Psi',
      );
      // psych's own L-BFGS-B stops short of it (5e-4 on the minres Heywood case, under 6e-5 elsewhere).
      expectAbsolute(
        extraction?.fittedUniquenesses ?? [],
        fixture.psych.fittedUniquenesses,
        1e-3,
        'Psi vs psych',
      );
      expect(extraction?.boundItems).toEqual(fixture.converged.boundItems);
    },
  );

  it.each([
    ['minres', 3],
    ['ml', 3],
    ['minres', 1],
    ['ml', 2],
  ] as const)('has the analytic %s gradient and Hessian of its criterion (%i factors)', (method, factors) => {
    // Central differences of the value and of the gradient at a point away from the optimum.
    const correlation = correlationOf(factorAnalysis[0].file);
    const point = factorAnalysis[0].converged.fittedUniquenesses.map((psi, i) =>
      Math.min(0.95, psi + 0.02 + 0.01 * (i % 3)),
    );
    const at = extractionDerivatives(correlation, point, factors, method);
    expect(at.hessian).not.toBeNull();
    const step = 1e-6;
    point.forEach((_, j) => {
      const up = [...point];
      const down = [...point];
      up[j] += step;
      down[j] -= step;
      const plus = extractionDerivatives(correlation, up, factors, method);
      const minus = extractionDerivatives(correlation, down, factors, method);
      const slope = (plus.value - minus.value) / (2 * step);
      expect(Math.abs(slope - at.gradient[j])).toBeLessThan(1e-7 * Math.max(1, Math.abs(at.gradient[j])));
      point.forEach((__, i) => {
        const curvature = (plus.gradient[i] - minus.gradient[i]) / (2 * step);
        expect(Math.abs(curvature - (at.hessian as number[][])[i][j])).toBeLessThan(
          1e-6 * Math.max(1, Math.abs(curvature)),
        );
      });
    });
  });

  it('holds a Heywood item on the lower bound 0.005', () => {
    const heywood = factorAnalysis.filter((c) => c.name.startsWith('Heywood'));
    expect(heywood).toHaveLength(2);
    for (const fixture of heywood) {
      const extraction = extractFactors(correlationOf(fixture.file), fixture.factors, fixture.method);
      expect(extraction?.boundItems).toEqual([0]);
      expect(extraction?.fittedUniquenesses[0]).toBe(uniquenessLowerBound);
    }
  });

  it('computes squared multiple correlations, and null for a singular matrix', () => {
    // Two items correlated 0.6: each SMC is the squared correlation.
    const smc = squaredMultipleCorrelations([
      [1, 0.6],
      [0.6, 1],
    ]);
    expect(smc?.[0]).toBeCloseTo(0.36, 15);
    expect(
      squaredMultipleCorrelations([
        [1, 1],
        [1, 1],
      ]),
    ).toBeNull();
    expect(
      extractFactors(
        [
          [1, 1, 0],
          [1, 1, 0],
          [0, 0, 1],
        ],
        1,
        'minres',
      ),
    ).toBeNull();
  });
});
