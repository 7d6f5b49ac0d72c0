import { mkdirSync } from 'node:fs';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';

export interface DatabaseConnection {
  readonly kind: 'embedded' | 'postgres';
  readonly options: DataSourceOptions;
  /** Closes the embedded engine (a no-op for PostgreSQL: TypeORM closes its pool). */
  close(): Promise<void>;
}

/**
 * Opens the configured database: PostgreSQL through DATABASE_URL, or PGlite (PostgreSQL in WebAssembly) with its
 * data in a folder, served to TypeORM through PGlite's own node-postgres adapter.
 */
export async function openDatabase(database: AppConfig['database']): Promise<DatabaseConnection> {
  if (database.kind === 'postgres') {
    return {
      kind: 'postgres',
      options: buildDataSourceOptions({ url: database.url, poolSize: database.poolSize }),
      close: async () => undefined,
    };
  }
  mkdirSync(database.dataDir, { recursive: true });
  // PGlite ships CommonJS builds, so a plain require works compiled and under ts-node.
  const { PGlite } = require('@electric-sql/pglite') as typeof import('@electric-sql/pglite');
  const { createPgConfig } = require('@electric-sql/pglite/node-postgres') as {
    createPgConfig: (engine: InstanceType<typeof PGlite>) => object;
  };
  const engine = await PGlite.create({ dataDir: database.dataDir });
  return {
    kind: 'embedded',
    options: buildDataSourceOptions({ extra: createPgConfig(engine) }),
    close: async () => {
      if (!engine.closed) await engine.close();
    },
  };
}
