import type TestAgent from 'supertest/lib/agent';
import { MAX_SESSIONS_PER_USER } from '../src/auth/auth.service';
import { SESSION_COOKIE } from '../src/auth/auth-context';
import {
  addStaff,
  createTestApp,
  login,
  seedInstitution,
  type SeededInstitution,
  type TestApp,
  unique,
} from './test-app';

/**
 * Issue 10, finding 5: staff sessions accumulated without limit. Expired ones are pruned, each user keeps at most
 * MAX_SESSIONS_PER_USER, and a user sees and ends their own sessions (and nobody else's).
 */
describe('security: staff sessions are bounded, and their owner sees and ends them', () => {
  let t: TestApp;
  let inst: SeededInstitution;

  const liveSessions = async (userId: string) =>
    (
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1`, [userId])) as {
        n: number;
      }[]
    )[0].n;
  const browser = async (email: string, userAgent: string): Promise<TestAgent> => {
    const agent = t.agent();
    agent.set('User-Agent', userAgent);
    await login(agent, email);
    return agent;
  };

  beforeAll(async () => {
    t = await createTestApp();
    inst = await seedInstitution(t.dataSource, unique('sessions'));
  });
  afterAll(() => t.close());

  it(`a user keeps at most ${MAX_SESSIONS_PER_USER} sessions: logging in again ends the oldest`, async () => {
    const { user, email } = await addStaff(t.dataSource, inst.institution.id, 'researcher');
    const agents: TestAgent[] = [];
    for (let i = 0; i < MAX_SESSIONS_PER_USER + 5; i++) agents.push(await browser(email, `Browser ${i}`));
    expect(await liveSessions(user.id)).toBe(MAX_SESSIONS_PER_USER);
    for (const [i, agent] of agents.entries()) {
      await agent.get('/api/auth/me').expect(i < 5 ? 401 : 200);
    }
  });

  it('expired sessions are removed at the next login, of every user', async () => {
    const { user, email } = await addStaff(t.dataSource, inst.institution.id, 'researcher');
    const other = await addStaff(t.dataSource, inst.institution.id, 'practitioner');
    for (const owner of [user.id, other.user.id]) {
      for (let i = 0; i < 20; i++) {
        await t.dataSource.query(
          `INSERT INTO sessions (token_hash, user_id, active_institution_id, expires_at, created_at)
           VALUES (encode(sha256(gen_random_uuid()::text::bytea), 'hex'), $1, $2, now() - interval '1 hour', now() - interval '13 hours')`,
          [owner, inst.institution.id],
        );
      }
    }
    await browser(email, 'Fresh');
    const [{ expired }] = (await t.dataSource.query(
      `SELECT count(*)::int AS expired FROM sessions WHERE expires_at <= now()`,
    )) as { expired: number }[];
    expect(expired).toBe(0);
    expect(await liveSessions(user.id)).toBe(1);
  });

  it('lists only your own live sessions, newest first, with the browser and the current one marked', async () => {
    const { email } = await addStaff(t.dataSource, inst.institution.id, 'researcher');
    const phone = await browser(email, 'Mozilla/5.0 (iPhone) Phone');
    const laptop = await browser(email, 'Mozilla/5.0 (X11; Linux) Laptop');
    const stranger = await browser(inst.users.researcher.email, 'Someone else');
    const list = (await laptop.get('/api/auth/sessions').expect(200)).body.items as {
      id: string;
      userAgent: string;
      current: boolean;
    }[];
    expect(list.map((s) => [s.userAgent, s.current])).toEqual([
      ['Mozilla/5.0 (X11; Linux) Laptop', true],
      ['Mozilla/5.0 (iPhone) Phone', false],
    ]);
    const theirs = (await stranger.get('/api/auth/sessions').expect(200)).body.items as { id: string }[];
    expect(theirs.map((s) => s.id)).not.toContain(list[0].id);
    await phone.get('/api/auth/me').expect(200);
  });

  it('ends one session (yours only), the current one with the cookie, or all others', async () => {
    const { email } = await addStaff(t.dataSource, inst.institution.id, 'researcher');
    const a = await browser(email, 'A');
    const b = await browser(email, 'B');
    const c = await browser(email, 'C');
    const d = await browser(email, 'D');
    const stranger = await browser(inst.users.practitioner.email, 'Stranger');
    const ids = Object.fromEntries(
      ((await a.get('/api/auth/sessions').expect(200)).body.items as { id: string; userAgent: string }[]).map(
        (s) => [s.userAgent, s.id],
      ),
    );
    // Someone else's session id is a 404 and stays alive.
    await stranger.delete(`/api/auth/sessions/${ids.B}`).expect(404);
    await stranger.delete('/api/auth/sessions/not-a-uuid').expect(404);
    await b.get('/api/auth/me').expect(200);

    await a.delete(`/api/auth/sessions/${ids.B}`).expect(204);
    await b.get('/api/auth/me').expect(401);
    const self = await c.delete(`/api/auth/sessions/${ids.C}`).expect(204);
    expect(String(self.headers['set-cookie'])).toContain(`${SESSION_COOKIE}=;`);
    await c.get('/api/auth/me').expect(401);

    const ended = await a.post('/api/auth/sessions/end-others').expect(200);
    expect(ended.body).toEqual({ ended: 1 });
    await d.get('/api/auth/me').expect(401);
    await a.get('/api/auth/me').expect(200);
    expect(((await a.get('/api/auth/sessions').expect(200)).body.items as unknown[]).length).toBe(1);
    await stranger.get('/api/auth/me').expect(200);
  });
});
