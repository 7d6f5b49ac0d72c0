import { createHash, randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { PasswordService } from '../src/auth/password.service';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from '../src/auth/auth.service';
import { DEFAULT_RATE_LIMITS } from '../src/config/app-config';
import {
  addStaff,
  createTestApp,
  seedInstitution,
  type SeededInstitution,
  TEST_PASSWORD,
  TEST_RATE_LIMITS,
  type TestApp,
  unique,
} from './test-app';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** A client address of its own for each use (the API trusts X-Forwarded-For from the loopback proxy). */
let addressCounter = 0;
const freshAddress = () => {
  addressCounter++;
  return `198.51.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;
};
/** The error body without its per-request correlation id. */
const comparable = (response: Response) => ({
  status: response.status,
  body: { ...response.body, correlationId: undefined },
});

/**
 * Issue 10, finding 2: brute force. The lock-out holds under a parallel burst; rate limits per account and per
 * client address answer 429 with Retry-After on login, participant links and staff invitations, across API
 * processes; no password hashing happens before the limit and the token lookup.
 */
describe('security: the lock-out holds under a parallel burst', () => {
  let t: TestApp;
  let inst: SeededInstitution;

  const failedLogins = async (email: string) =>
    (await t.dataSource.query(
      `SELECT details->>'reason' AS reason, count(*)::int AS n FROM audit_log
        WHERE action = 'auth.login_failed' AND details->>'emailSha256' = $1 GROUP BY 1 ORDER BY 1`,
      [sha256(email)],
    )) as { reason: string; n: number }[];
  const burst = (email: string, passwords: string[]) =>
    Promise.all(
      passwords.map((password) =>
        t.agent().post('/api/auth/login').set('X-Forwarded-For', freshAddress()).send({ email, password }),
      ),
    );

  beforeAll(async () => {
    // Rate limits out of the way: this part is about the lock-out alone.
    t = await createTestApp();
    inst = await seedInstitution(t.dataSource, unique('burst'));
  });
  afterAll(() => t.close());

  it(`50 wrong passwords sent at once: exactly ${MAX_FAILED_LOGINS} are checked, the rest refused as locked, and the right one is refused after`, async () => {
    const { email } = await addStaff(t.dataSource, inst.institution.id, 'researcher');
    const responses = await burst(
      email,
      Array.from({ length: 50 }, (_, i) => `wrong password ${i}`),
    );
    expect(responses.filter((r) => r.status !== 401).map((r) => [r.status, r.body])).toEqual([]);
    expect(await failedLogins(email)).toEqual([
      { reason: 'locked', n: 50 - MAX_FAILED_LOGINS },
      { reason: 'wrong_password', n: MAX_FAILED_LOGINS },
    ]);
    const [user] = (await t.dataSource.query(
      `SELECT locked_until > now() + interval '${LOCK_MINUTES - 1} minutes' AS locked FROM users WHERE email = $1`,
      [email],
    )) as { locked: boolean }[];
    expect(user.locked).toBe(true);
    // The right password inside a second burst, and alone afterwards: refused while locked.
    const again = await burst(email, [TEST_PASSWORD, ...Array.from({ length: 9 }, (_, i) => `wrong ${i}`)]);
    expect(again.map((r) => r.status)).toEqual(Array(10).fill(401));
    await t.agent().post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(401);
    expect((await failedLogins(email)).find((r) => r.reason === 'wrong_password')?.n).toBe(MAX_FAILED_LOGINS);
    // When the lock has run out, the right password works and the count starts again.
    await t.dataSource.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE email = $1`, [
      email,
    ]);
    await t.agent().post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    const [after] = (await t.dataSource.query(
      `SELECT failed_login_count, locked_until FROM users WHERE email = $1`,
      [email],
    )) as { failed_login_count: number; locked_until: Date | null }[];
    expect(after).toEqual({ failed_login_count: 0, locked_until: null });
  });

  it('a correct password in a burst of guesses is one of the few that are checked, not one of fifty', async () => {
    const { email } = await addStaff(t.dataSource, inst.institution.id, 'researcher');
    const passwords = [...Array.from({ length: 49 }, (_, i) => `guess ${i}`), TEST_PASSWORD];
    const responses = await burst(email, passwords);
    const checked = (await failedLogins(email)).find((r) => r.reason === 'wrong_password')?.n ?? 0;
    const succeeded = responses.filter((r) => r.status === 200).length;
    // Before the fix all 50 were checked against the password (and the right one cleared the lock).
    expect(checked + succeeded).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect(responses.filter((r) => r.status === 401)).toHaveLength(50 - succeeded);
  });

  it('a locked account, an unknown address, a disabled account and a wrong password answer alike', async () => {
    const locked = await addStaff(t.dataSource, inst.institution.id, 'researcher');
    await t.dataSource.query(`UPDATE users SET locked_until = now() + interval '10 minutes' WHERE id = $1`, [
      locked.user.id,
    ]);
    const disabled = await addStaff(t.dataSource, inst.institution.id, 'researcher');
    await t.dataSource.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [disabled.user.id]);
    const login = (email: string, password: string) =>
      t.agent().post('/api/auth/login').send({ email, password });
    const answers = [
      await login(locked.email, TEST_PASSWORD),
      await login(`${unique('nobody')}@example.test`, TEST_PASSWORD),
      await login(disabled.email, TEST_PASSWORD),
      await login(inst.users.practitioner.email, 'not the password'),
    ].map(comparable);
    expect(answers[0].status).toBe(401);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0].body.code).toBe('invalid_credentials');
  });
});

