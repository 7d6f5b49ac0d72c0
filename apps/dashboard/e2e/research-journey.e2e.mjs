// End-to-end test of the research dashboard (issue 5, "Done when"), against the real server in headless Chromium
// on a desktop screen: log in as the demo researcher, create a study (titles per language, cohort, a PHQ-9 protocol,
// a safety contact, recruiting),
// enrol participants from a CSV, then open every analysis of the demo study and check the number of marks in each
// chart against the numbers the API gives for the same view. Screenshots of every page; no browser console error
// allowed; axe on every page. No mocks: the built API serves the built dashboard on a fresh database
// (embedded, or with DATABASE_URL one made on that PostgreSQL server and dropped afterwards).
//
//   node apps/dashboard/e2e/research-journey.e2e.mjs     (builds api + dashboard first when run outside Nx)
//
// Screenshots: apps/dashboard/e2e/screenshots/research-*.png (gitignored).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  assertNoCspViolations,
  assertStrictStyleSrc,
  launchChromium,
  screenshotTaker,
  seriousAxeViolations,
  watchContext,
} from './support/browser.mjs';
import { buildIfStandalone, startKlik } from './support/klik-server.mjs';
import { titleText } from './support/participant.mjs';
import { loginAsResearcher } from './support/researcher-api.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(here, '..', '..', '..');
const RESEARCHER = { email: 'researcher@demo.klik.test', password: 'klik-demo-2026' };
const WAIT = { timeout: 60_000 };

/** @typedef {import('playwright-core').Page} Page */

const world = {
  /** @type {import('./support/klik-server.mjs').KlikServer | null} */ klik: null,
  /** @type {import('playwright-core').Browser | null} */ browser: null,
  /** @type {Page | null} */ page: null,
  /** @type {Awaited<ReturnType<typeof loginAsResearcher>> | null} */ api: null,
  demoStudyId: '',
  sink: { consoleErrors: /** @type {string[]} */ ([]), cspViolations: /** @type {string[]} */ ([]) },
  shots: screenshotTaker(join(here, 'screenshots')),
  /** @type {{ page: string, all: string[] }[]} */ axeLog: [],
  /** @type {{ view: string, selector: string, marks: number, api: number }[]} */ markLog: [],
};

const need = /** @template T @param {T | null} value @returns {T} */ (value) => {
  assert.ok(value, 'set up in before()');
  return value;
};

function assertNoConsoleErrors(/** @type {string} */ where) {
  assertNoCspViolations(world.sink, where);
  assert.deepEqual(world.sink.consoleErrors.splice(0), [], `browser console errors ${where}`);
}

/** Screenshot, axe (no serious or critical violation), no CSP violation, no console error: every page's checks. */
async function checkPage(/** @type {string} */ name) {
  const page = need(world.page);
  await world.shots.take(page, `research-${name}`);
  const { all, serious } = await seriousAxeViolations(page);
  world.axeLog.push({ page: name, all: all.map((violation) => `${violation.id} (${violation.impact})`) });
  assert.deepEqual(
    serious.map(
      (violation) => `${violation.id}: ${violation.help} ${JSON.stringify(violation.nodes.slice(0, 3))}`,
    ),
    [],
    `axe on ${name}`,
  );
  assertNoConsoleErrors(`on ${name}`);
}

