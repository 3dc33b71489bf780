// The build for a sub-path host (trunk build --public-url /lecture-shelf/),
// served the way GitHub Pages serves it: unknown paths get 404.html.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distDir, useApp } from './support/app.mjs';

const app = useApp({ dist: distDir('DIST_SUBPATH'), base: '/lecture-shelf/' });

test('a deep link under the sub-path loads cold and links stay under it', async () => {
  const { page, errors, context } = await app.open('video/Q9cNkUPXUB8');
  assert.match(await page.locator('h1#video-title').innerText(), /第7講/);
  await page.locator('.breadcrumb a').click();
  await page.waitForURL(/\/lecture-shelf\/$/);
  await page.locator('li.video-card[data-video-id="M2Yg1kwPpts"] a.video-link').click();
  await page.waitForURL(/\/lecture-shelf\/video\/M2Yg1kwPpts(\?[^/]*)?$/);
  assert.match(await page.locator('h1#video-title').innerText(), /第二講：一堂課搞懂 AI Agent/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the service worker is scoped to the sub-path', async () => {
  const { page, errors, context } = await app.open('');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(new URL(scope).pathname, '/lecture-shelf/');
  assert.deepEqual(errors, []);
  await context.close();
});
