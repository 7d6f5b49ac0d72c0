import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import {
  type AuditChainRow,
  type AuditCheckpointSet,
  type AuditVerification,
  verifyAuditChain,
} from './audit-chain';
import {
  type AuditChainHead,
  type AuditCheckpoint,
  checkCheckpointLine,
  checkpointLine,
  signCheckpoint,
} from './audit-checkpoint';

export const SIGNING_KEY_FILE = 'audit-signing-key.pem';
export const PUBLIC_KEY_FILE = 'audit-signing-key.pub.pem';
export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

const exists = (error: unknown) => (error as NodeJS.ErrnoException).code === 'EEXIST';
const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

async function readOptional(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if (missing(error)) return null;
    throw error;
  }
}

/**
 * Publishes a file only if none is there yet, atomically: written under a temporary name, then hard-linked to
 * its name (which fails if another process got there first). Returns whether this call created it.
 */
async function publishOnce(file: string, content: string, mode: number): Promise<boolean> {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(temporary, content, { mode, flag: 'wx' });
  try {
    await fs.link(temporary, file);
    return true;
  } catch (error) {
    if (exists(error)) return false;
    throw error;
  } finally {
    await fs.unlink(temporary);
  }
}

/**
 * The checkpoint folder: an Ed25519 key pair the database never sees, and the checkpoints it signed, one JSON line
 * each. Several processes may share the folder: the key is created once (whoever links it first wins) and each
 * checkpoint is one `O_APPEND` write. A folder holding only the public key verifies but never signs, so a copy of
 * the public key and the checkpoint file is enough to check a database.
 */
export class AuditCheckpointStore {
  private keys: { privateKey: KeyObject | null; publicKey: KeyObject | null } | null = null;

  constructor(
    readonly dir: string,
    /** Called with each line written, e.g. to print it to the log as well. */
    private readonly onWrite: (line: string) => void = () => undefined,
  ) {}

  get checkpointFile(): string {
    return path.join(this.dir, CHECKPOINT_FILE);
  }

  /** The key pair as found on disk: the public key is derived from the private key when that is present. */
  private async loadKeys(): Promise<{ privateKey: KeyObject | null; publicKey: KeyObject | null }> {
    if (this.keys?.privateKey) return this.keys;
    const privatePem = await readOptional(path.join(this.dir, SIGNING_KEY_FILE));
    if (privatePem !== null) {
      const privateKey = createPrivateKey(privatePem);
      if (privateKey.asymmetricKeyType !== 'ed25519')
        throw new Error(`${SIGNING_KEY_FILE} in ${this.dir} is not an Ed25519 private key`);
      this.keys = { privateKey, publicKey: createPublicKey(privateKey) };
      return this.keys;
    }
    const publicPem = await readOptional(path.join(this.dir, PUBLIC_KEY_FILE));
    return { privateKey: null, publicKey: publicPem === null ? null : createPublicKey(publicPem) };
  }

  /** The private key, created with its public key on first use; never beside a public key whose pair is gone. */
  private async signingKey(): Promise<KeyObject> {
    const found = await this.loadKeys();
    if (found.privateKey) return found.privateKey;
    if (found.publicKey)
      throw new Error(
        `${PUBLIC_KEY_FILE} in ${this.dir} has no ${SIGNING_KEY_FILE} beside it: restore the private key (or ` +
          'point KLIK_AUDIT_CHECKPOINT_DIR elsewhere); a new key would not match the existing checkpoints',
      );
    const written = await fs.stat(this.checkpointFile).catch((error: unknown) => {
      if (missing(error)) return null;
      throw error;
    });
    if (written && written.size > 0)
      throw new Error(
        `${CHECKPOINT_FILE} in ${this.dir} holds checkpoints but their key is gone: restore ${SIGNING_KEY_FILE} ` +
          '(a new key would not match them), or move the checkpoint file aside deliberately',
      );
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    const pair = generateKeyPairSync('ed25519');
    await publishOnce(
      path.join(this.dir, SIGNING_KEY_FILE),
      pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      0o600,
    );
    // Whoever won the race, sign with the key on disk and publish its public half.
    const { privateKey } = await this.loadKeys();
    if (!privateKey) throw new Error(`could not create ${SIGNING_KEY_FILE} in ${this.dir}`);
    const publicPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
    await publishOnce(path.join(this.dir, PUBLIC_KEY_FILE), publicPem, 0o644);
    return privateKey;
  }

  /** Whether this folder can sign: it holds the private key, or no key at all yet (then one is created). */
  async canSign(): Promise<boolean> {
    const { privateKey, publicKey } = await this.loadKeys();
    return privateKey !== null || publicKey === null;
  }

  /** Signs the head and appends it as one line (one write with O_APPEND, so concurrent writers never interleave). */
  async append(head: AuditChainHead, at = new Date()): Promise<AuditCheckpoint> {
    const checkpoint = signCheckpoint(head, at, await this.signingKey());
    const line = checkpointLine(checkpoint);
    const file = await fs.open(this.checkpointFile, 'a', 0o644);
    try {
      const data = Buffer.from(`${line}\n`, 'utf8');
      const { bytesWritten } = await file.write(data, 0, data.length);
      if (bytesWritten !== data.length) throw new Error(`short write to ${this.checkpointFile}`);
    } finally {
      await file.close();
    }
    this.onWrite(line);
    return checkpoint;
  }

  /**
   * Reads every checkpoint line (streamed) and checks its signature. Lines without a key to check them against are
   * invalid: checkpoints exist, so the key that signed them must be kept.
   */
  async read(): Promise<AuditCheckpointSet> {
    const valid: AuditCheckpoint[] = [];
    let invalid: AuditCheckpointSet['invalid'] = null;
    let publicKey: KeyObject | null | undefined;
    let number = 0;
    try {
      const lines = createInterface({ input: createReadStream(this.checkpointFile), crlfDelay: Infinity });
      for await (const line of lines) {
        number++;
        if (line.trim() === '') continue;
        publicKey ??= (await this.loadKeys()).publicKey;
        const check = publicKey
          ? checkCheckpointLine(line, publicKey)
          : { ok: false as const, seq: null, reason: `no ${PUBLIC_KEY_FILE} to check it with` };
        if (check.ok) valid.push(check.checkpoint);
        else invalid ??= { line: number, seq: check.seq, reason: check.reason };
      }
    } catch (error) {
      if (!missing(error)) throw error;
    }
    return { valid, invalid };
  }
}

/**
 * The one verification, shared by the API and `npm run audit:verify`: reads and checks the signed checkpoints,
 * walks the chain against them, and, when everything holds and the folder can sign, appends a checkpoint of the
 * head it verified.
 */
export async function verifyAuditLog(
  query: (sql: string, params: unknown[]) => Promise<AuditChainRow[]>,
  store: AuditCheckpointStore,
  batchSize?: number,
): Promise<AuditVerification> {
  const result = await verifyAuditChain(query, { checkpoints: await store.read(), batchSize });
  if (result.intact && result.head && (await store.canSign())) await store.append(result.head);
  return result;
}
