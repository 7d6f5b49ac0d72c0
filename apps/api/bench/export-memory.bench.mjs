// Export memory benchmark (issue 6): does an export's memory stay flat from 10,000 to 1,000,000 response rows?
//
// Runs the built API (apps/api/dist; build it first with `npm run build` or `npx nx run api:build`) on a fresh
// embedded database in a temporary KLIK_DATA_DIR, or on a fresh database created on the PostgreSQL server named by
// DATABASE_URL. For each size it generates a study with SQL (generate_series: 100 submitted, scored responses per
// participant, a PHQ-9 at baseline and the alliance scale at 99 sessions), runs a default export (every format,
// scores, shifted dates, k = 5 over cohort) and samples process.memoryUsage() every 50 ms while it runs.
//
//   node apps/api/bench/export-memory.bench.mjs            (sizes 10000 and 1000000)
//   BENCH_EXPORT_SIZES=10000,100000 node apps/api/bench/export-memory.bench.mjs
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { insertInstitution, insertStudy, requireApi, requireDist, startApi } from './support.mjs';

// Live heap is measured after forced collections: without --expose-gc, run again with it.
if (typeof global.gc !== 'function') {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(child.status ?? 1);
}

const { ExportsService } = requireDist('exports/exports.service.js');
const { ExportJobService } = requireDist('exports/export-job.service.js');
const { DataSource } = requireApi('typeorm');

const ROWS_PER_PARTICIPANT = 100;
const SIZES = (process.env.BENCH_EXPORT_SIZES ?? '10000,1000000').split(',').map(Number);
const log = (...args) => console.log('[export-memory]', ...args);
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);

/** A study of `rows` response rows, generated in the database (as the owner, like the demo seed). */
async function generateStudy(ds, rows, label) {
  const participants = Math.ceil(rows / ROWS_PER_PARTICIPANT);
  const { institutionId, userId } = await insertInstitution(ds, {
    name: `bench-${label}`,
    slug: `bench-${label}`,
    email: `bench-${label}@example.test`,
    displayName: 'Bench researcher',
    role: 'researcher',
  });
  const {
    studyId,
    cohortIds: cohorts,
    timepointIds: [baseline, session],
  } = await insertStudy(ds, {
    institutionId,
    createdById: userId,
    title: `Bench ${label}`,
    cohorts: ['Site A', 'Site B'],
    timepoints: [
      { key: 'baseline', kind: 'baseline', offsetDays: 0, instruments: ['phq-9'] },
      { key: 'session', kind: 'session', offsetDays: null, instruments: ['klik-alliance'] },
    ],
  });
  await ds.query(
    `INSERT INTO participants (institution_id, study_id, cohort_id, code, created_by_id, attributes)
     SELECT $1, $2, CASE WHEN g % 2 = 0 THEN $3::uuid ELSE $4::uuid END, 'B-' || g, $5,
            jsonb_build_object('age_band', (ARRAY['18-24','25-34','35-44','45-54','55-64','65+'])[1 + g % 6],
                               'gender', (ARRAY['female','male','other','unknown'])[1 + g % 4])
       FROM generate_series(1, $6) AS g`,
    [institutionId, studyId, cohorts[0], cohorts[1], userId, participants],
  );
  const ids = (
    await ds.query(`SELECT id FROM participants WHERE study_id = $1 ORDER BY code`, [studyId])
  ).map((r) => r.id);
  const phq = JSON.stringify(Object.fromEntries([...Array(9)].map((_, i) => [`phq9_${i + 1}`, i % 4])));
  const alliance = JSON.stringify({ note: 'generated' });
  const subscales = JSON.stringify({
    bond: { value: 3.5, status: 'complete', missingCount: 0, prorated: false },
  });
  let done = 0;
  for (let from = 0; from < ids.length; from += 500) {
    const chunk = ids.slice(from, from + 500);
    // Responses and scores for 500 participants at a time: one baseline and 99 sessions each.
    await ds.query(
      `WITH r AS (
         INSERT INTO responses (institution_id, study_id, participant_id, timepoint_id, session_number, respondent,
                                instrument_id, instrument_version, language, answers, status, submitted_at)
         SELECT $1, $2, p, CASE WHEN s = 0 THEN $3::uuid ELSE $4::uuid END, NULLIF(s, 0), 'client',
                CASE WHEN s = 0 THEN 'phq-9' ELSE 'klik-alliance' END, '1.0.0', 'en',
                CASE WHEN s = 0 THEN $5::jsonb ELSE $6::jsonb END, 'submitted',
                timestamptz '2026-01-05 09:00+00' + (s * 7) * interval '1 day' + (hashtext(p::text) % 50) * interval '1 day'
           FROM unnest($7::uuid[]) AS p, generate_series(0, ${ROWS_PER_PARTICIPANT - 1}) AS s
         RETURNING id, participant_id, timepoint_id, session_number, instrument_id)
       INSERT INTO scores (institution_id, response_id, study_id, participant_id, timepoint_id, session_number, respondent,
                           instrument_id, instrument_version, scoring_version, total, status, missing_count, prorated,
                           subscales, derived)
       SELECT $1, id, $2, participant_id, timepoint_id, session_number, 'client', instrument_id, '1.0.0', '1.0.0',
              (abs(hashtext(id::text)) % 27), 'complete', 0, false, $8::jsonb, '{}'::jsonb
         FROM r`,
      [institutionId, studyId, baseline, session, phq, alliance, chunk, subscales],
    );
    done += chunk.length * ROWS_PER_PARTICIPANT;
    if (from % 5000 === 0 || from + 500 >= ids.length)
      log(`  generated ${done.toLocaleString('en')} / ${rows.toLocaleString('en')} rows`);
  }
  await ds.query('ANALYZE');
  return {
    auth: { sessionId: 'bench', userId, institutionId, role: 'researcher' },
    studyId,
  };
}

