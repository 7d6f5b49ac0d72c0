// Analysis endpoints benchmark (issue 5): every analysis endpoint on a study of 10,000 clients with 12 sessions each,
// timed over HTTP against a plain SQL read of the same rows, measured in the same run.
//
// Runs the built API (apps/api/dist; build it first with `npm run build` or `npx nx run api:build`) on a fresh
// embedded database in a temporary KLIK_DATA_DIR, or on a fresh database created on the PostgreSQL server named by
// DATABASE_URL. The study is generated with SQL: a pool of clients from the seeded demo generator (12 sessions each,
// every answer scored by libs/survey-model, so scores, subscales and content flags are real) is loaded into a scratch
// table, and generate_series copies it to 10,000 participants (responses with their answers, and scores): per client
// PHQ-9 and GAD-7 at baseline and end, and per session klik-checkin, klik-alliance, klik-disclosure and the
// practitioner's klik-session-log. Then each endpoint is called through a listening server with fetch
// (BENCH_REPEATS calls, median: the median discounts the first call's warm-up), and so is the baseline, measured in
// the same run: the same rows read with one plain SQL query (the score rows of the instruments the endpoint reads,
// every column it could use; for scale quality the responses' answers).
//
//   node apps/api/bench/analyses.bench.mjs
//   BENCH_CLIENTS=2000 BENCH_REPEATS=5 node apps/api/bench/analyses.bench.mjs
import {
  insertInstitution,
  insertMember,
  insertStudy,
  requireApi,
  requireDist,
  startApi,
} from './support.mjs';

const { generateDemoData } = requireDist('demo/demo-data.js');
const { PasswordService } = requireDist('auth/password.service.js');
const { getInstrument, scoreAnswers } = requireApi('@klik/survey-model');
const { DataSource } = requireApi('typeorm');

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10_000);
const SESSIONS = 12;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
/** Distinct generated clients; the 10,000 participants cycle through them. */
const POOL = Math.min(500, CLIENTS);
const PRACTITIONERS = 20;
const COHORTS = ['Site A', 'Site B', 'Site C', 'Site D'];
const PASSWORD = 'bench-password-not-secret';
const SESSION_INSTRUMENTS = ['klik-checkin', 'klik-alliance', 'klik-disclosure', 'klik-session-log'];
const OUTCOMES = ['phq-9', 'gad-7'];
const log = (...args) => console.log('[analyses]', ...args);

/** One pool row: the answers of one client (pool index) at one visit, and their score from survey-model. */
function poolRow(client, visit, session, instrumentId, answers) {
  const score = scoreAnswers(getInstrument(instrumentId, '1.0.0'), answers);
  return [
    client,
    visit,
    session,
    instrumentId,
    instrumentId === 'klik-session-log' ? 'practitioner' : 'client',
    JSON.stringify(answers),
    score.scoringVersion,
    score.total,
    score.status,
    score.missingReason ?? null,
    score.band,
    score.caseness,
    score.missingCount,
    score.prorated,
    JSON.stringify(score.subscales),
    JSON.stringify(score.derived),
  ];
}

