import fc from 'fast-check';
import type TestAgent from 'supertest/lib/agent';
import { validAnswers } from './answers';
import { createTestApp, login, safetyContact, seedInstitution, type TestApp, unique } from './test-app';

const RUNS = 1000;

/** Values that are wrong for every item: outside scales, wrong types, odd structures. */
const badValue = fc.oneof(
  fc.integer({ min: -1000, max: -1 }),
  fc.integer({ min: 11, max: 1_000_000 }),
  fc.double({ noNaN: false }),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.integer()),
);
const itemId = fc.oneof(
  fc.constantFrom('phq9_1', 'phq9_9', 'phq9_difficulty', 'gad7_1', 'gad7_7', '__proto__', 'constructor'),
  fc.string({ maxLength: 20 }),
);
/** An answer map with at least one bad value (so no submission can be valid). */
const badAnswers = fc
  .tuple(fc.dictionary(itemId, fc.integer({ min: 0, max: 3 }), { maxKeys: 12 }), itemId, badValue)
  .map(([answers, item, value]) => ({ ...answers, [item]: value }));
const submission = fc.oneof(
  fc.record({
    language: fc.constantFrom('nl', 'en', 'de', '', 1),
    responses: fc.record({ 'phq-9': badAnswers, 'gad-7': badAnswers }, { requiredKeys: [] }),
  }),
  fc.record({ language: fc.constantFrom('nl', 'en'), responses: fc.anything() }),
  fc.anything(),
  fc.dictionary(fc.string(), fc.anything()),
);

describe('submission endpoint under malformed input (fast-check)', () => {
  let t: TestApp;
  let agent: TestAgent;
  let participantId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const home = await seedInstitution(t.dataSource);
    const researcher = t.agent();
    await login(researcher, home.users.researcher.email);
    const study = await researcher
      .post('/api/studies')
      .send({ title: unique('fuzz'), languages: ['nl', 'en'], withdrawalPolicy: 'erase_responses', consentText: { nl: 'Ja', en: 'Yes' } })
      .expect(201);
    const cohort = await researcher.post(`/api/studies/${study.body.id}/cohorts`).send({ name: 'Main' }).expect(201);
    const protocol = await researcher
      .put(`/api/studies/${study.body.id}/protocol`)
      .send({
        timepoints: [
          {
            key: 'baseline',
            kind: 'baseline',
            label: { nl: 'Begin', en: 'Start' },
            instruments: ['phq-9', 'gad-7'].map((instrumentId) => ({ instrumentId, instrumentVersion: '1.0.0', respondent: 'client' })),
          },
        ],
      })
      .expect(200);
    await researcher.patch(`/api/studies/${study.body.id}`).send({ status: 'recruiting', ...(await safetyContact(researcher)) }).expect(200);
    const participant = await researcher.post(`/api/studies/${study.body.id}/participants`).send({ cohortId: cohort.body.id }).expect(201);
    participantId = participant.body.id;
    const link = await researcher
      .post(`/api/studies/${study.body.id}/invitations`)
      .send({ participantId, timepointId: protocol.body.timepoints[0].id })
      .expect(201);
    agent = t.agent();
    await agent.get(`/take/${(link.body.url as string).split('/take/')[1]}`).expect(303);
    const state = await agent.get('/api/take/state').expect(200);
    await agent.post('/api/take/consent').send({ decision: 'given', consentVersion: state.body.consent.version, language: 'en' }).expect(200);
  });
  afterAll(() => t.close());

  it('refuses answer keys named like built-in object members (__proto__, constructor, toString, …) and stores nothing', async () => {
    // Found by the security test of issue 10: such keys were silently dropped and the rest accepted.
    // Progress and submissions both live in responses (in_progress, then submitted).
    const stored = () =>
      t.dataSource.query(`SELECT status, answers FROM responses WHERE participant_id = $1 ORDER BY id`, [participantId]);
    const before = await stored();
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
      const answers = { ...validAnswers('phq-9') };
      Object.defineProperty(answers, key, { value: 1, enumerable: true });
      const body = `{"language":"en","responses":{"phq-9":${JSON.stringify(answers)},"gad-7":${JSON.stringify(validAnswers('gad-7'))}}}`;
      expect(body).toContain(`"${key}":1`);
      const submit = await agent
        .post('/api/take/submit')
        .set('Idempotency-Key', `proto-${key}`)
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
      expect(submit.body.errors).toEqual([
        { field: `responses.phq-9.${key}`, messages: [expect.stringContaining('not an allowed field name')] },
      ]);
      const progress = await agent
        .put('/api/take/progress')
        .set('Content-Type', 'application/json')
        .send(`{"instrumentId":"phq-9","language":"en","pageIndex":0,"answers":{"phq9_1":1,"${key}":2}}`)
        .expect(400);
      expect(progress.body.errors[0].field).toBe(`answers.${key}`);
    }
    expect(await stored()).toEqual(before);
  });

  it(`answers ${RUNS} malformed submissions with a 4xx naming the problem, and writes nothing`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(submission, fc.uuid(), async (body, key) => {
        const response = await agent
          .post('/api/take/submit')
          .set('Idempotency-Key', key)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(body) ?? 'null');
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(typeof response.body.code).toBe('string');
        if (response.status === 400) expect(response.body.errors?.length ?? 0).toBeGreaterThan(0);
      }),
      { numRuns: RUNS, seed: 20261129 },
    );
    const [rows] = (await t.dataSource.query(
      `SELECT (SELECT count(*) FROM responses WHERE participant_id = $1)::int AS responses,
              (SELECT count(*) FROM scores WHERE participant_id = $1)::int AS scores,
              (SELECT count(*) FROM submissions s JOIN invitations i ON i.id = s.invitation_id WHERE i.participant_id = $1)::int AS submissions`,
      [participantId],
    )) as { responses: number; scores: number; submissions: number }[];
    expect(rows).toEqual({ responses: 0, scores: 0, submissions: 0 });
    expect([...statuses.keys()].every((status) => status >= 400 && status < 500)).toBe(true);
  }, 180_000);
});
