// Loading the full catalogue in headless Chromium, end to end:
//   node bench/catalogue-load.mjs [DIST=dist] [--runs 5]
// Not a test, and local only: raw.githubusercontent.com is faked with the
// full reference catalogue kept outside the repository
// (../shared/catalogue/reference/page-*.md, entries 1–448), which must never
// be committed here. Each run is a fresh browser profile: open the catalogue
// page, click "load the full catalogue", and time it until the job is applied
// (the first run in the browser process is reported as "cold"). After the
// last run, in that profile, the issue's "done when" is checked: the ML 2021
// course in lecture order, the ML 2025 slides' assignment as a playlist, and
// both kept offline.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { serve } from '../tests/e2e/support/server.mjs';
import { collectErrors, launch, openContext } from '../tests/e2e/support/browser.mjs';
import { mounted } from '../tests/e2e/support/app.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = resolve(ROOT, '../shared');
const REFERENCE = join(SHARED, 'catalogue/reference');
const SLIDES = join(SHARED, 'context/ml2025-lecture1-slides.txt');
const RAW = 'https://raw.githubusercontent.com/sumsjp/YTLee/master/';
const TERMINAL = ['applied', 'unchanged', 'refused', 'failed'];
const FULL = 448;
const ML2021_LECTURES = 40;

// ---- arguments -------------------------------------------------------------

function usage(message) {
  console.error(`catalogue-load: ${message}\nusage: node bench/catalogue-load.mjs [DIST=dist] [--runs 5]`);
  process.exit(2);
}

let distArg = 'dist';
let runs = 5;
{
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--runs') runs = Number(args[++i]);
    else if (arg.startsWith('--runs=')) runs = Number(arg.slice('--runs='.length));
    else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
    else distArg = arg.replace(/^DIST=/, '');
  }
  if (!Number.isInteger(runs) || runs < 1) usage('--runs takes a whole number ≥ 1');
}
const DIST = resolve(process.cwd(), distArg);
if (!(await stat(join(DIST, 'index.html')).catch(() => null))?.isFile()) {
  usage(`no index.html in ${DIST}: build the app first (scripts/test, or trunk build --release with scripts/bin first on PATH)`);
}

// ---- the fake GitHub ---------------------------------------------------------

async function referencePages() {
  const names = await readdir(REFERENCE).catch(() => null);
  const pages = (names ?? [])
    .map((name) => ({ name, m: name.match(/^page-(\d+)-(\d+)\.md$/) }))
    .filter((p) => p.m)
    .map((p) => ({ name: p.name, first: Number(p.m[1]), last: Number(p.m[2]) }))
    .sort((a, b) => a.first - b.first);
  if (pages.length === 0) {
    console.error(
      `catalogue-load: the reference catalogue is not here (${REFERENCE}/page-*.md).\n` +
        'This benchmark is local only: it needs ../shared next to the repository, which is never committed.',
    );
    process.exit(2);
  }
  return Promise.all(
    pages.map(async (p, i) => ({
      ...p,
      path: `docs/${String(i + 1).padStart(2, '0')}-index.md`,
      body: await readFile(join(REFERENCE, p.name)),
    })),
  );
}

/** A README laid out like sumsjp/YTLee's: a table of ranges linking docs/NN-index.md. */
function readme(pages) {
  const rows = pages.map(
    (p) => `| ${String(p.first).padStart(3, '0')} ~ ${String(p.last).padStart(3, '0')} | [第 ${Number(p.path.slice(5, 7))} 頁](${p.path}) |`,
  );
  return [
    '# YTLee：李宏毅老師的影片整理（benchmark 用的假倉庫，頁面取自 ../shared/catalogue/reference）',
    '',
    '## 影片列表',
    '',
    '| 範圍 | 頁面 |',
    '|------|------|',
    ...rows,
    '',
  ].join('\n');
}

