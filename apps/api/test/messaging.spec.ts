import type { SMTPServer } from 'smtp-server';
import type TestAgent from 'supertest/lib/agent';
import { OutboxService } from '../src/messaging/outbox.service';
import { TAKE_COOKIE } from '../src/take/take.controller';
import { validAnswers } from './answers';
import { type ReceivedMail as Received, startSmtp, stopSmtp } from './smtp-catcher';
import {
  createRecruitingStudy,
  createTestApp,
  login,
  seedInstitution,
  type SeededInstitution,
  type TestApp,
} from './test-app';

const DAY = 86_400_000;

const linkIn = (text: string) => /http:\/\/klik\.test\/take\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

describe('messaging: invitations and reminders by e-mail through SMTP', () => {
  let t: TestApp;
  let inst: SeededInstitution;
  let researcher: TestAgent;
  let outbox: OutboxService;
  let smtp: SMTPServer;
  let smtpPort: number;
  const received: Received[] = [];

  beforeAll(async () => {
    ({ server: smtp, port: smtpPort } = await startSmtp(received));
    t = await createTestApp({
      KLIK_SMTP_URL: `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`,
      KLIK_MAIL_FROM: 'Klik <study@klik.test>',
    });
    outbox = t.app.get(OutboxService);
    inst = await seedInstitution(t.dataSource);
    researcher = t.agent();
    await login(researcher, inst.users.researcher.email);
  });
  afterAll(async () => {
    await t.close();
    await stopSmtp(smtp);
  });

  /** A recruiting study with a baseline schedule (invitation at enrolment, reminders after 3 and 7 days). */
  async function scheduledStudy(reminderDays = [3, 7]) {
    const { studyId, timepointIds } = await createRecruitingStudy(researcher);
    const cohortId = (
      (await researcher.get(`/api/studies/${studyId}/cohorts`).expect(200)).body.items[0] as { id: string }
    ).id;
    await researcher
      .put(`/api/studies/${studyId}/timepoints/${timepointIds[0]}/schedule`)
      .send({ enabled: true, inviteOffsetDays: 0, reminderDays, expiresInDays: 14 })
      .expect(200);
    const enrol = async (email: string | null, preferredLanguage?: 'nl' | 'en') => {
      const participant = await researcher
        .post(`/api/studies/${studyId}/participants`)
        .send({ cohortId })
        .expect(201);
      const id = participant.body.id as string;
      if (email) {
        await researcher
          .put(`/api/studies/${studyId}/participants/${id}/contact`)
          .send({ email, ...(preferredLanguage ? { preferredLanguage } : {}) })
          .expect(200);
      }
      return id;
    };
    return { studyId, baselineId: timepointIds[0], enrol };
  }

  const scope = (studyId: string) => ({ institutionId: inst.institution.id, studyId });
  const mailsTo = (address: string) => received.filter((mail) => mail.to.includes(address));
  /** The participant's own messages (safety e-mails to staff about them, safety.spec.ts, are left out). */
  const messageRows = async (participantId: string) =>
    (await t.dataSource.query(
      `SELECT kind, sequence, status, "to", body, attempts, last_error, next_attempt_at, cancel_reason
         FROM outbox_messages WHERE participant_id = $1 AND kind IN ('invitation', 'reminder') ORDER BY sequence`,
      [participantId],
    )) as {
      kind: string;
      sequence: number;
      status: string;
      to: string | null;
      body: string;
      attempts: number;
      last_error: string | null;
      next_attempt_at: Date | null;
      cancel_reason: string | null;
    }[];

  it('sends the invitation in the contact language with a working link, and a reminder when it is due', async () => {
    const { studyId, enrol } = await scheduledStudy();
    const dutch = await enrol('anna@example.test', 'nl');
    const english = await enrol('bram@example.test', 'en');
    await enrol(null); // no contact details: nothing to send to
    const now = new Date();

    const first = await outbox.runDue(now, scope(studyId));
    expect(first).toMatchObject({ planned: 2, sent: 2, failed: 0 });
    const [toAnna] = mailsTo('anna@example.test');
    const [toBram] = mailsTo('bram@example.test');
    expect(toAnna.subject).toMatch(/^Uitnodiging: vragenlijsten Begin – /);
    expect(toAnna.language).toBe('nl');
    // The study's form of address: "je" by default (issue 11; participant-language.spec.ts checks "u" too).
    expect(toAnna.text).toContain('Je bent uitgenodigd');
    expect(toBram.subject).toMatch(/^Invitation: questionnaires Baseline – /);
    expect(toBram.language).toBe('en');

    // The link in the mail opens the questionnaire: the token is exchanged for a participant session cookie.
    const entry = await t
      .agent()
      .get(`/take/${linkIn(toAnna.text)}`)
      .expect(303);
    expect(entry.headers.location).toBe('/take');
    expect(String(entry.headers['set-cookie'])).toMatch(new RegExp(`${TAKE_COOKIE}=[A-Za-z0-9_-]{20,}`));

    // Once sent, the outbox keeps the text without the link: the token is not stored in clear.
    const rows = await messageRows(dutch);
    expect(rows.map((row) => [row.kind, row.sequence, row.status])).toEqual([
      ['invitation', 0, 'sent'],
      ['reminder', 1, 'queued'],
      ['reminder', 2, 'queued'],
    ]);
    expect(rows[0].body).toContain('[link removed]');
    expect(linkIn(rows[0].body)).toBeUndefined();

    // Nothing more before day 3; the first reminder on day 3, with the same link.
    expect(await outbox.runDue(new Date(now.getTime() + 2 * DAY), scope(studyId))).toMatchObject({
      planned: 0,
      sent: 0,
    });
    expect(await outbox.runDue(new Date(now.getTime() + 3 * DAY + 60_000), scope(studyId))).toMatchObject({
      sent: 2,
    });
    const reminders = mailsTo('bram@example.test').slice(1);
    expect(reminders).toHaveLength(1);
    expect(reminders[0].subject).toMatch(/^Reminder: /);
    expect(linkIn(reminders[0].text)).toBe(linkIn(toBram.text));
    expect((await messageRows(english)).map((row) => row.status)).toEqual(['sent', 'sent', 'queued']);

    // The participant's timeline shows the e-mails that went out.
    const timeline = await researcher
      .get(`/api/studies/${studyId}/participants/${english}/timeline`)
      .expect(200);
    expect(timeline.body.events.map((event: { type: string }) => event.type)).toEqual([
      'enrolled',
      'invited',
      'invitation_sent',
      'reminded',
    ]);
  });

  it('cancels the reminders as soon as the timepoint is completed', async () => {
    const { studyId, enrol } = await scheduledStudy();
    const done = await enrol('done@example.test', 'en');
    const now = new Date();
    await outbox.runDue(now, scope(studyId));
    const [invitation] = mailsTo('done@example.test');

    const agent = t.agent();
    await agent.get(`/take/${linkIn(invitation.text)}`).expect(303);
    const state = await agent.get('/api/take/state').expect(200);
    await agent
      .post('/api/take/consent')
      .send({ decision: 'given', consentVersion: state.body.consent.version, language: 'en' })
      .expect(200);
    await agent
      .post('/api/take/submit')
      .set('Idempotency-Key', `done-${Date.now()}`)
      .send({ language: 'en', responses: { 'phq-9': validAnswers('phq-9', 2) } })
      .expect(201);

    // In the submitting transaction already, before any pass runs.
    const rows = await messageRows(done);
    expect(rows.map((row) => [row.status, row.cancel_reason])).toEqual([
      ['sent', null],
      ['cancelled', 'invitation_completed'],
      ['cancelled', 'invitation_completed'],
    ]);
    expect(rows.every((row) => linkIn(row.body) === undefined)).toBe(true);
    await outbox.runDue(new Date(now.getTime() + 8 * DAY), scope(studyId));
    expect(mailsTo('done@example.test')).toHaveLength(1);
  });

  it('sends nothing to a withdrawn participant and erases their contact details', async () => {
    const { studyId, enrol } = await scheduledStudy();
    const leaving = await enrol('leaving@example.test', 'nl');
    const now = new Date();
    await outbox.runDue(now, scope(studyId));
    expect(mailsTo('leaving@example.test')).toHaveLength(1);

    await researcher.post(`/api/studies/${studyId}/participants/${leaving}/withdraw`).expect(200);
    const contacts = await t.dataSource.query(
      `SELECT 1 FROM participant_contacts WHERE participant_id = $1`,
      [leaving],
    );
    expect(contacts).toHaveLength(0);
    const rows = await messageRows(leaving);
    expect(rows.map((row) => [row.status, row.to])).toEqual([
      ['sent', null],
      ['cancelled', null],
      ['cancelled', null],
    ]);
    expect(rows.slice(1).map((row) => row.cancel_reason)).toEqual([
      'participant_withdrawn',
      'participant_withdrawn',
    ]);
    expect(rows.some((row) => row.body.includes('leaving@example.test') || linkIn(row.body))).toBe(false);

    await outbox.runDue(new Date(now.getTime() + 30 * DAY), scope(studyId));
    expect(mailsTo('leaving@example.test')).toHaveLength(1);
    await researcher.get(`/api/studies/${studyId}/participants/${leaving}/contact`).expect(404);
  });

  it('never sends a message twice, whether passes run one after the other or at the same time', async () => {
    const { studyId, enrol } = await scheduledStudy([1]);
    const addresses = ['once-1@example.test', 'once-2@example.test', 'once-3@example.test'];
    for (const address of addresses) await enrol(address, 'en');
    const now = new Date();

    const together = await Promise.all([
      outbox.runDue(now, scope(studyId)),
      outbox.runDue(now, scope(studyId)),
    ]);
    expect(together[0].planned + together[1].planned).toBe(3);
    expect(together[0].sent + together[1].sent).toBe(3);
    await outbox.runDue(now, scope(studyId));
    const later = new Date(now.getTime() + DAY + 60_000);
    await Promise.all([
      outbox.runDue(later, scope(studyId)),
      outbox.runDue(later, scope(studyId)),
      outbox.runDue(later, scope(studyId)),
    ]);
    await outbox.runDue(later, scope(studyId));
    for (const address of addresses) {
      expect(mailsTo(address).map((mail) => mail.subject.split(':')[0])).toEqual(['Invitation', 'Reminder']);
    }
  });

  it('records a failure while the SMTP server is down, retries with back-off, and gives up after five attempts', async () => {
    const { studyId, enrol } = await scheduledStudy([]);
    const patient = await enrol('patient@example.test', 'en');
    const stubborn = await enrol('stubborn@example.test', 'en');
    await stopSmtp(smtp);
    const now = new Date();

    expect(await outbox.runDue(now, scope(studyId))).toMatchObject({ planned: 2, sent: 0, failed: 2 });
    let [row] = await messageRows(patient);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(new Date(row.next_attempt_at as Date).getTime()).toBe(now.getTime() + 5 * 60_000);
    expect(linkIn(row.body)).toBeDefined(); // kept for the retry

    // Not before the back-off has passed.
    expect(await outbox.runDue(new Date(now.getTime() + 4 * 60_000), scope(studyId))).toMatchObject({
      failed: 0,
      sent: 0,
    });

    // The server is back: the retry goes out once.
    ({ server: smtp } = await startSmtp(received, smtpPort));
    const later = new Date(now.getTime() + 3_600_000);
    await t.dataSource.query(`UPDATE outbox_messages SET next_attempt_at = $2 WHERE participant_id = $1`, [
      stubborn,
      later,
    ]);
    expect(await outbox.runDue(new Date(now.getTime() + 5 * 60_000), scope(studyId))).toMatchObject({
      sent: 1,
      failed: 0,
    });
    [row] = await messageRows(patient);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(mailsTo('patient@example.test')).toHaveLength(1);

    // Down again for the other one: after the fifth failed attempt it stays failed, without a next attempt.
    await stopSmtp(smtp);
    let when = later;
    for (let attempt = 2; attempt <= 5; attempt++) {
      expect(await outbox.runDue(when, scope(studyId))).toMatchObject({ failed: 1 });
      [row] = await messageRows(stubborn);
      expect(row.attempts).toBe(attempt);
      when = new Date(row.next_attempt_at ?? when);
    }
    expect(row).toMatchObject({ status: 'failed', attempts: 5, next_attempt_at: null });
    expect(linkIn(row.body)).toBeUndefined();
    ({ server: smtp } = await startSmtp(received, smtpPort));
  });
});
