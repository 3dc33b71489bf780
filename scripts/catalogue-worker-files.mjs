// The catalogue page parser's Web Worker (crates/catalogue-worker), as Trunk
// 0.21 writes it into dist/ for the `<link data-trunk rel="rust" ...
// data-bin="catalogue-worker" data-type="worker" data-loader-shim>` in
// index.html. Worker file names are NOT content-hashed (the app names the
// loader at run time: `new Worker("catalogue-worker_loader.js")`), so these
// exact names are an interface. One list for the size budget
// (scripts/size-budget.mjs), the service worker (scripts/post-build.mjs:
// cached on first use, not precached) and the browser tests.
export const WORKER_NAME = 'catalogue-worker';
export const WORKER_LOADER = `${WORKER_NAME}_loader.js`;
export const WORKER_FILES = [`${WORKER_NAME}.js`, `${WORKER_NAME}_bg.wasm`, WORKER_LOADER];

/** True for a dist-relative path that is one of the worker's files. */
export const isWorkerFile = (path) => WORKER_FILES.includes(path);

/**
 * True when a source index.html (Trunk's input, not the built page: Trunk
 * drops the worker's <link>) asks Trunk to build the catalogue worker.
 */
export function declaresWorker(indexHtml) {
  return indexHtml
    .replace(/<!--[\s\S]*?-->/g, '')
    .match(/<link\b[^>]*>/gi)
    ?.some((tag) => /\bdata-trunk\b/.test(tag) && /\bdata-type="worker"/.test(tag) && tag.includes(`data-bin="${WORKER_NAME}"`)) ?? false;
}
