// End-to-end test of issue 11's safety and renewed consent from the dashboard's side, against the real server in
// headless Chromium, with a real SMTP server (e2e/support/mail-catcher.mjs): a study with the PHQ-9 and no safety
// contact is refused recruitment on the set-up page and recruits once one is named; a client answers PHQ-9 item 9
// "nearly every day" on a 360 px phone and sees the help text; the practitioner and the safety contact get an e-mail
// without answers, whose link brings the practitioner (after signing in) to "Aandacht nodig", where the signal is
// listed and acknowledged with a note; the audit log holds the acknowledgement. Then the researcher publishes a
// consent version that asks everyone again: a client who reopens their link must consent again before answering,
// and one who declines is withdrawn, as the participant list and the monitoring show. Screenshots, axe (nothing
// serious) and no console error or CSP violation on every page. No mocks: the built API serves the built dashboard
// on a fresh database (embedded, or with DATABASE_URL one made on that PostgreSQL server and dropped afterwards).
//
//   node apps/dashboard/e2e/safety-journey.e2e.mjs     (builds api + dashboard first when run outside Nx)
//
// Screenshots: apps/dashboard/e2e/screenshots/safety-*.png (gitignored).
import assert from 'node:assert/strict';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  assertNoCspViolations,
  assertStrictStyleSrc,
  launchChromium,
  phoneContext,
  screenshotTaker,
  seriousAxeViolations,
  watchContext,
} from './support/browser.mjs';
import { buildIfStandalone, startKlik } from './support/klik-server.mjs';
import { startMailCatcher } from './support/mail-catcher.mjs';
import { answerAll, checkedAnswers, heading, WAIT } from './support/participant.mjs';
import { loginAsResearcher } from './support/researcher-api.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(here, '..', '..', '..');
const PASSWORD = 'klik-demo-2026';
const RESEARCHER = { email: 'researcher@demo.klik.test', password: PASSWORD };
const ADMIN = { email: 'admin@demo.klik.test', password: PASSWORD };
const ANNA = { email: 'practitioner.anna@demo.klik.test', password: PASSWORD };
const BRAM_EMAIL = 'practitioner.bram@demo.klik.test';
const SUFFIX = Date.now().toString(36);
const TITLE = { nl: `Veiligheid e2e ${SUFFIX}`, en: `Safety e2e ${SUFFIX}` };
// The risk item answered "nearly every day" (3); the rest of the PHQ-9 as a client might.
const PHQ9 = {
  phq9_1: 2,
  phq9_2: 3,
  phq9_3: 2,
  phq9_4: 3,
  phq9_5: 1,
  phq9_6: 2,
  phq9_7: 1,
  phq9_8: 0,
  phq9_9: 3,
  phq9_difficulty: 2,
};
// Chromium logs every non-2xx fetch: the session check of a browser without a session answers 401 by contract, and
// so does the participant page's state after a session ended (declining renewed consent ends it); the refusal to
// recruit is a 409 by contract.
const EXPECTED_401 = /Failed to load resource: the server responded with a status of 401/;
const EXPECTED_409 = /Failed to load resource: the server responded with a status of 409/;

/** @typedef {import('playwright-core').Page} Page */

const world = {
  /** @type {import('./support/klik-server.mjs').KlikServer | null} */ klik: null,
  /** @type {Awaited<ReturnType<typeof startMailCatcher>> | null} */ mail: null,
  /** @type {import('playwright-core').Browser | null} */ browser: null,
  /** @type {Page | null} */ researcher: null,
  /** @type {Awaited<ReturnType<typeof loginAsResearcher>> | null} */ api: null,
  studyId: '',
  cohortId: '',
  timepointId: '',
  /** @type {Record<string, string>} user ids by e-mail address */ users: {},
  client: { code: `SAFE-${SUFFIX}`.toUpperCase(), participantId: '', link: '' },
  signalId: '',
  sink: { consoleErrors: /** @type {string[]} */ ([]), cspViolations: /** @type {string[]} */ ([]) },
  shots: screenshotTaker(join(here, 'screenshots')),
  /** @type {{ page: string, all: string[] }[]} */ axeLog: [],
};

