// The catalogue's first screen is in index.html (src/prerender.rs, written by
// the post-build hook), so rows and links work before the wasm arrives; the
// app then takes it over without anything moving. The wasm is held at the
// network boundary and released by the test. A component whose markup
// changes without src/prerender.rs following fails here: the page's text,
// element tree, the attributes that tie it together (ids, labels, roles,
// ARIA, input types and limits, data-*), links and boxes are compared before
// and after mounting, down to the last prerendered row.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { distDir, mounted } from './support/app.mjs';
import { serve } from './support/server.mjs';
import { launch, openPage } from './support/browser.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
// shelf_core::catalogue_view::PAGE, read from the source so the two cannot disagree.
const PAGE = Number(
  (await readFile(`${root}crates/shelf-core/src/catalogue_view.rs`, 'utf8')).match(/pub const PAGE: usize = (\d+);/)[1],
);
// src/prerender.rs: the rows index.html holds; the app adds the rest of its page below them.
const PRERENDERED = Number((await readFile(`${root}src/prerender.rs`, 'utf8')).match(/pub const PRERENDERED_ROWS: usize = (\d+);/)[1]);
const catalogue = JSON.parse(await readFile(`${root}catalogue/catalogue.json`, 'utf8'));

const sites = {};
let browser;
before(async () => {
  browser = await launch();
  sites.main = await serve(distDir());
  sites.hostile = await serve(distDir('DIST_HOSTILE'));
  sites.subpath = await serve(distDir('DIST_SUBPATH'), { base: '/lecture-shelf/' });
});
after(async () => {
  await browser?.close();
  for (const site of Object.values(sites)) await site.close();
});

/**
 * A fresh page whose app wasm is held until `release()`: the page shows
 * only what index.html holds. `held` resolves once the browser asked for it.
 */
async function openHeld(site, path = '', options = {}) {
  const handle = await openPage(browser, options);
  let release;
  const released = new Promise((resolve) => (release = resolve));
  let asked;
  const held = new Promise((resolve) => (asked = resolve));
  await handle.page.route(/_bg\.wasm$/, async (route) => {
    if (/catalogue-worker/.test(route.request().url())) return route.continue();
    asked();
    await released;
    // The page may have navigated away meanwhile (a link clicked early).
    await route.continue().catch(() => {});
  });
  // Layout shifts from the very start, read at the end.
  await handle.page.addInitScript(() => {
    window.__shifts = [];
    const observer = new PerformanceObserver((list) => window.__shifts.push(...list.getEntries()));
    observer.observe({ type: 'layout-shift', buffered: true });
    window.__shiftTotal = () => {
      window.__shifts.push(...observer.takeRecords());
      return window.__shifts.reduce((sum, e) => sum + e.value, 0);
    };
  });
  await handle.page.goto(new URL(path, site.url).href, { waitUntil: 'domcontentloaded' });
  await held;
  return { ...handle, release };
}

/** The rows as shown: id, title, meta line, resolved link and box. */
const rows = (page) =>
  page.locator('ul.result-list > li.video-card').evaluateAll((cards) =>
    cards.map((card) => {
      const link = card.querySelector('a.video-link');
      const box = link.getBoundingClientRect();
      return {
        id: card.dataset.videoId,
        title: card.querySelector('.video-title').textContent,
        meta: card.querySelector('.video-meta').innerText,
        text: card.innerText,
        href: link.href,
        box: { x: box.x, y: box.y, width: box.width, height: box.height },
      };
    }),
  );

/**
 * #main as a tree of tag.class lines, its visible text (runs of line breaks
 * as one), and each element's compared attributes (one line per element, in
 * tree order); result rows past the first `keep` left out.
 */
