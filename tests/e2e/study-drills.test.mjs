// Drills for the study-state rewrite (Web Locks around saves, per-entry
// playlist merges, hybrid logical clocks, salvaging decode, undoable
// imports). Each drill acts like students do — two tabs of one browser,
// stored data from older builds, backups from other devices — and checks
// the outcome only through the UI, reloads and fresh pages, never through
// the stored JSON (its schema-3 internals are the rewrite's business).
// Stores are seeded as schema 2, the format the current release writes.
//
// DRILL_RUNS=10 repeats every drill ten times, each run with fresh browser
// contexts; a failure names the run (and the phase) that failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mounted, useApp } from './support/app.mjs';

// --- Everything the drills rely on in the UI, in one place -----------------
// Strings are the English UI's (the browser's language is English).
const LOCALE = 'en';
const STORE_KEY = 'lecture-shelf/study';
const UNREADABLE_PREFIX = 'lecture-shelf/unreadable/';
// The root element of whichever page the router shows.
const APP_PAGE = '#main > .page';
// Catalogue rows and their watch control (data-state unwatched | in-progress | watched),
// one radio per state.
const WATCH_PILL = (video) => `li.video-card[data-video-id="${video}"] .watch-pill`;
const WATCH_CHOICE = (video, state) => `${WATCH_PILL(video)} input[value="${state}"]`;
// Video page: add to playlist, note.
const ADD_PANEL = '.add-to-playlist';
const ADD_PICKER_LABEL = 'Playlist';
const ADD_BUTTON = 'Add';
const ADDED_STATUS = (name) => `Added to “${name}”.`;
const NOTE_LABEL = 'Note';
const NOTE_SAVED = 'Note saved.';
const NOTE_VIEW = '.note-view .note-text';
// Playlist page /playlists/<id>: its entries carry data-video-id.
const PLAYLIST_TITLE = 'h1#playlist-title';
const ENTRIES = 'ol.entries > li';
// Playlists page /playlists.
const PLAYLIST_ROW = (id) => `.playlist-list:not(.series-playlists) .playlist-row[data-playlist="${id}"]`;
const LIVE_PLAYLIST_ROWS = '.playlist-list:not(.series-playlists) .playlist-row';
const PLAYLIST_NAME = 'a.playlist-name';
const RENAME_LABEL = (name) => `Rename “${name}”`;
// Any name: the row may have been renamed by then.
const DELETE_BUTTON = /^Delete “/;
const UNDO_DELETE = '.undo-toast .undo';
// New in the rewrite: tab A's notice that the list it renamed was deleted elsewhere.
const GONE_NOTICE = '.playlist-gone';
const GONE_TEXT = 'deleted in another tab';
// Progress page /progress.
const OVERALL_TALLY = '.overall-progress .tally-text';
const TALLY_WATCHED = (n) => new RegExp(`^${n} of \\d+ watched`);
// Stored data that could (partly) not be read.
const SALVAGE_NOTICE = '.store-notice';
const SALVAGE_TEXT = /could not be read/i;
// Backup page /backup.
const BACKUP_FILE_LABEL = 'Backup file';
const IMPORT_PREVIEW = '.import-preview';
const APPLY_IMPORT = 'Apply import';
const IMPORT_DONE = 'Imported: your data was merged.';
const IMPORT_STATUS = '.backup-import [role="status"]';
// New in the rewrite: undoing the import just applied.
const UNDO_IMPORT = 'Undo import';

// --- The scenario's numbers -------------------------------------------------
const RUNS = Number(process.env.DRILL_RUNS ?? 1);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`DRILL_RUNS must be a whole number ≥ 1, not ${process.env.DRILL_RUNS}`);
// How long another tab's change may take to show up before it counts as lost.
const DEADLINE = 5000;
// A tab's main thread busy for this long; the other tab acts this far into it.
const BLOCK_MS = 1500;
const OTHER_TAB_AT_MS = 400;
// The blocked tab's own action is sent this far into the block, so that the
// browser delivers it as soon as the block ends (see prepareInput).
const QUEUED_AT_MS = 1300;
// Stamps that must not freeze an item: u64::MAX, and the last millisecond of 9999.
const U64_MAX = 18446744073709551615n;
const YEAR_9999 = 253402300799999n;

