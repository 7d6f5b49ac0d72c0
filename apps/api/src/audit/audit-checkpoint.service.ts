import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { AuditChainRow, AuditVerification } from './audit-chain';
import type { AuditCheckpoint } from './audit-checkpoint';
import { AuditCheckpointStore, verifyAuditLog } from './audit-checkpoint-store';

/**
 * Anchors the audit chain outside the database: every KLIK_AUDIT_CHECKPOINT_SECONDS (when the log grew), after
 * each intact verification and at a clean shutdown, the head of the chain is signed into the checkpoint folder.
 * One write at a time; a failed write is logged and the next one tries again. On shutdown the timer stops, a
 * running write is awaited and a last checkpoint written before the database closes (beforeApplicationShutdown
 * runs ahead of TypeORM's onApplicationShutdown).
 */
@Injectable()
export class AuditCheckpointService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditCheckpoints');
  readonly store: AuditCheckpointStore;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<AuditCheckpoint | null> | null = null;
  /** The highest seq this process has signed (or seen signed by its own verification). */
  private signedSeq = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.store = new AuditCheckpointStore(
      config.auditCheckpoints.dir,
      config.auditCheckpoints.log ? (line) => process.stdout.write(`audit checkpoint ${line}\n`) : undefined,
    );
  }

  onApplicationBootstrap(): void {
    const seconds = this.config.auditCheckpoints.intervalSeconds;
    if (seconds === 0) return;
    this.timer = setInterval(() => void this.checkpoint().catch(() => undefined), seconds * 1000);
    this.timer.unref();
  }

  /**
   * Signs the newest entry if the log grew since this process last signed; returns the checkpoint, or null when
   * there was nothing new. Calls made while one runs share its result.
   */
  checkpoint(): Promise<AuditCheckpoint | null> {
    this.running ??= this.writeHead()
      .catch((error: unknown) => {
        this.logger.error(
          `could not write an audit checkpoint to ${this.store.dir}`,
          error instanceof Error ? error.stack : String(error),
        );
        throw error;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async writeHead(): Promise<AuditCheckpoint | null> {
    const [head] = (await this.dataSource.query(
      `SELECT a.seq::text AS seq, a.hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1`,
    )) as { seq: string; hash: string }[];
    if (!head || Number(head.seq) <= this.signedSeq) return null;
    const checkpoint = await this.store.append({ seq: Number(head.seq), hash: head.hash });
    this.signedSeq = Math.max(this.signedSeq, checkpoint.seq);
    return checkpoint;
  }

  /** The full verification against the signed checkpoints (see verifyAuditLog); an intact chain is signed. */
  async verify(
    query: (sql: string, params: unknown[]) => Promise<AuditChainRow[]>,
  ): Promise<AuditVerification> {
    const result = await verifyAuditLog(query, this.store);
    if (result.intact && result.head) this.signedSeq = Math.max(this.signedSeq, result.head.seq);
    return result;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    await this.checkpoint().catch(() => undefined);
  }
}
