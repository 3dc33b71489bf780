// Catalogue sources: loading the full catalogue from the index on GitHub,
// pages picked as files or pasted as URLs, refusals that change nothing,
// removing a source, and the result kept in IndexedDB for offline use.
//
// raw.githubusercontent.com is faked at the network boundary with the files
// of fixtures/catalogue/ (support/github.mjs); pasted
// URLs point at the same files served by the test server under /__fixtures/.
// Counts below were computed natively with import-catalogue on the embedded
// pages plus the fixture pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { mounted, useApp } from './support/app.mjs';
import { CATALOGUE_FIXTURES as FIXTURES, fakeGitHub } from './support/github.mjs';
import { problems, runJob, sourceNames } from './support/jobs.mjs';
import { watchState } from './support/store.mjs';

const app = useApp({ fixtures: { dir: FIXTURES } });

const EMBEDDED = 98; // catalogue/page-351-400*.md and page-401-448.md
const FULL = 128; // + docs/01-index.md (24 new) + docs/02-index.md (6 new, 5 already held)
const WITH_EXTRA = 101; // + extra-page.md (449–451)

const KNNLM = 'V-3ksGCjehU'; // #401: the newer snapshot in docs/02-index.md adds its summary
const HOSTILE = 'mRZMdAcgcwW'; // #5 in docs/01-index.md: markup in its summary
const NEW_449 = 'dxRtvTGqw3g'; // #449 in extra-page.md
// docs/01-index.md in lecture order: parts of a topic together, in part
// order, topics by their first upload (uploads interleave topics).
const ML2021_FIXTURE_ORDER = [
  'mbeQyJjvUHd', // 1  課程開場
  'Eaw_bmbCFrK', // 2  找出房價的函式 (上)
  'R4Ej4WbI17Y', // 3  找出房價的函式 (下)
  'TG0hJfmqsMF', // 4  訓練卡住了怎麼辦 (一)
  'wayFm-m8Jqd', // 6  (二)
  'huY2TJZFn-i', // 8  (三)
  'mRZMdAcgcwW', // 5  注意力機制拆解 (上)
  'rZGpnrBqPm-', // 7  (下)
  'toQG3NNkpPV', // 9  作業一說明
  'RjL5fo9tkzL', // 10 生成器與判別器的對話 (一)
  'vyuVTJlFy1W', // 11 (二)
  'lmylOx7NqET', // 13 (三)
  'P_C6-O2bXxi', // 15 (四)
  '8e3LMHDGEEQ', // 12 自督導式學習漫談 (一)
  'sMLLA22jDzj', // 14 (二)
  '69aW9fLa6bN', // 16 (三)
  'kJvdMSG5lfC', // 17 機器為什麼這樣想 (上)
  'Dh-_NPvpUIZ', // 19 (下)
  'FYwcqoMcJbi', // 18 騙過分類器的小把戲 (上)
  '9XXfTMkUgdT', // 20 (下)
  'Aa7mA7I6tE8', // 21 換個環境也能用
  'zfDhwr4V_A9', // 22 【機器學習 2021】邊玩邊學的機器 (1/2)
  'QPKlqKEcRCR', // 23 (2/2)
  'dAQtOOMxaXn', // 24 期中回顧
];

// ---- helpers -------------------------------------------------------------

/** A fresh browser profile with GitHub faked, and a tab on `path`. */
async function start(path = '', overrides = {}) {
  const { context, tab } = await app.openBrowser({ locale: 'zh-TW' });
  const github = await fakeGitHub(context, overrides);
  const { page, errors } = await tab(path);
  return { context, page, errors, github };
}

/** Opens an app path in the same page (a full load, as a student would). */
async function visit(page, path) {
  await page.goto(new URL(path, app.url).href);
  await mounted(page);
}

async function reload(page) {
  await page.reload();
  await mounted(page);
}

/** The number in the catalogue page's "找到 N 部影片". */
async function shownCount(page) {
  const text = await page.locator('.count').innerText();
  const match = text.match(/(\d+)\s*部影片/);
  assert.ok(match, `no count in ${JSON.stringify(text)}`);
  return Number(match[1]);
}

/** Waits until the catalogue page counts `n` videos. */
async function countReaches(page, n) {
  await page.waitForFunction(
    (n) => new RegExp(`(^|\\D)${n}\\s*部影片`).test(document.querySelector('.count')?.textContent ?? ''),
    n,
  );
  assert.equal(await shownCount(page), n);
}

