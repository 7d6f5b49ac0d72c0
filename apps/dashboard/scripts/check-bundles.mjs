// Runs after `vite build`: fails when the participant pages (take.html) would load research code,
// and prints what each entry costs a browser on first load (gzip).
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { initialFiles, participantViolations } from './bundle-graph.mjs';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const ENTRIES = { research: 'index.html', participant: 'take.html' };

/** @param {string} relativePath */
function readJson(relativePath) {
  try {
    return JSON.parse(readFileSync(join(dist, relativePath), 'utf8'));
  } catch (error) {
    throw new Error(
      `Cannot read dist/${relativePath}: run vite build first (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

const manifest = readJson('.vite/manifest.json');
const chunkModules = readJson('.vite/chunk-modules.json');

const violations = participantViolations({ manifest, chunkModules, participantEntry: ENTRIES.participant });

const kib = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log('Initial load per entry (JS + CSS):');
for (const [name, entryKey] of Object.entries(ENTRIES)) {
  let raw = 0;
  let gzip = 0;
  const files = initialFiles(manifest, entryKey);
  for (const file of files) {
    raw += statSync(join(dist, file)).size;
    gzip += gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  }
  console.log(
    `  ${name.padEnd(12)} ${entryKey.padEnd(11)} ${String(files.length).padStart(2)} files  ${kib(raw).padStart(10)}  gzip ${kib(gzip).padStart(9)}`,
  );
}

if (violations.length > 0) {
  console.error(`\nThe participant bundle (${ENTRIES.participant}) includes research code:`);
  for (const { file, moduleId } of violations) console.error(`  ${moduleId}  (in ${file})`);
  console.error('Participant pages may import only from src/participant/ and src/shared/.');
  process.exit(1);
}
console.log(`\nParticipant bundle is free of research code (${ENTRIES.participant}).`);
