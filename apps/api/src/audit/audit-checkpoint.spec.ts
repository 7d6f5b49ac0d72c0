import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import {
  auditKeyId,
  checkCheckpointLine,
  checkpointLine,
  checkpointText,
  signCheckpoint,
} from './audit-checkpoint';

// The secret key of RFC 8032 section 7.1, test 1: Ed25519 signatures are deterministic, so the expected values
// below are fixed (node -e with the same seed regenerates them).
const RFC8032_SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const privateKey = createPrivateKey({
  key: Buffer.from(`302e020100300506032b657004220420${RFC8032_SEED}`, 'hex'),
  format: 'der',
  type: 'pkcs8',
});
const publicKey = createPublicKey(privateKey);
const hash = createHash('sha256').update('entry 42').digest('hex');
const at = new Date('2026-01-02T03:04:05.678Z');

/** A checkpoint file line written by format klik-audit-checkpoint@1: it must keep verifying after any refactoring. */
const FIXTURE_LINE =
  '{"seq":42,"hash":"a83c330b90048104c0b66378228322d9c376e4ba509ac2430690d7901927e19d",' +
  '"at":"2026-01-02T03:04:05.678Z","keyId":"06e3fd8fda29bb60",' +
  '"signature":"FaHclITSCTz714gRVSGir2BN8yLrYRQNgDbzvuqru2m0F158BLeYKT7pVIEJbzKCdZrBUQ4jbiv0GvXh7w6EBA=="}';

const edit = (line: string, change: (record: Record<string, unknown>) => void) => {
  const record = JSON.parse(line) as Record<string, unknown>;
  change(record);
  return JSON.stringify(record);
};

describe('audit checkpoints', () => {
  it('uses standard Ed25519 (RFC 8032, test 1) and names the key by its public half', () => {
    expect(publicKey.export({ type: 'spki', format: 'der' }).toString('hex')).toMatch(
      /d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a$/,
    );
    expect(sign(null, Buffer.alloc(0), privateKey).toString('hex')).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
    expect(auditKeyId(publicKey)).toBe('06e3fd8fda29bb60');
  });

  it('signs the format name, seq, hash, time and key id, and writes them as one JSON line', () => {
    const checkpoint = signCheckpoint({ seq: 42, hash }, at, privateKey);
    expect(checkpointText(checkpoint)).toBe(
      `klik-audit-checkpoint@1\n42\n${hash}\n2026-01-02T03:04:05.678Z\n06e3fd8fda29bb60`,
    );
    expect(checkpointLine(checkpoint)).toBe(FIXTURE_LINE);
    expect(checkCheckpointLine(FIXTURE_LINE, publicKey)).toEqual({ ok: true, checkpoint });
  });

  it('refuses to sign an empty chain or a malformed hash', () => {
    expect(() => signCheckpoint({ seq: 0, hash }, at, privateKey)).toThrow(RangeError);
    expect(() => signCheckpoint({ seq: 1, hash: hash.toUpperCase() }, at, privateKey)).toThrow(RangeError);
  });

  it.each([
    [
      'hash',
      (r: Record<string, unknown>) => (r.hash = createHash('sha256').update('rewritten').digest('hex')),
    ],
    ['seq', (r: Record<string, unknown>) => (r.seq = 41)],
    ['at', (r: Record<string, unknown>) => (r.at = '2027-01-02T03:04:05.678Z')],
  ])('rejects a line whose %s was edited without re-signing', (_field, change) => {
    const check = checkCheckpointLine(edit(FIXTURE_LINE, change), publicKey);
    expect(check).toMatchObject({ ok: false, reason: 'the signature does not match its content' });
  });

  it('rejects lines from another key, with unsigned fields, or that are not checkpoints at all', () => {
    const other = generateKeyPairSync('ed25519');
    const foreign = checkpointLine(signCheckpoint({ seq: 42, hash }, at, other.privateKey));
    expect(checkCheckpointLine(foreign, publicKey)).toEqual({
      ok: false,
      seq: 42,
      reason: `signed by another key (keyId ${auditKeyId(other.publicKey)})`,
    });
    // The same line with the key id of the trusted key: the signature gives it away.
    const claimed = edit(foreign, (r) => (r.keyId = auditKeyId(publicKey)));
    expect(checkCheckpointLine(claimed, publicKey)).toMatchObject({
      ok: false,
      reason: /signature does not match/,
    });
    expect(
      checkCheckpointLine(
        edit(FIXTURE_LINE, (r) => (r.entries = 42)),
        publicKey,
      ),
    ).toEqual({
      ok: false,
      seq: 42,
      reason: 'unsigned field entries',
    });
    const signature = (JSON.parse(FIXTURE_LINE) as { signature: string }).signature;
    expect(
      checkCheckpointLine(
        edit(FIXTURE_LINE, (r) => (r.signature = signature.replace(/=+$/, ''))),
        publicKey,
      ),
    ).toMatchObject({ ok: false, reason: 'the signature is not base64' });
    expect(
      checkCheckpointLine(
        edit(FIXTURE_LINE, (r) => (r.seq = '42')),
        publicKey,
      ),
    ).toMatchObject({
      ok: false,
      seq: null,
    });
    expect(
      checkCheckpointLine(
        edit(FIXTURE_LINE, (r) => (r.at = 'yesterday')),
        publicKey,
      ),
    ).toMatchObject({
      ok: false,
      reason: 'at is not an ISO 8601 UTC time',
    });
    expect(checkCheckpointLine('{"seq": 42, "hash"', publicKey)).toEqual({
      ok: false,
      seq: null,
      reason: 'not a JSON object',
    });
    expect(checkCheckpointLine('[42]', publicKey)).toMatchObject({ ok: false, reason: 'not a JSON object' });
  });
});
