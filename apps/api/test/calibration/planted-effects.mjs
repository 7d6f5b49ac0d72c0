// Prints, as JSON, the planted effects' 95% intervals on the demo data of `count` seeds from `first`:
//   node apps/api/test/calibration/planted-effects.mjs <first> <count>
// Run by apps/api/test/planted-effects-calibration.spec.ts in its own Node process: under Jest's vm context the
// demo generator runs about 10 times slower (see apps/api/test/ts-require.cjs).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('../ts-require.cjs');
const { calibrationIntervals } = require('./planted-effects.ts');

const [first, count] = process.argv.slice(2).map(Number);
if (!Number.isSafeInteger(first) || !Number.isSafeInteger(count) || count < 1) {
  console.error('usage: node planted-effects.mjs <first seed> <count>');
  process.exit(2);
}
process.stdout.write(JSON.stringify(calibrationIntervals(first, count)));
