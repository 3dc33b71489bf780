// Sync (issue 20) against a real remoteStorage server: armadietto on
// 127.0.0.1 over HTTPS (tests/e2e/support/remotestorage.mjs), started and
// stopped by this file. Each browser context is one device; tokens come
// from armadietto's OAuth form (once clicked through in the browser, else
// posted by the test) and reach the app through its real return URL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mounted, useApp } from './support/app.mjs';
import { serve } from './support/server.mjs';
import { chromiumArgs, startRemoteStorage } from './support/remotestorage.mjs';
import { STUDY_KEY, noteText, noteVersions, savedStudy as stored, watchState } from './support/store.mjs';
import { CONNECTION_KEY, idle, synced } from './support/sync.mjs';
import { assertAccessible } from './support/axe.mjs';

const rs = { server: null, starting: null };
// Chromium is launched trusting the server's certificate: the server starts first.
const started = () => (rs.starting ??= startRemoteStorage().then((server) => (rs.server = server)));
before(started);
after(async () => {
  await rs.server?.stop();
});
const app = useApp({ launchArgs: async () => chromiumArgs(await started()) });

const LOCALE = 'en-US';
// On the catalogue's first page (newest first).
const LECTURE_7 = 'Q9cNkUPXUB8';
const TALK = 'fIoCxwVobEo';
const ML2025_1 = 'QLiKmca4kzI';
const ML2025_2 = 'M2Yg1kwPpts';

let users = 0;
/** A fresh account on the server (each test its own folder). */
const newUser = () => rs.server.createUser(`student${++users}`);

const html = (page, name) => page.evaluate((name) => document.documentElement.dataset[name], name);
const visit = async (page, path, base = app.url) => {
  await page.goto(new URL(path, base).href);
  await mounted(page);
};

/**
 * Clicks "Sync now" on the sync page (visited first when elsewhere) and
 * resolves with where syncing stands after that round.
 */
async function syncNow(page, base = app.url) {
  if (!new URL(page.url()).pathname.endsWith('/sync')) await visit(page, 'sync', base);
  await idle(page);
  // A mark of our own that only the app's next status replaces.
  await page.evaluate(() => (document.documentElement.dataset.sync = 'test-waiting'));
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.waitForFunction(() => !['test-waiting', 'syncing'].includes(document.documentElement.dataset.sync));
  return html(page, 'sync');
}

/**
 * Starts connecting `user` on the sync page: the app looks the address up
 * (WebFinger) and leaves for armadietto's authorize page. Resolves with
 * that page's URL.
 */
async function leaveForAuthorize(page, user) {
  await page.getByLabel('remoteStorage address').fill(user.address);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.waitForURL((url) => url.href.startsWith(`${rs.server.origin}/oauth/${user.username}`));
  return new URL(page.url());
}

/**
 * Connects this device as `user`: the connect flow up to the authorize
 * page, a token granted through the form's POST, then the app's real return
 * URL. Resolves once the first round is done.
 */
async function connect(page, user) {
  const authorize = await leaveForAuthorize(page, user);
  const params = authorize.searchParams;
  const token = await rs.server.token(user, params.get('client_id'), params.get('redirect_uri'), params.get('state'));
  await page.goto(`${params.get('redirect_uri')}#access_token=${encodeURIComponent(token)}&token_type=bearer&state=${params.get('state')}`);
  await mounted(page);
  await synced(page);
  return authorize;
}

/** A device: a browser profile of its own with a tab on the sync page, connected as `user`. */
async function device(user, { seed } = {}) {
  const profile = await app.openBrowser({ locale: LOCALE });
  const { page, errors } = await profile.tab('sync');
  if (seed !== undefined) {
    await page.evaluate(([key, raw]) => localStorage.setItem(key, raw), [STUDY_KEY, seed]);
    await page.reload();
    await mounted(page);
  }
  if (user) await connect(page, user);
  return { ...profile, page, errors };
}

