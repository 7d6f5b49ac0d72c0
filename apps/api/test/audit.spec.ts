import { getInstrument, type Instrument } from '@klik/survey-model';
import { createHash } from 'node:crypto';
import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type TestAgent from 'supertest/lib/agent';
import {
  CHAIN_SELECT,
  describeVerification,
  GENESIS_HASH,
  verifyAuditChain,
  type AuditChainRow,
} from '../src/audit/audit-chain';
import { AuditCheckpointService } from '../src/audit/audit-checkpoint.service';
import { AuditCheckpointStore, CHECKPOINT_FILE, verifyAuditLog } from '../src/audit/audit-checkpoint-store';
import { AuditService, staff } from '../src/audit/audit.service';
import { runAuditVerify } from '../src/cli/audit-verify-command';
import { loadConfig } from '../src/config/app-config';
import { TenancyService } from '../src/database/tenancy.service';
import { APP_ROLE } from '../src/database/migrations/1764400000001-row-level-security';
import { AUDIT_LOCK_KEY } from '../src/database/migrations/1764400000004-audit-log';
import { StaffInvitationMailer } from '../src/users/staff-invitation-mail';
import {
  createRecruitingStudy,
  createTestApp,
  login,
  safetyContact,
  seedInstitution,
  type SeededInstitution,
  TEST_PASSWORD,
  type TestApp,
  unique,
} from './test-app';
import { Client, type PgClient } from './pg-client';

interface Row {
  seq: string;
  institution_id: string | null;
  actor_type: string;
  actor_user_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
  previous_hash: string;
  hash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const tokenOf = (url: string) => url.split('/take/')[1];

/** A complete text pack for core-10 (made-up wording), as text-packs.spec.ts builds it. */
function packFor(instrument: Instrument) {
  const text = (language: string) => ({
    title: `${instrument.id} (${language})`,
    items: Object.fromEntries(instrument.items.map((item) => [item.id, `${language} wording of ${item.id}`])),
    scales: Object.fromEntries(
      instrument.scales.map((scale) => {
        const labels: Record<string, string> = {};
        for (let value = scale.min; value <= scale.max; value += scale.step ?? 1)
          labels[String(value)] = `${language} ${value}`;
        return [scale.id, labels];
      }),
    ),
    options: Object.fromEntries(
      instrument.items
        .filter((item) => item.kind === 'single' || item.kind === 'multi')
        .map((item) => [
          item.id,
          Object.fromEntries(
            (item as { options: readonly (string | number)[] }).options.map((o) => [
              String(o),
              `${language} ${o}`,
            ]),
          ),
        ]),
    ),
  });
  return {
    format: 'klik-text-pack@1',
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    languages: ['nl', 'en'],
    source: 'Test Institute, licence T-1',
    texts: { nl: text('nl'), en: text('en') },
  };
}

/**
 * The audit trail (issue 6): what is recorded, that the database keeps it append-only, and that the hash chain
 * verifier points at the first altered row. Real database (PGlite or PostgreSQL), no mocks.
 */
describe('audit trail', () => {
  let t: TestApp;
  let instA: SeededInstitution;
  let instB: SeededInstitution;
  let adminA: TestAgent;
  let researcherA: TestAgent;
  /** This app's checkpoint folder (KLIK_AUDIT_CHECKPOINT_DIR): the signing key and the checkpoints. */
  const checkpointDir = mkdtempSync(path.join(tmpdir(), 'klik-audit-spec-'));
  const store = new AuditCheckpointStore(checkpointDir);

  const query = <T>(sql: string, params: unknown[] = []) => t.dataSource.query(sql, params) as Promise<T[]>;
  const maxSeq = async () =>
    Number((await query<{ n: string }>(`SELECT coalesce(max(seq), 0) AS n FROM audit_log`))[0].n);
  const since = (seq: number) => query<Row>(`SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq`, [seq]);
  const chainQuery = (sql: string, params: unknown[]) =>
    t.dataSource.query(sql, params) as Promise<AuditChainRow[]>;
  /** The verification the API and the CLI run: the chain against this app's signed checkpoints. */
  const verify = (batchSize?: number) => verifyAuditLog(chainQuery, store, batchSize);
  /** `npm run audit:verify`, finding the database and the checkpoint folder through the configuration. */
  const cli = () =>
    runAuditVerify(
      loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: process.env.DATABASE_URL,
        KLIK_AUDIT_CHECKPOINT_DIR: checkpointDir,
      }),
    );