const need = /** @template T @param {T | null} value @returns {T} */ (value) => {
  assert.ok(value, 'set up in before()');
  return value;
};

/** Fails on CSP violations and console errors since the last check; an expected 401 or 409 only where allowed. */
function assertNoConsoleErrors(
  /** @type {string} */ where,
  { expected401 = false, expected409 = false } = {},
) {
  assertNoCspViolations(world.sink, where);
  const allowed = [...(expected401 ? [EXPECTED_401] : []), ...(expected409 ? [EXPECTED_409] : [])];
  const logged = world.sink.consoleErrors.splice(0);
  const unexpected = logged.filter((entry) => !allowed.some((pattern) => pattern.test(entry)));
  assert.deepEqual(unexpected, [], `browser console errors ${where}`);
}

/** Screenshot, axe (no serious or critical violation), no CSP violation, no console error. */
async function checkPage(/** @type {Page} */ page, /** @type {string} */ name, options = {}) {
  await world.shots.take(page, `safety-${name}`);
  const { all, serious } = await seriousAxeViolations(page);
  world.axeLog.push({ page: name, all: all.map((violation) => `${violation.id} (${violation.impact})`) });
  assert.deepEqual(
    serious.map(
      (violation) => `${violation.id}: ${violation.help} ${JSON.stringify(violation.nodes.slice(0, 3))}`,
    ),
    [],
    `axe on ${name}`,
  );
  assertNoConsoleErrors(`on ${name}`, options);
}

async function desktopPage(/** @type {string} */ locale) {
  const context = await need(world.browser).newContext({ viewport: { width: 1280, height: 900 }, locale });
  await watchContext(context, world.sink);
  return context.newPage();
}

async function signIn(
  /** @type {Page} */ page,
  /** @type {{ email: string, password: string }} */ account,
  /** @type {'en' | 'nl'} */ language,
) {
  await page.getByLabel(language === 'nl' ? 'E-mailadres' : 'Email address').fill(account.email);
  await page
    .getByLabel(language === 'nl' ? 'Wachtwoord' : 'Password', { exact: true })
    .fill(account.password);
  await page.getByRole('button', { name: language === 'nl' ? 'Inloggen' : 'Sign in' }).click();
}

/** Waits until every answer given has reached the server (the debounced save went through). */
async function allSaved(/** @type {Page} */ page) {
  await page.locator('.take-save-status[data-status="saved"]').waitFor(WAIT);
}

/** Enrols a participant of the study with Anna as practitioner, and makes their baseline link. */
async function enrolWithLink(/** @type {string} */ code) {
  const api = need(world.api);
  const participant = await api.post(`/studies/${world.studyId}/participants`, {
    cohortId: world.cohortId,
    code,
    practitionerId: world.users[ANNA.email],
  });
  const invitation = await api.post(`/studies/${world.studyId}/invitations`, {
    participantId: participant.id,
    timepointId: world.timepointId,
  });
  return {
    participantId: /** @type {string} */ (participant.id),
    link: /** @type {string} */ (invitation.url),
  };
}

/** A new phone (its own cookies) that opens the link and agrees to take part. */
async function consentOnPhone(/** @type {string} */ link) {
  const context = await phoneContext(need(world.browser), world.sink, 'nl-NL');
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole('button', { name: 'Ik doe mee', exact: true }).click(WAIT);
  await heading(page, 'PHQ-9');
  return { context, page };
}

