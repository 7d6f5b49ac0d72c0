import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/auth-context';
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
  @ApiProperty() version!: string;
  @ApiProperty({ type: DatabaseHealthDto }) database!: DatabaseHealthDto;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and readiness: database kind, migration state, version' })
  @ApiOkResponse({ type: HealthDto })
  async health(): Promise<HealthDto> {
    const [{ version }] = (await this.dataSource.query('SELECT version() AS version')) as { version: string }[];
    const executed = new Set(
      ((await this.dataSource.query('SELECT name FROM typeorm_migrations')) as { name: string }[]).map((r) => r.name),
    );
    const pending = this.dataSource.migrations.map((migration) => migration.name ?? '').filter((name) => !executed.has(name));
    return {
      status: pending.length === 0 ? 'ok' : 'degraded',
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
