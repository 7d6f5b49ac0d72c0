// Runs every apps/api/bench/*.bench.mjs, one after the other, each in its own Node process (so that memory and JIT
// state do not leak from one benchmark into the next), streaming their output. Exits 1 if any of them failed.
//
//   node apps/api/bench/run-all.mjs                 (what `npm run bench` runs for the api project)
//   node apps/api/bench/run-all.mjs analyses         (only the benchmarks whose file name contains "analyses")
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.bench.mjs') && name.includes(filter))
  .sort();

function run(file) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n=== ${file} ===`);
    // --expose-gc lets a benchmark settle the heap before measuring memory.
    const child = spawn(process.execPath, ['--expose-gc', path.join(here, file)], {
      stdio: 'inherit',
      env: process.env,
    });
    child.on('exit', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      console.log(
        `=== ${file}: ${code === 0 ? 'done' : `failed (${signal ?? `exit ${code}`})`} in ${seconds} s ===`,
      );
      resolve(code === 0);
    });
    child.on('error', (error) => {
      console.error(error);
      resolve(false);
    });
  });
}

const failed = [];
for (const file of benches) if (!(await run(file))) failed.push(file);
if (benches.length === 0) console.log(`no benchmark matches "${filter}"`);
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
