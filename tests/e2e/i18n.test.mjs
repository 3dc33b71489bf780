// Every visible string, accessible name and the tab title follow a language
// switch at once: a page switched in place reads exactly as the same page
// opened fresh in that language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';

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
