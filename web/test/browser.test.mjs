// The web app in a real browser (Debian's Chromium through playwright-core) against the live local platform that
// WebAppIT starts: the @mention box, sign-in, tracked pages, team, dashboard, axe-core on every page, screenshots.
// Inputs (env): PULSE_WEB_URL, PULSE_WEB_FIXTURE (JSON: the pages and figures WebAppIT loaded), PULSE_WEB_TOKEN
// (the demo owner's token, for the API calls the test compares with), PULSE_WEB_SCREENSHOTS (a folder),
// PULSE_WEB_COGNITO_TOKEN (the access token the stand-in hosted UI hands out for the PKCE sign-in).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const base = process.env.PULSE_WEB_URL;
const fixture = JSON.parse(process.env.PULSE_WEB_FIXTURE || '{}');
const token = process.env.PULSE_WEB_TOKEN;
const shots = process.env.PULSE_WEB_SCREENSHOTS || 'target/web-screenshots';
const cognitoToken = process.env.PULSE_WEB_COGNITO_TOKEN;
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
  assert.equal(await shown('total-posts'), total('postCount'));
  assert.equal(await shown('total-engagement'), total('engagement'));
  assert.equal(await shown('total-mentions'), total('mentionCount'));
  assert.equal(await shown('fans-change'), total('fansChange'));
  assert.equal(await page.locator('#total-posts').textContent(), total('postCount').toLocaleString('en'));
  const best = data.snapshots.flatMap((s) => s.figures.topPosts).sort((a, b) => b.engagement - a.engagement)[0];
  assert.match(await page.locator('#top-posts li').first().textContent(), new RegExp(best.postId));
  await shot('dashboard');
  await axe('dashboard');
  await page.getByRole('button', { name: 'Daily' }).click();
  await page.locator('#dash-empty').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Daily' }).getAttribute('aria-pressed'), 'true');
  await shot('dashboard-empty');
  await axe('dashboard (empty)');
});

// ---- AWS sign-in: the Cognito hosted UI, authorization code + PKCE, against a stand-in authorization server ----------
// The app gets a config.json of mode cognito, as the CDK web stack writes one, whose hosted-UI domain is a path of the
// app's own origin: the local CSP (connect-src 'self') then allows the token call as CloudFront's allows the real
// domain, and the CSP stays on. The stand-in plays Cognito's /oauth2/authorize (a 302 back with code and state) and
// /oauth2/token (the code for an access token of the local key, only if SHA-256 of the verifier is the challenge).
const HOSTED_UI = '/_test-cognito';
const CLIENT_ID = 'pulse-web-test-client';

/** The stand-in hosted UI on this page; `tamperState`, `tokenStatus`, `tokenAbort`, `refuse` make it misbehave. */
async function hostedUi({ tamperState = false, tokenStatus = 200, tokenAbort = false, refuse = false } = {}) {
  const auth = {
    mode: 'cognito',
    domain: `${base}${HOSTED_UI}`,
    clientId: CLIENT_ID,
    redirectUri: `${base}/`,
    scopes: fixture.cognito.scopes.split(' '),
  };
  const seen = { authorize: [], token: [], problems: [] };
  const expect = (what, actual, wanted) => {
    if (actual !== wanted) seen.problems.push(`${what}: ${JSON.stringify(actual)}, wanted ${JSON.stringify(wanted)}`);
  };
  const issued = new Map(); // code -> { challenge, redirectUri }
  await page.route(`${base}/config.json`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', headers: { 'cache-control': 'no-cache' }, body: JSON.stringify({ apiBase: '', auth }) }));
  await page.route(`${base}${HOSTED_UI}/oauth2/authorize?*`, async (route) => {
    const q = new URL(route.request().url()).searchParams;
    seen.authorize.push(Object.fromEntries(q));
    expect('authorize method', route.request().method(), 'GET');
    expect('response_type', q.get('response_type'), 'code');
    expect('client_id', q.get('client_id'), CLIENT_ID);
    expect('redirect_uri', q.get('redirect_uri'), auth.redirectUri);
    expect('scope', q.get('scope'), fixture.cognito.scopes);
    expect('code_challenge_method', q.get('code_challenge_method'), 'S256');
    expect('code_challenge is 43 base64url characters', /^[A-Za-z0-9_-]{43}$/.test(q.get('code_challenge') || ''), true);
    expect('state is present', (q.get('state') || '').length >= 16, true);
    const back = new URL(q.get('redirect_uri'));
    if (refuse) {
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'The user cancelled');
    } else {
      const code = randomBytes(12).toString('hex');
      issued.set(code, { challenge: q.get('code_challenge'), redirectUri: q.get('redirect_uri') });
      back.searchParams.set('code', code);
    }
    back.searchParams.set('state', tamperState ? `${q.get('state')}x` : q.get('state'));
    await route.fulfill({ status: 302, headers: { location: back.toString() } });
  });
  await page.route(`${base}${HOSTED_UI}/oauth2/token`, async (route) => {
    const request = route.request();
    const form = new URLSearchParams(request.postData() || '');
    seen.token.push(Object.fromEntries(form));
    if (tokenAbort) return route.abort('connectionrefused');
    expect('token method', request.method(), 'POST');
    expect('token content-type', request.headers()['content-type'], 'application/x-www-form-urlencoded');
    expect('grant_type', form.get('grant_type'), 'authorization_code');
    expect('client_id (a public client: no secret)', form.get('client_id'), CLIENT_ID);
    expect('no client_secret', form.has('client_secret'), false);
    const grant = issued.get(form.get('code'));
    issued.delete(form.get('code')); // a code is good once
    expect('code was issued', Boolean(grant), true);
    expect('redirect_uri as authorized', form.get('redirect_uri'), grant?.redirectUri);
    const verifier = form.get('code_verifier') || '';
    expect('code_verifier is 43-128 unreserved characters', /^[A-Za-z0-9._~-]{43,128}$/.test(verifier), true);
    expect('BASE64URL(SHA256(code_verifier)) is the challenge', createHash('sha256').update(verifier).digest('base64url'), grant?.challenge);
    const ok = tokenStatus === 200 && seen.problems.length === 0;
    await route.fulfill(ok
      ? { status: 200, contentType: 'application/json', body: JSON.stringify({ access_token: cognitoToken, id_token: cognitoToken, token_type: 'Bearer', expires_in: 3600 }) }
      : { status: tokenStatus === 200 ? 400 : tokenStatus, contentType: 'application/json', body: JSON.stringify({ error: 'invalid_grant' }) });
  });
  return seen;
}

