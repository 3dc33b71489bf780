// Every visible string, accessible name and the tab title follow a language
// switch at once: a page switched in place reads exactly as the same page
// opened fresh in that language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mounted, useApp } from './support/app.mjs';

const app = useApp();

/** Installs `window.__fingerprint()`: what a reader or a screen reader gets of the page, in document order. */
const installFingerprint = (page) =>
  page.evaluate(() => {
    window.__fingerprint = () => {
      const attrs = ['aria-label', 'placeholder', 'title', 'alt', 'aria-description'];
      // Words only: a decorative image (alt="") says nothing in either language, and
      // whether a blocked thumbnail is still there is a matter of timing.
      const named = [...document.querySelectorAll(attrs.map((a) => `[${a}]`).join(','))]
        .filter((el) => attrs.some((a) => el.getAttribute(a)))
        .map((el) => [el.tagName.toLowerCase(), ...attrs.map((a) => el.getAttribute(a) ?? '')].join('|'));
      // Options of closed selects are not in innerText.
      const options = [...document.querySelectorAll('option')].map((o) => o.textContent);
      return { title: document.title, lang: document.documentElement.lang, text: document.body.innerText, named, options };
    };
  });

const fingerprint = async (page) => {
  await installFingerprint(page);
  return page.evaluate(() => window.__fingerprint());
};

/** Waits until the page reads as `expected` (the player's fallback and live counts settle), else shows the difference. */
async function readsAs(page, expected, what) {
  await installFingerprint(page);
  const want = JSON.stringify(expected);
  const settled = await page
    .waitForFunction((w) => JSON.stringify(window.__fingerprint()) === w, want, { timeout: 5000 })
    .then(() => true, () => false);
  if (!settled) assert.deepEqual(await fingerprint(page), expected, what);
}

async function freshIn(locale, path) {
  const handle = await app.open(path, { locale });
  return handle;
}

const PAGES = [
  '',
  '?q=Transformer&year=2021',
  '?q=%E6%B2%92%E6%9C%89%E9%80%99%E5%80%8B%E5%AD%97zzzz',
  '?series=genai2024',
  'video/Q9cNkUPXUB8',
  'video/AAAAAAAAAAA',
  'series/genai2024',
  'progress',
  'playlists',
  'playlists/pl-missing',
  'backup',
  'sources',
  'shared',
  'no/such/page',
];

for (const path of PAGES) {
  test(`switching the language re-words /${path} in place (both ways)`, async () => {
    for (const [from, to] of [['zh-TW', 'en-US'], ['en-US', 'zh-TW']]) {
      const expected = await freshIn(to, path);
      // Let the fresh page settle too (the player's fallback, counts) before reading it.
      await expected.page.waitForLoadState('networkidle');
      const want = await fingerprint(expected.page);
      await expected.context.close();

      const { page, errors, context } = await freshIn(from, path);
      const before = await fingerprint(page);
      await page.locator('button.lang-switch').click();
      await readsAs(page, want, `/${path} switched ${from} → ${to}`);
      assert.notEqual(before.text, want.text, 'the two languages read differently');
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
}

/** Waits until the element at `selector` reads exactly `text` (a status line being re-worded), else shows what it reads. */
async function readsExactly(page, selector, text) {
  const settled = await page
    .waitForFunction(([s, want]) => document.querySelector(s)?.innerText.trim() === want, [selector, text], { timeout: 5000 })
    .then(() => true, () => false);
  if (!settled) assert.equal((await page.locator(selector).innerText()).trim(), text, selector);
}

// Status lines say what the student just did; they are kept as what
// happened and worded when shown, so a switch re-words them in place (a
// message kept as words would stay in the old language).
test('status messages (add to playlist, create from an assignment, playlist tools) follow a language switch', async () => {
  const { page, errors, context } = await app.open('video/Q9cNkUPXUB8', { locale: 'zh-TW' });
  const add = page.locator('.add-to-playlist');
  await add.getByLabel('新播放清單名稱').fill('ML 2021');
  await add.getByRole('button', { name: '加入', exact: true }).click();
  const added = '.add-to-playlist [role="status"]';
  await readsExactly(page, added, '已加入「ML 2021」。');
  await page.locator('button.lang-switch').click();
  await readsExactly(page, added, 'Added to “ML 2021”.');

  await page.goto(new URL('playlists', app.url).href);
  await mounted(page);
  await page.getByLabel(/^Paste an assignment/).fill('https://www.youtube.com/watch?v=Q9cNkUPXUB8');
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByLabel('Name for this playlist').fill('HW 1');
  await page.getByRole('button', { name: 'Create the playlist' }).click();
  const created = '.assignment-paste [role="status"]';
  await readsExactly(page, created, 'Created “HW 1”. Open the playlist');
  await page.locator('button.lang-switch').click();
  await readsExactly(page, created, '已建立「HW 1」。 開啟播放清單');

  await page.locator('a.open-created').click();
  await page.waitForURL(/\/playlists\/pl-/);
  await page.getByRole('button', { name: '移除重複項目' }).click();
  const announced = '.playlist-page > [role="status"]';
  await readsExactly(page, announced, '沒有重複的項目。');
  await page.locator('button.lang-switch').click();
  await readsExactly(page, announced, 'No duplicates found.');
  assert.deepEqual(errors, []);
  await context.close();
});
