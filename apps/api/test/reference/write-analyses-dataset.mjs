// Writes the CSV files of the analyses reference data set (apps/api/test/reference/analyses-dataset.ts) from the
// demo generator: `node apps/api/test/reference/write-analyses-dataset.mjs [output folder]` (default: this folder).
// Deterministic: the same seed gives the same bytes on every machine. Then run `Rscript .../analyses.R`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
require('../ts-require.cjs');
const { ANALYSES_DATASET, analysesDataset } = require('./analyses-dataset.ts');

const out = resolve(process.argv[2] ?? here);
mkdirSync(out, { recursive: true });
const { clientsCsv, sessionsCsv } = analysesDataset();
writeFileSync(join(out, ANALYSES_DATASET.clientsFile), clientsCsv);
writeFileSync(join(out, ANALYSES_DATASET.sessionsFile), sessionsCsv);
console.log(`wrote ${join(out, ANALYSES_DATASET.clientsFile)} and ${ANALYSES_DATASET.sessionsFile}`);
