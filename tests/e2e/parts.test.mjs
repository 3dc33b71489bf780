// Parts of a topic on the video page: "第 14 講 · 第 2/2 部分" from the topic's
// (上)(下), the neighbouring parts named as parts, and a later part whose
// earlier part is not loaded saying so, with the way to load it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mounted, useApp } from './support/app.mjs';

const app = useApp();
const seriesFact = (page) => page.locator('dl.facts dd').first();
const nav = (page) => page.locator('nav.series-nav');

test('第14講 (下) is part 2 of 2, and 第13講 (上) leads to it as the next part', async () => {
  const { page, errors, context } = await app.open('video/CNTondxaguo');
  assert.match(await page.locator('h1#video-title').innerText(), /第14講.*\(下\)/);
  assert.match(await seriesFact(page).innerText(), /第 14 講 · 第 2\/2 部分$/);
  const prev = nav(page).locator('a[rel="prev"]');
  assert.equal(await prev.locator('.nav-label').innerText(), '上一部分');
  assert.match(await prev.locator('.nav-title').innerText(), /第13講.*\(上\)/);
  assert.equal(await nav(page).locator('.part-missing').count(), 0);
  await prev.click();
  await page.waitForURL(/\/video\/MSnvknLywUc(\?[^/]*)?$/);
  assert.match(await seriesFact(page).innerText(), /第 13 講 · 第 1\/2 部分$/);
  const next = nav(page).locator('a[rel="next"]');
  assert.equal(await next.locator('.nav-label').innerText(), '下一部分');
  assert.match(await next.locator('.nav-title').innerText(), /第14講/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('in English: Lecture 4 · Part 2 of 3, and a total the titles do not tell is left out', async () => {
  const { page, errors, context } = await app.open('video/lwe3_x50_uw', { locale: 'en-US' });
  assert.match(await seriesFact(page).innerText(), /Lecture 4 · Part 2 of 3$/);
  await page.goto(new URL('video/kk6DqWreLeU', app.url).href);
  await mounted(page);
  assert.equal(await seriesFact(page).innerText(), 'Machine Learning 2021 · Part 3');
  assert.match(await nav(page).locator('.part-missing').innerText(), /previous part \(part 2\) is not loaded yet/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('RL (三) says its earlier part is not loaded yet, with the action that loads it', async () => {
  const { page, errors, context } = await app.open('video/kk6DqWreLeU');
  assert.match(await page.locator('h1#video-title').innerText(), /概述增強式學習.*\(三\)/);
  // Part 3 of a total no title tells; no lecture number to show.
  assert.equal(await seriesFact(page).innerText(), '機器學習 2021 · 第 3 部分');
  const notice = nav(page).locator('.part-missing');
  assert.match(await notice.innerText(), /前一部分（第 2 部分）尚未載入/);
  // Nothing pretends to be its previous lecture; (四) is named as the next part.
  assert.equal(await nav(page).locator('a[rel="prev"]').count(), 0);
  assert.equal(await nav(page).locator('a[rel="next"] .nav-label').innerText(), '下一部分');
  // The seed is partial: the load itself (partial-catalogue.test.mjs presses one).
  const load = notice.getByRole('button', { name: '載入完整目錄' });
  assert.equal(await load.isEnabled(), true);
  assert.deepEqual(errors, []);
  await context.close();
});
