import { expectRelative, readFixture } from '../../test/expect-relative';
import { normalDeviate } from './normal-deviate';
import { createRandomGenerator } from './random';

/** Written by reference/normal-deviate.R (R's qnorm, qchisq, pnorm; see the script for each critical value). */
interface NormalDeviateFixture {
  draws: number;
  alpha: number;
  cells: number;
  edges: number[];
  chiSquareCritical: number;
  kolmogorovSmirnovCritical: number;
  meanCritical: number;
  varianceRange: [number, number];
  skewnessCritical: number;
  kurtosisMean: number;
  kurtosisCritical: number;
  seeded: { seed: string; first: number }[];
}

const fixture = readFixture<NormalDeviateFixture>('normal-deviate.json');

interface Verdicts {
  chiSquare: boolean;
  kolmogorovSmirnov: boolean;
  mean: boolean;
  variance: boolean;
  skewness: boolean;
  kurtosis: boolean;
}

/**
 * Six tests of "these values are draws from N(0, 1)", each at level `fixture.alpha` (true: not rejected), with the
 * distribution's values from R only: chi-square over equiprobable cells cut at R's qnorm, the Kolmogorov-Smirnov
 * distance at those cut points (conservative), and the first four moments.
 */
function normalityVerdicts(values: readonly number[]): Verdicts {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const counts = new Array<number>(fixture.cells).fill(0);
  let cell = 0;
  for (const value of sorted) {
    while (cell < fixture.edges.length && value > fixture.edges[cell]) cell++;
    counts[cell]++;
  }
  const expected = n / fixture.cells;
  const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
  let below = 0;
  let distance = 0;
  for (let k = 0; k < fixture.edges.length; k++) {
    below += counts[k];
    distance = Math.max(distance, Math.abs(below / n - (k + 1) / fixture.cells));
  }
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const value of values) {
    const d = value - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  const variance = m2 / (n - 1);
  m2 /= n;
  m3 /= n;
  m4 /= n;
  return {
    chiSquare: chiSquare <= fixture.chiSquareCritical,
    kolmogorovSmirnov: distance <= fixture.kolmogorovSmirnovCritical,
    mean: Math.abs(mean) <= fixture.meanCritical,
    variance: fixture.varianceRange[0] <= variance && variance <= fixture.varianceRange[1],
    skewness: Math.abs(m3 / m2 ** 1.5) <= fixture.skewnessCritical,
    kurtosis: Math.abs(m4 / (m2 * m2) - 3 - fixture.kurtosisMean) <= fixture.kurtosisCritical,
  };
}

const ACCEPTED: Verdicts = {
  chiSquare: true,
  kolmogorovSmirnov: true,
  mean: true,
  variance: true,
  skewness: true,
  kurtosis: true,
};

describe('normalDeviate', () => {
  const random = createRandomGenerator(20261129);
  const draws = Array.from({ length: fixture.draws }, () => normalDeviate(random));

  it('gives, for a seed, the first deviate computed in R from the reference C generator', () => {
    // reference/normal-deviate.R: Box-Muller in R's arithmetic on the outputs of reference/xoshiro128starstar.c.
    // R's libm and V8's log and cos may differ in the last place.
    for (const { seed, first } of fixture.seeded) {
      expectRelative(normalDeviate(createRandomGenerator(Number(seed))), first, 1e-15, `seed ${seed}`);
    }
  });

  it('passes six tests against N(0, 1) from R, each at level 1e-5 (all together at most 6e-5)', () => {
    // 200,000 draws of one seed: chi-square over 1,000 cells of probability 1/1000, Kolmogorov-Smirnov at the cells'
    // edges, mean, variance, skewness and excess kurtosis against their exact sampling distributions under N(0, 1).
    expect(draws).toHaveLength(200_000);
    expect(normalityVerdicts(draws)).toEqual(ACCEPTED);
  });

  it('reaches both tails in the proportions of N(0, 1) beyond the outermost cells', () => {
    // Beyond qnorm(0.999) on either side: 200 draws expected, Binomial(200000, 0.001); the counts are part of the
    // chi-square above, this names them.
    const [lowest, highest] = [fixture.edges[0], fixture.edges[fixture.edges.length - 1]];
    const low = draws.filter((value) => value <= lowest).length;
    const high = draws.filter((value) => value > highest).length;
    // 5 standard deviations of Binomial(200000, 0.001): sqrt(199.8) = 14.1.
    expect(Math.abs(low - 200)).toBeLessThan(71);
    expect(Math.abs(high - 200)).toBeLessThan(71);
  });

  it('the same tests reject plausible wrong generators', () => {
    // Power check. Three are transformations of the draws above (sqrt(-ln u) instead of sqrt(-2 ln u) is the draw
    // divided by sqrt(2)); one draws afresh (Math's functions taken once: under Jest a global lookup per call is slow).
    const { sqrt, log, cos, PI } = Math;
    const uniforms = createRandomGenerator(20261129);
    const wrong: Record<string, number[]> = {
      'factor 2 missing in sqrt(-2 ln u)': draws.map((value) => value / sqrt(2)),
      'shifted by 0.02': draws.map((value) => value + 0.02),
      'scaled by 1.02': draws.map((value) => 1.02 * value),
      'one uniform for radius and angle': Array.from({ length: fixture.draws }, () => {
        const u = 1 - uniforms.nextFloat();
        return sqrt(-2 * log(u)) * cos(2 * PI * u);
      }),
    };
    for (const [name, values] of Object.entries(wrong)) {
      const verdicts = normalityVerdicts(values);
      expect({ name, rejected: Object.values(verdicts).includes(false) }).toEqual({ name, rejected: true });
    }
  });
});
