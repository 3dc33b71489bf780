// The first visit to a site built from the public source, checked as a new
// student would (local only: needs ../shared). Serves
// ../shared/catalogue/upstream (laid out as the public host) on 127.0.0.1,
// builds the site from it with scripts/build-site (unless --no-build), and on
// a fresh profile with no click on "load": counts the catalogue, lists
// /series/ml2021, pastes the ML 2025 slides' assignment and previews it,
// then reloads offline. Also prints the data file's size and its decode time.
//   node bench/site-first-visit.mjs [--no-build] [--dist DIR]
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { serve } from '../tests/e2e/support/server.mjs';
import { launch, openContext } from '../tests/e2e/support/browser.mjs';
import { mounted } from '../tests/e2e/support/app.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const UPSTREAM = resolve(ROOT, '../shared/catalogue/upstream');
const SLIDES = resolve(ROOT, '../shared/context/ml2025-lecture1-slides.txt');
const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const dist = resolve(ROOT, args.includes('--dist') ? args[args.indexOf('--dist') + 1] : 'target/bench/dist-upstream');

const mirror = createServer(async (req, res) => {
  try {
    const body = await readFile(join(UPSTREAM, normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname))));
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => mirror.listen(0, '127.0.0.1', ok));
if (build) {
  const source = `http://127.0.0.1:${mirror.address().port}/README.md`;
  // Asynchronously: the mirror answers from this process.
  const child = spawn(join(ROOT, 'scripts/build-site'), ['--source', source, '--dist', dist], { cwd: ROOT, stdio: 'inherit' });
  const status = await new Promise((ok) => child.on('close', ok));
  if (status !== 0) process.exit(status ?? 1);
}
mirror.close();

const name = (await readdir(dist)).find((f) => /^catalogue-[0-9a-f]{16}\.json$/.test(f));
const json = await readFile(join(dist, name));
console.log(`data file ${name}: ${json.length} B raw, ${brotliCompressSync(json).length} B brotli`);

const server = await serve(dist);
const browser = await launch();
const verdicts = [];
const verdict = (ok, text) => verdicts.push(`${ok ? 'PASS' : 'FAIL'} ${text}`);
try {
  const context = await openContext(browser);
  const page = await context.newPage();
  await page.goto(server.url);
  await mounted(page);
  const count = await page.locator('.count').innerText();
  verdict(/448/.test(count), `first visit: "${count}" (want 448)`);
  await page.goto(new URL('series/ml2021', server.url).href);
  await mounted(page);
  await page.locator('ol.entries > li').first().waitFor();
  const ml2021 = await page.locator('ol.entries > li').count();
  verdict(ml2021 === 40, `/series/ml2021 lists ${ml2021} lectures (want 40)`);
  const deck = (await readFile(SLIDES, 'utf8')).split('\n');
  const first = deck.findIndex((l) => l.includes('預習以下課程'));
  const last = deck.findIndex((l) => l.includes('至少看到「Transformer (下)」'));
  await page.goto(new URL('playlists', server.url).href);
  await mounted(page);
  const paste = page.locator('section.assignment-paste');
  await paste.locator('#assignment-text').fill(deck.slice(first, last + 1).join('\n'));
  await paste.locator('button.preview-assignment').click();
  await paste.locator('.assignment-preview').waitFor();
  const found = await paste.locator('ol.assignment-videos > li').count();
  const unmatched = await paste.locator('ul.assignment-unmatched > li').count();
  verdict(found === 22, `the slide assignment previews ${found} videos (want 22), ${unmatched} lines not found, no load`);
  // Decoding the data file as the app does at start, on this machine's CPU.
  const decodeMs = await page.evaluate(async (url) => {
    const text = await (await fetch(url)).text();
    const t = performance.now();
    JSON.parse(text);
    return performance.now() - t;
  }, new URL(name, server.url).href);
  console.log(`JSON.parse of the data file in the page: ${decodeMs.toFixed(1)} ms (the app's serde decode is measured by bench/phone.mjs)`);
  await context.setOffline(true);
  await page.goto(server.url);
  await mounted(page);
  verdict(/448/.test(await page.locator('.count').innerText()), 'offline after one visit: 448 still there');
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
for (const v of verdicts) console.log(v);
process.exit(verdicts.some((v) => v.startsWith('FAIL')) ? 1 : 0);
