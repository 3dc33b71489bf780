// Offline use through the service worker, and the update prompt after a deploy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mounted, useApp } from './support/app.mjs';

const app = useApp();

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('after one visit the catalogue, search, video pages, playlists and deep links work offline', async () => {
  const { page, context, errors } = await app.open('');
  await controlled(page);
  await context.setOffline(true);

  await page.reload();
  await mounted(page);
  assert.match(await page.locator('.count').innerText(), /找到 98 部影片/);
  await page.locator('#catalogue-search').fill('机器学习');
  await page.waitForURL(/q=/);
  assert.match(await page.locator('.result-list .video-title mark').first().innerText(), /機器學習/);

  // Playlists are local: create one and add a lecture, all offline.
  await page.goto(new URL('playlists', app.url).href);
  await mounted(page);
  await page.getByLabel('新播放清單名稱').fill('離線清單');
  await page.getByLabel('新播放清單名稱').press('Enter');
  await page.locator('.playlist-row', { hasText: '離線清單' }).waitFor();
  await page.goto(new URL('', app.url).href);
  await mounted(page);

  await page.locator('li.video-card[data-video-id="Q9cNkUPXUB8"] a').click();
  await page.locator('.summary h4', { hasText: '核心主題' }).waitFor();

  // A cold deep link while offline is answered with the cached shell.
  await page.goto(new URL('video/V-3ksGCjehU', app.url).href);
  await mounted(page);
  assert.match(await page.locator('h1#video-title').innerText(), /KNNLM/);
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});

test('a new deploy is offered as a reload, not switched in silently', async () => {
  const { page, context, errors } = await app.open('');
  await controlled(page);
  const before = await page.evaluate(() => caches.keys());

  // Simulate a deploy: the server now sends a different sw.js.
  app.server.rewrite = (path, body) =>
    path === '/sw.js' ? Buffer.concat([body, Buffer.from('\n// next deploy\n')]) : body;
  try {
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    const prompt = page.locator('.update-prompt[role="status"]');
    await prompt.waitFor();
    assert.match(await prompt.innerText(), /新版本/);
    await Promise.all([page.waitForEvent('load'), prompt.locator('button').click()]);
    await mounted(page);
    assert.equal(await page.locator('.update-prompt').count(), 0);
    // Same files, same cache name: the old build's cache is not duplicated.
    assert.deepEqual(await page.evaluate(() => caches.keys()), before);
  } finally {
    app.server.rewrite = null;
  }
  assert.deepEqual(errors, []);
  await context.close();
});
