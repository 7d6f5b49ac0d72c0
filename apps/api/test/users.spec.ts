import { createHash } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import {
  createTestApp,
  login,
  seedInstitution,
  type SeededInstitution,
  TEST_PASSWORD,
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
    t = await createTestApp();
    inst = await seedInstitution(t.dataSource, unique('staff'));
    admin = t.agent();
    researcher = t.agent();
    practitioner = t.agent();
    await login(admin, inst.users.institution_admin.email);
    await login(researcher, inst.users.researcher.email);
    await login(practitioner, inst.users.practitioner.email);
  });
  afterAll(() => t.close());

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

  it('an admin creates a colleague with a password, who can then log in', async () => {
    const email = `${unique('created')}@Example.TEST`;
    const created = await admin
      .post('/api/users')
      .send({ email, displayName: 'Created Colleague', role: 'researcher', password: NEW_PASSWORD })
      .expect(201);
    expect(created.body).toEqual({
      userId: expect.any(String),
      email: email.toLowerCase(),
      displayName: 'Created Colleague',
      status: 'active',
      role: 'researcher',
    });
    const [row] = (await t.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [
      created.body.userId,
    ])) as {
      password_hash: string;
    }[];
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(NEW_PASSWORD);
    const colleague = t.agent();
    await login(colleague, email, NEW_PASSWORD);
    const me = await colleague.get('/api/auth/me').expect(200);
    expect(me.body.memberships).toEqual([
      { institutionId: inst.institution.id, institutionName: inst.institution.name, role: 'researcher' },
    ]);
    expect((await members()).map((m) => m.userId)).toContain(created.body.userId);
    const again = await admin
      .post('/api/users')
      .send({ email, displayName: 'Again', role: 'practitioner' })
      .expect(409);
    expect(again.body.code).toBe('already_member');
  });

  it('an admin invites a colleague: a one-time link sets the password, and cannot be used twice', async () => {
    const email = `${unique('invited')}@example.test`;
    const invited = await admin
      .post('/api/users')
      .send({ email, displayName: 'Invited Colleague', role: 'practitioner' })
      .expect(201);
    expect(invited.body).toMatchObject({ email, status: 'invited', role: 'practitioner' });
    const url = new URL(invited.body.invitationUrl);
    expect(`${url.origin}${url.pathname}`).toBe('http://klik.test/accept-invitation');
    const token = url.hash.slice(1);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash is kept.
    const rows = (await t.dataSource.query(`SELECT * FROM staff_invitations WHERE user_id = $1`, [
      invited.body.userId,
    ])) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    // Not yet a working account.
    await t.agent().post('/api/auth/login').send({ email, password: NEW_PASSWORD }).expect(401);

    const weak = await t
      .agent()
      .post('/api/auth/accept-invitation')
      .send({ token, password: 'short' })
      .expect(400);
    expect(weak.body.errors[0].field).toBe('password');
    await t.agent().post('/api/auth/accept-invitation').send({ token, password: NEW_PASSWORD }).expect(204);
    const colleague = t.agent();
    await login(colleague, email, NEW_PASSWORD);
    const me = await colleague.get('/api/auth/me').expect(200);
    expect(me.body.memberships).toEqual([
      { institutionId: inst.institution.id, institutionName: inst.institution.name, role: 'practitioner' },
    ]);

    const reuse = await t
      .agent()
      .post('/api/auth/accept-invitation')
      .send({ token, password: 'someone elses password' })
      .expect(404);
    expect(reuse.body.code).toBe('invitation_invalid');
    await login(t.agent(), email, NEW_PASSWORD);
    await t
      .agent()
      .post('/api/auth/accept-invitation')
      .send({ token: 'x'.repeat(43), password: NEW_PASSWORD })
      .expect(404);
  });

  it('an expired invitation cannot be accepted', async () => {
    const email = `${unique('late')}@example.test`;
    const invited = await admin
      .post('/api/users')
      .send({ email, displayName: 'Late', role: 'researcher' })
      .expect(201);
    const token = new URL(invited.body.invitationUrl).hash.slice(1);
    await t.dataSource.query(
      `UPDATE staff_invitations SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [invited.body.userId],
    );
    await t.agent().post('/api/auth/accept-invitation').send({ token, password: NEW_PASSWORD }).expect(404);
  });

  it('an existing account from another institution joins at once, without a link and keeping its password', async () => {
    const other = await seedInstitution(t.dataSource, unique('staff-other'));
    const joined = await admin
      .post('/api/users')
      .send({
        email: other.users.researcher.email,
        displayName: 'Ignored',
        role: 'practitioner',
        password: 'not used at all!',
      })
      .expect(201);
    expect(joined.body).toMatchObject({
      userId: other.users.researcher.user.id,
      status: 'active',
      role: 'practitioner',
    });
    expect(joined.body.invitationUrl).toBeUndefined();
    const agent = t.agent();
    await login(agent, other.users.researcher.email, TEST_PASSWORD);
    expect((await agent.get('/api/auth/me').expect(200)).body.memberships).toHaveLength(2);
  });

  it('researchers and practitioners cannot add colleagues or change roles (403), and nothing is written', async () => {
    const before = await count('users');
    for (const agent of [researcher, practitioner]) {
      const response = await agent
        .post('/api/users')
        .send({
          email: `${unique('nope')}@example.test`,
          displayName: 'Nope',
          role: 'institution_admin',
          password: NEW_PASSWORD,
        })
        .expect(403);
      expect(response.body.code).toBe('forbidden');
      await agent
        .patch(`/api/users/${inst.users.researcher.user.id}/role`)
        .send({ role: 'institution_admin' })
        .expect(403);
    }
    expect(await count('users')).toBe(before);
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
