import type TestAgent from 'supertest/lib/agent';
import { createRecruitingStudy, createTestApp, login, seedInstitution, type TestApp } from './test-app';

/**
 * Issue 11, "no answer is lost", the API part: `PUT /api/take/progress` is called on every answer (debounced by the
 * page), merged per item into what is stored, with a sequence guard per session (take/progress-merge.ts), under
 * the invitation's row lock. Real database, two browsers (sessions) on one link.
 */
describe('progress saved per answer', () => {
  let t: TestApp;
  let researcher: TestAgent;
  let study: { studyId: string; cohortIds: string[]; timepointIds: string[] };

  /** A fresh participant with a baseline link, consented on a first device; returns a way to open more devices. */
  async function participant() {
    const enrolled = await researcher
      .post(`/api/studies/${study.studyId}/participants`)
      .send({ cohortId: study.cohortIds[0] })
      .expect(201);
    const made = await researcher
      .post(`/api/studies/${study.studyId}/invitations`)
      .send({ participantId: enrolled.body.id, timepointId: study.timepointIds[0] })
      .expect(201);
    const token = (made.body.url as string).split('/take/')[1];
    const device = async () => {
      const agent = t.agent();
      await agent.get(`/take/${token}`).expect(303);
      return agent;
    };
    const phone = await device();
    const state = await phone.get('/api/take/state').expect(200);
    await phone
      .post('/api/take/consent')
      .send({ decision: 'given', consentVersion: state.body.consent.version, language: 'en' })
      .expect(200);
    return { participantId: enrolled.body.id as string, phone, device };
  }

  const save = (agent: TestAgent, answers: Record<string, unknown>, sequence?: number, pageIndex = 0) =>
    agent
      .put('/api/take/progress')
      .send({ instrumentId: 'phq-9', language: 'en', pageIndex, answers, ...(sequence === undefined ? {} : { sequence }) });

  const progress = async (agent: TestAgent) =>
    ((await agent.get('/api/take/state').expect(200)).body.progress['phq-9'] ?? null) as {
      answers: Record<string, unknown>;
      pageIndex: number;
    } | null;

  beforeAll(async () => {
    t = await createTestApp();
    const inst = await seedInstitution(t.dataSource);
    researcher = t.agent();
    await login(researcher, inst.users.researcher.email);
    study = await createRecruitingStudy(researcher);
  });
  afterAll(() => t.close());

  it('keeps the answers of two devices to different items', async () => {
    const { phone, device } = await participant();
    const laptop = await device();
    await save(phone, { phq9_1: 1 }, 1_700_000_000_000).expect(200);
    // The laptop's clock (and so its sequence) is far behind the phone's: other session, not compared.
    await save(laptop, { phq9_2: 2 }, 5).expect(200);
    await save(phone, { phq9_3: 3 }, 1_700_000_000_001).expect(200);
    expect((await progress(laptop))?.answers).toEqual({ phq9_1: 1, phq9_2: 2, phq9_3: 3 });
  });

  it('does not let a save that arrives late overwrite a newer answer of the same session', async () => {
    const { phone, device } = await participant();
    const newer = await save(phone, { phq9_1: 3 }, 2_000, 1).expect(200);
    expect(newer.body).toEqual({ savedAt: expect.any(String), stale: [] });
    // Sent before the newer one, arriving after it: its phq9_1 and page index are older, its phq9_4 is new.
    const late = await save(phone, { phq9_1: 0, phq9_4: 1 }, 1_500, 0).expect(200);
    expect(late.body.stale).toEqual(['phq9_1']);
    expect(await progress(phone)).toEqual({ answers: { phq9_1: 3, phq9_4: 1 }, pageIndex: 1 });
    // A newer save of the same session, and a clear (null), do apply.
    await save(phone, { phq9_1: 2, phq9_4: null }, 2_500, 2).expect(200);
    expect(await progress(phone)).toEqual({ answers: { phq9_1: 2 }, pageIndex: 2 });
    // Between sessions the last arrival wins, whatever the other device's sequence.
    const laptop = await device();
    await save(laptop, { phq9_1: 1 }, 3, 2).expect(200);
    expect((await progress(phone))?.answers).toEqual({ phq9_1: 1 });
  });

  it('brings back every answer given, on a reload and on another device', async () => {
    const { phone, device } = await participant();
    const expected: Record<string, number> = {};
    for (let item = 1; item <= 9; item++) {
      expected[`phq9_${item}`] = item % 4;
      await save(phone, { [`phq9_${item}`]: item % 4 }, 10_000 + item, Math.floor(item / 3)).expect(200);
    }
    expected.phq9_difficulty = 2;
    await save(phone, { phq9_difficulty: 2 }, 20_000, 3).expect(200);
    expect(await progress(phone)).toEqual({ answers: expected, pageIndex: 3 });
    expect(await progress(await device())).toEqual({ answers: expected, pageIndex: 3 });
  });

  it('refuses a save whose own items are invalid, and keeps what was stored', async () => {
    const { phone, device } = await participant();
    const laptop = await device();
    await save(phone, { phq9_1: 2, phq9_difficulty: 1 }, 1).expect(200);
    const bad = await save(phone, { phq9_2: 9, nonsense: 1 }, 2).expect(400);
    expect(bad.body.code).toBe('answers_invalid');
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['phq-9.nonsense', 'phq-9.phq9_2']);
    // Another device takes back the only problem: the difficulty item is no longer asked. The stored answer to it
    // stays (as on the page, until the questionnaire is finished), and does not make this save fail.
    await save(laptop, { phq9_1: 0 }, 1).expect(200);
    expect((await progress(phone))?.answers).toEqual({ phq9_1: 0, phq9_difficulty: 1 });
    // A save that answers the hidden item itself is refused.
    const hidden = await save(laptop, { phq9_difficulty: 3 }, 2).expect(400);
    expect(hidden.body.answerErrors).toEqual([expect.objectContaining({ item: 'phq9_difficulty', code: 'not_visible' })]);
    const refusedSequence = await save(phone, { phq9_3: 1 }, -1).expect(400);
    expect(refusedSequence.body.errors[0].field).toBe('sequence');
  });

  it('takes a save per answer cheaply, and saves sent at once all arrive (one at a time, under a row lock)', async () => {
    const { phone } = await participant();
    const started = Date.now();
    for (let i = 0; i < 40; i++) await save(phone, { phq9_1: i % 4 }, 30_000 + i).expect(200);
    const perSave = (Date.now() - started) / 40;
    // A generous bound for two shared cores; measured about 25-35 ms per save on both databases (docs/participant-api.md).
    expect(perSave).toBeLessThan(500);
    const items = Array.from({ length: 9 }, (_, i) => `phq9_${i + 1}`);
    await Promise.all(items.map((item, i) => save(phone, { [item]: 1 }, 40_000 + i).expect(200)));
    const answers = (await progress(phone))?.answers ?? {};
    expect(items.every((item) => answers[item] === 1)).toBe(true);
  });
});
