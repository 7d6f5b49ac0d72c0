// Starts the real Klik server (built API serving the built dashboard) on a free port with a fresh data folder,
// the way `npm start` runs it, and hands back its URL and the demo participant link it prints once. Its database
// is the embedded PGlite in that folder or, with DATABASE_URL set, a fresh database on that PostgreSQL server,
// dropped when the server stops.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFreshDatabase } from './fresh-database.mjs';

/** @param {string} message */
const log = (message) => console.log(`[e2e] ${message}`);

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Builds the API and the dashboard unless Nx already did (the `dashboard:test` target depends on both builds;
 * run by hand, the script builds them itself so it never tests stale files).
 * @param {string} workspaceRoot
 */
export function buildIfStandalone(workspaceRoot) {
  if (process.env.NX_TASK_TARGET_PROJECT) return;
  log('building api and dashboard');
  const result = spawnSync(
    process.execPath,
    ['scripts/nx.mjs', 'run-many', '-t', 'build', '-p', 'api', 'dashboard'],
    {
      cwd: workspaceRoot,
      stdio: 'inherit',
      env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
    },
  );
  if (result.status !== 0) throw new Error(`the build failed (exit ${result.status})`);
}

/**
 * @typedef {{ baseUrl: string, demoLink: string | null, output: () => string, stop: () => Promise<void> }} KlikServer
 * @param {string} workspaceRoot
 * @param {{ startupTimeoutMs?: number, env?: Record<string, string> }} [options] `env` adds variables (an SMTP
 *   server for a journey that reads e-mail, for one)
 * @returns {Promise<KlikServer>}
 */
export async function startKlik(workspaceRoot, { startupTimeoutMs = 180_000, env = {} } = {}) {
  const { DATABASE_URL: serverUrl, ...environment } = process.env;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // DATABASE_URL names a server, never the database to use: this run must not migrate and seed someone's data.
  const database = serverUrl ? await createFreshDatabase(serverUrl) : null;
  const dataDir = mkdtempSync(join(tmpdir(), 'klik-e2e-'));
  log(
    `starting Klik on ${baseUrl} (${database ? `PostgreSQL database ${database.name}` : `embedded database in ${dataDir}`})`,
  );
  const child = spawn(process.execPath, ['apps/api/dist/main.js'], {
    cwd: workspaceRoot,
    env: {
      ...environment,
      ...(database ? { DATABASE_URL: database.url } : {}),
      NODE_ENV: 'development',
      KLIK_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      KLIK_PUBLIC_URL: baseUrl,
      KLIK_SEED_DEMO: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  /** @type {(signal: NodeJS.Signals) => void} */
  const onSignal = (signal) => {
    // Interrupted (Ctrl+C, a CI timeout): still stop the server and drop its database, then end as signalled.
    void stop().finally(() => process.kill(process.pid, signal));
  };
  const stop = async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    try {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      if (database) {
        await database.drop();
        log(`dropped PostgreSQL database ${database.name}`);
      }
    }
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const deadline = Date.now() + startupTimeoutMs;
  let healthy = false;
  while (!healthy) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`Klik exited during start-up (code ${child.exitCode}):\n${output}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Klik did not become healthy within ${startupTimeoutMs / 1000} s:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      healthy = response.ok && output.includes('is running on');
    } catch {
      // Not listening yet.
    }
    if (!healthy) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // The server says which database it runs on: a journey meant for PostgreSQL must not pass on PGlite.
  const expected = database ? 'Database: PostgreSQL' : 'Database: embedded PGlite';
  if (!output.includes(expected)) {
    await stop();
    throw new Error(`Klik did not report "${expected}":\n${output}`);
  }
  // Printed only when the demo is created, which it is in the fresh data folder.
  const demoLink = /Demo participant link \(shown once\): (\S+)/.exec(output)?.[1] ?? null;
  log(
    demoLink
      ? 'Klik is up with a fresh demo'
      : 'Klik is up; the demo existed already, so no demo link was printed',
  );
  return { baseUrl, demoLink, output: () => output, stop };
}
