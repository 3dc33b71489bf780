// Limits held at the edges (issue 23): two tabs filling a list at its limit
// converge without a save loop on 1,000 shown and the other add waiting,
// shown once room is made, and lose nothing on reload; an import that
// would push a list past the limit says what it leaves out and keeps the
// list; the playlists page shows a page of rows at a time.
//
// Stores are seeded as schema 2 (what the previous release writes), built
// here from ids of the embedded catalogue; a playlist may repeat a video.
// Outcomes are read through the UI; storage writes are only counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mounted, useApp } from './support/app.mjs';

const STORE_KEY = 'lecture-shelf/study';
// crates/shelf-core/src/study/limits.rs: MAX_VIDEOS.
const MAX_VIDEOS = 1000;
// src/ui/study/playlists_page.rs: PAGE.
const PAGE = 50;
// How many writes of the study state two racing tabs may make in all: each
// tab's add, and a save again by each after hearing of the other's.
const MAX_WRITES = 6;
const DEADLINE = 10_000;
const DAY = 86_400_000;

const X = 'Q9cNkUPXUB8'; // 【生成式AI導論 2024】第7講
const Y = 'fIoCxwVobEo'; // a talk
const CATALOGUE = JSON.parse(readFileSync(new URL('../../catalogue/catalogue.json', import.meta.url), 'utf8'));
const IDS = CATALOGUE.videos.map((v) => v.id).filter((id) => id !== X && id !== Y);
/** `n` entries cycling through `ids` (repeats are allowed in playlists). */
const entries = (n, ids = IDS) => Array.from({ length: n }, (_, i) => ids[i % ids.length]);

// The playlists page and the playlist page.
const ROWS = '.playlist-list:not(.series-playlists) .playlist-row';
const ROW = (id) => `${ROWS}[data-playlist="${id}"]`;
const COUNT = (n) => new RegExp(`^${n.toLocaleString('en')} videos$|^${n} videos$`);
const SHOW_MORE = 'Show more';
const LISTS_FULL_NOTICE = '.store-notice[data-kind="lists-full"]';
const WAITING_NOTE = '.playlist-page .waiting-note';
const WAITING = (n) => `${n} video${n === 1 ? ' is' : 's are'} waiting: the list shows at most 1,000; remove some to make room.`;
// Video page: add to playlist.
const ADD_PANEL = '.add-to-playlist';
const ADDED = (name) => `Added to “${name}”.`;
const FULL = (name) => `“${name}” is full; nothing was added.`;
// Backup page.
const IMPORT_PREVIEW = '.import-preview';
const OVER_LIMIT = '.import-over-limit';

const app = useApp();

/** A schema-2 store (or, with `extra`, a backup file) holding `playlists`. */
const v2Json = (playlists, extra = {}) => JSON.stringify({ ...extra, schema: 2, progress: {}, notes: {}, playlists });
const list = (id, name, videos, at = Date.now() - DAY) => ({ id, name, videos, created_at: Date.now() - 2 * DAY, updated_at: at });

/**
 * A browser profile whose store holds `store`, counting in every tab the
 * writes of the study state (`__writes`) and the `storage` events about it.
 */
async function profile(store) {
  const shelf = await app.openBrowser({ locale: 'en' });
  shelf.context.setDefaultTimeout(DEADLINE);
  await shelf.context.addInitScript((key) => {
    window.__writes = 0;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (this === window.localStorage && k === key) window.__writes += 1;
      return setItem.call(this, k, v);
    };
  }, STORE_KEY);
  const page = await shelf.context.newPage();
  const blank = new URL('limits-seed', app.url).href;
  await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html>' }));
  await page.goto(blank);
  await page.evaluate(([key, raw]) => localStorage.setItem(key, raw), [STORE_KEY, store]);
  await page.close();
  return shelf;
}

const writes = (pages) => Promise.all(pages.map((p) => p.evaluate(() => window.__writes))).then((n) => n.reduce((a, b) => a + b, 0));

/** No save in flight in this tab's origin (saves run under a Web Lock). */
const settled = (page) =>
  page.waitForFunction(async () => {
    const { held, pending } = await navigator.locks.query();
    return held.length === 0 && pending.length === 0 && document.documentElement.dataset.save !== 'saving';
  });

/** Router navigation inside the running app; waits for the new page's title. */
async function inApp(page, path) {
  const before = await page.evaluate((href) => {
    const title = document.title;
    history.pushState(null, '', href);
    dispatchEvent(new PopStateEvent('popstate'));
    return title;
  }, new URL(path, app.url).pathname);
  await page.waitForFunction((before) => document.title !== before, before);
}