/** Waits until `p.holdings` (catalogue or sources page) says it holds `n` lectures. */
async function holdingsShow(page, n) {
  await page.waitForFunction(
    (n) => new RegExp(`(^|\\D)${n}(\\D|$)`).test(document.querySelector('p.holdings')?.textContent ?? ''),
    n,
  );
}

/** Visits the catalogue page (a full load) and checks its count. */
async function catalogueCount(page, n) {
  await visit(page, '');
  await countReaches(page, n);
}

/** Loads the full catalogue from the sources page; asserts it was applied. */
async function loadFromSources(page) {
  await visit(page, 'sources');
  assert.equal(await runJob(page, () => page.locator('button.load-catalogue').click()), 'applied');
  // The student reads what was loaded and its size; timings are for the benchmark (data-parse-ms).
  const status = await page.locator('p.catalogue-job').innerText();
  assert.doesNotMatch(status, /毫秒|\bms\b/, status);
  assert.ok(Number(await page.locator('p.catalogue-job').getAttribute('data-parse-ms')) >= 0);
}

/** Picks catalogue pages as files on the sources page; resolves to the job's state. */
async function pickFiles(page, ...names) {
  await visit(page, 'sources');
  return runJob(page, () => page.locator('input[type="file"].page-files').setInputFiles(names.map((n) => FIXTURES + n)));
}

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Nothing from a summary ran or became an element. */
async function assertNothingRan(page, dialogs) {
  assert.deepEqual(dialogs, [], 'no alert() ran');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#app script, #app img[src="x"]').count(), 0);
}

// Fetch failures the browser logs for a faked GitHub answer on purpose.
const notGitHubFailure = (e) => !/^console: Failed to load resource: .*\(https:\/\/raw\.githubusercontent\.com\//.test(e);

// ---- tests ---------------------------------------------------------------

test('the full catalogue loads from the catalogue page, wins with richer snapshots, and is kept for reloads and offline', async () => {
  const { context, page, errors, github } = await start('');
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  assert.equal(await shownCount(page), EMBEDDED);
  const holdings = page.locator('p.holdings');
  await holdingsShow(page, EMBEDDED);
  assert.match(await holdings.locator('a.sources-link').getAttribute('href'), /sources$/);

  await holdings.locator('button.load-catalogue').click();
  await countReaches(page, FULL);
  await holdingsShow(page, FULL);
  // The same job, seen from the sources page (an in-app link, no reload).
  await holdings.locator('a.sources-link').click();
  await page.waitForURL(/\/sources$/);
  await page.waitForFunction(() => document.querySelector('p.catalogue-job')?.dataset.state === 'applied');
  assert.deepEqual([...new Set(github)].sort(), ['README.md', 'docs/01-index.md', 'docs/02-index.md']);

  // #401: the newer snapshot's summary wins over the embedded one without.
  await visit(page, `video/${KNNLM}`);
  assert.match(await page.locator('h1#video-title').innerText(), /KNNLM/);
  await page.locator('.summary', { hasText: 'FIXTURE-NEWER-SNAPSHOT' }).waitFor();

  // Markup in a downloaded summary is text.
  await visit(page, `video/${HOSTILE}`);
  const summary = await page.locator('.summary').innerText();
  assert.match(summary, /Q&K 的內積 <script>alert\(1\)<\/script> 只是文字/);
  assert.match(summary, /<img src=x onerror="window.__pwned = 'fixture-img'"> 也不是圖片/);
  assert.match(summary, /<script>alert\(3\)<\/script>/);
  await assertNothingRan(page, dialogs);

  // Kept in IndexedDB: a reload shows the same catalogue without asking GitHub.
  const stores = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('lecture-shelf');
        open.onsuccess = () => {
          resolve([...open.result.objectStoreNames]);
          open.result.close();
        };
        open.onerror = () => reject(open.error);
      }),
  );
  assert.ok(stores.includes('catalogue'), stores.join(', '));
  github.length = 0;
  await catalogueCount(page, FULL);
  await reload(page);
  await countReaches(page, FULL);
  await visit(page, 'sources');
  await page.waitForFunction(() => document.querySelector('p.catalogue-job')?.dataset.state !== 'working');
  assert.deepEqual(github, [], 'nothing was downloaded again');

  // And offline, once the service worker controls the page.
  await visit(page, '');
  await controlled(page);
  await context.setOffline(true);
  await reload(page);
  await countReaches(page, FULL);
  await visit(page, `video/${KNNLM}`);
  await page.locator('.summary', { hasText: 'FIXTURE-NEWER-SNAPSHOT' }).waitFor();
  assert.deepEqual(github, []);
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});

