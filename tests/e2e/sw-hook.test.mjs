// The post-build hook (scripts/post-build.mjs) on a small staging dir of
// its own, no browser: the catalogue worker's files are left out of the
// precache but listed for caching on first use, with this build's sha256,
// and the version still changes when only the worker changes; the site's
// data files are content-hashed, named in the page, the catalogue preloaded
// and precached, its pages cached on first use; the wasm split's loader and
// chunks are placed beside the main module (scripts/split-files.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { WORKER_FILES } from '../../scripts/catalogue-worker-files.mjs';
import { withGluePriority } from '../../scripts/prerender.mjs';
import { withCsp } from '../../scripts/csp.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

const PAGE = `<!DOCTYPE html>
<html lang="zh-Hant">
<head>
  <meta charset="utf-8">
  <title>t</title>
  <script type="module">import init from '/app-0123.js'; init();</script>
</head>
<body></body>
</html>
`;

/**
 * Runs the hook on `dir` (with the site directory `site`, or the seed);
 * returns sw.js's VERSION, ASSETS, ON_DEMAND and REUSABLE, and the names of
 * the site's data files as the page gives them.
 */
async function hook(dir, site, extraEnv = {}) {
  const env = { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_SOURCE_DIR: root };
  delete env.SHELF_SITE;
  delete env.SHELF_GOOGLE_CLIENT_ID;
  if (site) env.SHELF_SITE = site;
  Object.assign(env, extraEnv);
  await run('node', [join(root, 'scripts/post-build.mjs')], { cwd: root, env });
  const sw = await readFile(join(dir, 'sw.js'), 'utf8');
  const value = (name) => JSON.parse(sw.match(new RegExp(`^const ${name} = (.*);$`, 'm'))[1]);
  const reusable = JSON.parse(sw.match(/^const REUSABLE = new Set\((.*)\);$/m)[1]);
  assert.doesNotMatch(sw, /__[A-Z_]+__/, 'every placeholder is filled in');
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const meta = (name) => html.match(new RegExp(`<meta name="${name}" content="([^"]*)">`))?.[1];
  return {
    version: value('VERSION'),
    assets: value('ASSETS'),
    onDemand: value('ON_DEMAND'),
    reusable,
    html,
    catalogue: meta('shelf-catalogue'),
    pages: meta('shelf-pages'),
    source: meta('shelf-source'),
  };
}

async function staging(files) {
  const dir = await mkdtemp(join(tmpdir(), 'sw-hook-'));
  for (const [name, body] of Object.entries(files)) await writeFile(join(dir, name), body);
  return dir;
}

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

test('the catalogue worker is cached on first use, not precached, and versioned with the build', async () => {
  const worker = { 'catalogue-worker.js': 'glue 1', 'catalogue-worker_bg.wasm': 'wasm 1', 'catalogue-worker_loader.js': 'loader' };
  const dir = await staging({ 'index.html': PAGE, 'app-0123.js': 'app', 'app-0123_bg.wasm': 'app wasm', ...worker });
  try {
    const first = await hook(dir);
    assert.deepEqual(first.assets, ['./', '404.html', 'app-0123.js', 'app-0123_bg.wasm', first.catalogue, 'index.html']);
    const pages = await readFile(join(dir, first.pages));
    assert.deepEqual(first.onDemand, {
      ...Object.fromEntries(WORKER_FILES.map((name) => [name, sha256(worker[name])])),
      [first.pages]: sha256(pages),
    });
    assert.equal((await hook(dir)).version, first.version, 'the same files give the same version');

    // A new worker alone (same names) is a new version, with the new digest.
    await writeFile(join(dir, 'catalogue-worker_bg.wasm'), 'wasm 2');
    const second = await hook(dir);
    assert.notEqual(second.version, first.version);
    assert.deepEqual(second.assets, first.assets);
    assert.equal(second.onDemand['catalogue-worker_bg.wasm'], sha256('wasm 2'));
  } finally {
    await rm(dir, { recursive: true });
  }
});

test('a build without the catalogue worker lists nothing to cache on first use', async () => {
  const dir = await staging({ 'index.html': PAGE, 'app-0123.js': 'app', 'app-0123_bg.wasm': 'app wasm' });
  try {
    const { assets, onDemand, catalogue, pages } = await hook(dir);
    assert.deepEqual(assets, ['./', '404.html', 'app-0123.js', 'app-0123_bg.wasm', catalogue, 'index.html']);
    assert.deepEqual(Object.keys(onDemand), [pages]);
  } finally {
    await rm(dir, { recursive: true });
  }
});