/** The study, its protocol, staff and 10,000 participants with answers and scores, generated in the database. */
async function generateStudy(ds, passwordHash) {
  const started = Date.now();
  const { institutionId, userId: researcher } = await insertInstitution(ds, {
    name: 'Bench',
    slug: 'bench-analyses',
    email: 'researcher@bench.klik.test',
    role: 'researcher',
    passwordHash,
  });
  const practitioners = [];
  for (let i = 0; i < PRACTITIONERS; i++) {
    const email = `practitioner${i}@bench.klik.test`;
    practitioners.push(await insertMember(ds, institutionId, { email, role: 'practitioner' }));
  }
  const visit = (position, key, kind, instruments) => ({
    key,
    kind,
    offsetDays: kind === 'session' ? null : position * 42,
    instruments,
  });
  const {
    studyId,
    cohortIds: cohorts,
    timepointIds: timepoints,
  } = await insertStudy(ds, {
    institutionId,
    createdById: researcher,
    title: 'Bench analyses',
    cohorts: COHORTS,
    timepoints: [
      visit(0, 'baseline', 'baseline', OUTCOMES),
      visit(1, 'session', 'session', SESSION_INSTRUMENTS),
      visit(2, 'end', 'end', OUTCOMES),
    ],
  });

  // The pool: seeded demo clients with exactly 12 sessions, every answer scored by survey-model.
  const plan = generateDemoData({
    seed: 2026,
    clientsPerCohort: [POOL],
    practitioners: 2,
    sessions: [SESSIONS, SESSIONS],
  });
  const rows = [];
  for (const [client, own] of plan.clients.entries()) {
    for (const id of OUTCOMES) rows.push(poolRow(client, 0, null, id, own.baseline[id]));
    for (const session of own.sessions) {
      for (const id of SESSION_INSTRUMENTS) rows.push(poolRow(client, 1, session.number, id, session[id]));
    }
    for (const id of OUTCOMES) rows.push(poolRow(client, 2, null, id, own.end[id]));
  }
  await ds.query(`CREATE TABLE bench_pool (client int, visit int, session int, instrument text, respondent text,
    answers jsonb, scoring_version text, total double precision, status text, missing_reason text, band text,
    caseness boolean, missing_count int, prorated boolean, subscales jsonb, derived jsonb)`);
  const columns = 16;
  for (let from = 0; from < rows.length; from += 400) {
    const chunk = rows.slice(from, from + 400);
    const values = chunk.map(
      (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(', ')})`,
    );
    await ds.query(`INSERT INTO bench_pool VALUES ${values.join(', ')}`, chunk.flat());
  }
  log(
    `  pool of ${POOL} scored clients (${rows.length.toLocaleString('en')} responses) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  await ds.query(
    `INSERT INTO participants (institution_id, study_id, cohort_id, code, practitioner_id, created_by_id, enrolled_at)
     SELECT $1, $2, ($3::uuid[])[1 + g % $4], 'BENCH-' || lpad(g::text, 5, '0'), ($5::uuid[])[1 + g % $6], $7,
            timestamptz '2026-01-05 09:00+00' + g * interval '1 minute'
       FROM generate_series(0, $8 - 1) AS g`,
    [
      institutionId,
      studyId,
      cohorts,
      cohorts.length,
      practitioners,
      practitioners.length,
      researcher,
      CLIENTS,
    ],
  );
  const perClient = rows.length / POOL;
  const chunkSize = 1000;
  for (let from = 0; from < CLIENTS; from += chunkSize) {
    // Responses and scores of 1,000 participants at a time, copied from their pool client.
    await ds.query(
      `WITH source AS (
         SELECT p.id AS participant_id, p.practitioner_id, b.*, gen_random_uuid() AS response_id
           FROM participants p
           JOIN bench_pool b ON b.client = substring(p.code from 7)::int % $4
          WHERE p.study_id = $2 AND substring(p.code from 7)::int BETWEEN $5 AND $6),
       r AS (
         INSERT INTO responses (id, institution_id, study_id, participant_id, timepoint_id, session_number, respondent,
                                respondent_user_id, instrument_id, instrument_version, language, answers, status,
                                updated_at, submitted_at)
         SELECT response_id, $1, $2, participant_id, ($3::uuid[])[visit + 1], session, respondent,
                CASE WHEN respondent = 'practitioner' THEN practitioner_id END, instrument, '1.0.0', 'en', answers,
                'submitted', now(), timestamptz '2026-01-05 09:00+00' + (visit * 14 + coalesce(session, 0) * 7) * interval '1 day'
           FROM source
         RETURNING id)
       INSERT INTO scores (institution_id, response_id, study_id, participant_id, timepoint_id, session_number, respondent,
                           instrument_id, instrument_version, scoring_version, total, status, missing_reason, band,
                           caseness, missing_count, prorated, subscales, derived)
       SELECT $1, response_id, $2, participant_id, ($3::uuid[])[visit + 1], session, respondent, instrument, '1.0.0',
              scoring_version, total, status, missing_reason, band, caseness, missing_count, prorated, subscales, derived
         FROM source`,
      [institutionId, studyId, timepoints, POOL, from, Math.min(from + chunkSize, CLIENTS) - 1],
    );
    const done = Math.min(from + chunkSize, CLIENTS);
    if (done % 2000 === 0 || done === CLIENTS) {
      log(
        `  generated ${done.toLocaleString('en')} / ${CLIENTS.toLocaleString('en')} clients ` +
          `(${(done * perClient).toLocaleString('en')} responses and scores, ${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
  }
  await ds.query('DROP TABLE bench_pool');
  await ds.query('ANALYZE');
  return { institutionId, studyId, email: 'researcher@bench.klik.test' };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Median of REPEATS timed calls. */
async function time(run) {
  const samples = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(samples);
}

async function main() {
  const api = await startApi({ name: 'bench_analyses', log, env: { KLIK_COOKIE_SECURE: 'false' } });
  const { klik } = api;
  const results = [];
  try {
    const ds = klik.app.get(DataSource);
    log(`generating ${CLIENTS.toLocaleString('en')} clients x ${SESSIONS} sessions`);
    const hash = await klik.app.get(PasswordService).hash(PASSWORD);
    const { institutionId, studyId, email } = await generateStudy(ds, hash);
    await klik.app.listen(0, '127.0.0.1');
    // The SQL baseline between two calls can outlast Node's 5 s keep-alive, and fetch would reuse a closed socket.
    klik.app.getHttpServer().keepAliveTimeout = 120_000;
    const base = `http://127.0.0.1:${klik.app.getHttpServer().address().port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get('set-cookie').split(';')[0];
    const get = async (query) => {
      const response = await fetch(`${base}/api/studies/${studyId}/analyses/${query}`, {
        headers: { cookie },
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${query}: ${response.status} ${text.slice(0, 300)}`);
      return text.length;
    };
    const scoreRows = (instruments) => async () =>
      (
        await ds.query(
          `SELECT s.participant_id, s.timepoint_id, s.session_number, s.instrument_id, s.total, s.subscales, s.derived
             FROM scores s WHERE s.study_id = $1 AND s.institution_id = $2 AND s.instrument_id = ANY($3)`,
          [studyId, institutionId, instruments],
        )
      ).length;
    const answerRows = async () =>
      (
        await ds.query(
          `SELECT participant_id, instrument_id, answers FROM responses
            WHERE study_id = $1 AND institution_id = $2 AND status = 'submitted'`,
          [studyId, institutionId],
        )
      ).length;
    const person = ['klik-alliance', 'klik-disclosure', ...OUTCOMES];
    const cases = [
      ['correlations?method=pearson&adjust=holm', scoreRows(person)],
      ['within-person?x=alliance&y=checkin', scoreRows(['klik-alliance', 'klik-checkin'])],
      ['change?instrument=phq-9', scoreRows(['phq-9'])],
      ['dyads', scoreRows(['klik-disclosure', 'klik-session-log'])],
      ['scatter?x=alliance&y=phq9.change', scoreRows(['klik-alliance', 'phq-9'])],
      ['trajectories?variable=alliance', scoreRows(['klik-alliance'])],
      ['scale-quality', answerRows],
      ['alerts', scoreRows(['klik-alliance', ...OUTCOMES])],
    ];
    log(`timing ${cases.length} endpoints: ${REPEATS} calls each and as many SQL reads, median`);
    for (const [query, baseline] of cases) {
      let rows = 0;
      let bytes = 0;
      const endpointMs = await time(async () => (bytes = await get(query)));
      const baselineMs = await time(async () => (rows = await baseline()));
      results.push({ query, endpointMs, baselineMs, rows, bytes });
      log(
        `  ${query}: ${endpointMs.toFixed(0)} ms (SQL read of ${rows.toLocaleString('en')} rows: ${baselineMs.toFixed(0)} ms)`,
      );
    }
  } finally {
    await api.close();
  }
  const { database } = api;
  console.log(
    `\n${CLIENTS.toLocaleString('en')} clients x ${SESSIONS} sessions on ${database}; median of ${REPEATS} calls`,
  );
  console.log(
    `${'endpoint'.padEnd(42)} ${'median ms'.padStart(10)} ${'baseline ms'.padStart(12)} ${'ratio'.padStart(7)} ${'rows read'.padStart(10)} ${'response KB'.padStart(12)}`,
  );
  for (const r of results) {
    console.log(
      `${r.query.padEnd(42)} ${r.endpointMs.toFixed(0).padStart(10)} ${r.baselineMs.toFixed(0).padStart(12)} ${(r.endpointMs / r.baselineMs).toFixed(1).padStart(7)} ${r.rows.toLocaleString('en').padStart(10)} ${(r.bytes / 1024).toFixed(0).padStart(12)}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
