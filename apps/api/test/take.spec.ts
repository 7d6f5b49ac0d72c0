import { scoreAnswers } from '@klik/survey-model';
import { createHash } from 'node:crypto';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { validAnswers } from './answers';
import { createTestApp, login, safetyContact, seedInstitution, type SeededInstitution, type TestApp, unique } from './test-app';

const client = (instrumentId: string) => ({ instrumentId, instrumentVersion: '1.0.0', respondent: 'client' });

async function count(t: TestApp, table: string, where = 'TRUE', params: unknown[] = []): Promise<number> {
  const [row] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params)) as { n: number }[];
  return row.n;
}

/** The token from an invitation URL. */
const tokenOf = (url: string) => url.split('/take/')[1];

describe('participant journey (/take)', () => {
  let t: TestApp;
  let home: SeededInstitution;
  let researcher: TestAgent;
  let studyId: string;
  let baselineId: string;
  let sessionId: string;
  let cohortId: string;

  async function study(withdrawalPolicy: 'erase_responses' | 'erase_link') {
    const created = await researcher
      .post('/api/studies')
      .send({ title: unique('take'), languages: ['nl', 'en'], withdrawalPolicy, consentText: { nl: 'Ja?', en: 'Yes?' } })
      .expect(201);
    const id = created.body.id as string;
    const cohort = await researcher.post(`/api/studies/${id}/cohorts`).send({ name: 'Main' }).expect(201);
    const protocol = await researcher
      .put(`/api/studies/${id}/protocol`)
      .send({
        timepoints: [
          { key: 'baseline', kind: 'baseline', offsetDays: 0, label: { nl: 'Begin', en: 'Start' }, instruments: [client('phq-9'), client('gad-7')] },
          {
            key: 'session',
            kind: 'session',
            label: { nl: 'Sessie', en: 'Session' },
            instruments: [client('klik-checkin'), { ...client('klik-session-log'), respondent: 'practitioner' }],
          },
        ],
      })
      .expect(200);
    await researcher.patch(`/api/studies/${id}`).send({ status: 'recruiting', ...(await safetyContact(researcher)) }).expect(200);
    const [baseline, session] = protocol.body.timepoints as { id: string }[];
    return { id, cohortId: cohort.body.id as string, baselineId: baseline.id, sessionId: session.id };
  }

  async function participantWithLink(timepointId = baselineId, sessionNumber?: number, inStudy = studyId, cohort = cohortId) {
    const participant = await researcher
      .post(`/api/studies/${inStudy}/participants`)
      .send({ cohortId: cohort, practitionerId: home.users.practitioner.user.id })
      .expect(201);
    const link = await researcher
      .post(`/api/studies/${inStudy}/invitations`)
      .send({ participantId: participant.body.id, timepointId, ...(sessionNumber ? { sessionNumber } : {}) })
      .expect(201);
    return { participantId: participant.body.id as string, code: participant.body.code as string, token: tokenOf(link.body.url) };
  }

  /** A browser: enters through the link and keeps the participant cookie. */
  async function enter(token: string): Promise<TestAgent> {
    const agent = t.agent();
    await agent.get(`/take/${token}`).expect(303);
    return agent;
  }

  async function consentedAgent(token: string) {
    const agent = await enter(token);
    const state = await agent.get('/api/take/state').expect(200);
    await agent.post('/api/take/consent').send({ decision: 'given', consentVersion: state.body.consent.version, language: 'nl' }).expect(200);
    return agent;
  }

  beforeAll(async () => {
    t = await createTestApp();
    home = await seedInstitution(t.dataSource);
    researcher = t.agent();
    await login(researcher, home.users.researcher.email);
    ({ id: studyId, baselineId, sessionId, cohortId } = await study('erase_responses'));
  });
  afterAll(() => t.close());

  it('swaps the token for an HttpOnly, SameSite=Lax cookie and redirects to a URL without the token', async () => {
    const { token } = await participantWithLink();
    const response = await request(t.app.getHttpServer()).get(`/take/${token}`).expect(303);
    expect(response.headers.location).toBe('/take');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    const cookie = (response.headers['set-cookie'] as unknown as string[]).join(';');
    expect(cookie).toMatch(/klik_take=[A-Za-z0-9_-]{43}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toContain(token);
    // Only hashes are stored.
    expect(await count(t, 'participant_sessions', `token_hash = $1`, [createHash('sha256').update(token).digest('hex')])).toBe(0);
  });

  it('answers unknown, revoked and expired tokens identically, with no session; a completed link opens as completed', async () => {
    const revoked = await participantWithLink();
    const [invitation] = (await researcher.get(`/api/studies/${studyId}/invitations?participantId=${revoked.participantId}`)).body
      .items as { id: string }[];
    await researcher.post(`/api/studies/${studyId}/invitations/${invitation.id}/revoke`).expect(200);
    const expired = await participantWithLink();
    await t.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE participant_id = $1`, [
      expired.participantId,
    ]);
    const used = await participantWithLink();
    const usedAgent = await consentedAgent(used.token);
    await usedAgent
      .post('/api/take/submit')
      .set('Idempotency-Key', unique('key'))
      .send({ language: 'nl', responses: { 'phq-9': validAnswers('phq-9', 1), 'gad-7': validAnswers('gad-7', 1) } })
      .expect(201);

    const tokens = ['A'.repeat(43), revoked.token, expired.token];
    const answers = [];
    for (const token of tokens) {
      const agent = t.agent();
      const entry = await agent.get(`/take/${token}`);
      const state = await agent.get('/api/take/state');
      answers.push({ status: entry.status, location: entry.headers.location, stateStatus: state.status, code: state.body.code });
      expect((entry.headers['set-cookie'] as unknown as string[] | undefined)?.join(';') ?? '').not.toMatch(/klik_take=[A-Za-z0-9]/);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual({ status: 303, location: '/take', stateStatus: 401, code: 'take_unavailable' });

    // Issue 11: a completed link says the questionnaires are done (holding the 256-bit token proves it is theirs).
    const reopened = t.agent();
    const entry = await reopened.get(`/take/${used.token}`).set('Accept-Language', 'nl').expect(303);
    expect(entry.headers.location).toBe('/take');
    expect((entry.headers['set-cookie'] as unknown as string[]).join(';')).toMatch(/klik_take=[A-Za-z0-9_-]{43}/);
    const state = await reopened.get('/api/take/state').expect(200);
    expect(state.body.status).toBe('completed');
    expect(state.body.language).toBe('nl');
    expect(state.body.study.title.nl).toEqual(expect.any(String));
    expect(state.body.progress).toEqual({});
    // …and nothing can be changed through it.
    const body = { language: 'nl', responses: { 'phq-9': validAnswers('phq-9', 2), 'gad-7': validAnswers('gad-7', 2) } };
    const resubmit = await reopened.post('/api/take/submit').set('Idempotency-Key', unique('key')).send(body).expect(409);
    expect(resubmit.body).toMatchObject({ code: 'timepoint_completed', message: 'Je hebt deze vragenlijsten al ingevuld en verstuurd.' });
    await reopened
      .put('/api/take/progress')
      .send({ instrumentId: 'phq-9', language: 'nl', pageIndex: 0, answers: { phq9_1: 3 } })
      .expect(409);
    await reopened.post('/api/take/consent').send({ decision: 'given', consentVersion: 1, language: 'nl' }).expect(409);
    expect(await count(t, 'responses', `participant_id = $1 AND status = 'submitted'`, [used.participantId])).toBe(2);
    expect(await count(t, 'responses', `participant_id = $1 AND status <> 'submitted'`, [used.participantId])).toBe(0);
    // Past the link's expiry a completed link is any expired link again.
    await t.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE participant_id = $1`, [
      used.participantId,
    ]);
    const late = t.agent();
    const lateEntry = await late.get(`/take/${used.token}`).expect(303);
    expect((lateEntry.headers['set-cookie'] as unknown as string[] | undefined)?.join(';') ?? '').not.toMatch(/klik_take=[A-Za-z0-9]/);
    await late.get('/api/take/state').expect(401);
  });

  it("opens a first visit in the browser's language, and later visits in the language last used", async () => {
    const { token } = await participantWithLink();
    const first = t.agent();
    await first.get(`/take/${token}`).set('Accept-Language', 'en-GB,en;q=0.9,nl;q=0.5').expect(303);
    expect((await first.get('/api/take/state').expect(200)).body.language).toBe('en');
    await first.post('/api/take/language').send({ language: 'nl' }).expect(204);
    const second = t.agent();
    await second.get(`/take/${token}`).set('Accept-Language', 'en').expect(303);
    expect((await second.get('/api/take/state').expect(200)).body.language).toBe('nl');
  });

  it('records nothing but the decline when consent is declined, and ends the session', async () => {
    const { participantId, token } = await participantWithLink();
    const agent = await enter(token);
    const state = await agent.get('/api/take/state').expect(200);
    expect(state.body.status).toBe('consent_required');
    expect(state.body.instruments.map((i: { id: string }) => i.id)).toEqual(['phq-9', 'gad-7']);
    expect(Object.keys(state.body.instruments[0].survey).sort()).toEqual(['en', 'nl']);
    await agent.put('/api/take/progress').send({ instrumentId: 'phq-9', language: 'nl', pageIndex: 0, answers: {} }).expect(403);
    const declined = await agent
      .post('/api/take/consent')
      .send({ decision: 'declined', consentVersion: state.body.consent.version, language: 'en' })
      .expect(200);
    expect(declined.body).toEqual({ status: 'declined' });
    await agent.get('/api/take/state').expect(401);
    expect(await count(t, 'consent_records', 'participant_id = $1', [participantId])).toBe(1);
    expect(await count(t, 'consent_records', `participant_id = $1 AND decision = 'declined' AND consent_version = 1`, [participantId])).toBe(1);
    expect(await count(t, 'responses', 'participant_id = $1', [participantId])).toBe(0);
  });

  it('saves progress on the server and resumes it from the link on another device', async () => {
    const { participantId, token } = await participantWithLink();
    const phone = await consentedAgent(token);
    const phq = validAnswers('phq-9', 2);
    await phone.put('/api/take/progress').send({ instrumentId: 'phq-9', language: 'nl', pageIndex: 1, answers: phq }).expect(200);
    const bad = await phone
      .put('/api/take/progress')
      .send({ instrumentId: 'gad-7', language: 'nl', pageIndex: 0, answers: { gad7_1: 9, nonsense: 1 } })
      .expect(400);
    expect(bad.body.code).toBe('answers_invalid');
    expect(bad.body.answerErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ instrumentId: 'gad-7', item: 'gad7_1', code: 'out_of_range' }),
        expect.objectContaining({ instrumentId: 'gad-7', item: 'nonsense', code: 'unknown_item' }),
      ]),
    );
    expect(await count(t, 'responses', `participant_id = $1`, [participantId])).toBe(1);

    const laptop = await enter(token);
    const state = await laptop.get('/api/take/state').expect(200);
    expect(state.body.status).toBe('in_progress');
    expect(state.body.language).toBe('nl');
    expect(state.body.progress).toEqual({ 'phq-9': { answers: phq, pageIndex: 1 } });
    const [invitation] = (await researcher.get(`/api/studies/${studyId}/invitations?participantId=${participantId}`)).body.items;
    expect(invitation.status).toBe('started');
  });

  it('validates, scores and stores a submission once; a retry replays it; another body under the key is refused', async () => {
    const { participantId, token } = await participantWithLink();
    const agent = await consentedAgent(token);
    const phq = validAnswers('phq-9', 5);
    const gad = validAnswers('gad-7', 3);

    const incomplete = await agent
      .post('/api/take/submit')
      .set('Idempotency-Key', unique('key'))
      .send({ language: 'en', responses: { 'phq-9': { ...phq, phq9_3: undefined }, 'gad-7': gad } })
      .expect(400);
    expect(incomplete.body.errors.map((e: { field: string }) => e.field)).toContain('responses.phq-9.phq9_3');
    await agent.post('/api/take/submit').send({ language: 'en', responses: { 'phq-9': phq, 'gad-7': gad } }).expect(400);
    expect(await count(t, 'scores', 'participant_id = $1', [participantId])).toBe(0);

    const key = unique('key');
    const body = { language: 'en', responses: { 'phq-9': phq, 'gad-7': gad } };
    const first = await agent.post('/api/take/submit').set('Idempotency-Key', key).send(body).expect(201);
    expect(first.body.status).toBe('completed');
    const again = await agent.post('/api/take/submit').set('Idempotency-Key', key).send(body).expect(200);
    expect(again.body).toEqual(first.body);
    expect(await count(t, 'responses', 'participant_id = $1', [participantId])).toBe(2);
    expect(await count(t, 'scores', 'participant_id = $1', [participantId])).toBe(2);
    const conflict = await agent
      .post('/api/take/submit')
      .set('Idempotency-Key', key)
      .send({ ...body, language: 'nl' })
      .expect(422);
    expect(conflict.body.code).toBe('idempotency_conflict');
    const other = await agent.post('/api/take/submit').set('Idempotency-Key', unique('key')).send(body).expect(409);
    expect(other.body.code).toBe('timepoint_completed');
    const late = await agent.put('/api/take/progress').send({ instrumentId: 'phq-9', language: 'en', pageIndex: 0, answers: phq }).expect(409);
    expect(late.body.code).toBe('timepoint_completed');
    expect((await agent.get('/api/take/state').expect(200)).body.status).toBe('completed');

    const stored = await researcher.get(`/api/studies/${studyId}/participants/${participantId}/responses`).expect(200);
    expect(stored.body.items).toHaveLength(2);
    for (const [id, answers] of [['phq-9', phq], ['gad-7', gad]] as const) {
      const item = stored.body.items.find((r: { instrumentId: string }) => r.instrumentId === id);
      const expected = scoreAnswers({ id, version: '1.0.0' }, answers as never);
      expect(item.answers).toEqual(answers);
      expect(item.score).toMatchObject({
        instrumentVersion: '1.0.0',
        scoringVersion: expected.scoringVersion,
        total: expected.total,
        band: expected.band,
        caseness: expected.caseness,
        status: expected.status,
      });
    }
  });

  it('withdrawal under erase_responses deletes answers and scores and revokes the links', async () => {
    const { participantId, token } = await participantWithLink();
    const agent = await consentedAgent(token);
    await agent
      .post('/api/take/submit')
      .set('Idempotency-Key', unique('key'))
      .send({ language: 'nl', responses: { 'phq-9': validAnswers('phq-9'), 'gad-7': validAnswers('gad-7') } })
      .expect(201);
    const later = await researcher
      .post(`/api/studies/${studyId}/invitations`)
      .send({ participantId, timepointId: sessionId, sessionNumber: 1 })
      .expect(201);
    const sessionAgent = await enter(tokenOf(later.body.url));
    const withdrawn = await sessionAgent.post('/api/take/withdraw').send({ confirm: true }).expect(200);
    expect(withdrawn.body).toEqual({ status: 'withdrawn', policy: 'erase_responses' });
    expect(await count(t, 'responses', 'participant_id = $1', [participantId])).toBe(0);
    expect(await count(t, 'scores', 'participant_id = $1', [participantId])).toBe(0);
    expect(await count(t, 'withdrawals', `participant_id = $1 AND policy = 'erase_responses' AND erased_responses = 2`, [participantId])).toBe(1);
    const participant = await researcher.get(`/api/studies/${studyId}/participants/${participantId}`).expect(200);
    expect(participant.body.status).toBe('withdrawn');
    await sessionAgent.get('/api/take/state').expect(401);
    expect((await t.agent().get(`/take/${tokenOf(later.body.url)}`).expect(303)).headers['set-cookie']?.toString() ?? '').not.toMatch(
      /klik_take=[A-Za-z0-9]/,
    );
  });

  it('withdrawal under erase_link keeps the pseudonymised data but cuts the code and the practitioner', async () => {
    const other = await study('erase_link');
    const { participantId, code, token } = await participantWithLink(other.baselineId, undefined, other.id, other.cohortId);
    const agent = await consentedAgent(token);
    await agent
      .post('/api/take/submit')
      .set('Idempotency-Key', unique('key'))
      .send({ language: 'nl', responses: { 'phq-9': validAnswers('phq-9'), 'gad-7': validAnswers('gad-7') } })
      .expect(201);
    const result = await researcher.post(`/api/studies/${other.id}/participants/${participantId}/withdraw`).expect(200);
    expect(result.body).toEqual({ policy: 'erase_link', erasedResponses: 0 });
    expect(await count(t, 'scores', 'participant_id = $1', [participantId])).toBe(2);
    const participant = await researcher.get(`/api/studies/${other.id}/participants/${participantId}`).expect(200);
    expect(participant.body).toMatchObject({ status: 'withdrawn', practitionerId: null });
    expect(participant.body.code).not.toBe(code);
    expect(await count(t, 'participants', 'code = $1', [code])).toBe(0);
    await researcher.post(`/api/studies/${other.id}/participants/${participantId}/withdraw`).expect(409);
  });

  it("links the client's and the practitioner's record of the same session", async () => {
    const { participantId } = await participantWithLink();
    const link = await researcher
      .post(`/api/studies/${studyId}/invitations`)
      .send({ participantId, timepointId: sessionId, sessionNumber: 1 })
      .expect(201);
    const agent = await consentedAgent(tokenOf(link.body.url));
    await agent
      .post('/api/take/submit')
      .set('Idempotency-Key', unique('key'))
      .send({ language: 'nl', responses: { 'klik-checkin': validAnswers('klik-checkin') } })
      .expect(201);

    const practitioner = t.agent();
    await login(practitioner, home.users.practitioner.email);
    const log = validAnswers('klik-session-log', 0);
    const logged = await practitioner
      .post(`/api/studies/${studyId}/participants/${participantId}/session-logs`)
      .send({ sessionNumber: 1, language: 'en', responses: { 'klik-session-log': log } })
      .expect(201);
    expect(logged.body.items[0].score.scoringVersion).toBe(scoreAnswers({ id: 'klik-session-log', version: '1.0.0' }, log as never).scoringVersion);
    const twice = await practitioner
      .post(`/api/studies/${studyId}/participants/${participantId}/session-logs`)
      .send({ sessionNumber: 1, language: 'en', responses: { 'klik-session-log': log } })
      .expect(409);
    expect(twice.body.code).toBe('session_already_logged');
    const invalid = await practitioner
      .post(`/api/studies/${studyId}/participants/${participantId}/session-logs`)
      .send({ sessionNumber: 2, language: 'en', responses: { 'klik-session-log': { ksl_disclosed: 7 } } })
      .expect(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toContain('responses.klik-session-log.ksl_disclosed');
    await researcher
      .post(`/api/studies/${studyId}/participants/${participantId}/session-logs`)
      .send({ sessionNumber: 2, language: 'en', responses: { 'klik-session-log': log } })
      .expect(403);

    const dyads = await researcher.get(`/api/studies/${studyId}/participants/${participantId}/dyads`).expect(200);
    expect(dyads.body.items).toHaveLength(1);
    expect(dyads.body.items[0]).toMatchObject({ timepointId: sessionId, sessionNumber: 1 });
    expect(dyads.body.items[0].client.map((r: { instrumentId: string }) => r.instrumentId)).toEqual(['klik-checkin']);
    expect(dyads.body.items[0].practitioner.map((r: { instrumentId: string }) => r.instrumentId)).toEqual(['klik-session-log']);
  });
});
