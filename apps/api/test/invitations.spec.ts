import { createHash, randomUUID } from 'node:crypto';
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

const DAY = 86_400_000;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const tokenOf = (url: string) => {
  const match = /^http:\/\/klik\.test\/take\/([^/?#]+)$/.exec(url);
  if (!match) throw new Error(`unexpected invitation url ${url}`);
  return match[1];
};

describe('invitations', () => {
  let t: TestApp;
  let inst: SeededInstitution;
  let researcher: TestAgent;
  let studyId: string;
  let cohortIds: string[];
  let baseline: string;
  let session: string;

  const enrol = async () =>
    (
      await researcher
        .post(`/api/studies/${studyId}/participants`)
        .send({ cohortId: cohortIds[0] })
        .expect(201)
    ).body as { id: string };
  const invite = (body: Record<string, unknown>, id = studyId) =>
    researcher.post(`/api/studies/${id}/invitations`).send(body);
  const count = async () =>
    ((await t.dataSource.query(`SELECT count(*)::int AS n FROM invitations`)) as { n: number }[])[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    inst = await seedInstitution(t.dataSource, unique('invite'));
    researcher = t.agent();
    await login(researcher, inst.users.researcher.email);
    let timepointIds: string[];
    ({ studyId, cohortIds, timepointIds } = await createRecruitingStudy(researcher));
    [baseline, session] = timepointIds;
  });
  afterAll(() => t.close());

  it('answers once with a link whose token has 256 random bits; the list never shows it', async () => {
    const participant = await enrol();
    const before = Date.now();
    const created = await invite({ participantId: participant.id, timepointId: baseline }).expect(201);
    expect(created.body).toMatchObject({
      participantId: participant.id,
      timepointId: baseline,
      sessionNumber: null,
      status: 'open',
    });
    const token = tokenOf(created.body.url);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits in base64url
    expect(token).toHaveLength(43);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const expires = new Date(created.body.expiresAt).getTime();
    expect(expires).toBeGreaterThanOrEqual(before + 30 * DAY - 5_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 30 * DAY + 5_000);

    const list = await researcher.get(`/api/studies/${studyId}/invitations`).expect(200);
    expect(list.body.items.find((i: { id: string }) => i.id === created.body.id)).toEqual({
      id: created.body.id,
      participantId: participant.id,
      timepointId: baseline,
      sessionNumber: null,
      status: 'open',
      expiresAt: created.body.expiresAt,
      createdAt: created.body.createdAt,
    });
    expect(list.text).not.toContain(token);
    // Two links never share a token.
    const other = await invite({ participantId: (await enrol()).id, timepointId: baseline }).expect(201);
    expect(tokenOf(other.body.url)).not.toBe(token);
  });

  it('stores only the SHA-256 of the token: the token itself is in no table', async () => {
    const participant = await enrol();
    const created = await invite({ participantId: participant.id, timepointId: baseline }).expect(201);
    const token = tokenOf(created.body.url);
    const [row] = (await t.dataSource.query(`SELECT * FROM invitations WHERE id = $1`, [
      created.body.id,
    ])) as Record<string, unknown>[];
    expect(row.token_hash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const tables = (await t.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    )) as { table_name: string }[];
    expect(tables.length).toBeGreaterThan(5);
    for (const { table_name: table } of tables) {
      const [{ n }] = (await t.dataSource.query(
        `SELECT count(*)::int AS n FROM "${table}" x WHERE x::text LIKE $1`,
        [`%${token}%`],
      )) as {
        n: number;
      }[];
      expect({ table, n }).toEqual({ table, n: 0 });
    }
  });

  it('takes an expiry in days (1–365)', async () => {
    const participant = await enrol();
    const before = Date.now();
    const created = await invite({
      participantId: participant.id,
      timepointId: baseline,
      expiresInDays: 7,
    }).expect(201);
    expect(new Date(created.body.expiresAt).getTime() - before).toBeGreaterThan(7 * DAY - 5_000);
    expect(new Date(created.body.expiresAt).getTime() - before).toBeLessThan(7 * DAY + 5_000);
    for (const expiresInDays of [0, 366, 1.5, '7']) {
      const response = await invite({
        participantId: participant.id,
        timepointId: session,
        sessionNumber: 1,
        expiresInDays,
      }).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['expiresInDays']);
    }
  });

  it('session timepoints need a session number, other timepoints refuse one', async () => {
    const participant = await enrol();
    const before = await count();
    const missing = await invite({ participantId: participant.id, timepointId: session }).expect(400);
    expect(missing.body.errors).toEqual([
      { field: 'sessionNumber', messages: [expect.stringContaining('required')] },
    ]);
    const extra = await invite({
      participantId: participant.id,
      timepointId: baseline,
      sessionNumber: 1,
    }).expect(400);
    expect(extra.body.errors).toEqual([{ field: 'sessionNumber', messages: [expect.any(String)] }]);
    for (const sessionNumber of [0, -1, 1001, 2.5, '3']) {
      const response = await invite({
        participantId: participant.id,
        timepointId: session,
        sessionNumber,
      }).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['sessionNumber']);
    }
    expect(await count()).toBe(before);
    const first = await invite({
      participantId: participant.id,
      timepointId: session,
      sessionNumber: 1,
    }).expect(201);
    expect(first.body.sessionNumber).toBe(1);
    await invite({ participantId: participant.id, timepointId: session, sessionNumber: 2 }).expect(201);
    const again = await invite({
      participantId: participant.id,
      timepointId: session,
      sessionNumber: 1,
    }).expect(409);
    expect(again.body.code).toBe('invitation_exists');
  });

  it('one open invitation per participant and timepoint (409); revoking it makes room for a new one', async () => {
    const participant = await enrol();
    const first = await invite({ participantId: participant.id, timepointId: baseline }).expect(201);
    const before = await count();
    const duplicate = await invite({ participantId: participant.id, timepointId: baseline }).expect(409);
    expect(duplicate.body.code).toBe('invitation_exists');
    expect(await count()).toBe(before);

    const revoked = await researcher
      .post(`/api/studies/${studyId}/invitations/${first.body.id}/revoke`)
      .expect(200);
    expect(revoked.body).toMatchObject({ id: first.body.id, status: 'revoked' });
    const [row] = (await t.dataSource.query(`SELECT status, revoked_at FROM invitations WHERE id = $1`, [
      first.body.id,
    ])) as {
      status: string;
      revoked_at: Date | null;
    }[];
    expect(row.status).toBe('revoked');
    expect(row.revoked_at).not.toBeNull();
    // Revoking twice is harmless.
    await researcher.post(`/api/studies/${studyId}/invitations/${first.body.id}/revoke`).expect(200);
    const fresh = await invite({ participantId: participant.id, timepointId: baseline }).expect(201);
    expect(fresh.body.id).not.toBe(first.body.id);
    await researcher.post(`/api/studies/${studyId}/invitations/${randomUUID()}/revoke`).expect(404);
  });

  it('an expired link no longer blocks a new one; a completed timepoint does (409) and cannot be revoked', async () => {
    const participant = await enrol();
    const old = await invite({ participantId: participant.id, timepointId: baseline }).expect(201);
    await t.dataSource.query(
      `UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [old.body.id],
    );
    const list = await researcher
      .get(`/api/studies/${studyId}/invitations?participantId=${participant.id}`)
      .expect(200);
    expect(list.body.items.map((i: { status: string }) => i.status)).toEqual(['expired']);
    const renewed = await invite({ participantId: participant.id, timepointId: baseline }).expect(201);

    await t.dataSource.query(
      `UPDATE invitations SET status = 'completed', completed_at = now() WHERE id = $1`,
      [renewed.body.id],
    );
    const completed = await invite({ participantId: participant.id, timepointId: baseline }).expect(409);
    expect(completed.body.code).toBe('timepoint_completed');
    const revoke = await researcher
      .post(`/api/studies/${studyId}/invitations/${renewed.body.id}/revoke`)
      .expect(409);
    expect(revoke.body.code).toBe('invitation_completed');
  });

  it('filters the list by participant and timepoint, and checks the filters', async () => {
    const participant = await enrol();
    await invite({ participantId: participant.id, timepointId: baseline }).expect(201);
    await invite({ participantId: participant.id, timepointId: session, sessionNumber: 1 }).expect(201);
    const mine = await researcher
      .get(`/api/studies/${studyId}/invitations?participantId=${participant.id}`)
      .expect(200);
    expect(mine.body.items).toHaveLength(2);
    const sessions = await researcher
      .get(`/api/studies/${studyId}/invitations?participantId=${participant.id}&timepointId=${session}`)
      .expect(200);
    expect(sessions.body.items.map((i: { sessionNumber: number }) => i.sessionNumber)).toEqual([1]);
    for (const query of ['participantId=nope', 'timepointId=123']) {
      const response = await researcher.get(`/api/studies/${studyId}/invitations?${query}`).expect(400);
      expect(response.body.errors[0].field).toBe(query.split('=')[0]);
    }
  });

  it('refuses unknown participants and timepoints, withdrawn participants, and studies that are not recruiting (409)', async () => {
    const participant = await enrol();
    const unknownParticipant = await invite({ participantId: randomUUID(), timepointId: baseline }).expect(
      400,
    );
    expect(unknownParticipant.body.errors[0].field).toBe('participantId');
    const unknownTimepoint = await invite({
      participantId: participant.id,
      timepointId: randomUUID(),
    }).expect(400);
    expect(unknownTimepoint.body.errors[0].field).toBe('timepointId');

    const withdrawn = await enrol();
    await t.dataSource.query(`UPDATE participants SET status = 'withdrawn' WHERE id = $1`, [withdrawn.id]);
    expect((await invite({ participantId: withdrawn.id, timepointId: baseline }).expect(409)).body.code).toBe(
      'participant_withdrawn',
    );

    const before = await count();
    const draft = await researcher
      .post('/api/studies')
      .send({ title: unique('draft'), languages: ['en'], withdrawalPolicy: 'erase_link' })
      .expect(201);
    const notYet = await invite(
      { participantId: participant.id, timepointId: baseline },
      draft.body.id,
    ).expect(409);
    expect(notYet.body.code).toBe('study_not_recruiting');

    const closing = await createRecruitingStudy(researcher);
    const enrolled = await researcher
      .post(`/api/studies/${closing.studyId}/participants`)
      .send({ cohortId: closing.cohortIds[0] })
      .expect(201);
    await researcher.patch(`/api/studies/${closing.studyId}`).send({ status: 'closed' }).expect(200);
    const closed = await invite(
      { participantId: enrolled.body.id, timepointId: closing.timepointIds[0] },
      closing.studyId,
    ).expect(409);
    expect(closed.body.code).toBe('study_not_recruiting');
    expect(await count()).toBe(before);
  });
});
