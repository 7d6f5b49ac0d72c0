import { createHash } from 'node:crypto';
import type { SMTPServer } from 'smtp-server';
import type TestAgent from 'supertest/lib/agent';
import { type ReceivedMail, staffInvitationToken, startSmtp, stopSmtp } from './smtp-catcher';
import {
  createTestApp,
  login,
  seedInstitution,
  type SeededInstitution,
  type TestApp,
  unique,
} from './test-app';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const NEW_PASSWORD = 'a brand new long password';

describe('staff of an institution', () => {
  let t: TestApp;
  let inst: SeededInstitution;
  let admin: TestAgent;
  let researcher: TestAgent;
  let practitioner: TestAgent;
  let smtp: SMTPServer;
  const received: ReceivedMail[] = [];

  const members = async () =>
    (await admin.get('/api/users').expect(200)).body.items as {
      userId: string;
      email: string;
      role: string;
      status: string;
    }[];
  const count = async (table: string) =>
    ((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0].n;

  beforeAll(async () => {
    const started = await startSmtp(received);
    smtp = started.server;
    t = await createTestApp({ KLIK_SMTP_URL: started.url });
    inst = await seedInstitution(t.dataSource, unique('staff'));
    admin = t.agent();
    researcher = t.agent();
    practitioner = t.agent();
    await login(admin, inst.users.institution_admin.email);
    await login(researcher, inst.users.researcher.email);
    await login(practitioner, inst.users.practitioner.email);
  });
  afterAll(async () => {
    await t.close();
    await stopSmtp(smtp);
  });

  it('lists the staff (admins and researchers), optionally by role', async () => {
    const all = await members();
    expect(all.map((m) => m.role).sort()).toEqual(['institution_admin', 'practitioner', 'researcher']);
    expect(JSON.stringify(all)).not.toMatch(/password|hash/i);
    const onlyPractitioners = await researcher.get('/api/users?role=practitioner').expect(200);
    expect(onlyPractitioners.body.items.map((m: { userId: string }) => m.userId)).toEqual([
      inst.users.practitioner.user.id,
    ]);
    const bad = await admin.get('/api/users?role=owner').expect(400);
    expect(bad.body.errors[0].field).toBe('role');
    await practitioner.get('/api/users').expect(403);
  });

  it('an admin invites an address: the link goes to that address only, and the colleague joins by accepting it', async () => {
    const email = `${unique('invited')}@Example.TEST`;
    const before = await count('users');
    const invited = await admin
      .post('/api/users')
      .send({ email, displayName: 'Invited Colleague', role: 'researcher' })
      .expect(201);
    expect(invited.body).toEqual({
      invitationId: expect.any(String),
      email: email.toLowerCase(),
      displayName: 'Invited Colleague',
      role: 'researcher',
      status: 'invited',
      expiresAt: expect.any(String),
    });
    // No account, no membership until the person accepts; the answer holds no link.
    expect(await count('users')).toBe(before);
    expect((await members()).some((m) => m.email === email.toLowerCase())).toBe(false);
    expect(JSON.stringify(invited.body)).not.toMatch(/accept-invitation|token/i);

    const mail = received.find((m) => m.to === email.toLowerCase());
    expect(mail?.subject).toContain(inst.institution.name);
    expect(mail?.language).toBe('nl, en');
    const token = staffInvitationToken(mail?.text ?? '') as string;
    expect(token).toHaveLength(43);
    const rows = (await t.dataSource.query(`SELECT * FROM staff_invitations WHERE id = $1`, [
      invited.body.invitationId,
    ])) as { token_hash: string; email: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);

    const preview = await t.agent().post('/api/auth/invitation').send({ token }).expect(200);
    expect(preview.body).toEqual({
      email: email.toLowerCase(),
      institutionName: inst.institution.name,
      role: 'researcher',
      accountExists: false,
      displayName: 'Invited Colleague',
    });
    const short = await t.agent().post('/api/auth/accept-invitation').send({ token, password: 'short' }).expect(400);
    expect(short.body.errors).toEqual([{ field: 'password', messages: [expect.stringContaining('12')] }]);
    await t.agent().post('/api/auth/accept-invitation').send({ token, password: NEW_PASSWORD }).expect(204);
    // A used link is dead, with the same answer as an unknown one.
    const again = await t.agent().post('/api/auth/accept-invitation').send({ token, password: NEW_PASSWORD }).expect(404);
    const unknown = await t
      .agent()
      .post('/api/auth/accept-invitation')
      .send({ token: 'x'.repeat(43), password: NEW_PASSWORD })
      .expect(404);
    expect(again.body.code).toBe('invitation_invalid');
    expect(unknown.body.message).toBe(again.body.message);

    const colleague = t.agent();
    const me = await colleague.post('/api/auth/login').send({ email, password: NEW_PASSWORD }).expect(200);
    expect(me.body.user.displayName).toBe('Invited Colleague');
    expect(me.body.memberships).toEqual([
      { institutionId: inst.institution.id, institutionName: inst.institution.name, role: 'researcher' },
    ]);
    expect((await members()).find((m) => m.email === email.toLowerCase())).toMatchObject({
      role: 'researcher',
      status: 'active',
    });
    expect((await admin.get('/api/users/invitations').expect(200)).body.items).toEqual([]);
  });

  it('no admin sets a password: a password field is refused and nothing is stored', async () => {
    const [users, invitations] = [await count('users'), await count('staff_invitations')];
    const response = await admin
      .post('/api/users')
      .send({ email: `${unique('pw')}@example.test`, displayName: 'X', role: 'researcher', password: NEW_PASSWORD })
      .expect(400);
    expect(response.body.errors).toEqual([{ field: 'password', messages: ['property password should not exist'] }]);
    expect([await count('users'), await count('staff_invitations')]).toEqual([users, invitations]);
  });

  it('a new invitation to the same address replaces the pending one; a revoked link is dead', async () => {
    const email = `${unique('twice')}@example.test`;
    const first = await admin.post('/api/users').send({ email, role: 'practitioner' }).expect(201);
    const firstToken = staffInvitationToken(received.filter((m) => m.to === email).at(-1)?.text ?? '') as string;
    const second = await admin.post('/api/users').send({ email, role: 'researcher' }).expect(201);
    const secondToken = staffInvitationToken(received.filter((m) => m.to === email).at(-1)?.text ?? '') as string;
    expect(secondToken).not.toBe(firstToken);
    await t.agent().post('/api/auth/invitation').send({ token: firstToken }).expect(404);
    const pending = (await admin.get('/api/users/invitations').expect(200)).body.items as { id: string; email: string }[];
    expect(pending.filter((i) => i.email === email).map((i) => i.id)).toEqual([second.body.invitationId]);
    expect(first.body.invitationId).not.toBe(second.body.invitationId);

    await admin.delete(`/api/users/invitations/${second.body.invitationId}`).expect(204);
    await admin.delete(`/api/users/invitations/${second.body.invitationId}`).expect(404);
    const dead = await t.agent().post('/api/auth/accept-invitation').send({ token: secondToken, password: NEW_PASSWORD }).expect(404);
    expect(dead.body.code).toBe('invitation_invalid');
    expect((await admin.get('/api/users/invitations').expect(200)).body.items).toEqual([]);
  });

  it('an expired invitation cannot be inspected or accepted', async () => {
    const email = `${unique('late')}@example.test`;
    const invited = await admin.post('/api/users').send({ email, role: 'researcher' }).expect(201);
    const token = staffInvitationToken(received.filter((m) => m.to === email).at(-1)?.text ?? '') as string;
    await t.dataSource.query(`UPDATE staff_invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      invited.body.invitationId,
    ]);
    await t.agent().post('/api/auth/invitation').send({ token }).expect(404);
    await t.agent().post('/api/auth/accept-invitation').send({ token, password: NEW_PASSWORD }).expect(404);
    const pending = (await admin.get('/api/users/invitations').expect(200)).body.items as { id: string; expired: boolean }[];
    expect(pending.find((i) => i.id === invited.body.invitationId)?.expired).toBe(true);
  });

  it('inviting a colleague who is already a member is a 409, and sends nothing', async () => {
    const sent = received.length;
    const response = await admin
      .post('/api/users')
      .send({ email: inst.users.researcher.email.toUpperCase(), role: 'practitioner' })
      .expect(409);
    expect(response.body.code).toBe('already_member');
    expect(received.length).toBe(sent);
  });

  it('researchers and practitioners cannot add colleagues or change roles (403), and nothing is written', async () => {
    const before = [await count('users'), await count('staff_invitations'), received.length];
    for (const agent of [researcher, practitioner]) {
      const response = await agent
        .post('/api/users')
        .send({
          email: `${unique('nope')}@example.test`,
          displayName: 'Nope',
          role: 'institution_admin',
        })
        .expect(403);
      expect(response.body.code).toBe('forbidden');
      await agent
        .patch(`/api/users/${inst.users.researcher.user.id}/role`)
        .send({ role: 'institution_admin' })
        .expect(403);
    }
    expect([await count('users'), await count('staff_invitations'), received.length]).toEqual(before);
    await researcher.get('/api/users/invitations').expect(403);
    expect((await members()).find((m) => m.userId === inst.users.researcher.user.id)?.role).toBe(
      'researcher',
    );
  });

  it('an admin changes roles; the last admin cannot be demoted (409)', async () => {
    const changed = await admin
      .patch(`/api/users/${inst.users.practitioner.user.id}/role`)
      .send({ role: 'researcher' })
      .expect(200);
    expect(changed.body).toMatchObject({ userId: inst.users.practitioner.user.id, role: 'researcher' });
    // The change applies to the colleague's existing session.
    await practitioner
      .post('/api/studies')
      .send({ title: unique('now allowed'), languages: ['en'], withdrawalPolicy: 'erase_link' })
      .expect(201);
    await admin
      .patch(`/api/users/${inst.users.practitioner.user.id}/role`)
      .send({ role: 'practitioner' })
      .expect(200);

    const last = await admin
      .patch(`/api/users/${inst.users.institution_admin.user.id}/role`)
      .send({ role: 'researcher' })
      .expect(409);
    expect(last.body.code).toBe('last_admin');
    expect((await members()).filter((m) => m.role === 'institution_admin')).toHaveLength(1);

    // With a second admin, the first may step down.
    await admin
      .patch(`/api/users/${inst.users.researcher.user.id}/role`)
      .send({ role: 'institution_admin' })
      .expect(200);
    await admin
      .patch(`/api/users/${inst.users.institution_admin.user.id}/role`)
      .send({ role: 'researcher' })
      .expect(200);
    const roles = Object.fromEntries(
      (await researcher.get('/api/users').expect(200)).body.items.map(
        (m: { userId: string; role: string }) => [m.userId, m.role],
      ),
    );
    expect(roles[inst.users.institution_admin.user.id]).toBe('researcher');
    expect(roles[inst.users.researcher.user.id]).toBe('institution_admin');

    const bad = await researcher
      .patch(`/api/users/${inst.users.practitioner.user.id}/role`)
      .send({ role: 'boss' })
      .expect(400);
    expect(bad.body.errors[0].field).toBe('role');
  });
});
