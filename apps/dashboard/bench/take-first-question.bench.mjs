// How fast a participant link opens on a slow phone connection (issue 11, "fast and accessible on a phone").
// Starts the built API with the demo on a fresh embedded database, makes fresh participant links, and opens each in
// a fresh headless Chromium phone context (empty cache): the consent page, "Ik doe mee" as soon as it shows, then
// the first question. Measured twice in one run: throttled with DevTools network emulation (1.6 Mbit/s down,
// 750 kbit/s up, 150 ms round trip; Chrome's "slow 4G" class) and unthrottled, as the baseline.
//
//   npx nx run dashboard:bench                              (what `npm run bench` runs for the dashboard)
//   node apps/dashboard/bench/take-first-question.bench.mjs  (needs `npx nx run-many -t build -p api dashboard`)
//
// Reported per condition (median of KLIK_BENCH_RUNS runs, default 3): bytes over the wire (the sum of the
// `encodedDataLength` of every response, headers included), the time from opening the link to the consent page,
// and to the first question visible; also written to apps/dashboard/test-output/bench/take-first-question.json.
// Budgets (issue 11): under 400 kB and under 4 s throttled. Exits 1 when the bytes are over (they do not depend on
// the machine); a time over budget is reported, since a busy machine can cause it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, phoneContext } from '../e2e/support/browser.mjs';
import { startKlik } from '../e2e/support/klik-server.mjs';
import { demoStudy, newParticipantLink, WAIT } from '../e2e/support/participant.mjs';
import { loginAsResearcher } from '../e2e/support/researcher-api.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(here, '..', '..', '..');
const RUNS = Math.max(1, Number(process.env.KLIK_BENCH_RUNS ?? 3));
const BUDGET = { bytes: 400_000, firstQuestionMs: 4_000 };

/** DevTools `Network.emulateNetworkConditions`: throughput in bytes per second, latency in ms (round trip). */
const SLOW_PHONE = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6e6 / 8) | 0,
  uploadThroughput: (750e3 / 8) | 0,
};

/**
 * Opens one fresh link in a fresh phone context and measures it.
 * @param {import('playwright-core').Browser} browser
 * @param {string} link
 * @param {typeof SLOW_PHONE | null} network
 */
