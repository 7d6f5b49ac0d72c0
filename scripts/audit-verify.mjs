// `npm run audit:verify`: checks the audit log's hash chain on the configured database (embedded unless
// DATABASE_URL) against the signed checkpoints in KLIK_AUDIT_CHECKPOINT_DIR; prints `audit log intact: N entries; …`,
// or where it was altered and exits 1.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { nx, root } from './run-nx.mjs';

nx(['run', 'api:build', '--outputStyle=static'], { quiet: true });
const result = spawnSync(process.execPath, [join(root, 'apps', 'api', 'dist', 'cli', 'audit-verify.js')], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
