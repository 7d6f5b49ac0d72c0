// End-to-end test of how a colleague joins an institution, against the real server in headless Chromium: the demo
// admin invites a new address on the Colleagues page; Klik mails the link through a real SMTP server started here
// (KLIK_SMTP_URL); the colleague opens it on a phone (in Dutch), chooses a password, signs in, finds a second
// session (a laptop) under "Je sessies" and ends it. Screenshots, axe and no console error or CSP violation on every
// page. No mocks: the built API serves the built dashboard on a fresh database
// (embedded, or with DATABASE_URL one made on that PostgreSQL server and dropped afterwards).
//
//   node apps/dashboard/e2e/staff-journey.e2e.mjs     (builds api + dashboard first when run outside Nx)
//
// Screenshots: apps/dashboard/e2e/screenshots/staff-*.png (gitignored).
import assert from 'node:assert/strict';
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
import { startMailCatcher } from './support/mail-catcher.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(here, '..', '..', '..');
const ADMIN = { email: 'admin@demo.klik.test', password: 'klik-demo-2026' };
const INSTITUTION = 'Klik Demo Institute';
const COLLEAGUE = {
  email: `noor.visser.${Date.now().toString(36)}@example.org`,
  name: 'Noor Visser',
  password: 'een lange zin als wachtwoord',
};
// Two devices of the new colleague, each with the user agent its session will be listed under.
const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';
const LAPTOP_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0';
const WAIT = { timeout: 60_000 };
// Chromium logs every non-2xx fetch: the session check of a browser without a session answers 401 by contract.
const SESSION_CHECK_401 = /Failed to load resource: the server responded with a status of 401/;

/** @typedef {import('playwright-core').Page} Page */

const world = {
  /** @type {import('./support/klik-server.mjs').KlikServer | null} */ klik: null,
  /** @type {Awaited<ReturnType<typeof startMailCatcher>> | null} */ mail: null,
  /** @type {import('playwright-core').Browser | null} */ browser: null,
  /** @type {Page | null} */ admin: null,
  /** @type {Page | null} */ phone: null,
  /** @type {Page | null} */ laptop: null,
  invitationLink: '',
  sink: { consoleErrors: /** @type {string[]} */ ([]), cspViolations: /** @type {string[]} */ ([]) },
  /** Every URL the browser asked the server for: the invitation token must never be among them. */
  requestedUrls: /** @type {string[]} */ ([]),
  shots: screenshotTaker(join(here, 'screenshots')),
  /** @type {{ page: string, all: string[] }[]} */ axeLog: [],
};

const need = /** @template T @param {T | null} value @returns {T} */ (value) => {
  assert.ok(value, 'set up in before()');
  return value;
};

/** Fails on CSP violations and console errors since the last check; a session check's 401 only where allowed. */
function assertNoConsoleErrors(/** @type {string} */ where, { sessionCheck401 = false } = {}) {
  assertNoCspViolations(world.sink, where);
  const logged = world.sink.consoleErrors.splice(0);
  const unexpected = sessionCheck401 ? logged.filter((entry) => !SESSION_CHECK_401.test(entry)) : logged;
  assert.deepEqual(unexpected, [], `browser console errors ${where}`);
}

