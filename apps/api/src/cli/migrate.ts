import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/app-config';
import { openDatabase } from '../database/database-connection';

/** `node apps/api/dist/cli/migrate.js up|down|status` on the configured database (embedded or DATABASE_URL). */
async function main(command = 'status'): Promise<void> {
  if (!['up', 'down', 'status'].includes(command)) {
    process.stderr.write('usage: migrate up | down | status\n');
    process.exit(64);
  }
  const config = loadConfig();
  const connection = await openDatabase(config.database);
  const dataSource = new DataSource(connection.options);
  await dataSource.initialize();
  try {
    if (command === 'up') {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      process.stdout.write(ran.length ? `applied: ${ran.map((m) => m.name).join(', ')}\n` : 'nothing to apply\n');
    } else if (command === 'down') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      process.stdout.write('reverted the last migration\n');
    } else {
      const pending = await dataSource.showMigrations();
      process.stdout.write(pending ? 'migrations are pending\n' : 'all migrations applied\n');
    }
  } finally {
    await dataSource.destroy();
    await connection.close();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
