/**
 * Correlation benchmark: this library against simple-statistics, jstat and @stdlib (and R's cor() and
 * pcaPP::cor.fk() when Rscript is installed) on the same generated data, in one process. Prints a Markdown table of
 * medians (ms) and ratios peer / ours. Run: `npx nx run stats:bench` (or `npm run bench` for every project).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jStat } from 'jstat';
import { sampleCorrelation, sampleRankCorrelation } from 'simple-statistics';
import { correlationMatrix, kendallTauB, pearson, spearman } from '../src';

const SIZES = [10_000, 100_000, 1_000_000];
const MATRIX_ROWS = 1_000_000;
const MATRIX_COLUMNS = 10;

/** Seeded generator (mulberry32) and standard normal draws (Box-Muller): the same data on every run. */
function normalGenerator(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/**
 * Median wall time in ms of `fn`: warmed up for about 50 ms (so the JIT has optimised it), then 3-5 samples of
 * repeated calls lasting about 20 ms each. A call slower than one second is timed once (the slow peers at 10^6
 * would otherwise take minutes).
 */
function medianMs(fn: () => unknown, n: number, runs = n >= 1_000_000 ? 3 : 5): number {
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
  const perCall = 50 / warmCalls;
  const repetitions = Math.max(1, Math.ceil(20 / perCall));
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    for (let i = 0; i < repetitions; i++) fn();
    samples.push((performance.now() - start) / repetitions);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const normal = normalGenerator(20261129);
const total = SIZES[SIZES.length - 1];
const xAll = Array.from({ length: total }, () => normal());
const yAll = xAll.map((value) => 0.6 * value + 0.8 * normal());
const columns: Record<string, number[]> = {};
const common = Array.from({ length: MATRIX_ROWS }, () => normal());
for (let column = 0; column < MATRIX_COLUMNS; column++) {
  columns[`v${column}`] = common.map((value) => 0.5 * value + normal());
}

/** R timings on the same data, or null when Rscript is missing. */
function rTimings(): Map<string, number> | null {
  const directory = mkdtempSync(join(tmpdir(), 'klik-bench-'));
  try {
    const file = join(directory, 'data.bin');
    const header = new Int32Array([total]);
    const matrix = new Float64Array(MATRIX_ROWS * MATRIX_COLUMNS);
    Object.values(columns).forEach((values, column) => matrix.set(values, column * MATRIX_ROWS));
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(header.buffer),
        Buffer.from(Float64Array.from(xAll).buffer),
        Buffer.from(Float64Array.from(yAll).buffer),
        Buffer.from(matrix.buffer),
      ]),
    );
    const output = execFileSync(
      'Rscript',
      [join(__dirname, 'r-timings.R'), file, SIZES.join(','), String(MATRIX_ROWS)],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    const timings = new Map<string, number>();
    for (const line of output.trim().split('\n')) {
      const [name, size, milliseconds] = line.split(' ');
      if (name === 'note') console.log(`R: ${line.slice(5)}`);
      else timings.set(`${name} ${size}`, Number(milliseconds));
    }
    return timings;
  } catch {
    console.log('R: Rscript not found or failed; R columns are n/a');
    return null;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

interface Row {
  label: string;
  n: number;
  ours: number;
  peers: Record<string, number | string>;
}

const rows: Row[] = [];
const started = performance.now();
for (const n of SIZES) {
  const x = xAll.slice(0, n);
  const y = yAll.slice(0, n);
  rows.push({
    label: 'Pearson',
    n,
    ours: medianMs(() => pearson(x, y), n),
    peers: {
      'simple-statistics': medianMs(() => sampleCorrelation(x, y), n),
      jstat: medianMs(() => jStat.corrcoeff(x, y), n),
    },
  });
  rows.push({
    label: 'Spearman',
    n,
    ours: medianMs(() => spearman(x, y), n),
    peers: {
      'simple-statistics': medianMs(() => sampleRankCorrelation(x, y), n),
      jstat: medianMs(() => jStat.spearmancoeff(x, y), n),
    },
  });
  rows.push({ label: 'Kendall tau-b', n, ours: medianMs(() => kendallTauB(x, y), n), peers: {} });
}
const matrixOurs = medianMs(
  () => correlationMatrix(columns, { method: 'pearson', adjust: 'holm' }),
  MATRIX_ROWS,
);
const names = Object.keys(columns);
const pairwise = (correlation: (a: number[], b: number[]) => number) => () => {
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) correlation(columns[names[i]], columns[names[j]]);
};
rows.push({
  label: `Pearson matrix, ${MATRIX_COLUMNS} columns`,
  n: MATRIX_ROWS,
  ours: matrixOurs,
  peers: {
    'simple-statistics': medianMs(pairwise(sampleCorrelation), MATRIX_ROWS),
    jstat: medianMs(
      pairwise((a, b) => jStat.corrcoeff(a, b)),
      MATRIX_ROWS,
    ),
  },
});
const jsSeconds = (performance.now() - started) / 1000;

const r = rTimings();
const rKey: Record<string, string> = {
  Pearson: 'pearson',
  Spearman: 'spearman',
  'Kendall tau-b': 'kendall-pcapp',
};

const format = (value: number | string | undefined, ours: number): string => {
  if (value === undefined) return 'n/a';
  if (typeof value === 'string') return value;
  return `${value < 10 ? value.toFixed(2) : value.toFixed(0)} (${(value / ours).toFixed(1)}x)`;
};
const lines = [
  '| benchmark | n | @klik/stats ms | simple-statistics ms (ratio) | jstat ms (ratio) | @stdlib | R cor() ms (ratio) | R pcaPP::cor.fk ms (ratio) |',
  '|---|---:|---:|---:|---:|---|---:|---:|',
];
for (const row of rows) {
  const isMatrix = row.label.startsWith('Pearson matrix');
  let rCor: number | string | undefined;
  let rPcapp: number | string | undefined;
  if (r) {
    if (isMatrix) rCor = r.get(`matrix ${row.n}`);
    else if (row.label === 'Kendall tau-b') {
      const small = r.get('kendall-cor 10000');
      rCor =
        row.n === 10_000
          ? small
          : small === undefined
            ? undefined
            : `skipped, O(n^2): ~${((small * (row.n / 10_000) ** 2) / 1000).toFixed(0)} s extrapolated`;
      rPcapp = r.get(`kendall-pcapp ${row.n}`);
    } else rCor = r.get(`${rKey[row.label]} ${row.n}`);
  }
  const ours = row.ours;
  lines.push(
    `| ${row.label} | ${row.n.toExponential(0).replace('e+', 'e')} | ${ours < 10 ? ours.toFixed(2) : ours.toFixed(0)} | ${format(row.peers['simple-statistics'], ours)} | ${format(row.peers['jstat'], ours)} | absent | ${format(rCor, ours)} | ${format(rPcapp, ours)} |`,
  );
}
console.log(lines.join('\n'));
console.log(
  `\nRatios are peer time / ours (above 1: we are faster). Each function warmed up ~50 ms, then the median of 3-5 samples of ~20 ms; calls over 1 s timed once. JS part ${jsSeconds.toFixed(0)} s.` +
    '\nKendall tau-b: simple-statistics and jstat have none. @stdlib: no correlation package among the installed @stdlib packages (only distributions).' +
    '\nOurs computes the full test (p-value, CI) where the JS peers return the coefficient only.',
);
