// Runs once in Jest's parent process. With DATABASE_URL set, the suite runs against that PostgreSQL server in a
// fresh database created for this run (dropped afterwards). Without it, an in-memory PGlite is started here and
// served over the PostgreSQL wire protocol (PGlite cannot start inside Jest's module sandbox).
const { Client } = require('pg');

module.exports = async function globalSetup() {
  const started = Date.now();
  if (process.env.DATABASE_URL) {
    const base = new URL(process.env.DATABASE_URL);
    const name = `klik_test_${Date.now().toString(36)}_${process.pid}`;
    const admin = new Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base.toString());
    url.pathname = `/${name}`;
    globalThis.__KLIK_TEST_DB__ = { kind: 'postgres', adminUrl: base.toString(), name };
    process.env.KLIK_TEST_ORIGINAL_DATABASE_URL = base.toString();
    process.env.DATABASE_URL = url.toString();
    process.env.KLIK_TEST_DB_KIND = 'postgres';
    process.stdout.write(`\n[api tests] PostgreSQL database ${name} (${Date.now() - started} ms)\n`);
    return;
  }
  const { PGlite } = require('@electric-sql/pglite');
  const { PGLiteSocketServer } = require('@electric-sql/pglite-socket');
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 32 });
  await server.start();
  const [, port] = server.getServerConn().split(':');
  globalThis.__KLIK_TEST_DB__ = { kind: 'embedded', db, server };
  process.env.DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  process.env.KLIK_TEST_DB_KIND = 'embedded';
  process.stdout.write(`\n[api tests] embedded PGlite on port ${port} (${Date.now() - started} ms)\n`);
};
