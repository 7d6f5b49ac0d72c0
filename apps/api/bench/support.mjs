// Shared setup of the API benchmarks (not a benchmark itself: run-all.mjs only runs *.bench.mjs): the built API,
// a fresh database for one run, and the owner-side SQL inserts of a benchmark institution, study and protocol.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// BENCH_API_DIST: another build of the API inside the repository (so that node_modules resolves), default apps/api/dist.
export const dist = path.resolve(process.env.BENCH_API_DIST ?? path.join(here, '../dist'));
// Resolve every package from the built API, so the benches use the same copies (and the built libs) it does.
export const requireApi = createRequire(path.join(dist, 'app-factory.js'));
/** A module of the built API by its path under dist, e.g. `demo/demo-data.js`. */
export const requireDist = (file) => requireApi(path.join(dist, file));

/** With DATABASE_URL: a fresh database `${name}_${pid}` on that server, dropped afterwards; else nothing to do. */
async function freshDatabase(name) {
  const url = process.env.DATABASE_URL;
  if (!url) return { env: {}, drop: async () => undefined };
  const { Client } = requireApi('pg');
  const database = `${name}_${process.pid}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${database}`;
  return {
    env: { DATABASE_URL: target.toString() },
    drop: async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * The built API (production config, no demo seed) on a fresh embedded database in a temporary KLIK_DATA_DIR, or on a
 * fresh database of the PostgreSQL server named by DATABASE_URL. `close()` stops it and removes both.
 */
export async function startApi({ name, log, env = {} }) {
  const { createKlikApp } = requireDist('app-factory.js');
  const { loadConfig } = requireDist('config/app-config.js');
  const dataDir = mkdtempSync(path.join(tmpdir(), `klik-${name.replaceAll('_', '-')}-`));
  const db = await freshDatabase(`klik_${name}`);
  const config = loadConfig({
    NODE_ENV: 'production',
    KLIK_DATA_DIR: dataDir,
    KLIK_SEED_DEMO: 'false',
    KLIK_LOG_LEVEL: 'error',
    KLIK_DB_POOL_SIZE: '4',
    ...env,
    ...db.env,
  });
  const embedded = config.database.kind === 'embedded';
  log(`database: ${embedded ? `embedded PGlite in ${dataDir}` : 'PostgreSQL (fresh database)'}`);
  const klik = await createKlikApp(config);
  return {
    klik,
    database: embedded ? 'PGlite' : 'PostgreSQL',
    close: async () => {
      await klik.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An institution and its first member, inserted as the database owner (like the demo seed). */
export async function insertInstitution(
  ds,
  { name, slug, email, role, displayName = email, passwordHash = null },
) {
  const [institution] = await ds.query(`INSERT INTO institutions (name, slug) VALUES ($1, $2) RETURNING id`, [
    name,
    slug,
  ]);
  const userId = await insertMember(ds, institution.id, { email, role, displayName, passwordHash });
  return { institutionId: institution.id, userId };
}

/** A user with a membership of the institution; returns the user id. */
export async function insertMember(
  ds,
  institutionId,
  { email, role, displayName = email, passwordHash = null },
) {
  const [row] = await ds.query(
    `INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`,
    [email, displayName, passwordHash],
  );
  await ds.query(`INSERT INTO memberships (institution_id, user_id, role) VALUES ($1, $2, $3)`, [
    institutionId,
    row.id,
    role,
  ]);
  return row.id;
}

/**
 * A recruiting study with its cohorts and protocol. `timepoints`: `{ key, kind, offsetDays, instruments }` in order,
 * instruments by id at version 1.0.0 (the practitioner answers klik-session-log, the client everything else).
 */
export async function insertStudy(ds, { institutionId, createdById, title, cohorts, timepoints }) {
  const [study] = await ds.query(
    `INSERT INTO studies (institution_id, title, languages, withdrawal_policy, status, created_by_id)
     VALUES ($1, $2, '{nl,en}', 'erase_responses', 'recruiting', $3) RETURNING id`,
    // The title is one text per language (issue 11).
    [institutionId, JSON.stringify({ nl: title, en: title }), createdById],
  );
  const cohortIds = [];
  for (const name of cohorts) {
    const [row] = await ds.query(
      `INSERT INTO cohorts (institution_id, study_id, name) VALUES ($1, $2, $3) RETURNING id`,
      [institutionId, study.id, name],
    );
    cohortIds.push(row.id);
  }
  const timepointIds = [];
  for (const [position, { key, kind, offsetDays, instruments }] of timepoints.entries()) {
    const [row] = await ds.query(
      `INSERT INTO timepoints (institution_id, study_id, position, key, label, kind, offset_days)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [institutionId, study.id, position, key, JSON.stringify({ nl: key, en: key }), kind, offsetDays],
    );
    for (const [index, instrumentId] of instruments.entries()) {
      await ds.query(
        `INSERT INTO timepoint_instruments (institution_id, study_id, timepoint_id, position, instrument_id, instrument_version, respondent)
         VALUES ($1, $2, $3, $4, $5, '1.0.0', $6)`,
        [
          institutionId,
          study.id,
          row.id,
          index,
          instrumentId,
          instrumentId === 'klik-session-log' ? 'practitioner' : 'client',
        ],
      );
    }
    timepointIds.push(row.id);
  }
  return { studyId: study.id, cohortIds, timepointIds };
}