async function measure(klik, rows) {
  const ds = klik.app.get(DataSource);
  log(
    `generating ${rows.toLocaleString('en')} response rows (${Math.ceil(rows / ROWS_PER_PARTICIPANT).toLocaleString('en')} participants)`,
  );
  const { auth, studyId } = await generateStudy(ds, rows, String(rows));
  global.gc();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  let peakLive = base.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 50);
  // Once a second: what is still reachable after a full collection (the heap the export really holds).
  const live = setInterval(() => {
    global.gc();
    peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
  }, 1000);
  const started = process.hrtime.bigint();
  const created = await klik.app.get(ExportsService).create(auth, studyId, {});
  let lastPrint = 0;
  const jobs = klik.app.get(ExportJobService);
  const progress = setInterval(async () => {
    const status = await klik.app
      .get(ExportsService)
      .get(auth, studyId, created.id)
      .catch(() => null);
    if (status && Date.now() - lastPrint > 5000) {
      lastPrint = Date.now();
      log(
        `  export ${status.status}: ${status.progress.rowsDone.toLocaleString('en')} / ${status.progress.rowsTotal.toLocaleString('en')} rows`,
      );
    }
  }, 1000);
  await jobs.idle();
  clearInterval(progress);
  clearInterval(sampler);
  clearInterval(live);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const result = await klik.app.get(ExportsService).get(auth, studyId, created.id);
  if (result.status !== 'complete') throw new Error(`export ${result.status}: ${result.error}`);
  return {
    rows,
    seconds,
    rowCount: result.rowCount,
    bytes: result.files.reduce((sum, f) => sum + f.size, 0),
    baseRss: base.rss,
    peakRss,
    peakHeap,
    baseHeap: base.heapUsed,
    peakLive,
    growthRss: peakRss - base.rss,
  };
}

async function main() {
  const api = await startApi({ name: 'bench_export', log });
  const { klik } = api;
  const results = [];
  try {
    for (const rows of SIZES) results.push(await measure(klik, rows));
  } finally {
    await api.close();
  }
  console.log(
    '\nrows        seconds  rows/s   files MB  RSS before  peak RSS  RSS growth  heap before  peak heap  peak live heap (MB)',
  );
  for (const r of results) {
    const cells = [
      r.rows.toLocaleString('en').padEnd(11),
      r.seconds.toFixed(1).padStart(7),
      String(Math.round(r.rows / r.seconds)).padStart(6),
      mb(r.bytes).padStart(8),
      mb(r.baseRss).padStart(10),
      mb(r.peakRss).padStart(8),
      mb(r.growthRss).padStart(10),
      mb(r.baseHeap).padStart(11),
      mb(r.peakHeap).padStart(9),
      mb(r.peakLive).padStart(14),
    ];
    console.log(cells.join('  '));
  }
  if (results.length >= 2) {
    const [small, large] = [results[0], results[results.length - 1]];
    console.log(
      `\ngrowth ratio ${large.rows.toLocaleString('en')} / ${small.rows.toLocaleString('en')} rows (${(large.rows / small.rows).toFixed(0)}x the data): ` +
        `peak RSS ${(large.peakRss / small.peakRss).toFixed(2)}x, peak heap ${(large.peakHeap / small.peakHeap).toFixed(2)}x, ` +
        `peak live heap ${(large.peakLive / small.peakLive).toFixed(2)}x`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
