// Debian's Chromium, driven by playwright-core (which downloads nothing), and what every page
// is checked for: no script error, no Content-Security-Policy violation, no WCAG 2.1 A/AA
// fault that axe-core can find.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // the machine's closed network: no background connections, no component updates
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--lang=nl-NL'],
  });
}

/** A fresh browser context (its own cookies), Dutch, at a desktop size. */
export async function openPage(browser, { locale = 'nl-NL', width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ locale, timezoneId: 'Europe/Amsterdam', viewport: { width, height } });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 40[134]/.test(message.text())) {
      page.problems.push(`console: ${message.text()}`);
    }
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== '127.0.0.1') page.problems.push(`request to another host: ${request.url()}`);
  });
  return page;
}

export function assertNoProblems(page) {
  assert.deepEqual(page.problems, [], 'the page logged errors, CSP violations or left the platform');
}

/** Runs axe-core on the page as it is; fails on any WCAG 2.0/2.1 A or AA violation. */
export async function assertAccessible(page, what) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
  assert.deepEqual(violations, [], `${what}: axe-core found WCAG 2.1 AA violations`);
  return result.passes.length;
}

/** The whole page as `name`.png, or only the part `of` (a locator) where the page is long. */
export async function screenshot(page, name, { of } = {}) {
  const folder = process.env.ZORGTAFEL_SCREENSHOTS;
  if (!folder) return;
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name}.png`);
  await (of ? of.screenshot({ path: file }) : page.screenshot({ path: file, fullPage: true }));
}