/** Answers raw.githubusercontent.com from `files` (repository path → body); counts what it sends. */
async function fakeGitHub(context, files) {
  const served = { requests: [], bytes: 0 };
  await context.route('https://raw.githubusercontent.com/**', async (route) => {
    const url = route.request().url();
    const path = url.startsWith(RAW) ? decodeURIComponent(new URL(url).pathname.slice(new URL(RAW).pathname.length)) : url;
    const body = files.get(path) ?? null;
    const sent = body ?? Buffer.from('404: Not Found');
    served.requests.push(path);
    served.bytes += sent.length;
    await route.fulfill({
      status: body ? 200 : 404,
      headers: { 'access-control-allow-origin': '*' },
      contentType: 'text/plain; charset=utf-8',
      body: sent,
    });
  });
  return served;
}

// ---- page helpers ------------------------------------------------------------

const numberIn = (text, pattern) => {
  const m = (text ?? '').replace(/[,，]/g, '').match(pattern);
  return m ? Number(m[1]) : null;
};
const shownCount = async (page) => numberIn(await page.locator('.count').first().textContent().catch(() => ''), /(\d+)\s*部影片/);
const heldCount = async (page) => numberIn(await page.locator('p.holdings').first().textContent().catch(() => ''), /(\d+)\s*部影片/);

async function visit(page, base, path) {
  await page.goto(new URL(path, base).href);
  await mounted(page);
}

/** Chromium's storage estimate: total usage and its IndexedDB part, in bytes. */
const estimate = (page) =>
  page.evaluate(async () => {
    const e = await navigator.storage.estimate();
    return { usage: e.usage ?? null, indexedDB: e.usageDetails?.indexedDB ?? null };
  });

const problems = (page) =>
  page.locator('details.catalogue-problems li').evaluateAll((items) => items.map((li) => li.textContent.trim()));

/**
 * Clicks button.load-catalogue inside the page and resolves to the job's
 * terminal state and the figures the status element carries. States are
 * watched (MutationObserver) from before the click, and the time is taken
 * in the page when the terminal state appears.
 */
async function loadCatalogue(page) {
  await page.locator('p.catalogue-job[role="status"]').waitFor({ state: 'attached' });
  await page.evaluate(() => {
    const bench = (window.__bench = { states: [], t0: null, t1: null });
    const terminal = ['applied', 'unchanged', 'refused', 'failed'];
    const note = () => {
      const state = document.querySelector('p.catalogue-job')?.dataset.state;
      if (state && bench.states.at(-1)?.state !== state) {
        bench.states.push({ state, at: performance.now() });
        if (bench.t0 !== null && bench.t1 === null && terminal.includes(state) && bench.states.length > 1) bench.t1 = performance.now();
      }
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    });
    note();
    bench.t0 = performance.now();
    document.querySelector('button.load-catalogue').click();
  });
  const handle = await page.waitForFunction(
    (terminal) => {
      const b = window.__bench;
      const last = b.states.at(-1)?.state;
      // A terminal state seen after the click (not the one before it).
      return b.t1 !== null && terminal.includes(last) && last;
    },
    TERMINAL,
    { timeout: 120_000, polling: 50 },
  );
  const state = await handle.jsonValue();
  return page.evaluate((state) => {
    const job = document.querySelector('p.catalogue-job');
    const num = (v) => (v === undefined || v === '' ? null : Number(v));
    return {
      state,
      ms: window.__bench.t1 - window.__bench.t0,
      states: window.__bench.states.map((s) => s.state),
      parseMs: num(job.dataset.parseMs),
      storeMs: num(job.dataset.storeMs),
      storedBytes: num(job.dataset.storedBytes),
      text: job.textContent.trim(),
    };
  }, state);
}

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}

// ---- one run -------------------------------------------------------------------

function fail(message, errors = []) {
  console.error(`catalogue-load: ${message}`);
  if (errors.length) console.error(`page errors:\n  ${errors.join('\n  ')}`);
  else console.error('page errors: none');
}

