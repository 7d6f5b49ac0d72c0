// End-to-end test of the participant journey (issue 3, "Done when"), against the real server in headless Chromium
// on a 360 × 740 phone: open an invitation link, consent, answer the demo baseline (PHQ-9, GAD-7), stop halfway,
// resume in a new browser context ("another device"), submit, then read the stored scores through the API as the
// researcher and check them against the scoring engine. Once in Dutch and once in English, with axe-core on every
// page and no browser console error allowed. No mocks: the built API serves the built dashboard.
//
//   node apps/dashboard/e2e/take-journey.e2e.mjs     (builds api + dashboard first when run outside Nx)
//
// Screenshots: apps/dashboard/e2e/screenshots/ (gitignored).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  assertNoCspViolations,
  assertStrictStyleSrc,
  launchChromium,
  phoneContext,
  screenshotTaker,
  seriousAxeViolations,
} from './support/browser.mjs';
import { buildIfStandalone, startKlik } from './support/klik-server.mjs';
import { loginAsResearcher } from './support/researcher-api.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(here, '..', '..', '..');
const RESEARCHER = { email: 'researcher@demo.klik.test', password: 'klik-demo-2026' };
// The machine may be busy (two cores shared): generous waits, failing clearly when they run out.
const WAIT = { timeout: 60_000 };

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {Record<string, number>} Answers */

/** Everything the tests share: the server, the browser, the researcher's API, the demo study. */
const world = {
  /** @type {import('./support/klik-server.mjs').KlikServer | null} */ klik: null,
  /** @type {import('playwright-core').Browser | null} */ browser: null,
  /** @type {Awaited<ReturnType<typeof loginAsResearcher>> | null} */ api: null,
  studyId: '',
  baselineId: '',
  sink: { consoleErrors: /** @type {string[]} */ ([]), cspViolations: /** @type {string[]} */ ([]) },
  shots: screenshotTaker(join(here, 'screenshots')),
  /** @type {{ page: string, all: string[] }[]} */ axeLog: [],
  /** The scoring engine, loaded once the build has made it (the test may use research code; the page may not). */
  /** @type {typeof import('@klik/survey-model').scoreAnswers | null} */ scoreAnswers: null,
};

// Chromium logs every non-2xx fetch; the state call of a link that no longer opens answers 401 by contract.
const UNAVAILABLE_401 = /\/take: Failed to load resource: the server responded with a status of 401/;

/**
 * Fails on CSP violations and console errors since the last check; the unusable link's 401 only where the test
 * expects it.
 */
function assertNoConsoleErrors(/** @type {string} */ where, { unusableLinkOpened = false } = {}) {
  assertNoCspViolations(world.sink, where);
  const logged = world.sink.consoleErrors.splice(0);
  const unexpected = unusableLinkOpened ? logged.filter((entry) => !UNAVAILABLE_401.test(entry)) : logged;
  assert.deepEqual(unexpected, [], `browser console errors ${where}`);
  if (unusableLinkOpened) assert.ok(logged.length > 0, `the 401 of the unusable link was seen ${where}`);
}

const need = /** @template T @param {T | null} value @returns {T} */ (value) => {
  assert.ok(value, 'set up in before()');
  return value;
};

/** Runs axe on the page as it is now; fails on any serious or critical violation. */
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

async function heading(/** @type {Page} */ page, /** @type {string} */ text) {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor(WAIT);
}

/** Clicks the answer's label, as a thumb would (the radio input itself is visually hidden by SurveyJS). */
async function answer(/** @type {Page} */ page, /** @type {string} */ item, /** @type {number} */ value) {
  const radio = `input[type="radio"][value="${value}"]`;
  await page
    .locator(`[data-name="${item}"] label`)
    .filter({ has: page.locator(radio) })
    .click();
  assert.equal(
    await page.locator(`[data-name="${item}"] ${radio}`).isChecked(),
    true,
    `${item} = ${value} is checked`,
  );
}

async function answerAll(/** @type {Page} */ page, /** @type {Answers} */ answers) {
  for (const [item, value] of Object.entries(answers)) await answer(page, item, value);
}

