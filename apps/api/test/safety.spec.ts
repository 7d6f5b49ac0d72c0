import { getInstrument, RISK_ITEMS } from '@klik/survey-model';
import type { SMTPServer } from 'smtp-server';
import type TestAgent from 'supertest/lib/agent';
import { OutboxService } from '../src/messaging/outbox.service';
import { DEFAULT_SAFETY_HELP_TEXT } from '../src/studies/study-safety';
import { validAnswers } from './answers';
import { type ReceivedMail, startSmtp, stopSmtp } from './smtp-catcher';
import {
  addStaff,
  createRecruitingStudy,
  createTestApp,
  login,
  seedInstitution,
  type SeededInstitution,
  type TestApp,
  unique,
} from './test-app';

/**
 * Issue 11, risk items are acted on: a submission that endorses a risk item raises a safety signal in its own
 * transaction, the right people are e-mailed at once (no answers in the mail), staff see and acknowledge it, an
 * unacknowledged one escalates once, and a study with risk items recruits only with a safety contact and help text.
 * Against the real database (PGlite or PostgreSQL) and a real SMTP server.
 */

const MINUTE = 60_000;
const ESCALATION_MINUTES = 30;

/** Valid PHQ-9 answers with item 9 ("thoughts of death or self-harm") set to `item9` (0 = not at all). */
const phq9 = (item9: number) => ({ ...validAnswers('phq-9', 0), phq9_9: item9 });

interface World {
  t: TestApp;
  researcher: TestAgent;
}

const tokenOf = (url: string) => url.split('/').pop() as string;

/** Enrols a participant (with a practitioner, if given) and makes their baseline link. */
async function enrol(
  staff: TestAgent,
  study: { studyId: string; cohortId: string; timepointId: string },
  practitionerId?: string,
) {
  const participant = await staff
    .post(`/api/studies/${study.studyId}/participants`)
    .send({ cohortId: study.cohortId, ...(practitionerId ? { practitionerId } : {}) })
    .expect(201);
  const link = await staff
    .post(`/api/studies/${study.studyId}/invitations`)
    .send({ participantId: participant.body.id, timepointId: study.timepointId })
    .expect(201);
  return {
    participantId: participant.body.id as string,
    code: participant.body.code as string,
    token: tokenOf(link.body.url as string),
  };
}

/** A participant's phone: enters through the link and consents. */
async function consentingPhone(t: TestApp, token: string, language: 'nl' | 'en' = 'nl'): Promise<TestAgent> {
  const phone = t.agent();
  await phone.get(`/take/${token}`).expect(303);
  const state = await phone.get('/api/take/state').expect(200);
  await phone
    .post('/api/take/consent')
    .send({ decision: 'given', consentVersion: state.body.consent.version, language })
    .expect(200);
  return phone;
}

const submit = (phone: TestAgent, key: string, item9: number, language: 'nl' | 'en' = 'nl') =>
  phone
    .post('/api/take/submit')
    .set('Idempotency-Key', key)
    .send({ language, responses: { 'phq-9': phq9(item9) } });

async function rows<T>(t: TestApp, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await t.dataSource.query(sql, params)) as T[];
}

const signalsOf = (t: TestApp, participantId: string) =>
  rows<{
    id: string;
    institution_id: string;
    study_id: string;
    response_id: string | null;
    score_id: string | null;
    instrument_id: string;
    instrument_version: string;
    items: unknown;
    status: string;
    escalated_at: Date | null;
  }>(t, `SELECT * FROM safety_signals WHERE participant_id = $1 ORDER BY created_at`, [participantId]);

const messagesOf = (t: TestApp, signalId: string) =>
  rows<{
    kind: string;
    recipient_user_id: string;
    to: string;
    status: string;
    body: string;
    cancel_reason: string | null;
  }>(
    t,
    `SELECT kind, recipient_user_id, "to", status, body, cancel_reason FROM outbox_messages
      WHERE safety_signal_id = $1 ORDER BY kind, "to"`,
    [signalId],
  );

const auditOf = (t: TestApp, action: string, targetId: string) =>
  rows<{ actor_type: string; actor_user_id: string | null; details: Record<string, unknown> }>(
    t,
    `SELECT actor_type, actor_user_id, details FROM audit_log WHERE action = $1 AND target_id = $2 ORDER BY seq`,
    [action, targetId],
  );

