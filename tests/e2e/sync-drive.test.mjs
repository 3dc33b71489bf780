// Sync through Google Drive's hidden app folder (issue 20), against a fake
// of Google at the network boundary (tests/e2e/support/google.mjs: the
// token flow's consent page and the Drive v3 endpoints over one in-memory
// app folder). Each browser context is one device of one student. The dist
// is built with a test client id (scripts/test: DIST_GOOGLE); the main dist,
// built without one, must not offer Google at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distDir, mounted, useApp } from './support/app.mjs';
import { CLIENT_ID, SCOPE, fakeGoogle } from './support/google.mjs';
import { STUDY_KEY, savedStudy as stored, watchState } from './support/store.mjs';
import { CONNECTION_KEY, idle, syncState, synced } from './support/sync.mjs';
import { assertAccessible } from './support/axe.mjs';

const app = useApp({ dist: distDir('DIST_GOOGLE') });
const plain = useApp();

const LOCALE = 'en-US';
// On the catalogue's first page (newest first).
const LECTURE_7 = 'Q9cNkUPXUB8';
const TALK = 'fIoCxwVobEo';
const ML2025_1 = 'QLiKmca4kzI';


/**
 * Goes to the catalogue or the sync page through the app's own links (the
 * router, no reload): a reload would start a round of its own at start.
 */
