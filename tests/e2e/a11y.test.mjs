// Languages, themes, keyboard-only use, small screens and layout stability.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mounted, useApp } from './support/app.mjs';

const app = useApp();

test('the UI language follows the browser first, then the switch, and survives reload', async () => {
  const english = await app.open('', { locale: 'en-US' });
  assert.equal(await english.page.locator('h1').innerText(), 'Lectures');
  assert.equal(await english.page.evaluate(() => document.documentElement.lang), 'en');
  await english.context.close();

  const { page, errors, context } = await app.open('');
  assert.equal(await page.locator('h1').innerText(), '課程影片');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hant-TW');
  await page.locator('button.lang-switch').click();
  assert.equal(await page.locator('h1').innerText(), 'Lectures');
  assert.match(await page.locator('.count').innerText(), /^98 videos found$/);
  // Catalogue text stays as written; dates are formatted for the language.
  await page.goto(new URL('video/Q9cNkUPXUB8', app.url).href);
  await mounted(page);
  assert.match(await page.locator('h1#video-title').innerText(), /^【生成式AI導論 2024】第7講/);
  assert.equal(await page.locator('.facts time').innerText(), '24 Mar 2024');
  await page.reload();
  await mounted(page);
  assert.equal(await page.locator('.facts time').innerText(), '24 Mar 2024');
  assert.equal(await page.locator('nav.site-nav a').first().innerText(), 'Lectures');
  await page.locator('button.lang-switch').click();
  assert.equal(await page.locator('.facts time').innerText(), '2024 年 3 月 24 日');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the theme follows the system unless chosen, and the choice is remembered', async () => {
  const { page, errors, context } = await app.open('', { colorScheme: 'dark' });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await background();
  await page.locator('.theme-select select').selectOption('light');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  const light = await background();
  assert.notEqual(light, dark);
  await page.reload();
  await mounted(page);
  assert.equal(await background(), light);
  await page.locator('.theme-select select').selectOption('system');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
  assert.equal(await background(), dark);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the main flow works by keyboard alone, with visible focus', async () => {
  const { page, errors, context } = await app.open('');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  // The focused element draws an outline: focus is visible.
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');

  await page.keyboard.press('/');
  await page.keyboard.type('第7講');
  await page.waitForURL(/q=/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/video\/Q9cNkUPXUB8(\?[^/]*)?$/);
  await page.locator('h1#video-title').waitFor();

  // Tab to the "watched" choice and pick it with the keyboard.
  let label = '';
  for (let i = 0; i < 40 && label !== 'radio'; i++) {
    await page.keyboard.press('Tab');
    label = await page.evaluate(() => document.activeElement.type ?? '');
  }
  assert.equal(label, 'radio');
  for (let i = 0; i < 3; i++) {
    const checked = await page.evaluate(() => document.activeElement.closest('label')?.textContent ?? '');
    if (/已看完/.test(checked)) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.waitForFunction(() =>
    JSON.parse(localStorage.getItem('lecture-shelf/study') ?? '{}').progress?.Q9cNkUPXUB8?.state?.value === 'watched',
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('after opening a lecture focus is on its heading; Back returns it to the row, and j goes on from there', async () => {
  const { page, errors, context } = await app.open('');
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el.tagName, id: el.id, row: el.closest('[data-video-id]')?.dataset.videoId ?? null };
  });
  const rows = await page.locator('.result-list li.video-card').evaluateAll((lis) => lis.map((li) => li.dataset.videoId));
  for (let i = 0; i < 3; i++) await page.keyboard.press('j');
  assert.equal((await focused()).row, rows[2]);
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/video/${rows[2]}`));
  await page.waitForFunction(() => document.activeElement?.id === 'video-title');
  assert.equal(await page.locator('h1#video-title').getAttribute('tabindex'), '-1');

  await page.goBack();
  await page.waitForFunction((id) => document.activeElement?.closest('[data-video-id]')?.dataset.videoId === id, rows[2]);
  assert.equal((await focused()).tag, 'A');
  await page.keyboard.press('j');
  assert.equal((await focused()).row, rows[3], 'j goes on from the row that was opened');

  // Another page from the site's navigation: its heading.
  await page.locator('header a[href$="/progress"]').first().click();
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'progress-heading');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 360 px phone gets no sideways scrolling on the main screens', async () => {
  const { page, errors, context } = await app.open('', { viewport: { width: 360, height: 740 } });
  for (const path of ['', '?q=agent', 'video/Q9cNkUPXUB8', 'progress', 'playlists', 'backup']) {
    await page.goto(new URL(path, app.url).href);
    await mounted(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${path || '/'} is ${width}px wide`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the layout does not shift when the wasm replaces the static shell', async () => {
  const { page, errors, context } = await app.open('', { viewport: { width: 1280, height: 900 } });
  await page.goto(new URL('', app.url).href, { waitUntil: 'commit' });
  await page.evaluate(() => {
    window.__cls = 0;
    const add = (entries) => {
      for (const entry of entries) if (!entry.hadRecentInput) window.__cls += entry.value;
    };
    window.__clsObserver = new PerformanceObserver((list) => add(list.getEntries()));
    window.__clsObserver.observe({ type: 'layout-shift', buffered: true });
    window.__clsTotal = () => (add(window.__clsObserver.takeRecords()), window.__cls);
  });
  await mounted(page);
  // Shifts caused by the takeover land by the frame after it is painted.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const cls = await page.evaluate(() => window.__clsTotal());
  // 0.1 is the "good" threshold of Core Web Vitals.
  assert.ok(cls < 0.1, `cumulative layout shift ${cls}`);
  assert.deepEqual(errors, []);
  await context.close();
});