describe('safety signals and renewed consent, in headless Chromium', { timeout: 900_000 }, () => {
  before(async () => {
    buildIfStandalone(workspaceRoot);
    world.mail = await startMailCatcher();
    world.klik = await startKlik(workspaceRoot, {
      env: { KLIK_SMTP_URL: world.mail.url, KLIK_MAIL_FROM: 'Klik <klik@e2e.test>' },
    });
    world.browser = await launchChromium();
    world.api = await loginAsResearcher(world.klik.baseUrl, RESEARCHER);
    const { items: members } = await world.api.get('/users');
    world.users = Object.fromEntries(
      members.map((/** @type {any} */ member) => [member.email, /** @type {string} */ (member.userId)]),
    );
    assert.ok(world.users[ANNA.email] && world.users[BRAM_EMAIL], 'the demo practitioners exist');
    world.researcher = await desktopPage('en-GB');
  });

  after(async () => {
    await world.browser?.close();
    await world.klik?.stop();
    await world.mail?.stop();
    assertNoCspViolations(world.sink, 'after the last check');
    console.log('[e2e] axe (all impacts) per page:');
    for (const entry of world.axeLog)
      console.log(`  ${entry.page}: ${entry.all.join(', ') || 'no violations'}`);
    console.log(`[e2e] screenshots:\n  ${world.shots.taken.join('\n  ')}`);
  });

  it('refuses to recruit a PHQ-9 study without a safety contact, and recruits once one is named', async () => {
    const page = need(world.researcher);
    await assertStrictStyleSrc(await page.goto(`${need(world.klik).baseUrl}/`));
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor(WAIT);
    assertNoConsoleErrors('before signing in', { expected401: true });
    await signIn(page, RESEARCHER, 'en');
    await page.getByRole('heading', { level: 1, name: 'Studies' }).waitFor(WAIT);

    await page.getByRole('link', { name: 'New study' }).click();
    await page.getByLabel('Title (Dutch)').fill(TITLE.nl);
    await page.getByLabel('Title (English)').fill(TITLE.en);
    await page.getByLabel('Consent text (Dutch)').fill('Ik doe vrijwillig mee aan dit onderzoek.');
    await page.getByLabel('Consent text (English)').fill('I take part in this study voluntarily.');
    await page.getByRole('button', { name: 'Create study' }).click();
    await page.getByRole('heading', { name: 'Study set-up' }).waitFor(WAIT);
    world.studyId = /\/studies\/([^/]+)\/setup/.exec(page.url())?.[1] ?? '';
    assert.ok(world.studyId, `the set-up of the new study is open: ${page.url()}`);

    await page.getByLabel('Cohort name').fill('Utrecht');
    await page.getByRole('button', { name: 'Add cohort' }).click();
    await page.getByText('Utrecht · ').waitFor(WAIT);
    const first = page.getByRole('group', { name: 'Timepoint 1' });
    await first.getByLabel('Name (Dutch)').fill('Voormeting');
    await first.getByLabel('Name (English)').fill('Baseline');
    await first.getByLabel('Questionnaire 1').selectOption('phq-9@1.0.0');
    await page.getByRole('button', { name: 'Save protocol' }).click();
    await page.getByText('The protocol is saved.').waitFor(WAIT);

    // The safety panel says what the protocol requires, and what is missing; the help texts start filled in.
    const safety = page.locator('section', { has: page.getByRole('heading', { level: 3, name: 'Safety' }) });
    await safety.locator('.notice').getByText('a safety contact', { exact: true }).waitFor(WAIT);
    assert.match(await safety.getByLabel('Help text (Dutch)').inputValue(), /113 Zelfmoordpreventie/);
    assert.match(await safety.getByLabel('Help text (English)').inputValue(), /113 Suicide Prevention/);

    // Refused: the reason beside the field, focus on it, and the study stays a draft.
    await page.getByRole('button', { name: 'Start recruiting' }).click();
    const contact = safety.getByLabel('Safety contact');
    await page
      .getByRole('alert')
      .filter({ hasText: 'the study needs a safety contact' })
      .first()
      .waitFor(WAIT);
    assert.equal(await contact.getAttribute('aria-invalid'), 'true');
    assert.equal(await contact.evaluate((element) => element === element.ownerDocument.activeElement), true);
    assert.match(
      (await safety.locator('.field-errors').first().textContent()) ?? '',
      /a safety contact is required/,
    );
    assert.equal((await need(world.api).get(`/studies/${world.studyId}`)).status, 'draft');
    await checkPage(page, 'setup-refused', { expected409: true });

    await contact.selectOption(world.users[BRAM_EMAIL]);
    await page.getByRole('button', { name: 'Save safety settings' }).click();
    await page.getByText('The safety settings are saved.').waitFor(WAIT);
    await page.getByRole('button', { name: 'Start recruiting' }).click();
    await page.getByText('Participants can be enrolled and invited.').waitFor(WAIT);
    await safety.getByText('A safety contact and a help text in every language are in place.').waitFor(WAIT);
    await checkPage(page, 'setup-recruiting');

    const study = await need(world.api).get(`/studies/${world.studyId}`);
    assert.equal(study.status, 'recruiting');
    assert.equal(study.safetyContactUserId, world.users[BRAM_EMAIL]);
    const { items: cohorts } = await need(world.api).get(`/studies/${world.studyId}/cohorts`);
    world.cohortId = cohorts[0].id;
    const protocol = await need(world.api).get(`/studies/${world.studyId}/protocol`);
    world.timepointId = protocol.timepoints[0].id;
  });

  it('a client answers PHQ-9 item 9 "nearly every day" on a phone and is shown where to find help', async () => {
    Object.assign(world.client, await enrolWithLink(world.client.code));
    const { context, page } = await consentOnPhone(world.client.link);
    await answerAll(page, PHQ9);
    await allSaved(page);
    await page.getByRole('button', { name: 'Antwoorden versturen', exact: true }).click();
    await heading(page, 'Bedankt!');
    const help = page
      .getByRole('alert')
      .filter({ has: page.getByRole('heading', { name: 'Wil je hulp of met iemand praten?' }) });
    await help.waitFor(WAIT);
    await help.getByText(/113 Zelfmoordpreventie/).waitFor(WAIT);
    assert.equal(await help.getByRole('link', { name: '112', exact: true }).getAttribute('href'), 'tel:112');
    await checkPage(page, 'client-help-text');
    await context.close();
  });

  it('e-mails the practitioner and the safety contact at once, without answers, with a link to "Needs attention"', async () => {
    const mail = need(world.mail);
    const baseUrl = need(world.klik).baseUrl;
    const toAnna = await mail.waitFor((message) => message.to.includes(ANNA.email));
    const toBram = await mail.waitFor((message) => message.to.includes(BRAM_EMAIL));
    for (const message of [toAnna, toBram]) {
      // The study's first language is Dutch, so the e-mails are.
      assert.equal(message.subject, `Aandacht nodig: deelnemer ${world.client.code} – ${TITLE.nl}`);
      assert.ok(message.text.includes(`${baseUrl}/needs-attention`), `the link:\n${message.text}`);
      for (const forbidden of [
        /phq/i,
        /item/i,
        /bijna elke dag/i,
        /nearly every day/i,
        /zelfdoding|suïcid/i,
      ]) {
        assert.doesNotMatch(message.text, forbidden, `no answers or items in the e-mail:\n${message.text}`);
        assert.doesNotMatch(message.subject, forbidden);
      }
    }
    // With a safety contact named, the admins are not e-mailed at once.
    assert.equal(
      mail.received.filter((message) => message.to.includes(ADMIN.email)).length,
      0,
      'no e-mail to the admin',
    );
  });

  it('the practitioner follows the link, signs in, finds the signal under "Aandacht nodig" and acknowledges it', async () => {
    const page = await desktopPage('nl-NL');
    const link = `${need(world.klik).baseUrl}/needs-attention`;
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor(WAIT);
    assertNoConsoleErrors('before the practitioner signs in', { expected401: true });
    await signIn(page, ANNA, 'nl');

    // Back where the e-mail pointed, after signing in.
    await page.getByRole('heading', { level: 1, name: 'Aandacht nodig' }).waitFor(WAIT);
    assert.equal(new URL(page.url()).pathname, '/needs-attention');
    const card = page.locator('.signal-card', {
      has: page.getByRole('heading', { name: `Deelnemer ${world.client.code}` }),
    });
    await card.waitFor(WAIT);
    await page.getByText('1 signaal vraagt om aandacht.').waitFor(WAIT);
    assert.equal(await card.locator('dl dd').first().textContent(), TITLE.nl);
    const labels = await card.locator('.signal-items li').allTextContents();
    assert.equal(labels.length, 1, `one endorsed item: ${labels.join('; ')}`);
    assert.match(labels[0], /PHQ-9/);
    assert.match((await card.locator('dl').textContent()) ?? '', /GeëscaleerdNee/);
    await checkPage(page, 'needs-attention');

    // The home page puts it before anything else.
    await page.getByRole('link', { name: 'Klik', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Onderzoeken' }).waitFor(WAIT);
    const panel = page.locator('main > section').first();
    assert.equal(await panel.getByRole('heading', { level: 2 }).first().textContent(), 'Aandacht nodig');
    await panel.getByRole('heading', { name: `Deelnemer ${world.client.code}` }).waitFor(WAIT);
    await checkPage(page, 'home-needs-attention');

    await panel.getByRole('link', { name: 'Alle signalen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aandacht nodig' }).waitFor(WAIT);
    // A note is required.
    await card.getByRole('button', { name: 'Bevestigen' }).click();
    await card.getByText('Schrijf op wat er is gedaan.').first().waitFor(WAIT);
    await card
      .getByLabel(`Wat er is gedaan voor ${world.client.code}`)
      .fill('Cliënt gebeld; morgen een afspraak.');
    await card.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByText(`Het signaal over ${world.client.code} is bevestigd.`).waitFor(WAIT);
    await page.getByText('Er vraagt nu niets om aandacht.').first().waitFor(WAIT);
    await card.getByText('Bevestigd door Anna (practitioner) op').waitFor(WAIT);
    await checkPage(page, 'needs-attention-acknowledged');

    await page.getByLabel('Tonen').selectOption('acknowledged');
    await card.locator('.signal-note').getByText('Cliënt gebeld; morgen een afspraak.').waitFor(WAIT);
    world.signalId = (await card.getAttribute('data-signal-id')) ?? '';
    assert.ok(world.signalId, 'the card names its signal');
    await checkPage(page, 'needs-attention-acknowledged-filter');
    await page.context().close();
  });

  it('the audit log holds the signal and its acknowledgement, without the note', async () => {
    const admin = await loginAsResearcher(need(world.klik).baseUrl, ADMIN);
    const { items } = await admin.get('/audit?limit=500');
    const forSignal = items.filter((/** @type {any} */ entry) => entry.targetId === world.signalId);
    const actions = forSignal.map((/** @type {any} */ entry) => entry.action).sort();
    assert.deepEqual(actions, ['safety_signal.acknowledged', 'safety_signal.raised']);
    const acknowledged = forSignal.find(
      (/** @type {any} */ entry) => entry.action === 'safety_signal.acknowledged',
    );
    assert.equal(acknowledged.actorUserId, world.users[ANNA.email]);
    assert.doesNotMatch(JSON.stringify(forSignal), /gebeld|afspraak/, 'the note stays out of the audit log');
  });

  it('the outbox says to whom the safety e-mails went and why', async () => {
    const page = need(world.researcher);
    await page.goto(`${need(world.klik).baseUrl}/studies/${world.studyId}/outbox?kind=safety_signal`);
    const rows = page.locator('.outbox-table tbody tr');
    await rows.nth(1).waitFor(WAIT);
    const recipients = (await page.locator('.outbox-recipient').allTextContents()).sort();
    assert.deepEqual(recipients, [
      'Anna (practitioner) · Practitioner',
      'Bram (practitioner) · Practitioner · safety contact',
    ]);
    await checkPage(page, 'outbox');
  });

  it('asks everyone to consent again: one client consents and answers on, one declines and is withdrawn', async () => {
    const staying = await enrolWithLink(`STAY-${SUFFIX}`.toUpperCase());
    const leaving = await enrolWithLink(`LEAVE-${SUFFIX}`.toUpperCase());
    // Both consented to version 1; one answered two questions.
    const first = await consentOnPhone(staying.link);
    await answerAll(first.page, { phq9_1: 1, phq9_2: 1 });
    await allSaved(first.page);
    await first.context.close();
    const second = await consentOnPhone(leaving.link);
    await second.context.close();

    const page = need(world.researcher);
    await page.goto(`${need(world.klik).baseUrl}/studies/${world.studyId}/setup`);
    const consent = page.locator('section', {
      has: page.getByRole('heading', { level: 3, name: 'Consent texts' }),
    });
    await consent
      .getByLabel('Consent text (Dutch)')
      .fill(
        'Nieuw: je antwoorden worden ook gebruikt voor een vervolgonderzoek. Je doet nog steeds vrijwillig mee.',
      );
    await consent
      .getByLabel('Consent text (English)')
      .fill('New: your answers are also used for a follow-up study. Taking part is still voluntary.');
    await consent.getByLabel('Participants must consent again').check();
    await consent
      .getByText('Whoever declines stops taking part: their answers and scores are erased.')
      .waitFor(WAIT);
    await consent.getByRole('button', { name: 'Publish new version' }).click();
    await consent
      .getByText(
        'Consent version 2 is published. Participants who consented to an older version are asked to consent again.',
      )
      .waitFor(WAIT);
    await consent.getByText('asked everyone again').first().waitFor(WAIT);
    await checkPage(page, 'consent-renewal');

    // The one who stays: asked again on reopening the link, then back at their answers.
    const again = await phoneContext(need(world.browser), world.sink, 'nl-NL');
    const stayPage = await again.newPage();
    await stayPage.goto(staying.link);
    await heading(stayPage, 'De informatie over dit onderzoek is veranderd');
    assert.equal(await stayPage.locator('.sd-question').count(), 0, 'no question before consenting again');
    await checkPage(stayPage, 'client-consent-again');
    await stayPage.getByRole('button', { name: 'Ik stem (opnieuw) in', exact: true }).click();
    await heading(stayPage, 'PHQ-9');
    assert.deepEqual(await checkedAnswers(stayPage), { phq9_1: 1, phq9_2: 1 }, 'the answers are still there');

    // The one who leaves.
    const leavePage = await again.newPage();
    await leavePage.goto(leaving.link);
    await heading(leavePage, 'De informatie over dit onderzoek is veranderd');
    await leavePage.getByRole('button', { name: 'Ik stop met het onderzoek', exact: true }).click();
    await heading(leavePage, 'Je bent gestopt met meedoen');
    await checkPage(leavePage, 'client-declined-renewal', { expected401: true });
    await again.close();

    // The researcher sees them withdrawn, the renewal in the monitoring and on the timeline.
    await page.goto(`${need(world.klik).baseUrl}/studies/${world.studyId}/participants`);
    const row = page.getByRole('row').filter({
      has: page.getByRole('rowheader', { name: `LEAVE-${SUFFIX}`.toUpperCase(), exact: true }),
    });
    await row.getByRole('cell', { name: 'Withdrawn', exact: true }).waitFor(WAIT);
    await checkPage(page, 'participants-withdrawn');

    await page.goto(
      `${need(world.klik).baseUrl}/studies/${world.studyId}/monitoring?participantId=${leaving.participantId}`,
    );
    const block = page.locator('section.consent-summary');
    await block.waitFor(WAIT);
    const facts = Object.fromEntries(
      await block
        .locator('dl > div')
        .evaluateAll((rows) =>
          rows.map((element) => [
            element.querySelector('dt')?.textContent ?? '',
            element.querySelector('dd')?.textContent ?? '',
          ]),
        ),
    );
    assert.deepEqual(facts, {
      'Not (yet) consented': '0',
      // The first client consented to version 1 and has not opened a link since.
      'Still to consent to version 2': '1',
      'Withdrew by declining renewed consent': '1',
    });
    const versions = await block.locator('tbody tr').allInnerTexts();
    assert.equal(versions.length, 2, versions.join(' | '));
    await page.locator('.timeline-events').getByText('Asked to consent again').waitFor(WAIT);
    await page.locator('.timeline-events').getByText('Withdrew').waitFor(WAIT);
    await checkPage(page, 'monitoring-consent');
  });
});