// Videos on the catalogue's first page (newest first), so their rows show there.
const X = 'Q9cNkUPXUB8'; // 【生成式AI導論 2024】第7講
const Y = 'fIoCxwVobEo'; // a talk
const ML2025_1 = 'QLiKmca4kzI';
const ML2025_2 = 'M2Yg1kwPpts';

const app = useApp();
const DAY = 86_400_000;
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// --- Running drills ---------------------------------------------------------

/**
 * One drill: `body({ profile })` runs RUNS times, each run with fresh
 * browser contexts from `profile(store?)`, closed afterwards. Every run
 * runs; the test fails listing each failed run (and how often each part,
 * see `parts`, failed). A run also fails when a page logged an error.
 */
function drill(name, body) {
  test(name, async () => {
    const failures = [];
    const partTally = {};
    for (let run = 1; run <= RUNS; run += 1) {
      const contexts = [];
      const errors = [];
      const profile = async (store, options) => {
        const shelf = await openProfile(store, options);
        contexts.push(shelf.context);
        const tab = async (path) => {
          const opened = await shelf.tab(path);
          errors.push(opened.errors);
          return opened;
        };
        return { ...shelf, tab };
      };
      try {
        await body({ profile });
        assert.deepEqual(errors.flat(), [], 'no page logged an error');
      } catch (error) {
        failures.push(`run ${run} of ${RUNS} failed: ${error.message}`);
        for (const part of error.failedParts ?? []) partTally[part] = (partTally[part] ?? 0) + 1;
      } finally {
        await Promise.all(contexts.map((context) => context.close()));
      }
    }
    if (failures.length > 0) {
      const tally = Object.entries(partTally).map(([part, n]) => `${part}: failed in ${n} of ${RUNS} runs`);
      assert.fail([`${failures.length} of ${RUNS} runs failed`, ...tally, ...failures].join('\n'));
    }
  });
}

/**
 * Runs every named part (phases of a race, independent checks) even when
 * an earlier one fails, then fails naming each part that did.
 */
async function parts(named) {
  const failed = [];
  for (const [name, part] of Object.entries(named)) {
    try {
      await part();
    } catch (error) {
      failed.push([name, error.message]);
    }
  }
  if (failed.length > 0) {
    const error = new assert.AssertionError({ message: failed.map(([name, m]) => `[${name}] ${m}`).join('\n') });
    error.failedParts = failed.map(([name]) => name);
    throw error;
  }
}

// --- Browsers, tabs and stored data -----------------------------------------

/**
 * A fresh English browser profile whose tabs share storage; `store` (raw
 * text) is put under the study key before any tab of the app opens.
 * `locks: false` hides the Web Locks API, as older browsers lack it: the app
 * must then converge through storage events and re-saves alone.
 */
async function openProfile(store, { locks = true } = {}) {
  const shelf = await app.openBrowser({ locale: LOCALE });
  if (!locks) {
    await shelf.context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'locks', { configurable: true, get: () => undefined }),
    );
  }
  // Outcomes are waited for with DEADLINE; nothing else should take long either.
  shelf.context.setDefaultTimeout(2 * DEADLINE);
  if (store !== undefined) {
    const page = await shelf.context.newPage();
    const blank = new URL('drill-seed', app.url).href;
    await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html>' }));
    await page.goto(blank);
    await page.evaluate(([key, raw]) => localStorage.setItem(key, raw), [STORE_KEY, store]);
    await page.close();
  }
  return shelf;
}

/**
 * The text of a schema-2 store (what the current release writes), or with
 * `extra` of a backup file. BigInt stamps are written as exact integers,
 * which JSON.stringify cannot do for u64::MAX.
 */