/** Waits for the progress save that the given action triggers and checks it was accepted. */
async function expectSaved(/** @type {Page} */ page, /** @type {() => Promise<void>} */ action) {
  const saved = page.waitForResponse(
    (response) => response.url().endsWith('/api/take/progress') && response.request().method() === 'PUT',
    WAIT,
  );
  await action();
  const response = await saved;
  assert.equal(response.status(), 200, `progress saved: ${await response.text()}`);
  await page.locator('.take-save-status[data-status="saved"]').waitFor(WAIT);
}

/** Enrols a new participant in the demo study and creates their baseline link, as a researcher does. */
async function newParticipantLink() {
  const api = need(world.api);
  const { items: cohorts } = await api.get(`/studies/${world.studyId}/cohorts`);
  // The demo study also has a partner institution's cohort; the researcher enrols into their own.
  const { activeInstitutionId } = await api.get('/auth/me');
  const own = cohorts.find((/** @type {any} */ cohort) => cohort.institutionId === activeInstitutionId);
  assert.ok(own, "a cohort of the researcher's institution");
  const participant = await api.post(`/studies/${world.studyId}/participants`, { cohortId: own.id });
  const created = await api.post(`/studies/${world.studyId}/invitations`, {
    participantId: participant.id,
    timepointId: world.baselineId,
  });
  assert.match(created.url, /\/take\/[A-Za-z0-9_-]{20,}$/);
  return { link: /** @type {string} */ (created.url), participantId: /** @type {string} */ (participant.id) };
}

/** The stored client responses of a participant at baseline, checked against the scoring engine. */
async function checkStoredScores(
  /** @type {string} */ participantId,
  /** @type {Record<string, Answers>} */ given,
) {
  const { items } = await need(world.api).get(
    `/studies/${world.studyId}/participants/${participantId}/responses`,
  );
  /** @type {any[]} */
  const baseline = items.filter(
    (/** @type {any} */ item) => item.timepointId === world.baselineId && item.respondent === 'client',
  );
  assert.deepEqual(baseline.map((item) => item.instrumentId).sort(), Object.keys(given).sort());
  /** @type {Record<string, { total: number | null, band: string | null }>} */
  const summary = {};
  for (const response of baseline) {
    const answers = given[response.instrumentId];
    assert.deepEqual(
      response.answers,
      answers,
      `${response.instrumentId}: the stored answers are the ones given`,
    );
    const expected = need(world.scoreAnswers)(
      { id: response.instrumentId, version: response.instrumentVersion },
      answers,
    );
    const stored = response.score;
    assert.ok(stored, `${response.instrumentId} has a stored score`);
    assert.deepEqual(
      {
        instrumentId: stored.instrumentId,
        instrumentVersion: stored.instrumentVersion,
        scoringVersion: stored.scoringVersion,
        total: stored.total,
        status: stored.status,
        band: stored.band,
        caseness: stored.caseness,
        missingCount: stored.missingCount,
        prorated: stored.prorated,
        derived: stored.derived,
      },
      {
        instrumentId: expected.instrumentId,
        instrumentVersion: expected.instrumentVersion,
        scoringVersion: expected.scoringVersion,
        total: expected.total,
        status: expected.status,
        band: expected.band,
        caseness: expected.caseness,
        missingCount: expected.missingCount,
        prorated: expected.prorated,
        derived: expected.derived,
      },
      `${response.instrumentId}: the stored score is the scoring engine's`,
    );
    summary[response.instrumentId] = { total: stored.total, band: stored.band };
  }
  return summary;
}

/**
 * The whole journey in one language.
 * @param {{ language: 'nl' | 'en', link: string, participantId: string, phq9: Answers, gad7: Answers,
 *   before?: (page: Page) => Promise<void> }} run
 */
