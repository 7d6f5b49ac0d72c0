// End-to-end test of issue 11 on the participant side, against the real server in headless Chromium on a 360 × 740
// phone: no answer is lost (a reload halfway through a page, a reload while offline, an offline blip, a submission
// sent while offline), a reopened completed link says "done", the help text after an endorsed risk item, renewed
// consent, and a Dutch participant who sees no English on any page or state, with "je" and with "u", with axe-core
// finding nothing serious anywhere (rating questions answered included). No mocks: the built API serves the built
// dashboard.
//
//   node apps/dashboard/e2e/take-resilience.e2e.mjs     (builds api + dashboard first when run outside Nx)
//
// Screenshots: apps/dashboard/e2e/screenshots/ (gitignored).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  assertNoCspViolations,
  launchChromium,
  phoneContext,
  screenshotTaker,
  seriousAxeViolations,
} from './support/browser.mjs';
import { englishOnPage } from './support/dutch-only.mjs';
import { buildIfStandalone, startKlik } from './support/klik-server.mjs';
import {
  answer,
  answerAll,
  answerFirstChoices,
  checkedAnswers,
  demoStudy,
  heading,
  newParticipantLink,
  titleText,
  WAIT,
} from './support/participant.mjs';
import { loginAsResearcher } from './support/researcher-api.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(here, '..', '..', '..');
const RESEARCHER = { email: 'researcher@demo.klik.test', password: 'klik-demo-2026' };

/** @typedef {import('playwright-core').Page} Page */

const world = {
  /** @type {import('./support/klik-server.mjs').KlikServer | null} */ klik: null,
  /** @type {import('playwright-core').Browser | null} */ browser: null,
  /** @type {Awaited<ReturnType<typeof loginAsResearcher>> | null} */ api: null,
  /** @type {Awaited<ReturnType<typeof demoStudy>> | null} */ demo: null,
  sink: { consoleErrors: /** @type {string[]} */ ([]), cspViolations: /** @type {string[]} */ ([]) },
  shots: screenshotTaker(join(here, 'screenshots')),
  /** @type {{ page: string, all: string[] }[]} */ axeLog: [],
  /** Pages checked for English words, per form of address. */
  /** @type {string[]} */ dutchChecked: [],
};

const need = /** @template T @param {T | null} value @returns {T} */ (value) => {
  assert.ok(value, 'set up in before()');
  return value;
};

// What Chromium logs that the tests cause on purpose: requests that fail while the phone is offline or a route is
// cut, and the 401 of a link that does not open.
const EXPECTED_CONSOLE = [
  /Failed to load resource: net::ERR_(INTERNET_DISCONNECTED|FAILED|NAME_NOT_RESOLVED|CONNECTION_REFUSED)/,
  /Failed to load resource: the server responded with a status of 401/,
];

/** Fails on CSP violations and console errors since the last check (offline failures only where expected). */
function assertNoConsoleErrors(/** @type {string} */ where, { offlineExpected = false } = {}) {
  assertNoCspViolations(world.sink, where);
  const logged = world.sink.consoleErrors.splice(0);
  const unexpected = offlineExpected
    ? logged.filter((entry) => !EXPECTED_CONSOLE.some((pattern) => pattern.test(entry)))
    : logged;
  assert.deepEqual(unexpected, [], `browser console errors ${where}`);
}

async function checkAccessibility(/** @type {Page} */ page, /** @type {string} */ name) {
  const { all, serious } = await seriousAxeViolations(page);
  world.axeLog.push({ page: name, all: all.map((violation) => `${violation.id} (${violation.impact})`) });
  assert.deepEqual(
    serious.map(
      (violation) => `${violation.id}: ${violation.help} ${JSON.stringify(violation.nodes.slice(0, 3))}`,
    ),
    [],
    `axe on ${name}`,
  );
}