async function run(browser, server, files, n) {
  const context = await openContext(browser, { locale: 'zh-TW', viewport: { width: 1280, height: 900 } });
  const github = await fakeGitHub(context, files);
  const page = await context.newPage();
  const errors = collectErrors(page);
  let before, job;
  try {
    await visit(page, server.url, '');
    await page.locator('p.holdings button.load-catalogue').waitFor({ timeout: 15_000 });
    before = { shown: await shownCount(page), held: await heldCount(page), storage: await estimate(page) };
    job = await loadCatalogue(page);
  } catch (e) {
    fail(`run ${n}: ${e.message.split('\n')[0]}`, errors);
    console.error(`GitHub requests: ${github.requests.join(', ') || 'none'}`);
    await context.close();
    return null;
  }
  const listed = await problems(page);
  if (job.state !== 'applied') {
    fail(`run ${n}: the job ended "${job.state}", not "applied" (states: ${job.states.join(' → ')})\n  status: ${job.text}`, errors);
    if (listed.length) console.error(`problems (${listed.length}):\n  ${listed.join('\n  ')}`);
    console.error(`GitHub requests: ${github.requests.join(', ') || 'none'}`);
    await context.close();
    return null;
  }
  // The swap may paint a moment after the status: give the count a few seconds.
  await page
    .waitForFunction(
      (full) => new RegExp(`(^|\\D)${full}\\s*部影片`).test(document.querySelector('.count')?.textContent ?? ''),
      FULL,
      { timeout: 5_000 },
    )
    .catch(() => {});
  const after = { shown: await shownCount(page), held: await heldCount(page), storage: await estimate(page) };
  return {
    context,
    page,
    errors,
    github,
    result: {
      ...job,
      before,
      after,
      problems: listed.length,
      requests: github.requests.length,
      downloaded: github.bytes,
      errors: errors.length,
    },
  };
}

// ---- "done when" -----------------------------------------------------------------

const verdicts = [];
function verdict(ok, what) {
  verdicts.push(`${ok ? 'PASS' : 'FAIL'} ${what}`);
  console.log(`${ok ? 'PASS' : 'FAIL'} ${what}`);
}

/** The entries of a course or playlist page: id and title, in order. */
const entries = (page) =>
  page.locator('ol.entries > li').evaluateAll((items) =>
    items.map((li) => ({ id: li.dataset.videoId, title: li.querySelector('.entry-title')?.textContent.trim() ?? '' })),
  );

/** Lecture labels as the course page's range picker shows them ("第 3 講 · title"), by id. */
const rangeLabels = (page) =>
  page
    .locator('select.range-from option')
    .evaluateAll((options) => Object.fromEntries(options.map((o) => [o.value, o.textContent.trim()])))
    .catch(() => ({}));

const short = (title) => title.replace(/^【[^】]*】\s*/, '').slice(0, 70);

