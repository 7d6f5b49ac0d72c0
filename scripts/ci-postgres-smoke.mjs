// CI: the commands of the README, run as a user runs them, on a fresh PostgreSQL database (DATABASE_URL names the
// server; the database is created here and dropped at the end, also on failure):
//   npm run migration:status (pending) → migration:run → migration:status (all applied)
//   npm start → /api/health → log in as the demo researcher it prints → the demo study and its participants
//   → SIGINT to the Klik process (what Ctrl+C sends it) → npm start exits 0, the shutdown signed an audit checkpoint
//   npm run audit:verify (intact, covered by a checkpoint) → migration:revert → migration:run (the same one again)
//   → audit:verify again
// Data and audit checkpoints go to a temporary folder (KLIK_DATA_DIR, KLIK_AUDIT_CHECKPOINT_DIR), never the repo.
// Exits 1 with the failing step and its output; 2 when it cannot run (no DATABASE_URL).
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node scripts/ci-postgres-smoke.mjs
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './run-nx.mjs';

const { Client } = createRequire(import.meta.url)('pg');
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (message) => console.log(`[postgres smoke] ${message} (${elapsed()})`);

class StepFailure extends Error {
  constructor(step, reason, output = '') {
    super(`${step}: ${reason}`);
    this.output = output;
  }
}

async function sql(url, statement) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `npm run <script>`; fails the step unless it exits 0 and its output matches `expect`. */
function npmRun(script, env, expect) {
  const result = spawnSync('npm', ['run', '--silent', script], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 600_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error) throw new StepFailure(`npm run ${script}`, result.error.message, output);
  if (result.status !== 0)
    throw new StepFailure(`npm run ${script}`, `exit ${result.status ?? result.signal}`, output);
  const match = expect.exec(output);
  if (!match) throw new StepFailure(`npm run ${script}`, `output does not match ${expect}`, output);
  log(`npm run ${script}: ${match[0].trim()}`);
  return match;
}

/**
 * The node process of `group` running the script `script` (Linux /proc): the Klik server under `npm start`
 * (npm → sh -c → node scripts/start.mjs, which runs the API in-process; the shell's command line names the script
 * too, so the program must be node).
 */
function nodeProcessInGroup(group, script) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so read after the last ')'.
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      const [program, ...args] = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (pgrp === group && /(^|\/)node$/.test(program) && args.some((arg) => arg.endsWith(script)))
        return Number(entry);
    } catch {
      // The process ended while being read.
    }
  }
  return null;
}

