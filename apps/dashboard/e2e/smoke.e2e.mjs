// Browser smoke test of the built dashboard as the API serves it, in headless Chromium on a 360-pixel phone.
// It needs a running Klik with the demo seeded (for example `npm start`), so it is not part of `npm test`:
//   npx nx run dashboard:e2e                              (KLIK_E2E_URL defaults to http://localhost:3000)
// Screenshots go to apps/dashboard/test-output/e2e/.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const baseUrl = (process.env.KLIK_E2E_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
const email = process.env.KLIK_E2E_EMAIL ?? 'researcher@demo.klik.test';
const password = process.env.KLIK_E2E_PASSWORD ?? 'klik-demo-2026';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshots = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-output', 'e2e');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

mkdirSync(screenshots, { recursive: true });
const failures = [];
/** @param {boolean} condition @param {string} message */
function check(condition, message) {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${message}`);
  if (!condition) failures.push(message);
}

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  // bypassCSP only so that axe can be injected; the app itself runs under the API's policy in the second context.
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'en-GB',
    bypassCSP: true,
  });
  const page = await context.newPage();
  /** @type {string[]} */
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));

  /** @param {string} label */
  async function axeCheck(label) {
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      // @ts-expect-error axe is injected above
      const result = await window.axe.run(document);
      return result.violations
        .filter((/** @type {{ impact: string }} */ v) => v.impact === 'serious' || v.impact === 'critical')
        .map((/** @type {{ id: string }} */ v) => v.id);
    });
    check(
      violations.length === 0,
      `${label}: no serious or critical axe violations ${JSON.stringify(violations)}`,
    );
  }

  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Email address').waitFor();
  check(new URL(page.url()).pathname === '/login', 'a visitor without a session lands on /login');
  await axeCheck('login page');

  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  check(
    (await alert.textContent())?.includes('incorrect') === true,
    'a wrong password shows the API refusal',
  );
  await page.screenshot({ path: join(screenshots, 'login-error-360.png'), fullPage: true });

  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Studies' }).waitFor();
  await page.locator('article, .empty').first().waitFor();
  const studyCount = await page.locator('article').count();
  check(studyCount > 0, `the demo researcher sees studies (${studyCount})`);
  check((await page.locator('.role').textContent())?.includes('Researcher') === true, 'the role is shown');
  await page.screenshot({ path: join(screenshots, 'studies-360.png'), fullPage: true });
  await axeCheck('studies page');

  await page.reload();
  await page.locator('article, .empty').first().waitFor();
  check(new URL(page.url()).pathname === '/', 'the session survives a reload');

  await page.getByLabel('Language').selectOption('nl');
  await page.getByRole('heading', { level: 1, name: 'Onderzoeken' }).waitFor();
  check((await page.getAttribute('html', 'lang')) === 'nl', 'switching to Dutch sets <html lang="nl">');
  await page.getByLabel('Taal').selectOption('en');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Email address').waitFor();
  check(new URL(page.url()).pathname === '/login', 'logout returns to the login page');
  check(pageErrors.length === 0, `no uncaught errors in the research app ${JSON.stringify(pageErrors)}`);
  await context.close();

  // The participant page under the API's real Content Security Policy: loads, and fetches no research code.
  const participant = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'nl-NL' });
  const takePage = await participant.newPage();
  /** @type {string[]} */
  const scripts = [];
  /** @type {string[]} */
  const takeErrors = [];
  takePage.on(
    'request',
    (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname),
  );
  // An unknown token is answered with an error status by design, so failed requests are fine; uncaught errors are not.
  takePage.on('pageerror', (error) => takeErrors.push(String(error)));
  await takePage.goto(`${baseUrl}/take/e2e-placeholder-token`);
  await takePage.getByRole('heading', { level: 1 }).waitFor();
  check(
    scripts.length > 0 && !scripts.some((path) => /\/research-/.test(path)),
    `take page loads no research chunk ${JSON.stringify(scripts)}`,
  );
  check(takeErrors.length === 0, `take page has no uncaught errors ${JSON.stringify(takeErrors)}`);
  await takePage.screenshot({ path: join(screenshots, 'take-360-nl.png'), fullPage: true });
  await participant.close();
} finally {
  await browser.close();
}

console.log(
  `\n${failures.length === 0 ? 'All checks passed' : `${failures.length} check(s) failed`}; screenshots in ${screenshots}`,
);
process.exit(failures.length === 0 ? 0 : 1);
