// The app shell on the embedded seed catalogue: list, video page, routes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { distDir, useApp } from './support/app.mjs';

const app = useApp();

test('the static shell paints a header before the wasm runs: the catalogue prerendered, other routes a skeleton', async () => {
  const html = await readFile(join(distDir(), 'index.html'), 'utf8');
  assert.match(html, /<header class="site-header">/);
  assert.match(html, /<main id="main" tabindex="-1" data-prerendered="">/);
  assert.doesNotMatch(html, /class="[^"]*skeleton/);
  // Deep links get 404.html: the same page with the neutral skeleton.
  const deep = await readFile(join(distDir(), '404.html'), 'utf8');
  assert.match(deep, /<header class="site-header">/);
  assert.match(deep, /class="video-list result-list skeleton"/);
  assert.match(deep, /class="facets skeleton"/);
});

test('the catalogue lists all 98 seed videos, newest first, a page at a time', async () => {
  const { page, errors, context } = await app.open('');
  const cards = page.locator('ul.video-list[role="list"] > li.video-card');
  assert.match(await page.locator('.count').innerText(), /找到 98 部影片/);
  assert.equal(await cards.count(), 24);
  // "Show more" grows the list until every video is there, then goes away.
  const more = page.locator('button.show-more');
  for (const expected of [48, 72, 96, 98]) {
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('ul.result-list > li.video-card').length === n, expected);
  }
  assert.equal(await more.count(), 0);
  const first = await cards.first().innerText();
  const last = await cards.last().innerText();
  assert.match(first, /#448/);
  assert.match(last, /#351/);
  // YouTube is out of reach here: every thumbnail becomes a placeholder, not a broken image.
  await page.waitForFunction(() => document.querySelectorAll('.thumb-failed').length > 0);
  assert.equal(await cards.first().locator('.thumb.thumb-failed img').count(), 0);
  // A video without a date shows its year as estimated, or its course's year.
  const undated = page.locator('li.video-card', { hasText: '80分鐘快速了解大型語言模型' });
  assert.match(await undated.locator('.when').innerText(), /約 2024 年/);
  assert.equal(await undated.locator('.when').getAttribute('title'), '頁面未標日期，年份依上傳順序推估');
  assert.deepEqual(errors, []);
  await context.close();
});

test('thumbnails load lazily at list size when YouTube is reachable', async () => {
  const { page, errors, context } = await app.open('', { thumbnails: 'served' });
  const img = page.locator('li.video-card').first().locator('.thumb img');
  await img.waitFor();
  assert.equal(await img.getAttribute('loading'), 'lazy');
  assert.equal(await img.getAttribute('alt'), '');
  assert.match(await img.getAttribute('src'), /^https:\/\/i\.ytimg\.com\/vi\/[\w-]{11}\/mqdefault\.jpg$/);
  assert.equal(await page.locator('.thumb-failed').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('opening a video shows its rendered summary, series and a YouTube link', async () => {
  const { page, errors, context } = await app.open('');
  await page.locator('li.video-card[data-video-id="Q9cNkUPXUB8"] a').click();
  await page.waitForURL(/\/video\/Q9cNkUPXUB8(\?[^/]*)?$/);
  await page.locator('h1#video-title').waitFor();
  assert.match(await page.locator('h1#video-title').innerText(), /第7講：大型語言模型修練史/);
  const summary = page.locator('.summary');
  assert.equal(await summary.locator('h4', { hasText: '核心主題' }).count(), 1);
  assert.ok((await summary.locator('ol > li').count()) >= 4);
  assert.match(await page.locator('.facts').innerText(), /生成式AI導論 2024 · 第 7 講/);
  assert.equal(
    await page.locator('a.button.primary').getAttribute('href'),
    'https://www.youtube.com/watch?v=Q9cNkUPXUB8',
  );
  assert.match(await page.title(), /^【生成式AI導論 2024】第7講/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link loads cold, and a video without a summary says so', async () => {
  const { page, errors, context } = await app.open('video/V-3ksGCjehU');
  assert.match(await page.locator('h1#video-title').innerText(), /KNNLM/);
  assert.equal(await page.locator('.summary').count(), 0);
  assert.match(await page.locator('.summary-section').innerText(), /還沒有摘要/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('unknown routes and unknown video ids get real not-found pages', async () => {
  const { page, errors, context } = await app.open('no/such/page');
  assert.equal(await page.locator('h1').innerText(), '找不到這個頁面');
  await page.locator('a', { hasText: '回到全部課程' }).click();
  await page.locator('ul.video-list > li.video-card').first().waitFor();

  await page.goto(new URL('video/XXXXXXXXXXX', app.url).href);
  await page.locator('h1', { hasText: '找不到這部影片' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