async function journey(run) {
  const browser = need(world.browser);
  const nl = run.language === 'nl';
  const text = {
    agree: nl ? 'Ik doe mee' : 'I agree',
    next: nl ? 'Volgende vragenlijst' : 'Next questionnaire',
    send: nl ? 'Antwoorden versturen' : 'Send my answers',
    thanks: nl ? 'Bedankt!' : 'Thank you!',
    second: nl ? 'Begin · Vragenlijst 2 van 2' : 'Baseline · Questionnaire 2 of 2',
  };

  // Device 1: consent and the first questionnaire, then the person stops halfway through the second.
  const locale = nl ? 'nl-NL' : 'en-GB';
  const first = await phoneContext(browser, world.sink, locale);
  const page = await first.newPage();
  // The SurveyJS pages run under the API's policy, which allows no inline style.
  await assertStrictStyleSrc(await page.goto(run.link));
  assert.equal(
    new URL(page.url()).pathname,
    '/take',
    'the token is swapped for a cookie and leaves the address',
  );
  const studyTitle = await page.locator('h1').textContent(WAIT);
  // The study's title in the page language.
  assert.match(
    studyTitle ?? '',
    nl ? /Ervaringsdeskundigheid in burn-outcoaching/ : /Lived experience in burn-out coaching/,
  );
  if (!nl) {
    // The phone is set to English, so the first visit opens in English (the server reads Accept-Language).
    assert.equal(
      await page.locator('html').getAttribute('lang'),
      'en',
      'a first visit opens in the phone language',
    );
    // Switch to Dutch and back, as a bilingual participant might; each choice is remembered on the server.
    for (const name of ['Nederlands', 'English']) {
      const remembered = page.waitForResponse(
        (response) => response.url().endsWith('/api/take/language'),
        WAIT,
      );
      await page.getByRole('button', { name, exact: true }).click();
      assert.equal((await remembered).status(), 204);
    }
  }

  await page
    .locator('.take-consent-text')
    .getByText(nl ? 'Je doet vrijwillig mee.' : 'Taking part is voluntary.')
    .waitFor(WAIT);
  assert.equal(await page.locator('html').getAttribute('lang'), run.language);
  await checkAccessibility(page, `consent (${run.language})`);
  await world.shots.take(page, `${run.language}-1-consent`);

  await page.getByRole('button', { name: text.agree, exact: true }).click();
  await heading(page, 'PHQ-9');
  await page.locator('[data-name="phq9_9"]').waitFor(WAIT);
  await run.before?.(page);
  await answerAll(page, run.phq9);
  await checkAccessibility(page, `PHQ-9 answered (${run.language})`);
  await world.shots.take(page, `${run.language}-2-phq9`);
  await expectSaved(page, () => page.getByRole('button', { name: text.next, exact: true }).click());

  await heading(page, 'GAD-7');
  assert.equal(await page.locator('.take-progress').textContent(), text.second);
  await checkAccessibility(page, `GAD-7 (${run.language})`);
  const [firstItem, secondItem] = Object.keys(run.gad7);
  await answer(page, firstItem, run.gad7[firstItem]);
  await answer(page, secondItem, run.gad7[secondItem]);
  await world.shots.take(page, `${run.language}-3-gad7-halfway`);
  await first.close();

  // Device 2: the same link resumes at the second questionnaire, consent already given, language kept.
  const second = await phoneContext(browser, world.sink, locale);
  const resumed = await second.newPage();
  await resumed.goto(run.link);
  await heading(resumed, 'GAD-7');
  assert.equal(await resumed.locator('.take-progress').textContent(), text.second);
  assert.equal(await resumed.locator('html').getAttribute('lang'), run.language);
  // Keyboard only for the first item: Tab-reachable radios, Space to choose, arrows to move.
  const firstRadio = resumed.locator(`[data-name="${firstItem}"] input[type="radio"][value="0"]`);
  await firstRadio.focus();
  await resumed.keyboard.press('Space');
  for (let step = 0; step < run.gad7[firstItem]; step += 1) await resumed.keyboard.press('ArrowDown');
  assert.equal(
    await resumed.locator(`[data-name="${firstItem}"] input[value="${run.gad7[firstItem]}"]`).isChecked(),
    true,
    'the keyboard answer took',
  );
  await answerAll(resumed, Object.fromEntries(Object.entries(run.gad7).slice(1)));
  await checkAccessibility(resumed, `GAD-7 resumed and answered (${run.language})`);
  await world.shots.take(resumed, `${run.language}-4-gad7-resumed`);

  const submitted = resumed.waitForResponse((response) => response.url().endsWith('/api/take/submit'), WAIT);
  await resumed.getByRole('button', { name: text.send, exact: true }).click();
  const submission = await submitted;
  assert.equal(submission.status(), 201, `submitted: ${await submission.text()}`);
  assert.match(submission.request().headers()['idempotency-key'] ?? '', /^[0-9a-f-]{36}$/);
  await heading(resumed, text.thanks);
  await checkAccessibility(resumed, `thank-you (${run.language})`);
  await world.shots.take(resumed, `${run.language}-5-thanks`);

  assertNoConsoleErrors(`during the ${run.language} journey`);

  // A used link opened again says the questions were answered, in which study; nothing can change any more.
  await resumed.goto(run.link);
  await heading(
    resumed,
    nl ? 'Je hebt deze vragen al beantwoord' : 'You have already answered these questions',
  );
  await checkAccessibility(resumed, `completed link reopened (${run.language})`);
  await second.close();
  assertNoConsoleErrors(`reopening the used ${run.language} link`);

  return checkStoredScores(run.participantId, { 'phq-9': run.phq9, 'gad-7': run.gad7 });
}

