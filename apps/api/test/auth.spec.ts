import { createHash, randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { Membership } from '../src/institutions/membership.entity';
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

/** The klik_session cookie's token and attributes from a login answer. */
function sessionCookie(setCookie: string[] | string | undefined) {
  const header = ([] as string[]).concat(setCookie ?? []).find((c) => c.startsWith('klik_session='));
  if (!header) throw new Error(`no klik_session cookie in ${JSON.stringify(setCookie)}`);
  const [pair, ...attributes] = header.split(';').map((part) => part.trim());
  return {
    header,
    token: decodeURIComponent(pair.slice('klik_session='.length)),
    attributes: attributes.map((a) => a.toLowerCase()),
  };
}

describe('staff authentication', () => {
  let t: TestApp;
  let inst: SeededInstitution;
  let second: SeededInstitution;

  beforeAll(async () => {
    t = await createTestApp();
    inst = await seedInstitution(t.dataSource, unique('auth-a'));
    second = await seedInstitution(t.dataSource, unique('auth-b'));
  });
  afterAll(() => t.close());

  it('login answers who you are and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const agent = t.agent();
    const response = await agent
      .post('/api/auth/login')
      .send({ email: inst.users.researcher.email.toUpperCase(), password: TEST_PASSWORD })
      .expect(200);
    expect(response.body).toEqual({
      user: {
        id: inst.users.researcher.user.id,
        email: inst.users.researcher.email,
        displayName: expect.any(String),
      },
      memberships: [
        { institutionId: inst.institution.id, institutionName: inst.institution.name, role: 'researcher' },
      ],
      activeInstitutionId: inst.institution.id,
    });
    const cookie = sessionCookie(response.headers['set-cookie']);
    expect(cookie.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']));
    expect(cookie.attributes.some((a) => a.startsWith('expires='))).toBe(true);
    expect(cookie.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(response.text).not.toContain('password');
    const me = await agent.get('/api/auth/me').expect(200);
    expect(me.body).toEqual(response.body);
  });

  it('the sessions table keeps only the SHA-256 of the token', async () => {
    const response = await t
      .agent()
      .post('/api/auth/login')
      .send({ email: inst.users.practitioner.email, password: TEST_PASSWORD })
      .expect(200);
    const { token } = sessionCookie(response.headers['set-cookie']);
    const rows = (await t.dataSource.query(`SELECT * FROM sessions WHERE user_id = $1`, [
      inst.users.practitioner.user.id,
    ])) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM sessions s WHERE s::text LIKE $1`,
      [`%${token}%`],
    )) as {
      n: number;
    }[];
    expect(n).toBe(0);
  });

  it('a wrong password and an unknown e-mail get the same 401 body', async () => {
    const wrong = await t
      .agent()
      .post('/api/auth/login')
      .send({ email: second.users.researcher.email, password: 'not the password' })
      .expect(401);
    const unknown = await t
      .agent()
      .post('/api/auth/login')
      .send({ email: `${unique('nobody')}@example.test`, password: 'not the password' })
      .expect(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, correlationId: undefined });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(wrong.body).toMatchObject({ statusCode: 401, code: 'invalid_credentials' });
    expect(wrong.headers['set-cookie']).toBeUndefined();
    // The failed attempt above is forgotten after a successful login.
    await login(t.agent(), second.users.researcher.email);
    const [{ failed_login_count: failures }] = (await t.dataSource.query(
      `SELECT failed_login_count FROM users WHERE id = $1`,
      [second.users.researcher.user.id],
    )) as { failed_login_count: number }[];
    expect(failures).toBe(0);
  });

  it('five failures lock the account for 15 minutes; while locked, even the right password gets the same 401', async () => {
    const email = inst.users.institution_admin.email;
    const wrong: Record<string, unknown>[] = [];
    for (let i = 1; i <= 5; i++) {
      const response = await t
        .agent()
        .post('/api/auth/login')
        .send({ email, password: `wrong ${i}` });
      expect({ attempt: i, status: response.status }).toEqual({ attempt: i, status: 401 });
      wrong.push({ ...response.body, correlationId: undefined });
    }
    const locked = await t
      .agent()
      .post('/api/auth/login')
      .send({ email, password: TEST_PASSWORD })
      .expect(401);
    // Indistinguishable from a wrong password (and from an unknown address, above).
    expect({ ...locked.body, correlationId: undefined }).toEqual(wrong[0]);
    expect(locked.headers['set-cookie']).toBeUndefined();
    await t.agent().post('/api/auth/login').send({ email, password: 'wrong again' }).expect(401);
    // Once the lock has passed, the right password works again.
    await t.dataSource.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [
      inst.users.institution_admin.user.id,
    ]);
    await login(t.agent(), email);
  });

  it('logout ends the session at once: the old cookie gets 401', async () => {
    const agent = t.agent();
    const response = await agent
      .post('/api/auth/login')
      .send({ email: second.users.practitioner.email, password: TEST_PASSWORD })
      .expect(200);
    const { token } = sessionCookie(response.headers['set-cookie']);
    await agent.get('/api/auth/me').expect(200);
    const out = await agent.post('/api/auth/logout').expect(204);
    const cleared = sessionCookie(out.headers['set-cookie']);
    expect(cleared.token).toBe('');
    const replay = await t.agent().get('/api/auth/me').set('cookie', `klik_session=${token}`).expect(401);
    expect(replay.body.code).toBe('unauthenticated');
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM sessions WHERE token_hash = $1`,
      [sha256(token)],
    )) as {
      n: number;
    }[];
    expect(n).toBe(0);
    await t.agent().post('/api/auth/logout').set('cookie', `klik_session=${token}`).expect(401);
  });

  it('no cookie, a made-up cookie, an over-long cookie and an expired session are all 401', async () => {
    await t.agent().get('/api/auth/me').expect(401);
    await t.agent().get('/api/auth/me').set('cookie', 'klik_session=made-up-token').expect(401);
    await t
      .agent()
      .get('/api/auth/me')
      .set('cookie', `klik_session=${'a'.repeat(500)}`)
      .expect(401);
    const agent = t.agent();
    const response = await agent
      .post('/api/auth/login')
      .send({ email: second.users.institution_admin.email, password: TEST_PASSWORD })
      .expect(200);
    const { token } = sessionCookie(response.headers['set-cookie']);
    await t.dataSource.query(
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
      [sha256(token)],
    );
    const expired = await agent.get('/api/auth/me').expect(401);
    expect(expired.body.code).toBe('unauthenticated');
  });

  describe('a user with two institutions', () => {
    let agent: TestAgent;

    beforeAll(async () => {
      // A's researcher also works as a practitioner in B (inserted as the database owner, like an accepted invitation).
      await t.dataSource.getRepository(Membership).insert({
        userId: inst.users.researcher.user.id,
        institutionId: second.institution.id,
        role: 'practitioner',
      });
      agent = t.agent();
      await login(agent, inst.users.researcher.email);
    });

    it('sees both memberships and switches between them; role and data follow the active institution', async () => {
      const me = await agent.get('/api/auth/me').expect(200);
      expect(me.body.memberships).toHaveLength(2);
      expect(me.body.memberships).toEqual(
        expect.arrayContaining([
          { institutionId: inst.institution.id, institutionName: inst.institution.name, role: 'researcher' },
          {
            institutionId: second.institution.id,
            institutionName: second.institution.name,
            role: 'practitioner',
          },
        ]),
      );
      const target = me.body.activeInstitutionId === inst.institution.id ? second : inst;
      const switched = await agent
        .post('/api/auth/switch-institution')
        .send({ institutionId: target.institution.id })
        .expect(200);
      expect(switched.body.activeInstitutionId).toBe(target.institution.id);
      expect((await agent.get('/api/auth/me').expect(200)).body.activeInstitutionId).toBe(
        target.institution.id,
      );

      await agent
        .post('/api/auth/switch-institution')
        .send({ institutionId: second.institution.id })
        .expect(200);
      // In B they are a practitioner: no new studies.
      await agent
        .post('/api/studies')
        .send({ title: 'x', languages: ['en'], withdrawalPolicy: 'erase_link' })
        .expect(403);
      await agent
        .post('/api/auth/switch-institution')
        .send({ institutionId: inst.institution.id })
        .expect(200);
      const created = await agent
        .post('/api/studies')
        .send({ title: unique('switched'), languages: ['en'], withdrawalPolicy: 'erase_link' })
        .expect(201);
      expect(created.body.ownerInstitutionId).toBe(inst.institution.id);
    });

    it('cannot switch to an institution they are not in (404) or to a malformed id (400)', async () => {
      const outsider = await seedInstitution(t.dataSource, unique('auth-outsider'));
      const response = await agent
        .post('/api/auth/switch-institution')
        .send({ institutionId: outsider.institution.id })
        .expect(404);
      expect(response.body.code).toBe('not_found');
      await agent.post('/api/auth/switch-institution').send({ institutionId: randomUUID() }).expect(404);
      const malformed = await agent
        .post('/api/auth/switch-institution')
        .send({ institutionId: 'abc' })
        .expect(400);
      expect(malformed.body.errors[0].field).toBe('institutionId');
      expect((await agent.get('/api/auth/me').expect(200)).body.activeInstitutionId).toBe(
        inst.institution.id,
      );
    });
  });
});
