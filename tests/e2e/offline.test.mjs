// Offline use through the service worker, and the update prompt after a deploy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distDir, mounted, useApp } from './support/app.mjs';
import { WORKER_FILES, catalogueWorkerIn, isReady, startWorker } from './support/worker.mjs';

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

/** The paths (in scope) that this version's cache holds of the catalogue worker's files. */
function cachedWorkerFiles(page) {
  return page.evaluate(async (names) => {
    const keys = (await caches.keys()).filter((k) => k.startsWith('lecture-shelf-'));
    if (keys.length !== 1) throw new Error(`one lecture-shelf cache expected, found ${JSON.stringify(keys)}`);
    const scope = (await navigator.serviceWorker.ready).scope;
    const held = (await (await caches.open(keys[0])).keys()).map((r) => r.url);
    return names.filter((name) => held.includes(new URL(name, scope).href));
  }, WORKER_FILES);
}

test('the catalogue worker is cached on first use, not at install, and then starts offline', { timeout: 120_000 }, async (t) => {
  const worker = await catalogueWorkerIn(distDir());
  if (!worker.present) return t.skip(worker.why);
  const { page, context, errors } = await app.open('');
  await controlled(page);
  // Installed (the page is controlled), yet none of the worker's ~350 KB was fetched.
  assert.deepEqual(await cachedWorkerFiles(page), [], 'the worker is not precached');

  assert.ok(isReady(await startWorker(page)), 'the worker starts online');
  // The service worker keeps each file once it has checked it, after answering:
  // wait for that (Playwright's timeout bounds it). The check is async and
  // waitForFunction does not await, so each poll starts one and reads the last.
  await page.waitForFunction(
    (names) => {
      const probe = (window.__workerCacheProbe ??= { busy: false, held: 0 });
      if (!probe.busy) {
        probe.busy = true;
        caches
          .keys()
          .then(async (keys) => {
            const [key] = keys.filter((k) => k.startsWith('lecture-shelf-'));
            const held = (await (await caches.open(key)).keys()).map((r) => r.url);
            const scope = (await navigator.serviceWorker.ready).scope;
            probe.held = names.filter((name) => held.includes(new URL(name, scope).href)).length;
          })
          .finally(() => (probe.busy = false));
      }
      return probe.held === names.length;
    },
    WORKER_FILES,
    { polling: 100 },
  );
  assert.deepEqual((await cachedWorkerFiles(page)).sort(), [...WORKER_FILES].sort());

  await context.setOffline(true);
  await page.reload();
  await mounted(page);
  await controlled(page);
  assert.ok(isReady(await startWorker(page)), 'the worker starts offline, from the cache');
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