async function within(page, where) {
  if (where === 'catalogue') {
    await page.locator('nav.site-nav a', { hasText: 'Lectures' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.locator('li.video-card').first().waitFor();
  } else {
    await page.locator('nav.site-nav a', { hasText: 'Backup' }).click();
    await page.getByRole('link', { name: 'Sync your study across devices' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/sync'));
  }
}

/** Runs `act`, then waits for the round it starts to end; resolves with where syncing stands. */
async function round(page, act) {
  await idle(page);
  // A mark of our own that only the app's next status replaces.
  await page.evaluate(() => (document.documentElement.dataset.sync = 'test-waiting'));
  await act();
  await page.waitForFunction(() => !['test-waiting', 'syncing'].includes(document.documentElement.dataset.sync));
  return syncState(page);
}

/** "Sync now" on the sync page; resolves with where syncing stands after that round. */
async function syncNow(page) {
  if (!new URL(page.url()).pathname.endsWith('/sync')) await within(page, 'sync');
  return round(page, () => page.getByRole('button', { name: 'Sync now' }).click());
}

/** Marks a lecture on the catalogue page; the round the edit starts a few seconds later is awaited. */
async function mark(page, id, state) {
  if (new URL(page.url()).pathname !== '/') await within(page, 'catalogue');
  return round(page, async () => {
    await page.locator(`li.video-card[data-video-id="${id}"] fieldset.watch-pill input[value="${state}"]`).check();
    await page.waitForFunction(
      ([id, state]) => document.querySelector(`li.video-card[data-video-id="${id}"] .watch-pill`)?.dataset.state === state,
      [id, state],
    );
  });
}

/**
 * A device: a browser profile of its own (Google faked in it, CSP
 * violations collected) with a tab on the sync page, connected through
 * the "Connect Google Drive" button unless `connect` is false.
 */
async function device(google, { connect = true } = {}) {
  const profile = await app.openBrowser({ locale: LOCALE });
  await google.install(profile.context);
  const violations = [];
  await profile.context.exposeBinding('__reportCspViolation', (_source, v) => violations.push(v));
  await profile.context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportCspViolation(`${e.effectiveDirective} ${e.blockedURI}`),
    ),
  );
  const { page, errors } = await profile.tab('sync');
  const handle = { ...profile, page, errors, violations };
  if (connect) await connectGoogle(handle);
  return handle;
}

/** Clicks "Connect Google Drive" (or "Reconnect"), through the fake consent page, back to the app. */
async function connectGoogle({ page }, button = 'Connect Google Drive') {
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/sync') && url.hash === '');
  await mounted(page);
  await synced(page);
}

const folderFile = (google, name) => JSON.parse(google.folder()[name]);
/**
 * The page's errors but Chromium's own line for a Drive answer the test
 * provoked (`status`: 401 expired, 403 rate limit, 503).
 */
const unexpected = (errors, ...statuses) =>
  errors.filter(
    (e) =>
      !statuses.some((status) =>
        e.startsWith(`console: Failed to load resource: the server responded with a status of ${status} `) &&
        e.includes('(https://www.googleapis.com/'),
      ),
  );
const kinds = (requests) => requests.map((r) => r.kind);

test('the Google option is offered only by a build with a client id', async () => {
  const without = await plain.open('sync', { locale: LOCALE });
  await without.page.getByRole('heading', { name: 'Sync', level: 1 }).waitFor();
  await without.page.getByLabel('remoteStorage address').waitFor();
  assert.equal(await without.page.locator('meta[name="shelf-google-client-id"]').count(), 0);
  assert.equal(await without.page.getByRole('button', { name: 'Connect Google Drive' }).count(), 0);
  assert.deepEqual(without.errors, []);
  await without.context.close();

  const google = fakeGoogle();
  const offered = await device(google, { connect: false });
  assert.equal(await offered.page.locator('meta[name="shelf-google-client-id"]').getAttribute('content'), CLIENT_ID);
  await offered.page.getByRole('button', { name: 'Connect Google Drive' }).waitFor();
  // Both ways to connect, side by side.
  await offered.page.getByLabel('remoteStorage address').waitFor();
  await assertAccessible(offered.page, 'sync page with the Google option, English');
  await offered.page.setViewportSize({ width: 390, height: 844 });
  await assertAccessible(offered.page, 'sync page with the Google option, phone');
  // The other language words it too.
  const zh = await app.open('sync');
  await zh.page.getByRole('button', { name: '連接 Google 雲端硬碟' }).waitFor();
  await assertAccessible(zh.page, 'sync page with the Google option, Chinese');
  await zh.context.close();
  assert.deepEqual(google.requests, [], 'nothing is asked of Google before the student connects');
  assert.deepEqual(offered.errors, []);
  await offered.context.close();
});

test("connecting: Google's consent page for the app folder only; the token leaves the address bar; the first round creates this device's file", async () => {
  const google = fakeGoogle();
  const a = await device(google);
  const [auth] = google.authorizations;
  assert.equal(auth.client_id, CLIENT_ID);
  assert.equal(auth.redirect_uri, app.url, 'back to the app base URL (registered by the deployer)');
  assert.equal(auth.response_type, 'token');
  assert.equal(auth.scope, SCOPE);
  assert.equal(auth.include_granted_scopes, 'true');
  assert.match(auth.state, /^[0-9a-f]{32}$/);
  // Back on the sync page, no token in the address bar or in history.
  assert.equal(a.page.url(), new URL('sync', app.url).href);
  assert.equal(await a.page.evaluate(() => location.hash), '');
  // Stored as the seam stores every backend (src/web/remote_folder.rs: externally tagged).
  const { googledrive: connection } = JSON.parse(await a.page.evaluate((k) => localStorage.getItem(k), CONNECTION_KEY));
  assert.equal(connection.token, 'ya29.fake-1');
  assert.ok(connection.expires_at_ms > Date.now() + 3_000_000, 'expires in about an hour');
  await a.page.getByText('Connected to Google Drive').waitFor();
  await a.page.locator('.sync-status', { hasText: /synced just now · 1 device/ }).waitFor();
  // One file, in the app folder, named for the devices folder.
  const names = Object.keys(google.folder());
  assert.equal(names.length, 1);
  assert.match(names[0], /^lecture-shelf-devices-[a-z0-9]{16}\.json$/);
  assert.equal(folderFile(google, names[0]).format, 'lecture-shelf-device');
  assert.deepEqual([...new Set(google.requests.map((r) => r.token))], ['ya29.fake-1']);
  assert.deepEqual(kinds(google.since(0)), ['list', 'list', 'create'], 'the listing, the look-up before the write, the create');
  assert.ok(google.requests.every((r) => !r.path.includes('ya29')), 'the token never in a URL');
  assert.deepEqual(a.violations, [], 'no CSP violation on the way');
  assert.deepEqual(a.errors, []);
  await a.context.close();
});

test('an edit on one device reaches the other; updates are PATCHes at the version seen; a quiescent round only lists', async () => {
  const google = fakeGoogle();
  const a = await device(google);
  const b = await device(google);
  await b.page.locator('.sync-status', { hasText: '2 devices' }).waitFor();
  assert.equal(Object.keys(google.folder()).length, 2);
  // A reads B's new file, so the edit's round below has nothing else to do.
  assert.equal(await syncNow(a.page), 'synced');

  const from = google.requests.length;
  assert.equal(await mark(a.page, LECTURE_7, 'watched'), 'synced', 'the edit syncs by itself after a quiet moment');
  const edit = google.since(from);
  assert.deepEqual(kinds(edit), ['list', 'list', 'update'], "listing, look-up, A's file updated (not created again)");
  assert.equal(await syncNow(b.page), 'synced');
  assert.equal(watchState(await stored(b.page), LECTURE_7), 'watched');
  await within(b.page, 'catalogue');
  await b.page.waitForFunction(
    (id) => document.querySelector(`li.video-card[data-video-id="${id}"] .watch-pill`)?.dataset.state === 'watched',
    LECTURE_7,
  );

  // Both up to date: a round each lists and neither downloads nor writes.
  await syncNow(a.page);
  await syncNow(b.page);
  const quiet = google.requests.length;
  assert.equal(await syncNow(a.page), 'synced');
  assert.equal(await syncNow(b.page), 'synced');
  assert.deepEqual(kinds(google.since(quiet)), ['list', 'list'], 'one listing per device, nothing else');
  assert.deepEqual([...a.violations, ...b.violations], []);
  assert.deepEqual([...a.errors, ...b.errors], []);
  await a.context.close();
  await b.context.close();
});

test('an expired token asks to reconnect with every local edit kept; reconnecting sends them', async () => {
  const google = fakeGoogle();
  const a = await device(google);
  const b = await device(google);
  const files = Object.keys(google.folder()).sort();
  google.expireTokens();
  assert.equal(await mark(a.page, TALK, 'in-progress'), 'reconnect');
  await within(a.page, 'sync');
  await a.page.locator('.sync-status', { hasText: 'reconnect needed' }).waitFor();
  await a.page.getByRole('button', { name: 'Reconnect' }).waitFor();
  assert.equal(await a.page.getByRole('button', { name: 'Sync now' }).count(), 0, 'no retry that cannot work');
  // Nothing lost: the edit is kept here, across a reload too.
  assert.equal(watchState(await stored(a.page), TALK), 'in-progress');
  await a.page.reload();
  await mounted(a.page);
  await a.page.locator('.sync-status', { hasText: 'reconnect needed' }).waitFor();
  assert.equal(watchState(await stored(a.page), TALK), 'in-progress');
  const refused = google.requests.filter((r) => r.status === 401);
  assert.ok(refused.length >= 1 && refused.every((r) => r.token === 'ya29.fake-1'));

  // The same flow again; the device keeps its identity (its file is updated, not another made).
  await connectGoogle(a, 'Reconnect');
  const { googledrive: connection } = JSON.parse(await a.page.evaluate((k) => localStorage.getItem(k), CONNECTION_KEY));
  assert.equal(connection.token, 'ya29.fake-3');
  assert.deepEqual(Object.keys(google.folder()).sort(), files, 'the same two device files');
  assert.equal(watchState(await stored(a.page), TALK), 'in-progress');
  // B's next round meets the expired token too; reconnected, it gets the edit.
  await b.page.reload();
  await mounted(b.page);
  await b.page.waitForFunction(() => document.documentElement.dataset.sync === 'reconnect');
  await connectGoogle(b, 'Reconnect');
  assert.equal(watchState(await stored(b.page), TALK), 'in-progress');
  assert.deepEqual(unexpected([...a.errors, ...b.errors], 401), []);
  await a.context.close();
  await b.context.close();
});

test('a 5xx or a rate limit shows one error line and asks for no reconnect; the next sync succeeds', async () => {
  const google = fakeGoogle();
  const a = await device(google);
  google.failNext(503);
  assert.equal(await mark(a.page, ML2025_1, 'watched'), 'failed');
  await within(a.page, 'sync');
  await a.page.locator('.sync-status', { hasText: 'sync failed: the server answered 503' }).waitFor();
  google.failNext(403);
  assert.equal(await syncNow(a.page), 'failed');
  await a.page.locator('.sync-status', { hasText: 'sync failed: the server answered 403' }).waitFor();
  assert.equal(watchState(await stored(a.page), ML2025_1), 'watched', 'the edit waits here');
  assert.equal(await syncNow(a.page), 'synced');
  const [file] = Object.values(google.folder()).map((body) => JSON.parse(body));
  assert.equal(watchState(file.study, ML2025_1), 'watched', 'and then reached Drive');
  assert.deepEqual(unexpected(a.errors, 503, 403), []);
  await a.context.close();
});

test('a return with a state this browser did not send connects nothing and asks Google nothing', async () => {
  const google = fakeGoogle();
  const a = await device(google, { connect: false });
  await a.page.goto(new URL('#access_token=ya29.forged&token_type=Bearer&expires_in=3599&state=0123', app.url).href);
  await mounted(a.page);
  assert.equal(a.page.url(), new URL('sync', app.url).href, 'the hash is gone at once');
  await a.page.getByText('That authorization did not start in this browser; nothing was connected.').waitFor();
  assert.equal(await a.page.evaluate((k) => localStorage.getItem(k), CONNECTION_KEY), null);
  await a.page.getByRole('button', { name: 'Connect Google Drive' }).waitFor();
  assert.deepEqual(google.requests, []);
  await a.context.close();
});
