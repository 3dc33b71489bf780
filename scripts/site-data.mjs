// The site's data files: the catalogue the site is built with and the pages
// it was built from, written beside the wasm under content-hashed names
// (`catalogue-<hash>.json`, `catalogue-pages-<hash>.json`: the same
// catalogue always gives the same name, so browsers and sw.js keep it across
// app versions) and named in the page for the app (src/web/site_files.rs).
//
// Inputs: SHELF_SITE=DIR, a site directory (scripts/build-site writes one
// from the public source; scripts/test one around a hostile fixture) with
// catalogue.json, pages.json ({"pages":[{"name","text"}]}) and, when built
// from a source, source.txt (the index URL). Without it: the committed seed,
// catalogue/catalogue.json over catalogue/*.md (glob order, as
// crates/shelf-core/src/seed.rs lists them).
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const CATALOGUE_META = 'shelf-catalogue';
export const PAGES_META = 'shelf-pages';
export const SOURCE_META = 'shelf-source';

async function readOptional(path) {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (e) {
    if (e.code === 'ENOENT') return null;
    throw e;
  }
}

/** { catalogue, pages, source, from }: the file contents to write, and where they came from. */
export async function siteInputs(root, siteDir) {
  if (siteDir) {
    const catalogue = await readFile(join(siteDir, 'catalogue.json'), 'utf8');
    const pages = await readFile(join(siteDir, 'pages.json'), 'utf8');
    const source = await readOptional(join(siteDir, 'source.txt'));
    check(catalogue, pages, siteDir);
    return { catalogue, pages, source: source || null, from: siteDir };
  }
  const dir = join(root, 'catalogue');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  const list = [];
  for (const n of names) list.push({ name: `catalogue/${n}`, text: await readFile(join(dir, n), 'utf8') });
  const catalogue = await readFile(join(dir, 'catalogue.json'), 'utf8');
  const pages = JSON.stringify({ pages: list });
  check(catalogue, pages, dir);
  return { catalogue, pages, source: null, from: 'catalogue/ (the seed pages)' };
}

// A build never ships a data file the app would refuse at once: the
// prerender decodes the catalogue fully; this checks the shapes.
function check(catalogue, pages, from) {
  const parsed = JSON.parse(catalogue);
  if (!Array.isArray(parsed.videos)) throw new Error(`${from}: catalogue.json has no videos`);
  const list = JSON.parse(pages).pages;
  if (!Array.isArray(list) || !list.every((p) => typeof p.name === 'string' && typeof p.text === 'string')) {
    throw new Error(`${from}: pages.json is not {"pages":[{"name","text"}]}`);
  }
}

const hashed = (stem, text) => `${stem}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.json`;

/** Writes both files into `dir`; their names and sizes. */
export async function writeSiteFiles(dir, inputs) {
  const catalogue = hashed('catalogue', inputs.catalogue);
  const pages = hashed('catalogue-pages', inputs.pages);
  await writeFile(join(dir, catalogue), inputs.catalogue);
  await writeFile(join(dir, pages), inputs.pages);
  return {
    catalogue,
    pages,
    catalogueBytes: Buffer.byteLength(inputs.catalogue),
    pagesBytes: Buffer.byteLength(inputs.pages),
  };
}

const attr = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * `html` naming the site's files for the app, the catalogue preloaded beside
 * the wasm (`as="fetch" crossorigin`: the app's fetch is a same-origin CORS
 * request, which must match for the preloaded copy to be used).
 */
export function withSiteFiles(html, site, source) {
  const tags = [
    `<meta name="${CATALOGUE_META}" content="${attr(site.catalogue)}">`,
    `<meta name="${PAGES_META}" content="${attr(site.pages)}">`,
    ...(source ? [`<meta name="${SOURCE_META}" content="${attr(source)}">`] : []),
    `<link rel="preload" href="${attr(site.catalogue)}" as="fetch" crossorigin fetchpriority="high">`,
  ];
  if (!html.includes('</head>')) throw new Error('index.html has no </head>');
  // Once is enough: a hook run again on its own output replaces its tags.
  const earlier = new RegExp(
    `<meta name="(?:${CATALOGUE_META}|${PAGES_META}|${SOURCE_META})" content="[^"]*">|<link rel="preload" href="catalogue-[0-9a-f]{16}\\.json"[^>]*>`,
    'g',
  );
  return html.replace(earlier, '').replace('</head>', () => `${tags.join('')}</head>`);
}