  /** Polls `condition` every 20 ms until it holds; fails naming `what` after `timeoutMs`. */
  async function waitUntil(
    what: string,
    condition: () => boolean | Promise<boolean>,
    timeoutMs = 20_000,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Runs `work`, then returns the entries it wrote (nothing else writes while a test runs). */
  async function entriesOf(work: () => Promise<unknown>): Promise<Row[]> {
    const before = await maxSeq();
    await work();
    return since(before);
  }

  /** A plain connection, optionally switched to klik_app for an institution, in a transaction rolled back after. */
  async function connection<T>(
    as: { tenant: string | null } | 'owner',
    work: (client: PgClient) => Promise<T>,
  ): Promise<T> {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query('BEGIN');
      if (as !== 'owner') {
        if (as.tenant) await client.query(`SELECT set_config('klik.institution_id', $1, true)`, [as.tenant]);
        await client.query(`SET LOCAL ROLE ${APP_ROLE}`);
      }
      return await work(client);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  }

  /** The error message of one statement (the transaction is rolled back afterwards). */
  async function failure(
    as: { tenant: string | null } | 'owner',
    sql: string,
    params: unknown[] = [],
  ): Promise<string> {
    return connection(as, async (client) => {
      try {
        await client.query(sql, params);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error(`expected this statement to fail: ${sql}`);
    });
  }

  /** Changes audit rows as the owner with the maintenance setting on: what an intruder with the owner role could do. */
  async function tamper(sql: string, params: unknown[] = []): Promise<void> {
    await t.dataSource.transaction(async (m) => {
      await m.query(`SELECT set_config('klik.audit_maintenance', 'on', true)`);
      await m.query(sql, params);
    });
  }

  beforeAll(async () => {
    t = await createTestApp({ KLIK_AUDIT_CHECKPOINT_DIR: checkpointDir });
    instA = await seedInstitution(t.dataSource, unique('audit-a'));
    instB = await seedInstitution(t.dataSource, unique('audit-b'));
    adminA = t.agent();
    await login(adminA, instA.users.institution_admin.email);
    researcherA = t.agent();
    await login(researcherA, instA.users.researcher.email);
  });
  afterAll(async () => {
    await t.close();
    rmSync(checkpointDir, { recursive: true, force: true });
  });

  describe('what is recorded', () => {
    const byStaff = (inst: SeededInstitution, role: 'institution_admin' | 'researcher') => ({
      institution_id: inst.institution.id,
      actor_type: 'staff',
      actor_user_id: inst.users[role].user.id,
    });

    it('logins and failed logins; a failed login keeps only a hash of the e-mail address', async () => {
      const email = instA.users.practitioner.email;
      const [ok] = await entriesOf(() => login(t.agent(), email));
      expect(ok).toMatchObject({
        action: 'auth.login',
        institution_id: instA.institution.id,
        actor_type: 'staff',
        actor_user_id: instA.users.practitioner.user.id,
      });

      const wrong = await entriesOf(() =>
        t
          .agent()
          .post('/api/auth/login')
          .send({ email: email.toUpperCase(), password: 'not the password' })
          .expect(401),
      );
      expect(wrong).toHaveLength(1);
      expect(wrong[0]).toMatchObject({
        action: 'auth.login_failed',
        institution_id: null,
        actor_type: 'staff',
        actor_user_id: instA.users.practitioner.user.id,
        details: { emailSha256: sha256(email.toLowerCase()), reason: 'wrong_password' },
      });

      const stranger = `Nobody.${unique('x')}@Example.test`;
      const unknown = await entriesOf(() =>
        t.agent().post('/api/auth/login').send({ email: stranger, password: 'whatever it is' }).expect(401),
      );
      expect(unknown).toHaveLength(1);
      expect(unknown[0]).toMatchObject({
        action: 'auth.login_failed',
        institution_id: null,
        actor_user_id: null,
        details: { emailSha256: sha256(stranger.toLowerCase()), reason: 'unknown_account' },
      });
      for (const row of [...wrong, ...unknown]) {
        expect(JSON.stringify(row).toLowerCase()).not.toContain('example.test');
      }

      // The right password for an account that belongs to no institution (any more) is refused, and recorded.
      const orphan = await seedInstitution(t.dataSource, unique('audit-orphan'));
      const orphanUser = orphan.users.practitioner;
      await t.dataSource.query(`DELETE FROM memberships WHERE user_id = $1`, [orphanUser.user.id]);
      const refused = await entriesOf(() =>
        t
          .agent()
          .post('/api/auth/login')
          .send({ email: orphanUser.email, password: TEST_PASSWORD })
          .expect(403),
      );
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatchObject({
        action: 'auth.login_failed',
        institution_id: null,
        actor_user_id: orphanUser.user.id,
        details: { emailSha256: sha256(orphanUser.email.toLowerCase()), reason: 'no_membership' },
      });
    });

    it('studies, consent versions, cohorts and protocols', async () => {
      const created = await entriesOf(async () => {
        await researcherA
          .post('/api/studies')
          .send({
            title: unique('s'),
            languages: ['nl'],
            withdrawalPolicy: 'erase_link',
            consentText: { nl: 'Ja' },
          })
          .expect(201);
      });
      const studyId = created[0].target_id as string;
      expect(created.map((row) => row.action)).toEqual(['study.created', 'consent_version.created']);
      expect(created[0]).toMatchObject({
        ...byStaff(instA, 'researcher'),
        target_type: 'study',
        target_id: studyId,
      });
      expect(created[1]).toMatchObject({
        ...byStaff(instA, 'researcher'),
        target_type: 'consent_version',
        details: { studyId, version: 1 },
      });

      const [consent] = await entriesOf(() =>
        researcherA
          .post(`/api/studies/${studyId}/consent-versions`)
          .send({ text: { nl: 'Ja, versie 2' } })
          .expect(201),
      );
      expect(consent).toMatchObject({ action: 'consent_version.created', details: { studyId, version: 2 } });

      let cohortId = '';
      const [cohort] = await entriesOf(async () => {
        cohortId = (
          await researcherA.post(`/api/studies/${studyId}/cohorts`).send({ name: 'Site A' }).expect(201)
        ).body.id;
      });
      expect(cohort).toMatchObject({
        ...byStaff(instA, 'researcher'),
        action: 'cohort.created',
        target_type: 'cohort',
        target_id: cohortId,
        details: { studyId, institutionId: instA.institution.id },
      });
      const [renamed] = await entriesOf(() =>
        researcherA
          .patch(`/api/studies/${studyId}/cohorts/${cohortId}`)
          .send({ name: 'Site A1' })
          .expect(200),
      );
      expect(renamed).toMatchObject({ action: 'cohort.renamed', target_id: cohortId });

      const [protocol] = await entriesOf(() =>
        researcherA
          .put(`/api/studies/${studyId}/protocol`)
          .send({
            timepoints: [
              {
                key: 'baseline',
                label: { nl: 'Begin' },
                kind: 'baseline',
                offsetDays: 0,
                instruments: [
                  { instrumentId: 'phq-9', instrumentVersion: '1.0.0', respondent: 'client' },
                  { instrumentId: 'gad-7', instrumentVersion: '1.0.0', respondent: 'client' },
                ],
              },
            ],
          })
          .expect(200),
      );
      expect(protocol).toMatchObject({
        ...byStaff(instA, 'researcher'),
        action: 'protocol.replaced',
        target_type: 'study',
        target_id: studyId,
        details: { timepoints: 1, instruments: 2 },
      });

      // PHQ-9 has a risk item: the study names its safety contact before it recruits (an audited change of its own).
      await researcherA.patch(`/api/studies/${studyId}`).send(await safetyContact(researcherA)).expect(200);
      const [updated] = await entriesOf(() =>
        researcherA.patch(`/api/studies/${studyId}`).send({ status: 'recruiting' }).expect(200),
      );
      expect(updated).toMatchObject({
        action: 'study.updated',
        target_id: studyId,
        details: { fields: ['status'], statusFrom: 'draft', statusTo: 'recruiting' },
      });
    });

    it('contact details saved and erased, and e-mail schedules, without the address itself', async () => {
      const { studyId, cohortIds, timepointIds } = await createRecruitingStudy(researcherA);
      const participantId = (
        await researcherA
          .post(`/api/studies/${studyId}/participants`)
          .send({ cohortId: cohortIds[0] })
          .expect(201)
      ).body.id;
      const contactPath = `/api/studies/${studyId}/participants/${participantId}/contact`;
      const [saved] = await entriesOf(() =>
        researcherA.put(contactPath).send({ email: 'client.audit@example.org' }).expect(200),
      );
      expect(saved).toMatchObject({
        ...byStaff(instA, 'researcher'),
        action: 'contact.saved',
        target_type: 'participant',
        target_id: participantId,
        details: { studyId, created: true, phone: false, language: false },
      });
      const [changed] = await entriesOf(() =>
        researcherA
          .put(contactPath)
          .send({ email: 'new.audit@example.org', phone: '+31 6 1234 5678' })
          .expect(200),
      );
      expect(changed).toMatchObject({ action: 'contact.saved', details: { created: false, phone: true } });
      const [erased] = await entriesOf(() => researcherA.delete(contactPath).expect(204));
      expect(erased).toMatchObject({
        action: 'contact.erased',
        target_id: participantId,
        details: { studyId },
      });
      for (const entry of [saved, changed, erased]) {
        expect(JSON.stringify(entry)).not.toMatch(/example\.org|1234/);
      }

      const [schedule] = await entriesOf(() =>
        researcherA
          .put(`/api/studies/${studyId}/timepoints/${timepointIds[0]}/schedule`)
          .send({ enabled: true, inviteOffsetDays: 0, reminderDays: [3, 7], expiresInDays: 14 })
          .expect(200),
      );
      expect(schedule).toMatchObject({
        ...byStaff(instA, 'researcher'),
        action: 'schedule.updated',
        target_type: 'timepoint',
        target_id: timepointIds[0],
        details: { studyId, enabled: true, inviteOffsetDays: 0, reminderDays: [3, 7], expiresInDays: 14 },
      });
    });

    it('enrolments one by one and by CSV (with the count), invitations, and both kinds of withdrawal', async () => {
      const { studyId, cohortIds, timepointIds } = await createRecruitingStudy(researcherA);
      let participantId = '';
      const [enrolled] = await entriesOf(async () => {
        participantId = (
          await researcherA
            .post(`/api/studies/${studyId}/participants`)
            .send({ cohortId: cohortIds[0], code: 'AUD-001' })
            .expect(201)
        ).body.id;
      });
      expect(enrolled).toMatchObject({
        ...byStaff(instA, 'researcher'),
        action: 'participant.enrolled',
        target_type: 'participant',
        target_id: participantId,
        details: { studyId, cohortId: cohortIds[0] },
      });
      // The pseudonymous code is no part of the log: after an erase_link withdrawal nothing may lead back to it.
      expect(JSON.stringify(enrolled)).not.toContain('AUD-001');

      const imported = await entriesOf(() =>
        researcherA
          .post(`/api/studies/${studyId}/participants/import`)
          .attach('file', Buffer.from('cohort\nSite A\nSite B\nSite A\n'), 'enrol.csv')
          .expect(201),
      );
      expect(imported).toHaveLength(1);
      expect(imported[0]).toMatchObject({
        action: 'participants.imported',
        target_type: 'study',
        target_id: studyId,
        details: { count: 3 },
      });

      let invitationId = '';
      let url = '';
      const [invited] = await entriesOf(async () => {
        const response = await researcherA
          .post(`/api/studies/${studyId}/invitations`)
          .send({ participantId, timepointId: timepointIds[0] })
          .expect(201);
        invitationId = response.body.id;
        url = response.body.url;
      });
      expect(invited).toMatchObject({
        action: 'invitation.created',
        target_type: 'invitation',
        target_id: invitationId,
        details: { studyId, participantId, timepointId: timepointIds[0], sessionNumber: null },
      });
      expect(JSON.stringify(invited)).not.toContain(tokenOf(url));
      const [revoked] = await entriesOf(() =>
        researcherA.post(`/api/studies/${studyId}/invitations/${invitationId}/revoke`).expect(200),
      );
      expect(revoked).toMatchObject({ action: 'invitation.revoked', target_id: invitationId });

      // Withdrawal recorded by staff on the participant's request.
      const [byStaffWithdrawal] = await entriesOf(() =>
        researcherA.post(`/api/studies/${studyId}/participants/${participantId}/withdraw`).expect(200),
      );
      expect(byStaffWithdrawal).toMatchObject({
        ...byStaff(instA, 'researcher'),
        action: 'participant.withdrawn',
        target_type: 'participant',
        target_id: participantId,
        details: { studyId, requestedBy: 'staff', policy: 'erase_responses', erasedResponses: 0 },
      });

      // Withdrawal by the participant through their link.
      const other = (
        await researcherA
          .post(`/api/studies/${studyId}/participants`)
          .send({ cohortId: cohortIds[1] })
          .expect(201)
      ).body.id as string;
      const link = await researcherA
        .post(`/api/studies/${studyId}/invitations`)
        .send({ participantId: other, timepointId: timepointIds[0] })
        .expect(201);
      const browser = t.agent();
      await browser.get(`/take/${tokenOf(link.body.url)}`).expect(303);
      const [selfWithdrawal] = await entriesOf(() =>
        browser.post('/api/take/withdraw').send({ confirm: true }).expect(200),
      );
      expect(selfWithdrawal).toMatchObject({
        institution_id: instA.institution.id,
        actor_type: 'participant',
        actor_user_id: null,
        action: 'participant.withdrawn',
        target_id: other,
        details: { requestedBy: 'participant' },
      });
    });

    it('users: invited, invitation accepted, role changed, invitation revoked', async () => {
      const password = 'a long enough password 123';
      // The link goes to the invited address only; the spy records what the mailer was given, and calls it.
      const deliver = jest.spyOn(t.app.get(StaffInvitationMailer), 'deliver');
      let invitationId = '';
      const [invited] = await entriesOf(async () => {
        const response = await adminA
          .post('/api/users')
          .send({ email: `${unique('invitee')}@example.test`, displayName: 'Invitee', role: 'practitioner' })
          .expect(201);
        invitationId = response.body.invitationId;
      });
      expect(invited).toMatchObject({
        ...byStaff(instA, 'institution_admin'),
        action: 'user.invited',
        target_type: 'staff_invitation',
        target_id: invitationId,
        details: { role: 'practitioner' },
      });
      expect(JSON.stringify(invited)).not.toContain('example.test');
      const token = new URL(deliver.mock.calls[0][0].link).hash.slice(1);
      deliver.mockRestore();

      const [accepted] = await entriesOf(() =>
        t.agent().post('/api/auth/accept-invitation').send({ token, password }).expect(204),
      );
      const userId = accepted.actor_user_id as string;
      expect(accepted).toMatchObject({
        institution_id: instA.institution.id,
        actor_type: 'staff',
        action: 'user.invitation_accepted',
        target_id: userId,
        details: { role: 'practitioner', invitationId, newAccount: true },
      });
      expect(JSON.stringify(accepted)).not.toContain(token);

      const [changed] = await entriesOf(() =>
        adminA.patch(`/api/users/${userId}/role`).send({ role: 'researcher' }).expect(200),
      );
      expect(changed).toMatchObject({
        ...byStaff(instA, 'institution_admin'),
        action: 'user.role_changed',
        target_id: userId,
        details: { from: 'practitioner', to: 'researcher' },
      });

      const second = await adminA
        .post('/api/users')
        .send({ email: `${unique('invitee')}@example.test`, role: 'researcher' })
        .expect(201);
      const [revoked] = await entriesOf(() =>
        adminA.delete(`/api/users/invitations/${second.body.invitationId}`).expect(204),
      );
      expect(revoked).toMatchObject({
        ...byStaff(instA, 'institution_admin'),
        action: 'user.invitation_revoked',
        target_type: 'staff_invitation',
        target_id: second.body.invitationId,
        details: { reason: 'revoked' },
      });
    });

    it('text packs, and the export hook', async () => {
      let packId = '';
      const [imported] = await entriesOf(async () => {
        packId = (
          await adminA
            .post('/api/text-packs')
            .send(packFor(getInstrument('core-10', '1.0.0')))
            .expect(201)
        ).body.id;
      });
      expect(imported).toMatchObject({
        ...byStaff(instA, 'institution_admin'),
        action: 'text_pack.imported',
        target_type: 'text_pack',
        target_id: packId,
        details: { instrumentId: 'core-10', instrumentVersion: '1.0.0' },
      });
      const [removed] = await entriesOf(() => adminA.delete(`/api/text-packs/${packId}`).expect(204));
      expect(removed).toMatchObject({ action: 'text_pack.removed', target_id: packId });

      // No export exists yet; the export service will call this in the transaction that records the export.
      const auth = {
        sessionId: 'none',
        userId: instA.users.researcher.user.id,
        institutionId: instA.institution.id,
        role: 'researcher' as const,
      };
      const exportId = '00000000-0000-4000-8000-0000000000e1';
      const [exported] = await entriesOf(() =>
        t.app.get(TenancyService).run(auth, (m) =>
          t.app.get(AuditService).recordExport(m, auth, exportId, {
            format: 'long-csv',
            options: { deidentify: true, k: 5 },
            rows: 1234,
            files: { 'long.csv': sha256('file') },
          }),
        ),
      );
      expect(exported).toMatchObject({
        ...byStaff(instA, 'researcher'),
        action: 'export.created',
        target_type: 'export',
        target_id: exportId,
        details: { format: 'long-csv', rows: 1234, options: { deidentify: true, k: 5 } },
      });
    });

    it('a request that fails validation or a rule writes no entry', async () => {
      const { studyId } = await createRecruitingStudy(researcherA);
      const written = await entriesOf(async () => {
        await researcherA
          .post('/api/studies')
          .send({ title: '', languages: ['xx'] })
          .expect(400);
        await researcherA.patch(`/api/studies/${studyId}`).send({ status: 'paused' }).expect(400);
        await researcherA.patch(`/api/studies/${studyId}`).send({ status: 'draft' }).expect(409);
        await researcherA
          .patch(`/api/studies/${studyId}`)
          .send({ languages: ['en'] })
          .expect(409);
        await researcherA
          .post(`/api/studies/${studyId}/participants/import`)
          .attach('file', Buffer.from('cohort\nSite A\nNo such site\n'), 'enrol.csv')
          .expect(400);
        await researcherA
          .post('/api/users')
          .send({ email: 'x@example.test', role: 'researcher' })
          .expect(403);
      });
      expect(written).toEqual([]);
    });

    it('an entry written in a transaction that rolls back disappears with it, leaving no gap', async () => {
      const auth = {
        sessionId: 'none',
        userId: instA.users.researcher.user.id,
        institutionId: instA.institution.id,
        role: 'researcher' as const,
      };
      const before = await maxSeq();
      await expect(
        t.app.get(TenancyService).run(auth, async (m) => {
          await t.app.get(AuditService).record(m, { actor: staff(auth), action: 'study.updated' });
          throw new Error('the change fails after its entry was written');
        }),
      ).rejects.toThrow('the change fails');
      expect(await maxSeq()).toBe(before);
      await t.app
        .get(TenancyService)
        .run(auth, (m) => t.app.get(AuditService).record(m, { actor: staff(auth), action: 'study.updated' }));
      expect(await maxSeq()).toBe(before + 1);
    });
  });

  describe('append-only in the database', () => {
    it(`${APP_ROLE} cannot UPDATE, DELETE or TRUNCATE audit_log, not even with the maintenance setting`, async () => {
      const tenant = { tenant: instA.institution.id };
      for (const sql of [
        `UPDATE audit_log SET details = '{}'`,
        `DELETE FROM audit_log`,
        `TRUNCATE audit_log`,
        `SELECT set_config('klik.audit_maintenance', 'on', true); UPDATE audit_log SET action = 'x'`,
      ]) {
        expect(await failure(tenant, sql)).toMatch(/permission denied/i);
      }
    });

    it('the owner connection cannot change or remove entries either, unless the maintenance setting is on', async () => {
      expect(await failure('owner', `UPDATE audit_log SET details = '{"x": 1}' WHERE seq = 1`)).toMatch(
        /append-only/,
      );
      expect(await failure('owner', `DELETE FROM audit_log WHERE seq = 1`)).toMatch(/append-only/);
      expect(await failure('owner', `TRUNCATE audit_log`)).toMatch(/append-only/);
      const changed = await connection('owner', async (client) => {
        await client.query(`SELECT set_config('klik.audit_maintenance', 'on', true)`);
        return (await client.query(`UPDATE audit_log SET details = details WHERE seq = 1`)).rowCount;
      });
      expect(changed).toBe(1);
    });

    it(`${APP_ROLE} reads and writes only its own institution's entries, and cannot forge the chain`, async () => {
      const rows = await connection({ tenant: instA.institution.id }, async (client) => {
        const seen = await client.query<{ institution_id: string }>(
          `SELECT DISTINCT institution_id FROM audit_log`,
        );
        return seen.rows.map((row) => row.institution_id);
      });
      expect(rows).toEqual([instA.institution.id]);
      expect(
        await failure(
          { tenant: instA.institution.id },
          `INSERT INTO audit_log (institution_id, actor_type, action) VALUES ($1, 'system', 'study.updated')`,
          [instB.institution.id],
        ),
      ).toMatch(/row-level security/i);
      expect(
        await failure(
          { tenant: null },
          `INSERT INTO audit_log (institution_id, actor_type, action) VALUES (NULL, 'system', 'x.y')`,
        ),
      ).toMatch(/row-level security/i);
      // Whatever seq, time and hashes the writer supplies, the database sets them.
      const last = await maxSeq();
      const forged = await connection({ tenant: instA.institution.id }, async (client) => {
        await client.query(
          `INSERT INTO audit_log (seq, institution_id, actor_type, action, previous_hash, hash, occurred_at)
           VALUES (999999, $1, 'system', 'study.updated', $2, $2, '2000-01-01')`,
          [instA.institution.id, 'f'.repeat(64)],
        );
        await client.query('RESET ROLE');
        const [row] = (
          await client.query<{ seq: string; previous_hash: string; hash: string; year: number }>(
            `SELECT seq, previous_hash, hash, extract(year FROM occurred_at)::int AS year FROM audit_log ORDER BY seq DESC LIMIT 1`,
          )
        ).rows;
        return row;
      });
      expect(Number(forged.seq)).toBe(last + 1);
      expect(forged.hash).not.toBe('f'.repeat(64));
      expect(forged.previous_hash).not.toBe('f'.repeat(64));
      expect(forged.year).toBeGreaterThan(2000);
    });
  });

  describe('the hash chain', () => {
    it('links every entry to the one before, from 64 zeros, and the verifier (API and CLI text) says intact', async () => {
      // Awkward details: the verifier must rebuild exactly the text the database hashed.
      const auth = {
        sessionId: 'none',
        userId: instA.users.researcher.user.id,
        institutionId: instA.institution.id,
        role: 'researcher' as const,
      };
      await t.app.get(TenancyService).run(auth, (m) =>
        t.app.get(AuditService).record(m, {
          actor: staff(auth),
          action: 'study.updated',
          details: {
            'z"q': 'é ü ☃ 𝄞 "quoted" \\ back\nline\u0001',
            a: [1.5, 2, -0.25, 1e21, true, null],
            nested: { bb: {}, a: [] },
          },
        }),
      );
      const rows = await query<Row>(`SELECT * FROM audit_log ORDER BY seq LIMIT 3`);
      expect(rows[0]).toMatchObject({ seq: '1', previous_hash: GENESIS_HASH });
      expect(rows[1].previous_hash).toBe(rows[0].hash);
      const entries = await maxSeq();
      const [last] = await since(entries - 1);
      // The hashes are recomputed in Node: the verifier's query asks the database for no hash at all.
      expect(CHAIN_SELECT).not.toMatch(/klik_audit_hash|sha\d|digest|md5/i);

      // No checkpoint yet: intact, with a warning; the API's verification then signs the head it verified.
      await adminA.get('/api/audit/verify').expect(200, {
        intact: true,
        firstBadSeq: null,
        problem: null,
        warning: 'no_checkpoint',
        checkpointSeq: null,
        checkpointAt: null,
      });
      const unanchored = await verifyAuditChain(chainQuery);
      expect(unanchored).toEqual({
        intact: true,
        entries,
        head: { seq: entries, hash: last.hash },
        checkpoint: null,
        warning: 'no_checkpoint',
      });
      expect(describeVerification(unanchored)).toBe(
        `audit log intact: ${entries} entries; warning: no signed checkpoint yet, so nothing outside the database vouches for it`,
      );
      const signed = (await store.read()).valid;
      expect(signed).toEqual([expect.objectContaining({ seq: entries, hash: last.hash })]);

      const result = await verify();
      expect(result).toEqual({
        ...unanchored,
        checkpoint: { seq: entries, at: signed[0].at },
        warning: null,
      });
      // In small batches too: the walk pages through the log in seq order (1, 2, …, 10, not 1, 10, 2).
      expect(await verify(7)).toEqual(result);
      expect(describeVerification(result)).toBe(
        `audit log intact: ${entries} entries; the latest checkpoint (signed ${signed[0].at}) covers seq ${entries}`,
      );
      expect(await cli()).toEqual({ code: 0, line: describeVerification(result) });
      await adminA.get('/api/audit/verify').expect(200, {
        intact: true,
        firstBadSeq: null,
        problem: null,
        warning: null,
        checkpointSeq: entries,
        checkpointAt: signed[0].at,
      });
    });

    it('points at exactly the row whose details were altered', async () => {
      const target = Math.max(2, (await maxSeq()) - 3);
      const [{ details }] = await query<{ details: string }>(
        `SELECT details::text AS details FROM audit_log WHERE seq = $1`,
        [target],
      );
      await tamper(`UPDATE audit_log SET details = details || '{"tampered": true}' WHERE seq = $1`, [target]);
      try {
        const result = await verify();
        expect(result).toMatchObject({ intact: false, seq: target, problem: 'hash_mismatch' });
        expect(describeVerification(result)).toBe(
          `audit log altered at seq ${target} (the content does not match its hash)`,
        );
        await adminA
          .get('/api/audit/verify')
          .expect(200)
          .expect((response) =>
            expect(response.body).toMatchObject({
              intact: false,
              firstBadSeq: target,
              problem: 'hash_mismatch',
            }),
          );
      } finally {
        await tamper(`UPDATE audit_log SET details = $2::jsonb WHERE seq = $1`, [target, details]);
      }
      expect(await verify()).toMatchObject({ intact: true });
    });

    it('detects a row deleted from the middle, and a row whose hash was recomputed after a change', async () => {
      const target = Math.max(2, (await maxSeq()) - 2);
      const [{ original }] = await query<{ original: string }>(
        `SELECT to_jsonb(a)::text AS original FROM audit_log a WHERE seq = $1`,
        [target],
      );
      await tamper(`DELETE FROM audit_log WHERE seq = $1`, [target]);
      try {
        const result = await verify();
        expect(result).toMatchObject({ intact: false, seq: target, problem: 'row_missing' });
        expect(describeVerification(result)).toMatch(
          new RegExp(`^audit log altered at seq ${target} \\(entry ${target} is missing`),
        );
      } finally {
        // Put the row back exactly as it was (the owner, with the append trigger briefly off).
        await t.dataSource.transaction(async (m) => {
          await m.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append`);
          await m.query(
            `INSERT INTO audit_log SELECT * FROM jsonb_populate_record(NULL::audit_log, $1::jsonb)`,
            [original],
          );
          await m.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append`);
        });
      }
      expect(await verify()).toMatchObject({ intact: true });

      // Rewriting a row together with its own hash moves the break to the next row's link.
      const [row] = await query<Row>(`SELECT * FROM audit_log WHERE seq = $1`, [target]);
      await tamper(
        `UPDATE audit_log SET action = 'study.created',
           hash = klik_audit_hash(seq, occurred_at, institution_id, actor_type, actor_user_id, 'study.created', target_type, target_id, details, previous_hash)
         WHERE seq = $1`,
        [target],
      );
      try {
        expect(await verify()).toMatchObject({ intact: false, seq: target + 1, problem: 'link_broken' });
      } finally {
        await tamper(`UPDATE audit_log SET action = $2, hash = $3 WHERE seq = $1`, [
          target,
          row.action,
          row.hash,
        ]);
      }
      expect(await verify()).toMatchObject({ intact: true });
    });

    it('stays one linear chain when two institutions write at the same time', async () => {
      const researcherB = t.agent();
      await login(researcherB, instB.users.researcher.email);
      const before = await maxSeq();
      const requests = [];
      for (let i = 0; i < 12; i++) {
        for (const agent of [researcherA, researcherB]) {
          requests.push(
            agent
              .post('/api/studies')
              .send({
                title: unique('parallel'),
                languages: ['en'],
                withdrawalPolicy: 'erase_link',
                consentText: { en: 'Yes' },
              })
              .expect(201),
          );
        }
      }
      await Promise.all(requests);
      const rows = await since(before);
      expect(rows).toHaveLength(48);
      expect(rows.map((row) => Number(row.seq))).toEqual(
        Array.from({ length: 48 }, (_, i) => before + 1 + i),
      );
      for (let i = 1; i < rows.length; i++) expect(rows[i].previous_hash).toBe(rows[i - 1].hash);
      expect(new Set(rows.map((row) => row.institution_id))).toEqual(
        new Set([instA.institution.id, instB.institution.id]),
      );
      expect(await verify()).toMatchObject({ intact: true });
    });
    it('makes a writer wait for the chain lock while another transaction holds it, and reuses a rolled-back seq', async () => {
      const researcherB = t.agent();
      await login(researcherB, instB.users.researcher.email);
      const before = await maxSeq();
      const holder = new Client({ connectionString: process.env.DATABASE_URL });
      await holder.connect();
      let finished = false;
      let request: Promise<unknown> = Promise.resolve();
      const appQueries = jest.spyOn(t.dataSource.logger, 'logQuery');
      try {
        await holder.query('BEGIN');
        await holder.query(`SELECT set_config('klik.institution_id', $1, true)`, [instA.institution.id]);
        await holder.query(`SET LOCAL ROLE ${APP_ROLE}`);
        await holder.query(
          `INSERT INTO audit_log (institution_id, actor_type, action) VALUES ($1, 'system', 'study.updated')`,
          [instA.institution.id],
        );
        // What the request waits for differs by database, so the test waits for that, not for a guessed time.
        // PostgreSQL: the writer's own transaction blocks in the audit trigger's pg_advisory_xact_lock, which
        // pg_locks shows as an advisory lock on AUDIT_LOCK_KEY (classid = high 32 bits, objid = low 32 bits,
        // objsubid = 1 for a bigint key) that is not granted. PGlite is one session: its socket server serves
        // only the connection whose transaction is open, so the writer's first query is queued there (nothing
        // reaches PGlite, and pg_locks cannot show it); once the app has issued a query, the request cannot
        // finish before the ROLLBACK below. There the test proves the serialisation and the seq reuse, not the
        // advisory lock itself.
        appQueries.mockClear();
        request = researcherB
          .post('/api/studies')
          .send({ title: unique('waits'), languages: ['en'], withdrawalPolicy: 'erase_link' })
          .expect(201)
          .then(() => (finished = true));
        if (process.env.KLIK_TEST_DB_KIND === 'postgres') {
          await waitUntil('the writer waits for the audit chain lock', async () => {
            const { rows } = await holder.query<{ waiting: string }>(
              `SELECT count(*) AS waiting FROM pg_locks
                WHERE locktype = 'advisory' AND NOT granted AND pid <> pg_backend_pid()
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND (classid::bigint << 32) + objid::bigint = $1 AND objsubid = 1`,
              [AUDIT_LOCK_KEY],
            );
            return Number(rows[0].waiting) === 1;
          });
        } else {
          await waitUntil(
            'the app sends the request to the database',
            () => appQueries.mock.calls.length > 0,
          );
        }
        expect(finished).toBe(false);
      } finally {
        appQueries.mockRestore();
        await holder.query('ROLLBACK');
        await holder.end();
      }
      await request;
      const rows = await since(before);
      expect(rows.map((row) => [Number(row.seq), row.action, row.institution_id])).toEqual([
        [before + 1, 'study.created', instB.institution.id],
      ]);
      expect(await verify()).toMatchObject({ intact: true });
    });
  });

  describe('signed checkpoints outside the database', () => {
    const checkpoints = () => t.app.get(AuditCheckpointService);

    /** Appends entries as the system, the way the application does. */
    async function addEntries(count: number): Promise<void> {
      for (let i = 0; i < count; i++) {
        await t.app
          .get(TenancyService)
          .runAsSystem((m) =>
            t.app
              .get(AuditService)
              .record(m, { actor: { type: 'system', institutionId: null }, action: 'study.updated' }),
          );
      }
    }

    /** Grows the log and signs its head through the checkpoint service (what the timer and shutdown do). */
    async function checkpointAfter(count: number) {
      await addEntries(count);
      const checkpoint = await checkpoints().checkpoint();
      if (!checkpoint) throw new Error('expected a checkpoint');
      expect(checkpoint.seq).toBe(await maxSeq());
      return checkpoint;
    }

    const rowsFrom = async (seq: number) =>
      (
        await query<{ original: string }>(
          `SELECT to_jsonb(a)::text AS original FROM audit_log a WHERE seq >= $1 ORDER BY seq`,
          [seq],
        )
      ).map((row) => row.original);

    /** Puts removed rows back exactly as they were (the owner, with the append trigger briefly off). */
    async function putBack(rows: string[]): Promise<void> {
      await t.dataSource.transaction(async (m) => {
        await m.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append`);
        await m.query(
          `INSERT INTO audit_log SELECT * FROM jsonb_populate_recordset(NULL::audit_log, $1::jsonb)`,
          [`[${rows.join(',')}]`],
        );
        await m.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append`);
      });
    }

    const verifyEndpoint = async () => (await adminA.get('/api/audit/verify').expect(200)).body;

    it('reports the newest entries deleted after a checkpoint as truncated (verifier, CLI and API)', async () => {
      const checkpoint = await checkpointAfter(4);
      const head = checkpoint.seq;
      const removed = await rowsFrom(head - 2);
      await tamper(`DELETE FROM audit_log WHERE seq > $1`, [head - 3]);
      try {
        const result = await verify();
        expect(result).toMatchObject({
          intact: false,
          entries: head - 3,
          seq: head - 2,
          problem: 'truncated',
          checkpoint: { seq: head, at: checkpoint.at },
        });
        const line =
          `audit log altered at seq ${head - 2} (entries after seq ${head - 3} were removed: ` +
          `the latest checkpoint (signed ${checkpoint.at}) covers seq ${head})`;
        expect(describeVerification(result)).toBe(line);
        expect(await cli()).toEqual({ code: 1, line });
        expect(await verifyEndpoint()).toEqual({
          intact: false,
          firstBadSeq: head - 2,
          problem: 'truncated',
          warning: null,
          checkpointSeq: head,
          checkpointAt: checkpoint.at,
        });
        // The chain alone cannot tell: it is a valid, shorter chain.
        expect(await verifyAuditChain(chainQuery)).toMatchObject({ intact: true });

        // Refilling the removed seqs with new entries does not hide it: the signed entry differs.
        await addEntries(3);
        expect(await verify()).toMatchObject({ intact: false, seq: head, problem: 'checkpoint_mismatch' });
        await tamper(`DELETE FROM audit_log WHERE seq > $1`, [head - 3]);
      } finally {
        await putBack(removed);
      }
      expect(await verify()).toMatchObject({ intact: true, entries: head });
    });

    it("reports a rewrite recomputed forward with the database's own klik_audit_hash as a checkpoint mismatch", async () => {
      await checkpointAfter(2);
      // An old entry, long covered by checkpoints: the first checkpoint at or after it is where the rewrite shows.
      const target = 2;
      const signed = (await store.read()).valid.filter((checkpoint) => checkpoint.seq >= target);
      const first = signed.reduce((a, b) => (b.seq < a.seq ? b : a));
      const original = await query<{ seq: string; details: string; previous_hash: string; hash: string }>(
        `SELECT seq::text AS seq, details::text AS details, previous_hash, hash FROM audit_log WHERE seq >= $1`,
        [target],
      );
      // The attack of the security test: change the entry, then recompute every hash and previous_hash after it.
      await tamper(`
        DO $$
        DECLARE
          r audit_log;
          prev text;
        BEGIN
          UPDATE audit_log SET details = details || '{"rewritten": true}' WHERE seq = ${target};
          SELECT previous_hash INTO prev FROM audit_log WHERE seq = ${target};
          FOR r IN SELECT * FROM audit_log WHERE seq >= ${target} ORDER BY seq LOOP
            UPDATE audit_log
               SET previous_hash = prev,
                   hash = klik_audit_hash(r.seq, r.occurred_at, r.institution_id, r.actor_type, r.actor_user_id,
                                          r.action, r.target_type, r.target_id, r.details, prev)
             WHERE seq = r.seq
            RETURNING hash INTO prev;
          END LOOP;
        END $$`);
      try {
        // Without the checkpoints the rewritten chain is internally consistent: the finding this closes.
        expect(await verifyAuditChain(chainQuery)).toMatchObject({ intact: true });
        const result = await verify();
        expect(result).toMatchObject({ intact: false, seq: first.seq, problem: 'checkpoint_mismatch' });
        const line =
          `audit log altered at seq ${first.seq} (entry ${first.seq} differs from the checkpoint signed ` +
          `${first.at}: the log was rewritten at or before seq ${first.seq})`;
        expect(describeVerification(result)).toBe(line);
        expect(await cli()).toEqual({ code: 1, line });
        expect(await verifyEndpoint()).toMatchObject({
          intact: false,
          firstBadSeq: first.seq,
          problem: 'checkpoint_mismatch',
        });
      } finally {
        await tamper(
          `UPDATE audit_log a SET details = o.details::jsonb, previous_hash = o.previous_hash, hash = o.hash
             FROM jsonb_to_recordset($1::jsonb) AS o(seq bigint, details text, previous_hash text, hash text)
            WHERE a.seq = o.seq`,
          [JSON.stringify(original)],
        );
      }
      expect(await verify()).toMatchObject({ intact: true });
    });

    it('reports a checkpoint line edited without re-signing', async () => {
      await checkpointAfter(1);
      const file = path.join(checkpointDir, CHECKPOINT_FILE);
      const original = await fs.readFile(file, 'utf8');
      const lines = original.trimEnd().split('\n');
      const latest = JSON.parse(lines[lines.length - 1]) as { seq: number; hash: string };
      // What an intruder who rewrote the log would also need: the checkpoint moved to the new hash.
      lines[lines.length - 1] = JSON.stringify({ ...latest, hash: sha256('the rewritten entry') });
      await fs.writeFile(file, `${lines.join('\n')}\n`);
      try {
        const result = await verify();
        expect(result).toMatchObject({
          intact: false,
          seq: latest.seq,
          problem: 'checkpoint_signature_invalid',
        });
        const line =
          `audit checkpoints altered (checkpoint line ${lines.length} (seq ${latest.seq}) is invalid: ` +
          'the signature does not match its content)';
        expect(describeVerification(result)).toBe(line);
        expect(await cli()).toEqual({ code: 1, line });
        expect(await verifyEndpoint()).toMatchObject({
          intact: false,
          firstBadSeq: latest.seq,
          problem: 'checkpoint_signature_invalid',
        });
        // Nothing was signed while the file did not verify.
        expect(await fs.readFile(file, 'utf8')).toBe(`${lines.join('\n')}\n`);
      } finally {
        await fs.writeFile(file, original);
      }
      expect(await verify()).toMatchObject({ intact: true });
    });

    it('finds an untouched log intact, and entries appended after the latest checkpoint keep it intact', async () => {
      const checkpoint = await checkpointAfter(2);
      const head = checkpoint.seq;
      // Nothing new since this process signed: the timer writes no duplicate.
      expect(await checkpoints().checkpoint()).toBeNull();
      const result = await verify();
      expect(result).toEqual({
        intact: true,
        entries: head,
        head: { seq: head, hash: checkpoint.hash },
        checkpoint: { seq: head, at: checkpoint.at },
        warning: null,
      });

      await addEntries(3);
      expect(await verifyEndpoint()).toEqual({
        intact: true,
        firstBadSeq: null,
        problem: null,
        warning: null,
        checkpointSeq: head,
        checkpointAt: checkpoint.at,
      });
      // The API's verification signed the new head, which the CLI then relies on.
      const latest = (await store.read()).valid.filter((c) => c.seq === head + 3);
      expect(latest).toHaveLength(1);
      expect(await cli()).toEqual({
        code: 0,
        line: `audit log intact: ${head + 3} entries; the latest checkpoint (signed ${latest[0].at}) covers seq ${head + 3}`,
      });
    });
    it('is started by the app: signs on a timer when asked (KLIK_AUDIT_CHECKPOINT_SECONDS), and at shutdown', async () => {
      const dirs = [0, 1].map(() => mkdtempSync(path.join(tmpdir(), 'klik-audit-timer-')));
      const [timerStore, shutdownStore] = dirs.map((dir) => new AuditCheckpointStore(dir));
      const timed = await createTestApp({
        KLIK_AUDIT_CHECKPOINT_DIR: dirs[0],
        KLIK_AUDIT_CHECKPOINT_SECONDS: '1',
      });
      const untimed = await createTestApp({ KLIK_AUDIT_CHECKPOINT_DIR: dirs[1] });
      let closed = false;
      try {
        await addEntries(1);
        const head = await maxSeq();
        const signedUpTo = async (store: AuditCheckpointStore) =>
          Math.max(0, ...(await store.read()).valid.map((checkpoint) => checkpoint.seq));
        for (let wait = 0; wait < 50 && (await signedUpTo(timerStore)) < head; wait++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(await signedUpTo(timerStore)).toBe(head);
        // The app without a timer signs nothing until it stops, and then the head.
        expect(await signedUpTo(shutdownStore)).toBe(0);
        await untimed.close();
        closed = true;
        expect((await shutdownStore.read()).valid).toEqual([expect.objectContaining({ seq: head })]);
      } finally {
        await timed.close();
        if (!closed) await untimed.close();
        for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('GET /api/audit', () => {
    it("gives an institution admin their own institution's entries, newest first, paged", async () => {
      const page = await adminA.get('/api/audit?limit=5').expect(200);
      expect(page.body.items).toHaveLength(5);
      expect(page.body.total).toBeGreaterThan(5);
      const seqs = page.body.items.map((item: { seq: number }) => item.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      const next = await adminA.get('/api/audit?limit=5&offset=5').expect(200);
      expect(next.body.items[0].seq).toBeLessThan(seqs[4]);
      const [{ n }] = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE institution_id = $1`,
        [instA.institution.id],
      );
      expect(page.body.total).toBe(n);
      const all = await adminA.get('/api/audit?limit=500').expect(200);
      const ids = new Set(all.body.items.map((item: { id: string }) => item.id));
      const foreign = await query<{ id: string }>(
        `SELECT id FROM audit_log WHERE institution_id IS DISTINCT FROM $1`,
        [instA.institution.id],
      );
      expect(foreign.length).toBeGreaterThan(0);
      expect(foreign.filter((row) => ids.has(row.id))).toEqual([]);
      expect(Object.keys(page.body.items[0]).sort()).toEqual(
        [
          'action',
          'actorType',
          'actorUserId',
          'details',
          'id',
          'occurredAt',
          'seq',
          'targetId',
          'targetType',
        ].sort(),
      );
    });

    it('is for institution admins only', async () => {
      await researcherA.get('/api/audit').expect(403);
      await researcherA.get('/api/audit/verify').expect(403);
      await t.agent().get('/api/audit').expect(401);
      await adminA.get('/api/audit?limit=0').expect(400);
    });
  });
});
