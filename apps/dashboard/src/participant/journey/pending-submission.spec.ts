import { afterEach, describe, expect, it } from 'vitest';
import { clearPendingSubmission, submissionFor } from './pending-submission';

const body = { language: 'nl' as const, responses: { alpha: { a1: 1, a2: 0 }, beta: { b1: 3 } } };

describe('submissionFor', () => {
  afterEach(() => sessionStorage.clear());

  it('makes a UUID key and keeps it in sessionStorage with the body', () => {
    const pending = submissionFor(body);
    expect(pending.idempotencyKey).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(JSON.parse(sessionStorage.getItem('klik.take.pendingSubmission') ?? 'null')).toEqual(pending);
  });

  it('gives a retry of the same answers the same key and the first body, whatever the key order or language', () => {
    const first = submissionFor(body);
    const retry = submissionFor({
      language: 'en',
      responses: { beta: { b1: 3 }, alpha: { a2: 0, a1: 1 } },
    });
    expect(retry.idempotencyKey).toBe(first.idempotencyKey);
    expect(retry.body).toEqual(body);
  });

  it('starts a new attempt with a new key for different answers, and after the server confirmed', () => {
    const first = submissionFor(body);
    const changed = submissionFor({ ...body, responses: { ...body.responses, beta: { b1: 0 } } });
    expect(changed.idempotencyKey).not.toBe(first.idempotencyKey);

    clearPendingSubmission();
    expect(sessionStorage.getItem('klik.take.pendingSubmission')).toBeNull();
    expect(submissionFor(body).idempotencyKey).not.toBe(changed.idempotencyKey);
  });

  it('ignores a damaged stored entry', () => {
    sessionStorage.setItem('klik.take.pendingSubmission', '{not json');
    expect(submissionFor(body).body).toEqual(body);
  });
});
