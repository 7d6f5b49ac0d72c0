import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/app-config';
import { runAuditVerify } from './audit-verify-command';

/**
 * `node apps/api/dist/cli/audit-verify.js` on the configured database (embedded or DATABASE_URL) and checkpoint
 * folder (KLIK_AUDIT_CHECKPOINT_DIR): recomputes the audit log's hash chain, checks it against the signed
 * checkpoints and prints `audit log intact: N entries; …`, or `audit log altered at seq N (…)` and exits 1.
 */
async function main(): Promise<number> {
  const { code, line } = await runAuditVerify(loadConfig());
  process.stdout.write(`${line}\n`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(2);
  },
);
