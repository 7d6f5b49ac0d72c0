// Drift check for the R reference fixtures (issue 16): regenerates every fixture into a temporary folder with its
// script and compares it with the committed one. Fails when a committed fixture is not what its script writes, or
// when a committed fixture has no script that writes it. Run by .ci/run after the tests; locally:
//   node scripts/check-r-fixtures.mjs
// Needs Rscript with psych, metafor, lme4 and GPArotation (Debian: apt-get install r-base-core r-cran-psych
// r-cran-metafor r-cran-lme4 r-cran-gparotation); without them it fails, it never skips.
//
// What is compared:
// - libs/stats/reference/*.R (json.R is the shared writer): each script runs on a copy of the folder, so it writes
//   into the copy's fixtures/; every JSON file there is compared with libs/stats/reference/fixtures/.
// - apps/api/test/reference: the data set's CSV files from write-analyses-dataset.mjs (the demo generator, plain
//   JavaScript arithmetic: byte for byte), then analyses.R on those files and its analyses.json.
//
// How: a fixture that is byte for byte the committed one passes. Otherwise both are parsed as JSON and must have the
// same structure, keys, strings, booleans and nulls, and every number must agree to RELATIVE_TOLERANCE. On the
// toolchain the fixtures were written with (Debian bookworm: R 4.2.2, psych 2.2.9, metafor 3.8-1, lme4 1.1-31) every
// script reproduces its fixture byte for byte (checked 2026-12-07). Another R version, BLAS or libm may move the last
// bits of a result (a sum in another order, an optimiser's last step), which is not drift of a fixture from its
// script, so such differences pass with a warning that names the largest one; 1e-12 is a hundred times tighter than
// the tightest tolerance the specs apply to these values (1e-10), so no spec verdict can hang on it. The fields that
// name the toolchain (rVersion, packages) are reported, not compared.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RELATIVE_TOLERANCE = 1e-12;
const TOOLCHAIN_KEYS = new Set(['rVersion', 'packages']);
const started = Date.now();
const failures = [];
const warnings = [];

/** Runs a command without a shell; resolves to true, or records a failure and resolves to false. */
function run(command, args, label) {
  const began = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => {
      failures.push(`${label}: ${error.message}`);
      resolve(false);
    });
    child.on('close', (status) => {
      if (status !== 0) {
        failures.push(`${label}: exited with ${status}\n${stderr}`);
        resolve(false);
        return;
      }
      console.log(`  ran ${label} (${((Date.now() - began) / 1000).toFixed(1)} s)`);
      resolve(true);
    });
  });
}

/** Runs the jobs, at most `limit` at a time. */
async function pool(jobs, limit) {
  const queue = [...jobs];
  const workers = Array.from({ length: Math.min(limit, queue.length) }, async () => {
    while (queue.length > 0) await queue.shift()();
  });
  await Promise.all(workers);
}

/** Differences between two parsed JSON values, as "path: detail" lines; numbers by relative error. */
function compareJson(actual, expected, path, out, worst) {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (actual === expected) return;
    const error = Math.abs(actual - expected) / Math.max(Math.abs(actual), Math.abs(expected));
    worst.error = Math.max(worst.error, error);
    if (worst.error === error) worst.path = path;
    if (!(error <= RELATIVE_TOLERANCE)) out.push(`${path}: ${actual} (script) vs ${expected} (committed)`);
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (actual.length !== expected.length) {
      out.push(`${path}: ${actual.length} elements (script) vs ${expected.length} (committed)`);
      return;
    }
    expected.forEach((value, index) => compareJson(actual[index], value, `${path}[${index}]`, out, worst));
    return;
  }
  if (expected !== null && actual !== null && typeof expected === 'object' && typeof actual === 'object') {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    for (const key of keys) {
      const where = `${path}.${key}`;
      if (!(key in actual) || !(key in expected))
        out.push(`${where}: only in the ${key in actual ? 'script' : 'committed'} output`);
      else if (TOOLCHAIN_KEYS.has(key)) {
        if (JSON.stringify(actual[key]) !== JSON.stringify(expected[key])) {
          worst.toolchain.push(
            `${where} is ${JSON.stringify(actual[key])} here, ${JSON.stringify(expected[key])} committed`,
          );
        }
      } else compareJson(actual[key], expected[key], where, out, worst);
    }
    return;
  }
  if (actual !== expected)
    out.push(`${path}: ${JSON.stringify(actual)} (script) vs ${JSON.stringify(expected)} (committed)`);
}

