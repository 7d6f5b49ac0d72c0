// Headless Debian Chromium through playwright-core: a phone-sized context, console errors collected, axe checks.
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
 * A fresh phone-sized context (its own cookies and storage: "another device") whose pages record every console
 * error and uncaught exception.
 * @param {import('playwright-core').Browser} browser
 * @param {{ consoleErrors: string[] }} sink
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
  context.on('page', (page) => watchPage(page, sink));
  return context;
}

/**
 * @param {import('playwright-core').Page} page
 * @param {{ consoleErrors: string[] }} sink
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
