// The web UI as its users meet it: the real distribution, Debian's Chromium, Dutch by default.
// The coordinator runs a table from agenda to minutes; a partner professional cannot see another
// partner's case; an operator watches the adapters; everything once with the keyboard only.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Platform, PEOPLE } from './lib/platform.mjs';
import { seed, todayInAmsterdam, signalFrom, alertAbout, YASMIN, SARA, FENNA } from './lib/story.mjs';
import { launch, openPage, assertNoProblems, assertAccessible, screenshot } from './lib/browser.mjs';

const ARCHIVE = process.env.ZORGTAFEL_DISTRIBUTION;
const WORK = process.env.ZORGTAFEL_WORK || path.resolve('target');

function inDays(days) {
  const date = new Date(`${todayInAmsterdam()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The page has drawn what it loaded: no "Laden…" left. */
async function settled(page) {
  await page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('main .loading'));
}

async function logIn(page, base, person) {
  await page.goto(`${base}/`);
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await page.getByLabel('Gebruikersnaam').fill(person.name);
  await page.getByLabel('Wachtwoord').fill(person.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForFunction(() => !window.location.hash.startsWith('#/login'));
  await settled(page);
}

/**
 * Presses Tab until the focused element satisfies the test (a function, or an expression as a
 * string, run in the page); fails after `limit` presses.
 */
async function tabTo(page, describeTarget, isTarget, limit = 60) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(isTarget)) return presses + 1;
  }
  throw new Error(`Tab never reached ${describeTarget}`);
}

/** Logs in with the keyboard only: Tab to the user name, type it, Tab, type the password, Enter. */
async function logInByKeyboard(page, base, person) {
  await page.goto(`${base}/`);
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await tabTo(page, 'the user name', () => document.activeElement.name === 'username');
  await page.keyboard.type(person.name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(person.password);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !window.location.hash.startsWith('#/login'));
  await settled(page);
}

describe('Zorgtafel web UI in Chromium', { timeout: 1_200_000 }, () => {
  let platform;
  let story;
  let browser;
  let base;

  before(async () => {
    assert.ok(ARCHIVE, 'ZORGTAFEL_DISTRIBUTION names the distribution archive');
    platform = new Platform({ archive: ARCHIVE, workDir: WORK });
    await platform.start();
    base = platform.baseUrl;
    story = await seed(platform);
    browser = await launch();
  }, { timeout: 300_000 });

  after(async () => {
    if (browser) await browser.close();
    if (platform) await platform.stop();
  }, { timeout: 120_000 });

  test('the platform root leads to the UI, which allows nothing but its own files', async () => {
    const root = await fetch(`${base}/`, { redirect: 'manual' });
    assert.equal(root.status, 302);
    assert.match(root.headers.get('location'), /\/ui\/$/);
    const index = await fetch(`${base}/ui/`);
    assert.equal(index.status, 200);
    const policy = index.headers.get('content-security-policy');
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /script-src 'self'/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|https?:/);
    const html = await index.text();
    assert.doesNotMatch(html, /<script>|style=|https?:\/\//, 'no inline script or style, no other origin');
    assert.equal((await fetch(`${base}/ui/js/app.js`)).headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal((await fetch(`${base}/ui/js/nothing.js`)).status, 404);
    assert.equal((await fetch(`${base}/api/v1/health`)).status, 200, 'the API keeps its own path');

    const refused = await fetch(`${base}/api/v1/session`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'zorgtafel-ui' },
      body: JSON.stringify({ username: PEOPLE.coordinator.name, password: 'not-the-password' }),
    });
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get('www-authenticate'), null, 'the browser is not asked for Basic credentials');
  });

  test('the coordinator logs in (in Dutch) and filters the cases', async () => {
    const page = await openPage(browser);
    await page.goto(`${base}/`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    await assertAccessible(page, 'login');
    await screenshot(page, 'login');

    await page.getByLabel('Gebruikersnaam').fill(PEOPLE.coordinator.name);
    await page.getByLabel('Wachtwoord').fill('verkeerd-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('alert').filter({ hasText: 'niet bekend' }).waitFor();

    await page.getByLabel('Wachtwoord').fill(PEOPLE.coordinator.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Casussen' }).waitFor();
    await settled(page);
    const rows = page.locator('table.data-table tbody tr');
    for (const name of ['Noor Jansen', 'Sem de Boer', 'Yara el Amrani', 'Jara El Amrani', 'Lotte Smit', 'Mila Bos']) {
      assert.ok(await rows.filter({ hasText: name }).count() >= 1, `${name} is listed`);
    }

    await page.getByLabel('een crisissignaal').check();
    assert.deepEqual(await rows.locator('th').allTextContents(), ['Noor Jansen']);
    assert.match(page.url(), /crisis=1/, 'the filter is kept in the address');
    await page.getByLabel('een crisissignaal').uncheck();
    await page.getByLabel('terugkeer').check();
    assert.deepEqual(await rows.locator('th').allTextContents(), ['Lotte Smit']);
    await page.getByLabel('terugkeer').uncheck();
    await page.getByLabel('verlopen afspraken').check();
    assert.deepEqual(await rows.locator('th').allTextContents(), ['Noor Jansen']);
    await page.getByLabel('verlopen afspraken').uncheck();
    await page.getByLabel('Partner').selectOption('mee');
    assert.ok(!(await rows.locator('th').allTextContents()).includes('Jara El Amrani'), 'a GGZ-only case is filtered out');
    await page.getByLabel('Partner').selectOption('');
    await page.getByLabel('Zoek op naam').fill('amrani');
    assert.deepEqual((await rows.locator('th').allTextContents()).sort(), ['Jara El Amrani', 'Yara el Amrani']);
    await page.getByLabel('Zoek op naam').fill('');
    await page.getByRole('status').filter({ hasText: 'casussen' }).waitFor();
    await assertAccessible(page, 'cases');
    await screenshot(page, 'cases');
    assertNoProblems(page);
    await page.context().close();
  });

  test('the case page draws the timeline per partner, its text alternative, and the missed signals', async () => {
    const page = await openPage(browser, { width: 1440 });
    await logIn(page, base, PEOPLE.coordinator);
    await page.getByRole('link', { name: 'Noor Jansen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Noor Jansen' }).waitFor();

    const picture = page.getByRole('img', { name: /Tijdlijn van Noor Jansen/ });
    await picture.waitFor();
    const lanes = await page.locator('svg.timeline .tl-lane-label').allTextContents();
    assert.deepEqual(lanes, ['MEE', 'GGZ', 'Horizon', 'RvdK', 'JBRR', 'Zorgtafel'], 'one lane per partner, oldest first, and the table');
    assert.equal(await page.locator('svg.timeline .tl-signal').count(), 4, 'four normal signals: circles');
    assert.equal(await page.locator('svg.timeline .tl-crisis polygon').count(), 1, 'one crisis signal: a triangle');
    assert.equal(await page.locator('svg.timeline .tl-trajectory').count(), 2);
    assert.equal(await page.locator('svg.timeline .tl-trajectory.tl-early .tl-early-cross').count(), 2, 'early endings are marked');
    assert.equal(await page.locator('svg.timeline .tl-measure').count(), 1);
    assert.equal(await page.locator('svg.timeline .tl-missed').count(), 1, 'the span before the first intervention');
    assert.equal(await page.locator('svg.timeline .tl-agreement-overdue').count(), 1);
    assert.match(await picture.getAttribute('aria-labelledby'), /\S+ \S+/, 'a title and a description');

    const missed = page.getByRole('complementary', { name: 'Gemiste signalen' });
    assert.equal(await missed.locator('.missed-list').first().locator('li').count(), 3);
    assert.match(await missed.textContent(), /Start zorgtraject door GGZ op 2 september 2024/);
    assert.match(await missed.textContent(), /De eerste zorg die niet vroegtijdig eindigde: Maatregel door Raad voor de Kinderbescherming op 10 juli 2025/);
    assert.match(await missed.locator('.missed-list').nth(1).textContent(), /18 april 2025/);

    await page.getByText('Tijdlijn als tabel (tekstalternatief)').click();
    const table = page.locator('table.timeline-table');
    await table.waitFor();
    assert.match(await table.textContent(), /Einde zorgtraject \(vroegtijdig beëindigd\)/);
    assert.match(await table.textContent(), /Ondertoezichtstelling \(OTS\)/);
    await assertAccessible(page, 'case');
    await page.getByText('Tijdlijn als tabel (tekstalternatief)').click();
    await screenshot(page, 'case');
    assertNoProblems(page);
    await page.context().close();
  });

  test('a meeting from the proposed agenda to minutes with agreements, printable', async () => {
    const page = await openPage(browser, { width: 1440 });
    await logIn(page, base, PEOPLE.coordinator);
    await page.getByRole('link', { name: 'Overleggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overleggen' }).waitFor();
    await assertAccessible(page, 'meetings');
    await page.getByLabel('Datum van het overleg').fill(inDays(7));
    await page.getByRole('button', { name: 'Overleg plannen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Overleg van / }).waitFor();

    const noor = page.locator('li.agenda-item').filter({ has: page.getByRole('heading', { name: 'Noor Jansen' }) });
    assert.match(await noor.locator('.heading-badges').textContent(), /Crisis/, 'the crisis is why Noor is on the agenda');
    assert.ok(await page.locator('li.agenda-item').count() >= 3, 'the platform proposed the open cases');

    const minutes = 'Crisisplaatsing besproken. JBRR vraagt een spoedmachtiging aan; Horizon zoekt een plek.';
    await noor.getByLabel('Notulen voor Noor Jansen').fill(minutes);
    await noor.getByRole('button', { name: 'Notulen opslaan' }).click();
    await noor.getByRole('status').filter({ hasText: 'Opgeslagen om' }).waitFor();

    await noor.getByText('Afspraak toevoegen').click();
    await noor.getByLabel('Wat is er afgesproken?').fill('Horizon zoekt binnen twee weken een gesloten plek');
    await noor.getByLabel('Eigenaar (partner)').selectOption('horizon');
    await noor.getByLabel('Uiterlijk op').fill(inDays(14));
    await noor.getByRole('button', { name: 'Afspraak vastleggen' }).click();
    await noor.locator('.item-agreements').getByText('Horizon zoekt binnen twee weken een gesloten plek').waitFor();
    await assertAccessible(page, 'meeting');
    await screenshot(page, 'meeting');

    await page.getByRole('link', { name: 'Notulen bekijken en afdrukken' }).click();
    await page.getByRole('heading', { level: 1, name: /^Notulen Zorgtafel/ }).waitFor();
    const page2 = page.locator('.minutes-page');
    assert.match(await page2.textContent(), /JBRR vraagt een spoedmachtiging aan/);
    assert.match(await page2.textContent(), /Horizon zoekt binnen twee weken een gesloten plek/);
    await assertAccessible(page, 'minutes');
    await screenshot(page, 'minutes');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.banner').isVisible(), false, 'the printed minutes carry no menu');
    const pdf = path.join(WORK, 'minutes.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    assert.ok(fs.statSync(pdf).size > 5000, 'the minutes print to PDF');
    await page.emulateMedia({ media: 'screen' });

    await page.goto(`${base}/ui/#/cases/${story.noorCaseId}`);
    await page.getByRole('heading', { level: 1, name: 'Noor Jansen' }).waitFor();
    await page.getByRole('region', { name: 'Besproken op de Zorgtafel' }).getByText('JBRR vraagt een spoedmachtiging aan').waitFor();
    assert.equal(await page.locator('svg.timeline .tl-meeting').count(), 1, 'the meeting is on the timeline');
    assertNoProblems(page);
    await page.context().close();
  });

  test('match candidates are compared side by side, and rejected', async () => {
    const page = await openPage(browser);
    await logIn(page, base, PEOPLE.coordinator);
    await page.getByRole('link', { name: 'Matchkandidaten' }).click();
    await page.getByRole('heading', { name: 'Vergelijking' }).waitFor();
    const compare = page.locator('table.compare-table');
    assert.match(await compare.locator('tr', { hasText: 'Naam' }).textContent(), /verschilt/);
    assert.match(await compare.locator('tr', { hasText: 'Geboortedatum' }).textContent(), /gelijk/);
    await assertAccessible(page, 'match candidates');
    await screenshot(page, 'match-candidates');

    await page.getByRole('button', { name: 'Bevestigen: dezelfde jongere' }).click();
    await page.getByRole('alert').filter({ hasText: 'Weet u zeker' }).waitFor();
    await page.getByRole('button', { name: 'Annuleren' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Bevestigen: dezelfde jongere');
    await page.getByRole('button', { name: 'Afwijzen: verschillende jongeren' }).click();
    await page.getByText('Er zijn geen open matchkandidaten.').waitFor();
    assertNoProblems(page);
    await page.context().close();
  });

  test('the recurrence report draws a chart with the same numbers as a table', async () => {
    const page = await openPage(browser);
    await logIn(page, base, PEOPLE.coordinator);
    await page.getByRole('link', { name: 'Rapportages' }).click();
    await page.getByRole('img', { name: /Terugkeer per periode/ }).waitFor();
    const totals = await page.locator('.totals').textContent();
    assert.match(totals, /Afgesloten casussen\s*2/);
    assert.match(totals, /Teruggekeerd\s*1/);
    assert.match(totals, /50\s?%/);
    assert.equal(await page.locator('svg.chart .chart-closed').count(), 12 + 1, 'twelve months and the legend');
    await page.getByRole('link', { name: 'Lotte Smit' }).waitFor();
    await assertAccessible(page, 'reports');
    await screenshot(page, 'reports');
    assertNoProblems(page);
    await page.context().close();
  });

  test('a partner professional sees the own cases only, not another partner\'s case', async () => {
    const page = await openPage(browser);
    await logIn(page, base, PEOPLE.ggz);
    await page.getByRole('heading', { level: 1, name: 'Casussen' }).waitFor();
    await settled(page);
    const names = await page.locator('table.data-table tbody th').allTextContents();
    assert.ok(names.includes('Noor Jansen') && names.includes('Jara El Amrani'), 'the cases GGZ is involved in');
    assert.ok(!names.includes('Sem de Boer') && !names.includes('Yara el Amrani'), 'no case of MEE or JBRR alone');
    assert.equal(await page.getByRole('link', { name: 'Overleggen' }).count(), 0, 'no meeting mode for partners');
    assert.equal(await page.getByRole('link', { name: 'Partners' }).count(), 0);

    await page.goto(`${base}/ui/#/cases/${story.semCaseId}`);
    await page.getByRole('heading', { level: 1, name: 'Casus niet beschikbaar' }).waitFor();
    await settled(page);
    assert.doesNotMatch(await page.locator('main').textContent(), /Sem|Boer/);
    const direct = await page.evaluate(async (id) => (await fetch(`/api/v1/cases/${id}`, { headers: { 'X-Requested-With': 'zorgtafel-ui' } })).status, story.semCaseId);
    assert.equal(direct, 403, 'the API refuses it too, with the session cookie');
    const forged = await page.evaluate(async () => (await fetch('/api/v1/signals', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status);
    assert.equal(forged, 403, 'a change without the CSRF token is refused');
    await assertAccessible(page, 'no access');
    await screenshot(page, 'partner-no-access');

    await page.goto(`${base}/ui/#/meetings`);
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    await page.goto(`${base}/ui/#/cases/${story.noorCaseId}`);
    await page.getByRole('heading', { level: 1, name: 'Noor Jansen' }).waitFor();
    assert.equal(await page.getByText('Casus afsluiten').count(), 0, 'only the coordinator closes cases');
    assertNoProblems(page);
    await page.context().close();
  });

  test('the operator watches the adapters update live and offers dead letters again', async () => {
    const page = await openPage(browser);
    await logIn(page, base, PEOPLE.operator);
    await page.getByRole('heading', { level: 1, name: 'Partners en adapters' }).waitFor();
    const rows = page.locator('table.partners-table tbody tr');
    assert.equal(await rows.count(), 5);
    assert.equal(await rows.filter({ hasText: 'Actief' }).count(), 5, 'every adapter is active');
    const stamp = page.locator('.live-stamp');
    const first = await stamp.textContent();
    await page.waitForFunction((before) => document.querySelector('.live-stamp').textContent !== before, first, { timeout: 15_000 });

    // Horizon's notifications go to a closed port with one attempt: they become dead letters
    const letters = page.getByRole('button', { name: /onbestelbare berichten van Horizon tonen/ });
    await letters.waitFor({ timeout: 60_000 });
    await letters.click();
    const section = page.getByRole('region', { name: 'Onbestelbare berichten van Horizon' });
    await section.waitFor();
    assert.ok(await section.locator('tbody tr').count() >= 1);
    await assertAccessible(page, 'partners');
    await screenshot(page, 'partners');
    await section.getByRole('button', { name: 'Opnieuw aanbieden aan Horizon' }).click();
    await page.getByRole('status').filter({ hasText: /berichten worden opnieuw aangeboden aan Horizon/ }).waitFor();

    await page.goto(`${base}/ui/#/cases`);
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    assertNoProblems(page);
    await page.context().close();
  });

  test('with the keyboard only: log in, find the case, read its timeline, minute a case, make an agreement', async () => {
    const page = await openPage(browser);
    await page.goto(`${base}/`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();

    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'skip-link', 'the first Tab reaches "Naar de inhoud"');
    assert.ok((await page.locator('#skip-link').boundingBox()).y >= 0, 'and shows it');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');

    await tabTo(page, 'the user name', () => document.activeElement.name === 'username');
    await page.keyboard.type(PEOPLE.coordinator.name);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.name), 'password');
    await page.keyboard.type(PEOPLE.coordinator.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Casussen' }).waitFor();
    await page.waitForFunction(() => document.activeElement.tagName === 'H1', null, { timeout: 5000 });

    await tabTo(page, 'the link to Noor', () => document.activeElement.textContent === 'Noor Jansen');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused link shows where the focus is');
    await screenshot(page, 'keyboard-focus');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Noor Jansen' }).waitFor();
    await page.waitForFunction(() => document.activeElement.textContent === 'Noor Jansen', null, { timeout: 5000 });

    await tabTo(page, 'the table view', () => document.activeElement.tagName === 'SUMMARY'
      && document.activeElement.textContent.startsWith('Tijdlijn als tabel'));
    await page.keyboard.press('Enter');
    assert.ok(await page.locator('table.timeline-table').isVisible(), 'Enter opens the timeline as a table');

    // the table: open the meeting, minute Lotte's case and make an agreement, all by keyboard
    await page.goto(`${base}/ui/#/meetings`);
    await settled(page);
    await tabTo(page, 'the meeting', () => document.activeElement.textContent.startsWith('Overleg van'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Overleg van / }).waitFor();
    await settled(page);
    const inLotte = () => {
      const item = document.activeElement.closest('li.agenda-item');
      return Boolean(item && item.querySelector('h3').textContent === 'Lotte Smit');
    };
    await tabTo(page, "Lotte's minutes", `(${inLotte})() && document.activeElement.name === 'minutes'`);
    await page.keyboard.type('Terug bij MEE; zelfde oudere man. Wijkagent en MEE gaan samen op huisbezoek.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const lotte = page.locator('li.agenda-item').filter({ has: page.getByRole('heading', { name: 'Lotte Smit' }) });
    await lotte.getByRole('status').filter({ hasText: 'Opgeslagen om' }).waitFor();
    await tabTo(page, "Lotte's agreement form", `(${inLotte})() && document.activeElement.tagName === 'SUMMARY'`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.name), 'description');
    await page.keyboard.type('MEE plant het huisbezoek met de wijkagent');
    await page.keyboard.press('Tab');
    await page.keyboard.type('MEE');
    assert.equal(await page.evaluate(() => document.activeElement.value), 'mee', 'the owner is chosen by typing');
    // a date field's parts (day, month, year, in the browser's order) each take the arrow keys:
    // from empty, up gives 1 for day and month and this year, so twice up is 2 February next year
    await page.keyboard.press('Tab');
    for (let part = 0; part < 3; part += 1) {
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      if (part < 2) await page.keyboard.press('Tab');
    }
    const nextYear = Number(todayInAmsterdam().slice(0, 4)) + 1;
    assert.equal(await page.evaluate(() => document.activeElement.value), `${nextYear}-02-02`);
    await tabTo(page, 'the record button', () => document.activeElement.textContent === 'Afspraak vastleggen', 5);
    await page.keyboard.press('Enter');
    await lotte.locator('.item-agreements').getByText('MEE plant het huisbezoek met de wijkagent').waitFor();
    assertNoProblems(page);
    await page.context().close();
  });

  test('English on request, remembered, and Dutch again', async () => {
    const page = await openPage(browser);
    await logIn(page, base, PEOPLE.coordinator);
    await page.getByRole('heading', { level: 1, name: 'Casussen' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    await page.getByRole('link', { name: 'Noor Jansen' }).click();
    await page.getByRole('complementary', { name: 'Missed signals' }).waitFor();
    await screenshot(page, 'case-english');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('complementary', { name: 'Gemiste signalen' }).waitFor();
    assertNoProblems(page);
    await page.context().close();
  });

  test('a part the platform does not offer yet says so, in Dutch', async () => {
    const page = await openPage(browser);
    await page.route('**/api/v1/cases/*/missed-signals', (route) => route.fulfill({
      status: 404, contentType: 'application/problem+json', body: '{"title":"Not found","status":404}' }));
    await logIn(page, base, PEOPLE.coordinator);
    await page.goto(`${base}/ui/#/cases/${story.noorCaseId}`);
    const panel = page.getByRole('complementary', { name: 'Gemiste signalen' });
    await panel.getByText('Nog niet beschikbaar', { exact: true }).waitFor();
    assert.match(await panel.textContent(), /nog niet beschikbaar op dit platform/);
    await page.context().close();
  });

  test('logging out ends the session on the platform too', async () => {
    const page = await openPage(browser);
    await logIn(page, base, PEOPLE.coordinator);
    await page.getByRole('heading', { level: 1, name: 'Casussen' }).waitFor();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/v1/session', { headers: { 'X-Requested-With': 'zorgtafel-ui' } })).status);
    assert.equal(status, 401);
    await page.goto(`${base}/ui/#/cases/${story.noorCaseId}`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    assert.match(page.url(), /next=/, 'after logging in again the case opens');
    assertNoProblems(page);
    await page.context().close();
  });

  test('a partner\'s crisis signal alerts the coordinator on every page until the crisis team acknowledges it', async () => {
    const crisis = await signalFrom(platform, PEOPLE.mee, YASMIN, { urgency: 'crisis', category: 'prostitution',
      summary: 'Gezien in een auto bij een hotel in Rotterdam-West met een onbekende oudere man.', reference: 'MEE-UI-CRISIS-1' });
    await alertAbout(platform, crisis.caseId);

    const coordinator = await openPage(browser, { width: 1440 });
    await logIn(coordinator, base, PEOPLE.coordinator);
    const banner = coordinator.locator('#alerts');
    const alert = banner.getByRole('listitem').filter({ has: coordinator.locator(`a[href="#/cases/${crisis.caseId}"]`) });
    await alert.waitFor();
    assert.equal(await banner.getAttribute('role'), 'alert', 'read out at once');
    assert.match(await banner.textContent(), /1 crisis wacht op bevestiging door het crisisteam/, 'said in words, not by colour');
    assert.match(await alert.textContent(), /crisissignaal van MEE niet binnen de termijn bevestigd/);
    assert.doesNotMatch(await banner.textContent(), /Yasmin|Bakker|999990068/, 'the banner names no youth');
    await assertAccessible(coordinator, 'crisis alert');
    await screenshot(coordinator, 'crisis-alert');

    await coordinator.getByRole('link', { name: 'Overleggen' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Overleggen' }).waitFor();
    await alert.waitFor();
    await alert.getByRole('link', { name: 'Naar de casus' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Yasmin Bakker' }).waitFor();
    const path = coordinator.getByRole('region', { name: 'Crisispad' });
    const steps = path.locator('li.crisis-step');
    assert.equal(await steps.count(), 5);
    assert.match(await steps.nth(0).textContent(), /Crisis gemeld\s*Gedaan\s*Door MEE, vastgelegd op/);
    assert.match(await steps.nth(1).textContent(), /Crisisteam ingelicht/);
    assert.match(await steps.nth(2).textContent(), /Te laat.*Nog niet bevestigd.*De coördinator is op .* gewaarschuwd/);
    assert.equal(await path.getByRole('button', { name: 'Crisis bevestigen' }).count(), 1, 'the coordinator may acknowledge too');
    assert.doesNotMatch(await coordinator.locator('main').textContent(), /999990068/, 'never a BSN');
    await assertAccessible(coordinator, 'crisis path');
    await screenshot(coordinator, 'crisis-path');

    // the crisis team is not involved in the case yet, but was told of its crisis: it reads the case to act on it
    const team = await openPage(browser, { width: 1440 });
    await logIn(team, base, PEOPLE.jbrr);
    await team.goto(`${base}/ui/#/cases/${crisis.caseId}`);
    await team.getByRole('heading', { level: 1, name: 'Yasmin Bakker' }).waitFor();
    assert.doesNotMatch(await team.locator('main').textContent(), /999990068/, 'never a BSN');
    const offer = team.getByRole('region', { name: 'Crisispad' });
    await offer.getByRole('button', { name: 'Crisis bevestigen' }).click();
    await offer.getByRole('alert').filter({ hasText: 'Bevestigt u namens het crisisteam' }).waitFor();
    await offer.getByRole('button', { name: 'Annuleren' }).click();
    assert.equal(await team.evaluate(() => document.activeElement.textContent), 'Crisis bevestigen', 'cancel returns the focus');
    await offer.getByRole('button', { name: 'Crisis bevestigen' }).click();
    await assertAccessible(team, 'acknowledging a crisis');
    await screenshot(team, 'crisis-acknowledge');
    await offer.getByRole('button', { name: 'Ja, bevestigen' }).click();
    const teamPath = team.getByRole('region', { name: 'Crisispad' });
    // the page reads the case again once the platform took the acknowledgement
    await teamPath.locator('li.crisis-step').nth(2).filter({ hasText: 'Gedaan' }).waitFor();
    assert.match(await teamPath.locator('li.crisis-step').nth(2).textContent(),
      new RegExp(`Gedaan.*Bevestigd op .* door ${PEOPLE.jbrr.name}.*Daarvóór is de coördinator op .* gewaarschuwd`));
    assert.equal(await teamPath.getByRole('button', { name: 'Crisis bevestigen' }).count(), 0);
    await team.waitForFunction(() => document.activeElement.id === 'crisis-heading', null, { timeout: 5000 });

    // the coordinator's banner goes by itself at its next look (someone is at the screen)
    await coordinator.mouse.move(200, 300);
    await alert.waitFor({ state: 'detached', timeout: 45_000 });
    assert.equal(await banner.textContent(), '');
    assertNoProblems(coordinator);
    assertNoProblems(team);
    await coordinator.context().close();
    await team.context().close();
  });

  test('the privacy officer reads a case\'s audit trail, checks the chain, downloads an export and erases on a legal order', async () => {
    const page = await openPage(browser, { width: 1440 });
    await logIn(page, base, PEOPLE.privacy);
    await page.getByRole('heading', { level: 1, name: 'Privacy en audit' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Privacy', exact: true }).getAttribute('aria-current'), 'page');

    await page.getByLabel('Casus-id').fill(story.noorCaseId);
    await page.getByRole('button', { name: 'Auditlogboek tonen' }).click();
    const rows = page.locator('table.audit-table tbody tr');
    await rows.first().waitFor();
    assert.ok(await rows.count() >= 5, 'every read and change of the case');
    assert.ok(await rows.filter({ hasText: PEOPLE.mee.name }).filter({ hasText: 'Aanmaken' }).count() >= 1,
      "MEE's signals that made and fed Noor's case");
    assert.ok(await rows.filter({ hasText: PEOPLE.coordinator.name }).filter({ hasText: 'POST /cases/{id}/agreements' })
      .count() >= 1, "the coordinator's agreement, the endpoint as a template");
    assert.match(page.url(), new RegExp(`caseId=${story.noorCaseId}`), 'the case stays in the address');

    await page.getByRole('button', { name: 'Keten controleren' }).click();
    await page.getByRole('status').filter({ hasText: 'De keten is intact' }).waitFor();

    await page.getByRole('button', { name: `Jongere ${story.noorYouthId} kiezen voor inzage of wissen` }).click();
    assert.equal(await page.getByLabel('Jongere-id').inputValue(), story.noorYouthId);
    const [download] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('button', { name: 'Inzage downloaden' }).click()]);
    assert.match(download.suggestedFilename(), /^inzage-[A-Za-z0-9-]+-\d{4}-\d{2}-\d{2}\.json$/);
    const file = path.join(WORK, download.suggestedFilename());
    await download.saveAs(file);
    const text = fs.readFileSync(file, 'utf8');
    const exported = JSON.parse(text);
    assert.equal(exported.youth.givenName, 'Noor');
    assert.equal(exported.youth.bsnRecorded, true);
    assert.ok(exported.cases.length >= 1 && exported.accesses.length >= 1);
    assert.doesNotMatch(text, /999990019/, 'the BSN never leaves the platform');
    await page.getByRole('status').filter({ hasText: 'Gedownload als inzage-' }).waitFor();
    assert.doesNotMatch(await page.locator('main').textContent(), /999990019/);
    await assertAccessible(page, 'privacy officer');
    await screenshot(page, 'privacy');

    // erasure on a legal order: the order's reference is typed in the confirmation
    const fenna = await signalFrom(platform, PEOPLE.mee, FENNA, { urgency: 'normal', category: 'runaway',
      summary: 'Weggelopen na een ruzie thuis; na een dag terug.', reference: 'MEE-UI-ERASE-1' });
    await page.getByLabel('Jongere-id').fill('999990093');
    await page.getByRole('button', { name: 'Wissen…' }).click();
    await page.getByRole('alert').filter({ hasText: 'Dit lijkt een BSN' }).waitFor();
    await page.getByLabel('Jongere-id').fill(fenna.youthId);
    await page.getByLabel('Grondslag').fill('AVG art. 17; beschikking rechtbank Rotterdam');
    await page.getByRole('button', { name: 'Wissen…' }).click();
    const confirm = page.locator('form.confirm-step').filter({ hasText: 'definitief gewist' });
    await confirm.getByRole('alert').waitFor();
    await confirm.getByRole('button', { name: 'Definitief wissen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Vul nog in: Kenmerk van het bevel' }).waitFor();
    await confirm.getByLabel('Kenmerk van het bevel').fill('ROT-C/10/712345');
    await assertAccessible(page, 'erasure confirmation');
    assert.equal(await page.getByText('Vul nog in').count(), 0, 'typing the reference clears the fault');
    await screenshot(page, 'privacy-erase', { of: page.getByRole('region', { name: 'Eén jongere: inzage en wissen' }) });
    await confirm.getByRole('button', { name: 'Definitief wissen' }).click();
    await page.getByRole('status').filter({ hasText: `Gewist bij jongere ${fenna.youthId}: casussen 1` }).waitFor();


    await page.getByRole('button', { name: 'Bewaartermijn nu toepassen' }).click();
    await page.getByRole('button', { name: 'Ja, nu toepassen' }).click();
    await page.getByRole('status').filter({ hasText: /^Klaar\. Gewist: casussen \d+/ }).waitFor();
    assertNoProblems(page);
    await page.context().close();
  });

  test('no other role gets the privacy page: the platform\'s refusal is shown plainly', async () => {
    for (const person of [PEOPLE.coordinator, PEOPLE.operator]) {
      const page = await openPage(browser);
      await logIn(page, base, person);
      assert.equal(await page.getByRole('link', { name: 'Privacy', exact: true }).count(), 0, 'no menu item');
      await page.goto(`${base}/ui/#/privacy`);
      await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
      await page.getByRole('alert').filter({ hasText: 'Het platform weigert dit (HTTP 403).' }).waitFor();
      assert.equal(await page.getByLabel('Casus-id').count(), 0);
      const direct = await page.evaluate(async () => (await fetch('/api/v1/audit/verify', { headers: { 'X-Requested-With': 'zorgtafel-ui' } })).status);
      assert.equal(direct, 403, 'the API refuses it too');
      if (person === PEOPLE.coordinator) {
        await assertAccessible(page, 'privacy page refused');
        await screenshot(page, 'privacy-refused');
      }
      assertNoProblems(page);
      await page.context().close();
    }
  });

  test('with the keyboard only: the crisis team acknowledges a crisis, the privacy officer reads its trail', async () => {
    const crisis = await signalFrom(platform, PEOPLE.ggz, SARA, { urgency: 'crisis', category: 'loverboy',
      summary: 'Belt de behandelaar vanuit een onbekend adres; zegt dat ze niet weg mag.', reference: 'GGZ-UI-CRISIS-2' });
    const team = await openPage(browser);
    await logInByKeyboard(team, base, PEOPLE.jbrr);
    await team.goto(`${base}/ui/#/cases/${crisis.caseId}`);
    await team.getByRole('heading', { level: 1, name: 'Sara Visser' }).waitFor();
    await tabTo(team, 'the acknowledge button', () => document.activeElement.textContent === 'Crisis bevestigen');
    await team.keyboard.press('Enter');
    assert.equal(await team.evaluate(() => document.activeElement.textContent), 'Ja, bevestigen', 'the question takes the focus');
    await team.keyboard.press('Enter');
    await team.locator('li.crisis-step').nth(2).filter({ hasText: 'Gedaan' }).waitFor();
    await team.waitForFunction(() => document.activeElement.id === 'crisis-heading', null, { timeout: 5000 });
    assert.match(await team.locator('li.crisis-step').nth(2).textContent(), new RegExp(`door ${PEOPLE.jbrr.name}`));
    assertNoProblems(team);
    await team.context().close();

    const page = await openPage(browser);
    await logInByKeyboard(page, base, PEOPLE.privacy);
    await page.getByRole('heading', { level: 1, name: 'Privacy en audit' }).waitFor();
    await tabTo(page, 'the case id', () => document.activeElement.name === 'caseId');
    await page.keyboard.type(crisis.caseId);
    await page.keyboard.press('Enter');
    const rows = page.locator('table.audit-table tbody tr');
    await rows.filter({ hasText: 'POST /cases/{id}/crisis-acknowledgement' }).first().waitFor();
    await tabTo(page, 'choosing the youth', () => document.activeElement.textContent === 'Kiezen voor inzage of wissen');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.name), 'youthId');
    await tabTo(page, 'the export', () => document.activeElement.textContent === 'Inzage downloaden', 5);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.equal(JSON.parse(fs.readFileSync(await download.path(), 'utf8')).youth.givenName, 'Sara');
    await tabTo(page, 'the chain check', () => document.activeElement.textContent === 'Keten controleren');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'De keten is intact' }).waitFor();
    assertNoProblems(page);
    await page.context().close();
  });
});
