import type TestAgent from 'supertest/lib/agent';
import { renderMessage } from '../src/messaging/message-templates';
import { TAKE_MESSAGES } from '../src/take/take-messages';
import type { FormOfAddress } from '../src/studies/study.entity';
import { validAnswers } from './answers';
import { createTestApp, login, safetyContact, seedInstitution, type TestApp, unique } from './test-app';

/**
 * Issue 11, "everything the client reads is in the client's language": a Dutch study's participant state, the
 * participant API's error messages and the e-mails, rendered for real, hold no English word of a small stop-list,
 * in both forms of address; and each form speaks as it should ("je" or "u", never both).
 */

/** English words that have no place in Dutch participant texts (whole words, any case). */
const ENGLISH = [
  'the',
  'your',
  'you',
  'link',
  'links',
  'questionnaire',
  'questionnaires',
  'please',
  'thank you',
  'thanks',
  'consent',
  'study',
  'answer',
  'answers',
  'submit',
  'submitted',
  'invitation',
  'reminder',
  'dear',
  'regards',
  'available',
  'valid',
  'until',
  'withdraw',
  'not',
  'and',
  'with',
  'this',
];
const englishIn = (text: string) => {
  const withoutUrls = text.replace(/https?:\/\/\S+/g, ' ');
  return ENGLISH.filter((word) => new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'iu').test(withoutUrls));
};
/** "je", "jou", "jouw", "jij" against "u", "uw": the form of address a Dutch text uses. */
const informal = /(^|[^\p{L}])(je|jou|jouw|jij|kun|wil)([^\p{L}]|$)/iu;
const formal = /(^|[^\p{L}])(u|uw|kunt|wilt)([^\p{L}]|$)/iu;

/** The human-readable strings of a SurveyJS definition or any state object: titles, texts, labels, descriptions. */
function readableStrings(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    return /^(title|description|text|html|label|placeholder|.*Text|.*Description)$/.test(key) ? [value] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item) => readableStrings(item, key));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([child, inner]) =>
      // A per-language map ({ nl: … }) inherits its parent's key.
      readableStrings(inner, child === 'nl' || child === 'en' ? key : child),
    );
  }
  return [];
}