describe('security: rate limits answer 429 with Retry-After, shared by every API process', () => {
  let t: TestApp;
  let second: TestApp;
  let inst: SeededInstitution;
  const LIMITS = {
    'login-account': 4,
    'login-ip': 6,
    'take-ip': 5,
    'invitation-token': 3,
    'invitation-ip': 5,
  };
  const limits = Object.entries(LIMITS)
    .map(([name, points]) => `${name}=${points}/15m`)
    .join(',');

  const expect429 = (response: Response, withinSeconds = 15 * 60) => {
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(withinSeconds);
  };

  beforeAll(async () => {
    // Two API instances with their own pools and no shared memory, on one database: two "processes".
    t = await createTestApp({ KLIK_RATE_LIMITS: limits });
    second = await createTestApp({ KLIK_RATE_LIMITS: limits });
    inst = await seedInstitution(t.dataSource, unique('limits'));
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('the documented defaults are the ones in force without KLIK_RATE_LIMITS', () => {
    expect(DEFAULT_RATE_LIMITS).toEqual({
      'login-account': { points: 10, durationSeconds: 900 },
      'login-ip': { points: 100, durationSeconds: 900 },
      'take-ip': { points: 60, durationSeconds: 60 },
      'invitation-token': { points: 10, durationSeconds: 900 },
      'invitation-ip': { points: 30, durationSeconds: 900 },
    });
    expect(TEST_RATE_LIMITS).toContain('login-ip=');
  });

  it('login per account: from ever new addresses, alternating between two API processes, the 5th attempt is a 429', async () => {
    for (const email of [
      `${unique('ghost')}@example.test`,
      (await addStaff(t.dataSource, inst.institution.id, 'researcher')).email,
    ]) {
      for (let i = 0; i < LIMITS['login-account']; i++) {
        const app = i % 2 === 0 ? t : second;
        await app
          .agent()
          .post('/api/auth/login')
          .set('X-Forwarded-For', freshAddress())
          .send({ email, password: `x${i}` })
          .expect(401);
      }
      // Even the right password, on either process.
      const refused = await second
        .agent()
        .post('/api/auth/login')
        .set('X-Forwarded-For', freshAddress())
        .send({ email, password: TEST_PASSWORD });
      expect429(refused);
      expect(refused.body.code).toBe('too_many_requests');
    }
  });

  it('login per client address: the 7th attempt from one address is a 429, another address is still heard', async () => {
    const address = freshAddress();
    for (let i = 0; i < LIMITS['login-ip']; i++) {
      await (i % 2 ? second : t)
        .agent()
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email: `${unique('spray')}@example.test`, password: 'x' })
        .expect(401);
    }
    expect429(
      await t
        .agent()
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email: inst.users.researcher.email, password: TEST_PASSWORD }),
    );
    await t
      .agent()
      .post('/api/auth/login')
      .set('X-Forwarded-For', freshAddress())
      .send({ email: inst.users.researcher.email, password: TEST_PASSWORD })
      .expect(200);
  });

  it('participant links: opening more than the limit from one address is a 429 page, whatever the token', async () => {
    const address = freshAddress();
    for (let i = 0; i < LIMITS['take-ip']; i++) {
      await (i % 2 ? second : t)
        .agent()
        .get(`/take/${randomBytes(32).toString('base64url')}`)
        .set('X-Forwarded-For', address)
        .expect(303);
    }
    const refused = await t
      .agent()
      .get(`/take/${randomBytes(32).toString('base64url')}`)
      .set('X-Forwarded-For', address);
    expect429(refused);
    expect(refused.headers['content-type']).toMatch(/^text\/plain/);
    expect(refused.text).toContain('Wait a moment');
    await t
      .agent()
      .get(`/take/${randomBytes(32).toString('base64url')}`)
      .set('X-Forwarded-For', freshAddress())
      .expect(303);
  });

  it('staff invitations: per client address over inspect and accept together, and per link over any addresses', async () => {
    const address = freshAddress();
    for (let i = 0; i < LIMITS['invitation-ip']; i++) {
      const token = randomBytes(32).toString('base64url');
      const request =
        i % 2
          ? second.agent().post('/api/auth/invitation').send({ token })
          : t.agent().post('/api/auth/accept-invitation').send({ token, password: 'x' });
      await request.set('X-Forwarded-For', address).expect(404);
    }
    expect429(
      await t
        .agent()
        .post('/api/auth/invitation')
        .set('X-Forwarded-For', address)
        .send({ token: randomBytes(32).toString('base64url') }),
    );

    const token = randomBytes(32).toString('base64url');
    for (let i = 0; i < LIMITS['invitation-token']; i++) {
      await (i % 2 ? second : t)
        .agent()
        .post('/api/auth/invitation')
        .set('X-Forwarded-For', freshAddress())
        .send({ token })
        .expect(404);
    }
    expect429(
      await second
        .agent()
        .post('/api/auth/accept-invitation')
        .set('X-Forwarded-For', freshAddress())
        .send({ token, password: 'x' }),
    );
  });

  it('no password hashing before the limit and the token lookup', async () => {
    const passwords = t.app.get(PasswordService);
    // Spies that record calls and let them run.
    const hash = jest.spyOn(passwords, 'hash');
    const verify = jest.spyOn(passwords, 'verify');
    try {
      // An unknown invitation token: looked up (SHA-256) and refused without argon2.
      await t
        .agent()
        .post('/api/auth/accept-invitation')
        .set('X-Forwarded-For', freshAddress())
        .send({ token: randomBytes(32).toString('base64url'), password: 'a long enough new password' })
        .expect(404);
      expect(hash).not.toHaveBeenCalled();
      expect(verify).not.toHaveBeenCalled();
      // A login over the account's limit: refused before any password check.
      const email = `${unique('over')}@example.test`;
      for (let i = 0; i < LIMITS['login-account']; i++) {
        await t
          .agent()
          .post('/api/auth/login')
          .set('X-Forwarded-For', freshAddress())
          .send({ email, password: 'x' })
          .expect(401);
      }
      const checks = verify.mock.calls.length;
      expect(checks).toBe(LIMITS['login-account']);
      expect429(
        await t
          .agent()
          .post('/api/auth/login')
          .set('X-Forwarded-For', freshAddress())
          .send({ email, password: 'x' }),
      );
      expect(verify.mock.calls.length).toBe(checks);
    } finally {
      hash.mockRestore();
      verify.mockRestore();
    }
  });
});