const mark = async (page, id, state, base = app.url) => {
  if (new URL(page.url()).pathname !== new URL(base).pathname) await visit(page, '', base);
  await page.locator(`li.video-card[data-video-id="${id}"] fieldset.watch-pill input[value="${state}"]`).check();
};

// CORS preflights (OPTIONS) are the browser's, cached for two hours; counted apart.
const storageRequests = (from) =>
  rs.server.requests.slice(from).filter((r) => r.path.startsWith('/storage/') && r.method !== 'OPTIONS');
const preflights = (from) => rs.server.requests.slice(from).filter((r) => r.method === 'OPTIONS');
/** Marks `data-sync` so that only the app's next status change replaces the mark. */
const expectRound = (page) => page.evaluate(() => (document.documentElement.dataset.sync = 'test-waiting'));
const puts = (from) => storageRequests(from).filter((r) => r.method === 'PUT');

test("connecting through armadietto's own OAuth form: the token leaves the address bar at once, the first round runs", async () => {
  const user = await newUser();
  const { page, context, errors } = await device(null);
  const authorize = await leaveForAuthorize(page, user);
  assert.equal(authorize.searchParams.get('scope'), 'lecture-shelf:rw');
  assert.equal(authorize.searchParams.get('response_type'), 'token');
  assert.equal(authorize.searchParams.get('client_id'), new URL(app.url).origin);
  assert.equal(authorize.searchParams.get('redirect_uri'), app.url);
  assert.match(authorize.searchParams.get('state'), /^[0-9a-f]{32}$/);
  // armadietto's page, as a student sees it.
  await page.getByLabel(/password/).fill(user.password);
  await page.getByRole('button', { name: 'Allow' }).click();
  await page.waitForURL((url) => url.href.startsWith(app.url));
  await mounted(page);
  // No hash, on the sync page; the token only in storage.
  assert.equal(page.url(), new URL('sync', app.url).href);
  assert.equal(await page.evaluate(() => location.hash), '');
  await synced(page);
  const { remotestorage: connection } = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), CONNECTION_KEY));
  assert.equal(connection.address, user.address);
  assert.equal(connection.href, `${rs.server.origin}/storage/${user.username}`);
  assert.ok(connection.token.length > 10);
  await page.getByText(`Connected to ${user.address}`).waitFor();
  await page.locator('.sync-status', { hasText: /synced just now · 1 device/ }).waitFor();
  // This device is listed first, under its default name.
  await page.locator('li.sync-device[data-this="true"] .this-device').waitFor();
  // Its file is on the server.
  assert.ok(
    rs.server.requests.some((r) => r.method === 'PUT' && r.path.startsWith(`/storage/${user.username}/lecture-shelf/devices/`) && r.status === 201),
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('an edit on one device appears on the other; a sync with nothing new writes nothing; an edit syncs by itself after a quiet moment', async () => {
  const user = await newUser();
  const a = await device(user);
  const b = await device(user);
  await b.page.locator('.sync-status', { hasText: '2 devices' }).waitFor();

  await visit(a.page, '');
  // The visit's own round (at start) first.
  await synced(a.page);
  const from = rs.server.requests.length;
  await expectRound(a.page);
  const edited = Date.now();
  await mark(a.page, LECTURE_7, 'watched');
  // No click: the edit syncs a few seconds later (src/sync.rs QUIET_MS).
  await synced(a.page);
  const autoAfter = Date.now() - edited;
  assert.ok(autoAfter >= 4000, `the round waited for a quiet moment (${autoAfter} ms)`);
  assert.equal(puts(from).length, 1, 'one PUT: this device file');
  assert.equal(await syncNow(b.page), 'synced');
  const converged = Date.now() - edited;
  assert.equal(watchState(await stored(b.page), LECTURE_7), 'watched');
  await visit(b.page, '');
  await b.page.waitForFunction(
    (id) => document.querySelector(`li.video-card[data-video-id="${id}"] .watch-pill`)?.dataset.state === 'watched',
    LECTURE_7,
  );
  console.log(`# converge: A's automatic round done ${autoAfter} ms after the edit (4 s quiet); on B after its "Sync now": ${converged} ms`);

  // Quiescent: both up to date, a round each lists and writes nothing.
  await syncNow(a.page);
  await syncNow(b.page);
  const quiet = rs.server.requests.length;
  assert.equal(await syncNow(a.page), 'synced');
  assert.equal(await syncNow(b.page), 'synced');
  const round = storageRequests(quiet);
  assert.deepEqual(puts(quiet), [], 'no PUT when nothing changed');
  assert.ok(round.every((r) => r.method === 'GET' && r.path.endsWith('/devices/')), `only listings: ${JSON.stringify(round)}`);
  assert.deepEqual([...a.errors, ...b.errors], []);
  await a.context.close();
  await b.context.close();
});

test('offline edits on both devices wait, then converge with every edit kept', async () => {
  const user = await newUser();
  const a = await device(user);
  const b = await device(user);
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  // The pages are already loaded: edits offline, then to the sync page inside the app.
  await mark(a.page, TALK, 'in-progress');
  await mark(b.page, ML2025_1, 'watched');
  for (const d of [a, b]) {
    await d.page.waitForFunction(() => document.documentElement.dataset.sync === 'offline');
    await d.page.evaluate((path) => {
      history.pushState(null, '', path);
      dispatchEvent(new PopStateEvent('popstate'));
    }, new URL('sync', app.url).pathname);
    await d.page.locator('.sync-status', { hasText: 'offline: will sync' }).waitFor();
  }
  const from = rs.server.requests.length;
  // Back online: each syncs by itself.
  await a.context.setOffline(false);
  await b.context.setOffline(false);
  await synced(a.page);
  await synced(b.page);
  assert.ok(puts(from).length >= 2, 'both uploaded their offline edits');
  await syncNow(a.page);
  await syncNow(b.page);
  for (const d of [a, b]) {
    const store = await stored(d.page);
    assert.equal(watchState(store, TALK), 'in-progress');
    assert.equal(watchState(store, ML2025_1), 'watched');
  }
  await a.context.close();
  await b.context.close();
});

// The assignment block of the ML 2025 first-lecture slides, as a student copies it (as in study.test.mjs).
const SLIDE_ASSIGNMENT = `下一次上課前 (3/07) 預習以下課程
生成式AI導論 2024
【生成式AI導論 2024】第0講：課程說明 (17:15 有茉莉蓮雷)
【生成式AI導論 2024】第1講：生成式AI是什麼？
https://www.youtube.com/playlist?list=PLJV_el3uVTsPz6CTopeRp2L2t4aL_Kgil
(至少看到第八講，能看完最好)`;

const entryIds = (page) => page.locator('ol.entries > li').evaluateAll((items) => items.map((li) => li.dataset.videoId));
const entryWatch = (page, id) => page.locator(`ol.entries > li[data-video-id="${id}"] fieldset.watch-pill`).getAttribute('data-state');

test('the slide assignment pasted on one device, then edited on both while apart, converges on both with every edit kept', async () => {
  const user = await newUser();
  const a = await device(user);
  const b = await device(user);
  await visit(a.page, 'playlists');
  await a.page.getByLabel(/Paste an assignment/).fill(SLIDE_ASSIGNMENT);
  await a.page.getByRole('button', { name: 'Preview' }).click();
  await a.page.locator('.assignment-preview').waitFor();
  await a.page.getByRole('button', { name: 'Create the playlist' }).click();
  await a.page.locator('a.open-created').click();
  await a.page.waitForURL(/\/playlists\/pl-/);
  const list = new URL(a.page.url()).pathname.slice(1);
  const lectures = await entryIds(a.page);
  assert.equal(lectures.length, 9, 'GenAI 2024 lectures 0 to 8');
  assert.equal(await syncNow(a.page), 'synced');
  assert.equal(await syncNow(b.page), 'synced');
  await visit(a.page, list);
  await visit(b.page, list);
  assert.deepEqual(await entryIds(b.page), lectures, 'the other device has the playlist');
  // Each visit's own round (at start) first: going offline under it would
  // fail its request mid-flight, which Chromium logs as a console error.
  await synced(a.page);
  await synced(b.page);

  // Apart (both offline, pages already loaded): each edits the same list.
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await a.page.locator('ol.entries > li').first().locator('.remove').click();
  await a.page.locator(`ol.entries > li[data-video-id="${lectures[1]}"] fieldset.watch-pill input[value="watched"]`).check();
  await b.page.locator(`ol.entries > li[data-video-id="${lectures[4]}"] .move-up`).click();
  await b.page.locator(`ol.entries > li[data-video-id="${lectures[2]}"] fieldset.watch-pill input[value="in-progress"]`).check();
  for (const d of [a, b]) await d.page.waitForFunction(() => document.documentElement.dataset.sync === 'offline');

  await a.context.setOffline(false);
  await b.context.setOffline(false);
  await synced(a.page);
  await synced(b.page);
  // Until both are quiet: each reads the other's last upload.
  for (const d of [a, b, a]) assert.equal(await syncNow(d.page), 'synced');
  const expected = [lectures[1], lectures[2], lectures[4], lectures[3], ...lectures.slice(5)];
  for (const d of [a, b]) {
    await visit(d.page, list);
    assert.deepEqual(await entryIds(d.page), expected, 'the removal on one and the move on the other both kept');
    assert.equal(await entryWatch(d.page, lectures[1]), 'watched');
    assert.equal(await entryWatch(d.page, lectures[2]), 'in-progress');
  }
  const from = rs.server.requests.length;
  for (const d of [a, b]) assert.equal(await syncNow(d.page), 'synced');
  assert.equal(puts(from).length, 0, 'converged: a further round writes nothing');
  assert.deepEqual([...a.errors, ...b.errors], []);
  await a.context.close();
  await b.context.close();
});

/** A schema-2 store (what an older release wrote) with `videos` watched and `notes` notes. */
function bigStore(videos, notes) {
  const ids = Array.from({ length: videos }, (_, i) => `v${String(i).padStart(10, '0')}`);
  const at = Date.now() - 86_400_000;
  const progress = Object.fromEntries(
    ids.map((id, i) => [id, i % 3 ? { state: 'watched', updated_at: at + i } : { state: 'in-progress', resume_secs: 60 + i, updated_at: at + i }]),
  );
  const noteMap = Object.fromEntries(ids.slice(0, notes).map((id, i) => [id, { text: `Note ${i}: 34:10 attention, see slide ${i}`, updated_at: at + i }]));
  return { ids, text: JSON.stringify({ schema: 2, progress, notes: noteMap, playlists: {} }) };
}

const bytes = (requests) => requests.reduce((sum, r) => sum + r.sent + r.received, 0);

test("448 lectures' progress and 50 notes sync; first and quiescent rounds measured", async () => {
  const user = await newUser();
  const { ids, text } = bigStore(448, 50);
  const first = rs.server.requests.length;
  const a = await device(user, { seed: text });
  const firstRound = storageRequests(first);
  const upload = puts(first);
  assert.equal(upload.length, 1);
  const bFrom = rs.server.requests.length;
  const b = await device(user);
  const bRound = storageRequests(bFrom);
  const store = await stored(b.page);
  assert.equal(ids.filter((id) => watchState(store, id) !== 'unwatched').length, 448);
  assert.equal(ids.filter((id) => noteText(store, id) !== '').length, 50);
  assert.equal(noteText(store, ids[7]), 'Note 7: 34:10 attention, see slide 7');

  await syncNow(a.page);
  const quiet = rs.server.requests.length;
  assert.equal(await syncNow(a.page), 'synced');
  const quietRound = storageRequests(quiet);
  assert.deepEqual(puts(quiet), []);
  const firstPreflights = preflights(first).length;
  console.log(
    `# first sync (448 progress + 50 notes): ${firstRound.length} requests (${firstRound.map((r) => r.method).join(' ')}), ` +
      `${bytes(firstRound)} body bytes (upload ${upload[0].sent} B); CORS preflights over both devices' connects: ${firstPreflights}`,
  );
  console.log(`# the other device's first sync: ${bRound.length} requests (${bRound.map((r) => r.method).join(' ')}), ${bytes(bRound)} body bytes`);
  console.log(`# quiescent sync: ${quietRound.length} requests (${quietRound.map((r) => r.method).join(' ')}), ${bytes(quietRound)} body bytes`);
  await a.context.close();
  await b.context.close();
});

test('a revoked token asks to reconnect, stops syncing and keeps every local edit; reconnecting uploads them', async () => {
  const user = await newUser();
  const a = await device(user);
  await rs.server.revokeAll(user.username);
  await mark(a.page, ML2025_2, 'watched');
  await visit(a.page, 'sync');
  await a.page.waitForFunction(() => document.documentElement.dataset.sync === 'reconnect');
  await a.page.locator('.sync-status', { hasText: 'reconnect needed' }).waitFor();
  await a.page.getByText('Every edit made here is kept').waitFor();
  assert.equal(watchState(await stored(a.page), ML2025_2), 'watched');
  // No more automatic rounds: a reload sends nothing.
  const from = rs.server.requests.length;
  await a.page.reload();
  await mounted(a.page);
  await a.page.getByRole('button', { name: 'Reconnect' }).waitFor();
  assert.deepEqual(storageRequests(from), []);
  assert.equal(watchState(await stored(a.page), ML2025_2), 'watched');
  // Reconnect (same address): a new token, the edit goes up.
  const authorize = await (async () => {
    await a.page.getByRole('button', { name: 'Reconnect' }).click();
    await a.page.waitForURL((url) => url.href.startsWith(`${rs.server.origin}/oauth/`));
    return new URL(a.page.url());
  })();
  const p = authorize.searchParams;
  const token = await rs.server.token(user, p.get('client_id'), p.get('redirect_uri'), p.get('state'));
  await a.page.goto(`${p.get('redirect_uri')}#access_token=${encodeURIComponent(token)}&token_type=bearer&state=${p.get('state')}`);
  await mounted(a.page);
  await synced(a.page);
  const b = await device(user);
  assert.equal(watchState(await stored(b.page), ML2025_2), 'watched');
  await a.context.close();
  await b.context.close();
});

test("a hostile file in the folder changes nothing; a device another forgets is disconnected, keeping its data", async () => {
  const user = await newUser();
  const a = await device(user);
  await mark(a.page, TALK, 'watched');
  assert.equal(await syncNow(a.page), 'synced');
  // Another client writes garbage and a huge file under device-file names.
  const token = await rs.server.token(user, 'https://other.example', 'https://other.example/');
  assert.equal(await rs.server.put(user.username, 'lecture-shelf/devices/zzzzzzzzzzzzzzzz.json', '{"format": not json', token), 201);
  assert.equal(await rs.server.put(user.username, 'lecture-shelf/devices/yyyyyyyyyyyyyyyy.json', JSON.stringify({ format: 'lecture-shelf-device', pad: 'x'.repeat(9 * 1024 * 1024) }), token), 201);
  assert.equal(await syncNow(a.page), 'synced');
  assert.equal(watchState(await stored(a.page), TALK), 'watched');
  // Said on the page, not only logged; and still said on the next round, which fetches neither again.
  await a.page.locator('.sync-status', { hasText: '2 device files could not be read' }).waitFor();
  assert.equal(await syncNow(a.page), 'synced');
  await a.page.locator('.sync-status', { hasText: '2 device files could not be read' }).waitFor();

  const b = await device(user);
  await mark(b.page, ML2025_1, 'watched');
  assert.equal(await syncNow(b.page), 'synced');
  assert.equal(await syncNow(a.page), 'synced');
  const bId = await b.page.locator('li.sync-device[data-this="true"]').getAttribute('data-device');
  await a.page.getByRole('button', { name: /^Forget/ }).and(a.page.locator(`li[data-device="${bId}"] button`)).click();
  assert.equal(await syncNow(a.page), 'synced');
  await a.page.locator(`li[data-device="${bId}"]`).waitFor({ state: 'detached' });
  // B learns it at its next round: disconnected, its data kept.
  await visit(b.page, 'sync');
  await b.page.getByText('Another device forgot this one').waitFor();
  assert.equal(await html(b.page, 'sync'), 'off');
  assert.equal(await b.page.evaluate((k) => localStorage.getItem(k), CONNECTION_KEY), null);
  assert.equal(watchState(await stored(b.page), ML2025_1), 'watched');
  assert.equal(watchState(await stored(b.page), TALK), 'watched');
  await a.context.close();
  await b.context.close();
});

async function writeNote(page, text) {
  await page.locator('#note-text').fill(text);
  await page.locator('#note-text').blur();
  await page.locator('.note-status [role="status"]', { hasText: 'Note saved' }).waitFor();
}

test('concurrent edits of one note on two devices keep both texts through sync', async () => {
  const user = await newUser();
  const a = await device(user);
  const b = await device(user);
  const LAPTOP = 'laptop: 12:34 supervised fine-tuning';
  const PHONE = '[phone: HW1 due 3/14]';
  await visit(a.page, `video/${LECTURE_7}`);
  await writeNote(a.page, 'shared note');
  assert.equal(await syncNow(a.page), 'synced');
  assert.equal(await syncNow(b.page), 'synced');
  assert.equal(noteText(await stored(b.page), LECTURE_7), 'shared note');
  // Each edits the note without having seen the other's edit (A offline meanwhile).
  await visit(a.page, `video/${LECTURE_7}`);
  await synced(a.page);
  await a.context.setOffline(true);
  await visit(b.page, `video/${LECTURE_7}`);
  await writeNote(b.page, PHONE);
  await writeNote(a.page, LAPTOP);
  await a.context.setOffline(false);
  assert.equal(await syncNow(b.page), 'synced');
  assert.equal(await syncNow(a.page), 'synced');
  assert.equal(await syncNow(b.page), 'synced');
  for (const d of [a, b]) assert.deepEqual(noteVersions(await stored(d.page), LECTURE_7).sort(), [LAPTOP, PHONE].sort());
  await visit(b.page, `video/${LECTURE_7}`);
  const versions = b.page.locator('.note-conflict .note-version');
  await versions.nth(1).waitFor();
  assert.deepEqual((await versions.locator('.note-text').allInnerTexts()).sort(), [LAPTOP, PHONE].sort());
  await a.context.close();
  await b.context.close();
});

test('the tab that is not syncing follows the one that is (storage events), sending nothing itself', async () => {
  const user = await newUser();
  const a = await device(user);
  const follower = await a.tab('');
  await idle(follower.page);
  const b = await device(user);
  await mark(b.page, LECTURE_7, 'in-progress');
  assert.equal(await syncNow(b.page), 'synced');
  const sent = [];
  follower.page.on('request', (r) => r.url().startsWith(rs.server.origin) && sent.push(r.url()));
  assert.equal(await syncNow(a.page), 'synced');
  await follower.page.waitForFunction(
    (id) => document.querySelector(`li.video-card[data-video-id="${id}"] .watch-pill`)?.dataset.state === 'in-progress',
    LECTURE_7,
  );
  assert.deepEqual(sent, [], 'the following tab made no request');
  assert.equal(await html(follower.page, 'sync'), 'synced', 'its status follows too');
  await a.context.close();
  await b.context.close();
});

test('connect errors are one line each; a return this browser did not start connects nothing and leaves no hash', async () => {
  const { page, context, errors } = await device(null);
  const error = page.locator('#sync-connect-error');
  await page.getByLabel('remoteStorage address').fill('student');
  await page.getByRole('button', { name: 'Connect' }).click();
  await error.filter({ hasText: 'Type the address as user@host.' }).waitFor();
  // Faked at the network boundary: a host without remoteStorage, a host without the account.
  await context.route('https://plain.example/.well-known/webfinger**', (route) =>
    route.fulfill({ contentType: 'application/jrd+json', headers: { 'access-control-allow-origin': '*' }, body: '{"links":[]}' }),
  );
  await context.route('https://nobody.example/.well-known/webfinger**', (route) =>
    route.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' }, body: '' }),
  );
  for (const [address, line] of [
    ['student@plain.example', 'plain.example is not a remoteStorage server.'],
    ['student@nobody.example', 'No such account at nobody.example.'],
    ['student@127.0.0.1:9', 'Could not reach 127.0.0.1:9: check the address and your connection.'],
  ]) {
    await page.getByLabel('remoteStorage address').fill(address);
    await page.getByRole('button', { name: 'Connect' }).click();
    await error.filter({ hasText: line }).waitFor();
  }
  // A forged return: no pending state in this browser.
  await page.goto(`${app.url}#access_token=stolen&token_type=bearer&state=0123`);
  await mounted(page);
  assert.equal(page.url(), new URL('sync', app.url).href);
  await error.filter({ hasText: 'did not start in this browser' }).waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), CONNECTION_KEY), null);
  assert.equal(await html(page, 'sync'), 'off');
  // Failed requests to unreachable hosts are the browser's console lines, not the app's.
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|webfinger/.test(e)), []);
  await context.close();
});

