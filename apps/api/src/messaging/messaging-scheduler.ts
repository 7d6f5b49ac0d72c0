import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OutboxService } from './outbox.service';

/**
 * Runs `OutboxService.runDue` every KLIK_MESSAGING_INTERVAL_SECONDS (off under NODE_ENV=test unless
 * KLIK_MESSAGING_SCHEDULER=true). One pass at a time; a failed pass is logged and the next one tries again. On
 * shutdown the timer stops and a running pass is awaited, so the database is not closed under it.
 */
@Injectable()
export class MessagingScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MessagingScheduler');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.messaging.schedulerEnabled) return;
    // The first pass after one interval: by then the start-up has run the migrations.
    this.timer = setInterval(() => this.tick(), this.config.messaging.intervalSeconds * 1000);
    this.timer.unref();
  }

  /** Starts a pass unless one is still running. */
  tick(): void {
    if (this.running) return;
    this.running = this.outbox
      .runDue(new Date())
      .then((result) => {
        if (result.planned + result.sent + result.failed > 0)
          this.logger.log(`messaging pass: ${JSON.stringify(result)}`);
      })
      .catch((error: unknown) => {
        this.logger.error('messaging pass failed', error instanceof Error ? error.stack : String(error));
      })
      .finally(() => {
        this.running = null;
      });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
