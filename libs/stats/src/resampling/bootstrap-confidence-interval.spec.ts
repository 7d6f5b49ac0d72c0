import { bootstrapConfidenceInterval } from './bootstrap-confidence-interval';
import { percentileInterval } from './bca-interval';
import { createRandomGenerator } from './random';
import { expectAllRelative } from '../../test/expect-relative';

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const correlation = (rows: number[][]) => {
  const x = rows.map((row) => row[0]);
  const y = rows.map((row) => row[1]);
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  rows.forEach((_, i) => {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
};

// Deterministic data: 40 skewed values and 30 (x, y) rows from the seeded generator itself.
const generator = createRandomGenerator(99);
const skewed = Array.from({ length: 40 }, () => -5 * Math.log(1 - generator.nextFloat()));
const rows = Array.from({ length: 30 }, () => {
  const x = generator.nextFloat();
  return [x, x + generator.nextFloat()];
});

describe('bootstrapConfidenceInterval', () => {
  it('gives the same interval for the same seed, and another for another seed', () => {
    for (const method of ['percentile', 'bca'] as const) {
      const a = bootstrapConfidenceInterval(mean, skewed, { resamples: 500, seed: 7, method });
      const b = bootstrapConfidenceInterval(mean, skewed, { resamples: 500, seed: 7, method });
      const c = bootstrapConfidenceInterval(mean, skewed, { resamples: 500, seed: 8, method });
      expect(b).toEqual(a);
      expect(c.ci).not.toEqual(a.ci);
    }
  });

  it('returns the type-7 quantiles of the resampling distribution for the percentile method', () => {
    // Replay the documented scheme: B resamples of n indices from nextInt(n) with the same seed.
    const random = createRandomGenerator(2026);
    const replicates = Array.from({ length: 800 }, () =>
      mean(skewed.map(() => skewed[random.nextInt(skewed.length)])),
    );
    replicates.sort((a, b) => a - b);
    const result = bootstrapConfidenceInterval(mean, skewed, {
      resamples: 800,
      seed: 2026,
      confidenceLevel: 0.9,
    });
    expect(result.ci).toEqual(percentileInterval(replicates, 0.9));
    expect(result.estimate).toBe(mean(skewed));
    expect(result.validResamples).toBe(800);
  });

  it('accepts an injected generator in place of a seed', () => {
    const seeded = bootstrapConfidenceInterval(mean, skewed, { resamples: 300, seed: 5, method: 'bca' });
    const injected = bootstrapConfidenceInterval(mean, skewed, {
      resamples: 300,
      random: createRandomGenerator(5),
      method: 'bca',
    });
    expect(injected).toEqual(seeded);
  });

  it('resamples rows for a two-variable statistic and brackets the estimate', () => {
    const result = bootstrapConfidenceInterval(correlation, rows, {
      resamples: 2000,
      seed: 11,
      method: 'bca',
    });
    expect(result.n).toBe(30);
    expect(result.ci[0]).toBeLessThan(result.estimate);
    expect(result.ci[1]).toBeGreaterThan(result.estimate);
    expect(result.ci[1]).toBeLessThanOrEqual(1);
    expect(Number.isFinite(result.acceleration)).toBe(true);
  });

  it('covers the mean of a skewed distribution at about the nominal rate (200 seeded data sets)', () => {
    // Exponential with mean 5, n = 30, 95% BCa: the coverage should be near 0.95; with 200 data sets the binomial
    // sd is 1.5 points, so 0.88-0.99 is a generous band that still catches a broken interval.
    const random = createRandomGenerator(314);
    let covered = 0;
    for (let set = 0; set < 200; set++) {
      const data = Array.from({ length: 30 }, () => -5 * Math.log(1 - random.nextFloat()));
      const { ci } = bootstrapConfidenceInterval(mean, data, { resamples: 400, random, method: 'bca' });
      if (ci[0] <= 5 && 5 <= ci[1]) covered++;
    }
    expect(covered / 200).toBeGreaterThan(0.88);
    expect(covered / 200).toBeLessThan(0.99);
  });

  it('drops missing values and incomplete rows first', () => {
    const withMissing = [...skewed, null, NaN, undefined];
    expectAllRelative(
      bootstrapConfidenceInterval(mean, withMissing, { resamples: 200, seed: 3 }).ci,
      bootstrapConfidenceInterval(mean, skewed, { resamples: 200, seed: 3 }).ci,
      0,
      'ci',
    );
    expect(bootstrapConfidenceInterval(correlation, [...rows, [1, null]], { resamples: 50, seed: 3 }).n).toBe(
      30,
    );
  });

  it('throws a RangeError for too little data and invalid options', () => {
    expect(() => bootstrapConfidenceInterval(mean, [1, null], { resamples: 100, seed: 1 })).toThrow(
      new RangeError('bootstrapConfidenceInterval requires at least 2 complete observations, got 1'),
    );
    expect(() => bootstrapConfidenceInterval(mean, [1, 2, 3], { resamples: 1, seed: 1 })).toThrow(RangeError);
    expect(() => bootstrapConfidenceInterval(mean, [1, 2, 3], { resamples: 100 })).toThrow(RangeError);
    expect(() =>
      bootstrapConfidenceInterval(mean, [1, 2, 3], { resamples: 100, seed: 1, confidenceLevel: 2 }),
    ).toThrow(RangeError);
  });
});
