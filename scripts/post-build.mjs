// Trunk post-build hook (see Trunk.toml), where a build is finished: writes
// the catalogue's first screen into index.html (scripts/prerender.mjs), puts
// the Content Security Policy into it (scripts/csp.mjs), then writes 404.html
// (the same page with the skeleton) so static hosts answer deep links with the
// app, and sw.js with this build's file list and a version derived from the
// files' final contents.
//
// The catalogue worker's files (scripts/catalogue-worker-files.mjs, ~350 KB
// brotli, used only by students who load catalogue pages) are not precached:
// sw.js caches them on first use instead (ON_DEMAND, with their sha256 so it
// caches only this build's copy). The version still hashes them, so a new
// worker is a new sw.js and a new cache.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { withCsp } from './csp.mjs';
import { prerender, withWasmPriority } from './prerender.mjs';
import { isWorkerFile } from './catalogue-worker-files.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build.mjs: TRUNK_STAGING_DIR is not set (run me from a Trunk hook)');
  process.exit(2);
}
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}

const indexHtml = join(staging, 'index.html');
// 404.html (deep links, and every route but the bare catalogue in sw.js)
// keeps the neutral skeleton; index.html gets the catalogue's first screen.
const shell = withWasmPriority(await readFile(indexHtml, 'utf8'));
prerender(indexHtml, source);
const { html, policy } = withCsp(withWasmPriority(await readFile(indexHtml, 'utf8')));
await writeFile(indexHtml, html);
console.log(policy ? `csp.mjs: ${policy}` : 'csp.mjs: no CSP under trunk serve with autoreload');
await writeFile(join(staging, '404.html'), withCsp(shell).html);

// 404.html is precached too: sw.js answers navigations other than the bare
// catalogue with it.
const skip = new Set(['sw.js']);
const paths = (await files(staging))
  .map((p) => relative(staging, p).split(sep).join('/'))
  .filter((p) => !skip.has(p))
  .sort();
const hash = createHash('sha256');
const onDemand = {};
for (const p of paths) {
  const body = await readFile(join(staging, p));
  hash.update(p);
  hash.update(body);
  if (isWorkerFile(p)) onDemand[p] = createHash('sha256').update(body).digest('hex');
}
const version = hash.digest('hex').slice(0, 16);
// 'index.html' is requested as the scope root's shell; './' is the same page.
const assets = ['./', ...paths.filter((p) => !isWorkerFile(p))];
const template = await readFile(join(source, 'pwa', 'service-worker.js'), 'utf8');
const fill = (text, placeholder, value) => {
  if (!text.includes(placeholder)) throw new Error(`pwa/service-worker.js has no ${placeholder}`);
  return text.replace(placeholder, () => value);
};
let sw = fill(template, "'__VERSION__'", JSON.stringify(version));
sw = fill(sw, '__ASSETS__', JSON.stringify(assets));
sw = fill(sw, '__ON_DEMAND__', JSON.stringify(onDemand));
await writeFile(join(staging, 'sw.js'), sw);
const later = Object.keys(onDemand).length;
console.log(
  `post-build.mjs: sw.js precaches ${assets.length} files as version ${version}` +
    (later ? `, caches ${later} catalogue-worker files on first use` : ''),
);
