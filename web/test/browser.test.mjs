// The web app in a real browser (Debian's Chromium through playwright-core) against the live local platform that
// WebAppIT starts: the @mention box, sign-in, tracked pages, team, dashboard, axe-core on every page, screenshots.
// Inputs (env): PULSE_WEB_URL, PULSE_WEB_FIXTURE (JSON: the pages and figures WebAppIT loaded), PULSE_WEB_TOKEN
// (the demo owner's token, for the API calls the test compares with), PULSE_WEB_SCREENSHOTS (a folder).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const base = process.env.PULSE_WEB_URL;
const fixture = JSON.parse(process.env.PULSE_WEB_FIXTURE || '{}');
const token = process.env.PULSE_WEB_TOKEN;
const shots = process.env.PULSE_WEB_SCREENSHOTS || 'target/web-screenshots';
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
mkdirSync(shots, { recursive: true });

let browser;
let context;
let page;
const problems = [];

async function fresh() {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1180, height: 820 } });
  page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  return page;
}

async function shot(name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/** axe-core on the page as it is; serious or critical violations fail the test. CSP stays on (evaluate bypasses it). */
async function axe(name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), [],
    `axe on ${name}`);
}

async function typeInComposer(text, delay = 25) {
  await page.locator('#composer').click();
  await page.keyboard.type(text, { delay });
}

async function suggestionsFor(query) {
  await page.waitForFunction((q) => document.querySelector('#composer')?.dataset.suggestionsFor === q, query);
  return page.locator('#composer ~ .suggest-popup [role=option]');
}

async function signIn() {
  await page.goto(`${base}/#/tracked`);
  await page.locator('#dev-signin').click();
  await page.locator('#tracked-list').waitFor();
}

async function apiGet(path) {
  const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200, path);
  return response.json();
}

