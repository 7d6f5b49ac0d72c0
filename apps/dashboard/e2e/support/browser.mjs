// Headless Debian Chromium through playwright-core: a phone-sized context, console errors and CSP violations
// collected, axe checks.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * What the pages of a context reported: console errors and uncaught exceptions, and every Content-Security-Policy
 * violation (a blocked inline style, script, image, connection…).
 * @typedef {{ consoleErrors: string[], cspViolations?: string[] }} PageSink
 */

/**
 * A fresh phone-sized context (its own cookies and storage: "another device") whose pages record every console
 * error, uncaught exception and CSP violation.
 * @param {import('playwright-core').Browser} browser
 * @param {PageSink} sink
 * @param {string} [locale] the phone's language
 */
export async function phoneContext(browser, sink, locale = 'nl-NL') {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale,
  });
  await watchContext(context, sink);
  return context;
}

/**
 * Records console errors, uncaught exceptions and CSP violations of every page the context opens (call before
 * opening one). The violations come from the page's own `securitypolicyviolation` events, reported through a
 * DevTools binding, so the page's policy stays exactly as the API sends it; Chromium also logs each one as a
 * console error ("Applying inline style violates the following Content Security Policy directive…").
 * @param {import('playwright-core').BrowserContext} context
 * @param {PageSink} sink
 */
export async function watchContext(context, sink) {
  sink.cspViolations ??= [];
  const violations = sink.cspViolations;
  await context.exposeBinding('__klikReportCspViolation', ({ page }, /** @type {string} */ report) => {
    violations.push(`${page.url()}: ${report}`);
  });
  // Runs in every page before its own scripts (a string: it is page code, not Node code).
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) => {
      const where = event.sourceFile ? ' at ' + event.sourceFile + ':' + event.lineNumber : '';
      const sample = event.sample ? ' ' + JSON.stringify(event.sample) : '';
      window.__klikReportCspViolation(event.effectiveDirective + ' blocked ' + (event.blockedURI || 'inline') + sample + where);
    });`,
  });
  context.on('page', (page) => watchPage(page, sink));
}

/**
 * Fails when any page violated its Content-Security-Policy since the last check.
 * @param {PageSink} sink
 * @param {string} where
 */
export function assertNoCspViolations(sink, where) {
  assert.deepEqual((sink.cspViolations ?? []).splice(0), [], `Content-Security-Policy violations ${where}`);
}

/**
 * The page's policy allows style only from its own origin: no 'unsafe-inline', so the CSP checks above mean
 * something (with 'unsafe-inline', inline styles would pass unreported).
 * @param {import('playwright-core').Response | null} response the document's response
 */
export async function assertStrictStyleSrc(response) {
  assert.ok(response, 'the page was loaded');
  const policy = (await response.headerValue('content-security-policy')) ?? '';
  const styleSrc = /(?:^|;)\s*style-src\s+([^;]*)/.exec(policy)?.[1] ?? '';
  assert.ok(styleSrc.includes("'self'"), `style-src allows the own origin: ${policy}`);
  assert.ok(!styleSrc.includes("'unsafe-inline'"), `style-src has no 'unsafe-inline': ${policy}`);
}

/**
 * @param {import('playwright-core').Page} page
 * @param {PageSink} sink
 */
function watchPage(page, sink) {
  page.on('console', (message) => {
    if (message.type() === 'error') sink.consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => sink.consoleErrors.push(`${page.url()}: uncaught ${error.message}`));
}

/**
 * Runs axe-core in the page (injected through the DevTools protocol, so the page's CSP stays as the API sends
 * it) and returns the serious and critical violations.
 * @param {import('playwright-core').Page} page
 */
export async function seriousAxeViolations(page) {
  await page.evaluate(axe.source);
  /** @type {{ id: string, impact: string, help: string, nodes: { target: unknown[] }[] }[]} */
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe was injected just above
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((/** @type {any} */ violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((/** @type {any} */ node) => ({ target: node.target })),
    }));
  });
  return {
    all: violations,
    serious: violations.filter(
      (violation) => violation.impact === 'serious' || violation.impact === 'critical',
    ),
  };
}

/** @param {string} directory */
export function screenshotTaker(directory) {
  mkdirSync(directory, { recursive: true });
  /** @type {string[]} */
  const taken = [];
  return {
    taken,
    /**
     * @param {import('playwright-core').Page} page
     * @param {string} name
     */
    async take(page, name) {
      // What the phone shows first, and the whole page.
      const screen = join(directory, `${name}.png`);
      const full = join(directory, `${name}-full.png`);
      await page.screenshot({ path: screen });
      await page.screenshot({ path: full, fullPage: true });
      taken.push(screen, full);
    },
  };
}
