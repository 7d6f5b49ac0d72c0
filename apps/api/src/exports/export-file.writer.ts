import { createHash, type Hash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import * as path from 'node:path';
import type { ExportFileInfo } from './export.entity';

/**
 * Writes one export file as a stream, hashing and counting the bytes on the way, and waits for the disk when the
 * stream's buffer is full (back-pressure): memory holds one chunk, whatever the file's size.
 */
export class ExportFileWriter {
  private readonly stream: WriteStream;
  private readonly hash: Hash = createHash('sha256');
  private size = 0;
  private failure: Error | null = null;

  constructor(
    dir: string,
    readonly name: string,
  ) {
    this.stream = createWriteStream(path.join(dir, name), { flags: 'wx' });
    this.stream.on('error', (error) => (this.failure = error));
  }

  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (text.length === 0) return;
    const chunk = Buffer.from(text, 'utf8');
    this.hash.update(chunk);
    this.size += chunk.length;
    if (!this.stream.write(chunk)) await this.drained();
    if (this.failure) throw this.failure;
  }

  /** Waits for 'drain' (or the error), removing both listeners either way so none pile up over a long file. */
  private drained(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        this.stream.off('error', onError);
        resolve();
      };
      const onError = (error: Error) => {
        this.stream.off('drain', onDrain);
        reject(error);
      };
      this.stream.once('drain', onDrain);
      this.stream.once('error', onError);
    });
  }

  async close(): Promise<ExportFileInfo> {
    if (this.failure) throw this.failure;
    this.stream.end();
    await once(this.stream, 'finish');
    return { name: this.name, size: this.size, sha256: this.hash.digest('hex') };
  }

  /** Closes without caring for the result (after a failure). */
  destroy(): void {
    this.stream.destroy();
  }
}

/** Writes a small file in one go (codebook, scripts). */
export async function writeWholeFile(dir: string, name: string, text: string): Promise<ExportFileInfo> {
  const writer = new ExportFileWriter(dir, name);
  await writer.write(text);
  return writer.close();
}