async function storage() {
  return page.evaluate(() => ({ token: sessionStorage.getItem('pulse.token'), pkce: sessionStorage.getItem('pulse.pkce') }));
}

/** From a signed-in-only route, presses the hosted UI's sign-in (the caller waits for what the app shows after). */
async function signInThroughHostedUi(hash) {
  await page.goto(`${base}/${hash}`);
  await page.locator('#cognito-signin').click();
}

test('AWS sign-in: the hosted UI with authorization code + PKCE signs the user in and returns to their page', async () => {
  await fresh();
  const seen = await hostedUi();
  const bearer = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname === '/accounts/me') bearer.push(r.headers().authorization); });
  await page.goto(`${base}/#/team`);
  await page.locator('#cognito-signin').waitFor();
  assert.equal(await page.locator('#dev-signin').count(), 0, 'no dev sign-in in AWS mode');
  await shot('sign-in-cognito');
  await axe('sign-in (cognito)');
  await page.locator('#cognito-signin').click();
  await page.locator('#team-title').waitFor();
  assert.deepEqual(seen.problems, []);
  assert.equal(seen.authorize.length, 1);
  assert.equal(seen.token.length, 1);
  assert.equal(seen.token[0].code_verifier.length, 43);
  // The code and state are gone from the URL, the user is back on the page they started from.
  assert.equal(page.url(), `${base}/#/team`);
  const kept = await storage();
  assert.equal(kept.pkce, null, 'the verifier is not kept');
  assert.equal(kept.token, cognitoToken);
  assert.equal(await page.locator('#who').textContent(), `Signed in as ${fixture.cognito.user} Sign out`);
  assert.equal(await page.locator('#team-title').textContent(), `Team of ${fixture.cognito.account}`);
  assert.match(await page.locator(`#members [data-user-id="${fixture.cognito.user}"]`).textContent(), /owner/);
  assert.ok(bearer.length >= 1 && bearer.every((h) => h === `Bearer ${cognitoToken}`), `GET /accounts/me with ${bearer}`);
  await shot('signed-in-cognito-pkce');
  await axe('signed in through the hosted UI');
});

test('AWS sign-in: a tampered state on the redirect is refused, and no token is asked for or kept', async () => {
  await fresh();
  const seen = await hostedUi({ tamperState: true });
  await signInThroughHostedUi('#/tracked');
  await page.locator('.error', { hasText: 'Sign-in was interrupted; try again.' }).waitFor();
  assert.deepEqual(seen.problems, []);
  assert.equal(seen.token.length, 0, 'no code exchange on a wrong state');
  assert.deepEqual(await storage(), { token: null, pkce: null });
  assert.equal(page.url(), `${base}/#/tracked`);
  assert.equal(await page.locator('#cognito-signin').count(), 1);
  assert.match(await page.locator('#who').textContent(), /^Sign in$/);
});

test('AWS sign-in: the token endpoint answering 400, unreachable, or the hosted UI refusing gives a failure message', async () => {
  await fresh();
  let seen = await hostedUi({ tokenStatus: 400 });
  await signInThroughHostedUi('#/dashboard');
  await page.locator('.error', { hasText: 'Sign-in failed (400).' }).waitFor();
  assert.equal(seen.token.length, 1);
  assert.deepEqual(seen.problems, []);
  assert.deepEqual(await storage(), { token: null, pkce: null });
  assert.equal(page.url(), `${base}/#/dashboard`);
  await shot('sign-in-cognito-failed');

  await fresh();
  seen = await hostedUi({ tokenAbort: true });
  await signInThroughHostedUi('#/team');
  await page.locator('.error', { hasText: 'the sign-in service cannot be reached' }).waitFor();
  assert.equal(seen.token.length, 1);
  assert.deepEqual(await storage(), { token: null, pkce: null });

  await fresh();
  seen = await hostedUi({ refuse: true });
  await signInThroughHostedUi('#/team');
  await page.locator('.error', { hasText: 'Sign-in was refused (The user cancelled).' }).waitFor();
  assert.equal(seen.token.length, 0);
  assert.deepEqual(await storage(), { token: null, pkce: null });
  assert.equal(page.url(), `${base}/#/team`);
});

test('no script error and no CSP violation on any page', () => {
  assert.deepEqual(problems, []);
});
