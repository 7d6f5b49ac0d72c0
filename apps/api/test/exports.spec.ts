import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { getInstrument, validateAnswers } from '@klik/survey-model';
import { exportCode } from '../src/exports/pseudonym';
import { ScoredResponseWriter } from '../src/responses/scored-response.writer';
import { validAnswers } from './answers';
import {
  createRecruitingStudy,
  createTestApp,
  login,
  safetyContact,
  seedInstitution,
  type SeededInstitution,
  type TestApp,
  unique,
} from './test-app';

/**
 * Issue 6, export: de-identified, streamed exports through the HTTP API on a real database. Participants are
 * enrolled through the API (with attributes), their answers stored with the real scoring writer, and their answer
 * dates set to known days so the date shift can be checked.
 */

interface StudyWorld {
  studyId: string;
  cohortIds: string[];
  participants: { id: string; code: string }[];
}

const DAY = 86_400_000;
const BASE = Date.parse('2026-02-02T10:00:00Z');
const ATTRIBUTES = [
  { age_band: '25-34', gender: 'female' },
  { age_band: '25-34', gender: 'male' },
  { age_band: '35-44', gender: 'female' },
  { age_band: '45-54', gender: 'other' },
];

describe('exports', () => {
  let t: TestApp;
  let a: SeededInstitution;
  let b: SeededInstitution;
  let researcher: TestAgent;
  let practitioner: TestAgent;
  let outsider: TestAgent;
  let dataDir: string;
  let first: StudyWorld;
  let second: StudyWorld;

  const secretOf = async (studyId: string) =>
    (
      (await t.dataSource.query(`SELECT secret FROM study_export_secrets WHERE study_id = $1`, [
        studyId,
      ])) as { secret: Buffer }[]
    )[0]?.secret;
  const exportCount = async () =>
    ((await t.dataSource.query(`SELECT count(*)::int AS n FROM exports`)) as { n: number }[])[0].n;

  /** Starts an export and waits for the background job to finish. */
  async function runExport(studyId: string, options: Record<string, unknown> = {}) {
    const started = await researcher.post(`/api/studies/${studyId}/exports`).send(options).expect(202);
    expect(started.body.status).toBe('queued');
    for (let i = 0; i < 300; i++) {
      const status = await researcher.get(`/api/studies/${studyId}/exports/${started.body.id}`).expect(200);
      if (status.body.status === 'complete' || status.body.status === 'failed') {
        expect(status.body).toMatchObject({ status: 'complete', error: null });
        return status.body as {
          id: string;
          files: { name: string; size: number; sha256: string; url: string }[];
          report: { suppression: { participants: number }; generalisations: unknown[]; k: number };
          rowCount: number;
          progress: { rowsDone: number; rowsTotal: number };
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('export did not finish');
  }

  const download = async (url: string) =>
    (await researcher.get(url).buffer(true).parse(binary).expect(200)).body as Buffer;
  /** A supertest parser that keeps the body as bytes (CSV, scripts), so hashes and ranges compare exactly. */
  const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
    const stream = res as unknown as NodeJS.ReadableStream;
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => done(null, Buffer.concat(chunks)));
  };
  const csvOf = async (url: string) =>
    parse(await download(url), { columns: true }) as Record<string, string>[];

  /** A recruiting study (PHQ-9 at baseline, the alliance scale per session) with eight participants and answers. */
  async function buildStudy(policy: 'erase_responses' | 'erase_link', codes: string[]): Promise<StudyWorld> {
    const {
      studyId,
      cohortIds,
      timepointIds: [baselineId, sessionId],
    } = await createRecruitingStudy(researcher, unique('export'), policy);
    const participants: { id: string; code: string }[] = [];
    for (const [i, code] of codes.entries()) {
      const enrolled = await researcher
        .post(`/api/studies/${studyId}/participants`)
        .send({ cohortId: cohortIds[i % 2], code, attributes: ATTRIBUTES[i % ATTRIBUTES.length] })
        .expect(201);
      participants.push({ id: enrolled.body.id, code });
    }
    const writer = t.app.get(ScoredResponseWriter);
    await t.dataSource.transaction(async (m) => {
      for (const [i, participant] of participants.entries()) {
        const key = {
          institutionId: a.institution.id,
          studyId,
          participantId: participant.id,
          invitationId: null,
          respondent: 'client' as const,
          respondentUserId: null,
        };
        const visits = [
          { timepointId: baselineId, sessionNumber: null, instrument: 'phq-9', day: 0 },
          ...[1, 2, 3].map((n) => ({
            timepointId: sessionId,
            sessionNumber: n,
            instrument: 'klik-alliance',
            day: 7 * n,
          })),
        ];
        for (const visit of visits) {
          const { response } = await writer.write(
            m,
            { ...key, timepointId: visit.timepointId, sessionNumber: visit.sessionNumber },
            getInstrument(visit.instrument, '1.0.0'),
            'en',
            validAnswers(visit.instrument, i + visit.day),
          );
          // Known answer days: participant i starts i days after BASE, and comes weekly.
          await m.query(`UPDATE responses SET submitted_at = $2 WHERE id = $1`, [
            response.id,
            new Date(BASE + (i + visit.day) * DAY + i * 3_600_000),
          ]);
        }
      }
    });
    return { studyId, cohortIds, participants };
  }

  beforeAll(async () => {
    // A hidden folder, as the default `./.klik` is: downloads must work from there.
    dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'klik-exports-')), '.klik');
    t = await createTestApp({ KLIK_DATA_DIR: dataDir });
    a = await seedInstitution(t.dataSource, unique('exp-a'));
    b = await seedInstitution(t.dataSource, unique('exp-b'));
    researcher = t.agent();
    await login(researcher, a.users.researcher.email);
    practitioner = t.agent();
    await login(practitioner, a.users.practitioner.email);
    outsider = t.agent();
    await login(outsider, b.users.researcher.email);
    const codes = Array.from({ length: 12 }, (_, i) => `${unique('EXP')}-${i}`);
    first = await buildStudy('erase_responses', codes);
    // The same participants, set up the same way, in another study (codes are unique per study only).
    second = await buildStudy('erase_link', codes);
  });
  afterAll(async () => {
    await t.close();
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('writes every format by default, with no direct identifier or internal id in any file', async () => {
    const done = await runExport(first.studyId);
    expect(done.files.map((f) => f.name).sort()).toEqual(
      [
        'codebook.json',
        'codebook.md',
        'klik-export.R',
        'klik-export.sps',
        'klik-long.csv',
        'klik-wide.csv',
      ].sort(),
    );
    expect(done.rowCount).toBe(12 * 4);
    expect(done.progress).toEqual({ rowsDone: 48, rowsTotal: 48 });
    const secret = (await secretOf(first.studyId)) as Buffer;
    expect(secret).toHaveLength(32);
    const userIds = Object.values(a.users).map((u) => u.user.id);
    const emails = Object.values(a.users).map((u) => u.email);
    const forbidden = [
      ...first.participants.flatMap((p) => [p.id, p.code]),
      first.studyId,
      ...first.cohortIds,
      a.institution.id,
      ...userIds,
      ...emails,
      secret.toString('hex'),
      secret.toString('base64'),
    ];
    const internal = (await t.dataSource.query(
      `SELECT id FROM responses WHERE study_id = $1 UNION ALL SELECT id FROM scores WHERE study_id = $1
       UNION ALL SELECT id FROM timepoints WHERE study_id = $1`,
      [first.studyId],
    )) as { id: string }[];
    expect(internal.length).toBe(12 * 4 * 2 + 2);
    forbidden.push(...internal.map((r) => r.id));
    for (const file of done.files) {
      const text = (await download(file.url)).toString('utf8').toLowerCase();
      expect(text.length).toBeGreaterThan(0);
      for (const value of forbidden) {
        if (text.includes(value.toLowerCase())) throw new Error(`${file.name} contains ${value}`);
      }
    }
    // Nothing else in the export folder than the listed files.
    expect(done.files.every((f) => f.url.endsWith(encodeURIComponent(f.name)))).toBe(true);
  });

  it('gives each participant an HMAC code that is stable across exports of a study and differs in another study', async () => {
    const one = await csvOf(
      (await runExport(first.studyId)).files.find((f) => f.name === 'klik-wide.csv')?.url as string,
    );
    const two = await csvOf(
      (await runExport(first.studyId)).files.find((f) => f.name === 'klik-wide.csv')?.url as string,
    );
    const other = await csvOf(
      (await runExport(second.studyId)).files.find((f) => f.name === 'klik-wide.csv')?.url as string,
    );
    const codes = (rows: Record<string, string>[]) => rows.map((r) => r.participant).sort();
    expect(codes(one)).toHaveLength(12);
    expect(codes(one)).toEqual(codes(two));
    expect(codes(one).every((code) => /^P-[0-9A-F]{16}$/.test(code))).toBe(true);
    expect(codes(other)).toHaveLength(12);
    expect(codes(other).filter((code) => codes(one).includes(code))).toEqual([]);
    // The code is the keyed hash of the participant's id under the study's secret.
    const secret = (await secretOf(first.studyId)) as Buffer;
    expect(codes(one)).toEqual(first.participants.map((p) => exportCode(secret, p.id)).sort());
    expect(one[0]).toHaveProperty('phq9_total_baseline');
    expect(one[0]).toHaveProperty('klik_alliance_total_session_s3');
  });

  it('shifts all dates of a participant by the same number of days, different across participants', async () => {
    const done = await runExport(first.studyId, { formats: ['long_csv'] });
    const rows = await csvOf(done.files[0].url);
    const secret = (await secretOf(first.studyId)) as Buffer;
    const offsets = first.participants.map((p, i) => {
      const mine = rows.filter((r) => r.participant === exportCode(secret, p.id));
      expect(mine).toHaveLength(4);
      const shifts = mine.map((r) => {
        const day = r.timepoint === 'baseline' ? 0 : 7 * Number(r.session);
        const truth = new Date(BASE + (i + day) * DAY + i * 3_600_000).toISOString().slice(0, 10);
        expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        return Math.round((Date.parse(r.date) - Date.parse(truth)) / DAY);
      });
      expect(new Set(shifts).size).toBe(1);
      expect(Math.abs(shifts[0])).toBeLessThanOrEqual(180);
      return shifts[0];
    });
    expect(new Set(offsets).size).toBeGreaterThan(6);

    const relative = await csvOf(
      (await runExport(first.studyId, { formats: ['long_csv'], dates: 'days_since_baseline' })).files[0].url,
    );
    expect(relative[0]).not.toHaveProperty('date');
    expect([...new Set(relative.map((r) => `${r.timepoint}:${r.session}:${r.days}`))].sort()).toEqual([
      'baseline::0',
      'session:1:7',
      'session:2:14',
      'session:3:21',
    ]);
  });

  it('checks k-anonymity over the declared quasi-identifiers and reports what it changed', async () => {
    for (const k of [2, 3, 5]) {
      const done = await runExport(first.studyId, {
        formats: ['wide_csv', 'codebook_md'],
        quasiIdentifiers: ['cohort', 'age_band', 'gender'],
        k,
      });
      const rows = await csvOf(done.files.find((f) => f.name === 'klik-wide.csv')?.url as string);
      const classes = new Map<string, number>();
      for (const r of rows)
        classes.set(
          `${r.cohort}|${r.age_band}|${r.gender}`,
          (classes.get(`${r.cohort}|${r.age_band}|${r.gender}`) ?? 0) + 1,
        );
      for (const n of classes.values()) expect(n).toBeGreaterThanOrEqual(k);
      expect(rows.length + done.report.suppression.participants).toBe(12);
      expect(done.report.k).toBe(k);
      const md = (await download(done.files.find((f) => f.name === 'codebook.md')?.url as string)).toString();
      expect(md).toContain(`k = ${k}`);
      if (k === 5) {
        // 12 participants in 2 cohorts × 4 attribute sets cannot keep cohort, age and gender at k = 5.
        expect(done.report.generalisations).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ changed: expect.arrayContaining([expect.anything()]) }),
          ]),
        );
        expect(md).toMatch(/→ (any|18-34|35-54)/);
      }
    }
  });

  it('refuses k = 1, item-level answers with dates but no quasi-identifiers, and unknown formats, storing nothing', async () => {
    const before = await exportCount();
    const k1 = await researcher.post(`/api/studies/${first.studyId}/exports`).send({ k: 1 }).expect(400);
    expect(k1.body.errors).toEqual([
      expect.objectContaining({ field: 'k', messages: [expect.stringMatching(/at least 2/)] }),
    ]);
    const items = await researcher
      .post(`/api/studies/${first.studyId}/exports`)
      .send({ content: ['scores', 'items'], quasiIdentifiers: [] })
      .expect(400);
    expect(items.body.errors).toEqual([expect.objectContaining({ field: 'quasiIdentifiers' })]);
    await researcher
      .post(`/api/studies/${first.studyId}/exports`)
      .send({ formats: ['xlsx'] })
      .expect(400);
    // Without dates the same content is allowed (nothing to link on), as is an explicit quasi-identifier.
    expect(await exportCount()).toBe(before);
    await runExport(first.studyId, {
      content: ['scores', 'items'],
      quasiIdentifiers: [],
      dates: 'none',
      formats: ['long_csv'],
    });
  });

  it('defuses free text and cohort names that start like a formula in both CSVs, quoted, and keeps a negative score a number', async () => {
    // The finding: free text starting with a minus and a digit reached the CSV unescaped (OWASP CSV injection).
    const payload = "-2+3+cmd|' /C calc'!A0";
    const cohortName = '=HYPERLINK("http://evil","x")';
    const study = await researcher
      .post('/api/studies')
      .send({
        title: unique('formula'),
        languages: ['nl', 'en'],
        withdrawalPolicy: 'erase_responses',
        consentText: { nl: 'Ja', en: 'Yes' },
      })
      .expect(201);
    const studyId = study.body.id as string;
    const cohort = await researcher
      .post(`/api/studies/${studyId}/cohorts`)
      .send({ name: cohortName })
      .expect(201);
    const protocol = await researcher
      .put(`/api/studies/${studyId}/protocol`)
      .send({
        timepoints: [
          {
            key: 'baseline',
            label: { nl: 'Begin', en: 'Baseline' },
            kind: 'baseline',
            offsetDays: 0,
            instruments: [{ instrumentId: 'phq-9', instrumentVersion: '1.0.0', respondent: 'client' }],
          },
          {
            key: 'session',
            label: { nl: 'Sessie', en: 'Session' },
            kind: 'session',
            instruments: [
              { instrumentId: 'klik-disclosure', instrumentVersion: '1.0.0', respondent: 'client' },
            ],
          },
        ],
      })
      .expect(200);
    const [baselineId, sessionId] = (protocol.body.timepoints as { id: string }[]).map((tp) => tp.id);
    await researcher.patch(`/api/studies/${studyId}`).send({ status: 'recruiting', ...(await safetyContact(researcher)) }).expect(200);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const enrolled = await researcher
        .post(`/api/studies/${studyId}/participants`)
        .send({ cohortId: cohort.body.id, code: `${unique('FML')}-${i}` })
        .expect(201);
      ids.push(enrolled.body.id);
    }
    // Disclosure of "other" content, described in the participant's own words (the free-text item).
    const disclosure = getInstrument('klik-disclosure', '1.0.0');
    const texts = [payload, 'Talked about my own recovery', "@SUM(1+1)*cmd|' /C calc'!A0"];
    const writer = t.app.get(ScoredResponseWriter);
    await t.dataSource.transaction(async (m) => {
      for (const [i, participantId] of ids.entries()) {
        const key = {
          institutionId: a.institution.id,
          studyId,
          participantId,
          invitationId: null,
          respondent: 'client' as const,
          respondentUserId: null,
        };
        const answers = {
          ...validAnswers('klik-disclosure', 1),
          kd_frequency: 1,
          kd_content: ['other'],
          kd_content_other: texts[i],
        };
        expect(validateAnswers(disclosure, answers, { language: 'en' }).valid).toBe(true);
        await writer.write(
          m,
          { ...key, timepointId: baselineId, sessionNumber: null },
          getInstrument('phq-9', '1.0.0'),
          'en',
          validAnswers('phq-9', i),
        );
        await writer.write(
          m,
          { ...key, timepointId: sessionId, sessionNumber: 1 },
          disclosure,
          'en',
          answers,
        );
      }
      // A negative value in a numeric column (no instrument here scores below 0, so it is set directly).
      await m.query(`UPDATE scores SET total = -3 WHERE participant_id = $1 AND instrument_id = 'phq-9'`, [
        ids[0],
      ]);
    });

    const done = await runExport(studyId, {
      formats: ['long_csv', 'wide_csv'],
      content: ['scores', 'items'],
      includeFreeText: true,
      quasiIdentifiers: ['cohort'],
      k: 2,
    });
    expect(done.report.suppression.participants).toBe(0);
    const secret = (await secretOf(studyId)) as Buffer;
    const code = exportCode(secret, ids[0]);
    const fileUrl = (name: string) => done.files.find((f) => f.name === name)?.url as string;
    const longText = (await download(fileUrl('klik-long.csv'))).toString('utf8');
    const wideText = (await download(fileUrl('klik-wide.csv'))).toString('utf8');
    const long = parse(longText, { columns: true }) as Record<string, string>[];
    const wide = parse(wideText, { columns: true }) as Record<string, string>[];

    const freeText = long.find((r) => r.participant === code && r.instrument === 'klik-disclosure');
    expect(freeText?.klik_disclosure_t_kd_content_other).toBe(`'${payload}`);
    expect(
      long
        .map((r) => r.klik_disclosure_t_kd_content_other)
        .filter(Boolean)
        .sort(),
    ).toEqual([`'${payload}`, `'${texts[2]}`, texts[1]].sort());
    expect(new Set(long.map((r) => r.cohort))).toEqual(new Set([`'${cohortName}`]));
    const mine = wide.find((r) => r.participant === code);
    expect(mine?.klik_disclosure_t_kd_content_other_session_s1).toBe(`'${payload}`);
    expect(new Set(wide.map((r) => r.cohort))).toEqual(new Set([`'${cohortName}`]));
    // Quoted in the file as OWASP asks, so every reader keeps the apostrophe and the text together.
    for (const text of [longText, wideText]) {
      expect(text).toContain(`"'${payload}"`);
      expect(text).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
      expect(text).not.toMatch(/(^|,)-2\+3/m);
    }

    // The negative total stays a number in its numeric column: bare in the file, no apostrophe.
    expect(long.find((r) => r.participant === code && r.instrument === 'phq-9')?.total).toBe('-3');
    expect(mine?.phq9_total_baseline).toBe('-3');
    expect(longText).toMatch(new RegExp(`^${code},.*,-3,`, 'm'));
    expect(wideText).not.toContain("'-3");
  });

  it("answers 404 to another institution's researcher and 403 to a practitioner", async () => {
    const done = await runExport(first.studyId, { formats: ['codebook_json'] });
    const before = await exportCount();
    await outsider.post(`/api/studies/${first.studyId}/exports`).send({}).expect(404);
    await outsider.get(`/api/studies/${first.studyId}/exports`).expect(404);
    await outsider.get(`/api/studies/${first.studyId}/exports/${done.id}`).expect(404);
    await outsider.get(done.files[0].url).expect(404);
    await practitioner.post(`/api/studies/${first.studyId}/exports`).send({}).expect(403);
    await practitioner.get(done.files[0].url).expect(403);
    expect(await exportCount()).toBe(before);
    await researcher
      .get(`/api/studies/${first.studyId}/exports/${done.id}/files/..%2F..%2Fetc%2Fpasswd`)
      .expect(404);
    await researcher.get(`/api/studies/${first.studyId}/exports/${done.id}/files/klik-long.csv`).expect(404);
  });

  it('leaves withdrawn participants out of new exports, under both withdrawal policies', async () => {
    for (const world of [first, second]) {
      const gone = world.participants[0];
      await researcher.post(`/api/studies/${world.studyId}/participants/${gone.id}/withdraw`).expect(200);
      const secret = (await secretOf(world.studyId)) as Buffer;
      const done = await runExport(world.studyId, { formats: ['long_csv', 'wide_csv'] });
      for (const file of done.files) {
        const rows = await csvOf(file.url);
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.map((r) => r.participant)).not.toContain(exportCode(secret, gone.id));
      }
      expect(done.rowCount).toBe(11 * 4);
    }
  });

  it('records export.created in the audit log with the SHA-256 of each downloaded file', async () => {
    const done = await runExport(first.studyId);
    const entries = (await t.dataSource.query(
      `SELECT actor_user_id, details FROM audit_log WHERE action = 'export.created' AND target_id = $1`,
      [done.id],
    )) as {
      actor_user_id: string;
      details: { files: Record<string, string>; rows: number; options: Record<string, unknown> };
    }[];
    expect(entries).toHaveLength(1);
    expect(entries[0].actor_user_id).toBe(a.users.researcher.user.id);
    expect(entries[0].details.rows).toBe(done.rowCount);
    expect(entries[0].details.options).toMatchObject({ k: 5, dates: 'shifted', includeFreeText: false });
    const hashes: Record<string, string> = {};
    for (const file of done.files)
      hashes[file.name] = createHash('sha256')
        .update(await download(file.url))
        .digest('hex');
    expect(entries[0].details.files).toEqual(hashes);
  });

  it('takes age band and gender at enrolment (one by one and by CSV) and refuses other values per field and row', async () => {
    const bad = await researcher
      .post(`/api/studies/${first.studyId}/participants`)
      .send({
        cohortId: first.cohortIds[0],
        attributes: { age_band: '30', gender: 'female', birth_date: '1990-01-01' },
      })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'attributes.age_band',
      'attributes.birth_date',
    ]);
    const csv = `cohort,age_band,gender\nSite A,65+,unknown\nSite B,18-24,x\n`;
    const upload = await researcher
      .post(`/api/studies/${first.studyId}/participants/import`)
      .attach('file', Buffer.from(csv), 'enrol.csv')
      .expect(400);
    expect(upload.body.rows).toEqual([expect.objectContaining({ row: 3, column: 'gender' })]);
    const good = await researcher
      .post(`/api/studies/${first.studyId}/participants/import`)
      .attach('file', Buffer.from('cohort,age_band,gender\nSite A,65+,Female\n'), 'enrol.csv')
      .expect(201);
    expect(good.body.items[0].attributes).toEqual({ age_band: '65+', gender: 'female' });
  });

  it('resumes a download with an HTTP Range request (206 with the requested bytes)', async () => {
    const done = await runExport(first.studyId, { formats: ['long_csv'] });
    const whole = await download(done.files[0].url);
    const part = await researcher
      .get(done.files[0].url)
      .set('Range', 'bytes=100-')
      .buffer(true)
      .parse(binary)
      .expect(206);
    expect(part.headers['content-range']).toBe(`bytes 100-${whole.length - 1}/${whole.length}`);
    expect(part.headers['content-disposition']).toMatch(/^attachment; filename="klik-long.csv"/);
    expect(Buffer.compare(part.body as Buffer, whole.subarray(100))).toBe(0);
  });

  it('marks an export failed, with a reason and no audit entry, when its files cannot be written', async () => {
    // A file where the exports folder should be: the job cannot create its folder.
    rmSync(path.join(dataDir, 'exports'), { recursive: true, force: true });
    writeFileSync(path.join(dataDir, 'exports'), 'not a folder');
    try {
      const started = await researcher.post(`/api/studies/${first.studyId}/exports`).send({}).expect(202);
      let status: { status: string; error: string | null; files: unknown[] } = started.body;
      for (let i = 0; i < 100 && (status.status === 'queued' || status.status === 'running'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = (
          await researcher.get(`/api/studies/${first.studyId}/exports/${started.body.id}`).expect(200)
        ).body;
      }
      expect(status).toMatchObject({ status: 'failed', files: [] });
      expect(status.error).toContain(started.body.id);
      expect(status.error).not.toMatch(/ENOTDIR|EEXIST|\/tmp/);
      const audit = (await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE target_id = $1`,
        [started.body.id],
      )) as { n: number }[];
      expect(audit[0].n).toBe(0);
    } finally {
      rmSync(path.join(dataDir, 'exports'), { force: true });
    }
  });
});