before(async () => {
  browser = await chromium.launch({ executablePath: process.env.PULSE_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
});

after(async () => {
  await browser?.close();
});

test('typing @new yo shows the matching page first, with the prefix highlighted', async () => {
  await fresh();
  await page.goto(base);
  await typeInComposer('Great piece by @new yo');
  const options = await suggestionsFor('new yo');
  assert.equal(await options.first().getAttribute('data-page-id'), fixture.newYorkFirst.pageId);
  const first = options.first();
  assert.deepEqual(await first.locator('mark').allTextContents(), ['New Yo']);
  assert.match(await first.textContent(), new RegExp(`${fixture.newYorkFirst.fansText} fans`));
  assert.match(await first.textContent(), /\(verified\)/);
  assert.equal(await page.locator('#composer').getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('#composer').getAttribute('aria-activedescendant'), await first.getAttribute('id'));
  await shot('compose-suggestions');
  await axe('compose with suggestions open');
});

test('the keyboard picks the second suggestion and inserts it as a mention token', async () => {
  await fresh();
  await page.goto(base);
  await typeInComposer('Tonight: @new yo');
  const options = await suggestionsFor('new yo');
  const second = await options.nth(1).getAttribute('data-page-id');
  const secondName = (await options.nth(1).locator('.opt-name').textContent()).replace(' (verified)', '').replace('✔', '');
  await page.keyboard.press('ArrowDown');
  assert.equal(await options.nth(1).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Enter');
  assert.equal(second, fixture.newYorkSecond.pageId);
  assert.equal(await page.locator('#composer').inputValue(), `Tonight: ${fixture.newYorkSecond.name} `);
  assert.equal(secondName, fixture.newYorkSecond.name);
  assert.deepEqual(await page.locator('.chips .chip').allTextContents(), [`@${fixture.newYorkSecond.name}`]);
  assert.equal(await page.locator('.composer-backdrop mark.token').textContent(), fixture.newYorkSecond.name);
  assert.equal(await page.locator('#composer').getAttribute('aria-expanded'), 'false');
  // Escape closes an open list without touching the text; the mouse picks too.
  await page.keyboard.type(' and @star', { delay: 25 });
  await suggestionsFor('star');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#composer').getAttribute('aria-expanded'), 'false');
  assert.match(await page.locator('#composer').inputValue(), /and @star$/);
  await page.keyboard.type('b', { delay: 25 });
  const options2 = await suggestionsFor('starb');
  await options2.first().click();
  await page.getByRole('button', { name: 'Preview post' }).click();
  const post = JSON.parse(await page.locator('.preview').textContent());
  assert.deepEqual(post.message_tags.map((t) => t.id), [fixture.newYorkSecond.pageId, fixture.track.pageId]);
  assert.equal(post.message.slice(post.message_tags[0].offset, post.message_tags[0].offset + post.message_tags[0].length),
    fixture.newYorkSecond.name);
  await shot('compose-mention-inserted');
});

test('fast typing never shows a stale list, even when an older answer arrives last', async () => {
  await fresh();
  const slow = new Set(['n', 'ne']);
  let delayed = 0;
  await page.route('**/mentions?*', async (route) => {
    const q = new URL(route.request().url()).searchParams.get('q');
    const response = await route.fetch();
    if (slow.has(q)) {
      delayed += 1;
      await new Promise((r) => setTimeout(r, 1500));
    }
    await route.fulfill({ response }).catch(() => {}); // an aborted request has nobody to answer
  });
  await page.goto(base);
  await typeInComposer('@n', 0);
  await page.waitForTimeout(150); // past the debounce: the request for "n" is in flight, and slow
  await page.keyboard.type('e', { delay: 0 });
  await page.waitForTimeout(150);
  await page.keyboard.type('w yo', { delay: 10 });
  const options = await suggestionsFor('new yo');
  assert.equal(await options.first().getAttribute('data-page-id'), fixture.newYorkFirst.pageId);
  await page.waitForTimeout(2000); // every slow answer has come back (or was aborted) by now
  assert.ok(delayed >= 2, `the slow prefixes were asked (${delayed})`);
  assert.equal(await page.locator('#composer').getAttribute('data-suggestions-for'), 'new yo');
  assert.equal(await options.first().getAttribute('data-page-id'), fixture.newYorkFirst.pageId);
  const painted = await page.evaluate(() => performance.getEntriesByName('pulse:suggestions').map((e) => e.detail.query));
  assert.equal(painted.at(-1), 'new yo');
  assert.ok(!painted.includes('n') && !painted.includes('ne'), `stale lists painted: ${painted}`);
});

test('with the API down, suggestions are unavailable and typing still works', async () => {
  await fresh();
  await page.route('**/mentions?*', (route) => route.abort('connectionrefused'));
  await page.goto(base);
  await typeInComposer('Hello @sta');
  const note = page.locator('#composer ~ .suggest-note');
  await note.filter({ hasText: 'Suggestions unavailable' }).waitFor();
  await page.keyboard.type('rbucks is open', { delay: 10 });
  assert.equal(await page.locator('#composer').inputValue(), 'Hello @starbucks is open');
  assert.equal(await page.locator('#composer').getAttribute('aria-expanded'), 'false');
  await shot('compose-unavailable');
});

test('sign-in page, then tracked pages: add through the autocomplete, remove, and the list follows', async () => {
  await fresh();
  await page.goto(`${base}/#/tracked`);
  await page.locator('#dev-signin').waitFor();
  await shot('sign-in');
  await axe('sign-in');
  await page.locator('#dev-signin').click();
  await page.locator('#tracked-list').waitFor();
  await page.waitForFunction(() => !document.querySelector('#tracked-list').hasAttribute('aria-busy'));
  const before = (await apiGet('/accounts/me/tracked-pages?limit=100')).pages.map((p) => p.pageId);
  assert.match(await page.locator('#plan-usage').textContent(), new RegExp(`^${before.length} of ${fixture.limit} pages tracked on the ${fixture.plan} plan`));
  await page.locator('#track-search').click();
  await page.keyboard.type(fixture.track.query, { delay: 25 });
  await page.waitForFunction((q) => document.querySelector('#track-search')?.dataset.suggestionsFor === q, fixture.track.query);
  await page.locator(`.search-field [role=option][data-page-id="${fixture.track.pageId}"]`).click();
  const row = page.locator(`#tracked-list [data-page-id="${fixture.track.pageId}"]`);
  await row.waitFor();
  assert.match(await row.textContent(), new RegExp(`${fixture.track.fansText} fans`));
  const added = (await apiGet('/accounts/me/tracked-pages?limit=100')).pages.map((p) => p.pageId);
  assert.deepEqual(await page.locator('#tracked-list [data-page-id]').evaluateAll((rows) => rows.map((r) => r.dataset.pageId)), added);
  assert.ok(added.includes(fixture.track.pageId));
  assert.match(await page.locator('#plan-usage').textContent(), new RegExp(`^${added.length} of `));
  await shot('tracked-pages');
  await axe('tracked pages');
  await row.getByRole('button', { name: /^Remove / }).click();
  await row.waitFor({ state: 'detached' });
  const removed = (await apiGet('/accounts/me/tracked-pages?limit=100')).pages.map((p) => p.pageId);
  assert.deepEqual(removed, before);
  assert.deepEqual(await page.locator('#tracked-list [data-page-id]').evaluateAll((rows) => rows.map((r) => r.dataset.pageId)), removed);
});

test('team: members with roles; the owner invites and removes', async () => {
  await fresh();
  await signIn();
  await page.goto(`${base}/#/team`);
  await page.locator('#members').waitFor();
  assert.match(await page.locator(`#members [data-user-id="${fixture.owner}"]`).textContent(), /owner/);
  await page.locator('#invite-user').fill(fixture.invitee);
  await page.locator('#invite-role').selectOption('viewer');
  await page.getByRole('button', { name: 'Invite' }).click();
  const invited = page.locator(`#members [data-user-id="${fixture.invitee}"]`);
  await invited.waitFor();
  assert.match(await invited.textContent(), /viewer/);
  const members = (await apiGet('/accounts/me/members')).members.map((m) => m.userId).sort();
  assert.deepEqual(members, [fixture.owner, fixture.invitee].sort());
  await shot('team');
  await axe('team');
  await invited.getByRole('button', { name: `Remove ${fixture.invitee}` }).click();
  await page.locator(`#members [data-user-id="${fixture.invitee}"]`).waitFor({ state: 'detached' });
  assert.deepEqual((await apiGet('/accounts/me/members')).members.map((m) => m.userId), [fixture.owner]);
});

test('dashboard: loading state, charts, and numbers equal to the API\'s; the empty state', async () => {
  await fresh();
  await signIn();
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/accounts/me/dashboards/hour?*', async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(`${base}/#/dashboard`);
  await page.locator('.skeleton').filter({ hasText: 'Loading dashboard' }).waitFor();
  assert.equal(await page.locator('#dashboard').getAttribute('aria-busy'), 'true');
  await shot('dashboard-loading');
  release();
  await page.locator('#dashboard[data-state=ready]').waitFor();
  assert.equal(await page.locator('.chart canvas').count(), 2);
  const to = new Date();
  const from = new Date(to.getTime() - 48 * 3600e3);
  const iso = (d) => d.toISOString().replace(/\.\d+Z$/, 'Z');
  const data = await apiGet(`/accounts/me/dashboards/hour?from=${iso(from)}&to=${iso(to)}`);
  assert.equal(data.snapshots.length, fixture.snapshots);
  const total = (key) => data.snapshots.reduce((sum, s) => {
    const v = s.figures[key];
    return sum + (typeof v === 'object' ? v.total : v);
  }, 0);
  const shown = async (id) => Number(await page.locator(`#${id}`).getAttribute('data-value'));
  assert.equal(await shown('total-posts'), total('posts'));
  assert.equal(await shown('total-engagement'), total('engagement'));
  assert.equal(await shown('total-mentions'), total('mentions'));
  assert.equal(await shown('fans-change'), total('fansChange'));
  assert.equal(await page.locator('#total-posts').textContent(), total('posts').toLocaleString('en'));
  const best = data.snapshots.flatMap((s) => s.figures.topPosts).sort((a, b) => b.engagement - a.engagement)[0];
  assert.match(await page.locator('#top-posts li').first().textContent(), new RegExp(best.message));
  await shot('dashboard');
  await axe('dashboard');
  await page.getByRole('button', { name: 'Daily' }).click();
  await page.locator('#dash-empty').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Daily' }).getAttribute('aria-pressed'), 'true');
  await shot('dashboard-empty');
  await axe('dashboard (empty)');
});

test('no script error and no CSP violation on any page', () => {
  assert.deepEqual(problems, []);
});
