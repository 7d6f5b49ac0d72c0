import { createHash } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import {
  createRecruitingStudy,
  createTestApp,
  login,
  seedInstitution,
  type SeededInstitution,
  type TestApp,
  unique,
} from './test-app';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const tokenOf = (url: string) => {
  const match = /^http:\/\/klik\.test\/take\/([A-Za-z0-9_-]{43})$/.exec(url);
  if (!match) throw new Error(`unexpected invitation url ${url}`);
  return match[1];
};

interface BatchItem {
  id: string;
  participantId: string;
  participantCode: string;
  timepointId: string;
  sessionNumber: number | null;
  status: string;
  url: string;
}

describe('invitation batches (all links of a timepoint at once)', () => {
  let t: TestApp;
  let inst: SeededInstitution;
  let researcher: TestAgent;
  let studyId: string;
  let cohortIds: string[];
  let baseline: string;
  let session: string;

  const enrol = async (code: string) =>
    (await researcher.post(`/api/studies/${studyId}/participants`).send({ cohortId: cohortIds[0], code }).expect(201))
      .body as { id: string; code: string };
  const batch = (body: Record<string, unknown>, agent = researcher, id = studyId) =>
    agent.post(`/api/studies/${id}/invitations/batch`).send(body);
  const count = async () =>
    (
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM invitations WHERE study_id = $1`, [studyId])) as {
        n: number;
      }[]
    )[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    inst = await seedInstitution(t.dataSource, unique('batch'));
    researcher = t.agent();
    await login(researcher, inst.users.researcher.email);
    let timepointIds: string[];
    ({ studyId, cohortIds, timepointIds } = await createRecruitingStudy(researcher));
    [baseline, session] = timepointIds;
  });
  afterAll(() => t.close());

  it('makes one working link per active participant without a current link, by code, and skips the others', async () => {
    const [first, second, holder, leaver] = [
      await enrol(unique('B-one')),
      await enrol(unique('B-two')),
      await enrol(unique('B-holds')),
      await enrol(unique('B-left')),
    ];
    await researcher
      .post(`/api/studies/${studyId}/invitations`)
      .send({ participantId: holder.id, timepointId: baseline })
      .expect(201);
    await researcher.post(`/api/studies/${studyId}/participants/${leaver.id}/withdraw`).expect(200);
    const before = await count();

    const response = await batch({ timepointId: baseline, expiresInDays: 7 }).expect(201);

    expect(response.body.created).toBe(2);
    expect(response.body.skipped).toBe(1);
    const items = response.body.items as BatchItem[];
    expect(items.map((item) => item.participantCode).sort()).toEqual([first.code, second.code].sort());
    expect(items.map((item) => item.participantId).sort()).toEqual([first.id, second.id].sort());
    for (const item of items) {
      expect(item).toMatchObject({ timepointId: baseline, sessionNumber: null, status: 'open' });
      const stored = (await t.dataSource.query(`SELECT token_hash, expires_at FROM invitations WHERE id = $1`, [
        item.id,
      ])) as { token_hash: string; expires_at: Date }[];
      // Only the hash is kept; the clear token exists in this answer alone.
      expect(stored[0].token_hash).toBe(sha256(tokenOf(item.url)));
      const days = (new Date(stored[0].expires_at).getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThan(7.1);
    }
    expect(new Set(items.map((item) => item.url)).size).toBe(2);
    expect(await count()).toBe(before + 2);

    // The link opens the questionnaire: the take route accepts it and sets the participant cookie.
    const opened = await t
      .agent()
      .get(`/take/${tokenOf(items[0].url)}`)
      .expect(303);
    expect(String(opened.headers['set-cookie'])).toMatch(/klik_take=[^;]+;/);

    const audit = (await t.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'invitation.created' AND target_id = $1`,
      [studyId],
    )) as { details: Record<string, unknown> }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ timepointId: baseline, count: 2 });
    expect(JSON.stringify(audit[0].details)).not.toContain(tokenOf(items[0].url));
  });

  it('a second batch for the same timepoint makes nothing new; an expired link is replaced', async () => {
    const before = await count();
    const again = await batch({ timepointId: baseline }).expect(201);
    expect(again.body).toEqual({ created: 0, skipped: 3, items: [] });
    expect(await count()).toBe(before);

    const [expired] = (await t.dataSource.query(
      `UPDATE invitations SET expires_at = now() - interval '1 minute'
        WHERE id = (SELECT id FROM invitations WHERE study_id = $1 AND timepoint_id = $2 AND status = 'open' LIMIT 1)
        RETURNING participant_id`,
      [studyId, baseline],
    )) as [{ participant_id: string }[], number];
    const replaced = await batch({ timepointId: baseline }).expect(201);
    expect(replaced.body.created).toBe(1);
    expect(replaced.body.items[0].participantId).toBe(expired[0].participant_id);
  });

  it('session timepoints need a session number, and get one link per participant for that session', async () => {
    const before = await count();
    const missing = await batch({ timepointId: session }).expect(400);
    expect(missing.body.code).toBe('validation_failed');
    expect(missing.body.errors).toEqual([{ field: 'sessionNumber', messages: [expect.any(String)] }]);
    expect(await count()).toBe(before);

    const third = await batch({ timepointId: session, sessionNumber: 3 }).expect(201);
    expect(third.body.created).toBe(3);
    expect((third.body.items as BatchItem[]).every((item) => item.sessionNumber === 3)).toBe(true);
  });

  it('can be limited to some participants; an id that is not an active participant of yours stores nothing', async () => {
    const [one, two] = [await enrol(unique('L-one')), await enrol(unique('L-two'))];
    const end = await batch({ timepointId: session, sessionNumber: 4, participantIds: [one.id] }).expect(201);
    expect((end.body.items as BatchItem[]).map((item) => item.participantCode)).toEqual([one.code]);

    const before = await count();
    const bad = await batch({
      timepointId: session,
      sessionNumber: 5,
      participantIds: [two.id, '00000000-0000-4000-8000-000000000000'],
    }).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'participantIds', messages: [expect.stringContaining('1 of')] }]);
    expect(await count()).toBe(before);
  });

  it('refuses bad bodies field by field, practitioners, and studies that are not recruiting', async () => {
    const before = await count();
    const bad = await batch({ timepointId: 'x', expiresInDays: 0, participantIds: [] }).expect(400);
    expect((bad.body.errors as { field: string }[]).map((error) => error.field).sort()).toEqual([
      'expiresInDays',
      'participantIds',
      'timepointId',
    ]);

    const practitioner = t.agent();
    await login(practitioner, inst.users.practitioner.email);
    await batch({ timepointId: baseline }, practitioner).expect(403);

    const draft = await researcher
      .post('/api/studies')
      .send({ title: unique('draft'), languages: ['en'], withdrawalPolicy: 'erase_link' })
      .expect(201);
    const refused = await batch({ timepointId: baseline }, researcher, draft.body.id as string).expect(409);
    expect(refused.body.code).toBe('study_not_recruiting');
    expect(await count()).toBe(before);
  });
});