test("the split's loader and chunks land beside the main module, import it by its hashed name, and are precached", async () => {
  const loader = '__wasm_split-0123456789abcdef.js';
  const chunk = 'study-fedcba9876543210.wasm';
  const dir = await staging({
    'index.html': PAGE,
    'app-0123.js': `import * as import1 from "./${loader}";`,
    'app-0123_bg.wasm': 'app wasm',
  });
  // Where scripts/bin/wasm-bindgen leaves them: Cargo's target dir, Trunk's wasm-bindgen folder.
  const target = await mkdtemp(join(tmpdir(), 'sw-hook-target-'));
  const split = join(target, 'wasm-bindgen', 'release', 'wasm-split');
  await mkdir(split, { recursive: true });
  await writeFile(join(split, loader), `import { initSync } from "./app.js";\nconst c = () => fetch(new URL("./${chunk}", import.meta.url));\n`);
  await writeFile(join(split, chunk), 'chunk wasm');
  const env = { CARGO_TARGET_DIR: target, TRUNK_PROFILE: 'release' };
  try {
    const { assets, reusable } = await hook(dir, null, env);
    assert.match(await readFile(join(dir, loader), 'utf8'), /^import \{ initSync \} from "\.\/app-0123\.js";/);
    assert.equal(await readFile(join(dir, chunk), 'utf8'), 'chunk wasm');
    assert.ok(assets.includes(loader) && assets.includes(chunk), assets.join(', '));
    assert.ok(reusable.includes(chunk), 'a chunk named after its contents is reused across versions');

    // A loader the build did not leave (a stale or foreign target dir) fails the build.
    await rm(join(split, loader));
    await assert.rejects(hook(dir, null, env), /imports __wasm_split-0123456789abcdef\.js, which is not in/);
  } finally {
    await rm(dir, { recursive: true });
    await rm(target, { recursive: true });
  }
});

test('a main module built without the split (no scripts/bin/wasm-bindgen) fails the build and says how to build', async () => {
  const dir = await staging({
    'index.html': PAGE,
    'app-0123.js': 'import * as import1 from "__wasm_split_placeholder__";',
    'app-0123_bg.wasm': 'app wasm',
  });
  try {
    await assert.rejects(hook(dir), /the wasm was not split\. Build through scripts\/serve, scripts\/test or scripts\/build-site/);
  } finally {
    await rm(dir, { recursive: true });
  }
});

test("the site's data files are content-hashed, named in both pages, preloaded, and kept across app versions", async () => {
  const site = await mkdtemp(join(tmpdir(), 'sw-hook-site-'));
  const catalogue = await readFile(join(root, 'catalogue/catalogue.json'), 'utf8');
  await writeFile(join(site, 'catalogue.json'), catalogue);
  await writeFile(join(site, 'pages.json'), JSON.stringify({ pages: [{ name: 'p.md', text: 'x' }] }));
  await writeFile(join(site, 'source.txt'), 'http://127.0.0.1:9/README.md?a=1&b="2"\n');
  const dir = await staging({ 'index.html': PAGE, 'app-0123.js': 'app', 'app-0123_bg.wasm': 'app wasm' });
  const again = await staging({ 'index.html': PAGE, 'app-4567.js': 'app 2', 'app-4567_bg.wasm': 'app wasm 2' });
  try {
    const first = await hook(dir, site);
    assert.match(first.catalogue, /^catalogue-[0-9a-f]{16}\.json$/);
    assert.match(first.pages, /^catalogue-pages-[0-9a-f]{16}\.json$/);
    assert.equal(await readFile(join(dir, first.catalogue), 'utf8'), catalogue, 'the catalogue as built');
    assert.deepEqual(JSON.parse(await readFile(join(dir, first.pages), 'utf8')).pages, [{ name: 'p.md', text: 'x' }]);
    assert.equal(first.source, 'http://127.0.0.1:9/README.md?a=1&amp;b=&quot;2&quot;', 'the source, escaped');
    assert.ok(first.html.includes(`<link rel="preload" href="${first.catalogue}" as="fetch" crossorigin fetchpriority="high">`));
    const skeleton = await readFile(join(dir, '404.html'), 'utf8');
    assert.ok(skeleton.includes(`<meta name="shelf-catalogue" content="${first.catalogue}">`), '404.html names it too');
    assert.ok(first.assets.includes(first.catalogue), 'the catalogue is precached');
    assert.ok(!first.assets.includes(first.pages) && first.pages in first.onDemand, 'its pages are cached on first use');
    assert.deepEqual(first.reusable, [first.catalogue], 'the hashed catalogue is reusable across versions');

    // Another app version, the same catalogue: the same name, so the cached copy serves.
    const second = await hook(again, site);
    assert.equal(second.catalogue, first.catalogue);
    assert.equal(second.pages, first.pages);
    assert.notEqual(second.version, first.version);

    // The seed build names no source; another catalogue, another name.
    const seed = await hook(dir);
    assert.equal(seed.source, undefined);
    await writeFile(join(site, 'catalogue.json'), catalogue.replace('"videos":[', '"videos":[ '));
    assert.notEqual((await hook(again, site)).catalogue, first.catalogue);

    // A site directory without a readable catalogue fails the build.
    await writeFile(join(site, 'catalogue.json'), '{"format":1');
    await assert.rejects(hook(again, site), /catalogue|JSON/);
  } finally {
    await rm(dir, { recursive: true });
    await rm(again, { recursive: true });
    await rm(site, { recursive: true });
  }
});

