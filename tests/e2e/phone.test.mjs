// A 390×844 phone with touch (issue 12): results on the first screen, the
// filter panel behind a toggle, filters as removable chips, touch targets of
// at least 44×44 px, and playlist entries reordered by a real touch drag.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mounted, useApp } from './support/app.mjs';
import { playlistVideos } from './support/store.mjs';

const app = useApp();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-TW' };
const open = (path) => app.open(path, PHONE);
const KEY = 'lecture-shelf/study';

// Five lectures of the embedded catalogue in one playlist (schema 2, which
// the app reads and migrates).
const NOW = Date.UTC(2026, 10, 1);
const EXAM = ['AVIKFXLCPY8', 'JGtqpQXfJis', 'glBhOQ1_RkE', 'A3Yx35KrSN0', 'lwe3_x50_uw'];
const SEED = {
  schema: 2,
  progress: {},
  notes: {},
  playlists: { exam: { id: 'exam', name: '期中考複習', videos: EXAM, created_at: NOW, updated_at: NOW } },
  settings: {},
};

async function visit(page, path) {
  await page.goto(new URL(path, app.url).href);
  await mounted(page);
}

async function seeded() {
  const handle = await open('');
  await handle.page.evaluate(([key, state]) => localStorage.setItem(key, JSON.stringify(state)), [KEY, SEED]);
  await visit(handle.page, 'playlists/exam');
  await handle.page.locator('ol.entries > li').first().waitFor();
  return handle;
}

const entryIds = (page) => page.locator('ol.entries > li').evaluateAll((items) => items.map((li) => li.dataset.videoId));
const settled = (page) => page.waitForFunction(() => document.documentElement.dataset.save !== 'saving');

/**
 * Visible interactive elements smaller than 44×44 px, by name. A check box
 * or radio counts with the label around it (tapping the label ticks it);
 * links inside a sentence are exempt (WCAG 2.5.8's inline exception).
 */
