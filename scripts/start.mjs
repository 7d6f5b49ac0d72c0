// `npm start`: build what changed (Nx caches the rest), then start the API, which runs pending migrations,
// seeds the demo once and serves the API and the built dashboard on one port.
//   --no-build   start from the existing build (used by the Docker image)
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { nx, root } from './run-nx.mjs';

const build = !process.argv.includes('--no-build');
const started = Date.now();
if (build) {
  process.stdout.write('  … building the API, the libraries and the dashboard (cached after the first time)\n');
  nx(['run-many', '-t', 'build', '-p', 'api', 'dashboard', '--outputStyle=static'], { quiet: true });
  process.stdout.write(`  … build ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
createRequire(import.meta.url)(join(root, 'apps', 'api', 'dist', 'main.js'));
