// `npm run migration:run` / `npm run migration:revert` on the configured database (embedded unless DATABASE_URL).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { nx, root } from './run-nx.mjs';

nx(['run', 'api:build', '--outputStyle=static'], { quiet: true });
const result = spawnSync(process.execPath, [join(root, 'apps', 'api', 'dist', 'cli', 'migrate.js'), process.argv[2] ?? 'status'], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
