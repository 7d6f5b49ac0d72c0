import type { SubmitBody } from '../api/take-types';

const STORAGE_KEY = 'klik.take.pendingSubmission';

/** A submission that was tried and not (yet) confirmed: retried with the same key and the same body. */
export interface PendingSubmission {
  idempotencyKey: string;
  body: SubmitBody;
}

/** JSON with object keys sorted, so two bodies with the same answers compare equal. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Older browsers: a v4 UUID from getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function read(): PendingSubmission | undefined {
  try {
    const stored = globalThis.sessionStorage?.getItem(STORAGE_KEY);
    if (!stored) return undefined;
    const parsed = JSON.parse(stored) as Partial<PendingSubmission>;
    return typeof parsed.idempotencyKey === 'string' && parsed.body
      ? (parsed as PendingSubmission)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The key and body for submitting `body`. A retry of the same answers (after a network error or a reload of the
 * tab) gets the key and the exact body kept in sessionStorage, so the server sees the same request and stores
 * the answers once (a changed language alone must not turn a retry into a 422). Different answers are a new
 * attempt with a new key.
 */
export function submissionFor(body: SubmitBody): PendingSubmission {
  const stored = read();
  if (stored && stableJson(stored.body.responses) === stableJson(body.responses)) return stored;
  const pending = { idempotencyKey: newKey(), body };
  try {
    globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(pending));
  } catch {
    // Without storage a reload gets a new key; retries on this page still reuse the one in memory.
  }
  return pending;
}

/** Forgets the key once the server has confirmed the submission. */
export function clearPendingSubmission(): void {
  try {
    globalThis.sessionStorage?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to clear.
  }
}
