// A catalogue built by import-catalogue from tests/fixtures/hostile-page.md:
// markup in titles and summaries must reach the screen as text, never as DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distDir, useApp } from './support/app.mjs';

const app = useApp({ dist: distDir('DIST_HOSTILE') });

async function assertNothingRan(page) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // Only the app's own elements: no injected img/iframe/b, no script but Trunk's loader.
  assert.equal(await page.locator('#app img[src="x"], #app iframe, #app b').count(), 0);
  assert.equal(await page.locator('#app script').count(), 0);
}

test('titles with <script> and <img onerror> render as text in the list', async () => {
  const { page, errors, context } = await app.open('');
  const titles = await page.locator('.video-title').allInnerTexts();
  assert.ok(titles.includes("<script>window.__pwned = 'title-script'</script>惡意標題 Hostile title"), titles.join('\n'));
  assert.ok(titles.some((t) => t.startsWith('<img src=x onerror="window.__pwned = \'title-img\'"> GAN &amp;')));
  assert.ok(titles.some((t) => t.includes('{{7*7}} ${alert(1)} %s %n ../../etc/passwd 😀')));
  await assertNothingRan(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('summaries with HTML, javascript: links and tables render safely', async () => {
  const { page, errors, context } = await app.open('video/AAAAAAAAAAA');
  const summary = page.locator('.summary');
  const text = await summary.innerText();
  assert.match(text, /<script>window.__pwned = 'summary-script'<\/script>/);
  assert.match(text, /<img src=x onerror=/);
  assert.match(text, /<iframe src="https:\/\/example.org"><\/iframe>/);
  // The javascript: link keeps its words but loses its target; the https one stays.
  const hrefs = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs, ['https://example.org/ok']);
  assert.match(text, /a javascript: link/);
  assert.equal(await summary.locator('table th').count(), 2);
  await summary.locator('table th').nth(1).hover();
  await assertNothingRan(page);
  assert.match(await page.title(), /^<script>window.__pwned/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('raw anchors and fake tags inside summary text stay text', async () => {
  const { page, errors, context } = await app.open('video/CCCCCCCCCCC');
  const text = await page.locator('.summary').innerText();
  assert.match(text, /<summary>fake summary tag<\/summary> and <a href="javascript:alert\(1\)">raw anchor<\/a>/);
  assert.equal(await page.locator('.summary a').count(), 0);
  await assertNothingRan(page);
  assert.deepEqual(errors, []);
  await context.close();
});