function compareFile(generated, committed, { json }) {
  const name = committed.slice(root.length + 1);
  if (!existsSync(generated)) {
    failures.push(`${name}: no script wrote it`);
    return;
  }
  if (!existsSync(committed)) {
    failures.push(`${name}: written by its script but not committed`);
    return;
  }
  const fresh = readFileSync(generated);
  const stored = readFileSync(committed);
  if (fresh.equals(stored)) {
    console.log(`  identical  ${name}`);
    return;
  }
  if (!json) {
    failures.push(`${name}: differs from what its script writes (compared byte for byte)`);
    return;
  }
  const differences = [];
  const worst = { error: 0, path: '', toolchain: [] };
  compareJson(
    JSON.parse(fresh.toString('utf8')),
    JSON.parse(stored.toString('utf8')),
    '$',
    differences,
    worst,
  );
  if (differences.length > 0) {
    failures.push(
      `${name}: ${differences.length} difference(s) from what its script writes, e.g.\n    ` +
        differences.slice(0, 10).join('\n    '),
    );
    return;
  }
  const detail = [
    ...(worst.error > 0
      ? [`largest relative difference ${worst.error.toExponential(2)} at ${worst.path}`]
      : []),
    ...worst.toolchain,
  ].join('; ');
  console.log(`  equal within ${RELATIVE_TOLERANCE}  ${name}`);
  warnings.push(`${name} is not byte for byte what its script writes here (R toolchain?): ${detail}`);
}

const rscript = spawnSync(
  'Rscript',
  ['-e', 'for (p in c("psych", "metafor", "lme4", "GPArotation")) library(p, character.only = TRUE)'],
  {
    encoding: 'utf8',
  },
);
if (rscript.error || rscript.status !== 0) {
  console.error(
    'check-r-fixtures: Rscript with psych, metafor, lme4 and GPArotation is required ' +
      '(apt-get install r-base-core r-cran-psych r-cran-metafor r-cran-lme4 r-cran-gparotation)\n' +
      (rscript.stderr ?? String(rscript.error)),
  );
  process.exit(1);
}

const statsReference = join(root, 'libs', 'stats', 'reference');
const apiReference = join(root, 'apps', 'api', 'test', 'reference');
const work = mkdtempSync(join(tmpdir(), 'klik-r-fixtures-'));
try {
  // libs/stats: every script on a copy of the reference folder, so that it writes into the copy's fixtures/.
  const statsCopy = join(work, 'stats');
  mkdirSync(join(statsCopy, 'fixtures'), { recursive: true });
  const scripts = readdirSync(statsReference).filter((file) => file.endsWith('.R'));
  for (const file of scripts) copyFileSync(join(statsReference, file), join(statsCopy, file));
  // apps/api: the data set from the generator, then R's numbers on it (analyses.R takes the folder as argument).
  const apiCopy = join(work, 'api');
  mkdirSync(apiCopy);
  const apiJob = async () => {
    const dataset = join(apiReference, 'write-analyses-dataset.mjs');
    if (
      !(await run(process.execPath, [dataset, apiCopy], 'apps/api/test/reference/write-analyses-dataset.mjs'))
    ) {
      return;
    }
    await run('Rscript', [join(apiReference, 'analyses.R'), apiCopy], 'apps/api/test/reference/analyses.R');
  };
  // The scripts are independent: as many at a time as there are cores, the slowest first (reliability.R alone takes
  // about 25 s of CPU, mixed-model.R and correlation.R about 5 s; the others 1 s or less).
  const slow = ['reliability.R', 'mixed-model.R', 'correlation.R'];
  const rank = (file) => (slow.includes(file) ? slow.indexOf(file) : slow.length);
  const statsJobs = scripts
    .filter((file) => file !== 'json.R')
    .sort((a, b) => rank(a) - rank(b))
    .map((file) => () => run('Rscript', [join(statsCopy, file)], `libs/stats/reference/${file}`));
  console.log(`running ${statsJobs.length + 2} scripts, ${availableParallelism()} at a time`);
  await pool([...statsJobs, apiJob], availableParallelism());

  console.log('comparing');
  const committed = readdirSync(join(statsReference, 'fixtures'));
  const written = readdirSync(join(statsCopy, 'fixtures'));
  for (const file of [...new Set([...committed, ...written])].sort()) {
    compareFile(join(statsCopy, 'fixtures', file), join(statsReference, 'fixtures', file), { json: true });
  }
  const data = (folder) =>
    readdirSync(folder).filter((file) => file.endsWith('.csv') || file.endsWith('.json'));
  for (const file of [...new Set([...data(apiReference), ...data(apiCopy)])].sort()) {
    compareFile(join(apiCopy, file), join(apiReference, file), { json: file.endsWith('.json') });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

for (const warning of warnings) console.log(`warning: ${warning}`);
const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (failures.length > 0) {
  for (const failure of failures) console.error(`FAIL ${failure}`);
  console.error(`check-r-fixtures: ${failures.length} fixture(s) drifted from their scripts (${seconds} s)`);
  process.exit(1);
}
console.log(`check-r-fixtures: every fixture is what its script writes (${seconds} s)`);
