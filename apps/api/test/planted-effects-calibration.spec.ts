import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { type EffectName, type Interval, PLANTED } from './calibration/planted-effects';

/**
 * Issue 16, no lucky seed: the planted effects are checked over many seeds instead of one. For each of SEEDS seeds
 * the demo data of the analyses endpoint test (106 clients) are generated and scored with survey-model, and each
 * planted effect's 95% interval is computed by the libs/stats function its endpoint uses (calibration/
 * planted-effects.ts; no database: the endpoints' wiring is what analyses.spec.ts and analyses-reference.spec.ts
 * check). If the generator carries the planted values and the intervals hold their level, each interval misses its
 * planted value in 5% of the seeds, so the misses are Binomial(SEEDS, 0.05).
 *
 * Acceptance region: per effect, the misses must lie in [lower, upper], the central region of Binomial(SEEDS, 0.05)
 * with at most ALPHA / 8 in each tail (computed below from the exact distribution; [0, 25] for 200 seeds, i.e.
 * coverage of 87.5% or more). A generator whose intervals cover at 95% fails this with probability at most ALPHA =
 * 1e-4 over the four effects together (Bonferroni), whichever seeds are used: the seed range was not picked, it is
 * the first one tried. The region leaves room for the Fisher-z approximation on rounded, bounded scores; its power:
 * a planted value off by 1.5 standard errors of its estimate (coverage about 68%) passes with probability 1e-10, one
 * off by 1 standard error (coverage about 83%) with probability 0.05; the test checks the first on these seeds.
 * Seen on these seeds: 15, 11, 8 and 11 misses at the planted values, 48 to 92 at the shifted ones.
 *
 * The intervals are computed in a child Node process (calibration/planted-effects.mjs, about 10 s here): under
 * Jest's vm context every global lookup (Math.imul in the seeded generator) is slow, and generating the data alone
 * took 24 s there.
 */

const SEEDS = 200;
const FIRST_SEED = 1_000_000;
const ALPHA = 1e-4;
const MISS_RATE = 0.05;

/** Exact Binomial(n, p) probabilities P(X = 0..n), by the ratio of successive terms. */
function binomialProbabilities(n: number, p: number): number[] {
  const probabilities = [Math.pow(1 - p, n)];
  for (let k = 1; k <= n; k++) {
    probabilities.push((probabilities[k - 1] * (n - k + 1) * p) / (k * (1 - p)));
  }
  return probabilities;
}

/** The largest region [lower, upper] with P(X < lower) <= tail and P(X > upper) <= tail. */
function acceptanceRegion(n: number, p: number, tail: number): [number, number] {
  const probabilities = binomialProbabilities(n, p);
  let lower = 0;
  let below = probabilities[0];
  while (below <= tail) below += probabilities[++lower];
  let upper = n;
  let above = probabilities[n];
  while (above <= tail) above += probabilities[--upper];
  return [lower, upper];
}

const EFFECTS = Object.keys(PLANTED) as EffectName[];

describe('planted effects over many seeds (calibration of the demo generator)', () => {
  const region = acceptanceRegion(SEEDS, MISS_RATE, ALPHA / (2 * EFFECTS.length));
  let intervals: Record<EffectName, Interval>[];

  beforeAll(() => {
    const run = spawnSync(
      process.execPath,
      [join(__dirname, 'calibration', 'planted-effects.mjs'), String(FIRST_SEED), String(SEEDS)],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (run.status !== 0) throw new Error(`planted-effects.mjs failed: ${run.stderr || run.error}`);
    intervals = JSON.parse(run.stdout);
  }, 120_000);

  const misses = (effect: EffectName, value: number) =>
    intervals.filter(({ [effect]: [low, high] }) => !(low <= value && value <= high)).length;

  it('has one interval per seed and effect, and states its acceptance region', () => {
    expect(intervals).toHaveLength(SEEDS);
    for (const entry of intervals) {
      for (const effect of EFFECTS) expect(entry[effect][0]).toBeLessThan(entry[effect][1]);
    }
    const probabilities = binomialProbabilities(SEEDS, MISS_RATE);
    expect(probabilities.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
    const outside =
      probabilities.slice(0, region[0]).reduce((sum, value) => sum + value, 0) +
      probabilities.slice(region[1] + 1).reduce((sum, value) => sum + value, 0);
    expect(outside * EFFECTS.length).toBeLessThanOrEqual(ALPHA);
    // 10 misses expected; P(X > 25) = 9.0e-6 <= 1.25e-5 < P(X > 24) = 2.6e-5.
    expect(region).toEqual([0, 25]);
  });

  it.each(EFFECTS)(
    '%s: the 95% interval misses the planted value in a share consistent with 5%',
    (effect) => {
      const missed = misses(effect, PLANTED[effect]);
      expect({ effect, missed, inRegion: region[0] <= missed && missed <= region[1] }).toEqual({
        effect,
        missed,
        inRegion: true,
      });
    },
  );

  it.each(EFFECTS)('%s: a planted value off by 1.5 standard errors is rejected', (effect) => {
    // The standard error of the estimate, from the median interval width: a 95% Fisher-z interval is about
    // 2 * 1.96 standard errors wide.
    const widths = intervals.map(({ [effect]: [low, high] }) => high - low).sort((a, b) => a - b);
    const standardError = widths[Math.floor(widths.length / 2)] / (2 * 1.96);
    for (const direction of [-1, 1]) {
      const missed = misses(effect, PLANTED[effect] + direction * 1.5 * standardError);
      expect({ effect, direction, missed, rejected: missed > region[1] }).toEqual({
        effect,
        direction,
        missed,
        rejected: true,
      });
    }
  });
});
