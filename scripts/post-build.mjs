// Trunk post-build hook (see Trunk.toml), where a build is finished: writes
// the catalogue's first screen into index.html (scripts/prerender.mjs), puts
// the Content Security Policy into it (scripts/csp.mjs), then writes 404.html
// (the same page with the skeleton) so static hosts answer deep links with the
// app, and sw.js with this build's file list and a version derived from the
// files' final contents.
//
// The catalogue is data, not code (scripts/site-data.mjs): the catalogue the
// site is built with and the pages it was built from are written beside the
// wasm under content-hashed names and named in both pages (<meta>), the
// catalogue preloaded; the prerender reads the same file.
//
// A Google OAuth client id set at build time (SHELF_GOOGLE_CLIENT_ID,
// scripts/google-client.mjs: its shape checked, a malformed one fails the
// build) is named in both pages too; without one, Google Drive sync is not
// offered.
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
import { prerender, withGluePriority } from './prerender.mjs';
import { isWorkerFile } from './catalogue-worker-files.mjs';
import { siteInputs, writeSiteFiles, withSiteFiles } from './site-data.mjs';
import { googleClientId, withGoogleClient } from './google-client.mjs';
import { compactPage } from './compact-page.mjs';
import { placeSplitFiles, splitDir } from './split-files.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build.mjs: TRUNK_STAGING_DIR is not set (run me from a Trunk hook)');
  process.exit(2);
}
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
// Checked first: a malformed id fails the build before anything is written.
const googleClient = googleClientId(process.env.SHELF_GOOGLE_CLIENT_ID);

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}

// The lazy pages' chunks first: they are precached and counted in the
// version like every other file.
const split = await placeSplitFiles(staging, splitDir(source, process.env.TRUNK_PROFILE ?? 'debug'));
console.log(
  split
    ? `split-files.mjs: ${split.loader} and ${split.chunks.length} chunks beside ${split.main}`
    : 'split-files.mjs: no module imports a wasm-split loader; nothing to place',
);

const inputs = await siteInputs(source, process.env.SHELF_SITE);
const site = await writeSiteFiles(staging, inputs);
console.log(
  `site-data.mjs: ${site.catalogue} (${site.catalogueBytes} B) and ${site.pages} (${site.pagesBytes} B)` +
    ` from ${inputs.from}${inputs.source ? `, built from ${inputs.source}` : ''}`,
);
const indexHtml = join(staging, 'index.html');
await writeFile(
  indexHtml,
  withGoogleClient(withSiteFiles(await readFile(indexHtml, 'utf8'), site, inputs.source), googleClient),
);
console.log(
  googleClient
    ? `google-client.mjs: Google Drive sync offered (client ${googleClient})`
    : 'google-client.mjs: no SHELF_GOOGLE_CLIENT_ID, Google Drive sync not offered',
);
// 404.html (deep links, and every route but the bare catalogue in sw.js)
// keeps the neutral skeleton; index.html gets the catalogue's first screen.
const shell = compactPage(withGluePriority(await readFile(indexHtml, 'utf8')));
prerender(indexHtml, source, join(staging, site.catalogue));
const { html, policy } = withCsp(compactPage(withGluePriority(await readFile(indexHtml, 'utf8'))));
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
  if (isWorkerFile(p) || p === site.pages) onDemand[p] = createHash('sha256').update(body).digest('hex');
}
const version = hash.digest('hex').slice(0, 16);
// 'index.html' is requested as the scope root's shell; './' is the same page.
const assets = ['./', ...paths.filter((p) => !(p in onDemand))];
// Content-hashed names (Trunk's `-<hash>` files, the site's data files): a
// new version reuses another version's cached copy instead of downloading it
// again, so a catalogue change leaves the wasm cached and the reverse.
const reusable = assets.filter((p) => /-[0-9a-f]{16}(?:_bg)?\.[a-z]+$/.test(p));
const template = await readFile(join(source, 'pwa', 'service-worker.js'), 'utf8');
const fill = (text, placeholder, value) => {
  if (!text.includes(placeholder)) throw new Error(`pwa/service-worker.js has no ${placeholder}`);
  return text.replace(placeholder, () => value);
};
let sw = fill(template, "'__VERSION__'", JSON.stringify(version));
sw = fill(sw, '__ASSETS__', JSON.stringify(assets));
sw = fill(sw, '__ON_DEMAND__', JSON.stringify(onDemand));
sw = fill(sw, '__REUSABLE__', JSON.stringify(reusable));
await writeFile(join(staging, 'sw.js'), sw);
const later = Object.keys(onDemand).length;
console.log(
  `post-build.mjs: sw.js precaches ${assets.length} files as version ${version}` +
    `, ${reusable.length} reusable from older caches` +
    (later ? `, caches ${later} files on first use (catalogue worker, site pages)` : ''),
);
