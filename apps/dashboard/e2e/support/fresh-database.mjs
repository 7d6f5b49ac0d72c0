// A fresh PostgreSQL database for one Klik server of a browser test, on the server DATABASE_URL names, the way the
// API's tests make one per run (apps/api/test/global-setup.cjs): the server's migrations and demo seed never touch
// an existing database, and nothing is left behind.
import { createRequire } from 'node:module';

// node-postgres is CommonJS without type declarations in this workspace: loaded untyped, used for two statements.
/** @type {{ Client: new (options: { connectionString: string }) => { connect(): Promise<void>, query(sql: string): Promise<unknown>, end(): Promise<void> } }} */
const { Client } = createRequire(import.meta.url)('pg');

let created = 0;

/**
 * Creates `klik_e2e_<time>_<pid>_<n>` on the server of `serverUrl` (any database on it; the URL's own database is
 * only used to connect).
 * @param {string} serverUrl
 * @returns {Promise<{ name: string, url: string, drop: () => Promise<void> }>}
 */
export async function createFreshDatabase(serverUrl) {
  const name = `klik_e2e_${Date.now().toString(36)}_${process.pid}_${++created}`;
  await run(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    // FORCE ends connections a killed server may have left open (PostgreSQL 13+).
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await run(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * @param {string} serverUrl
 * @param {string} sql
 */
async function run(serverUrl, sql) {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
