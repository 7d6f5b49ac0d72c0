/**
 * Scale-validation benchmark: itemStatistics, parallelAnalysis, exploratoryFactorAnalysis and omegaHierarchical
 * against R's psych (alpha, fa.parallel, fa, omega; timed inside R when Rscript is installed) on the same generated
 * data, in one run. No JavaScript library computes these (with oblimin), so R is the baseline. Prints a Markdown
 * table of medians (ms) and ratios R / ours. Run: `npx nx run stats:bench` (after the correlation benchmark).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createRandomGenerator,
  exploratoryFactorAnalysis,
  itemStatistics,
  normalDeviate,
  omegaHierarchical,
  parallelAnalysis,
} from '../src';

/** Scale sizes: a short scale, a long one, an item bank; items load .5-.8 on correlated factors, 4-5 items each. */
const SIZES = [
  { respondents: 250, items: 12, factors: 3 },
  { respondents: 500, items: 30, factors: 6 },
  { respondents: 1000, items: 60, factors: 12 },
];
const PARALLEL_ITERATIONS = 20;

/** Median wall time in ms: warmed up for about 50 ms, then 3-5 samples of about 50 ms (calls over 1 s timed once). */
function medianMs(fn: () => unknown): number {
  const first = performance.now();
  fn();
  const once = performance.now() - first;
  if (once > 1000) return once;
  const warmEnd = performance.now() + 50;
  let warmCalls = 0;
  while (performance.now() < warmEnd || warmCalls < 2) {
    fn();
    warmCalls++;
  }
  const repetitions = warmCalls; // about 50 ms per sample
  const samples: number[] = [];
  for (let run = 0; run < (once > 100 ? 3 : 5); run++) {
    const start = performance.now();
    for (let i = 0; i < repetitions; i++) fn();
    samples.push((performance.now() - start) / repetitions);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/** Likert 1-5 answers from a factor model with factor correlations 0.4 (seeded: the same data on every run). */
function scaleData(respondents: number, items: number, factors: number): number[][] {
  const random = createRandomGenerator(20261208 + items);
  const loadings = Array.from({ length: items }, (_, j) => 0.5 + (0.3 * ((j * 7) % 11)) / 10);
  const cuts = [-1.2, -0.4, 0.4, 1.2];
  return Array.from({ length: respondents }, () => {
    const general = normalDeviate(random);
    const scores = Array.from(
      { length: factors },
      () => Math.sqrt(0.4) * general + Math.sqrt(0.6) * normalDeviate(random),
    );
    return loadings.map((loading, j) => {
      const latent = loading * scores[j % factors] + Math.sqrt(1 - loading * loading) * normalDeviate(random);
      return 1 + cuts.filter((cut) => latent > cut).length;
    });
  });
}

interface Row {
  label: string;
  size: string;
  ours: number;
  key: string;
}

const rows: Row[] = [];
const datasets = SIZES.map((size) => ({
  ...size,
  data: scaleData(size.respondents, size.items, size.factors),
}));
for (const { respondents, items, factors, data } of datasets) {
  const size = `${items} x ${respondents}, ${factors} factors`;
  const key = `${items}`;
  rows.push({
    label: 'itemStatistics',
    size,
    key: `alpha ${key}`,
    ours: medianMs(() => itemStatistics(data, { minimum: 1, maximum: 5 })),
  });
  rows.push({
    label: `parallelAnalysis, ${PARALLEL_ITERATIONS} iterations`,
    size,
    key: `parallel ${key}`,
    ours: medianMs(() => parallelAnalysis(data, { seed: 1, iterations: PARALLEL_ITERATIONS })),
  });
  rows.push({
    label: 'EFA minres + oblimin',
    size,
    key: `minres ${key}`,
    ours: medianMs(() => exploratoryFactorAnalysis(data, { factors })),
  });
  rows.push({
    label: 'EFA ml + oblimin',
    size,
    key: `ml ${key}`,
    ours: medianMs(() => exploratoryFactorAnalysis(data, { factors, method: 'ml' })),
  });
  rows.push({
    label: 'omegaHierarchical',
    size,
    key: `omega ${key}`,
    ours: medianMs(() => omegaHierarchical(data, { groupFactors: factors })),
  });
}

/** R timings on the same data, or null when Rscript or psych is missing. */
function rTimings(): Map<string, number> | null {
  const directory = mkdtempSync(join(tmpdir(), 'klik-bench-'));
  try {
    const files = datasets.map(({ items, factors, data }) => {
      const file = join(directory, `scale-${items}.csv`);
      writeFileSync(file, data.map((row) => row.join(',')).join('\n'));
      return `${file}:${factors}:${PARALLEL_ITERATIONS}`;
    });
    const output = execFileSync('Rscript', [join(__dirname, 'scale-validation-r-timings.R'), ...files], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const timings = new Map<string, number>();
    for (const line of output.trim().split('\n')) {
      const [name, items, milliseconds] = line.split(' ');
      timings.set(`${name} ${items}`, Number(milliseconds));
    }
    return timings;
  } catch {
    console.log('R: Rscript with psych and GPArotation not found or failed; R columns are n/a');
    return null;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const r = rTimings();
const format = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));
const lines = [
  '| benchmark | items x respondents | @klik/stats ms | R psych ms (ratio) |',
  '|---|---|---:|---:|',
  ...rows.map((row) => {
    const theirs = r?.get(row.key);
    const peer = theirs === undefined ? 'n/a' : `${format(theirs)} (${(theirs / row.ours).toFixed(1)}x)`;
    return `| ${row.label} | ${row.size} | ${format(row.ours)} | ${peer} |`;
  }),
];
console.log(lines.join('\n'));
console.log(
  '\nRatios are R time / ours (above 1: we are faster). R: psych::alpha, fa.parallel(cor, n.obs, fa = "both") ' +
    '(simulation only, as ours), fa(fm, rotate = "oblimin"), omega(fm = "minres"). Both sides iterate to different ' +
    'tolerances: psych stops its optimisers about 1e-5 short of the optimum, ours converge to rounding.',
);