/** The page in Dutch: no English words, no serious axe violation; a screenshot. */
async function checkDutchPage(/** @type {Page} */ page, /** @type {string} */ name) {
  assert.equal(await page.locator('html').getAttribute('lang'), 'nl', `${name} is in Dutch`);
  assert.deepEqual(await englishOnPage(page), [], `English words on ${name}`);
  world.dutchChecked.push(name);
  await checkAccessibility(page, name);
  await world.shots.take(page, `resilience-${name.replace(/[^a-z0-9]+/gi, '-')}`);
}

/** The polite live region's text, once it reads `expected`. */
async function connectionNotice(/** @type {Page} */ page, /** @type {RegExp} */ expected) {
  const region = page.locator('.take-connection[role="status"][aria-live="polite"]');
  await region.filter({ hasText: expected }).waitFor(WAIT);
  return region.textContent();
}

/** Waits until every answer given has reached the server (the debounced save went through). */
async function allSaved(/** @type {Page} */ page) {
  await page.locator('.take-save-status[data-status="saved"]').waitFor(WAIT);
}

/** Opens a link on a new phone (its own cookies and storage) and agrees to take part. */
async function openAndConsent(/** @type {string} */ link) {
  const context = await phoneContext(need(world.browser), world.sink, 'nl-NL');
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole('button', { name: 'Ik doe mee', exact: true }).click(WAIT);
  await page.locator('.sd-question').first().waitFor(WAIT);
  return { context, page };
}

/** What the server holds for a link now: the answers another phone sees when it opens the link. */
async function answersSeenElsewhere(/** @type {string} */ link, /** @type {string} */ lastItem) {
  const other = await phoneContext(need(world.browser), world.sink, 'nl-NL');
  try {
    const page = await other.newPage();
    await page.goto(link);
    await page.locator(`[data-name="${lastItem}"] input:checked`).waitFor({ state: 'attached', ...WAIT });
    return await checkedAnswers(page);
  } finally {
    await other.close();
  }
}

/** The client answers the researcher sees stored after the submission, for one participant. */
async function storedAnswers(/** @type {string} */ participantId, /** @type {string} */ instrumentId) {
  const demo = need(world.demo);
  const { items } = await need(world.api).get(
    `/studies/${demo.study.id}/participants/${participantId}/responses`,
  );
  return items.find(
    (/** @type {any} */ item) => item.instrumentId === instrumentId && item.respondent === 'client',
  );
}

async function setFormOfAddress(/** @type {'je' | 'u'} */ formOfAddress) {
  await need(world.api).patch(`/studies/${need(world.demo).study.id}`, { formOfAddress });
}

const PHQ9 = {
  phq9_1: 1,
  phq9_2: 2,
  phq9_3: 0,
  phq9_4: 3,
  phq9_5: 1,
  phq9_6: 0,
  phq9_7: 2,
  phq9_8: 1,
  // The risk item: "several days" endorses it, so the thank-you page shows the study's help text.
  phq9_9: 1,
  phq9_difficulty: 2,
};
const GAD7 = { gad7_1: 2, gad7_2: 1, gad7_3: 1, gad7_4: 2, gad7_5: 0, gad7_6: 1, gad7_7: 3 };
const pick = (/** @type {Record<string, number>} */ answers, /** @type {string[]} */ keys) =>
  Object.fromEntries(keys.map((key) => [key, answers[key]]));

