// The catalogue as a data file beside the wasm, not code inside it:
// content-hashed, preloaded, precached, the same name for the same catalogue
// in every build; fetched once at start, its pages file only when loading;
// a missing or damaged file gives the error page, never a blank one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { distDir, useApp } from './support/app.mjs';
import { openPage } from './support/browser.mjs';

const app = useApp();

const meta = (html, name) => html.match(new RegExp(`<meta name="${name}" content="([^"]*)">`))?.[1];

async function siteFiles(dir) {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  return { html, catalogue: meta(html, 'shelf-catalogue'), pages: meta(html, 'shelf-pages') };
}

test('the catalogue is a hashed data file: preloaded, precached, the same name in every build of it, and not in the wasm', async () => {
  const { html, catalogue, pages } = await siteFiles(distDir());
  assert.match(catalogue, /^catalogue-[0-9a-f]{16}\.json$/);
  assert.match(pages, /^catalogue-pages-[0-9a-f]{16}\.json$/);
  assert.ok(html.includes(`<link rel="preload" href="${catalogue}" as="fetch" crossorigin fetchpriority="high">`));
  const json = JSON.parse(await readFile(join(distDir(), catalogue), 'utf8'));
  assert.equal(json.videos.length, 98);
  // The wasm holds none of it: not even one title or video id.
  const wasmName = html.match(/href="\/?(lecture-shelf-[0-9a-f]+_bg\.wasm)"/)[1];
  const wasm = await readFile(join(distDir(), wasmName));
  for (const video of json.videos.slice(0, 5)) {
    assert.equal(wasm.indexOf(Buffer.from(video.id)), -1, `${video.id} is not compiled in`);
    assert.equal(wasm.indexOf(Buffer.from(video.title)), -1, `${video.title} is not compiled in`);
  }
  const sw = await readFile(join(distDir(), 'sw.js'), 'utf8');
  const assets = JSON.parse(sw.match(/^const ASSETS = (.*);$/m)[1]);
  assert.ok(assets.includes(catalogue), 'precached');
  assert.ok(!assets.includes(pages), 'the pages file is not precached (only loads need it)');
  // The sub-path build holds the same catalogue: the same file, the same name.
  const subpath = await siteFiles(distDir('DIST_SUBPATH'));
  assert.equal(subpath.catalogue, catalogue);
  assert.equal(subpath.pages, pages);
  assert.deepEqual(await readFile(join(distDir('DIST_SUBPATH'), catalogue)), await readFile(join(distDir(), catalogue)));
  // The hostile build holds another catalogue: another name.
  assert.notEqual((await siteFiles(distDir('DIST_HOSTILE'))).catalogue, catalogue);
});

test('a visit downloads the catalogue once (the preloaded copy) and not its pages', async () => {
  const handle = await openPage(app.browser);
  const { catalogue, pages } = await siteFiles(distDir());
  const asked = [];
  handle.page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  try {
    await handle.page.goto(app.url);
    await handle.page.waitForFunction(() => !document.querySelector('[data-prerendered]') && document.querySelector('.count'));
    assert.match(await handle.page.locator('.count').innerText(), /98/);
    assert.equal(asked.filter((p) => p.endsWith(`/${catalogue}`)).length, 1, asked.join('\n'));
    assert.equal(asked.filter((p) => p.endsWith(`/${pages}`)).length, 0);
    assert.deepEqual(handle.errors, []);
  } finally {
    await handle.context.close();
  }
});

for (const [what, fulfil, detail] of [
  ['missing (404)', { status: 404, body: 'not here' }, /HTTP 404/],
  ['damaged', { status: 200, contentType: 'application/json', body: '{"format":1,"series":[{"id":' }, /EOF|expected|line 1/i],
  ['not a catalogue', { status: 200, contentType: 'application/json', body: '{"format":99,"series":[],"videos":[]}' }, /format 99/],
]) {
  test(`a ${what} catalogue file gives the error page, in words, never a blank page`, async () => {
    const handle = await openPage(app.browser);
    const { catalogue } = await siteFiles(distDir());
    try {
      await handle.page.route(`**/${catalogue}`, (route) => route.fulfill(fulfil));
      await handle.page.goto(app.url);
      const alert = handle.page.locator('main[role="alert"]');
      await alert.waitFor();
      assert.equal(await alert.locator('h1').innerText(), '課程目錄無法載入');
      assert.match(await alert.innerText(), /請確認網路連線後重新整理頁面/);
      assert.match(await alert.locator('.error-detail').innerText(), detail);
      // The header and its navigation stay, so the page is never empty.
      assert.equal(await handle.page.locator('[data-prerendered]').count(), 0);
      assert.ok((await handle.page.locator('body').innerText()).length > 40);
    } finally {
      await handle.context.close();
    }
  });
}

test('a catalogue loaded earlier still shows when the site file cannot be had', async () => {
  // A stored catalogue stands in for an unreachable data file (a host
  // outage while the browser has the record), without the error page.
  const handle = await openPage(app.browser);
  const { catalogue } = await siteFiles(distDir());
  try {
    await handle.page.goto(app.url);
    await handle.page.waitForFunction(() => !document.querySelector('[data-prerendered]') && document.querySelector('.count'));
    // The record the loader writes, built over this site's catalogue.
    const json = await readFile(join(distDir(), catalogue), 'utf8');
    await handle.page.evaluate(async (json) => {
      const fnv = (text) => {
        let hash = 0xcbf29ce484222325n;
        for (const b of new TextEncoder().encode(text)) {
          hash ^= BigInt(b);
          hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
        }
        return hash.toString(16).padStart(16, '0');
      };
      const catalogue = JSON.parse(json);
      catalogue.videos = catalogue.videos.slice(0, 7);
      const record = {
        format: 1, seed: fnv(json), sources: [], pages: [], catalogue: JSON.stringify(catalogue), auto_refresh: false, last_refresh_ms: null,
      };
      const db = await new Promise((ok, fail) => {
        const open = indexedDB.open('lecture-shelf');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const store = 'catalogue';
      await new Promise((ok, fail) => {
        const tx = db.transaction(store, 'readwrite');
        tx.objectStore(store).put(JSON.stringify(record), 'record');
        tx.oncomplete = ok;
        tx.onerror = () => fail(tx.error);
      });
    }, json);
    await handle.page.route(`**/${catalogue}`, (route) => route.fulfill({ status: 503, body: 'down' }));
    await handle.page.reload();
    await handle.page.waitForFunction(() => !document.querySelector('[data-prerendered]') && document.querySelector('.count'));
    assert.match(await handle.page.locator('.count').innerText(), /找到 7 部影片/);
    assert.equal(await handle.page.locator('main[role="alert"]').count(), 0);
  } finally {
    await handle.context.close();
  }
});