test('a Google client id set at build time is named in both pages; a malformed one fails the build', async () => {
  const dir = await staging({ 'index.html': PAGE, 'app-0123.js': 'app', 'app-0123_bg.wasm': 'app wasm' });
  const meta = /<meta name="shelf-google-client-id" content="([^"]*)">/;
  try {
    const none = await hook(dir);
    assert.doesNotMatch(none.html, meta, 'no id, no meta: the Google option is not shown');
    const id = '123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com';
    const set = await hook(dir, undefined, { SHELF_GOOGLE_CLIENT_ID: ` ${id}\n` });
    assert.equal(set.html.match(meta)?.[1], id, 'index.html names it (trimmed)');
    assert.equal((await readFile(join(dir, '404.html'), 'utf8')).match(meta)?.[1], id, '404.html too');
    assert.equal(set.html.match(new RegExp(meta.source, 'g')).length, 1, 'once');
    for (const bad of ['my-client', 'x.apps.googleusercontent.com.evil.example', '"><script>x</script>.apps.googleusercontent.com', 'a b.apps.googleusercontent.com']) {
      await assert.rejects(hook(dir, undefined, { SHELF_GOOGLE_CLIENT_ID: bad }), /SHELF_GOOGLE_CLIENT_ID is not a Google OAuth client id/, bad);
    }
  } finally {
    await rm(dir, { recursive: true });
  }
});

test("the app's JS glue is preloaded at high priority; its wasm and the catalogue worker's are not", () => {
  const head = [
    '<link rel="modulepreload" href="/app-0123.js" crossorigin="anonymous" integrity="sha384-x">',
    '<link rel="preload" href="/app-0123_bg.wasm" crossorigin="anonymous" integrity="sha384-y" as="fetch" type="application/wasm">',
    '<link rel="preload" href="/catalogue-worker_bg.wasm" as="fetch" type="application/wasm">',
    '<link rel="stylesheet" href="/main-0123.css">',
  ].join('\n');
  const out = withGluePriority(head).split('\n');
  assert.match(out[0], /^<link fetchpriority="high" rel="modulepreload"/);
  assert.doesNotMatch(out[1], /fetchpriority/);
  assert.doesNotMatch(out[2], /fetchpriority/);
  assert.doesNotMatch(out[3], /fetchpriority/);
  assert.equal(withGluePriority(withGluePriority(head)), withGluePriority(head), 'once is enough');
});

test('the CSP step refuses inline handlers, style attributes and javascript: URLs, not escaped text in values', () => {
  const page = (body) => `<!doctype html>\n<html><head>\n<meta charset="utf-8">\n</head><body>${body}</body></html>`;
  for (const bad of ['<img src=x onerror="a()">', '<p style="color:red">', '<a href="javascript:alert(1)">', '<b onclick=a>']) {
    assert.throws(() => withCsp(page(bad)), /inline code a CSP hash cannot allow/, bad);
  }
  // A prerendered row's label holding a hostile title, escaped.
  const row = '<input type="checkbox" aria-label="選取：&lt;img src=x onerror=&quot;a()&quot;&gt;" disabled="">';
  assert.match(withCsp(page(row)).html, /Content-Security-Policy/);
  assert.match(withCsp(page("<i title='x onload=y'>")).html, /Content-Security-Policy/);
});
