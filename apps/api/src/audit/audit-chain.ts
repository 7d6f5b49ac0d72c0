import { createHash } from 'node:crypto';

/** previous_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** One row as the verifier reads it: every value exactly as the hash covers it (see CHAIN_SELECT). */
export interface AuditChainRow {
  seq: string;
  /** ISO 8601 in UTC with microseconds, e.g. 2026-11-29T05:01:02.123456Z. */
  occurredAt: string;
  institutionId: string | null;
  actorType: string;
  actorUserId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** PostgreSQL's canonical jsonb text of details (object keys sorted by length, then bytes). */
  details: string;
  previousHash: string;
  hash: string;
}

/** Reads rows after `$1` in chain order, `$2` at a time, in the shape of AuditChainRow. */
export const CHAIN_SELECT = `
  SELECT seq::text AS "seq",
         to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAt",
         institution_id::text AS "institutionId", actor_type AS "actorType", actor_user_id::text AS "actorUserId",
         action AS "action", target_type AS "targetType", target_id::text AS "targetId",
         details::text AS "details", previous_hash AS "previousHash", hash AS "hash"
    FROM audit_log a WHERE a.seq > $1 ORDER BY a.seq LIMIT $2`;

const json = (value: string | null): string => (value === null ? 'null' : JSON.stringify(value));

/**
 * The text whose SHA-256 is the entry's hash: the jsonb array the database hashes on insert (klik_audit_hash in
 * migration 1764400000004), rebuilt here independently: `[seq, "occurred_at", "institution_id" | null, …,
 * details, "previous_hash"]` with PostgreSQL's `, ` separator.
 */
export function canonicalAuditText(row: Omit<AuditChainRow, 'hash'>): string {
  return `[${[
    row.seq,
    json(row.occurredAt),
    json(row.institutionId),
    json(row.actorType),
    json(row.actorUserId),
    json(row.action),
    json(row.targetType),
    json(row.targetId),
    row.details,
    json(row.previousHash),
  ].join(', ')}]`;
}

export function auditHash(row: Omit<AuditChainRow, 'hash'>): string {
  return createHash('sha256').update(canonicalAuditText(row), 'utf8').digest('hex');
}

export type AuditProblem = 'row_missing' | 'link_broken' | 'hash_mismatch';

export type AuditVerification =
  | { intact: true; entries: number }
  | { intact: false; entries: number; seq: number; problem: AuditProblem; reason: string };

/**
 * Walks the whole chain in order, a batch at a time (memory does not grow with the log), and stops at the first
 * row that is missing (a gap in seq), does not link to its predecessor, or does not match its own hash.
 */
export async function verifyAuditChain(
  query: (sql: string, params: unknown[]) => Promise<AuditChainRow[]>,
  batchSize = 1000,
): Promise<AuditVerification> {
  let expected = 1n;
  let previousHash = GENESIS_HASH;
  let entries = 0;
  let after = '0';
  for (;;) {
    const rows = await query(CHAIN_SELECT, [after, batchSize]);
    for (const row of rows) {
      const seq = BigInt(row.seq);
      const at = (problem: AuditProblem, reason: string, where = seq): AuditVerification => ({
        intact: false,
        entries,
        seq: Number(where),
        problem,
        reason,
      });
      if (seq !== expected) {
        return at('row_missing', `entry ${expected} is missing: the next entry is ${seq}`, expected);
      }
      if (row.previousHash !== previousHash) {
        return at('link_broken', `previous_hash does not match the hash of entry ${seq - 1n}`);
      }
      if (auditHash(row) !== row.hash) return at('hash_mismatch', 'the content does not match its hash');
      previousHash = row.hash;
      expected++;
      entries++;
    }
    if (rows.length < batchSize) return { intact: true, entries };
    after = rows[rows.length - 1].seq;
  }
}

/** The verifier's one line of output. */
export function describeVerification(result: AuditVerification): string {
  return result.intact
    ? `audit log intact: ${result.entries} entries`
    : `audit log altered at seq ${result.seq} (${result.reason})`;
}