function v2Json({ progress = {}, notes = {}, playlists = {} }, extra = {}) {
  const text = JSON.stringify({ ...extra, schema: 2, progress, notes, playlists }, (_, value) =>
    typeof value === 'bigint' ? `bigint:${value}` : value,
  );
  return text.replace(/"bigint:(\d+)"/g, '$1');
}

/** A schema-2 backup file's text. */
const v2Backup = (state) => v2Json(state, { kind: 'lecture-shelf-backup', exported_at: Date.now() });

/** A stored schema-2 playlist. */
function playlist(id, name, { videos = [], at = Date.now() - DAY, deletedAt } = {}) {
  const stored = { id, name, videos, created_at: Date.now() - 2 * DAY, updated_at: at };
  if (deletedAt !== undefined) stored.deleted_at = deletedAt;
  return stored;
}

/**
 * Waits until no tab of the origin holds or waits for a Web Lock, i.e. no
 * save is in flight (the rewrite saves under `navigator.locks`); then a
 * reload tests what was stored, not how fast the reload came.
 */
const settled = (page) =>
  page.waitForFunction(async () => {
    // Without locks a save runs at once; the tab's own flag says when it is done.
    if (!navigator.locks) return document.documentElement.dataset.save !== 'saving';
    const { held, pending } = await navigator.locks.query();
    return held.length === 0 && pending.length === 0;
  });

/** Fails unless the tab has (or, with `locks: false`, lacks) Web Locks. */
async function locksAsAsked(page, { locks = true } = {}) {
  assert.equal(await page.evaluate(() => 'locks' in navigator && navigator.locks !== undefined), locks, 'Web Locks as the drill asks');
}

const reload = async (page) => {
  await settled(page);
  await page.reload();
  await mounted(page);
};

/**
 * Goes to another page of the app inside the running app (router
 * navigation, no reload), and waits for that page to replace the current
 * one. Already there: nothing to do. The router may patch the previous
 * page's elements in place (type-erased views of the same shape), so the
 * sign of the new page is its tab title, which every page sets when it
 * renders and no two of the drills' pages share.
 */
async function inApp(page, path) {
  const href = new URL(path, app.url).pathname;
  if (new URL(page.url()).pathname === href) return;
  const before = await page.evaluate(
    (href) => {
      const title = document.title;
      history.pushState(null, '', href);
      dispatchEvent(new PopStateEvent('popstate'));
      return title;
    },
    href,
  );
  await page.waitForFunction(
    ({ before, current }) => document.title !== before && document.querySelector(current),
    { before, current: APP_PAGE },
  );
}

// --- Racing -----------------------------------------------------------------

/** Keeps the page's main thread busy for `ms`; resolves when the block ends. */
const blockMainThread = (page, ms) =>
  page.evaluate((ms) => {
    const end = performance.now() + ms;
    while (performance.now() < end);
  }, ms);

/**
 * Real (trusted) input prepared in advance: `send()` sends all of it at
 * once, without the checks and round trips of Playwright's actions, so
 * input for two tabs lands in the same millisecond. Sent to a page whose
 * main thread is blocked, it is what a student clicking or typing in a
 * frozen tab does: Chromium hands it to the page the moment the block
 * ends, before tasks that queued up meanwhile (another tab's storage
 * events). Await what `send()` returns after the block.
 */
async function prepareInput(page, events) {
  const cdp = await page.context().newCDPSession(page);
  return () => Promise.all(events.map(([method, params]) => cdp.send(method, params)));
}

/** `prepareInput` for a left click in the middle of `locator` (measured now). */
async function prepareClick(page, locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2, button: 'left', clickCount: 1 };
  return prepareInput(page, [
    ['Input.dispatchMouseEvent', { type: 'mouseMoved', ...at, button: 'none' }],
    ['Input.dispatchMouseEvent', { type: 'mousePressed', ...at }],
    ['Input.dispatchMouseEvent', { type: 'mouseReleased', ...at }],
  ]);
}