/** The part marker of a title ("(上)", "(二)", "(1/2)") and the topic without it. */
function part(title) {
  const ORDER = { 上: 1, 中: 2, 下: 3, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const m = title.match(/^(.*?)\s*[(（]\s*(上|中|下|[一二三四五六七八九]|\d+\s*\/\s*\d+)\s*[)）]/);
  if (!m) return null;
  const mark = m[2].replace(/\s/g, '');
  return { topic: m[1].replace(/^【[^】]*】\s*/, '').trim(), n: ORDER[mark] ?? Number(mark.split('/')[0]) };
}

/** Problems with lecture order: a topic's parts apart, or out of part order. */
function orderProblems(list) {
  const out = [];
  const seen = new Map(); // topic → { index, n }
  list.forEach((e, i) => {
    const p = part(e.title);
    if (!p) return;
    const prev = seen.get(p.topic);
    if (prev) {
      if (p.n <= prev.n) out.push(`${i + 1}. ${short(e.title)}: part ${p.n} after part ${prev.n}`);
      if (prev.index !== i - 1 && list.slice(prev.index + 1, i).some((x) => part(x.title)?.topic !== p.topic)) {
        out.push(`${i + 1}. ${short(e.title)}: apart from the previous part (at ${prev.index + 1})`);
      }
    }
    seen.set(p.topic, { index: i, n: p.n });
  });
  return out;
}

async function checkCourse(page, base) {
  await visit(page, base, 'series/ml2021');
  await page.locator('ol.entries > li').first().waitFor({ timeout: 10_000 }).catch(() => {});
  const list = await entries(page);
  const labels = await rangeLabels(page);
  console.log(`\n(a) /series/ml2021: ${list.length} entries`);
  list.forEach((e, i) => {
    // The range picker's label: "第 N 講" when the title numbers the lecture, else the course order.
    const label = labels[e.id]?.split(' · ')[0] ?? '?';
    console.log(`  ${String(i + 1).padStart(2)}. ${label.padEnd(8)} ${short(e.title)}`);
  });
  const wrong = orderProblems(list);
  const others = list.filter((e) => !/機器學習\s*2021/.test(e.title));
  for (const w of wrong) console.log(`  order: ${w}`);
  for (const o of others) console.log(`  not ML 2021 by its title: ${o.title}`);
  verdict(
    list.length === ML2021_LECTURES && wrong.length === 0 && others.length === 0,
    `(a) ML 2021 course lists ${list.length} lectures (want ${ML2021_LECTURES}), ${wrong.length === 0 ? 'in lecture order' : `${wrong.length} out of lecture order`}`,
  );
  return list;
}

async function checkAssignment(page, base, ml2021) {
  await visit(page, base, 'series/genai2024');
  await page.locator('ol.entries > li').first().waitFor({ timeout: 10_000 }).catch(() => {});
  const genai = (await entries(page)).slice(0, 9); // 第0講 … 第8講
  const upTo = ml2021.findIndex((e) => /Transformer\s*\(下\)/.test(e.title));
  const want = [...genai, ...(upTo >= 0 ? ml2021.slice(0, upTo + 1) : [])];

  // The "watch these before next class" block, as a student would copy it:
  // from its heading to the last "at least up to" line (the rest of the deck
  // is the lecture itself, whose titles and links are not the assignment).
  const deck = (await readFile(SLIDES, 'utf8')).split('\n');
  const first = deck.findIndex((l) => l.includes('預習以下課程'));
  const last = deck.findIndex((l) => l.includes('至少看到「Transformer (下)」'));
  if (first < 0 || last < first) throw new Error(`${SLIDES}: the assignment block was not found`);
  const text = deck.slice(first, last + 1).join('\n');
  await visit(page, base, 'playlists');
  const paste = page.locator('section.assignment-paste');
  let clicks = 0;
  await paste.locator('#assignment-text').fill(text);
  await paste.locator('button.preview-assignment').click();
  clicks++;
  const preview = paste.locator('.assignment-preview');
  await preview.waitFor();
  const found = await preview.locator('ol.assignment-videos > li').evaluateAll((li) =>
    li.map((x) => ({ id: x.dataset.videoId, title: x.textContent.trim() })),
  );
  const ambiguous = await preview.locator('ul.assignment-ambiguous > li').count();
  const ambiguousLines = await preview.locator('ul.assignment-ambiguous > li label').evaluateAll((l) =>
    l.map((x) => x.childNodes.length && [...x.childNodes].filter((n) => n.nodeName !== 'SELECT').map((n) => n.textContent).join('').trim()),
  );
  const unmatched = await preview.locator('ul.assignment-unmatched > li').count();
  console.log(
    `\n(b) assignment paste (${text.length} characters of slide text): preview found ${found.length} videos, ` +
      `${ambiguous} ambiguous lines, ${unmatched} unmatched lines`,
  );
  for (const line of ambiguousLines) console.log(`  ambiguous (left unpicked): ${line.slice(0, 80)}`);
  await paste.locator('#assignment-name').fill('ML 2025 第1講 預習');
  await paste.locator('button.create-from-assignment').click();
  clicks++;
  await paste.locator('a.open-created').waitFor({ timeout: 10_000 });
  await paste.locator('a.open-created').click();
  clicks++;
  await page.waitForURL(/\/playlists\/pl-/);
  await page.locator('ol.entries > li').first().waitFor({ timeout: 10_000 }).catch(() => {});
  const url = page.url();
  const got = await entries(page);
  // '+': not in the expected list; '✗': expected, but out of place.
  const wantAt = new Map(want.map((e, i) => [e.id, i]));
  const expectedOnly = got.filter((e) => wantAt.has(e.id));
  got.forEach((e, i) => {
    const mark = !wantAt.has(e.id) ? '+' : expectedOnly.indexOf(e) === wantAt.get(e.id) ? ' ' : '✗';
    console.log(`  ${mark} ${String(i + 1).padStart(2)}. ${e.title}`);
  });
  const same = got.length === want.length && got.every((e, i) => e.id === want[i].id);
  if (!same) {
    const gotIds = new Set(got.map((e) => e.id));
    const wantIds = new Set(want.map((e) => e.id));
    for (const e of want.filter((e) => !gotIds.has(e.id))) console.log(`  missing: ${e.title}`);
    console.log(`  extra (+): ${got.filter((e) => !wantIds.has(e.id)).length}; expected entries in expected order: ${expectedOnly.every((e, i) => wantAt.get(e.id) === i) ? 'yes' : 'no'}`);
    if (upTo < 0) console.log('  (no "Transformer (下)" in the ML 2021 course: cannot say where ML 2021 should end)');
  }
  console.log(`  clicks: ${clicks} (preview, create playlist, open it), plus pasting the text`);
  verdict(
    same && genai.length === 9,
    `(b) slide assignment → playlist of ${got.length} (want ${want.length}: GenAI 2024 第0–8講 + ML 2021 up to Transformer (下), ${ml2021.slice(0, upTo + 1).length} videos) in ${clicks} clicks`,
  );
  return { url, ids: got.map((e) => e.id) };
}

async function checkOffline(context, page, base, playlist) {
  await visit(page, base, '');
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await mounted(page);
  await page
    .waitForFunction((full) => new RegExp(`(^|\\D)${full}\\s*部影片`).test(document.querySelector('.count')?.textContent ?? ''), FULL, {
      timeout: 10_000,
    })
    .catch(() => {});
  const shown = await shownCount(page);
  await page.goto(playlist.url);
  await mounted(page);
  await page.locator('ol.entries > li').first().waitFor({ timeout: 10_000 }).catch(() => {});
  const ids = (await entries(page)).map((e) => e.id);
  const kept = ids.length === playlist.ids.length && ids.every((id, i) => id === playlist.ids[i]);
  console.log(`\n(c) offline after reload: catalogue shows ${shown} videos; playlist ${new URL(playlist.url).pathname} has ${ids.length} entries`);
  verdict(shown === FULL && kept && ids.length > 0, `(c) offline: catalogue holds ${shown} videos (want ${FULL}), playlist ${kept ? 'still there' : 'changed or gone'}`);
}

// ---- sizes ----------------------------------------------------------------------

async function sizes(dist) {
  const names = (await readdir(dist)).filter((n) => /\.(wasm|js)$/.test(n) && n !== 'sw.js').sort();
  const out = [];
  for (const name of names) {
    const raw = await readFile(join(dist, name));
    const brotli = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    out.push({ name, raw: raw.length, brotli, group: /catalogue-worker/.test(name) ? 'worker' : 'app' });
  }
  return out;
}

// ---- statistics and the table ---------------------------------------------------

function summary(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1], n: v.length };
}

