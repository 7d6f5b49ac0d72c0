import { DataSource } from 'typeorm';
import { type AuditChainRow, describeVerification } from '../audit/audit-chain';
import { AuditCheckpointStore, verifyAuditLog } from '../audit/audit-checkpoint-store';
import type { AppConfig } from '../config/app-config';
import { openDatabase } from '../database/database-connection';

/**
 * What `npm run audit:verify` does, on the configured database and checkpoint folder (the API's own configuration):
 * recomputes the chain, checks it against the signed checkpoints and, when intact and the folder holds the signing
 * key, signs its head. Returns the one line to print and the exit code (0 intact, 1 altered).
 */
export async function runAuditVerify(config: AppConfig): Promise<{ code: number; line: string }> {
  const connection = await openDatabase(config.database);
  const dataSource = new DataSource(connection.options);
  await dataSource.initialize();
  try {
    const result = await verifyAuditLog(
      (sql, params) => dataSource.query(sql, params) as Promise<AuditChainRow[]>,
      new AuditCheckpointStore(config.auditCheckpoints.dir),
    );
    return { code: result.intact ? 0 : 1, line: describeVerification(result) };
  } finally {
    await dataSource.destroy();
    await connection.close();
  }
}