/** `prepareInput` for a key press (Tab leaves the focused field, Enter submits it). */
const prepareKey = (page, key, keyCode) =>
  prepareInput(page, [
    ['Input.dispatchKeyEvent', { type: 'keyDown', key, code: key, windowsVirtualKeyCode: keyCode }],
    ['Input.dispatchKeyEvent', { type: 'keyUp', key, code: key, windowsVirtualKeyCode: keyCode }],
  ]);

/**
 * The blocked-tab race: `blocked`'s main thread is busy for BLOCK_MS;
 * OTHER_TAB_AT_MS into it `other()` acts in the other tab; the blocked
 * tab's own action (prepared with prepareInput) is handled as the block ends.
 */
async function raceWithBlockedTab(blocked, other, send) {
  const started = Date.now();
  const block = blockMainThread(blocked, BLOCK_MS);
  await delay(OTHER_TAB_AT_MS);
  await other();
  await delay(Math.max(0, QUEUED_AT_MS - (Date.now() - started)));
  const sent = send();
  await block;
  await sent;
}

// --- What tabs show ---------------------------------------------------------

/**
 * Waits until `condition` (run in the page) holds, or fails with `describe`
 * (also run in the page) saying what the tab shows instead.
 */
async function shows(page, what, condition, describe, arg) {
  try {
    await page.waitForFunction(condition, arg, { timeout: DEADLINE });
  } catch {
    const actual = await page.evaluate(describe, arg).catch((e) => `(unreadable: ${e.message})`);
    assert.fail(`${what}: after ${DEADLINE} ms the tab shows ${JSON.stringify(actual)}`);
  }
}

/** The playlist page of `id` lists (at least) `videos`, in any order. */
async function showsEntries(page, label, id, videos) {
  await inApp(page, `playlists/${id}`);
  await shows(
    page,
    `${label}: playlist ${id} should hold ${videos.join(' and ')}`,
    ({ entries, videos }) => {
      const ids = [...document.querySelectorAll(entries)].map((li) => li.dataset.videoId);
      return videos.every((v) => ids.includes(v));
    },
    ({ entries, title }) => ({
      title: document.querySelector(title)?.textContent ?? null,
      entries: [...document.querySelectorAll(entries)].map((li) => li.dataset.videoId),
    }),
    { entries: ENTRIES, title: PLAYLIST_TITLE, videos },
  );
}

/** The catalogue row of `video` shows the watch state `state`. */
async function showsWatch(page, label, video, state) {
  await inApp(page, '');
  await shows(
    page,
    `${label}: ${video} should be ${state}`,
    ({ selector, state }) => document.querySelector(selector)?.dataset.state === state,
    ({ selector }) => document.querySelector(selector)?.dataset.state ?? 'no watch control',
    { selector: WATCH_PILL(video), state },
  );
}

/** The video page of `video` shows the saved note `text` ('' for none). */
async function showsNote(page, label, video, text) {
  await inApp(page, `video/${video}`);
  await shows(
    page,
    `${label}: the note on ${video} should be ${JSON.stringify(text)}`,
    ({ view, text }) => (document.querySelector(view)?.textContent ?? '') === text,
    ({ view }) => document.querySelector(view)?.textContent ?? '(no note)',
    { view: NOTE_VIEW, text },
  );
}

/** The playlists page lists `id` (named `name`, if given), or not at all when `live` is false. */
async function showsPlaylist(page, label, id, { live = true, name } = {}) {
  await inApp(page, 'playlists');
  await shows(
    page,
    `${label}: playlist ${id} should ${live ? `be listed${name ? ` as ${JSON.stringify(name)}` : ''}` : 'not be listed'}`,
    ({ row, nameSel, live, name }) => {
      const found = document.querySelector(row);
      if (!live) return !found;
      return !!found && (name === undefined || found.querySelector(nameSel)?.textContent === name);
    },
    ({ rows, nameSel }) =>
      [...document.querySelectorAll(rows)].map((r) => `${r.dataset.playlist}: ${r.querySelector(nameSel)?.textContent}`),
    { row: PLAYLIST_ROW(id), rows: LIVE_PLAYLIST_ROWS, nameSel: PLAYLIST_NAME, live, name },
  );
}