/** The playlists page row of `id` says it holds `n` videos. */
const rowCount = (page, id, n) => page.locator(`${ROW(id)} .muted`, { hasText: COUNT(n) }).waitFor();

async function addButtonFor(page, name) {
  const panel = page.locator(ADD_PANEL);
  await panel.getByLabel('Playlist', { exact: true }).locator('option:checked', { hasText: name }).waitFor({ state: 'attached' });
  return panel.getByRole('button', { name: 'Add', exact: true });
}

/** What the add panel said: 'added' or 'full'. */
async function addOutcome(page, name) {
  const status = page.locator(`${ADD_PANEL} [role="status"]`);
  await page.waitForFunction(
    ({ selector, texts }) => texts.includes(document.querySelector(selector)?.textContent),
    { selector: `${ADD_PANEL} [role="status"]`, texts: [ADDED(name), FULL(name)] },
  );
  return (await status.textContent()) === ADDED(name) ? 'added' : 'full';
}

test('two tabs adding to a list one short of the limit: 1,000 shown and the other waiting everywhere, a handful of writes, room shows it, nothing lost on reload', async () => {
  const shelf = await profile(v2Json({ full: list('full', 'Full', entries(MAX_VIDEOS - 1)) }));
  try {
    const a = await shelf.tab(`video/${X}`);
    const b = await shelf.tab(`video/${Y}`);
    const [addA, addB] = [await addButtonFor(a.page, 'Full'), await addButtonFor(b.page, 'Full')];
    await Promise.all([addA.click(), addB.click()]);
    const said = { [X]: await addOutcome(a.page, 'Full'), [Y]: await addOutcome(b.page, 'Full') };
    assert.ok(Object.values(said).includes('added'), `one add lands: ${JSON.stringify(said)}`);
    // A tab that heard of the other's add first refuses (the list is full);
    // two adds that raced are both kept, one shown and one waiting.
    const added = Object.values(said).filter((s) => s === 'added').length;
    const waiting = added - 1;

    // Until both tabs show the same list (the bound of the window)…
    await Promise.all([a.page, b.page].map((p) => inApp(p, 'playlists')));
    await rowCount(a.page, 'full', MAX_VIDEOS);
    await rowCount(b.page, 'full', MAX_VIDEOS);
    await settled(a.page);
    const soFar = await writes([a.page, b.page]);
    assert.ok(soFar <= MAX_WRITES, `${soFar} writes of the study state until both tabs agree (at most ${MAX_WRITES})`);

    // …and after: a third tab reads the store and a loop would show by now.
    const c = await shelf.tab('playlists');
    await rowCount(c.page, 'full', MAX_VIDEOS);
    await settled(c.page);
    const total = await writes([a.page, b.page, c.page]);
    assert.ok(total <= MAX_WRITES, `${total} writes in all once a third tab has read the list (at most ${MAX_WRITES})`);

    // One of the two videos is shown, the other (if added) waits, and the page says so.
    await inApp(c.page, 'playlists/full');
    await c.page.locator('ol.entries > li').nth(MAX_VIDEOS - 1).waitFor({ state: 'attached' });
    const shownOf = (page) => page.evaluate(([x, y]) => [x, y].filter((v) => document.querySelector(`ol.entries > li[data-video-id="${v}"]`)), [X, Y]);
    const kept = await shownOf(c.page);
    assert.equal(kept.length, 1, `exactly one of the racing videos is shown: ${kept}`);
    assert.equal(await c.page.locator('ol.entries > li').count(), MAX_VIDEOS);
    if (waiting) assert.equal(await c.page.locator(WAITING_NOTE).textContent(), WAITING(waiting));
    else assert.equal(await c.page.locator(WAITING_NOTE).count(), 0, 'nothing waits');
    for (const [video, tab] of [[X, a], [Y, b]]) {
      if (said[video] === 'added' && !kept.includes(video)) {
        await tab.page.locator(LISTS_FULL_NOTICE, { hasText: '“Full”' }).waitFor();
        assert.match(await tab.page.locator(LISTS_FULL_NOTICE).textContent(), /waiting/);
      }
    }

    for (const tab of [a, b]) {
      await tab.page.reload();
      await mounted(tab.page);
      await rowCount(tab.page, 'full', MAX_VIDEOS);
    }
    const fresh = await shelf.tab('playlists/full');
    await fresh.page.locator('ol.entries > li').nth(MAX_VIDEOS - 1).waitFor({ state: 'attached' });
    assert.deepEqual(await shownOf(fresh.page), kept, 'reload shows the same list');
    if (waiting) assert.equal(await fresh.page.locator(WAITING_NOTE).textContent(), WAITING(waiting), 'reload keeps the waiting entry');

    // Making room shows the waiting video, with nothing else to do.
    const first = fresh.page.locator('ol.entries > li').first();
    await first.locator('.remove').click();
    const room = ([x, y]) => [x, y].every((v) => document.querySelector(`ol.entries > li[data-video-id="${v}"]`));
    if (waiting) {
      await fresh.page.waitForFunction(room, [X, Y]);
      await fresh.page.locator(WAITING_NOTE).waitFor({ state: 'detached' });
      assert.equal(await fresh.page.locator('ol.entries > li').count(), MAX_VIDEOS);
      // Another open tab hears of the removal and shows it too.
      await c.page.waitForFunction(room, [X, Y]);
    } else {
      await fresh.page.locator('ol.entries > li').nth(MAX_VIDEOS - 1).waitFor({ state: 'detached' });
    }
    for (const tab of [a, b, c, fresh]) assert.deepEqual(tab.errors, [], 'no page logged an error');
  } finally {
    await shelf.context.close();
  }
});