const FAILURES = [
  ['answers 404', (route) => route.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' }, contentType: 'text/plain', body: '404: Not Found' })],
  ['answers an HTML page with 200', async (route) =>
    route.fulfill({
      status: 200,
      headers: { 'access-control-allow-origin': '*' },
      contentType: 'text/html; charset=utf-8',
      body: await readFile(FIXTURES + 'not-markdown.html'),
    })],
  ['times out', (route) => route.abort('timedout')],
];

for (const [what, answer] of FAILURES) {
  test(`a catalogue page that ${what} is refused and changes nothing`, async () => {
    const { context, page, errors, github } = await start('sources', { 'docs/02-index.md': answer });
    assert.ok((await sourceNames(page)).some((n) => n.includes('sumsjp/YTLee')), 'the default index source is listed');
    assert.equal(await runJob(page, () => page.locator('button.load-catalogue').click()), 'refused');
    assert.ok(github.includes('docs/02-index.md'));
    const listed = await problems(page);
    assert.ok(listed.length > 0);
    assert.ok(listed.some((p) => p.startsWith('docs/02-index.md:')), listed.join('\n'));

    // Not even the good page (docs/01-index.md) was taken.
    await catalogueCount(page, EMBEDDED);
    await reload(page);
    await countReaches(page, EMBEDDED);
    assert.deepEqual(errors.filter(notGitHubFailure), []);
    await context.close();
  });
}

test('pages picked as files are added, and broken or non-Markdown files are refused', async () => {
  const { context, page, errors } = await start('sources');
  assert.equal(await page.locator('input[type="file"].page-files').evaluate((i) => i.multiple), true);
  assert.match(await page.locator('input[type="file"].page-files').getAttribute('accept'), /\.md/);

  assert.equal(await pickFiles(page, 'extra-page.md'), 'applied');
  assert.ok((await sourceNames(page)).includes('extra-page.md'), (await sourceNames(page)).join(', '));
  await catalogueCount(page, WITH_EXTRA);

  assert.equal(await pickFiles(page, 'broken.md'), 'refused');
  const listed = await problems(page);
  assert.ok(listed.every((p) => p.startsWith('broken.md:')), listed.join('\n'));
  assert.ok(listed.some((p) => /^broken\.md:14: missing YouTube link/.test(p)), listed.join('\n'));
  assert.ok(listed.some((p) => /^broken\.md:19: .*entry number/.test(p)), listed.join('\n'));
  assert.ok(!(await sourceNames(page)).includes('broken.md'), 'a refused file is not a source');
  await catalogueCount(page, WITH_EXTRA);

  assert.equal(await pickFiles(page, 'not-markdown.html'), 'refused');
  const html = await problems(page);
  assert.ok(html.length > 0 && html.every((p) => p.startsWith('not-markdown.html:')), html.join('\n'));
  assert.match(html.join('\n'), /html/i, 'the message says what the file is');
  assert.ok(!(await sourceNames(page)).includes('not-markdown.html'));
  await catalogueCount(page, WITH_EXTRA);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a pasted page URL is downloaded and added; a malformed URL is refused before anything is fetched', async () => {
  const { context, page, errors } = await start('sources');
  const url = `${app.server.fixturesUrl}extra-page.md`;
  const form = page.locator('form.add-url');
  const submit = () => form.locator('button, input[type="submit"]').first().click();

  assert.equal(await runJob(page, async () => {
    await form.locator('input[type="url"]').fill(url);
    await submit();
  }), 'applied');
  const host = new URL(url).host;
  const names = await sourceNames(page);
  assert.ok(names.some((n) => n.includes(host) && n.endsWith('extra-page.md')), names.join(', '));
  await catalogueCount(page, WITH_EXTRA);

  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  for (const bad of ['javascript:alert(1)', 'notaurl']) {
    await visit(page, 'sources');
    await form.locator('input[type="url"]').fill(bad);
    await submit();
    const error = page.locator('.add-url-error[role="alert"]');
    await error.waitFor({ state: 'visible' });
    assert.notEqual((await error.innerText()).trim(), '', bad);
    assert.deepEqual(requests.filter((r) => r.startsWith('javascript:') || r.includes('notaurl')), [], bad);
    assert.deepEqual(await sourceNames(page), names, `${bad} was not added`);
  }
  assert.deepEqual(dialogs, []);
  assert.notEqual(await page.locator('p.catalogue-job').getAttribute('data-state'), 'working');
  await catalogueCount(page, WITH_EXTRA);
  assert.deepEqual(errors, []);
  await context.close();
});

test('removing a source keeps the study data of its videos, shown as not loaded yet', async () => {
  const { context, page, errors } = await start('sources');
  assert.equal(await pickFiles(page, 'extra-page.md'), 'applied');

  // Watch #449 and add it to a new playlist.
  await visit(page, `video/${NEW_449}`);
  assert.match(await page.locator('h1#video-title').innerText(), /第3講：模型怎麼學會用工具/);
  const panel = page.locator('section.study-panel');
  await panel.getByRole('radio', { name: '已看完' }).check();
  await page.waitForFunction(() => document.documentElement.dataset.save === 'saved');
  const add = panel.locator('.add-to-playlist');
  await add.getByLabel('新播放清單名稱').fill('新講次');
  await add.getByRole('button', { name: '加入', exact: true }).click();
  await add.locator('[role="status"]', { hasText: '已加入「新講次」。' }).waitFor();
  await page.waitForFunction(() => document.documentElement.dataset.save === 'saved');
  const playlist = await add.locator('.in-playlists a', { hasText: '新講次' }).getAttribute('href');

  await visit(page, 'sources');
  const source = page.locator('ul.source-list > li.source', { has: page.locator('.source-name', { hasText: 'extra-page.md' }) });
  await source.locator('button.remove-source').click();
  await source.waitFor({ state: 'detached' });
  await holdingsShow(page, EMBEDDED);
  await catalogueCount(page, EMBEDDED);
  await reload(page);
  await countReaches(page, EMBEDDED);

  // The playlist keeps the entry, marked as not loaded yet (the catalogue is partial again).
  await page.goto(new URL(playlist, app.url).href);
  await mounted(page);
  const entry = page.locator(`ol.entries > li[data-video-id="${NEW_449}"]`);
  await entry.waitFor();
  assert.match(await entry.locator('.entry-title.unknown').innerText(), /尚未載入/);

  // The video page still has its study panel and the watched state.
  await visit(page, `video/${NEW_449}`);
  assert.match(await page.locator('main').innerText(), /尚未載入/);
  assert.equal(await panel.getByRole('radio', { name: '已看完' }).isChecked(), true);
  const store = JSON.parse(await page.evaluate(() => localStorage.getItem('lecture-shelf/study')));
  assert.equal(watchState(store, NEW_449), 'watched');
  assert.deepEqual(errors, []);
  await context.close();
});

test('after loading, the ML 2021 course page lists the downloaded lectures in lecture order', async () => {
  const { context, page, errors } = await start('');
  await loadFromSources(page);
  const catalogue = JSON.parse(await readFile(new URL('../../catalogue/catalogue.json', import.meta.url), 'utf8'));
  const embedded = catalogue.videos
    .filter((v) => v.series === 'ml2021')
    .sort((a, b) => a.order - b.order)
    .map((v) => v.id);

  await visit(page, 'series/ml2021');
  assert.equal(await page.locator('h1#playlist-title').innerText(), '機器學習 2021');
  const shown = await page.locator('ol.entries > li').evaluateAll((items) => items.map((li) => li.dataset.videoId));
  assert.deepEqual(shown, [...ML2021_FIXTURE_ORDER, ...embedded]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('another tab shows a catalogue loaded in this one, without a reload', async () => {
  const { context, page, errors } = await start('');
  const other = await context.newPage();
  const otherErrors = [];
  other.on('pageerror', (e) => otherErrors.push(e.message));
  await other.goto(app.url);
  await mounted(other);
  await countReaches(other, EMBEDDED);
  assert.equal(await pickFiles(page, 'extra-page.md'), 'applied');
  // Told over a BroadcastChannel; it re-reads IndexedDB and re-renders.
  await countReaches(other, WITH_EXTRA);
  await holdingsShow(other, WITH_EXTRA);
  assert.deepEqual(errors, []);
  assert.deepEqual(otherErrors, []);
  await context.close();
});

test('a URL being typed on the sources page survives a catalogue loaded in another tab', async () => {
  const { context, page, errors } = await start('');
  const other = await context.newPage();
  const otherErrors = [];
  other.on('pageerror', (e) => otherErrors.push(e.message));
  await other.goto(new URL('sources', app.url).href);
  await mounted(other);
  await holdingsShow(other, EMBEDDED);
  const typed = `${app.server.fixturesUrl}not-yet-submitted.md`;
  const field = other.locator('form.add-url input[type="url"]');
  await field.fill(typed);
  assert.equal(await pickFiles(page, 'extra-page.md'), 'applied');
  // The other tab swaps in the new catalogue and renders its pages again.
  await holdingsShow(other, WITH_EXTRA);
  assert.equal(await field.inputValue(), typed);
  assert.deepEqual(errors, []);
  assert.deepEqual(otherErrors, []);
  await context.close();
});