// --- Acting -----------------------------------------------------------------

/** The video page's add-to-playlist control, with `name` chosen: its Add button. */
async function addButtonFor(page, name) {
  const panel = page.locator(ADD_PANEL);
  await panel
    .getByLabel(ADD_PICKER_LABEL, { exact: true })
    .locator('option:checked', { hasText: name })
    .waitFor({ state: 'attached' });
  return panel.getByRole('button', { name: ADD_BUTTON, exact: true });
}

/** Waits for the video page to confirm an add to `name`. */
const confirmedAdd = (page, name) =>
  page.locator(`${ADD_PANEL} [role="status"]`, { hasText: ADDED_STATUS(name) }).waitFor({ timeout: DEADLINE });

/** Renames playlist `id` (shown as `from`) on the playlists page; Enter saves. */
async function rename(page, id, from, to) {
  const row = page.locator(PLAYLIST_ROW(id));
  await row.getByRole('button', { name: RENAME_LABEL(from) }).click();
  await row.getByRole('textbox', { name: RENAME_LABEL(from) }).fill(to);
  await page.keyboard.press('Enter');
  await row.getByRole('textbox').waitFor({ state: 'detached', timeout: DEADLINE });
}

/** Types a note on the video page (its debounced save starts); `leave` saves now. */
async function typeNote(page, text) {
  await page.getByLabel(NOTE_LABEL, { exact: true }).fill(text);
}
const leaveNote = (page) => page.getByLabel(NOTE_LABEL, { exact: true }).blur();

/** Chooses a backup file on the backup page and waits for its preview. */
async function previewImport(page, text) {
  await page
    .getByLabel(BACKUP_FILE_LABEL)
    .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const preview = page.locator(IMPORT_PREVIEW);
  await preview.waitFor({ timeout: DEADLINE });
  return preview;
}

async function applyImport(page) {
  await page.getByRole('button', { name: APPLY_IMPORT }).click();
  await page.locator(IMPORT_STATUS, { hasText: IMPORT_DONE }).waitFor({ timeout: DEADLINE });
}

// --- The drills -------------------------------------------------------------

drill('1. concurrent adds to one playlist keep both videos', async ({ profile }) => {
  const DRILL = 'pl-drill';
  const store = v2Json({ playlists: { [DRILL]: playlist(DRILL, 'Drill') } });

  /** Tab A on X's page, tab B on Y's page; `race` clicks both Add buttons; both must land everywhere. */
  const addRace = (race, options) => async () => {
    const shelf = await profile(store, options);
    const a = await shelf.tab(`video/${X}`);
    const b = await shelf.tab(`video/${Y}`);
    await locksAsAsked(a.page, options);
    const addA = await addButtonFor(a.page, 'Drill');
    const addB = await addButtonFor(b.page, 'Drill');
    await race({ a: a.page, b: b.page, addA, addB });
    await confirmedAdd(a.page, 'Drill');
    await confirmedAdd(b.page, 'Drill');
    await showsEntries(a.page, 'tab A', DRILL, [X, Y]);
    await showsEntries(b.page, 'tab B', DRILL, [X, Y]);
    await reload(a.page);
    await showsEntries(a.page, 'tab A after reload', DRILL, [X, Y]);
    await reload(b.page);
    await showsEntries(b.page, 'tab B after reload', DRILL, [X, Y]);
    const fresh = await shelf.tab(`playlists/${DRILL}`);
    await showsEntries(fresh.page, 'a fresh tab', DRILL, [X, Y]);
  };

  await parts({
    '(a) same moment': addRace(({ addA, addB }) => Promise.all([addA.click(), addB.click()])),
    '(b) 5 ms apart': addRace(({ addA, addB }) => Promise.all([addA.click(), delay(5).then(() => addB.click())])),
    '(c) tab A blocked 1.5 s': addRace(async ({ a, addA, addB }) => {
      const clickA = await prepareClick(a, addA);
      await raceWithBlockedTab(a, () => addB.click(), clickA);
    }),
    '(d) same moment, no Web Locks': addRace(({ addA, addB }) => Promise.all([addA.click(), addB.click()]), { locks: false }),
    '(e) tab A blocked 1.5 s, no Web Locks': addRace(async ({ a, addA, addB }) => {
      const clickA = await prepareClick(a, addA);
      await raceWithBlockedTab(a, () => addB.click(), clickA);
    }, { locks: false }),
  });
});

