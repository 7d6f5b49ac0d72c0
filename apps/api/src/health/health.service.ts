import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { HealthDto } from './dto/health.dto';

/** Whether the server can serve (database reachable, no migration pending), with details for institution admins. */
@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
  ) {}

  async check(sessionToken: string | undefined): Promise<HealthDto> {
    const [{ version }] = (await this.dataSource.query('SELECT version() AS version')) as {
      version: string;
    }[];
    const executed = new Set(
      ((await this.dataSource.query('SELECT name FROM typeorm_migrations')) as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    const pending = this.dataSource.migrations
      .map((migration) => migration.name ?? '')
      .filter((name) => !executed.has(name));
    const status = pending.length === 0 ? 'ok' : 'degraded';
    const caller = sessionToken ? await this.auth.resolveSession(sessionToken) : null;
    if (caller?.role !== 'institution_admin') return { status };
    return {
      status,
      version: this.config.version,
      database: {
        // Told by the server itself, so a test on PGlite served over a socket still reports "embedded".
        kind: /PGlite/i.test(version) ? 'embedded' : 'postgres',
        serverVersion: version.split(' on ')[0],
        migrations: { current: pending.length === 0, pending },
      },
    };
  }
}