const MB = 1024 * 1024;
const METRICS = [
  ['click → applied (ms)', (r) => r.ms, 0],
  ['worker parse (ms)', (r) => r.parseMs, 1],
  ['IndexedDB store (ms)', (r) => r.storeMs, 1],
  ['stored record (MB)', (r) => (r.storedBytes == null ? null : r.storedBytes / MB), 2],
  ['IDB usage before (MB)', (r) => (r.before.storage.indexedDB ?? r.before.storage.usage) / MB, 2],
  ['IDB usage after (MB)', (r) => (r.after.storage.indexedDB ?? r.after.storage.usage) / MB, 2],
  ['storage usage after (MB)', (r) => r.after.storage.usage / MB, 2],
  ['downloaded (KB)', (r) => r.downloaded / 1024, 1],
  ['requests to GitHub', (r) => r.requests, 0],
  ['videos before', (r) => r.before.shown, 0],
  ['videos after (.count)', (r) => r.after.shown, 0],
  ['videos after (holdings)', (r) => r.after.held, 0],
  ['problems listed', (r) => r.problems, 0],
  ['page errors', (r) => r.errors, 0],
];

function table(results) {
  const cold = results.slice(0, 1);
  const warm = results.slice(1);
  const cell = (s, digits) => (s ? (s.n === 1 ? s.median.toFixed(digits) : `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`) : '–');
  const rows = METRICS.map(([name, get, digits]) => [
    name,
    cell(summary(results.map(get)), digits),
    cell(summary(cold.map(get)), digits),
    cell(summary(warm.map(get)), digits),
  ]);
  const head = ['metric', `all ${results.length} runs: median (min–max)`, 'cold (run 1)', `warm (runs 2–${results.length}): median (min–max)`];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  const clickCold = summary(cold.map((r) => r.ms));
  const clickWarm = summary(warm.map((r) => r.ms));
  if (clickCold && clickWarm) {
    const ratio = clickCold.median / clickWarm.median;
    console.log(
      ratio > 1.25 || ratio < 0.8
        ? `cold and warm differ (cold click → applied ${ratio.toFixed(2)}× the warm median): read them apart`
        : `cold and warm are alike (cold click → applied ${ratio.toFixed(2)}× the warm median)`,
    );
  }
}