drill('2. a watch mark in one tab and a note in another both survive', async ({ profile }) => {
  // X starts in progress; one click on its "watched" choice marks it watched.
  const store = v2Json({ progress: { [X]: { state: 'in-progress', updated_at: Date.now() - DAY } } });
  const NOTE = 'Drill note, see 12:34';

  /** Tab A on the catalogue, tab B on Y's page with the note typed; `race` marks X and saves the note. */
  const markAndNote = (race, options) => async () => {
    const shelf = await profile(store, options);
    const a = await shelf.tab('');
    const b = await shelf.tab(`video/${Y}`);
    await locksAsAsked(b.page, options);
    const toggle = a.page.locator(WATCH_CHOICE(X, 'watched'));
    assert.equal(await a.page.locator(WATCH_PILL(X)).getAttribute('data-state'), 'in-progress', 'the seeded store was read');
    await typeNote(b.page, NOTE);
    await race({ a: a.page, b: b.page, toggle });
    await b.page.getByRole('status').filter({ hasText: NOTE_SAVED }).waitFor({ timeout: DEADLINE });
    const both = async (page, label) => {
      await showsWatch(page, label, X, 'watched');
      await showsNote(page, label, Y, NOTE);
    };
    await both(a.page, 'tab A');
    await both(b.page, 'tab B');
    await reload(a.page);
    await both(a.page, 'tab A after reload');
    await reload(b.page);
    await both(b.page, 'tab B after reload');
    await both((await shelf.tab('')).page, 'a fresh tab');
  };

  await parts({
    // Real input for both tabs sent in the same millisecond (Playwright's own
    // actions would land some 10 ms apart).
    '(a) same moment': markAndNote(async ({ a, b, toggle }) => {
      const clickA = await prepareClick(a, toggle);
      const tabOut = await prepareKey(b, 'Tab', 9);
      await Promise.all([clickA(), tabOut()]);
    }),
    '(b) tab B blocked 1.5 s': markAndNote(async ({ b, toggle }) => {
      const tabOut = await prepareKey(b, 'Tab', 9);
      await raceWithBlockedTab(b, () => toggle.click(), tabOut);
    }),
    '(c) same moment, no Web Locks': markAndNote(async ({ a, b, toggle }) => {
      const clickA = await prepareClick(a, toggle);
      const tabOut = await prepareKey(b, 'Tab', 9);
      await Promise.all([clickA(), tabOut()]);
    }, { locks: false }),
  });
});