async function measure(browser, link, network) {
  const sink = { consoleErrors: /** @type {string[]} */ ([]) };
  const context = await phoneContext(browser, sink, 'nl-NL');
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (network) await cdp.send('Network.emulateNetworkConditions', network);
    let bytes = 0;
    let responses = 0;
    /** @type {Map<string, string>} */
    const urls = new Map();
    /** @type {Record<string, number>} */
    const byKind = {};
    cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
    cdp.on('Network.requestWillBeSent', (event) => {
      // A redirect (the link's 303 to /take) ends one response inside the next request's event.
      if (event.redirectResponse) {
        bytes += event.redirectResponse.encodedDataLength ?? 0;
        responses += 1;
      }
    });
    cdp.on('Network.loadingFinished', (event) => {
      bytes += event.encodedDataLength;
      responses += 1;
      const url = urls.get(event.requestId) ?? '';
      const kind = /\.js$/.test(url)
        ? 'js'
        : /\.css$/.test(url)
          ? 'css'
          : /\/api\//.test(url)
            ? 'api'
            : 'html';
      byKind[kind] = (byKind[kind] ?? 0) + event.encodedDataLength;
    });

    const started = performance.now();
    await page.goto(link, { waitUntil: 'commit', ...WAIT });
    const agree = page.getByRole('button', { name: 'Ik doe mee', exact: true });
    await agree.waitFor(WAIT);
    const consentMs = performance.now() - started;
    await agree.click();
    await page
      .locator('.sd-question')
      .first()
      .waitFor({ state: 'visible', ...WAIT });
    const firstQuestionMs = performance.now() - started;
    // The last bytes of what arrived with it (loadingFinished trails the render by a moment).
    await page.waitForTimeout(300);
    if (sink.consoleErrors.length > 0) throw new Error(`console errors: ${sink.consoleErrors.join('\n')}`);
    return { bytes, responses, byKind, consentMs, firstQuestionMs };
  } finally {
    await context.close();
  }
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// The bench measures the embedded database of a fresh data folder, whatever the environment says.
delete process.env.DATABASE_URL;
const klik = await startKlik(workspaceRoot);
const browser = await launchChromium();
let overBudget = false;
try {
  const api = await loginAsResearcher(klik.baseUrl, {
    email: 'researcher@demo.klik.test',
    password: 'klik-demo-2026',
  });
  const demo = await demoStudy(api);
  /** @type {Record<string, Awaited<ReturnType<typeof measure>>[]>} */
  const results = { unthrottled: [], throttled: [] };
  // Alternating, so a busy moment of the machine does not land on one condition only.
  for (let run = 0; run < RUNS; run += 1) {
    for (const [condition, network] of /** @type {const} */ ([
      ['unthrottled', null],
      ['throttled', SLOW_PHONE],
    ])) {
      const { link } = await newParticipantLink(api, demo);
      results[condition].push(await measure(browser, link, network));
    }
  }
  const summary = Object.fromEntries(
    Object.entries(results).map(([condition, runs]) => [
      condition,
      {
        bytes: median(runs.map((run) => run.bytes)),
        responses: median(runs.map((run) => run.responses)),
        consentMs: Math.round(median(runs.map((run) => run.consentMs))),
        firstQuestionMs: Math.round(median(runs.map((run) => run.firstQuestionMs))),
        byKind: runs[0].byKind,
        runs: runs.map((run) => ({ bytes: run.bytes, firstQuestionMs: Math.round(run.firstQuestionMs) })),
      },
    ]),
  );
  const kB = (/** @type {number} */ value) => `${(value / 1000).toFixed(1)} kB`;
  const s = (/** @type {number} */ value) => `${(value / 1000).toFixed(2)} s`;
  console.log(`\nParticipant link → consent → first question, fresh phone context, median of ${RUNS} runs`);
  console.log('condition     bytes over the wire   responses   consent page   first question');
  for (const [condition, result] of Object.entries(summary)) {
    console.log(
      `${condition.padEnd(13)} ${kB(result.bytes).padStart(19)}   ${String(result.responses).padStart(9)}   ${s(result.consentMs).padStart(12)}   ${s(result.firstQuestionMs).padStart(14)}`,
    );
  }
  const ratio = summary.throttled.firstQuestionMs / summary.unthrottled.firstQuestionMs;
  console.log(`throttled / unthrottled (first question): ${ratio.toFixed(1)}×`);
  console.log(
    `bytes by kind (throttled, first run): ${Object.entries(summary.throttled.byKind)
      .map(([kind, value]) => `${kind} ${kB(value)}`)
      .join(', ')}`,
  );
  overBudget = summary.throttled.bytes > BUDGET.bytes;
  const slow = summary.throttled.firstQuestionMs > BUDGET.firstQuestionMs;
  console.log(
    `budget (throttled): bytes ${kB(BUDGET.bytes)} ${overBudget ? 'OVER' : 'within'}, first question ${s(BUDGET.firstQuestionMs)} ${slow ? 'OVER' : 'within'}`,
  );
  // Beside the screenshots of the other browser runs, outside git (test-output/ is ignored).
  const output = join(here, '..', 'test-output', 'bench');
  mkdirSync(output, { recursive: true });
  writeFileSync(
    join(output, 'take-first-question.json'),
    `${JSON.stringify({ network: SLOW_PHONE, runs: RUNS, budget: BUDGET, ratio, ...summary }, null, 2)}\n`,
  );
} finally {
  await browser.close();
  await klik.stop();
}
if (overBudget) process.exit(1);