function sizeTable(files) {
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  const widths = [Math.max(...files.map((f) => f.name.length), 24), 12, 12];
  const line = (a, b, c) => `| ${a.padEnd(widths[0])} | ${b.padStart(widths[1])} | ${c.padStart(widths[2])} |`;
  console.log(line('file', 'raw', 'brotli q11'));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const f of files) console.log(line(f.name, kb(f.raw), kb(f.brotli)));
  for (const group of ['app', 'worker']) {
    const g = files.filter((f) => f.group === group);
    const sum = (k) => g.reduce((t, f) => t + f[k], 0);
    const label = group === 'app' ? 'app wasm + JS (total)' : 'catalogue worker (total)';
    console.log(line(label, kb(sum('raw')), kb(sum('brotli'))));
  }
  const all = (k) => files.reduce((t, f) => t + f[k], 0);
  console.log(line('all wasm + JS (size-budget)', kb(all('raw')), kb(all('brotli'))));
  if (!files.some((f) => f.group === 'worker')) console.log('(no catalogue-worker files in this dist)');
}

// ---- main -----------------------------------------------------------------------

const pages = await referencePages();
const files = new Map([['README.md', Buffer.from(readme(pages))], ...pages.map((p) => [p.path, p.body])]);
console.log(`catalogue-load: ${DIST}, ${runs} runs`);
console.log(
  `fake GitHub: README.md + ${pages.map((p) => `${p.path}=${p.name}`).join(', ')} ` +
    `(${([...files.values()].reduce((t, b) => t + b.length, 0) / 1024).toFixed(1)} KB)`,
);

const server = await serve(DIST);
const browser = await launch();
const results = [];
let last = null;
let exitCode = 0;
try {
  for (let n = 1; n <= runs; n++) {
    const done = await run(browser, server, files, n);
    if (!done) {
      exitCode = 1;
      break;
    }
    const r = done.result;
    results.push(r);
    console.log(
      `run ${n}${n === 1 ? ' (cold)' : ''}: ${r.state} in ${r.ms.toFixed(0)} ms (${r.states.join(' → ')}); ` +
        `parse ${r.parseMs} ms, store ${r.storeMs} ms, record ${r.storedBytes ?? '–'} B; ` +
        `videos ${r.before.shown} → ${r.after.shown}; ${r.requests} requests, ${r.downloaded} B; ` +
        `problems ${r.problems}; page errors ${r.errors}`,
    );
    if (done.errors.length) console.log(`  page errors:\n    ${done.errors.join('\n    ')}`);
    if (n < runs) await done.context.close();
    else last = done;
  }

  if (last) {
    console.log('\n== done when');
    const { context, page, errors } = last;
    try {
      const ml2021 = await checkCourse(page, server.url);
      const playlist = await checkAssignment(page, server.url, ml2021);
      await checkOffline(context, page, server.url, playlist);
    } catch (e) {
      verdict(false, `the checks stopped: ${e.message.split('\n')[0]}`);
    }
    const shown = errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e));
    if (shown.length) console.log(`page errors during the checks:\n  ${shown.join('\n  ')}`);
    await context.close();

    console.log(`\n== catalogue load, ${results.length} runs (fresh profile each; ${basename(DIST)} at ${DIST})`);
    table(results);
  }
  console.log('\n== dist sizes (wasm + JS, sw.js excluded, as scripts/size-budget.mjs counts)');
  sizeTable(await sizes(DIST));
  if (last) {
    console.log('\n== verdicts');
    for (const v of verdicts) console.log(v);
    if (verdicts.some((v) => v.startsWith('FAIL'))) exitCode = 1;
  } else {
    console.log('\nno verdicts: no run reached "applied" (see above)');
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(exitCode);