describe('participant journey in headless Chromium on a 360 px phone', { timeout: 900_000 }, () => {
  before(async () => {
    buildIfStandalone(workspaceRoot);
    world.scoreAnswers = (await import('@klik/survey-model')).scoreAnswers;
    world.klik = await startKlik(workspaceRoot);
    world.browser = await launchChromium();
    world.api = await loginAsResearcher(world.klik.baseUrl, RESEARCHER);
    const { items: studies } = await world.api.get('/studies');
    // A study title is one text or one per language.
    const demo = studies.find((/** @type {any} */ study) => JSON.stringify(study.title).includes('(demo)'));
    assert.ok(demo, 'the demo study exists');
    world.studyId = demo.id;
    const protocol = await world.api.get(`/studies/${world.studyId}/protocol`);
    const baseline = protocol.timepoints.find((/** @type {any} */ timepoint) => timepoint.key === 'baseline');
    assert.deepEqual(
      baseline.instruments.map((/** @type {any} */ instrument) => instrument.instrumentId),
      ['phq-9', 'gad-7'],
    );
    world.baselineId = baseline.id;
  });

  after(async () => {
    await world.browser?.close();
    await world.klik?.stop();
    // Whatever happened after a test's last check still counts.
    assertNoCspViolations(world.sink, 'after the last check');
    console.log('[e2e] axe (all impacts) per page:');
    for (const entry of world.axeLog)
      console.log(`  ${entry.page}: ${entry.all.join(', ') || 'no violations'}`);
    console.log(`[e2e] screenshots:\n  ${world.shots.taken.join('\n  ')}`);
  });

  it('in Dutch, through the demo link printed at first start', async () => {
    const demoLink = need(world.klik).demoLink;
    let target;
    if (demoLink) {
      // The printed link is DEMO-001's baseline invitation, the one open invitation of that client.
      const { items: participants } = await need(world.api).get(
        `/studies/${world.studyId}/participants?limit=1000`,
      );
      const demo = participants.find((/** @type {{ code: string }} */ p) => p.code === 'DEMO-001');
      assert.ok(demo, 'the demo seed enrolled DEMO-001');
      const { items: invitations } = await need(world.api).get(
        `/studies/${world.studyId}/invitations?participantId=${demo.id}`,
      );
      assert.deepEqual(
        invitations.map((/** @type {{ status: string }} */ i) => i.status),
        ['open'],
        'the demo seed made one open invitation for DEMO-001',
      );
      target = { link: demoLink, participantId: /** @type {string} */ (demo.id) };
    } else {
      console.log(
        '[e2e] the database already held the demo (no link printed): using a new invitation instead',
      );
      target = await newParticipantLink();
    }
    const phq9 = {
      phq9_1: 1,
      phq9_2: 2,
      phq9_3: 0,
      phq9_4: 3,
      phq9_5: 1,
      phq9_6: 0,
      phq9_7: 2,
      phq9_8: 1,
      phq9_9: 0,
      phq9_difficulty: 2,
    };
    const gad7 = { gad7_1: 2, gad7_2: 1, gad7_3: 1, gad7_4: 2, gad7_5: 0, gad7_6: 1, gad7_7: 3 };
    const scores = await journey({
      language: 'nl',
      ...target,
      phq9,
      gad7,
    });
    // Hand check on top of the engine: PHQ-9 1+2+0+3+1+0+2+1+0 = 10 (moderate), GAD-7 2+1+1+2+0+1+3 = 10 (moderate).
    assert.deepEqual(scores, {
      'phq-9': { total: 10, band: 'moderate' },
      'gad-7': { total: 10, band: 'moderate' },
    });
  });

  it('in English, through a new invitation, with a follow-up question that appears and goes away', async () => {
    const { link, participantId } = await newParticipantLink();
    const phq9 = {
      phq9_1: 0,
      phq9_2: 0,
      phq9_3: 0,
      phq9_4: 0,
      phq9_5: 0,
      phq9_6: 0,
      phq9_7: 0,
      phq9_8: 0,
      phq9_9: 0,
    };
    const gad7 = { gad7_1: 1, gad7_2: 0, gad7_3: 3, gad7_4: 2, gad7_5: 1, gad7_6: 3, gad7_7: 2 };
    const scores = await journey({
      language: 'en',
      link,
      participantId,
      phq9,
      gad7,
      // "How difficult…" shows only after a problem was ticked; taking the problem back hides it and drops its answer,
      // so the saved page never holds an answer to a hidden question (which the API would refuse).
      before: async (page) => {
        const difficulty = page.locator('[data-name="phq9_difficulty"]');
        assert.equal(await difficulty.count(), 0, 'the difficulty question starts hidden');
        await answer(page, 'phq9_1', 2);
        await difficulty.waitFor(WAIT);
        await answer(page, 'phq9_difficulty', 1);
      },
    });
    assert.deepEqual(scores, {
      'phq-9': { total: 0, band: 'minimal' },
      'gad-7': { total: 12, band: 'moderate' },
    });
  });

  it('shows one calm page for a link that does not open', async () => {
    const context = await phoneContext(need(world.browser), world.sink);
    const page = await context.newPage();
    assertNoConsoleErrors('before the unusable link');
    await page.goto(`${need(world.klik).baseUrl}/take/this-link-was-never-issued-0123456789`);
    await heading(page, 'Deze link werkt niet (meer)');
    await page
      .getByRole('heading', { level: 2, name: 'This link is not available (any more)' })
      .waitFor(WAIT);
    await checkAccessibility(page, 'link not available');
    await world.shots.take(page, 'unavailable');
    await context.close();
    assertNoConsoleErrors('on the unusable link', { unusableLinkOpened: true });
  });

  it('lets a participant stop taking part, after a confirmation that explains the policy', async () => {
    const { link, participantId } = await newParticipantLink();
    const context = await phoneContext(need(world.browser), world.sink);
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole('button', { name: 'Ik doe mee', exact: true }).click();
    await heading(page, 'PHQ-9');
    await page.getByRole('button', { name: 'Stoppen met meedoen', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Wil je stoppen met meedoen?' });
    await dialog.waitFor(WAIT);
    assert.match((await dialog.textContent()) ?? '', /wissen we de antwoorden/);
    await checkAccessibility(page, 'stop dialog');
    await world.shots.take(page, 'stop-dialog');
    await dialog.getByRole('button', { name: 'Ja, ik stop', exact: true }).click();
    await heading(page, 'Je bent gestopt met meedoen');
    await checkAccessibility(page, 'stopped');
    await world.shots.take(page, 'stopped');
    await context.close();
    const participant = await need(world.api).get(`/studies/${world.studyId}/participants/${participantId}`);
    assert.equal(participant.status, 'withdrawn');
    assertNoConsoleErrors('while stopping');
  });
});
