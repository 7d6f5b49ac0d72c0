import type TestAgent from 'supertest/lib/agent';
import { validAnswers } from './answers';
import {
  createRecruitingStudy,
  createTestApp,
  login,
  seedInstitution,
  type SeededInstitution,
  type TestApp,
} from './test-app';

const DAY = 86_400_000;

interface Counts {
  participants: number;
  invited: number;
  opened: number;
  started: number;
  completed: number;
  startedNotFinished: number;
  overdue: number;
  completionRate: number | null;
}
interface TimepointRow {
  timepointId: string;
  key: string;
  dueRule: string;
  cohorts: (Counts & { cohortId: string; cohortName: string })[];
  total: Counts;
}

const counts = (row: Counts) => ({
  participants: row.participants,
  invited: row.invited,
  opened: row.opened,
  started: row.started,
  completed: row.completed,
  startedNotFinished: row.startedNotFinished,
  overdue: row.overdue,
  completionRate: row.completionRate,
});

describe('monitoring: completion per timepoint and cohort, and participant timelines', () => {
  let t: TestApp;
  let inst: SeededInstitution;
  let other: SeededInstitution;
  let researcher: TestAgent;
  let practitioner: TestAgent;
  let studyId: string;
  let cohortIds: string[];
  let baselineId: string;
  let sessionId: string;
  /** P1 invited only; P2 opened; P3 started; P4 completed (the practitioner's client); P5 revoked; P6 link expired; P7 withdrawn. */
  const ids: Record<string, string> = {};

  const tokenOf = (url: string) => url.split('/').pop() as string;

  async function enter(token: string): Promise<TestAgent> {
    const agent = t.agent();
    await agent.get(`/take/${token}`).expect(303);
    return agent;
  }
  async function consent(agent: TestAgent) {
    const state = await agent.get('/api/take/state').expect(200);
    await agent
      .post('/api/take/consent')
      .send({ decision: 'given', consentVersion: state.body.consent.version, language: 'en' })
      .expect(200);
  }

  beforeAll(async () => {
    t = await createTestApp();
    inst = await seedInstitution(t.dataSource);
    other = await seedInstitution(t.dataSource);
    researcher = t.agent();
    await login(researcher, inst.users.researcher.email);
    practitioner = t.agent();
    await login(practitioner, inst.users.practitioner.email);
    ({ studyId, cohortIds } = await createRecruitingStudy(researcher));
    const timepoints = (await researcher.get(`/api/studies/${studyId}/protocol`).expect(200)).body
      .timepoints as {
      id: string;
    }[];
    [baselineId, sessionId] = timepoints.map((timepoint) => timepoint.id);

    const plan: [string, number][] = [
      ['P1', 0],
      ['P2', 0],
      ['P3', 0],
      ['P4', 0],
      ['P5', 1],
      ['P6', 1],
      ['P7', 0],
    ];
    const links: Record<string, string> = {};
    for (const [code, cohort] of plan) {
      const participant = await researcher
        .post(`/api/studies/${studyId}/participants`)
        .send({
          cohortId: cohortIds[cohort],
          code: `${code}-${Date.now()}`,
          ...(code === 'P4' ? { practitionerId: inst.users.practitioner.user.id } : {}),
        })
        .expect(201);
      ids[code] = participant.body.id as string;
      const link = await researcher
        .post(`/api/studies/${studyId}/invitations`)
        .send({ participantId: ids[code], timepointId: baselineId })
        .expect(201);
      links[code] = tokenOf(link.body.url as string);
      ids[`${code}:invitation`] = link.body.id as string;
    }
    await enter(links.P2);
    const p3 = await enter(links.P3);
    await consent(p3);
    await p3
      .put('/api/take/progress')
      .send({ instrumentId: 'phq-9', language: 'en', pageIndex: 0, answers: validAnswers('phq-9', 1) })
      .expect(200);
    const p4 = await enter(links.P4);
    await consent(p4);
    await p4
      .post('/api/take/submit')
      .set('Idempotency-Key', `p4-${Date.now()}`)
      .send({ language: 'en', responses: { 'phq-9': validAnswers('phq-9', 3) } })
      .expect(201);
    await researcher.post(`/api/studies/${studyId}/invitations/${ids['P5:invitation']}/revoke`).expect(200);
    // P6 was enrolled 32 days ago and invited the day after; the 30-day link ran out unanswered.
    await t.dataSource.query(
      `UPDATE participants SET enrolled_at = now() - interval '32 days' WHERE id = $1`,
      [ids.P6],
    );
    await t.dataSource.query(
      `UPDATE invitations SET created_at = now() - interval '31 days', expires_at = now() - interval '1 day' WHERE id = $1`,
      [ids['P6:invitation']],
    );
    const p7 = await enter(links.P7);
    await consent(p7);
    await researcher.post(`/api/studies/${studyId}/participants/${ids.P7}/withdraw`).expect(200);
    // P1's link was made eight days ago (and is still valid: it expires after 30 days).
    await t.dataSource.query(`UPDATE invitations SET created_at = now() - interval '8 days' WHERE id = $1`, [
      ids['P1:invitation'],
    ]);
  });
  afterAll(() => t.close());

  const monitoring = async (agent: TestAgent, query = '') =>
    (await agent.get(`/api/studies/${studyId}/monitoring${query}`).expect(200)).body as {
      studyId: string;
      timepoints: TimepointRow[];
    };

  it('counts invited, opened, started, completed, started-not-finished and overdue per cohort', async () => {
    const body = await monitoring(researcher);
    expect(body.studyId).toBe(studyId);
    expect(body.timepoints.map((row) => row.key)).toEqual(['baseline', 'session']);
    const [baseline, session] = body.timepoints;
    expect(baseline.dueRule).toBe('expiry');
    expect(baseline.cohorts.map((row) => row.cohortId)).toEqual(cohortIds);
    // Cohort A: P1–P4 (P7 withdrew and is not counted).
    expect(counts(baseline.cohorts[0])).toEqual({
      participants: 4,
      invited: 4,
      opened: 3,
      started: 2,
      completed: 1,
      startedNotFinished: 1,
      overdue: 0,
      completionRate: 0.25,
    });
    // Cohort B: P5's link was revoked (not invited), P6's expired unanswered (overdue).
    expect(counts(baseline.cohorts[1])).toEqual({
      participants: 2,
      invited: 1,
      opened: 0,
      started: 0,
      completed: 0,
      startedNotFinished: 0,
      overdue: 1,
      completionRate: 0,
    });
    expect(counts(baseline.total)).toEqual({
      participants: 6,
      invited: 5,
      opened: 3,
      started: 2,
      completed: 1,
      startedNotFinished: 1,
      overdue: 1,
      completionRate: 0.2,
    });
    expect(counts(session.total)).toMatchObject({ participants: 6, invited: 0, completionRate: null });
  });

  it('takes the due date from the schedule once the timepoint has one', async () => {
    await researcher
      .put(`/api/studies/${studyId}/timepoints/${baselineId}/schedule`)
      .send({ enabled: false, inviteOffsetDays: 0, reminderDays: [3, 7] })
      .expect(200);
    const [baseline] = (await monitoring(researcher, `?timepointId=${baselineId}`)).timepoints;
    expect(baseline.dueRule).toBe('schedule');
    // Due seven days (the last reminder) after the invitation: P1's link is eight days old, so now overdue.
    expect(baseline.cohorts.map((row) => row.overdue)).toEqual([1, 1]);
    await researcher
      .put(`/api/studies/${studyId}/timepoints/${baselineId}/schedule`)
      .send({ enabled: false, inviteOffsetDays: 0, reminderDays: [3, 7], dueAfterDays: 10 })
      .expect(200);
    const [later] = (await monitoring(researcher, `?timepointId=${baselineId}`)).timepoints;
    expect(later.cohorts.map((row) => row.overdue)).toEqual([0, 1]);
  });

  it('filters by cohort and timepoint, and refuses ids that are not the caller’s', async () => {
    const onlyB = await monitoring(researcher, `?cohortId=${cohortIds[1]}`);
    expect(onlyB.timepoints[0].cohorts.map((row) => row.cohortId)).toEqual([cohortIds[1]]);
    expect(onlyB.timepoints[0].total).toMatchObject({ participants: 2, invited: 1 });
    const onlySession = await monitoring(researcher, `?timepointId=${sessionId}`);
    expect(onlySession.timepoints.map((row) => row.timepointId)).toEqual([sessionId]);

    const bad = await researcher.get(`/api/studies/${studyId}/monitoring?cohortId=nope`).expect(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(['cohortId']);
    await researcher.get(`/api/studies/${studyId}/monitoring?timepointId=${cohortIds[0]}`).expect(404);

    const outsider = t.agent();
    await login(outsider, other.users.researcher.email);
    await outsider.get(`/api/studies/${studyId}/monitoring`).expect(404);
    await outsider.get(`/api/studies/${studyId}/participants/${ids.P4}/timeline`).expect(404);
  });

  it('shows a practitioner only their own clients', async () => {
    const body = await monitoring(practitioner, `?timepointId=${baselineId}`);
    expect(counts(body.timepoints[0].cohorts[0])).toMatchObject({
      participants: 1,
      invited: 1,
      completed: 1,
    });
    expect(body.timepoints[0].total).toMatchObject({ participants: 1, invited: 1 });
    await practitioner.get(`/api/studies/${studyId}/participants/${ids.P4}/timeline`).expect(200);
    await practitioner.get(`/api/studies/${studyId}/participants/${ids.P3}/timeline`).expect(404);
  });

  it("lists a participant's events in time order", async () => {
    const timeline = async (code: string) =>
      (await researcher.get(`/api/studies/${studyId}/participants/${ids[code]}/timeline`).expect(200))
        .body as {
        participantId: string;
        status: string;
        events: { at: string; type: string; timepointKey: string | null; detail: string | null }[];
      };
    const p3 = await timeline('P3');
    expect(p3.participantId).toBe(ids.P3);
    expect(p3.events.map((event) => event.type)).toEqual([
      'enrolled',
      'invited',
      'opened',
      'consented',
      'started',
    ]);
    expect(p3.events.slice(1).every((event) => event.timepointKey === 'baseline')).toBe(true);
    const times = p3.events.map((event) => new Date(event.at).getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    expect((await timeline('P4')).events.map((event) => event.type)).toEqual([
      'enrolled',
      'invited',
      'opened',
      'consented',
      'completed',
    ]);
    expect((await timeline('P5')).events.map((event) => event.type)).toEqual([
      'enrolled',
      'invited',
      'revoked',
    ]);
    expect((await timeline('P6')).events.map((event) => event.type)).toEqual([
      'enrolled',
      'invited',
      'expired',
    ]);
    const p7 = await timeline('P7');
    expect(p7.status).toBe('withdrawn');
    // Withdrawal revokes the link in the same transaction: those two share (almost) one moment.
    const p7Types = p7.events.map((event) => event.type);
    expect(p7Types.slice(0, 3)).toEqual(['enrolled', 'invited', 'consented']);
    expect(p7Types.slice(3).sort()).toEqual(['revoked', 'withdrawn']);
    expect(p7.events.find((event) => event.type === 'withdrawn')?.detail).toBe('erase_responses');
    // P1's invitation is dated eight days back: it comes right after enrolment… which is later. Order is by time.
    const p1 = await timeline('P1');
    expect(p1.events.map((event) => event.type)).toEqual(['invited', 'enrolled']);
    expect(new Date(p1.events[0].at).getTime()).toBeLessThan(Date.now() - 7 * DAY);
  });
});