/** Waits (briefly) until the SMTP server has received `n` mails matching `match`. */
async function mailsMatching(received: ReceivedMail[], match: (mail: ReceivedMail) => boolean, n: number) {
  for (let waited = 0; waited < 5_000 && received.filter(match).length < n; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return received.filter(match);
}

describe('safety signals: risk items are acted on (real SMTP server)', () => {
  let t: TestApp;
  let outbox: OutboxService;
  let smtp: SMTPServer;
  const received: ReceivedMail[] = [];
  let instA: SeededInstitution;
  let instB: SeededInstitution;
  let researcher: TestAgent;
  let contact: { user: { id: string }; email: string };
  let otherPractitioner: { user: { id: string }; email: string };
  let study: { studyId: string; cohortId: string; timepointId: string; title: string };
  const agents: Record<string, TestAgent> = {};

  const as = async (email: string) => {
    if (!agents[email]) {
      agents[email] = t.agent();
      await login(agents[email], email);
    }
    return agents[email];
  };

  beforeAll(async () => {
    const started = await startSmtp(received);
    smtp = started.server;
    t = await createTestApp({
      KLIK_SMTP_URL: started.url,
      KLIK_MAIL_FROM: 'Klik <safety@klik.test>',
      KLIK_SAFETY_ESCALATION_MINUTES: String(ESCALATION_MINUTES),
    });
    outbox = t.app.get(OutboxService);
    instA = await seedInstitution(t.dataSource, unique('safety-a'));
    instB = await seedInstitution(t.dataSource, unique('safety-b'));
    contact = await addStaff(t.dataSource, instA.institution.id, 'practitioner');
    otherPractitioner = await addStaff(t.dataSource, instA.institution.id, 'practitioner');
    researcher = await as(instA.users.researcher.email);
    const title = unique('Safety study');
    const made = await createRecruitingStudy(researcher, title);
    // The study's safety contact is a colleague (a practitioner here), not the researcher who made it.
    await researcher
      .patch(`/api/studies/${made.studyId}`)
      .send({ safetyContactUserId: contact.user.id })
      .expect(200);
    study = { studyId: made.studyId, cohortId: made.cohortIds[0], timepointId: made.timepointIds[0], title };
  });
  afterAll(async () => {
    await t.close();
    await stopSmtp(smtp);
  });

  describe('recruitment needs a safety contact and a help text when the protocol has risk items', () => {
    async function draftWith(instruments: string[]) {
      const created = await researcher
        .post('/api/studies')
        .send({
          title: unique('Draft'),
          languages: ['nl', 'en'],
          withdrawalPolicy: 'erase_responses',
          consentText: { nl: 'Ja', en: 'Yes' },
        })
        .expect(201);
      const id = created.body.id as string;
      await researcher.post(`/api/studies/${id}/cohorts`).send({ name: 'Site' }).expect(201);
      await researcher
        .put(`/api/studies/${id}/protocol`)
        .send({
          timepoints: [
            {
              key: 'baseline',
              kind: 'baseline',
              offsetDays: 0,
              label: { nl: 'Begin', en: 'Start' },
              instruments: instruments.map((instrumentId) => ({
                instrumentId,
                instrumentVersion: '1.0.0',
                respondent: 'client',
              })),
            },
          ],
        })
        .expect(200);
      return { id, created: created.body as Record<string, unknown> };
    }

    it('new studies start with the 113 and 112 help texts and no contact; risk items make safety required', async () => {
      const { id, created } = await draftWith(['phq-9', 'gad-7']);
      expect(created).toMatchObject({
        safetyContactUserId: null,
        safetyHelpText: DEFAULT_SAFETY_HELP_TEXT,
        safetyRequired: false,
      });
      expect(DEFAULT_SAFETY_HELP_TEXT.nl).toContain('bel 113 of gratis 0800-0113, of chat via 113.nl');
      expect(DEFAULT_SAFETY_HELP_TEXT.nl).toContain('bel 112');
      expect(DEFAULT_SAFETY_HELP_TEXT.en).toMatch(/113.*0800-0113 free of charge.*113\.nl.*112/);
      expect((await researcher.get(`/api/studies/${id}`).expect(200)).body.safetyRequired).toBe(true);
    });

    it('refuses recruiting without a contact (409 safety_contact_required) and accepts only a member as contact', async () => {
      const { id } = await draftWith(['phq-9', 'gad-7']);
      const refused = await researcher.patch(`/api/studies/${id}`).send({ status: 'recruiting' }).expect(409);
      expect(refused.body.code).toBe('safety_contact_required');
      expect(refused.body.message).toMatch(/phq-9@1\.0\.0/);
      expect(refused.body.errors).toEqual([
        { field: 'safetyContactUserId', messages: [expect.stringMatching(/safety contact is required/)] },
      ]);
      // Someone of another institution is no contact here: 400, nothing stored.
      const stranger = await researcher
        .patch(`/api/studies/${id}`)
        .send({ status: 'recruiting', safetyContactUserId: instB.users.researcher.user.id })
        .expect(400);
      expect(stranger.body.errors).toEqual([
        { field: 'safetyContactUserId', messages: [expect.any(String)] },
      ]);
      expect((await researcher.get(`/api/studies/${id}`).expect(200)).body).toMatchObject({
        status: 'draft',
        safetyContactUserId: null,
      });
      const ok = await researcher
        .patch(`/api/studies/${id}`)
        .send({ status: 'recruiting', safetyContactUserId: contact.user.id })
        .expect(200);
      expect(ok.body).toMatchObject({ status: 'recruiting', safetyContactUserId: contact.user.id });
      const [audited] = await auditOf(t, 'study.updated', id);
      expect(audited.details).toMatchObject({
        fields: ['status', 'safetyContactUserId'],
        statusFrom: 'draft',
        statusTo: 'recruiting',
      });
      // Once recruiting, the contact cannot be taken away.
      const removed = await researcher
        .patch(`/api/studies/${id}`)
        .send({ safetyContactUserId: null })
        .expect(409);
      expect(removed.body.code).toBe('safety_contact_required');
    });

    it('refuses recruiting without a help text in every study language (409 safety_help_text_required)', async () => {
      const { id } = await draftWith(['phq-9']);
      await researcher
        .patch(`/api/studies/${id}`)
        .send({ safetyContactUserId: contact.user.id, safetyHelpText: { en: '   ' } })
        .expect(200);
      const refused = await researcher.patch(`/api/studies/${id}`).send({ status: 'recruiting' }).expect(409);
      expect(refused.body.code).toBe('safety_help_text_required');
      expect(refused.body.errors).toEqual([{ field: 'safetyHelpText.en', messages: [expect.any(String)] }]);
      const own = 'Need help now? Call 113, or 0800-0113 free of charge. In an emergency: 112.';
      const ok = await researcher
        .patch(`/api/studies/${id}`)
        .send({ status: 'recruiting', safetyHelpText: { en: own } })
        .expect(200);
      expect(ok.body.safetyHelpText).toEqual({ nl: DEFAULT_SAFETY_HELP_TEXT.nl, en: own });
    });

    it('a study without risk-item instruments recruits without a contact; adding PHQ-9 later needs one', async () => {
      const { id } = await draftWith(['gad-7']);
      const ok = await researcher.patch(`/api/studies/${id}`).send({ status: 'recruiting' }).expect(200);
      expect(ok.body).toMatchObject({
        status: 'recruiting',
        safetyRequired: false,
        safetyContactUserId: null,
      });
      const withPhq = {
        timepoints: [
          {
            key: 'baseline',
            kind: 'baseline',
            offsetDays: 0,
            label: { nl: 'Begin', en: 'Start' },
            instruments: ['gad-7', 'phq-9'].map((instrumentId) => ({
              instrumentId,
              instrumentVersion: '1.0.0',
              respondent: 'client',
            })),
          },
        ],
      };
      const refused = await researcher.put(`/api/studies/${id}/protocol`).send(withPhq).expect(409);
      expect(refused.body.code).toBe('safety_contact_required');
      const protocol = await researcher.get(`/api/studies/${id}/protocol`).expect(200);
      expect(
        protocol.body.timepoints[0].instruments.map((i: { instrumentId: string }) => i.instrumentId),
      ).toEqual(['gad-7']);
      await researcher.patch(`/api/studies/${id}`).send({ safetyContactUserId: contact.user.id }).expect(200);
      await researcher.put(`/api/studies/${id}/protocol`).send(withPhq).expect(200);
    });

    it('a partner names the safety contact of its own cohort only, from its own staff', async () => {
      const partner = await seedInstitution(t.dataSource, unique('safety-partner'));
      const owned = await researcher
        .post(`/api/studies/${study.studyId}/cohorts`)
        .send({ name: unique('Partner site'), institutionId: partner.institution.id })
        .expect(201);
      const partnerResearcher = await as(partner.users.researcher.email);
      const path = `/api/studies/${study.studyId}/cohorts/${owned.body.id}/safety-contact`;
      // The owner cannot name the partner's contact; the partner cannot touch the owner's cohorts.
      await researcher.put(path).send({ userId: contact.user.id }).expect(404);
      await partnerResearcher
        .put(`/api/studies/${study.studyId}/cohorts/${study.cohortId}/safety-contact`)
        .send({ userId: partner.users.researcher.user.id })
        .expect(404);
      const ownCohort = await researcher
        .put(`/api/studies/${study.studyId}/cohorts/${study.cohortId}/safety-contact`)
        .send({ userId: contact.user.id })
        .expect(409);
      expect(ownCohort.body.code).toBe('study_safety_contact');
      const stranger = await partnerResearcher.put(path).send({ userId: contact.user.id }).expect(400);
      expect(stranger.body.errors[0].field).toBe('userId');
      await partnerResearcher.put(path).send({}).expect(400);
      const set = await partnerResearcher
        .put(path)
        .send({ userId: partner.users.researcher.user.id })
        .expect(200);
      expect(set.body.safetyContactUserId).toBe(partner.users.researcher.user.id);
      // Only the cohort's own institution reads who it is.
      const seenByOwner = await researcher
        .get(`/api/studies/${study.studyId}/cohorts/${owned.body.id}`)
        .expect(200);
      expect(seenByOwner.body.safetyContactUserId).toBeNull();
      expect(await auditOf(t, 'cohort.safety_contact_changed', owned.body.id as string)).toHaveLength(1);
      await partnerResearcher.put(path).send({ userId: null }).expect(200);
    });
  });

  describe('a submission that endorses a risk item', () => {
    let participant: { participantId: string; code: string; token: string };
    let signalId: string;

    it('raises nothing when the submission fails: invalid answers, or a failure later in its transaction', async () => {
      participant = await enrol(researcher, study, instA.users.practitioner.user.id);
      const phone = await consentingPhone(t, participant.token);
      const invalid = await submit(phone, unique('key'), 9).expect(400);
      expect(invalid.body.code).toBe('answers_invalid');
      expect(await signalsOf(t, participant.participantId)).toEqual([]);

      // The invitation is marked completed after the signal is written: make that statement fail, and the whole
      // submission (answers, scores, signal, its e-mails, its audit entry) must roll back together.
      const [{ id: invitationId }] = await rows<{ id: string }>(
        t,
        `SELECT id FROM invitations WHERE participant_id = $1`,
        [participant.participantId],
      );
      const trigger = `klik_test_fail_${invitationId.replace(/-/g, '')}`;
      await t.dataSource.query(
        `CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'simulated failure after the answers were written'; END $$`,
      );
      await t.dataSource.query(
        `CREATE TRIGGER ${trigger} BEFORE UPDATE ON invitations FOR EACH ROW
         WHEN (NEW.id = '${invitationId}'::uuid AND NEW.status = 'completed') EXECUTE FUNCTION ${trigger}()`,
      );
      try {
        await submit(phone, unique('key'), 3).expect(500);
      } finally {
        await t.dataSource.query(`DROP TRIGGER ${trigger} ON invitations`);
        await t.dataSource.query(`DROP FUNCTION ${trigger}()`);
      }
      expect(await signalsOf(t, participant.participantId)).toEqual([]);
      const [{ responses, messages, audits }] = await rows<{
        responses: number;
        messages: number;
        audits: number;
      }>(
        t,
        `SELECT (SELECT count(*) FROM responses WHERE participant_id = $1 AND status = 'submitted')::int AS responses,
                (SELECT count(*) FROM outbox_messages WHERE participant_id = $1)::int AS messages,
                (SELECT count(*) FROM audit_log WHERE action = 'safety_signal.raised'
                   AND details->>'participantId' = $1::text)::int AS audits`,
        [participant.participantId],
      );
      expect({ responses, messages, audits }).toEqual({ responses: 0, messages: 0, audits: 0 });
    });

    it('PHQ-9 item 9 = 3 raises exactly one signal, with the help text in the answer; a retry raises none', async () => {
      const phone = await consentingPhone(t, participant.token);
      const key = unique('key');
      const first = await submit(phone, key, 3).expect(201);
      expect(first.body).toEqual({
        status: 'completed',
        submittedAt: expect.any(String),
        safetyHelpText: DEFAULT_SAFETY_HELP_TEXT.nl,
      });
      const retry = await submit(phone, key, 3).expect(200);
      expect(retry.body).toEqual(first.body);

      const signals = await signalsOf(t, participant.participantId);
      expect(signals).toHaveLength(1);
      const [signal] = signals;
      signalId = signal.id;
      const [response] = await rows<{ id: string; score_id: string }>(
        t,
        `SELECT r.id, s.id AS score_id FROM responses r JOIN scores s ON s.response_id = r.id
          WHERE r.participant_id = $1 AND r.instrument_id = 'phq-9'`,
        [participant.participantId],
      );
      expect(signal).toMatchObject({
        institution_id: instA.institution.id,
        study_id: study.studyId,
        response_id: response.id,
        score_id: response.score_id,
        instrument_id: 'phq-9',
        instrument_version: '1.0.0',
        items: [{ item: 'phq9_9', value: 3, kind: 'suicidality' }],
        status: 'open',
        escalated_at: null,
      });
      // Audited by ids only, once, with whom it told.
      const audits = await auditOf(t, 'safety_signal.raised', signal.id);
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ actor_type: 'participant', actor_user_id: null });
      expect(audits[0].details).toEqual({
        studyId: study.studyId,
        participantId: participant.participantId,
        responseId: response.id,
        scoreId: response.score_id,
        instrumentId: 'phq-9',
        instrumentVersion: '1.0.0',
        recipientUserIds: expect.arrayContaining([instA.users.practitioner.user.id, contact.user.id]),
      });
      // The participant page keeps showing the help text after the submission.
      const state = await phone.get('/api/take/state').expect(200);
      expect(state.body).toMatchObject({ status: 'completed', safetyHelpText: DEFAULT_SAFETY_HELP_TEXT.nl });
    });

    it('e-mails the practitioner and the safety contact at once, with the code, the study and a link: no answers', async () => {
      const messages = await messagesOf(t, signalId);
      expect(
        messages.map((message) => [message.kind, message.recipient_user_id, message.status]).sort(),
      ).toEqual(
        [
          ['safety_signal', instA.users.practitioner.user.id, 'sent'],
          ['safety_signal', contact.user.id, 'sent'],
        ].sort(),
      );
      const mails = await mailsMatching(received, (mail) => mail.text.includes(participant.code), 2);
      expect(mails.map((mail) => mail.to).sort()).toEqual(
        [instA.users.practitioner.email, contact.email].sort(),
      );
      for (const mail of mails) {
        expect(mail.subject).toBe(`Aandacht nodig: deelnemer ${participant.code} – ${study.title}`);
        expect(mail.language).toBe('nl');
        expect(mail.text).toContain(`"${study.title}"`);
        expect(mail.text).toContain('http://klik.test/needs-attention');
        // Nothing of the answers: no item, value, label, score or instrument.
        expect(mail.text).not.toMatch(/phq|item|PHQ|zelfbeschadiging|gedachten|suicid|zelfdoding|score/i);
      }
    });

    it('a submission without an endorsed risk item raises nothing and carries no help text', async () => {
      const calm = await enrol(researcher, study, instA.users.practitioner.user.id);
      const phone = await consentingPhone(t, calm.token);
      const answer = await submit(phone, unique('key'), 0).expect(201);
      expect(answer.body.safetyHelpText).toBeUndefined();
      expect(await signalsOf(t, calm.participantId)).toEqual([]);
      expect((await phone.get('/api/take/state').expect(200)).body.safetyHelpText).toBeUndefined();
    });

    it("gives the help text in the participant's language", async () => {
      const english = await enrol(researcher, study, instA.users.practitioner.user.id);
      const phone = await consentingPhone(t, english.token, 'en');
      const answer = await submit(phone, unique('key'), 1, 'en').expect(201);
      expect(answer.body.safetyHelpText).toBe(DEFAULT_SAFETY_HELP_TEXT.en);
      expect((await phone.get('/api/take/state').expect(200)).body.safetyHelpText).toBe(
        DEFAULT_SAFETY_HELP_TEXT.en,
      );
      expect(await signalsOf(t, english.participantId)).toHaveLength(1);
    });

    it("lists it for the client's practitioner and the safety contact, never for another practitioner or institution", async () => {
      const expected = {
        id: signalId,
        study: { id: study.studyId, title: study.title },
        participant: { id: participant.participantId, code: participant.code, withdrawn: false },
        instrument: { id: 'phq-9', version: '1.0.0' },
        items: [
          {
            item: 'phq9_9',
            value: 3,
            kind: 'suicidality',
            label: 'PHQ-9 item 9: thoughts of death or self-harm (at least "several days")',
          },
        ],
        createdAt: expect.any(String),
        status: 'open',
        acknowledgedBy: null,
        acknowledgedAt: null,
        note: null,
        escalatedAt: null,
      };
      for (const email of [
        instA.users.practitioner.email,
        contact.email,
        instA.users.researcher.email,
        instA.users.institution_admin.email,
      ]) {
        const list = await (await as(email)).get('/api/safety-signals').expect(200);
        expect({ email, item: list.body.items.find((item: { id: string }) => item.id === signalId) }).toEqual(
          {
            email,
            item: expected,
          },
        );
      }
      for (const email of [
        otherPractitioner.email,
        instB.users.researcher.email,
        instB.users.institution_admin.email,
      ]) {
        const list = await (await as(email)).get('/api/safety-signals?status=all').expect(200);
        expect({ email, ids: list.body.items.map((item: { id: string }) => item.id) }).toEqual({
          email,
          ids: [],
        });
        expect(list.text).not.toContain(participant.code);
      }
      // Labels in the asked language, by query or by Accept-Language; the study filter.
      const practitioner = await as(instA.users.practitioner.email);
      const dutch = await practitioner
        .get(`/api/safety-signals?language=nl&studyId=${study.studyId}`)
        .expect(200);
      expect(dutch.body.items.find((item: { id: string }) => item.id === signalId).items[0].label).toBe(
        'PHQ-9 item 9: gedachten aan de dood of zelfbeschadiging (minstens "meerdere dagen")',
      );
      const accepted = await practitioner
        .get('/api/safety-signals')
        .set('Accept-Language', 'nl-NL,nl;q=0.9')
        .expect(200);
      expect(accepted.body.items[0].items[0].label).toMatch(/^PHQ-9 item 9: gedachten/);
      const elsewhere = await practitioner
        .get(`/api/safety-signals?studyId=${instB.institution.id}`)
        .expect(200);
      expect(elsewhere.body).toEqual({ items: [], total: 0, limit: 100, offset: 0 });
      // Past the last page the list is empty but still tells the total.
      const all = (await practitioner.get('/api/safety-signals?status=all').expect(200)).body.total as number;
      expect(all).toBeGreaterThan(0);
      const past = await practitioner.get(`/api/safety-signals?status=all&offset=${all + 5}`).expect(200);
      expect(past.body).toMatchObject({ items: [], total: all });
      await practitioner.get('/api/safety-signals?status=closed').expect(400);
      await practitioner.get('/api/safety-signals?language=de').expect(400);
    });

    it('is acknowledged with a required note, once, by someone allowed to; audited', async () => {
      const path = `/api/safety-signals/${signalId}/acknowledge`;
      // Not theirs: 404, as for a signal that does not exist.
      for (const email of [otherPractitioner.email, instB.users.researcher.email]) {
        const denied = await (await as(email)).post(path).send({ note: 'Seen' }).expect(404);
        expect(denied.body.code).toBe('not_found');
      }
      await researcher
        .post('/api/safety-signals/00000000-0000-4000-8000-000000000000/acknowledge')
        .send({ note: 'x' })
        .expect(404);
      const practitioner = await as(instA.users.practitioner.email);
      for (const body of [
        {},
        { note: '' },
        { note: '   ' },
        { note: 'x'.repeat(1001) },
        { note: 'ok', extra: 1 },
      ]) {
        const refused = await practitioner.post(path).send(body).expect(400);
        expect(refused.body.code).toBe('validation_failed');
      }
      expect((await signalsOf(t, participant.participantId))[0].status).toBe('open');

      const note = 'Called the client; appointment tomorrow at 9.';
      const done = await practitioner.post(path).send({ note }).expect(200);
      expect(done.body).toMatchObject({
        id: signalId,
        status: 'acknowledged',
        acknowledgedBy: { id: instA.users.practitioner.user.id, displayName: expect.any(String) },
        acknowledgedAt: expect.any(String),
        note,
      });
      const twice = await (await as(contact.email)).post(path).send({ note: 'Me too' }).expect(409);
      expect(twice.body.code).toBe('already_acknowledged');
      const audits = await auditOf(t, 'safety_signal.acknowledged', signalId);
      expect(audits).toEqual([
        {
          actor_type: 'staff',
          actor_user_id: instA.users.practitioner.user.id,
          details: { studyId: study.studyId, participantId: participant.participantId },
        },
      ]);
      const open = await practitioner.get('/api/safety-signals').expect(200);
      expect(open.body.items.map((item: { id: string }) => item.id)).not.toContain(signalId);
      const acknowledged = await practitioner.get('/api/safety-signals?status=acknowledged').expect(200);
      expect(acknowledged.body.items.map((item: { id: string }) => item.id)).toContain(signalId);
    });

    it('an open signal escalates after the configured minutes to the safety contact and the admins, once', async () => {
      const late = await enrol(researcher, study, instA.users.practitioner.user.id);
      const phone = await consentingPhone(t, late.token);
      await submit(phone, unique('key'), 2).expect(201);
      const [signal] = await signalsOf(t, late.participantId);
      const raisedAt = new Date();
      const scope = { institutionId: instA.institution.id };

      await outbox.runDue(new Date(raisedAt.getTime() + (ESCALATION_MINUTES - 1) * MINUTE), scope);
      expect((await signalsOf(t, late.participantId))[0].escalated_at).toBeNull();
      expect((await messagesOf(t, signal.id)).filter((m) => m.kind === 'safety_escalation')).toEqual([]);

      const when = new Date(raisedAt.getTime() + (ESCALATION_MINUTES + 1) * MINUTE);
      await outbox.runDue(when, scope);
      const [escalated] = await signalsOf(t, late.participantId);
      expect(escalated.escalated_at?.toISOString()).toBe(when.toISOString());
      expect(escalated.status).toBe('open');
      const escalations = (await messagesOf(t, signal.id)).filter((m) => m.kind === 'safety_escalation');
      expect(escalations.map((m) => [m.recipient_user_id, m.status]).sort()).toEqual(
        [
          [contact.user.id, 'sent'],
          [instA.users.institution_admin.user.id, 'sent'],
        ].sort(),
      );
      const mails = await mailsMatching(
        received,
        (mail) => mail.subject.startsWith('Nog niet opgevolgd') && mail.text.includes(late.code),
        2,
      );
      expect(mails.map((mail) => mail.to).sort()).toEqual(
        [contact.email, instA.users.institution_admin.email].sort(),
      );
      expect(mails[0].text).toContain(`na ${ESCALATION_MINUTES} minuten`);
      expect(await auditOf(t, 'safety_signal.escalated', signal.id)).toEqual([
        {
          actor_type: 'system',
          actor_user_id: null,
          details: {
            studyId: study.studyId,
            participantId: late.participantId,
            recipientUserIds: expect.arrayContaining([
              contact.user.id,
              instA.users.institution_admin.user.id,
            ]),
          },
        },
      ]);
      const listed = await researcher.get('/api/safety-signals').expect(200);
      expect(listed.body.items.find((item: { id: string }) => item.id === signal.id).escalatedAt).toBe(
        when.toISOString(),
      );

      // Once: later passes leave it alone; an acknowledged signal never escalates.
      await outbox.runDue(new Date(raisedAt.getTime() + 5 * ESCALATION_MINUTES * MINUTE), scope);
      expect((await messagesOf(t, signal.id)).filter((m) => m.kind === 'safety_escalation')).toHaveLength(2);
      expect(await auditOf(t, 'safety_signal.escalated', signal.id)).toHaveLength(1);
      expect((await signalsOf(t, participant.participantId))[0].escalated_at).toBeNull();
    });
  });

  describe("a partner institution's cohort", () => {
    it("tells the partner's practitioner and admins, or its cohort's own contact; the owner sees nothing", async () => {
      const partner = await seedInstitution(t.dataSource, unique('safety-p'));
      const cohort = await researcher
        .post(`/api/studies/${study.studyId}/cohorts`)
        .send({ name: unique('North'), institutionId: partner.institution.id })
        .expect(201);
      const partnerResearcher = await as(partner.users.researcher.email);
      const where = {
        studyId: study.studyId,
        cohortId: cohort.body.id as string,
        timepointId: study.timepointId,
      };

      const first = await enrol(partnerResearcher, where, partner.users.practitioner.user.id);
      await submit(await consentingPhone(t, first.token), unique('key'), 1).expect(201);
      const [firstSignal] = await signalsOf(t, first.participantId);
      expect(firstSignal.institution_id).toBe(partner.institution.id);
      expect((await messagesOf(t, firstSignal.id)).map((m) => m.recipient_user_id).sort()).toEqual(
        [partner.users.practitioner.user.id, partner.users.institution_admin.user.id].sort(),
      );

      await partnerResearcher
        .put(`/api/studies/${study.studyId}/cohorts/${where.cohortId}/safety-contact`)
        .send({ userId: partner.users.researcher.user.id })
        .expect(200);
      const second = await enrol(partnerResearcher, where, partner.users.practitioner.user.id);
      await submit(await consentingPhone(t, second.token), unique('key'), 2).expect(201);
      const [secondSignal] = await signalsOf(t, second.participantId);
      expect((await messagesOf(t, secondSignal.id)).map((m) => m.recipient_user_id).sort()).toEqual(
        [partner.users.practitioner.user.id, partner.users.researcher.user.id].sort(),
      );

      const partnerList = await partnerResearcher.get('/api/safety-signals').expect(200);
      expect(partnerList.body.items.map((item: { id: string }) => item.id).sort()).toEqual(
        [firstSignal.id, secondSignal.id].sort(),
      );
      const ownerList = await researcher.get('/api/safety-signals?status=all').expect(200);
      expect(ownerList.body.items.map((item: { id: string }) => item.id)).not.toContain(firstSignal.id);
      await researcher
        .post(`/api/safety-signals/${firstSignal.id}/acknowledge`)
        .send({ note: 'x' })
        .expect(404);
    });
  });

  it('every instrument with risk items is answered by the client, so only the client submission raises signals', () => {
    // The practitioner's session log (POST …/session-logs) stores only practitioner instruments; none has risk items.
    for (const rule of RISK_ITEMS) {
      expect({
        instrument: rule.instrumentId,
        respondent: getInstrument(rule.instrumentId).respondent,
      }).toEqual({
        instrument: rule.instrumentId,
        respondent: 'client',
      });
    }
  });
});