function smallTargets(page) {
  return page.evaluate(() => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
    const small = [];
    for (const el of document.querySelectorAll(selector)) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden') continue;
      let target = el;
      if ((el.type === 'checkbox' || el.type === 'radio') && el.closest('label')) target = el.closest('label');
      const box = target.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue; // not rendered (display: none, collapsed)
      if (box.bottom + scrollY <= 0 || box.right <= 0) continue; // parked off-screen (skip link)
      if (target.closest('.sr-only, .visually-hidden')) continue;
      if (el.tagName === 'A' && style.display === 'inline') {
        const block = el.parentElement;
        if (block && block.textContent.trim() !== el.textContent.trim()) continue;
      }
      if (box.width < 44 - 0.5 || box.height < 44 - 0.5) {
        const name = el.getAttribute('aria-label') || el.textContent.trim() || el.getAttribute('placeholder') || el.name || el.className;
        small.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${name.slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  });
}

test('on a phone the results come first, the filters open from a button, and chips remove them', async () => {
  const { page, errors, context } = await open('');
  const firstRow = page.locator('.result-list > li.video-card').first();
  await firstRow.waitFor();
  const top = await firstRow.evaluate((li) => li.getBoundingClientRect().top + scrollY);
  assert.ok(top < 844, `the first result starts ${Math.round(top)} px down, below the first screen`);
  // Compact rows: a title with most of the width, no row taller than ~140 px.
  const rows = await page.locator('.result-list > li.video-card').evaluateAll((items) =>
    items.map((li) => ({
      height: li.getBoundingClientRect().height,
      title: li.querySelector('.video-title').getBoundingClientRect().width,
      row: li.getBoundingClientRect().width,
    })),
  );
  for (const row of rows) {
    assert.ok(row.height <= 140, `a row is ${Math.round(row.height)} px tall`);
    assert.ok(row.title >= row.row * 0.55, `a title gets ${Math.round(row.title)} of ${Math.round(row.row)} px`);
  }

  // Closed at first, and it is the page's own markup that says so.
  const toggle = page.locator('#filters-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await toggle.getAttribute('aria-controls'), 'facet-panel');
  assert.equal(await toggle.locator('.filters-toggle-text').innerText(), '篩選');
  assert.equal(await page.locator('#facet-panel').isVisible(), false);

  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.locator('#facet-panel').waitFor({ state: 'visible' });
  const year = page.locator('#facet-panel [data-facet="year"] input[value="2024"]');
  await year.check();
  await page.waitForURL(/year=2024/);
  assert.equal(await toggle.locator('.filters-toggle-text').innerText(), '篩選（1 個使用中）');
  const chip = page.getByRole('button', { name: '移除篩選：2024', exact: true });
  await chip.waitFor();

  // Escape closes the panel and hands focus back to its button.
  await year.focus();
  await page.keyboard.press('Escape');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await page.locator('#facet-panel').waitFor({ state: 'hidden' });
  await page.waitForFunction(() => document.activeElement?.id === 'filters-toggle');

  // A second filter: "clear all" appears; then the chip removes its value only.
  await toggle.click();
  await page.locator('#facet-panel [data-facet="lang"] input[value="zh"]').check();
  await page.waitForURL(/year=2024&lang=zh/);
  const clearAll = page.getByRole('button', { name: '清除所有篩選', exact: true });
  await clearAll.waitFor();
  await toggle.click();
  await chip.click();
  await page.waitForURL((url) => url.search === '?lang=zh');
  assert.equal(await chip.count(), 0);
  assert.equal(await clearAll.count(), 0);
  assert.equal(await page.locator('#facet-panel [data-facet="year"] input[value="2024"]').isChecked(), false);
  await page.getByRole('button', { name: '移除篩選：中文', exact: true }).click();
  await page.waitForURL((url) => url.search === '');
  assert.equal(await page.locator('.active-filters').count(), 0);
  assert.equal(await toggle.locator('.filters-toggle-text').innerText(), '篩選');
  assert.match(await page.locator('.count').innerText(), /找到 98 部影片/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('every visible control on the catalogue, video and playlist pages is at least 44×44 px on a phone', async () => {
  const { page, errors, context } = await seeded();
  const offenders = {};
  const check = async (label) => {
    const small = await smallTargets(page);
    if (small.length) offenders[label] = small;
  };
  await visit(page, '?year=2024&lang=zh');
  await page.locator('.filter-chip').first().waitFor();
  await page.locator('li.video-card input.select-video').first().check();
  await check('catalogue');
  await page.locator('#filters-toggle').click();
  await check('catalogue, filters open');
  await visit(page, 'video/A3Yx35KrSN0');
  await check('video page');
  await visit(page, 'playlists/exam');
  await page.locator('ol.entries > li').first().waitFor();
  await check('playlist page');
  await visit(page, 'playlists');
  await check('playlists page');
  // The partial seed: a course's and the progress page's "not loaded yet" notes and their load action.
  await visit(page, 'series/ml2021-en');
  await page.locator('.not-loaded-note button.load-missing').waitFor();
  await check('course page');
  await visit(page, 'progress');
  await page.locator('.not-loaded-note button.load-missing').first().waitFor();
  await check('progress page');
  await visit(page, '');
  await page.locator('details.holdings-courses > summary').click();
  await page.locator('details.holdings-courses[open] li').first().waitFor();
  await check('catalogue, courses held open');
  assert.deepEqual(offenders, {}, `targets under 44×44 px:\n${JSON.stringify(offenders, null, 2)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a touch drag on the handle moves a playlist entry, the order survives a reload, and the keyboard still reorders', async () => {
  const { page, errors, context } = await seeded();
  assert.deepEqual(await entryIds(page), EXAM);
  const cdp = await page.context().newCDPSession(page);
  const centre = async (locator) => {
    const box = await locator.boundingBox();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  // The last entry's handle, dragged onto the second entry, in steps as a finger moves.
  await page.locator('ol.entries > li').nth(4).scrollIntoViewIfNeeded();
  const from = await centre(page.locator('ol.entries > li').nth(4).locator('.drag-handle'));
  const to = await centre(page.locator('ol.entries > li').nth(1));
  await touch('touchStart', [{ x: from.x, y: from.y, id: 1 }]);
  const steps = 8;
  for (let i = 1; i <= steps; i++) {
    const y = from.y + ((to.y - from.y) * i) / steps;
    await touch('touchMove', [{ x: from.x, y, id: 1 }]);
  }
  await page.locator('ol.entries > li.drop-target[data-index="1"]').waitFor();
  await touch('touchEnd', []);
  const moved = [EXAM[0], EXAM[4], EXAM[1], EXAM[2], EXAM[3]];
  await page.waitForFunction((want) => [...document.querySelectorAll('ol.entries > li')].map((li) => li.dataset.videoId).join() === want.join(), moved);
  await page.locator('.playlist-page [role="status"]', { hasText: '移到第 2 個（共 5 個）' }).waitFor();
  await settled(page);
  await page.reload();
  await mounted(page);
  await page.locator('ol.entries > li').first().waitFor();
  assert.deepEqual(await entryIds(page), moved);
  const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  assert.deepEqual(playlistVideos(stored, 'exam'), moved);

  // The keyboard: "move up" on the second entry puts it first; focus follows.
  await page.locator('ol.entries > li').nth(1).locator('.move-up').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((want) => [...document.querySelectorAll('ol.entries > li')].map((li) => li.dataset.videoId).join() === want.join(), [EXAM[4], EXAM[0], EXAM[1], EXAM[2], EXAM[3]]);
  await page.waitForFunction(() => document.activeElement?.closest('li')?.dataset.index === '0');
  assert.deepEqual(errors, []);
  await context.close();
});
