import { parse } from 'csv-parse/sync';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { exportCode } from '../src/exports/pseudonym';
import { validAnswers } from './answers';
import { createRecruitingStudy, createTestApp, login, seedInstitution, type SeededInstitution, type TestApp, unique } from './test-app';

/**
 * Issue 11, "consent is asked again when it changes": a consent version published with `requiresReconsent` stops
 * everyone who consented to an older one until they consent again; declining withdraws them under the study's
 * policy; where and when each participant consented shows in the timeline, the monitoring and the export.
 */
describe('consent renewal', () => {
  let t: TestApp;
  let inst: SeededInstitution;
  let researcher: TestAgent;
  let dataDir: string;

  const tokenOf = (url: string) => url.split('/take/')[1];
  const count = async (table: string, where: string, params: unknown[]) =>
    ((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params)) as { n: number }[])[0].n;

  async function study(policy: 'erase_responses' | 'erase_link' = 'erase_responses') {
    const { studyId, cohortIds, timepointIds } = await createRecruitingStudy(researcher, unique('renewal'), policy);
    return { studyId, cohortIds, baselineId: timepointIds[0], sessionId: timepointIds[1] };
  }

  async function enrol(s: { studyId: string; cohortIds: string[] }, cohort = 0) {
    return (
      await researcher
        .post(`/api/studies/${s.studyId}/participants`)
        .send({ cohortId: s.cohortIds[cohort], practitionerId: inst.users.practitioner.user.id })
        .expect(201)
    ).body.id as string;
  }

  async function link(studyId: string, participantId: string, timepointId: string, sessionNumber?: number) {
    const made = await researcher
      .post(`/api/studies/${studyId}/invitations`)
      .send({ participantId, timepointId, ...(sessionNumber ? { sessionNumber } : {}) })
      .expect(201);
    const agent = t.agent();
    await agent.get(`/take/${tokenOf(made.body.url as string)}`).expect(303);
    return agent;
  }

  const consent = (agent: TestAgent, consentVersion: number, decision: 'given' | 'declined' = 'given') =>
    agent.post('/api/take/consent').send({ decision, consentVersion, language: 'en' });

  const publish = (studyId: string, version: string, requiresReconsent?: boolean) =>
    researcher
      .post(`/api/studies/${studyId}/consent-versions`)
      .send({ text: { nl: `Toestemming ${version}`, en: `Consent ${version}` }, ...(requiresReconsent === undefined ? {} : { requiresReconsent }) })
      .expect(201);

  const submitBaseline = (agent: TestAgent) =>
    agent
      .post('/api/take/submit')
      .set('Idempotency-Key', unique('key'))
      .send({ language: 'en', responses: { 'phq-9': validAnswers('phq-9', 0) } });

  const timeline = async (studyId: string, participantId: string) =>
    (await researcher.get(`/api/studies/${studyId}/participants/${participantId}/timeline`).expect(200)).body as {
      consent: { status: string; version: number | null; consentedAt: string | null; renewalVersion: number | null };
      events: { type: string; detail: string | null }[];
    };

  beforeAll(async () => {
    dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'klik-renewal-')), '.klik');
    t = await createTestApp({ KLIK_DATA_DIR: dataDir });
    inst = await seedInstitution(t.dataSource, unique('renewal'));
    researcher = t.agent();
    await login(researcher, inst.users.researcher.email);
  });
  afterAll(async () => {
    await t.close();
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('stores and audits whether a new consent version requires renewed consent (default: no)', async () => {
    const s = await study();
    const plain = await publish(s.studyId, 'v2');
    expect(plain.body).toMatchObject({ version: 2, requiresReconsent: false });
    const renewing = await publish(s.studyId, 'v3', true);
    expect(renewing.body).toMatchObject({ version: 3, requiresReconsent: true });
    const bad = await researcher
      .post(`/api/studies/${s.studyId}/consent-versions`)
      .send({ text: { nl: 'x', en: 'x' }, requiresReconsent: 'yes' })
      .expect(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(['requiresReconsent']);
    const list = await researcher.get(`/api/studies/${s.studyId}/consent-versions`).expect(200);
    expect(list.body.items.map((v: { version: number; requiresReconsent: boolean }) => [v.version, v.requiresReconsent])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    const audited = (await t.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'consent_version.created' AND target_id = $1`,
      [renewing.body.id],
    )) as { details: Record<string, unknown> }[];
    expect(audited).toEqual([{ details: { studyId: s.studyId, version: 3, requiresReconsent: true } }]);
  });

  it('asks a participant who consented to an older version again, refusing answers with 409 until they do', async () => {
    const s = await study();
    const participantId = await enrol(s);
    const phone = await link(s.studyId, participantId, s.baselineId);
    await consent(phone, 1).expect(200);
    await phone
      .put('/api/take/progress')
      .send({ instrumentId: 'phq-9', language: 'en', pageIndex: 0, answers: { phq9_1: 1 } })
      .expect(200);

    // A version that does not ask again changes nothing for them.
    await publish(s.studyId, 'v2', false);
    expect((await phone.get('/api/take/state').expect(200)).body).toMatchObject({
      status: 'in_progress',
      consent: { version: 2, renewal: false, previousVersion: null },
    });

    await publish(s.studyId, 'v3', true);
    const state = await phone.get('/api/take/state').expect(200);
    expect(state.body).toMatchObject({
      status: 'consent_required',
      consent: { version: 3, renewal: true, previousVersion: 1, text: { nl: 'Toestemming v3', en: 'Consent v3' } },
      // What they answered is kept for when they continue.
      progress: { 'phq-9': { answers: { phq9_1: 1 } } },
    });
    const save = await phone
      .put('/api/take/progress')
      .send({ instrumentId: 'phq-9', language: 'en', pageIndex: 0, answers: { phq9_2: 1 } })
      .expect(409);
    expect(save.body).toMatchObject({ code: 'consent_renewal_required', consentVersion: 3, previousVersion: 1 });
    expect((await submitBaseline(phone).expect(409)).body.code).toBe('consent_renewal_required');
    expect((await consent(phone, 2).expect(409)).body.code).toBe('consent_outdated');

    const renewed = await consent(phone, 3).expect(200);
    expect(renewed.body).toMatchObject({ status: 'in_progress', consent: { version: 3, renewal: false, previousVersion: null } });
    await submitBaseline(phone).expect(201);

    const events = await timeline(s.studyId, participantId);
    expect(events.consent).toMatchObject({ status: 'current', version: 3, renewalVersion: null });
    const consentEvents = events.events
      .filter((event) => ['consented', 'consent_renewal_required'].includes(event.type))
      .map((event) => [event.type, event.detail]);
    expect(consentEvents).toEqual([
      ['consented', 'consent version 1'],
      ['consent_renewal_required', 'consent version 3'],
      ['consented', 'consent version 3 (renewal)'],
    ]);
  });

  it('lets a participant who never consented start as before: a first consent, no renewal', async () => {
    const s = await study();
    await publish(s.studyId, 'v2', true);
    const participantId = await enrol(s);
    const agent = await link(s.studyId, participantId, s.baselineId);
    const state = await agent.get('/api/take/state').expect(200);
    expect(state.body).toMatchObject({ status: 'consent_required', consent: { version: 2, renewal: false, previousVersion: null } });
    const save = await agent
      .put('/api/take/progress')
      .send({ instrumentId: 'phq-9', language: 'en', pageIndex: 0, answers: {} })
      .expect(403);
    expect(save.body.code).toBe('consent_required');
    await consent(agent, 2).expect(200);
    expect((await timeline(s.studyId, participantId)).consent).toMatchObject({ status: 'current', version: 2 });
    // Declining a first consent is not a withdrawal (as before issue 11).
    const other = await link(s.studyId, await enrol(s), s.baselineId);
    expect((await consent(other, 2, 'declined').expect(200)).body).toEqual({ status: 'declined' });
  });

  it('withdraws a participant who declines the renewal, under the study policy, recorded as consent declined', async () => {
    const s = await study('erase_link');
    const participantId = await enrol(s);
    const baseline = await link(s.studyId, participantId, s.baselineId);
    await consent(baseline, 1).expect(200);
    await submitBaseline(baseline).expect(201);
    const session = await link(s.studyId, participantId, s.sessionId, 1);
    await publish(s.studyId, 'v2', true);
    expect((await session.get('/api/take/state').expect(200)).body.consent).toMatchObject({ renewal: true, previousVersion: 1 });

    const declined = await consent(session, 2, 'declined').expect(200);
    expect(declined.body).toEqual({ status: 'withdrawn', policy: 'erase_link', reason: 'consent_declined' });
    expect((declined.headers['set-cookie'] as unknown as string[]).join(';')).toMatch(/klik_take=;/);
    await session.get('/api/take/state').expect(401);

    const participant = await researcher.get(`/api/studies/${s.studyId}/participants/${participantId}`).expect(200);
    expect(participant.body).toMatchObject({ status: 'withdrawn', practitionerId: null });
    // erase_link keeps the pseudonymised answers.
    expect(await count('scores', 'participant_id = $1', [participantId])).toBe(1);
    expect(
      await count('withdrawals', `participant_id = $1 AND reason = 'consent_declined' AND policy = 'erase_link' AND requested_by = 'participant'`, [
        participantId,
      ]),
    ).toBe(1);
    expect(await count('consent_records', `participant_id = $1 AND decision = 'declined' AND consent_version = 2`, [participantId])).toBe(1);
    const [audit] = (await t.dataSource.query(
      `SELECT actor_type, details FROM audit_log WHERE action = 'participant.withdrawn' AND target_id = $1`,
      [participantId],
    )) as { actor_type: string; details: Record<string, unknown> }[];
    expect(audit).toEqual({
      actor_type: 'participant',
      details: { studyId: s.studyId, requestedBy: 'participant', policy: 'erase_link', erasedResponses: 0, reason: 'consent_declined' },
    });

    const events = await timeline(s.studyId, participantId);
    expect(events.events.find((event) => event.type === 'declined')?.detail).toBe('consent version 2 (renewal)');
    expect(events.events.find((event) => event.type === 'withdrawn')?.detail).toBe('erase_link (consent declined)');
  });

  describe('monitoring and export', () => {
    let s: Awaited<ReturnType<typeof study>>;
    const who: Record<'renewed' | 'pending' | 'never' | 'declined' | 'fresh', string> = {
      renewed: '',
      pending: '',
      never: '',
      declined: '',
      fresh: '',
    };

    beforeAll(async () => {
      s = await study('erase_responses');
      who.renewed = await enrol(s);
      who.pending = await enrol(s);
      who.never = await enrol(s, 1);
      who.declined = await enrol(s);
      const renewed = await link(s.studyId, who.renewed, s.baselineId);
      const pending = await link(s.studyId, who.pending, s.baselineId);
      await link(s.studyId, who.never, s.baselineId);
      const declined = await link(s.studyId, who.declined, s.baselineId);
      for (const agent of [renewed, pending, declined]) await consent(agent, 1).expect(200);
      await publish(s.studyId, 'v2', true);
      await consent(renewed, 2).expect(200);
      await submitBaseline(renewed).expect(201);
      await consent(declined, 2, 'declined').expect(200);
      who.fresh = await enrol(s);
      const fresh = await link(s.studyId, who.fresh, s.baselineId);
      await consent(fresh, 2).expect(200);
      await submitBaseline(fresh).expect(201);
    });

    it('counts participants per consent version, pending renewals and declined renewals', async () => {
      const monitoring = await researcher.get(`/api/studies/${s.studyId}/monitoring`).expect(200);
      expect(monitoring.body.consent).toMatchObject({
        currentVersion: 2,
        renewalVersion: 2,
        versions: [
          { version: 1, requiresReconsent: false, participants: 1 },
          { version: 2, requiresReconsent: true, participants: 2 },
        ],
        notConsented: 1,
        renewalPending: 1,
        declinedRenewal: 1,
      });
      expect(Date.parse(monitoring.body.consent.versions[1].publishedAt)).not.toBeNaN();
      // The cohort filter applies: the participant who never consented is in the second cohort.
      const second = await researcher.get(`/api/studies/${s.studyId}/monitoring?cohortId=${s.cohortIds[1]}`).expect(200);
      expect(second.body.consent).toMatchObject({ notConsented: 1, renewalPending: 0, declinedRenewal: 0 });
      expect(second.body.consent.versions.map((v: { participants: number }) => v.participants)).toEqual([0, 0]);
      expect((await timeline(s.studyId, who.pending)).consent).toMatchObject({
        status: 'renewal_required',
        version: 1,
        renewalVersion: 2,
      });
    });

    /** Starts an export and waits for it; returns its files by name. */
    async function exportFiles(options: Record<string, unknown>) {
      const started = await researcher.post(`/api/studies/${s.studyId}/exports`).send(options).expect(202);
      for (let i = 0; i < 300; i++) {
        const status = await researcher.get(`/api/studies/${s.studyId}/exports/${started.body.id}`).expect(200);
        if (status.body.status === 'complete' || status.body.status === 'failed') {
          expect(status.body.status).toBe('complete');
          const files: Record<string, string> = {};
          for (const file of status.body.files as { name: string; url: string }[]) {
            files[file.name] = (await researcher.get(file.url).buffer(true).parse(text).expect(200)).body as string;
          }
          return files;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('export did not finish');
    }
    const text = (res: Response, done: (err: Error | null, body: string) => void) => {
      const stream = res as unknown as NodeJS.ReadableStream;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    };
    const rows = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];

    it('exports each participant’s consent version and date, shifted like their other dates, in long and wide', async () => {
      const files = await exportFiles({ quasiIdentifiers: [], k: 2, dates: 'shifted' });
      const [{ secret }] = (await t.dataSource.query(`SELECT secret FROM study_export_secrets WHERE study_id = $1`, [
        s.studyId,
      ])) as { secret: Buffer }[];
      const code = (id: string) => exportCode(secret, id);
      const wide = new Map(rows(files['klik-wide.csv']).map((row) => [row.participant, row]));
      expect([...wide.keys()].sort()).toEqual([who.renewed, who.pending, who.never, who.fresh].map(code).sort());
      expect(wide.get(code(who.renewed))?.consent_version).toBe('2');
      expect(wide.get(code(who.pending))?.consent_version).toBe('1');
      expect(wide.get(code(who.never))).toMatchObject({ consent_version: '', consent_date: '' });
      expect(wide.get(code(who.fresh))?.consent_version).toBe('2');
      const long = rows(files['klik-long.csv']);
      expect(long.map((row) => row.participant).sort()).toEqual([code(who.renewed), code(who.fresh)].sort());
      for (const row of long) {
        expect(row.consent_version).toBe('2');
        // Consent and answers were given the same day: shifted by the same offset, they fall on the same date.
        expect(row.consent_date).toBe(row.date);
        expect(wide.get(row.participant)?.consent_date).toBe(row.consent_date);
      }
      // The codebook, SPSS and R follow from the layout.
      const codebook = JSON.parse(files['codebook.json']) as { files: { variables: { name: string; type: string }[] }[] };
      for (const file of codebook.files) {
        expect(file.variables.filter((v) => v.name.startsWith('consent_'))).toEqual([
          expect.objectContaining({ name: 'consent_version', type: 'integer' }),
          expect.objectContaining({ name: 'consent_date', type: 'date' }),
        ]);
      }
      expect(files['klik-export.R']).toContain('consent_version');
      expect(files['klik-export.sps']).toContain('consent_date');
    });

    it('gives the consent day since baseline, or no date at all, by the export’s date option', async () => {
      const days = await exportFiles({ quasiIdentifiers: [], k: 2, dates: 'days_since_baseline', formats: ['wide_csv', 'long_csv'] });
      const wide = rows(days['klik-wide.csv']);
      expect(Object.keys(wide[0])).toEqual(expect.arrayContaining(['consent_version', 'consent_days']));
      expect(Object.keys(wide[0])).not.toContain('consent_date');
      // Consent on the day of the baseline answers (or of enrolment, without them): day 0.
      expect(wide.filter((row) => row.consent_version !== '').map((row) => row.consent_days)).toEqual(['0', '0', '0']);
      for (const row of rows(days['klik-long.csv'])) expect(row.consent_days).toBe('0');
      const none = await exportFiles({ quasiIdentifiers: [], k: 2, dates: 'none', formats: ['wide_csv'] });
      const header = Object.keys(rows(none['klik-wide.csv'])[0]);
      expect(header).toContain('consent_version');
      expect(header.filter((name) => /^consent_(date|days)$/.test(name))).toEqual([]);
    });
  });
});