describe('safety signals without SMTP: the e-mails wait in the outbox, and withdrawal does not cancel them', () => {
  let t: TestApp;
  let inst: SeededInstitution;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    inst = await seedInstitution(t.dataSource, unique('safety-nosmtp'));
    const researcher = t.agent();
    await login(researcher, inst.users.researcher.email);
    world = { t, researcher };
  });
  afterAll(() => t.close());

  it('queues the safety e-mails in the study outbox and keeps them (and the signal) when the participant withdraws', async () => {
    const { researcher } = world;
    const made = await createRecruitingStudy(researcher);
    const study = { studyId: made.studyId, cohortId: made.cohortIds[0], timepointId: made.timepointIds[0] };
    const participant = await enrol(researcher, study, inst.users.practitioner.user.id);
    await researcher
      .put(`/api/studies/${study.studyId}/participants/${participant.participantId}/contact`)
      .send({ email: 'client@example.test' })
      .expect(200);
    const phone = await consentingPhone(t, participant.token);
    await submit(phone, unique('key'), 3).expect(201);
    const [signal] = await signalsOf(t, participant.participantId);

    const listed = await researcher
      .get(`/api/studies/${study.studyId}/outbox?kind=safety_signal`)
      .expect(200);
    expect(listed.body.smtpConfigured).toBe(false);
    expect(
      listed.body.items
        .map((item: Record<string, unknown>) => [item.kind, item.to, item.status, item.invitationId])
        .sort(),
    ).toEqual(
      [
        ['safety_signal', inst.users.practitioner.email, 'queued', null],
        ['safety_signal', inst.users.researcher.email, 'queued', null],
      ].sort(),
    );
    expect(listed.body.items[0]).toMatchObject({ participantCode: participant.code, timepointId: null });

    // The participant withdraws (erase_responses): their answers go, the care record and its e-mails stay.
    await phone.post('/api/take/withdraw').send({ confirm: true }).expect(200);
    const after = await messagesOf(t, signal.id);
    expect(after.map((m) => [m.to, m.status, m.cancel_reason]).sort()).toEqual(
      [
        [inst.users.practitioner.email, 'queued', null],
        [inst.users.researcher.email, 'queued', null],
      ].sort(),
    );
    // A pass sweeping withdrawn participants' messages leaves them waiting too.
    await t.app.get(OutboxService).runDue(new Date(), { institutionId: inst.institution.id });
    expect((await messagesOf(t, signal.id)).map((m) => m.status)).toEqual(['queued', 'queued']);
    const [kept] = await signalsOf(t, participant.participantId);
    expect(kept).toMatchObject({ status: 'open', response_id: null, score_id: null });
    // Erasing the responses erases the answer value the signal copied; which item and kind stay.
    expect(signal.items).toEqual([{ item: 'phq9_9', value: 3, kind: 'suicidality' }]);
    expect(kept.items).toEqual([{ item: 'phq9_9', kind: 'suicidality' }]);
    const list = await researcher.get('/api/safety-signals').expect(200);
    const listed2 = list.body.items.find((item: { id: string }) => item.id === signal.id);
    expect(listed2.participant).toEqual({
      id: participant.participantId,
      code: participant.code,
      withdrawn: true,
    });
    expect(listed2.items).toEqual([expect.objectContaining({ item: 'phq9_9', value: null, kind: 'suicidality' })]);
    // The participant's own timeline shows no staff e-mail.
    const timeline = await researcher
      .get(`/api/studies/${study.studyId}/participants/${participant.participantId}/timeline`)
      .expect(200);
    expect(JSON.stringify(timeline.body)).not.toMatch(/remind|invitation_sent/);
  });
});
