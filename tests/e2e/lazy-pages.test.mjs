// The wasm split (src/ui/lazy_page.rs, scripts/bin/wasm-bindgen): the first
// screen fetches the main module only, a page in a chunk fetches its chunk
// when first opened, and a chunk that cannot download says so with a retry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';

const app = useApp();

/** The wasm files the page asks for, by name, as it asks. */
function wasmRequests(page) {
  const names = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    if (name.endsWith('.wasm')) names.push(name);
  });
  return names;
}

const CHUNK = /^(player|study|backup|settings|chunk_\d+)-[0-9a-f]{16}\.wasm$/;

test('the catalogue and its search need the main module only; each page group fetches its own chunk when first opened', async () => {
  // Service workers blocked: every fetch is the page's own, none precached.
  const { page, errors } = await app.open('', { serviceWorkers: 'block' });
  const fetched = wasmRequests(page);
  await page.reload();
  await page.locator('#catalogue-search').fill('機器學習');
  await page.waitForURL(/q=/);
  await page.locator('.result-list .video-title mark').first().waitFor();
  assert.equal(fetched.length, 1, `the first screen fetched ${fetched.join(', ')}`);
  assert.match(fetched[0], /^lecture-shelf-[0-9a-f]{16}_bg\.wasm$/);

  await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '播放清單' }).click();
  await page.locator('#playlists-heading').waitFor();
  const study = fetched.slice(1);
  assert.ok(study.some((n) => n.startsWith('study-')), `the playlists page fetched ${study.join(', ')}`);
  assert.ok(study.every((n) => CHUNK.test(n)), study.join(', '));
  assert.ok(!study.some((n) => /^(player|backup|settings)-/.test(n)), study.join(', '));

  // Another page of the same group needs nothing more.
  const before = fetched.length;
  await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '學習進度' }).click();
  await page.locator('main h1').filter({ hasText: '學習進度' }).waitFor();
  assert.equal(fetched.length, before, `the progress page fetched ${fetched.slice(before).join(', ')}`);

  await page.goBack();
  await page.goBack();
  await page.locator('li.video-card a').first().click();
  await page.locator('.video-page h1').waitFor();
  assert.ok(fetched.slice(before).some((n) => n.startsWith('player-')), fetched.slice(before).join(', '));
  assert.deepEqual(errors, []);
});

test('a chunk that cannot download says so, keeps the page usable, and a retry opens the page', async () => {
  const { page, context, errors } = await app.open('', { serviceWorkers: 'block' });
  let refused = 0;
  await context.route(/\/backup-[0-9a-f]{16}\.wasm$/, (route) => {
    refused += 1;
    return route.fulfill({ status: 503, body: 'unavailable' });
  });
  await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '備份' }).click();

  const heading = page.locator('main h1');
  await heading.filter({ hasText: '這個頁面沒有載入成功' }).waitFor();
  assert.equal(refused, 1);
  assert.match(await page.getByRole('alert').innerText(), /請檢查連線後再試一次/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'lazy-failed', 'the failure heading has focus');
  // The rest of the app still works.
  await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '課程' }).click();
  await page.locator('#catalogue-search').waitFor();
  await page.goBack();
  await heading.filter({ hasText: '這個頁面沒有載入成功' }).waitFor();
  assert.equal(refused, 2, 'opening the page again tries again');

  await context.unroute(/\/backup-[0-9a-f]{16}\.wasm$/);
  await page.getByRole('button', { name: '再試一次' }).click();
  await page.locator('#backup-heading').waitFor();
  // The button is gone with the failure; focus goes to the page's heading.
  await page.waitForFunction(() => document.activeElement?.id === 'backup-heading');
  // The page's own controls run from the chunk.
  await page.getByRole('button', { name: /下載備份/ }).waitFor();

  // Only the refused chunk was reported: its status and the loader's error.
  assert.ok(errors.length > 0);
  for (const e of errors) assert.match(e, /backup-[0-9a-f]{16}\.wasm|HTTP status code is not ok/, e);
});