describe('participant texts in Dutch', () => {
  let t: TestApp;
  let researcher: TestAgent;

  beforeAll(async () => {
    t = await createTestApp();
    const inst = await seedInstitution(t.dataSource, unique('taal'));
    researcher = t.agent();
    await login(researcher, inst.users.researcher.email);
  });
  afterAll(() => t.close());

  /** A Dutch-only study in the given form of address, recruiting, with a schedule that e-mails an invitation. */
  async function dutchStudy(formOfAddress?: FormOfAddress) {
    const created = await researcher
      .post('/api/studies')
      .send({
        title: { nl: `Werkrelatie en herstel ${unique('nl')}` },
        description: { nl: 'Een onderzoek naar de klik tussen begeleider en cliënt.' },
        languages: ['nl'],
        withdrawalPolicy: 'erase_responses',
        consentText: { nl: 'Ik doe vrijwillig mee en mag altijd stoppen.' },
        ...(formOfAddress ? { formOfAddress } : {}),
      })
      .expect(201);
    const studyId = created.body.id as string;
    expect(created.body.formOfAddress).toBe(formOfAddress ?? 'je');
    const cohort = await researcher.post(`/api/studies/${studyId}/cohorts`).send({ name: 'Utrecht' }).expect(201);
    const protocol = await researcher
      .put(`/api/studies/${studyId}/protocol`)
      .send({
        timepoints: [
          {
            key: 'baseline',
            label: { nl: 'Begin' },
            kind: 'baseline',
            offsetDays: 0,
            instruments: ['phq-9', 'gad-7'].map((instrumentId) => ({ instrumentId, instrumentVersion: '1.0.0', respondent: 'client' })),
          },
        ],
      })
      .expect(200);
    await researcher
      .patch(`/api/studies/${studyId}`)
      .send({ status: 'recruiting', ...(await safetyContact(researcher)) })
      .expect(200);
    const timepointId = protocol.body.timepoints[0].id as string;
    await researcher
      .put(`/api/studies/${studyId}/timepoints/${timepointId}/schedule`)
      .send({ enabled: true, inviteOffsetDays: 0, reminderDays: [3] })
      .expect(200);
    return { studyId, cohortId: cohort.body.id as string };
  }

  for (const form of ['je', 'u'] as const) {
    it(`holds no English in the state, the error messages and the e-mails ("${form}")`, async () => {
      const { studyId, cohortId } = await dutchStudy(form === 'je' ? undefined : form);
      const participant = await researcher.post(`/api/studies/${studyId}/participants`).send({ cohortId }).expect(201);
      const participantId = participant.body.id as string;
      await researcher
        .put(`/api/studies/${studyId}/participants/${participantId}/contact`)
        .send({ email: `deelnemer-${form}@example.test`, preferredLanguage: 'nl' })
        .expect(200);
      await researcher.post(`/api/studies/${studyId}/outbox/run`).expect(200);
      const outbox = (await researcher.get(`/api/studies/${studyId}/outbox?participantId=${participantId}`).expect(200)).body
        .items as { kind: string; subject: string; body: string; language: string }[];
      expect(outbox.map((message) => [message.kind, message.language]).sort()).toEqual([
        ['invitation', 'nl'],
        ['reminder', 'nl'],
      ]);
      const mails = outbox.flatMap((message) => [message.subject, message.body]);
      const token = /\/take\/([A-Za-z0-9_-]{43})/.exec(outbox.find((message) => message.kind === 'invitation')?.body ?? '')?.[1];
      expect(token).toBeDefined();

      // The participant's browser is set to English; the study speaks Dutch only.
      const messages: string[] = [];
      const phone = t.agent();
      await phone.get(`/take/${token}`).set('Accept-Language', 'en').expect(303);
      const first = await phone.get('/api/take/state').expect(200);
      expect(first.body).toMatchObject({ language: 'nl', study: { formOfAddress: form, languages: ['nl'] } });
      const before = await phone
        .put('/api/take/progress')
        .send({ instrumentId: 'phq-9', language: 'nl', pageIndex: 0, answers: { phq9_1: 1 } })
        .expect(403);
      messages.push(before.body.message);
      messages.push((await phone.post('/api/take/language').send({ language: 'en' }).expect(400)).body.message);
      messages.push(
        (await phone.post('/api/take/consent').send({ decision: 'given', consentVersion: 9, language: 'nl' }).expect(409)).body.message,
      );
      await phone.post('/api/take/consent').send({ decision: 'given', consentVersion: 1, language: 'nl' }).expect(200);
      messages.push(
        (
          await phone
            .put('/api/take/progress')
            .send({ instrumentId: 'phq-9', language: 'nl', pageIndex: 0, answers: { phq9_1: 7 } })
            .expect(400)
        ).body.message,
      );
      await researcher
        .post(`/api/studies/${studyId}/consent-versions`)
        .send({ text: { nl: 'De tekst is aangepast: we bewaren je antwoorden langer.' }, requiresReconsent: true })
        .expect(201);
      const renewal = await phone.get('/api/take/state').expect(200);
      expect(renewal.body.consent).toMatchObject({ renewal: true, previousVersion: 1 });
      messages.push(
        (
          await phone
            .put('/api/take/progress')
            .send({ instrumentId: 'phq-9', language: 'nl', pageIndex: 0, answers: { phq9_2: 1 } })
            .expect(409)
        ).body.message,
      );
      await phone.post('/api/take/consent').send({ decision: 'given', consentVersion: 2, language: 'nl' }).expect(200);
      const body = { language: 'nl', responses: { 'phq-9': validAnswers('phq-9', 0), 'gad-7': validAnswers('gad-7', 0) } };
      messages.push(
        (await phone.post('/api/take/submit').set('Idempotency-Key', unique('k')).send({ ...body, responses: {} }).expect(400)).body
          .message,
      );
      const key = unique('k');
      await phone.post('/api/take/submit').set('Idempotency-Key', key).send(body).expect(201);
      messages.push((await phone.post('/api/take/submit').set('Idempotency-Key', key).send({ ...body, language: 'en' }).expect(422)).body.message);
      messages.push((await phone.post('/api/take/submit').set('Idempotency-Key', unique('k')).send(body).expect(409)).body.message);
      // The completed link, opened again, and an unusable link in a Dutch browser.
      const again = t.agent();
      await again.get(`/take/${token}`).set('Accept-Language', 'nl-NL,nl;q=0.9').expect(303);
      const done = await again.get('/api/take/state').expect(200);
      expect(done.body.status).toBe('completed');
      const stranger = t.agent();
      await stranger.get(`/take/${'B'.repeat(43)}`).set('Accept-Language', 'nl').expect(303);
      messages.push((await stranger.get('/api/take/state').set('Accept-Language', 'nl').expect(401)).body.message);

      const stateTexts = [first.body, renewal.body, done.body].flatMap((state) => readableStrings(state));
      expect(stateTexts.length).toBeGreaterThan(30);
      expect(messages).toHaveLength(9);
      // answers_invalid twice (a progress save and a submission): the same words.
      expect(new Set(messages).size).toBe(8);
      const everything = [...stateTexts, ...messages, ...mails];
      expect(everything.flatMap((text) => englishIn(text).map((word) => `${word}: ${text.slice(0, 80)}`))).toEqual([]);

      // Our own texts (messages and e-mails) speak in the study's form of address, and only in it.
      // Links and generated names (test titles, codes: anything with a digit, like "...-4u") are not our words.
      const own = [...messages, ...mails]
        .join('\n')
        .replace(/https?:\/\/\S+/g, ' ')
        .replace(/\S*\d\S*/g, ' ');
      expect(own).toMatch(form === 'je' ? informal : formal);
      expect(own).not.toMatch(form === 'je' ? formal : informal);
    });
  }

  it('renders every Dutch e-mail and message of the code in both forms without English', () => {
    const texts: string[] = [];
    for (const formOfAddress of ['je', 'u'] as const) {
      for (const kind of ['invitation', 'reminder'] as const) {
        const { subject, body } = renderMessage({
          kind,
          language: 'nl',
          formOfAddress,
          studyTitle: 'Werkrelatie',
          timepointLabel: 'Begin',
          url: 'https://klik.example/take/abc',
          expiresAt: new Date('2026-12-24T12:00:00Z'),
        });
        texts.push(subject, body);
        expect(body).toMatch(formOfAddress === 'je' ? informal : formal);
        expect(body).not.toMatch(formOfAddress === 'je' ? formal : informal);
      }
      for (const wording of Object.values(TAKE_MESSAGES)) texts.push(wording.nl[formOfAddress]);
    }
    expect(texts.flatMap((text) => englishIn(text).map((word) => `${word}: ${text}`))).toEqual([]);
    // The English e-mail stays English (the stop-list does catch English).
    const english = renderMessage({
      kind: 'invitation',
      language: 'en',
      formOfAddress: 'u',
      studyTitle: 'Alliance',
      timepointLabel: 'Baseline',
      url: 'https://klik.example/take/abc',
      expiresAt: new Date('2026-12-24T12:00:00Z'),
    });
    expect(englishIn(english.body)).toEqual(expect.arrayContaining(['the', 'link', 'questionnaires']));
  });

  it('keeps study texts per language: an object per language, or one string for every language', async () => {
    const both = await researcher
      .post('/api/studies')
      .send({
        title: { nl: 'Openheid', en: 'Disclosure' },
        description: { nl: 'Over openheid.' },
        languages: ['nl', 'en'],
        withdrawalPolicy: 'erase_link',
        formOfAddress: 'u',
      })
      .expect(201);
    expect(both.body).toMatchObject({
      title: { nl: 'Openheid', en: 'Disclosure' },
      description: { nl: 'Over openheid.' },
      formOfAddress: 'u',
    });
    const patched = await researcher
      .patch(`/api/studies/${both.body.id}`)
      .send({ title: 'KLIK-2', description: '', formOfAddress: 'je' })
      .expect(200);
    expect(patched.body).toMatchObject({ title: { nl: 'KLIK-2', en: 'KLIK-2' }, description: {}, formOfAddress: 'je' });
    for (const [body, field] of [
      [{ title: { de: 'Titel' } }, 'title'],
      [{ title: {} }, 'title'],
      [{ title: { nl: '' } }, 'title'],
      [{ title: { nl: 'x'.repeat(201) } }, 'title'],
      [{ description: { en: 5 } }, 'description'],
      [{ formOfAddress: 'jij' }, 'formOfAddress'],
    ] as const) {
      const refused = await researcher.patch(`/api/studies/${both.body.id}`).send(body).expect(400);
      expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
    }
    // Before recruiting, the description must be in every language once it is given in one.
    const study = await researcher
      .post('/api/studies')
      .send({
        title: { nl: 'Titel', en: 'Title' },
        description: { nl: 'Alleen Nederlands' },
        languages: ['nl', 'en'],
        withdrawalPolicy: 'erase_link',
        consentText: { nl: 'Ja', en: 'Yes' },
      })
      .expect(201);
    const start = await researcher.patch(`/api/studies/${study.body.id}`).send({ status: 'recruiting' }).expect(409);
    expect(start.body.message).toContain('a description in en');
    expect(start.body.message).not.toContain('a title');
  });
});
