import { parallelAnalysis } from './parallel-analysis';
import { createRandomGenerator } from '../resampling/random';
import { expectAllRelative } from '../../test/expect-relative';
import { expectAbsolute, readCsvFixture, scaleValidationFixture } from '../../test/scale-validation-fixture';

const cases = scaleValidationFixture().parallelAnalysis;
/** Simulated data sets per test run (R used 500). */
const iterations = 80;

/**
 * Monte-Carlo tolerances. Our simulated eigenvalues at a position (N = 80 data sets) and R's (N_R = 500) are two
 * independent samples of the same distribution.
 * - Means: the difference has standard error s sqrt(1/N + 1/N_R), s being R's sd of that eigenvalue; allowed 4.5
 *   standard errors (two-sided 6.8e-6 per comparison under the normal approximation, which the central limit theorem
 *   gives for means even of the bimodal first factor eigenvalue below).
 * - 95th percentiles, distribution-free: F(x) of a sample quantile is approximately normal around its probability with
 *   variance p (1 - p) / N, whatever F is. So our 95th percentile must lie between R's quantiles at probabilities
 *   0.95 -/+ 4.5 sqrt(0.95 * 0.05 / N + 0.25 / N_R) (0.25 bounds R's p (1 - p)), rounded outward to R's grid of
 *   0.70, 0.71, ..., 1: with N = 80, between R's 80th percentile and its maximum. A normal-theory standard error
 *   would not do: the first factor eigenvalue of random data is bimodal (a one-factor minres fit is a Heywood case
 *   in about 7% of the data sets, in R as here, with an eigenvalue near 1), and its 95th percentile falls in the gap
 *   between the modes.
 * About 180 comparisons in this file, so about 1e-3 for any of them by chance. The seed is fixed, so the test is
 * deterministic; the tolerances make sure that the fixed seed is not a cherry-pick.
 */
const z = 4.5;

/** Columns of R's quantile grid that bracket the plausible range of our 95th percentile (see above). */
function gridBounds(grid: readonly number[], referenceIterations: number): { lower: number; upper: number } {
  const halfWidth = z * Math.sqrt((0.95 * 0.05) / iterations + 0.25 / referenceIterations);
  let lower = 0;
  while (lower + 1 < grid.length && grid[lower + 1] <= 0.95 - halfWidth + 1e-9) lower++;
  let upper = grid.length - 1;
  while (upper - 1 >= 0 && grid[upper - 1] >= 0.95 + halfWidth - 1e-9) upper--;
  return { lower, upper };
}

