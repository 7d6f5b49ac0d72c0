import { Controller, Get, Inject, Req } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { Public, SESSION_COOKIE } from '../auth/auth-context';
import { AuthService } from '../auth/auth.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

class MigrationStatusDto {
  @ApiProperty({ description: 'True when no migration is pending' }) current!: boolean;
  @ApiProperty({ type: [String] }) pending!: string[];
}

class DatabaseHealthDto {
  @ApiProperty({ enum: ['embedded', 'postgres'] }) kind!: 'embedded' | 'postgres';
  @ApiProperty() serverVersion!: string;
  @ApiProperty({ type: MigrationStatusDto }) migrations!: MigrationStatusDto;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiPropertyOptional({ description: 'Klik version (institution admins only)' }) version?: string;
  @ApiPropertyOptional({ type: DatabaseHealthDto, description: 'Institution admins only' })
  database?: DatabaseHealthDto;
}

/**
 * Liveness and readiness for load balancers (anyone: only `status`), with the details an operator needs (database
 * kind and server version, migrations, Klik version) for a logged-in institution admin only, so the exact
 * PostgreSQL version is not handed to whoever probes the server.
 */
@ApiTags('health')
@ApiExtraModels(DatabaseHealthDto)
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Liveness and readiness; details (database, migrations, version) for institution admins',
  })
  @ApiOkResponse({ type: HealthDto })
  async health(@Req() request: Request): Promise<HealthDto> {
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
    const token = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const caller = token ? await this.auth.resolveSession(token) : null;
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
