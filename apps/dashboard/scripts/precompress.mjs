// Runs after `vite build`: writes a brotli (.br) and a gzip (.gz) copy beside every JavaScript, CSS and SVG file in
// dist/assets, at the highest levels, once. The API serves them to browsers that accept them (apps/api/src/
// dashboard-static.ts), so a phone on a slow connection downloads the smallest file and the server compresses
// nothing per request. Source maps are left alone: only developer tools fetch them.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'assets');
const COMPRESSIBLE = /\.(js|css|svg|json)$/;
// Below this a compressed copy saves less than the headers cost.
const MIN_BYTES = 1024;

/** @param {Buffer} content */
function brotli(content) {
  return brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });
}

const started = Date.now();
let original = 0;
let brotliTotal = 0;
let gzipTotal = 0;
let files = 0;
for (const name of readdirSync(assets)) {
  const file = join(assets, name);
  if (!COMPRESSIBLE.test(name) || statSync(file).size < MIN_BYTES) continue;
  const content = readFileSync(file);
  const br = brotli(content);
  const gz = gzipSync(content, { level: 9 });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gz);
  original += content.length;
  brotliTotal += br.length;
  gzipTotal += gz.length;
  files += 1;
}
const kib = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(
  `Precompressed ${files} assets in ${((Date.now() - started) / 1000).toFixed(1)} s: ${kib(original)} → brotli ${kib(brotliTotal)}, gzip ${kib(gzipTotal)}`,
);