describe('parallelAnalysis', () => {
  // Expected values (reference/scale-validation.R): psych::fa.parallel(cor(x), n.obs = n, fm = 'minres',
  // fa = 'both', n.iter = 500): observed eigenvalues exactly (factors: of R with the communalities of psych's
  // one-factor minres criterion solved to convergence on its diagonal), the simulated ones statistically.
  it.each(cases.map((c) => [c.name, c] as const))(
    'agrees with psych::fa.parallel on %s',
    (_name, fixture) => {
      const data = readCsvFixture(fixture.file);
      const result = parallelAnalysis(data, { seed: 20261208, iterations });
      expect(result.n).toBe(fixture.n);
      expectAllRelative(
        result.components.observed,
        fixture.componentsObserved,
        1e-12,
        'observed component eigenvalues',
      );
      expectAbsolute(result.factors.observed, fixture.factorsObserved, 1e-12, 'observed factor eigenvalues');
      // psych's own one-factor fit stops about 1e-5 short.
      expectAbsolute(
        result.factors.observed,
        fixture.factorsObservedPsych,
        1e-4,
        'observed factor eigenvalues vs psych',
      );

      const scale = Math.sqrt(1 / iterations + 1 / fixture.iterations);
      const bounds = gridBounds(fixture.quantileGrid, fixture.iterations);
      for (const kind of ['components', 'factors'] as const) {
        const ours = result[kind];
        const theirs = fixture[kind];
        ours.simulatedMean.forEach((mean, j) => {
          const tolerance = z * theirs.sd[j] * scale;
          expect(Math.abs(mean - theirs.mean[j])).toBeLessThanOrEqual(tolerance);
        });
        ours.simulatedQuantile.forEach((quantile, j) => {
          expect(quantile).toBeGreaterThanOrEqual(theirs.quantileGrid[j][bounds.lower]);
          expect(quantile).toBeLessThanOrEqual(theirs.quantileGrid[j][bounds.upper]);
        });
      }

      // The decision, on data where it is unambiguous: the last retained observed eigenvalue lies above, and the first
      // rejected one below, the whole range that the 95th percentile of N = 80 simulated data sets can take (as above).
      expect(result.components.suggested).toBe(fixture.suggestedComponents);
      expect(result.factors.suggested).toBe(fixture.suggestedFactors);
      for (const kind of ['components', 'factors'] as const) {
        const { observed, suggested } = result[kind];
        const grid = fixture[kind].quantileGrid;
        expect(observed[suggested - 1]).toBeGreaterThan(grid[suggested - 1][bounds.upper]);
        expect(observed[suggested]).toBeLessThan(grid[suggested][bounds.lower]);
      }
    },
  );

  it('is reproducible: the same seed gives the same result, an injected generator the same as its seed', () => {
    const data = readCsvFixture(cases[0].file);
    const first = parallelAnalysis(data, { seed: 7, iterations: 5 });
    const again = parallelAnalysis(data, { seed: 7, iterations: 5 });
    const injected = parallelAnalysis(data, { random: createRandomGenerator(7), iterations: 5 });
    expect(again).toEqual(first);
    expect(injected).toEqual(first);
    const other = parallelAnalysis(data, { seed: 8, iterations: 5 });
    expect(other.components.simulatedMean).not.toEqual(first.components.simulatedMean);
    expect(other.components.observed).toEqual(first.components.observed);
  });

  it('uses the simulated means with criterion mean (Horn 1965), which never suggests fewer', () => {
    const data = readCsvFixture(cases[1].file);
    const byQuantile = parallelAnalysis(data, { seed: 3, iterations: 20 });
    const byMean = parallelAnalysis(data, { seed: 3, iterations: 20, criterion: 'mean' });
    expect(byMean.components.simulatedMean).toEqual(byQuantile.components.simulatedMean);
    expect(byMean.components.suggested).toBeGreaterThanOrEqual(byQuantile.components.suggested);
    expect(byMean.factors.suggested).toBeGreaterThanOrEqual(byQuantile.factors.suggested);
    byMean.components.simulatedMean.forEach((mean, j) =>
      expect(mean).toBeLessThan(byMean.components.simulatedQuantile[j]),
    );
  });

  it('suggests nothing for independent items', () => {
    const random = createRandomGenerator(11);
    const noise = Array.from({ length: 200 }, () => Array.from({ length: 6 }, () => random.nextFloat()));
    const result = parallelAnalysis(noise, { seed: 12, iterations: 40 });
    expect(result.components.suggested).toBeLessThanOrEqual(1);
    expect(result.factors.suggested).toBeLessThanOrEqual(1);
  });

  it('throws a RangeError for invalid options or too little data', () => {
    const data = readCsvFixture(cases[0].file);
    expect(() => parallelAnalysis(data, {})).toThrow(
      new RangeError('parallelAnalysis requires a seed or a random generator'),
    );
    expect(() => parallelAnalysis(data, { seed: 1, iterations: 0 })).toThrow(RangeError);
    expect(() => parallelAnalysis(data, { seed: 1, quantile: 1 })).toThrow(RangeError);
    expect(() =>
      parallelAnalysis(
        data.map((row) => row.slice(0, 2)),
        { seed: 1 },
      ),
    ).toThrow(new RangeError('parallelAnalysis requires at least 3 items, got 2'));
    expect(() => parallelAnalysis(data.slice(0, 14), { seed: 1 })).toThrow(
      new RangeError(
        'parallelAnalysis requires at least 15 complete respondents (one more than the items), got 14',
      ),
    );
  });
});
