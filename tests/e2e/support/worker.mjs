// The catalogue parser's Web Worker in browser tests: whether the dist under
// test has it, and starting it in a page as the app does.
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WORKER_FILES, WORKER_LOADER, declaresWorker } from '../../../scripts/catalogue-worker-files.mjs';

export { WORKER_FILES, WORKER_LOADER };

/**
 * Whether `dist` has the catalogue worker: `{ present: true }`, or
 * `{ present: false, why }` when this checkout's index.html does not build
 * it (a test then skips, saying why). Throws when index.html builds it but
 * `dist` lacks any of its files, or when `dist` has only some of them, so a
 * missing worker fails a test rather than skipping it.
 */
export async function catalogueWorkerIn(dist) {
  const found = [];
  for (const name of WORKER_FILES) {
    if (await access(join(dist, name)).then(() => true, () => false)) found.push(name);
  }
  const missing = WORKER_FILES.filter((name) => !found.includes(name));
  if (missing.length === 0) return { present: true };
  const declared = declaresWorker(await readFile(new URL('../../../index.html', import.meta.url), 'utf8'));
  if (declared || found.length > 0) {
    throw new Error(`${dist} lacks catalogue-worker files the build declares: ${missing.join(', ')}`);
  }
  return { present: false, why: `index.html does not build the catalogue worker and ${dist} has none of it` };
}

/** True for the worker's first message: "ready" (or the spike's `{ ready: true }`). */
export const isReady = (data) => data === 'ready' || data?.ready === true;

/**
 * Starts the worker in `page` as the app does (relative to the document's
 * base) and resolves with its first message, then ends it; rejects when it
 * cannot start (a load error, or a script error inside it).
 */
export function startWorker(page) {
  return page.evaluate(
    (loader) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(loader);
        worker.onmessage = (e) => {
          worker.terminate();
          resolve(e.data);
        };
        worker.onerror = (e) => {
          worker.terminate();
          reject(new Error(`the catalogue worker did not start: ${e.message || 'its script did not load'}`));
        };
      }),
    WORKER_LOADER,
  );
}
