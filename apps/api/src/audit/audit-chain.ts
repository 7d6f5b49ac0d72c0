import { createHash } from 'node:crypto';
import type { AuditChainHead, AuditCheckpoint } from './audit-checkpoint';

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

export type AuditProblem =
  | 'row_missing'
  | 'link_broken'
  | 'hash_mismatch'
  /** An entry is not what a signed checkpoint says it was: the chain was rewritten at or before that seq. */
  | 'checkpoint_mismatch'
  /** The chain ends before the latest signed checkpoint: its newest entries were removed. */
  | 'truncated'
  /** A line of the checkpoint file is malformed or its signature does not hold: the file was edited. */
  | 'checkpoint_signature_invalid';

/** Said of an intact chain that nothing outside the database vouches for yet. */
export type AuditWarning = 'no_checkpoint';

/** The checkpoints read from the checkpoint file: those whose signature holds, and the first line that failed. */
export interface AuditCheckpointSet {
  valid: readonly AuditCheckpoint[];
  invalid: { line: number; seq: number | null; reason: string } | null;
}

/** The latest signed checkpoint a verification relied on. */
export interface AuditCheckpointSummary {
  seq: number;
  at: string;
}

export type AuditVerification =
  | {
      intact: true;
      entries: number;
      /** The newest entry as verified (null for an empty log): what a checkpoint written now may sign. */
      head: AuditChainHead | null;
      checkpoint: AuditCheckpointSummary | null;
      warning: AuditWarning | null;
    }
  | {
      intact: false;
      entries: number;
      /** The first missing or altered entry; null when a checkpoint line without a readable seq is invalid. */
      seq: number | null;
      problem: AuditProblem;
      reason: string;
      checkpoint: AuditCheckpointSummary | null;
    };

const NO_CHECKPOINTS: AuditCheckpointSet = { valid: [], invalid: null };

/**
 * Walks the whole chain in order, a batch at a time (memory does not grow with the log), recomputing every hash
 * here in Node (never with the database's own hash function), and stops at the first row that is missing (a gap
 * in seq), does not link to its predecessor, does not match its own hash, or differs from a signed checkpoint.
 * A chain that ends before the latest checkpoint was truncated; a checkpoint line that fails its signature check
 * is reported before the walk. Rewriting rows and recomputing every hash after them passes the first three checks
 * but not the checkpoints, which the database never sees.
 */
export async function verifyAuditChain(
  query: (sql: string, params: unknown[]) => Promise<AuditChainRow[]>,
  options: { checkpoints?: AuditCheckpointSet; batchSize?: number } = {},
): Promise<AuditVerification> {
  const { checkpoints = NO_CHECKPOINTS, batchSize = 1000 } = options;
  const bySeq = new Map<number, AuditCheckpoint[]>();
  let latest: AuditCheckpoint | null = null;
  for (const checkpoint of checkpoints.valid) {
    const atSeq = bySeq.get(checkpoint.seq);
    if (atSeq) atSeq.push(checkpoint);
    else bySeq.set(checkpoint.seq, [checkpoint]);
    // The highest seq; among equals the first line, i.e. the earliest signed.
    if (!latest || checkpoint.seq > latest.seq) latest = checkpoint;
  }
  const summary = latest && { seq: latest.seq, at: latest.at };
  let entries = 0;
  const fail = (problem: AuditProblem, seq: number | null, reason: string): AuditVerification => ({
    intact: false,
    entries,
    seq,
    problem,
    reason,
    checkpoint: summary,
  });
  if (checkpoints.invalid) {
    const { line, seq, reason } = checkpoints.invalid;
    return fail(
      'checkpoint_signature_invalid',
      seq,
      `checkpoint line ${line}${seq === null ? '' : ` (seq ${seq})`} is invalid: ${reason}`,
    );
  }

  let expected = 1n;
  let previousHash = GENESIS_HASH;
  let after = '0';
  for (;;) {
    const rows = await query(CHAIN_SELECT, [after, batchSize]);
    for (const row of rows) {
      const seq = BigInt(row.seq);
      if (seq !== expected) {
        return fail(
          'row_missing',
          Number(expected),
          `entry ${expected} is missing: the next entry is ${seq}`,
        );
      }
      if (row.previousHash !== previousHash) {
        return fail('link_broken', Number(seq), `previous_hash does not match the hash of entry ${seq - 1n}`);
      }
      if (auditHash(row) !== row.hash) {
        return fail('hash_mismatch', Number(seq), 'the content does not match its hash');
      }
      const contradicted = bySeq.get(Number(seq))?.find((checkpoint) => checkpoint.hash !== row.hash);
      if (contradicted) {
        return fail(
          'checkpoint_mismatch',
          Number(seq),
          `entry ${seq} differs from the checkpoint signed ${contradicted.at}: the log was rewritten at or before seq ${seq}`,
        );
      }
      previousHash = row.hash;
      expected++;
      entries++;
    }
    if (rows.length < batchSize) break;
    after = rows[rows.length - 1].seq;
  }
  if (latest && entries < latest.seq) {
    return fail(
      'truncated',
      entries + 1,
      `entries after seq ${entries} were removed: the latest checkpoint (signed ${latest.at}) covers seq ${latest.seq}`,
    );
  }
  return {
    intact: true,
    entries,
    head: entries > 0 ? { seq: entries, hash: previousHash } : null,
    checkpoint: summary,
    warning: latest ? null : 'no_checkpoint',
  };
}

/** The verifier's one line of output. */
export function describeVerification(result: AuditVerification): string {
  if (!result.intact) {
    return result.problem === 'checkpoint_signature_invalid'
      ? `audit checkpoints altered (${result.reason})`
      : `audit log altered at seq ${result.seq} (${result.reason})`;
  }
  const checkpoint = result.checkpoint
    ? `the latest checkpoint (signed ${result.checkpoint.at}) covers seq ${result.checkpoint.seq}`
    : 'warning: no signed checkpoint yet, so nothing outside the database vouches for it';
  return `audit log intact: ${result.entries} entries; ${checkpoint}`;
}
