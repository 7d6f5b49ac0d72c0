import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { type AuditChainRow, describeVerification, verifyAuditChain } from '../audit/audit-chain';
import { ConfigError, loadConfig } from '../config/app-config';
import { openDatabase } from '../database/database-connection';

/**
 * `node apps/api/dist/cli/audit-verify.js` on the configured database (embedded or DATABASE_URL): recomputes the
 * audit log's hash chain and prints `audit log intact: N entries`, or `audit log altered at seq N (…)` and exits 1.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const connection = await openDatabase(config.database);
  const dataSource = new DataSource(connection.options);
  await dataSource.initialize();
  try {
    const result = await verifyAuditChain(
      (sql, params) => dataSource.query(sql, params) as Promise<AuditChainRow[]>,
    );
    process.stdout.write(`${describeVerification(result)}\n`);
    return result.intact ? 0 : 1;
  } finally {
    await dataSource.destroy();
    await connection.close();
  }
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