test('the sync page is accessible, in both languages, on a phone and a desktop', async () => {
  const user = await newUser();
  const a = await device(user);
  await device(user).then((b) => b.context.close());
  await syncNow(a.page);
  await a.page.locator('li.sync-device').nth(1).waitFor();
  await assertAccessible(a.page, 'sync page, connected, English');
  await a.page.setViewportSize({ width: 390, height: 844 });
  await assertAccessible(a.page, 'sync page, connected, phone');
  assert.ok(await a.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling on a phone');
  // Rename this device; forget the other.
  const mine = a.page.locator('li.sync-device[data-this="true"] input.device-name');
  await mine.fill('Laptop');
  await mine.press('Enter');
  await mine.blur();
  await a.page.getByRole('button', { name: /^Forget/ }).click();
  assert.equal(await syncNow(a.page), 'synced');
  await a.page.locator('li.sync-device').first().locator('input[value="Laptop"]').waitFor();
  assert.equal(await a.page.locator('li.sync-device').count(), 1);
  const zh = await app.openBrowser({ locale: 'zh-TW' });
  const { page } = await zh.tab('sync');
  await page.getByRole('heading', { name: '同步' }).waitFor();
  await assertAccessible(page, 'sync page, not connected, Chinese');
  await a.context.close();
  await zh.context.close();
});

test('works under a sub-path: the return comes to the base URL and leaves for /lecture-shelf/sync', async (t) => {
  const dist = process.env.DIST_SUBPATH;
  if (!dist) return t.skip('DIST_SUBPATH is not set');
  const server = await serve(dist, { base: '/lecture-shelf/' });
  try {
    const base = server.url;
    assert.ok(base.endsWith('/lecture-shelf/'));
    const user = await newUser();
    const profile = await app.openBrowser({ locale: LOCALE });
    const page = await profile.context.newPage();
    await visit(page, 'sync', base);
    const authorize = await connect(page, user);
    assert.equal(authorize.searchParams.get('redirect_uri'), base);
    assert.equal(page.url(), new URL('sync', base).href);
    await mark(page, LECTURE_7, 'watched', base);
    assert.equal(await syncNow(page, base), 'synced');
    const other = await device(user);
    assert.equal(watchState(await stored(other.page), LECTURE_7), 'watched');
    await profile.context.close();
    await other.context.close();
  } finally {
    await server.close();
  }
});