/** `npm start` in its own process group, as in a terminal; resolves once it is healthy and has printed its banner. */
async function startKlik(env, baseUrl) {
  const child = spawn('npm', ['start'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const server = {
    output: () => output,
    running: () => child.exitCode === null && child.signalCode === null,
    /**
     * SIGINT to the Klik process only: Ctrl+C in a terminal signals npm too, and npm then ends by re-raising the
     * signal whatever Klik did, which would hide Klik's own exit code. npm start's exit code is then Klik's.
     */
    async interrupt(timeoutMs = 60_000) {
      const klik = nodeProcessInGroup(child.pid, 'scripts/start.mjs');
      if (!klik) throw new StepFailure('SIGINT', 'no node scripts/start.mjs process under npm start', output);
      process.kill(klik, 'SIGINT');
      const timer = setTimeout(() => server.kill(), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
    kill() {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    },
  };
  const deadline = Date.now() + 600_000; // npm start builds first; cached in CI, a few minutes cold
  for (;;) {
    if (!server.running())
      throw new StepFailure(
        'npm start',
        `exited during start-up (${child.exitCode ?? child.signalCode})`,
        output,
      );
    if (Date.now() > deadline) {
      server.kill();
      throw new StepFailure('npm start', 'not healthy within 10 minutes', output);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok && output.includes('is running on')) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Logs in through the API and returns a JSON getter carrying the session cookie. */
async function login(baseUrl, email, password) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new StepFailure('login', `${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  return async (path) => {
    const reply = await fetch(`${baseUrl}/api${path}`, { headers: { cookie } });
    if (!reply.ok) throw new StepFailure(`GET ${path}`, `${reply.status} ${await reply.text()}`);
    return reply.json();
  };
}

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    console.error(
      'ci-postgres-smoke: set DATABASE_URL to a PostgreSQL server (a fresh database is made on it)',
    );
    process.exit(2);
  }
  const name = `klik_smoke_${Date.now().toString(36)}_${process.pid}`;
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${name}`;
  const folder = mkdtempSync(join(tmpdir(), 'klik-ci-smoke-'));
  const checkpointDir = join(folder, 'audit');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const { NODE_ENV: _nodeEnv, ...inherited } = process.env;
  const env = {
    ...inherited,
    DATABASE_URL: databaseUrl.toString(),
    KLIK_DATA_DIR: join(folder, 'data'),
    KLIK_AUDIT_CHECKPOINT_DIR: checkpointDir,
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  let server = null;
  await sql(serverUrl, `CREATE DATABASE ${name}`);
  log(`created database ${name}; data and checkpoints in ${folder}`);
  try {
    npmRun('migration:status', env, /migrations are pending/);
    const [, appliedList] = npmRun('migration:run', env, /applied: (.+)/);
    const applied = appliedList.split(', ');
    npmRun('migration:status', env, /all migrations applied/);

    server = await startKlik(env, baseUrl);
    const banner = server.output();
    if (!banner.includes('Database: PostgreSQL (DATABASE_URL)'))
      throw new StepFailure('npm start', 'the banner does not say PostgreSQL', banner);
    const password = /Demo logins \(password "([^"]+)"\)/.exec(banner)?.[1];
    const researcher = /^\s+(\S+@\S+)\s+researcher\s*$/m.exec(banner)?.[1];
    if (!password || !researcher)
      throw new StepFailure('npm start', 'no demo researcher login printed', banner);
    log(`npm start: healthy on ${baseUrl}, demo researcher ${researcher}`);

    const get = await login(baseUrl, researcher, password);
    const health = await get('/health');
    if (health.status !== 'ok') throw new StepFailure('GET /health', `status ${JSON.stringify(health)}`);
    const { items: studies } = await get('/studies');
    // A study's title is one text per language (issue 11): { nl, en }.
    const demo = studies.find((study) => Object.values(study.title).some((title) => title.includes('(demo)')));
    if (!demo)
      throw new StepFailure(
        'GET /studies',
        `no demo study in ${JSON.stringify(studies.map((s) => s.title))}`,
      );
    const participants = await get(`/studies/${demo.id}/participants?limit=1000`);
    const codes = new Set(participants.items.map((participant) => participant.code));
    // The demo seed: DEMO-001… enrolled without answers (DEMO-001 has the printed link) and the generated clients.
    if (participants.total < 100 || !codes.has('DEMO-001') || !codes.has('KLIK-0001'))
      throw new StepFailure(
        'GET participants',
        `expected the demo's participants (DEMO-001, KLIK-0001, at least 100), got ${participants.total}`,
      );
    log(`the researcher sees "${demo.title.en}" with ${participants.total} participants`);

    const { code, signal } = await server.interrupt();
    if (code !== 0 || !server.output().includes('SIGINT: stopping Klik'))
      throw new StepFailure(
        'SIGINT',
        `npm start ended with ${code ?? signal}, not a clean stop`,
        server.output(),
      );
    const checkpointFile = join(checkpointDir, 'audit-checkpoints.jsonl');
    const checkpoints = existsSync(checkpointFile)
      ? readFileSync(checkpointFile, 'utf8').trim().split('\n')
      : [];
    if (checkpoints.length === 0 || checkpoints[0] === '')
      throw new StepFailure(
        'SIGINT',
        `the shutdown signed no audit checkpoint in ${checkpointFile}`,
        server.output(),
      );
    log(`npm start stopped cleanly on SIGINT; ${checkpoints.length} signed checkpoint(s)`);
    server = null;

    const intact =
      /^audit log intact: (\d+) entries; the latest checkpoint \(signed [^)]+\) covers seq (\d+)$/m;
    const [, entries, covered] = npmRun('audit:verify', env, intact);
    if (Number(entries) === 0 || covered !== entries)
      throw new StepFailure('npm run audit:verify', `${entries} entries, checkpoint covers seq ${covered}`);

    npmRun('migration:revert', env, /reverted the last migration/);
    npmRun('migration:status', env, /migrations are pending/);
    const [, reapplied] = npmRun('migration:run', env, /applied: (.+)/);
    if (reapplied !== applied[applied.length - 1])
      throw new StepFailure(
        'migration:run',
        `re-applied ${reapplied}, expected ${applied[applied.length - 1]}`,
      );
    npmRun('audit:verify', env, intact);
  } finally {
    server?.kill();
    await sql(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(folder, { recursive: true, force: true });
    log(`dropped database ${name}`);
  }
}

main().then(
  () => console.log(`ci-postgres-smoke: passed (${elapsed()})`),
  (error) => {
    if (error instanceof StepFailure) {
      console.error(`ci-postgres-smoke: FAILED at ${error.message}`);
      if (error.output) console.error(`--- output ---\n${error.output.trimEnd()}\n--------------`);
    } else {
      console.error(
        `ci-postgres-smoke: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    process.exit(1);
  },
);