test('an import that would push a list past the limit says what it leaves out, and reload keeps the list', async () => {
  // Disjoint halves of the catalogue, so the backup's 600 entries are all new here.
  const half = Math.floor(IDS.length / 2);
  const mine = entries(600, IDS.slice(0, half));
  const theirs = entries(600, IDS.slice(half));
  const shelf = await profile(v2Json({ q: list('q', 'Queue', mine) }));
  try {
    const { page, errors } = await shelf.tab('backup');
    const backup = v2Json({ q: list('q', 'Queue', theirs, Date.now() - DAY / 2) }, { kind: 'lecture-shelf-backup', exported_at: Date.now() });
    await page.getByLabel('Backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await page.locator(IMPORT_PREVIEW).waitFor();
    const said = page.locator(`${IMPORT_PREVIEW} ${OVER_LIMIT} li[data-playlist="q"]`);
    await said.waitFor();
    assert.equal(await said.textContent(), '“Queue” is full (at most 1000): 200 videos will not be added.');
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.locator(`.backup-import > ${OVER_LIMIT} li[data-playlist="q"]`, { hasText: '200 videos' }).waitFor();

    await inApp(page, 'playlists');
    await rowCount(page, 'q', MAX_VIDEOS);
    await settled(page);
    await page.reload();
    await mounted(page);
    await rowCount(page, 'q', MAX_VIDEOS);
    // Every entry stored before the import is still there.
    await inApp(page, 'playlists/q');
    await page.locator('ol.entries > li').nth(MAX_VIDEOS - 1).waitFor({ state: 'attached' });
    const shown = await page.evaluate(() => [...document.querySelectorAll('ol.entries > li')].map((li) => li.dataset.videoId));
    const count = (ids) => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map());
    const [had, has] = [count(mine), count(shown)];
    for (const [id, n] of had) assert.ok((has.get(id) ?? 0) >= n, `${id}: ${n} entries before the import, ${has.get(id) ?? 0} after`);
    assert.deepEqual(errors, [], 'no page logged an error');
  } finally {
    await shelf.context.close();
  }
});

test(`the playlists page shows ${PAGE} lists, then more on request`, async () => {
  const n = 2 * PAGE + 7;
  const lists = Object.fromEntries(
    Array.from({ length: n }, (_, i) => {
      const id = `l${String(i).padStart(4, '0')}`;
      return [id, { ...list(id, `List ${i}`, [IDS[i % IDS.length]]), created_at: Date.now() - 2 * DAY + i }];
    }),
  );
  const shelf = await profile(v2Json(lists));
  try {
    const { page, errors } = await shelf.tab('playlists');
    const rows = page.locator(ROWS);
    await page.locator(ROW('l0000')).waitFor();
    assert.equal(await rows.count(), PAGE);
    assert.equal(await page.locator('.playlists-shown').textContent(), `${PAGE} of ${n} playlists shown`);
    await page.getByRole('button', { name: SHOW_MORE }).click();
    await page.locator(ROW(`l${String(2 * PAGE - 1).padStart(4, '0')}`)).waitFor();
    assert.equal(await rows.count(), 2 * PAGE);
    await page.getByRole('button', { name: SHOW_MORE }).click();
    await page.locator(ROW(`l${String(n - 1).padStart(4, '0')}`)).waitFor();
    assert.equal(await rows.count(), n);
    assert.equal(await page.getByRole('button', { name: SHOW_MORE }).count(), 0, 'nothing more to show');
    assert.equal(await page.locator('.playlists-shown').textContent(), `${n} of ${n} playlists shown`);
    assert.deepEqual(errors, [], 'no page logged an error');
  } finally {
    await shelf.context.close();
  }
});
