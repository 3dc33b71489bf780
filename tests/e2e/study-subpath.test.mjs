// Study pages on the sub-path build (trunk build --public-url /lecture-shelf/):
// every app link, the share link and the saved copy stay under the sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distDir, mounted, useApp } from './support/app.mjs';

const app = useApp({ dist: distDir('DIST_SUBPATH'), base: '/lecture-shelf/' });
const open = (path) => app.open(path, { locale: 'zh-TW' });

test('playlist, progress and share links stay under the sub-path', async () => {
  const { page, errors, context } = await open('playlists');
  await page.getByLabel('新播放清單名稱').fill('子路徑清單');
  await page.getByLabel('新播放清單名稱').press('Enter');
  await page.locator('.playlist-row a', { hasText: '子路徑清單' }).click();
  await page.waitForURL(/\/lecture-shelf\/playlists\/pl-[\w.-]+$/);

  await page.goto(new URL('?series=ml2025', app.url).href);
  await mounted(page);
  await page.locator('.bulk-add').getByRole('button', { name: '加入全部 2 筆結果' }).click();
  await page.locator('.bulk-add [role="status"]', { hasText: '已加入 2 部影片' }).waitFor();

  await page.locator('.site-nav a', { hasText: '學習進度' }).click();
  await page.waitForURL(/\/lecture-shelf\/progress$/);
  await page.locator('li.series-row[data-series="ml2025"] a.series-playlist-link').click();
  await page.waitForURL(/\/lecture-shelf\/series\/ml2025$/);
  await page.locator('ol.entries > li').first().locator('a').click();
  await page.waitForURL(/\/lecture-shelf\/video\/QLiKmca4kzI(\?[^/]*)?$/);

  await page.locator('.study-panel .in-playlists a', { hasText: '子路徑清單' }).click();
  await page.waitForURL(/\/lecture-shelf\/playlists\/pl-/);
  await page.getByRole('button', { name: '複製分享連結' }).click();
  const link = await page.getByLabel('分享連結').inputValue();
  assert.ok(link.startsWith(`${app.url}shared#share=v1;`), link);
  await context.close();

  const fresh = await open(link.slice(app.url.length));
  assert.equal(await fresh.page.locator('h1.shared-name').innerText(), '子路徑清單');
  await fresh.page.getByRole('button', { name: '儲存到我的播放清單' }).click();
  await fresh.page.locator('a.open-saved').click();
  await fresh.page.waitForURL(/\/lecture-shelf\/playlists\/pl-/);
  assert.equal(await fresh.page.locator('ol.entries > li').count(), 2);
  assert.deepEqual(errors, []);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
});