const shape = (page, keep = PRERENDERED) =>
  page.evaluate((keep) => {
    const main = document.querySelector('#main');
    const extra = [...main.querySelectorAll('ul.result-list > li.video-card')].slice(keep);
    const elements = [main, ...main.querySelectorAll('*')].filter((el) => !extra.some((row) => row.contains(el)));
    const walk = (el, depth) => [
      `${'  '.repeat(depth)}${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join('')}`,
      ...[...el.children].filter((child) => !extra.includes(child)).flatMap((child) => walk(child, depth + 1)),
    ];
    let text = main.innerText;
    if (extra.length) {
      const added = extra.map((row) => row.innerText).join('\n');
      const at = text.indexOf(added);
      if (at < 0) throw new Error('the rows past the first screen are not one run of the text');
      text = text.slice(0, at) + text.slice(at + added.length);
    }
    // What labels, descriptions, roles and limits hang on; `data-prerendered`
    // is the one the app drops on purpose.
    const compared = (name) =>
      ['id', 'for', 'role', 'type', 'value', 'maxlength'].includes(name) ||
      name.startsWith('aria-') ||
      (name.startsWith('data-') && name !== 'data-prerendered');
    const attrs = elements.map((el) =>
      [
        el.tagName.toLowerCase(),
        ...[...el.attributes]
          .filter((a) => compared(a.name))
          .map((a) => `${a.name}=${JSON.stringify(a.value)}`)
          .sort(),
      ].join(' '),
    );
    return { tree: walk(main, 0), text: text.replace(/\n+/g, '\n'), attrs };
  }, keep);

test('before the wasm, index.html shows the first screen of real rows, counts and filters', async () => {
  const { page, errors, context, release } = await openHeld(sites.main);
  assert.equal(await page.locator('[data-prerendered]').count(), 1, 'the app has not started');
  const shown = await rows(page);
  assert.equal(shown.length, PRERENDERED);
  const byId = new Map(catalogue.videos.map((v) => [v.id, v]));
  for (const row of shown) {
    const video = byId.get(row.id);
    assert.ok(video, `${row.id} is in the catalogue`);
    assert.equal(row.title, video.title);
    assert.equal(row.href, new URL(`video/${row.id}`, sites.main.url).href);
    assert.match(row.meta, new RegExp(`^#${video.number}\\b`));
  }
  // Newest first, as the app's default order.
  const numbers = shown.map((r) => byId.get(r.id).number);
  const newest = catalogue.videos.map((v) => v.number).sort((a, b) => b - a).slice(0, PRERENDERED);
  assert.deepEqual(numbers, newest);
  assert.equal(await page.locator('.count').innerText(), `找到 ${catalogue.videos.length} 部影片`);
  // Facet counts from the catalogue: each year, each series.
  const count = (facet, value) =>
    page.locator(`fieldset[data-facet="${facet}"] input[value="${value}"] ~ .facet-count`).innerText();
  const years = new Map();
  for (const v of catalogue.videos) {
    // shelf_core::search::facets::video_year: the year, else the date's.
    const year = v.year ?? v.date?.slice(0, 4);
    if (year !== undefined) years.set(String(year), (years.get(String(year)) ?? 0) + 1);
  }
  for (const [year, n] of years) assert.equal(await count('year', year), String(n), year);
  for (const series of catalogue.series) {
    const n = catalogue.videos.filter((v) => v.series === series.id).length;
    if (n) assert.equal(await count('series', series.id), String(n), series.id);
  }
  const search = page.locator('#catalogue-search');
  assert.equal(await search.isDisabled(), true);
  assert.match(await search.getAttribute('placeholder'), /^搜尋標題與摘要/);
  assert.equal(await page.locator('.sort select option:checked').innerText(), '相關程度');
  release();
  await mounted(page);
  assert.deepEqual(errors, []);
  await context.close();
});