describe(
  'participant resilience, help and Dutch in headless Chromium on a 360 px phone',
  { timeout: 900_000 },
  () => {
    before(async () => {
      buildIfStandalone(workspaceRoot);
      world.klik = await startKlik(workspaceRoot);
      world.browser = await launchChromium();
      world.api = await loginAsResearcher(world.klik.baseUrl, RESEARCHER);
      world.demo = await demoStudy(world.api);
      await setFormOfAddress('je');
    });

    after(async () => {
      await world.browser?.close();
      await world.klik?.stop();
      assertNoCspViolations(world.sink, 'after the last check');
      console.log('[e2e] axe (all impacts) per page:');
      for (const entry of world.axeLog)
        console.log(`  ${entry.page}: ${entry.all.join(', ') || 'no violations'}`);
      console.log(
        `[e2e] checked for English (${world.dutchChecked.length} pages): ${world.dutchChecked.join(' | ')}`,
      );
    });

    it('keeps every answer through a reload halfway through a page, even one given a moment before', async () => {
      const { link } = await newParticipantLink(need(world.api), need(world.demo));
      const { context, page } = await openAndConsent(link);
      await heading(page, 'PHQ-9');

      const saves = /** @type {any[]} */ ([]);
      page.on('request', (request) => {
        if (request.url().endsWith('/api/take/progress')) saves.push(request.postDataJSON());
      });
      await answerAll(page, pick(PHQ9, ['phq9_1', 'phq9_2', 'phq9_3']));
      await allSaved(page);
      // Saved per answer, debounced, with a rising sequence: no page turn needed.
      assert.ok(saves.length >= 1 && saves.length <= 3, `${saves.length} saves for three answers`);
      assert.deepEqual(saves.at(-1).answers, pick(PHQ9, ['phq9_1', 'phq9_2', 'phq9_3']));
      assert.equal(saves.at(-1).pageIndex, 0);
      assert.ok(saves.every((save, index) => index === 0 || save.sequence > saves[index - 1].sequence));

      // The fourth answer and a reload at once, before its save could leave: sessionStorage keeps it.
      await answer(page, 'phq9_4', PHQ9.phq9_4);
      await page.reload();
      await heading(page, 'PHQ-9');
      await page.locator('[data-name="phq9_4"] input:checked').waitFor({ state: 'attached', ...WAIT });
      assert.deepEqual(await checkedAnswers(page), pick(PHQ9, ['phq9_1', 'phq9_2', 'phq9_3', 'phq9_4']));
      await allSaved(page);
      // Another phone opens the link: the server has every answer, the last one sent after the reload.
      assert.deepEqual(
        await answersSeenElsewhere(link, 'phq9_4'),
        pick(PHQ9, ['phq9_1', 'phq9_2', 'phq9_3', 'phq9_4']),
      );
      await context.close();
      assertNoConsoleErrors('during the reload');
    });

    it('loses nothing offline: a blip, a reload while offline, and a submission that waits for the connection', async () => {
      const { link, participantId } = await newParticipantLink(need(world.api), need(world.demo));
      const { context, page } = await openAndConsent(link);
      await heading(page, 'PHQ-9');
      await answerAll(page, pick(PHQ9, ['phq9_1', 'phq9_2']));
      await allSaved(page);

      // A blip: answers given offline wait on the page, which says so, and go out when the connection is back.
      await context.setOffline(true);
      await answerAll(page, pick(PHQ9, ['phq9_3', 'phq9_4', 'phq9_5']));
      assert.match(
        (await connectionNotice(page, /offline/)) ?? '',
        /^Je bent offline\. Je antwoorden worden bewaard en verstuurd zodra er weer verbinding is\.$/,
      );
      await checkDutchPage(page, 'offline notice (je)');
      await context.setOffline(false);
      await connectionNotice(page, /Er is weer verbinding\. Je antwoorden zijn opgeslagen\./);
      assert.deepEqual(
        await answersSeenElsewhere(link, 'phq9_5'),
        pick(PHQ9, ['phq9_1', 'phq9_2', 'phq9_3', 'phq9_4', 'phq9_5']),
      );

      // Offline again, two more answers, and a reload that cannot load the page: they wait in sessionStorage.
      await context.setOffline(true);
      await answerAll(page, pick(PHQ9, ['phq9_6', 'phq9_7']));
      await connectionNotice(page, /offline/);
      await page.reload().catch(() => undefined);
      await context.setOffline(false);
      await page.goto(`${need(world.klik).baseUrl}/take`);
      await heading(page, 'PHQ-9');
      await page.locator('[data-name="phq9_7"] input:checked').waitFor({ state: 'attached', ...WAIT });
      await allSaved(page);
      const sevenAnswers = pick(PHQ9, ['phq9_1', 'phq9_2', 'phq9_3', 'phq9_4', 'phq9_5', 'phq9_6', 'phq9_7']);
      assert.deepEqual(await answersSeenElsewhere(link, 'phq9_7'), sevenAnswers);

      await answerAll(page, pick(PHQ9, ['phq9_8', 'phq9_9', 'phq9_difficulty']));
      await page.getByRole('button', { name: 'Volgende vragenlijst', exact: true }).click();
      await heading(page, 'GAD-7');

      // The submission offline: the page waits, says so, and sends once the connection is back, with one key.
      const submits = /** @type {{ key: string | undefined, status: number | null }[]} */ ([]);
      page.on('requestfinished', async (request) => {
        if (request.url().endsWith('/api/take/submit'))
          submits.push({
            key: request.headers()['idempotency-key'],
            status: (await request.response())?.status() ?? null,
          });
      });
      page.on('requestfailed', (request) => {
        if (request.url().endsWith('/api/take/submit'))
          submits.push({ key: request.headers()['idempotency-key'], status: null });
      });
      await answerAll(page, GAD7);
      await allSaved(page);
      await context.setOffline(true);
      await page.getByRole('button', { name: 'Antwoorden versturen', exact: true }).click();
      await page.getByText('Laat deze pagina openstaan.').waitFor(WAIT);
      await checkDutchPage(page, 'submission waiting offline (je)');
      await context.setOffline(false);
      await heading(page, 'Bedankt!');
      const sent = submits.filter((submit) => submit.status !== null);
      assert.deepEqual(
        sent.map((submit) => submit.status),
        [201],
        `one submission reached the server: ${JSON.stringify(submits)}`,
      );
      assert.equal(
        new Set(submits.map((submit) => submit.key)).size,
        1,
        'every attempt carried the same key',
      );

      // PHQ-9 item 9 was endorsed: the study's help text, headed, announced, with numbers to tap.
      const help = page
        .getByRole('alert')
        .filter({ has: page.getByRole('heading', { name: 'Wil je hulp of met iemand praten?' }) });
      await help.waitFor(WAIT);
      assert.equal(
        await help.getByRole('link', { name: '113', exact: true }).first().getAttribute('href'),
        'tel:113',
      );
      assert.equal(
        await help.getByRole('link', { name: '112', exact: true }).getAttribute('href'),
        'tel:112',
      );
      await checkDutchPage(page, 'thank-you with help text (je)');

      const stored = await storedAnswers(participantId, 'phq-9');
      assert.deepEqual(stored?.answers, PHQ9, 'every answer given, offline or not, is stored');
      assert.deepEqual((await storedAnswers(participantId, 'gad-7'))?.answers, GAD7);

      // The completed link, opened again: done, with the study, and the help text still there.
      await page.goto(link);
      await heading(page, 'Je hebt deze vragen al beantwoord');
      const dutchTitle = titleText(need(world.demo).study.title, 'nl');
      await page.getByText(`Onderzoek: ${dutchTitle}`).waitFor(WAIT);
      await page.getByRole('heading', { name: 'Wil je hulp of met iemand praten?' }).waitFor(WAIT);
      await checkDutchPage(page, 'completed link reopened (je)');
      await context.close();
      assertNoConsoleErrors('while offline', { offlineExpected: true });
    });

    for (const address of /** @type {const} */ (['je', 'u'])) {
      it(`shows a Dutch participant ("${address}") no English on any page, and axe nothing serious`, async () => {
        await setFormOfAddress(address);
        const u = address === 'u';
        const api = need(world.api);
        const demo = need(world.demo);
        const browser = need(world.browser);

        // A link that does not open.
        const context = await phoneContext(browser, world.sink, 'nl-NL');
        const page = await context.newPage();
        await page.goto(`${need(world.klik).baseUrl}/take/this-link-was-never-issued-0123456789`);
        await heading(page, 'Deze link werkt niet (meer)');
        await checkDutchPage(page, `link not available (${address})`);

        // A session link: consent, then the check-in's 0-10 ratings as rows of buttons.
        const session = await newParticipantLink(api, demo, 'session', 1);
        await page.goto(session.link);
        await heading(page, titleText(demo.study.title, 'nl'));
        await page.getByRole('heading', { name: u ? 'Wilt u meedoen?' : 'Wil je meedoen?' }).waitFor(WAIT);
        await checkDutchPage(page, `consent (${address})`);
        await page.getByRole('button', { name: 'Ik doe mee', exact: true }).click();
        await heading(page, 'Even inchecken');
        assert.equal(await page.locator('.sd-dropdown, select').count(), 0, 'no drop-down on a phone');
        assert.equal(await page.locator('[data-name="kc_wellbeing"] .sd-rating__item').count(), 11);
        const rows = await page
          .locator('[data-name="kc_wellbeing"] .sd-rating__item')
          .evaluateAll(
            (items) => new Set(items.map((item) => Math.round(item.getBoundingClientRect().top))).size,
          );
        assert.ok(rows <= 2, `0-10 fits in two rows at 360 px (${rows})`);

        // Going on without answers: SurveyJS's own message, in Dutch.
        await page.getByRole('button', { name: 'Volgende vragenlijst', exact: true }).click();
        await page.getByText('Beantwoord deze vraag om verder te gaan.').first().waitFor(WAIT);
        await checkDutchPage(page, `check-in, unanswered (${address})`);

        // The answers: 0 for well-being and hope, which endorses the check-in's risk items.
        await answerFirstChoices(page);
        await allSaved(page);
        await checkDutchPage(page, `check-in, ratings answered (${address})`);

        // Offline for a moment, in this form of address.
        await context.setOffline(true);
        await answer(page, 'kc_connection', 7);
        await connectionNotice(page, u ? /^U bent offline\./ : /^Je bent offline\./);
        await checkDutchPage(page, `offline notice (${address})`);
        await context.setOffline(false);
        await connectionNotice(page, u ? /Uw antwoorden zijn opgeslagen/ : /Je antwoorden zijn opgeslagen/);
        await page.getByRole('button', { name: 'Volgende vragenlijst', exact: true }).click();

        for (const [index, instrument] of ['klik-alliance', 'klik-disclosure'].entries()) {
          await page.locator('.take-progress', { hasText: `Vragenlijst ${index + 2} van 3` }).waitFor(WAIT);
          await page.locator('.sd-question').first().waitFor(WAIT);
          await answerFirstChoices(page);
          await checkDutchPage(page, `${instrument} answered (${address})`);
          const next = page.getByRole('button', {
            name: /^(Volgende vragenlijst|Antwoorden versturen|Volgende)$/,
          });
          await next.first().click();
        }
        await heading(page, u ? 'Hartelijk dank!' : 'Bedankt!');
        await page
          .getByRole('heading', {
            name: u ? 'Wilt u hulp of met iemand praten?' : 'Wil je hulp of met iemand praten?',
          })
          .waitFor(WAIT);
        await checkDutchPage(page, `thank-you with help text (${address})`);

        // Reopened: done. Then stopping, from there.
        await page.goto(session.link);
        await heading(page, u ? 'U hebt deze vragen al beantwoord' : 'Je hebt deze vragen al beantwoord');
        await checkDutchPage(page, `completed link reopened (${address})`);
        await page.getByRole('button', { name: 'Stoppen met meedoen', exact: true }).click();
        await page.getByRole('dialog').waitFor(WAIT);
        await checkDutchPage(page, `stop dialog (${address})`);
        await page.getByRole('button', { name: 'Ja, ik stop', exact: true }).click();
        await heading(page, u ? 'U bent gestopt met meedoen' : 'Je bent gestopt met meedoen');
        await checkDutchPage(page, `stopped (${address})`);

        // Saying no at the start.
        const declined = await newParticipantLink(api, demo);
        await page.goto(declined.link);
        await page.getByRole('button', { name: 'Ik doe niet mee', exact: true }).click(WAIT);
        await heading(page, u ? 'Bedankt voor uw tijd' : 'Bedankt voor je tijd');
        await checkDutchPage(page, `declined (${address})`);

        // The state cannot be loaded (the connection drops as the page opens).
        const failing = await newParticipantLink(api, demo);
        await page.route('**/api/take/state', (route) => route.abort());
        await page.goto(failing.link);
        await heading(page, 'Er ging iets mis');
        await checkDutchPage(page, `page could not load (${address})`);
        await page.unroute('**/api/take/state');
        await page.getByRole('button', { name: 'Opnieuw proberen', exact: true }).click();
        await page.getByRole('button', { name: 'Ik doe mee', exact: true }).waitFor(WAIT);
        await context.close();
        assertNoConsoleErrors(`in the Dutch walk (${address})`, { offlineExpected: true });
      });
    }

    it('asks for renewed consent when the text changed: agreeing goes on where the person was, declining stops', async () => {
      await setFormOfAddress('je');
      const api = need(world.api);
      const demo = need(world.demo);
      const staying = await newParticipantLink(api, demo);
      const leaving = await newParticipantLink(api, demo);
      const first = await openAndConsent(staying.link);
      await answerAll(first.page, pick(PHQ9, ['phq9_1', 'phq9_2']));
      await allSaved(first.page);
      const second = await openAndConsent(leaving.link);
      await second.context.close();

      const renewedText = {
        nl: 'Nieuw: je antwoorden worden ook gebruikt voor een vervolgonderzoek. Je doet nog steeds vrijwillig mee.',
        en: 'New: your answers are also used for a follow-up study. Taking part is still voluntary.',
      };
      await api.post(`/studies/${demo.study.id}/consent-versions`, {
        text: renewedText,
        requiresReconsent: true,
      });

      const { page, context } = first;
      await page.reload();
      await heading(page, 'De informatie over dit onderzoek is veranderd');
      await page.locator('.take-consent-text').getByText(renewedText.nl).waitFor(WAIT);
      await checkDutchPage(page, 'renewed consent (je)');
      await setFormOfAddress('u');
      await page.reload();
      await page.getByRole('heading', { name: 'Wilt u blijven meedoen?' }).waitFor(WAIT);
      await checkDutchPage(page, 'renewed consent (u)');
      await page.getByRole('button', { name: 'Ik stem (opnieuw) in', exact: true }).click();
      await heading(page, 'PHQ-9');
      assert.deepEqual(
        await checkedAnswers(page),
        pick(PHQ9, ['phq9_1', 'phq9_2']),
        'the answers are still there',
      );
      await context.close();

      const again = await phoneContext(need(world.browser), world.sink, 'nl-NL');
      const leavingPage = await again.newPage();
      await leavingPage.goto(leaving.link);
      await heading(leavingPage, 'De informatie over dit onderzoek is veranderd');
      await leavingPage.getByRole('button', { name: 'Ik stop met het onderzoek', exact: true }).click();
      await heading(leavingPage, 'U bent gestopt met meedoen');
      await leavingPage.getByText('wissen').or(leavingPage.getByText('gewist')).first().waitFor(WAIT);
      await checkDutchPage(leavingPage, 'renewal declined (u)');
      await again.close();
      const participant = await api.get(`/studies/${demo.study.id}/participants/${leaving.participantId}`);
      assert.equal(participant.status, 'withdrawn');
      await setFormOfAddress('je');
      assertNoConsoleErrors('around renewed consent');
    });
  },
);
