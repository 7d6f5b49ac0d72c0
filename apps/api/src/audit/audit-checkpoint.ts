import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/** The newest entry of the chain: its seq (= the number of entries, seq has no gaps) and its hash. */
export interface AuditChainHead {
  seq: number;
  hash: string;
}

/**
 * A signed statement, kept outside the database, that entry `seq` of the audit chain had `hash` at time `at`.
 * Because every hash covers the one before it, a checkpoint vouches for the whole chain up to `seq`.
 */
export interface AuditCheckpoint extends AuditChainHead {
  /** When it was signed: ISO 8601 in UTC. */
  at: string;
  /** The first 16 hex digits of the SHA-256 of the signing key's public key (SPKI, DER). */
  keyId: string;
  /** Ed25519 signature of `checkpointText`, base64. */
  signature: string;
}

/** The outcome of checking one line of the checkpoint file. */
export type CheckpointCheck =
  { ok: true; checkpoint: AuditCheckpoint } | { ok: false; seq: number | null; reason: string };

/** Names the format inside the signed text, so a signature can never be replayed as another kind of message. */
export const CHECKPOINT_FORMAT = 'klik-audit-checkpoint@1';

const FIELDS = ['seq', 'hash', 'at', 'keyId', 'signature'] as const;
const HEX64 = /^[0-9a-f]{64}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The exact text that is signed: the format name and every field but the signature, one per line. */
export function checkpointText(checkpoint: Omit<AuditCheckpoint, 'signature'>): string {
  return [CHECKPOINT_FORMAT, checkpoint.seq, checkpoint.hash, checkpoint.at, checkpoint.keyId].join('\n');
}

/** Identifies a key pair by its public half, so a checkpoint names the key that signed it. */
export function auditKeyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Signs the chain head with an Ed25519 private key; the time is given, so the function stays pure.
 * @throws RangeError for a seq below 1 (there is nothing to vouch for) or a hash that is not 64 hex digits.
 */
export function signCheckpoint(head: AuditChainHead, at: Date, privateKey: KeyObject): AuditCheckpoint {
  if (!Number.isSafeInteger(head.seq) || head.seq < 1)
    throw new RangeError(`cannot sign a checkpoint at seq ${head.seq}`);
  if (!HEX64.test(head.hash)) throw new RangeError('a checkpoint hash is 64 lower-case hex digits');
  const keyId = auditKeyId(createPublicKey(privateKey));
  const unsigned = { seq: head.seq, hash: head.hash, at: at.toISOString(), keyId };
  const signature = sign(null, Buffer.from(checkpointText(unsigned), 'utf8'), privateKey).toString('base64');
  return { ...unsigned, signature };
}

/** One line of `audit-checkpoints.jsonl`: the fields in a fixed order, no newline. */
export function checkpointLine(checkpoint: AuditCheckpoint): string {
  return JSON.stringify(Object.fromEntries(FIELDS.map((field) => [field, checkpoint[field]])));
}

/**
 * Parses one line and checks its signature against the public key. Anything the signature does not cover (an extra
 * field) or cannot vouch for (another key, a malformed value) makes the line invalid.
 */
export function checkCheckpointLine(line: string, publicKey: KeyObject): CheckpointCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { ok: false, seq: null, reason: 'not a JSON object' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, seq: null, reason: 'not a JSON object' };
  const record = parsed as Record<string, unknown>;
  const seq = Number.isSafeInteger(record.seq) && (record.seq as number) >= 1 ? (record.seq as number) : null;
  const invalid = (reason: string): CheckpointCheck => ({ ok: false, seq, reason });
  const extra = Object.keys(record).filter((key) => !(FIELDS as readonly string[]).includes(key));
  if (extra.length > 0) return invalid(`unsigned field ${extra.join(', ')}`);
  if (seq === null) return invalid('seq is not a positive whole number');
  const { hash, at, keyId, signature } = record;
  if (typeof hash !== 'string' || !HEX64.test(hash)) return invalid('hash is not 64 lower-case hex digits');
  if (typeof at !== 'string' || !ISO_UTC.test(at) || Number.isNaN(Date.parse(at)))
    return invalid('at is not an ISO 8601 UTC time');
  // Only canonical base64, so one checkpoint has exactly one valid line.
  if (typeof signature !== 'string' || Buffer.from(signature, 'base64').toString('base64') !== signature)
    return invalid('the signature is not base64');
  if (keyId !== auditKeyId(publicKey)) return invalid(`signed by another key (keyId ${String(keyId)})`);
  const checkpoint: AuditCheckpoint = { seq, hash, at, keyId, signature };
  const valid = verify(
    null,
    Buffer.from(checkpointText(checkpoint), 'utf8'),
    publicKey,
    Buffer.from(signature, 'base64'),
  );
  return valid ? { ok: true, checkpoint } : invalid('the signature does not match its content');
}
