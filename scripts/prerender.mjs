// The catalogue's first screen in the built index.html, before the wasm runs:
// src/bin/prerender.rs renders it natively (the app's own message table, the
// core's search over the catalogue this site is built with: its data file). Called by the post-build hook (scripts/post-build.mjs)
// before the CSP and the service worker's hashing, which see the final page.
// The binary alone knows the <main> it replaces: a page without it (a test's
// tiny page) is left as it is, and the binary says which happened.
import { execFileSync } from 'node:child_process';

/** Runs the prerender binary on `indexHtml` (a path), in place, with the catalogue in `catalogueJson` (a path). */
export function prerender(indexHtml, source, catalogueJson) {
  // The native debug profile, the app package alone (so the core is built
  // without its importer, as for `cargo test -p lecture-shelf --lib`, whose
  // compiled dependencies it mostly shares); the work itself takes milliseconds.
  execFileSync('cargo', ['run', '--quiet', '-p', 'lecture-shelf', '--bin', 'prerender', '--', indexHtml, catalogueJson], {
    cwd: source,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/**
 * Asks for the app's JS glue at high priority: Trunk's modulepreload gets
 * fetchpriority="high", so the thumbnails of the prerendered rows do not
 * compete with it. The wasm's preload keeps the default priority (issue 22):
 * measured on a phone (5 loads each), high priority no longer made the search
 * answer sooner (4,730 vs 4,593 ms), while Lighthouse's simulated LCP counted
 * a high-priority wasm that arrived before the first paint as on the paint's
 * path (4,060 ms simulated against 212 ms observed; 1,230 ms without it).
 */
export function withGluePriority(html) {
  return html.replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/g, (tag) =>
    /fetchpriority=/.test(tag) || /catalogue-worker/.test(tag) ? tag : tag.replace(/^<link\b/, '<link fetchpriority="high"'),
  );
}
