import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  AuditCheckpointStore,
  CHECKPOINT_FILE,
  PUBLIC_KEY_FILE,
  SIGNING_KEY_FILE,
} from './audit-checkpoint-store';

const hashOf = (seq: number) => createHash('sha256').update(`entry ${seq}`).digest('hex');

describe('AuditCheckpointStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'klik-checkpoints-')), 'audit');
  });
  afterEach(() => fs.rm(path.dirname(dir), { recursive: true, force: true }));

  it('creates the key pair on first use (private key 0600), appends lines and reads them back', async () => {
    const store = new AuditCheckpointStore(dir);
    expect(await store.read()).toEqual({ valid: [], invalid: null });
    const first = await store.append({ seq: 3, hash: hashOf(3) }, new Date('2026-01-01T00:00:00.000Z'));
    const second = await store.append({ seq: 7, hash: hashOf(7) });
    expect((await fs.stat(path.join(dir, SIGNING_KEY_FILE))).mode & 0o777).toBe(0o600);
    expect(await fs.readFile(path.join(dir, PUBLIC_KEY_FILE), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect((await fs.readFile(store.checkpointFile, 'utf8')).split('\n')).toHaveLength(3);
    expect(await new AuditCheckpointStore(dir).read()).toEqual({ valid: [first, second], invalid: null });
  });

  it('lets concurrent writers share one key and one file: whole lines, all valid', async () => {
    const stores = Array.from({ length: 4 }, () => new AuditCheckpointStore(dir));
    await Promise.all(
      stores.flatMap((store, i) =>
        Array.from({ length: 25 }, (_, j) =>
          store.append({ seq: i * 25 + j + 1, hash: hashOf(i * 25 + j + 1) }),
        ),
      ),
    );
    const { valid, invalid } = await new AuditCheckpointStore(dir).read();
    expect(invalid).toBeNull();
    expect(valid.map((checkpoint) => checkpoint.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    expect(new Set(valid.map((checkpoint) => checkpoint.keyId)).size).toBe(1);
  });

  it('verifies with the public key alone, and then never signs', async () => {
    await new AuditCheckpointStore(dir).append({ seq: 5, hash: hashOf(5) });
    const copy = path.join(path.dirname(dir), 'verifier');
    await fs.mkdir(copy);
    for (const file of [PUBLIC_KEY_FILE, CHECKPOINT_FILE])
      await fs.copyFile(path.join(dir, file), path.join(copy, file));
    const verifier = new AuditCheckpointStore(copy);
    expect(await verifier.read()).toMatchObject({ valid: [{ seq: 5, hash: hashOf(5) }], invalid: null });
    expect(await verifier.canSign()).toBe(false);
    await expect(verifier.append({ seq: 6, hash: hashOf(6) })).rejects.toThrow(
      /has no audit-signing-key\.pem/,
    );
  });

  it('does not replace a lost key while checkpoints exist, and reports their lines as unverifiable', async () => {
    await new AuditCheckpointStore(dir).append({ seq: 5, hash: hashOf(5) });
    await fs.rm(path.join(dir, SIGNING_KEY_FILE));
    await fs.rm(path.join(dir, PUBLIC_KEY_FILE));
    const store = new AuditCheckpointStore(dir);
    await expect(store.append({ seq: 6, hash: hashOf(6) })).rejects.toThrow(
      /holds checkpoints but their key is gone/,
    );
    expect(await store.read()).toEqual({
      valid: [],
      invalid: { line: 1, seq: null, reason: `no ${PUBLIC_KEY_FILE} to check it with` },
    });
  });

  it('passes each written line to onWrite (KLIK_AUDIT_CHECKPOINT_LOG)', async () => {
    const printed: string[] = [];
    await new AuditCheckpointStore(dir, (line) => printed.push(line)).append({ seq: 1, hash: hashOf(1) });
    expect(printed).toEqual([(await fs.readFile(path.join(dir, CHECKPOINT_FILE), 'utf8')).trimEnd()]);
  });
});
