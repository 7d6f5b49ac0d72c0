import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * TypeORM options for either database, without entities: the application adds the ones its modules register (see
 * DatabaseModule); the command-line tools need none to migrate or to read the audit log. For the embedded database,
 * `extra` is PGlite's node-postgres adapter (`createPgConfig`), which serves exactly one connection: the pool size is
 * 1 and every request queues on it.
 */
export function buildDataSourceOptions(
  connection: { url: string; poolSize: number } | { extra: object },
): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each' as const,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto' as const,
    logging: ['error' as const],
  };
  if ('url' in connection) {
    return { ...common, url: connection.url, poolSize: connection.poolSize, extra: { max: connection.poolSize } };
  }
  return { ...common, poolSize: 1, extra: connection.extra };
}
