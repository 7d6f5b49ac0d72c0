import type { SMTPServer } from 'smtp-server';
import type TestAgent from 'supertest/lib/agent';
import { type ReceivedMail, staffInvitationToken, startSmtp, stopSmtp } from './smtp-catcher';
import {
  createTestApp,
  login,
  seedInstitution,
  type SeededInstitution,
  TEST_PASSWORD,
  type TestApp,
  unique,
} from './test-app';

/**
 * Issue 10, finding 1 (critical): cross-institution account takeover. Each test replays the attack as it was
 * reported and shows it fails now that membership is an invitation that only the mailbox holder can accept.
 */
describe('security: no account crosses institutions uninvited', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const received: ReceivedMail[] = [];
  let instA: SeededInstitution;
  let instB: SeededInstitution;
  let adminA: TestAgent;
  let adminB: TestAgent;

  const mailTo = (email: string) => received.filter((mail) => mail.to === email);
  const tokenFor = (email: string) => staffInvitationToken(mailTo(email).at(-1)?.text ?? '') as string;
  const membershipsOf = async (email: string) =>
    (await t.dataSource.query(
      `SELECT m.institution_id AS "institutionId", m.role FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE u.email = $1 ORDER BY m.institution_id`,
      [email],
    )) as { institutionId: string; role: string }[];
  const membersOf = async (agent: TestAgent) =>
    ((await agent.get('/api/users').expect(200)).body.items as { email: string; userId: string }[]).map(
      (m) => m.email,
    );

  beforeAll(async () => {
    const started = await startSmtp(received);
    smtp = started.server;
    t = await createTestApp({ KLIK_SMTP_URL: started.url });
    instA = await seedInstitution(t.dataSource, unique('attacker'));
    instB = await seedInstitution(t.dataSource, unique('victim'));
    adminA = t.agent();
    adminB = t.agent();
    await login(adminA, instA.users.institution_admin.email);
    await login(adminB, instB.users.institution_admin.email);
  });
  afterAll(async () => {
    await t.close();
    await stopSmtp(smtp);
  });

  it('attack 1 replayed: A pre-creates an account for an address B later adds; A never holds it and B gets nothing of A', async () => {
    const target = `${unique('dr-jansen')}@hospital-b.example`;
    // Step 1 of the attack: A creates an account for the address with a password A chooses. Refused outright.
    const withPassword = await adminA
      .post('/api/users')
      .send({
        email: target,
        displayName: 'Dr Jansen',
        role: 'researcher',
        password: 'attacker-chosen-password',
      })
      .expect(400);
    expect(withPassword.body.errors[0].field).toBe('password');
    // What A can do is invite the address; the link goes to the address, never to A.
    const invitedByA = await adminA
      .post('/api/users')
      .send({ email: target, role: 'researcher' })
      .expect(201);
    const tokenFromA = tokenFor(target);
    expect(JSON.stringify(invitedByA.body)).not.toContain(tokenFromA);
    expect(await membershipsOf(target)).toEqual([]);
    const attackerLogin = await t
      .agent()
      .post('/api/auth/login')
      .send({ email: target, password: 'attacker-chosen-password' })
      .expect(401);
    expect(attackerLogin.body.code).toBe('invalid_credentials');

    // Step 2: B adds the address. It does not "join at once": the real person accepts B's own link.
    await adminB.post('/api/users').send({ email: target, role: 'practitioner' }).expect(201);
    expect(await membershipsOf(target)).toEqual([]);
    const tokenFromB = tokenFor(target);
    expect(tokenFromB).not.toBe(tokenFromA);
    await t
      .agent()
      .post('/api/auth/accept-invitation')
      .send({ token: tokenFromB, password: 'the real doctor chose this', displayName: 'Dr Jansen' })
      .expect(204);
    expect(await membershipsOf(target)).toEqual([
      { institutionId: instB.institution.id, role: 'practitioner' },
    ]);

    // A's pending invitation now names an existing account: accepting it needs that account's password, which
    // only the person has. Without it, nothing changes.
    const preview = await t.agent().post('/api/auth/invitation').send({ token: tokenFromA }).expect(200);
    expect(preview.body.accountExists).toBe(true);
    const guessed = await t
      .agent()
      .post('/api/auth/accept-invitation')
      .send({ token: tokenFromA, password: 'attacker-chosen-password' })
      .expect(401);
    expect(guessed.body.code).toBe('invalid_credentials');
    expect(await membershipsOf(target)).toEqual([
      { institutionId: instB.institution.id, role: 'practitioner' },
    ]);
    expect(await membersOf(adminA)).not.toContain(target);

    // The person logs in: only B. There is nothing to switch to.
    const doctor = t.agent();
    const me = await doctor
      .post('/api/auth/login')
      .send({ email: target, password: 'the real doctor chose this' })
      .expect(200);
    expect(me.body.memberships.map((m: { institutionId: string }) => m.institutionId)).toEqual([
      instB.institution.id,
    ]);
    await doctor
      .post('/api/auth/switch-institution')
      .send({ institutionId: instA.institution.id })
      .expect(404);
  });

  it('attack 2 replayed: attaching an existing account by e-mail neither attaches it nor reveals anything about it', async () => {
    const existing = instB.users.researcher;
    const fresh = `${unique('nobody')}@example.test`;
    const sent = received.length;
    const toExisting = await adminA
      .post('/api/users')
      .send({ email: existing.email, role: 'researcher' })
      .expect(201);
    const toFresh = await adminA.post('/api/users').send({ email: fresh, role: 'researcher' }).expect(201);
    // The same answer either way: same fields, same status code and values apart from the address and ids.
    const shape = (body: Record<string, unknown>) => ({
      ...body,
      invitationId: typeof body.invitationId,
      email: typeof body.email,
      expiresAt: typeof body.expiresAt,
    });
    expect(shape(toExisting.body)).toEqual(shape(toFresh.body));
    expect(Object.keys(toExisting.body).sort()).toEqual(
      ['displayName', 'email', 'expiresAt', 'invitationId', 'role', 'status'].sort(),
    );
    const text = JSON.stringify(toExisting.body);
    expect(text).not.toContain(existing.user.id);
    expect(text).not.toContain(existing.user.displayName);
    expect(toExisting.body.status).toBe('invited');
    // Both got a mail; the existing account is attached to nothing until its holder accepts with its password.
    expect(received.length).toBe(sent + 2);
    expect(await membershipsOf(existing.email)).toEqual([
      { institutionId: instB.institution.id, role: 'researcher' },
    ]);
    expect(await membersOf(adminA)).not.toContain(existing.email);
    // The pending list shows the address A typed, nothing of the account behind it.
    const pending = (await adminA.get('/api/users/invitations').expect(200)).body.items as Record<
      string,
      unknown
    >[];
    const row = pending.find((p) => p.email === existing.email) as Record<string, unknown>;
    expect(row).toMatchObject({ role: 'researcher', displayName: null, expired: false });
    expect(JSON.stringify(pending)).not.toContain(existing.user.id);

    // The holder accepts with their own password: now, and only now, they are in A too.
    await t
      .agent()
      .post('/api/auth/accept-invitation')
      .send({ token: tokenFor(existing.email), password: TEST_PASSWORD })
      .expect(204);
    expect((await membershipsOf(existing.email)).map((m) => m.institutionId).sort()).toEqual(
      [instA.institution.id, instB.institution.id].sort(),
    );
  });

  it('nothing about accounts outside the institution is visible: roles, invitations and sessions of B are 404 or absent', async () => {
    await adminA
      .patch(`/api/users/${instB.users.practitioner.user.id}/role`)
      .send({ role: 'researcher' })
      .expect(404);
    const invitedByB = await adminB
      .post('/api/users')
      .send({ email: `${unique('b-only')}@example.test`, role: 'researcher' })
      .expect(201);
    await adminA.delete(`/api/users/invitations/${invitedByB.body.invitationId}`).expect(404);
    const pendingA = JSON.stringify((await adminA.get('/api/users/invitations').expect(200)).body);
    expect(pendingA).not.toContain(invitedByB.body.invitationId);
    const listA = JSON.stringify((await adminA.get('/api/users').expect(200)).body);
    // (B's researcher accepted A's invitation above, so is A's colleague now; the others are not.)
    for (const user of [instB.users.institution_admin, instB.users.practitioner]) {
      expect(listA).not.toContain(user.email);
      expect(listA).not.toContain(user.user.id);
    }
    // Still pending in B: A's attempt changed nothing.
    const pendingB = (await adminB.get('/api/users/invitations').expect(200)).body.items as { id: string }[];
    expect(pendingB.map((p) => p.id)).toContain(invitedByB.body.invitationId);
  });
});
