import { createRecruitingStudy, createTestApp, login, seedInstitution, type TestApp } from './test-app';

describe('one current invitation per participant and timepoint, also under simultaneous requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates exactly one of several simultaneous invitations; the others get 409, none a 500', async () => {
    const home = await seedInstitution(t.dataSource);
    const researcher = t.agent();
    await login(researcher, home.users.researcher.email);
    const { studyId, cohortIds, timepointIds } = await createRecruitingStudy(researcher);
    const participant = await researcher.post(`/api/studies/${studyId}/participants`).send({ cohortId: cohortIds[0] }).expect(201);
    const body = { participantId: participant.body.id, timepointId: timepointIds[0] };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => researcher.post(`/api/studies/${studyId}/invitations`).send(body)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const [{ n }] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM invitations WHERE participant_id = $1`, [
      participant.body.id,
    ])) as { n: number }[];
    expect(n).toBe(1);
  });

  it('lets a new link replace one that lapsed, marking the old one expired', async () => {
    const home = await seedInstitution(t.dataSource);
    const researcher = t.agent();
    await login(researcher, home.users.researcher.email);
    const { studyId, cohortIds, timepointIds } = await createRecruitingStudy(researcher);
    const participant = await researcher.post(`/api/studies/${studyId}/participants`).send({ cohortId: cohortIds[0] }).expect(201);
    const body = { participantId: participant.body.id, timepointId: timepointIds[0] };
    const first = await researcher.post(`/api/studies/${studyId}/invitations`).send(body).expect(201);
    await t.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [first.body.id]);
    await researcher.post(`/api/studies/${studyId}/invitations`).send(body).expect(201);
    const list = await researcher.get(`/api/studies/${studyId}/invitations?participantId=${participant.body.id}`).expect(200);
    expect(list.body.items.map((i: { status: string }) => i.status).sort()).toEqual(['expired', 'open']);
  });
});