// Desktop and phone widths; thumbnails load (a failed one is replaced by the
// app's placeholder, which the static page cannot do without script).
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
];
for (const viewport of VIEWPORTS) test(`the app takes over the prerendered screen without moving or changing it (${viewport.width} px)`, async () => {
  const { page, errors, context, release } = await openHeld(sites.main, '', { viewport, thumbnails: 'served' });
  const before = await rows(page);
  const beforeShape = await shape(page);
  release();
  await mounted(page);
  await page.locator('ul.result-list > li.video-card').nth(PAGE - 1).waitFor();
  const afterRows = await rows(page);
  assert.equal(afterRows.length, PAGE, 'the app adds the rest of its page below');
  const afterShape = await shape(page);
  // The same elements in the same order, saying the same, down to the last prerendered row.
  assert.deepEqual(afterShape.tree, beforeShape.tree);
  assert.equal(afterShape.text, beforeShape.text);
  assert.deepEqual(afterShape.attrs, beforeShape.attrs, 'the same ids, labels, roles, ARIA, types, values and limits');
  assert.deepEqual(
    afterRows.slice(0, PRERENDERED).map(({ box, ...row }) => row),
    before.map(({ box, ...row }) => row),
  );
  for (const [i, row] of afterRows.slice(0, PRERENDERED).entries()) assert.deepEqual(row.box, before[i].box, `row ${i} stays put`);
  assert.equal(await page.locator('#catalogue-search').isDisabled(), false);
  // Shifts caused by the takeover land by the frame after it is painted.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const shift = await page.evaluate(() => window.__shiftTotal());
  assert.ok(shift <= 0.01, `layout shift ${shift}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a row clicked before the wasm arrives opens that video once the app loads', async () => {
  const { page, errors, context, release } = await openHeld(sites.main);
  const card = page.locator('ul.result-list > li.video-card').nth(2);
  const id = await card.getAttribute('data-video-id');
  const video = catalogue.videos.find((v) => v.id === id);
  release();
  await card.locator('a.video-link').click();
  await page.waitForURL(new URL(`video/${id}`, sites.main.url).href);
  await mounted(page);
  assert.equal(await page.locator('h1#video-title').innerText(), video.title);
  assert.deepEqual(errors, []);
  await context.close();
});

test('under a sub-path the prerendered links stay under it', async () => {
  const { page, errors, context, release } = await openHeld(sites.subpath);
  const shown = await rows(page);
  assert.equal(shown.length, PRERENDERED);
  for (const row of shown) assert.equal(new URL(row.href).pathname, `/lecture-shelf/video/${row.id}`);
  release();
  await mounted(page);
  assert.deepEqual((await rows(page)).slice(0, PRERENDERED).map((r) => r.href), shown.map((r) => r.href));
  assert.deepEqual(errors, []);
  await context.close();
});

test('hostile titles are text in the prerendered screen', async () => {
  const { page, errors, context, release } = await openHeld(sites.hostile);
  const titles = await page.locator('.video-title').allInnerTexts();
  assert.ok(titles.includes("<script>window.__pwned = 'title-script'</script>惡意標題 Hostile title"), titles.join('\n'));
  assert.ok(titles.some((t) => t.startsWith('<img src=x onerror="window.__pwned = \'title-img\'"> GAN &amp;')));
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#app img[src="x"], #app iframe, #app b, #app script').count(), 0);
  const before = await shape(page);
  release();
  await mounted(page);
  assert.equal((await shape(page)).text, before.text);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link starts from the skeleton (404.html), not from the catalogue screen', async () => {
  const { page, errors, context, release } = await openHeld(sites.main, 'video/Q9cNkUPXUB8');
  assert.equal(await page.locator('[data-prerendered]').count(), 0);
  assert.equal(await page.locator('.video-list.skeleton').count(), 1);
  release();
  await mounted(page);
  assert.match(await page.locator('h1#video-title').innerText(), /第7講/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('under the service worker only the bare catalogue gets the prerendered page', async () => {
  const { page, errors, context } = await openPage(browser);
  await page.goto(sites.main.url);
  await mounted(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  for (const [path, prerendered] of [
    ['', true],
    ['index.html', true],
    ['video/Q9cNkUPXUB8', false],
    ['?q=transformer', false],
  ]) {
    const response = await page.goto(new URL(path, sites.main.url).href);
    assert.equal(response.fromServiceWorker(), true, path);
    assert.equal((await response.text()).includes('data-prerendered'), prerendered, path);
    await mounted(page);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('index.html and 404.html carry their styles as one minified element and no source comments', async () => {
  for (const name of ['index.html', '404.html']) {
    const html = await readFile(`${distDir()}/${name}`, 'utf8');
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    assert.equal(styles.length, 1, name);
    assert.ok(!styles[0].includes('/*') && !/\n\s/.test(styles[0]), `${name}: the styles are minified`);
    // Every source file's rules are there: a rule of the first and of the last.
    assert.match(styles[0], /:root\{/, name);
    assert.match(styles[0], /@media/, name);
    assert.ok(!/<!--/.test(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '')), `${name}: no comments`);
    // One hash for the one style element.
    const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
    const styleSrc = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('style-src'));
    assert.equal(styleSrc.match(/'sha256-/g).length, 1, styleSrc);
  }
});
