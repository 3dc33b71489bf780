// A site built from a source (scripts/build-site against the fake public
// host of tests/site/build-fixture-site.mjs): the first visit holds what the
// build downloaded, merged over the seed, with no load and no network; the
// page names the source it was built from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { distDir, useApp } from './support/app.mjs';

const app = useApp({ dist: distDir('DIST_SITE') });

test('the first visit holds the downloaded catalogue, with no load', async () => {
  const html = await readFile(join(distDir('DIST_SITE'), 'index.html'), 'utf8');
  assert.match(html, /<meta name="shelf-source" content="http:\/\/127\.0\.0\.1:\d+\/README\.md">/);
  const { page, errors, context } = await app.open('');
  try {
    // 98 seed videos and the fixture's 3, from the first paint on.
    assert.match(await page.locator('.count').innerText(), /找到 101 部影片/);
    await page.locator('input[type="search"]').fill('SITE-FIXTURE');
    await page.waitForFunction(() => /找到 3 部影片/.test(document.querySelector('.count')?.textContent ?? ''));
    await page.locator('a', { hasText: '第1講：SITE-FIXTURE 一堂假的課' }).first().click();
    await page.waitForFunction(() => document.title.includes('SITE-FIXTURE'));
    // The summary the build downloaded is on the video page.
    assert.match(await page.locator('main').innerText(), /只為測試而寫/);
    // Nothing was fetched from any source: the site holds it.
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a site built from the public source offers to check for new lectures, before and after the wasm', async () => {
  const check = '檢查有沒有新影片';
  // The prerendered first screen words it as the app does.
  const html = await readFile(join(distDir('DIST_SITE'), 'index.html'), 'utf8');
  assert.match(html, new RegExp(`<button type="button" class="button load-catalogue" disabled="">${check}</button>`));
  const { page, errors, context } = await app.open('');
  try {
    assert.equal(await page.locator('p.holdings button.load-catalogue').innerText(), check);
    // The same action where a course may be missing lectures.
    await page.goto(new URL('series/ml2021-en', app.url).href);
    const note = page.locator('.not-loaded-note');
    await note.waitFor();
    assert.equal(await note.locator('button.load-missing').innerText(), check);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