describe('research dashboard in headless Chromium', { timeout: 900_000 }, () => {
  before(async () => {
    buildIfStandalone(workspaceRoot);
    world.klik = await startKlik(workspaceRoot);
    world.browser = await launchChromium();
    world.api = await loginAsResearcher(world.klik.baseUrl, RESEARCHER);
    const { items: studies } = await world.api.get('/studies');
    const demo = studies.find((/** @type {any} */ study) => titleText(study.title).includes('(demo)'));
    assert.ok(demo, 'the demo study exists');
    world.demoStudyId = demo.id;

    const context = await world.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      acceptDownloads: true,
    });
    await watchContext(context, world.sink);
    world.page = await context.newPage();
  });

  after(async () => {
    await world.browser?.close();
    await world.klik?.stop();
    // Whatever happened after a test's last check still counts.
    assertNoCspViolations(world.sink, 'after the last check');
    console.log('[e2e] marks per chart (browser = API):');
    for (const entry of world.markLog)
      console.log(`  ${entry.view}: ${entry.selector} ${entry.marks} = ${entry.api}`);
    console.log('[e2e] axe (all impacts) per page:');
    for (const entry of world.axeLog)
      console.log(`  ${entry.page}: ${entry.all.join(', ') || 'no violations'}`);
    console.log(`[e2e] screenshots:\n  ${world.shots.taken.join('\n  ')}`);
  });

  it('logs in as the demo researcher, creates a study and enrols participants from a CSV', async () => {
    const page = need(world.page);
    const api = need(world.api);
    // The dashboard runs under the API's policy, which allows no inline style.
    await assertStrictStyleSrc(await page.goto(`${need(world.klik).baseUrl}/`));
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor(WAIT);
    // The session check of a visitor who is not logged in answers 401 by contract; Chromium logs it.
    const beforeLogin = world.sink.consoleErrors.splice(0);
    assert.ok(
      beforeLogin.every((entry) =>
        /Failed to load resource: the server responded with a status of 401/.test(entry),
      ),
      `only the session check's 401 before login: ${beforeLogin.join('; ')}`,
    );
    await page.getByLabel('Email address').fill(RESEARCHER.email);
    await page.getByLabel('Password').fill(RESEARCHER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Studies' }).waitFor(WAIT);
    // "Needs attention" comes first on the home page (the demo has no signals: its answers were not submitted).
    await page.getByText('Nothing needs attention right now.').waitFor(WAIT);
    await checkPage('studies');

    const suffix = Date.now().toString(36);
    const title = `Disclosure and alliance, e2e ${suffix}`;
    await page.getByRole('link', { name: 'New study' }).click();
    await page.getByLabel('Title (Dutch)').fill(`Openheid en alliantie, e2e ${suffix}`);
    await page.getByLabel('Title (English)').fill(title);
    await page.getByLabel('Consent text (Dutch)').fill('Ik doe mee aan dit onderzoek.');
    await page.getByLabel('Consent text (English)').fill('I take part in this study.');
    await checkPage('new-study');
    await page.getByRole('button', { name: 'Create study' }).click();
    await page.getByRole('heading', { name: 'Study set-up' }).waitFor(WAIT);

    await page.getByLabel('Cohort name').fill('Utrecht');
    await page.getByRole('button', { name: 'Add cohort' }).click();
    await page.getByText('Utrecht · ').waitFor(WAIT);
    const first = page.getByRole('group', { name: 'Timepoint 1' });
    await first.getByLabel('Name (Dutch)').fill('Voormeting');
    await first.getByLabel('Name (English)').fill('Baseline');
    await first.getByLabel('Questionnaire 1').selectOption('phq-9@1.0.0');
    await page.getByRole('button', { name: 'Save protocol' }).click();
    await page.getByText('The protocol is saved.').waitFor(WAIT);
    // The PHQ-9 has a risk item (item 9): recruiting needs a safety contact, and the page says so.
    await page.locator('.notice').getByText('a safety contact', { exact: true }).waitFor(WAIT);
    await page.getByLabel('Safety contact').selectOption({ label: 'Demo Researcher (Researcher)' });
    await page.getByRole('button', { name: 'Save safety settings' }).click();
    await page.getByText('The safety settings are saved.').waitFor(WAIT);
    await page.getByRole('button', { name: 'Start recruiting' }).click();
    await page.getByText('Participants can be enrolled and invited.').waitFor(WAIT);
    await checkPage('setup');

    // The study exists as the API sees it, with the protocol the form built.
    const { items: studies } = await api.get('/studies');
    const created = studies.find((/** @type {any} */ study) => study.title.en === title);
    assert.ok(created, 'the new study is listed');
    assert.equal(created.status, 'recruiting');
    assert.equal(created.title.nl, `Openheid en alliantie, e2e ${suffix}`);
    assert.equal(created.safetyRequired, true);
    assert.ok(created.safetyContactUserId, 'the safety contact chosen on the page');
    const protocol = await api.get(`/studies/${created.id}/protocol`);
    assert.deepEqual(
      protocol.timepoints.map((/** @type {any} */ timepoint) => [
        timepoint.label.en,
        timepoint.instruments.map((/** @type {any} */ instrument) => instrument.instrumentId),
      ]),
      [['Baseline', ['phq-9']]],
    );

    await page.getByRole('link', { name: 'Participants and invitations' }).click();
    const csv = join(mkdtempSync(join(tmpdir(), 'klik-e2e-')), 'enrol.csv');
    const codes = ['E2E-001', 'E2E-002', 'E2E-003', 'E2E-004', 'E2E-005'];
    // Semicolons, as a Dutch spreadsheet program writes them.
    writeFileSync(csv, `code;cohort\n${codes.map((code) => `${code};Utrecht`).join('\n')}\n`);
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(csv);
    await page.getByRole('button', { name: 'Upload and enrol' }).click();
    await page.getByText(`${codes.length} participants enrolled from enrol.csv.`).waitFor(WAIT);
    for (const code of codes) await page.getByRole('rowheader', { name: code, exact: true }).waitFor(WAIT);
    await checkPage('participants');

    const { items: participants } = await api.get(`/studies/${created.id}/participants?limit=1000`);
    assert.deepEqual(participants.map((/** @type {any} */ participant) => participant.code).sort(), codes);
  });

  it('exports the demo study with the safe defaults and downloads a de-identified wide CSV', async () => {
    const page = need(world.page);
    const api = need(world.api);
    await page.goto(`${need(world.klik).baseUrl}/studies/${world.demoStudyId}/exports`);
    await page.getByRole('button', { name: 'Start export' }).click();
    // The list shows the export's progress, then its files once complete.
    const wide = page.getByRole('link', { name: 'klik-wide.csv', exact: true }).first();
    await wide.waitFor(WAIT);
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), wide.click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'klik-e2e-export-')), download.suggestedFilename());
    await download.saveAs(file);
    const csv = readFileSync(file, 'utf8');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    assert.match(header, /phq9_total_baseline/);
    // One row per participant still in the export, under HMAC codes: no stored code, no internal id.
    const { items: participants } = await api.get(`/studies/${world.demoStudyId}/participants?limit=1000`);
    assert.ok(rows.length > 0 && rows.length <= participants.length, `${rows.length} rows`);
    for (const participant of participants) {
      assert.ok(!csv.includes(participant.code), `no stored code (${participant.code})`);
      assert.ok(!csv.includes(participant.id), 'no participant id');
    }
    assert.ok(!csv.includes(world.demoStudyId), 'no study id');
    assert.ok(
      rows.every((row) => /^"?P-[0-9A-F]{16}"?,/.test(row)),
      'every row starts with an HMAC code',
    );
    await checkPage('exports');
  });

  // Each analysis view: the API answers the page fetched, and what must then be on screen (see
  // apps/dashboard/src/charts/README.md, "Marks"). Counts come from the answer the page itself received.
  /** @type {{ view: string, path: string, endpoints: string[], marks: (answers: Record<string, any>) => Record<string, number> }[]} */
  const VIEWS = [
    {
      view: 'correlations',
      path: 'analyses?view=correlations',
      endpoints: ['/analyses/correlations'],
      marks: ({ correlations }) => ({
        '[data-mark="cell"]': correlations.cells.length,
        '[data-mark="cell"][data-suppressed="true"]': correlations.cells.filter(
          (/** @type {any} */ c) => c.suppressed,
        ).length,
      }),
    },
    {
      view: 'scatter',
      path: 'analyses?view=scatter',
      endpoints: ['/analyses/scatter'],
      marks: ({ scatter }) => ({
        '[data-mark="point"]': scatter.points.length,
        '[data-mark="regression-line"]': scatter.band.length > 1 ? 1 : 0,
        '[data-mark="confidence-band"]': scatter.band.length > 1 ? 1 : 0,
      }),
    },
    {
      view: 'within-person',
      path: 'analyses?view=within-person',
      endpoints: ['/analyses/within-person', '/analyses/trajectories'],
      marks: ({ 'within-person': withinPerson, trajectories }) => ({
        '[data-mark="correlation"]': [withinPerson.within, withinPerson.between].filter(
          (statistic) => !statistic.suppressed && statistic.estimate !== null,
        ).length,
        '[data-mark="client-line"]': trajectories.series.length,
        '[data-mark="mean-point"]': trajectories.means.filter(
          (/** @type {any} */ mean) => !mean.suppressed && mean.mean !== null,
        ).length,
        '[data-mark="model-line"]': trajectories.model && trajectories.model.fitted.length > 1 ? 1 : 0,
      }),
    },
    {
      view: 'change',
      path: 'analyses?view=change',
      endpoints: ['/analyses/change'],
      marks: ({ change }) => {
        const groups = [change.all, ...change.cohorts];
        return {
          '[data-mark="point"]': change.points.length,
          '[data-mark="bar-segment"]': 4 * groups.filter((group) => !group.suppressed).length,
          '[data-mark="suppressed-group"]': groups.filter((group) => group.suppressed).length,
          '[data-mark="cutoff-line"]': 2,
        };
      },
    },
    {
      view: 'dyads',
      path: 'analyses?view=dyads',
      endpoints: ['/analyses/dyads'],
      marks: ({ dyads }) => ({
        '[data-mark="kappa"]': dyads.contentTypes.filter(
          (/** @type {any} */ row) => !row.suppressed && row.kappa !== null,
        ).length,
        '[data-mark="suppressed-row"]': dyads.contentTypes.filter((/** @type {any} */ row) => row.suppressed)
          .length,
      }),
    },
    {
      view: 'scale-quality',
      path: 'analyses?view=scale-quality',
      endpoints: ['/analyses/scale-quality'],
      marks: ({ 'scale-quality': quality }) => ({
        '[data-mark="alpha"]': quality.scales.filter(
          (/** @type {any} */ scale) => !scale.suppressed && scale.alpha !== null,
        ).length,
        '[data-mark="alpha-secondary"]': quality.scales.filter(
          (/** @type {any} */ scale) => !scale.suppressed && scale.omega !== null,
        ).length,
      }),
    },
    {
      view: 'alerts',
      path: 'analyses?view=alerts',
      endpoints: ['/analyses/alerts'],
      marks: ({ alerts }) => ({ '[data-mark="alert"]': alerts.alerts.length }),
    },
    {
      view: 'comparison',
      path: 'comparison',
      endpoints: ['/comparison'],
      marks: ({ comparison }) => {
        // The demo seeds a partner institution with its own cohort, so there is something to compare.
        assert.equal(comparison.institutions.length, 2, 'the demo institute and its partner');
        return {
          '[data-mark="study-square"]': comparison.institutions.filter(
            (/** @type {any} */ row) => row.correlation.estimate !== null,
          ).length,
          '[data-mark="suppressed-row"]': comparison.institutions.filter(
            (/** @type {any} */ row) => row.correlation.estimate === null,
          ).length,
          '[data-mark="pooled-diamond"]': comparison.pooled ? 1 : 0,
          '[data-mark="prediction-interval"]': comparison.pooled ? 1 : 0,
        };
      },
    },
  ];

  for (const { view, path, endpoints, marks } of VIEWS) {
    it(`opens the ${view} view of the demo study and draws one mark per item of the API's answer`, async () => {
      const page = need(world.page);
      const base = `/api/studies/${world.demoStudyId}`;
      const answers = Promise.all(
        endpoints.map((endpoint) =>
          page.waitForResponse(
            (response) =>
              new URL(response.url()).pathname === `${base}${endpoint}` &&
              response.request().method() === 'GET',
            WAIT,
          ),
        ),
      );
      await page.goto(`${need(world.klik).baseUrl}/studies/${world.demoStudyId}/${path}`);
      /** @type {Record<string, any>} */
      const bodies = {};
      for (const [index, response] of (await answers).entries()) {
        assert.equal(response.status(), 200, `${endpoints[index]} answered`);
        bodies[endpoints[index].split('/').pop() ?? ''] = await response.json();
      }
      const expected = marks(bodies);
      const [firstSelector, firstCount] = Object.entries(expected)[0];
      assert.ok(firstCount > 0, `the demo study gives ${view} something to draw (${firstSelector})`);
      await page.locator(firstSelector).first().waitFor(WAIT);
      for (const [selector, count] of Object.entries(expected)) {
        const drawn = await page.locator(selector).count();
        world.markLog.push({ view, selector, marks: drawn, api: count });
        assert.equal(drawn, count, `${view}: ${selector}`);
      }
      // Every chart offers its data as a table too (the alerts are a list, not a chart).
      if (view !== 'alerts') {
        const tables = page.getByRole('button', { name: 'Show data table' });
        assert.ok((await tables.count()) > 0, `${view} offers a data table`);
      }
      await checkPage(view);
    });
  }
});