/** Screenshot, axe (no serious or critical violation), no CSP violation, no console error. */
async function checkPage(/** @type {Page} */ page, /** @type {string} */ name, options = {}) {
  await world.shots.take(page, `staff-${name}`);
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

async function newPage(
  /** @type {Parameters<import('playwright-core').Browser['newContext']>[0]} */ options,
) {
  const context = await need(world.browser).newContext(options);
  await watchContext(context, world.sink);
  const page = await context.newPage();
  page.on('request', (request) => world.requestedUrls.push(request.url()));
  return page;
}

async function signIn(
  /** @type {Page} */ page,
  /** @type {{ email: string, password: string }} */ account,
  /** @type {{ email: string, password: string, submit: string }} */ labels,
) {
  await page.getByLabel(labels.email).fill(account.email);
  await page.getByLabel(labels.password, { exact: true }).fill(account.password);
  await page.getByRole('button', { name: labels.submit }).click();
}

const ENGLISH = { email: 'Email address', password: 'Password', submit: 'Sign in' };
const DUTCH = { email: 'E-mailadres', password: 'Wachtwoord', submit: 'Inloggen' };

describe('a colleague joins by invitation, in headless Chromium', { timeout: 900_000 }, () => {
  before(async () => {
    buildIfStandalone(workspaceRoot);
    world.mail = await startMailCatcher();
    world.klik = await startKlik(workspaceRoot, {
      env: { KLIK_SMTP_URL: world.mail.url, KLIK_MAIL_FROM: 'Klik <klik@e2e.test>' },
    });
    world.browser = await launchChromium();
    world.admin = await newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
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

  it('the demo admin invites a new address from the Colleagues page, and the link arrives by e-mail', async () => {
    const page = need(world.admin);
    const klik = need(world.klik);
    await assertStrictStyleSrc(await page.goto(`${klik.baseUrl}/`));
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor(WAIT);
    assertNoConsoleErrors('before signing in', { sessionCheck401: true });
    await signIn(page, ADMIN, ENGLISH);
    await page.getByRole('heading', { level: 1, name: 'Studies' }).waitFor(WAIT);

    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Colleagues' }).click();
    await page.getByRole('heading', { level: 1, name: 'Colleagues' }).waitFor(WAIT);
    await page.getByRole('cell', { name: 'researcher@demo.klik.test' }).waitFor(WAIT);
    await checkPage(page, 'colleagues');

    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Send invitation' }) });
    await form.getByLabel('E-mail address').fill(COLLEAGUE.email);
    await form.getByLabel('Name (optional)').fill(COLLEAGUE.name);
    await form.getByLabel('Role', { exact: true }).selectOption('researcher');
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`Invitation sent to ${COLLEAGUE.email}.`).waitFor(WAIT);
    await page.getByRole('rowheader', { name: COLLEAGUE.email }).waitFor(WAIT);
    await checkPage(page, 'colleagues-invited');

    const mail = await need(world.mail).waitFor((message) => message.to.includes(COLLEAGUE.email));
    assert.match(mail.subject, new RegExp(`Uitnodiging voor Klik: ${INSTITUTION}`));
    const link = new RegExp(`${klik.baseUrl}/accept-invitation#([A-Za-z0-9_-]{20,})`).exec(mail.text);
    assert.ok(link, `the e-mail holds the link:\n${mail.text}`);
    world.invitationLink = link[0];
    // With an SMTP server the link goes only to the addressee, not to the server's log.
    assert.ok(!klik.output().includes(link[1]), 'the invitation token is not in the server log');
  });

  it('the colleague opens the link on a phone, the token leaves the address, and they choose a password', async () => {
    const page = await newPage({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'nl-NL',
      userAgent: PHONE_UA,
    });
    world.phone = page;
    const token = world.invitationLink.split('#')[1];
    await page.goto(world.invitationLink);
    await page.getByLabel('Herhaal het wachtwoord').waitFor(WAIT);

    assert.equal(page.url(), `${need(world.klik).baseUrl}/accept-invitation`, 'no token in the address bar');
    assert.equal(await page.evaluate('window.location.hash'), '');
    // Not in the back/forward history either: the entry the link made was replaced, not added to.
    const cdp = await page.context().newCDPSession(page);
    const { entries } = await cdp.send('Page.getNavigationHistory');
    assert.deepEqual(
      entries.filter((entry) => entry.url.includes(token)).map((entry) => entry.url),
      [],
      'no history entry holds the token',
    );
    await cdp.detach();
    assert.deepEqual(
      world.requestedUrls.filter((url) => url.includes(token)),
      [],
      'no request carried the token in its URL',
    );
    const facts = await page.locator('.invitation-facts dd').allTextContents();
    assert.deepEqual(facts, [INSTITUTION, 'Onderzoeker', COLLEAGUE.email]);
    assert.equal(await page.getByLabel('Je naam').inputValue(), COLLEAGUE.name);
    await checkPage(page, 'accept-invitation', { sessionCheck401: true });

    // Too short first: the page says so beside the field and sends nothing.
    await page.getByLabel('Wachtwoord', { exact: true }).fill('kort');
    await page.getByRole('button', { name: 'Account maken en lid worden' }).click();
    await page.getByText('Gebruik minstens 12 tekens.').waitFor(WAIT);

    await page.getByLabel('Wachtwoord', { exact: true }).fill(COLLEAGUE.password);
    await page.getByLabel('Herhaal het wachtwoord').fill(COLLEAGUE.password);
    await page.getByRole('button', { name: 'Account maken en lid worden' }).click();
    await page.getByRole('heading', { level: 1, name: `Je bent nu lid van ${INSTITUTION}` }).waitFor(WAIT);
    await checkPage(page, 'accept-invitation-joined');

    // The link works once.
    const again = await newPage({ locale: 'en-GB' });
    await again.goto(world.invitationLink);
    await again
      .getByRole('heading', { level: 1, name: 'This invitation link no longer works' })
      .waitFor(WAIT);
    await again.context().close();
    // Chromium logs the 404 of the used link and the 401 of the session check.
    const logged = world.sink.consoleErrors.splice(0);
    assert.ok(
      logged.every((entry) => /status of (401|404)/.test(entry)),
      `only the expected 401 and 404: ${logged.join('; ')}`,
    );
    assertNoCspViolations(world.sink, 'on the used link');
  });

  it('signs in as the new colleague, sees both sessions under "Je sessies" and ends the other one', async () => {
    const phone = need(world.phone);
    // The other device: a laptop where the colleague signed in too.
    const laptop = await newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      userAgent: LAPTOP_UA,
    });
    world.laptop = laptop;
    await laptop.goto(`${need(world.klik).baseUrl}/login`);
    await signIn(laptop, COLLEAGUE, ENGLISH);
    await laptop.getByRole('heading', { level: 1, name: 'Studies' }).waitFor(WAIT);
    assertNoConsoleErrors('signing in on the laptop', { sessionCheck401: true });

    await phone.getByRole('link', { name: 'Inloggen' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor(WAIT);
    await signIn(phone, COLLEAGUE, DUTCH);
    await phone.getByRole('heading', { level: 1, name: 'Onderzoeken' }).waitFor(WAIT);
    assert.match(
      await phone.locator('.signed-in-as').innerText(),
      new RegExp(`Ingelogd als ${COLLEAGUE.name}`),
    );
    assert.equal(await phone.locator('.header-nav').getByRole('link', { name: 'Collega’s' }).count(), 0);
    assertNoConsoleErrors('signing in on the phone', { sessionCheck401: true });

    await phone.getByRole('link', { name: 'Je sessies' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Je sessies' }).waitFor(WAIT);
    const devices = phone.locator('.session-list .session-device');
    await devices.first().waitFor(WAIT);
    assert.deepEqual(await devices.allInnerTexts(), ['Chrome op Android Deze sessie', 'Firefox op Windows']);
    await checkPage(phone, 'sessions');

    await phone.getByRole('button', { name: /^Sessie beëindigen: Firefox op Windows,/ }).click();
    await phone.getByText('De sessie van Firefox op Windows is beëindigd.').waitFor(WAIT);
    assert.deepEqual(await devices.allInnerTexts(), ['Chrome op Android Deze sessie']);
    await phone.getByText('Dit is je enige sessie.').waitFor(WAIT);
    await checkPage(phone, 'sessions-ended-other');

    // On the laptop that session is over: the next page asks to sign in again.
    await laptop.reload();
    await laptop.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor(WAIT);
    assertNoConsoleErrors('on the laptop after its session ended', { sessionCheck401: true });
  });

  it('the admin sees the colleague among the members and no invitation pending any more', async () => {
    const page = need(world.admin);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Colleagues' }).waitFor(WAIT);
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: COLLEAGUE.email }) });
    await row.waitFor(WAIT);
    assert.equal(
      await row.getByRole('combobox', { name: `Role of ${COLLEAGUE.name}` }).inputValue(),
      'researcher',
    );
    assert.equal(await page.getByRole('rowheader', { name: COLLEAGUE.email }).count(), 0);
    await checkPage(page, 'colleagues-joined');
  });
});
