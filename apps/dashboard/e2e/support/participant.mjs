// What the participant journeys share: the demo study as the researcher sees it, new invitation links, and a
// thumb on the SurveyJS questions.
import assert from 'node:assert/strict';

// The machine may be busy (two cores shared): generous waits, failing clearly when they run out.
export const WAIT = { timeout: 60_000 };

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {Awaited<ReturnType<typeof import('./researcher-api.mjs').loginAsResearcher>>} ResearcherApi */

/** A study title from the API: one text, or one per language. */
export const titleText = (/** @type {string | Record<string, string>} */ title, language = 'en') =>
  typeof title === 'string' ? title : (title[language] ?? Object.values(title)[0] ?? '');

/**
 * The demo study, its timepoints by key and the researcher's own cohort.
 * @param {ResearcherApi} api
 */
export async function demoStudy(api) {
  const { items: studies } = await api.get('/studies');
  const study = studies.find((/** @type {any} */ candidate) => titleText(candidate.title).includes('(demo)'));
  assert.ok(study, 'the demo study exists');
  const protocol = await api.get(`/studies/${study.id}/protocol`);
  /** @type {Record<string, string>} */
  const timepoints = Object.fromEntries(
    protocol.timepoints.map((/** @type {any} */ timepoint) => [timepoint.key, timepoint.id]),
  );
  const { items: cohorts } = await api.get(`/studies/${study.id}/cohorts`);
  // The demo study also has a partner institution's cohort; the researcher enrols into their own.
  const { activeInstitutionId } = await api.get('/auth/me');
  const own = cohorts.find((/** @type {any} */ cohort) => cohort.institutionId === activeInstitutionId);
  assert.ok(own, "a cohort of the researcher's institution");
  return { study, timepoints, cohortId: /** @type {string} */ (own.id) };
}

/**
 * Enrols a new participant and creates their link for a timepoint (a session number for session timepoints).
 * @param {ResearcherApi} api
 * @param {Awaited<ReturnType<typeof demoStudy>>} demo
 * @param {string} timepointKey
 * @param {number} [sessionNumber]
 */
export async function newParticipantLink(api, demo, timepointKey = 'baseline', sessionNumber) {
  const participant = await api.post(`/studies/${demo.study.id}/participants`, { cohortId: demo.cohortId });
  const created = await api.post(`/studies/${demo.study.id}/invitations`, {
    participantId: participant.id,
    timepointId: demo.timepoints[timepointKey],
    ...(sessionNumber === undefined ? {} : { sessionNumber }),
  });
  assert.match(created.url, /\/take\/[A-Za-z0-9_-]{20,}$/);
  return { link: /** @type {string} */ (created.url), participantId: /** @type {string} */ (participant.id) };
}

/** Waits for the page's h1 to read `text`. */
export async function heading(/** @type {Page} */ page, /** @type {string} */ text) {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor(WAIT);
}

/** Clicks the answer's label, as a thumb would (SurveyJS hides the input itself visually). */
export async function answer(
  /** @type {Page} */ page,
  /** @type {string} */ item,
  /** @type {number} */ value,
) {
  const input = `input[value="${value}"]`;
  await page
    .locator(`[data-name="${item}"] label`)
    .filter({ has: page.locator(input) })
    .click();
  assert.equal(await page.locator(`[data-name="${item}"] ${input}`).isChecked(), true, `${item} = ${value}`);
}

/** @param {Page} page @param {Record<string, number>} answers */
export async function answerAll(page, answers) {
  for (const [item, value] of Object.entries(answers)) await answer(page, item, value);
}

/** The item ids whose answer is checked on the page now, with their values. */
export async function checkedAnswers(/** @type {Page} */ page) {
  return page.evaluate(() => {
    // Page code: the browser's globals, untyped here (this file is checked against Node's).
    const { document, HTMLInputElement } = /** @type {any} */ (globalThis);
    return Object.fromEntries(
      [.../** @type {any[]} */ (document.querySelectorAll('[data-name]'))].flatMap((question) => {
        const checked = question.querySelector('input:checked');
        return checked instanceof HTMLInputElement
          ? [[question.getAttribute('data-name'), Number(checked.value)]]
          : [];
      }),
    );
  });
}

/**
 * Answers every visible, unanswered question of the SurveyJS page with its first choice (radio buttons, rating
 * buttons, checkboxes), the way a hurried thumb would.
 * @param {Page} page
 */
export async function answerFirstChoices(page) {
  const questions = page.locator('.sd-question[data-name]');
  for (let index = 0; index < (await questions.count()); index += 1) {
    const question = questions.nth(index);
    if (!(await question.isVisible())) continue;
    if ((await question.locator('input:checked').count()) > 0) continue;
    const first = question
      .locator('label')
      .filter({ has: page.locator('input[type="radio"], input[type="checkbox"]') });
    if ((await first.count()) > 0) await first.first().click();
  }
}
