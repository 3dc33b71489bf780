// The catalogues measured and the release dists built from them:
//   98     the seed catalogue (catalogue/catalogue.json)
//   448    the full catalogue, imported locally from ../shared (never committed)
//   10000  synthetic, from the search_bench example
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const REFERENCE = '../shared/catalogue/reference';

function run(root, cmd, args, env = {}) {
  console.log(`$ ${Object.entries(env).map(([k, v]) => `${k}=${v} `).join('')}${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
}

/**
 * { size, catalogue, dist } for each size, or { size, skipped } when its
 * source is missing; builds the catalogue JSON and the dist unless `build`
 * is false (then both must already exist).
 */
export function prepare(root, sizes, { build }) {
  const out = [];
  for (const size of sizes) {
    const dist = join(root, `target/bench/dist-${size}`);
    let catalogue;
    if (size === 98) {
      catalogue = join(root, 'catalogue/catalogue.json');
    } else if (size === 448) {
      catalogue = join(root, 'target/bench/site-448/catalogue.json');
      const pages = join(root, REFERENCE);
      if (build && !existsSync(pages)) {
        out.push({ size, skipped: `no reference pages at ${REFERENCE} (local only)` });
        continue;
      }
      if (build) {
        const files = readdirSync(pages).filter((f) => f.endsWith('.md')).sort().map((f) => join(REFERENCE, f));
        mkdirSync(join(root, 'target/bench/site-448'), { recursive: true });
        run(root, 'cargo', ['run', '-q', '--bin', 'import-catalogue', '--', ...files, '--out', catalogue,
          '--pages-out', join(root, 'target/bench/site-448/pages.json')]);
      }
    } else if (size === 10000) {
      catalogue = join(root, 'target/bench/site-10000/catalogue.json');
      if (build) {
        // Synthetic entries have no pages: the site's pages file is empty.
        mkdirSync(join(root, 'target/bench/site-10000'), { recursive: true });
        writeFileSync(join(root, 'target/bench/site-10000/pages.json'), '{"pages":[]}');
        run(root, 'cargo', ['run', '-q', '--release', '-p', 'shelf-core', '--example', 'search_bench', '--',
          '--write-synthetic', catalogue]);
      }
    } else {
      throw new Error(`unknown size ${size} (choose from 98, 448, 10000)`);
    }
    if (build) {
      // The catalogue is the site's data file (SHELF_SITE: a site directory).
      const env = size === 98 ? {} : { SHELF_SITE: join(catalogue, '..') };
      run(root, 'trunk', ['build', '--release', '--dist', dist], env);
    }
    if (!existsSync(join(dist, 'index.html')) || !existsSync(catalogue)) {
      out.push({ size, skipped: `no ${existsSync(catalogue) ? dist : catalogue} (run without --no-build)` });
      continue;
    }
    const count = JSON.parse(readFileSync(catalogue, 'utf8')).videos.length;
    out.push({ size, catalogue, dist, count });
  }
  return out;
}

/**
 * A query for "search answers a keystroke": an ASCII title word (no digits,
 * which the app reads as lecture numbers or course names) matching few
 * titles, so both lists visibly change, and absent from the first title.
 */
export function pickQuery(catalogueFile) {
  const titles = JSON.parse(readFileSync(catalogueFile, 'utf8')).videos.map((v) => v.title.toLowerCase());
  const candidates = new Set(titles.flatMap((t) => t.match(/[a-z]{5,}/g) ?? []));
  // Substring counts, as the plain page's filter matches.
  const words = [...candidates]
    .filter((w) => !titles[0].includes(w))
    .map((w) => [w, titles.filter((t) => t.includes(w)).length]);
  words.sort(([a, n], [b, m]) => Math.abs(n - 4) - Math.abs(m - 4) || a.localeCompare(b));
  return words[0]?.[0] ?? 'zzqx';
}