drill('3. a delete wins over a concurrent rename, and the renaming tab is told', async ({ profile }) => {
  const DRILL = 'pl-drill';
  const TYPED = 'Drill renamed in tab A';
  const shelf = await profile(v2Json({ playlists: { [DRILL]: playlist(DRILL, 'Drill') } }));
  const a = await shelf.tab('playlists');
  const b = await shelf.tab('playlists');
  const rowA = a.page.locator(PLAYLIST_ROW(DRILL));
  await rowA.getByRole('button', { name: RENAME_LABEL('Drill') }).click();
  await rowA.getByRole('textbox', { name: RENAME_LABEL('Drill') }).fill(TYPED);
  const remove = b.page.locator(PLAYLIST_ROW(DRILL)).getByRole('button', { name: DELETE_BUTTON });
  // Both sent in the same millisecond: neither tab has seen the other's change.
  const enterA = await prepareKey(a.page, 'Enter', 13);
  const clickB = await prepareClick(b.page, remove);
  await Promise.all([enterA(), clickB()]);

  await showsPlaylist(b.page, 'tab B (deleted it)', DRILL, { live: false });
  await showsPlaylist(a.page, 'tab A (renamed it)', DRILL, { live: false });
  const fresh = await shelf.tab('playlists');
  await showsPlaylist(fresh.page, 'a fresh tab', DRILL, { live: false });
  await showsPlaylist(a.page, 'tab A, still', DRILL, { live: false });
  await showsPlaylist(b.page, 'tab B, still', DRILL, { live: false });

  const gone = a.page.locator(GONE_NOTICE).filter({ hasText: TYPED }).filter({ hasText: GONE_TEXT });
  await gone.waitFor({ timeout: DEADLINE }).catch(() => {
    assert.fail(`tab A shows no ${GONE_NOTICE} naming ${JSON.stringify(TYPED)} and saying "${GONE_TEXT}"`);
  });

  // The deleting tab's own undo (offered today as a toast) brings it back everywhere.
  const undo = b.page.locator(UNDO_DELETE);
  if ((await undo.count()) > 0) {
    await undo.click();
    await showsPlaylist(b.page, 'tab B after undo', DRILL);
    await showsPlaylist(a.page, 'tab A after undo in B', DRILL);
    await showsPlaylist((await shelf.tab('playlists')).page, 'a fresh tab after undo', DRILL);
  }
});

drill('4. stamps from a broken clock or file do not freeze items', async ({ profile }) => {
  const FROZEN = 'pl-frozen';
  // New names sort before the old ones: a tie on a frozen stamp must not decide.
  const store = v2Json({
    progress: { [X]: { state: 'watched', updated_at: U64_MAX } },
    notes: { [Y]: { text: 'Zz note from the year 9999', updated_at: YEAR_9999 } },
    playlists: { [FROZEN]: playlist(FROZEN, 'Zeta frozen', { at: U64_MAX }) },
  });
  await parts({
    'a stored state with frozen stamps': async () => {
      const { page } = await (await profile(store)).tab('');
      await showsWatch(page, 'seeded', X, 'watched');
      await page.locator(WATCH_CHOICE(X, 'unwatched')).click();
      await inApp(page, `video/${Y}`);
      await typeNote(page, 'Aa note edited today');
      await leaveNote(page);
      await page.getByRole('status').filter({ hasText: NOTE_SAVED }).waitFor();
      await inApp(page, 'playlists');
      await rename(page, FROZEN, 'Zeta frozen', 'Alpha thawed');
      await reload(page);
      await reload(page);
      await parts({
        'X marked unwatched': () => showsWatch(page, 'after two reloads', X, 'unwatched'),
        "Y's note edited": () => showsNote(page, 'after two reloads', Y, 'Aa note edited today'),
        'list renamed': () => showsPlaylist(page, 'after two reloads', FROZEN, { name: 'Alpha thawed' }),
      });
    },
    'a backup with frozen stamps': async () => {
      const IMPORTED = 'pl-frozen-import';
      const { page } = await (await profile()).tab('backup');
      await previewImport(
        page,
        v2Backup({
          progress: { [ML2025_1]: { state: 'watched', updated_at: U64_MAX } },
          notes: { [ML2025_2]: { text: 'Zz imported note', updated_at: YEAR_9999 } },
          playlists: { [IMPORTED]: playlist(IMPORTED, 'Zeta imported', { at: U64_MAX }) },
        }),
      );
      await applyImport(page);
      await showsWatch(page, 'imported', ML2025_1, 'watched');
      await page.locator(WATCH_CHOICE(ML2025_1, 'unwatched')).click();
      await inApp(page, 'playlists');
      await rename(page, IMPORTED, 'Zeta imported', 'Alpha imported');
      await reload(page);
      await parts({
        'imported video marked unwatched': () => showsWatch(page, 'after reload', ML2025_1, 'unwatched'),
        'imported list renamed': () => showsPlaylist(page, 'after reload', IMPORTED, { name: 'Alpha imported' }),
      });
    },
  });
});

