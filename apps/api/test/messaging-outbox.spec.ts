import type TestAgent from 'supertest/lib/agent';
import { TAKE_COOKIE } from '../src/take/take.controller';
import {
  createRecruitingStudy,
  createTestApp,
  login,
  seedInstitution,
  type SeededInstitution,
  type TestApp,
} from './test-app';

interface OutboxItem {
  participantId: string;
  participantCode: string;
  invitationId: string;
  kind: string;
  sequence: number;
  to: string | null;
  subject: string;
  body: string;
  language: string;
  status: string;
  cancelReason: string | null;
}

const linkIn = (text: string) => /http:\/\/klik\.test\/take\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

describe('messaging without SMTP: contact details, schedules and the outbox the researcher reads', () => {
  let t: TestApp;
  let inst: SeededInstitution;
  let researcher: TestAgent;
  let practitioner: TestAgent;
  let studyId: string;
  let cohortIds: string[];
  let baselineId: string;
  let sessionId: string;

  const count = async (table: string, participantId: string) =>
    (
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE participant_id = $1`, [
        participantId,
      ])) as {
        n: number;
      }[]
    )[0].n;
  const enrol = async (practitionerId?: string) =>
    (
      await researcher
        .post(`/api/studies/${studyId}/participants`)
        .send({ cohortId: cohortIds[0], ...(practitionerId ? { practitionerId } : {}) })
        .expect(201)
    ).body.id as string;
  const contactUrl = (participantId: string) =>
    `/api/studies/${studyId}/participants/${participantId}/contact`;
  const scheduleUrl = (timepointId: string) => `/api/studies/${studyId}/timepoints/${timepointId}/schedule`;
  const outbox = async (query = '') =>
    (await researcher.get(`/api/studies/${studyId}/outbox${query}`).expect(200)).body as {
      items: OutboxItem[];
      total: number;
      smtpConfigured: boolean;
    };

  beforeAll(async () => {
    t = await createTestApp();
    inst = await seedInstitution(t.dataSource);
    researcher = t.agent();
    await login(researcher, inst.users.researcher.email);
    practitioner = t.agent();
    await login(practitioner, inst.users.practitioner.email);
    let timepointIds: string[];
    ({ studyId, cohortIds, timepointIds } = await createRecruitingStudy(researcher));
    [baselineId, sessionId] = timepointIds;
  });
  afterAll(() => t.close());

  describe('contact details', () => {
    it('are set, read, replaced and erased, and bad input stores nothing', async () => {
      const id = await enrol();
      await researcher.get(contactUrl(id)).expect(404);
      const bad = await researcher
        .put(contactUrl(id))
        .send({ email: 'not-an-address', preferredLanguage: 'fr' })
        .expect(400);
      expect(bad.body.code).toBe('validation_failed');
      expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'email',
        'preferredLanguage',
      ]);
      await researcher.put(contactUrl(id)).send({ email: 'a@example.test', phone: 'call me' }).expect(400);
      await researcher.put(contactUrl(id)).send({ email: 'a@example.test', extra: 1 }).expect(400);
      expect(await count('participant_contacts', id)).toBe(0);

      const set = await researcher
        .put(contactUrl(id))
        .send({ email: 'a@example.test', phone: '+31 6 1234 5678', preferredLanguage: 'en' })
        .expect(200);
      expect(set.body).toMatchObject({
        participantId: id,
        email: 'a@example.test',
        phone: '+31 6 1234 5678',
        preferredLanguage: 'en',
      });
      const replaced = await researcher.put(contactUrl(id)).send({ email: 'b@example.test' }).expect(200);
      expect(replaced.body).toMatchObject({ email: 'b@example.test', phone: null, preferredLanguage: null });
      expect((await researcher.get(contactUrl(id)).expect(200)).body.email).toBe('b@example.test');
      expect(await count('participant_contacts', id)).toBe(1);

      await researcher.delete(contactUrl(id)).expect(204);
      expect(await count('participant_contacts', id)).toBe(0);
      await researcher.get(contactUrl(id)).expect(404);
      await researcher.delete(contactUrl(id)).expect(404);
    });

    it('are open to a practitioner for their own clients only, and closed once a participant withdrew', async () => {
      const own = await enrol(inst.users.practitioner.user.id);
      const someoneElse = await enrol();
      await practitioner.put(contactUrl(own)).send({ email: 'own@example.test' }).expect(200);
      expect((await practitioner.get(contactUrl(own)).expect(200)).body.email).toBe('own@example.test');
      await researcher.put(contactUrl(someoneElse)).send({ email: 'else@example.test' }).expect(200);
      await practitioner.get(contactUrl(someoneElse)).expect(404);
      await practitioner.put(contactUrl(someoneElse)).send({ email: 'x@example.test' }).expect(404);
      await practitioner.delete(contactUrl(someoneElse)).expect(404);

      await researcher.post(`/api/studies/${studyId}/participants/${someoneElse}/withdraw`).expect(200);
      expect(await count('participant_contacts', someoneElse)).toBe(0);
      const refused = await researcher
        .put(contactUrl(someoneElse))
        .send({ email: 'back@example.test' })
        .expect(409);
      expect(refused.body.code).toBe('participant_withdrawn');
      expect(await count('participant_contacts', someoneElse)).toBe(0);
    });
  });

  describe('schedules', () => {
    it('default to off, are validated, and only the owner’s researchers change them', async () => {
      const initial = await researcher.get(scheduleUrl(baselineId)).expect(200);
      expect(initial.body).toMatchObject({
        timepointId: baselineId,
        enabled: false,
        reminderDays: [],
        updatedAt: null,
      });

      const decreasing = await researcher
        .put(scheduleUrl(baselineId))
        .send({ enabled: true, inviteOffsetDays: 0, reminderDays: [7, 3] })
        .expect(400);
      expect(decreasing.body.errors).toEqual([
        { field: 'reminderDays.1', messages: ['reminderDays must increase'] },
      ]);
      const late = await researcher
        .put(scheduleUrl(baselineId))
        .send({ enabled: true, inviteOffsetDays: 0, reminderDays: [3, 10], expiresInDays: 10 })
        .expect(400);
      expect(late.body.errors.map((error: { field: string }) => error.field)).toEqual(['reminderDays.1']);
      const types = await researcher
        .put(scheduleUrl(baselineId))
        .send({ enabled: 'yes', inviteOffsetDays: -1, reminderDays: [0.5] })
        .expect(400);
      expect(types.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'enabled',
        'inviteOffsetDays',
        'reminderDays',
      ]);
      const session = await researcher
        .put(scheduleUrl(sessionId))
        .send({ enabled: true, inviteOffsetDays: 0, reminderDays: [] })
        .expect(409);
      expect(session.body.code).toBe('session_timepoint');
      await practitioner
        .put(scheduleUrl(baselineId))
        .send({ enabled: true, inviteOffsetDays: 0, reminderDays: [3] })
        .expect(403);
      expect((await researcher.get(scheduleUrl(baselineId)).expect(200)).body.updatedAt).toBeNull();

      const saved = await researcher
        .put(scheduleUrl(baselineId))
        .send({ enabled: true, inviteOffsetDays: 0, reminderDays: [3, 7], expiresInDays: 14 })
        .expect(200);
      expect(saved.body).toMatchObject({
        enabled: true,
        inviteOffsetDays: 0,
        reminderDays: [3, 7],
        expiresInDays: 14,
        dueAfterDays: null,
        effectiveDueAfterDays: 7,
      });
      expect((await practitioner.get(scheduleUrl(baselineId)).expect(200)).body.reminderDays).toEqual([3, 7]);
    });
  });

  describe('the outbox', () => {
    it('keeps the messages queued without SMTP; the researcher reads them and the link works', async () => {
      const anna = await enrol();
      await researcher
        .put(contactUrl(anna))
        .send({ email: 'anna@example.test', preferredLanguage: 'nl' })
        .expect(200);

      const run = await researcher.post(`/api/studies/${studyId}/outbox/run`).expect(200);
      // Anna, and the practitioner's client with contact details from the test above.
      expect(run.body).toEqual({ planned: 2, sent: 0, failed: 0, cancelled: 0, smtpConfigured: false });
      expect((await researcher.post(`/api/studies/${studyId}/outbox/run`).expect(200)).body.planned).toBe(0);

      const all = await outbox(`?participantId=${anna}`);
      expect(all.smtpConfigured).toBe(false);
      expect(all.items.map((item) => [item.kind, item.sequence, item.status])).toEqual([
        ['reminder', 2, 'queued'],
        ['reminder', 1, 'queued'],
        ['invitation', 0, 'queued'],
      ]);
      const invitation = all.items[2];
      expect(invitation).toMatchObject({ to: 'anna@example.test', language: 'nl' });
      expect(invitation.subject).toMatch(/^Uitnodiging: /);
      const entry = await t
        .agent()
        .get(`/take/${linkIn(invitation.body)}`)
        .expect(303);
      expect(String(entry.headers['set-cookie'])).toMatch(new RegExp(`${TAKE_COOKIE}=[A-Za-z0-9_-]{20,}`));

      const invitations = await outbox('?status=queued&kind=invitation');
      expect(invitations.total).toBe(2);
      expect(invitations.items.every((item) => item.kind === 'invitation')).toBe(true);
      const page = await outbox('?limit=2&offset=1');
      expect(page.total).toBe(6);
      expect(page.items).toHaveLength(2);

      const bad = await researcher.get(`/api/studies/${studyId}/outbox?status=lost&limit=0`).expect(400);
      expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'limit',
        'status',
      ]);
      await practitioner.get(`/api/studies/${studyId}/outbox`).expect(403);
      await practitioner.post(`/api/studies/${studyId}/outbox/run`).expect(403);
    });

    it('cancels waiting messages when the link is revoked or expires, the contact is erased or the schedule is off', async () => {
      const people = [await enrol(), await enrol(), await enrol(), await enrol()];
      for (const [index, id] of people.entries()) {
        await researcher
          .put(contactUrl(id))
          .send({ email: `p${index}@example.test` })
          .expect(200);
      }
      await researcher.post(`/api/studies/${studyId}/outbox/run`).expect(200);
      const invitationOf = async (id: string) =>
        (await outbox(`?participantId=${id}&kind=invitation`)).items[0].invitationId;
      const statusOf = async (id: string) =>
        (await outbox(`?participantId=${id}`)).items.map((item) => [item.status, item.cancelReason, item.to]);

      await researcher
        .post(`/api/studies/${studyId}/invitations/${await invitationOf(people[0])}/revoke`)
        .expect(200);
      expect(await statusOf(people[0])).toEqual(
        Array(3).fill(['cancelled', 'invitation_revoked', 'p0@example.test']),
      );

      await t.dataSource.query(
        `UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`,
        [await invitationOf(people[1])],
      );
      expect(await statusOf(people[1])).toEqual(
        Array(3).fill(['cancelled', 'invitation_expired', 'p1@example.test']),
      );

      await researcher.delete(contactUrl(people[2])).expect(204);
      expect(await statusOf(people[2])).toEqual(Array(3).fill(['cancelled', 'contact_erased', null]));
      expect((await outbox(`?participantId=${people[2]}`)).items.some((item) => linkIn(item.body))).toBe(
        false,
      );

      expect((await statusOf(people[3]))[0][0]).toBe('queued');
      await researcher
        .put(scheduleUrl(baselineId))
        .send({ enabled: false, inviteOffsetDays: 0, reminderDays: [3, 7], expiresInDays: 14 })
        .expect(200);
      expect(await statusOf(people[3])).toEqual(
        Array(3).fill(['cancelled', 'schedule_off', 'p3@example.test']),
      );
      expect((await researcher.post(`/api/studies/${studyId}/outbox/run`).expect(200)).body.planned).toBe(0);
    });
  });
});