drill('5. one unreadable item does not cost the readable ones', async ({ profile }) => {
  const at = Date.now() - DAY;
  const raw = v2Json({
    progress: {
      [X]: { state: 'watched', updated_at: at },
      [ML2025_1]: { state: 'watched', updated_at: at },
      [ML2025_2]: { state: 'in-progress', resume_secs: -3, updated_at: at },
    },
    notes: { [Y]: { text: 'Salvaged note', updated_at: at } },
    playlists: {
      'pl-good': playlist('pl-good', 'Good', { videos: [X] }),
      'pl-bad': { ...playlist('pl-bad', 'Bad'), name: 12345 },
    },
  });
  const shelf = await profile(raw);
  const { page } = await shelf.tab('');
  await parts({
    'progress page': async () => {
      await inApp(page, 'progress');
      await shows(
        page,
        'the progress page should count the 2 watched videos',
        ({ sel, re }) => new RegExp(re).test(document.querySelector(sel)?.textContent ?? ''),
        ({ sel }) => document.querySelector(sel)?.textContent ?? '(no tally)',
        { sel: OVERALL_TALLY, re: TALLY_WATCHED(2).source },
      );
    },
    'playlists page': () => showsPlaylist(page, 'playlists page', 'pl-good', { name: 'Good' }),
    'video page': () => showsNote(page, 'video page', Y, 'Salvaged note'),
    notice: async () => {
      const notice = page.locator(SALVAGE_NOTICE).filter({ hasText: SALVAGE_TEXT });
      await notice.waitFor({ timeout: DEADLINE });
    },
    'raw text kept': async () => {
      const kept = await page.evaluate(
        (prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).map((k) => localStorage.getItem(k)),
        UNREADABLE_PREFIX,
      );
      assert.ok(kept.includes(raw), `no ${UNREADABLE_PREFIX}* key holds the stored text (found ${kept.length})`);
    },
  });
});

drill('6. an import that deletes can be previewed, applied and undone', async ({ profile }) => {
  const old = Date.now() - 2 * DAY;
  const newer = Date.now() - DAY;
  const NOTE = 'Imported note';
  const shelf = await profile(
    v2Json({
      playlists: {
        'pl-keep': playlist('pl-keep', 'Keep', { at: old }),
        'pl-victim': playlist('pl-victim', 'Victim', { videos: [X], at: old }),
      },
    }),
  );
  const a = await shelf.tab('backup');
  const b = await shelf.tab('playlists');
  await showsPlaylist(b.page, 'tab B before', 'pl-victim', { name: 'Victim' });
  const preview = await previewImport(
    a.page,
    v2Backup({
      notes: { [Y]: { text: NOTE, updated_at: newer } },
      playlists: { 'pl-victim': playlist('pl-victim', 'Victim', { videos: [X], at: newer, deletedAt: newer }) },
    }),
  );
  const text = await preview.innerText();
  assert.match(text, /Victim/, `the preview should name "Victim" among what is removed; it says: ${text}`);
  await applyImport(a.page);
  await showsPlaylist(b.page, 'tab B after the import', 'pl-victim', { live: false });
  await showsNote(b.page, 'tab B after the import', Y, NOTE);

  const undo = a.page.getByRole('button', { name: UNDO_IMPORT });
  await undo.waitFor({ timeout: DEADLINE }).catch(() => assert.fail(`no "${UNDO_IMPORT}" button after the import`));
  await undo.click();
  const restored = async (page, label) => {
    await showsPlaylist(page, label, 'pl-victim', { name: 'Victim' });
    await showsPlaylist(page, label, 'pl-keep', { name: 'Keep' });
    await showsNote(page, label, Y, '');
  };
  await restored(a.page, 'tab A after undo');
  await restored(b.page, 'tab B after undo');
  await reload(a.page);
  await restored(a.page, 'tab A after reload');
  await reload(b.page);
  await restored(b.page, 'tab B after reload');
});
