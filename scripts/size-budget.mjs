// The release build's size budgets (run by scripts/test after `trunk build
// --release`), brotli-compressed as a static host would serve the files:
//   main     the app's main wasm + JS and the chunk loader, fetched on every
//            first visit before the search answers
//   chunk    each wasm chunk a lazy page loads (src/ui/lazy_page.rs), the
//            largest checked against one budget
//   app      all of the app's wasm + JS, main and chunks: what the service
//            worker precaches on a first visit
//   worker   the catalogue parser's Web Worker (scripts/catalogue-worker-files.mjs),
//            fetched only when a student loads catalogue pages, so it is not
//            counted in the app's budget but has one of its own
//   page     index.html, the prerendered first screen with its styles, gzip
//            (zlib's default level, as common hosts serve it) and brotli: it
//            must arrive in a server's first flight (about 14 KB: TCP's
//            initial window of 10 segments), so the first paint waits for
//            no second round trip
// Fails when any grows past its budget in size-budget.json (every line is
// printed first). Raising a budget is a reviewed change to that file, with
// the measured figure.
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WORKER_FILES, declaresWorker, isWorkerFile } from './catalogue-worker-files.mjs';
import { isLoader, loaderChunks } from './split-files.mjs';

const dist = process.argv[2] ?? 'dist';
const budget = JSON.parse(await readFile(new URL('../size-budget.json', import.meta.url), 'utf8'));
for (const key of ['main_brotli_bytes', 'chunk_brotli_bytes', 'wasm_js_brotli_bytes', 'catalogue_worker_brotli_bytes', 'index_html_bytes']) {
  if (!Number.isInteger(budget[key]) || budget[key] <= 0) {
    console.error(`size-budget: size-budget.json has no ${key} (a positive whole number of bytes)`);
    process.exit(2);
  }
}
const all = (await readdir(dist)).filter((name) => /\.(wasm|js)$/.test(name) && name !== 'sw.js').sort();
const app = all.filter((name) => !isWorkerFile(name));
// The chunks are the files the loader names (scripts/split-files.mjs).
const loaders = app.filter(isLoader);
if (loaders.length !== 1) {
  console.error(`size-budget: expected one wasm-split loader in ${dist}, found ${loaders.length}`);
  process.exit(2);
}
const chunks = loaderChunks(await readFile(join(dist, loaders[0]), 'utf8'));
const main = app.filter((name) => !chunks.includes(name));
const worker = all.filter(isWorkerFile);
if (!app.some((f) => f.endsWith('.wasm'))) {
  console.error(`size-budget: no .wasm in ${dist}: build the app first`);
  process.exit(2);
}
// The source index.html says whether this build should have the worker.
const declared = declaresWorker(await readFile(new URL('../index.html', import.meta.url), 'utf8'));
const missing = WORKER_FILES.filter((name) => !worker.includes(name));
if (worker.length > 0 && missing.length > 0) {
  console.error(`size-budget: ${dist} has part of the catalogue worker: ${missing.join(', ')} missing`);
  process.exit(2);
}
if (declared && worker.length === 0) {
  console.error(`size-budget: index.html builds the catalogue worker but ${dist} has none of ${WORKER_FILES.join(', ')}`);
  process.exit(2);
}

async function measure(names, tag) {
  let total = 0;
  let largest = 0;
  for (const name of names) {
    const raw = await readFile(join(dist, name));
    const brotli = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    total += brotli;
    largest = Math.max(largest, brotli);
    console.log(`size-budget: ${name.padEnd(48)} ${String(raw.length).padStart(9)} B raw ${String(brotli).padStart(8)} B brotli${tag}`);
  }
  return { total, largest };
}

function verdict(what, total, limit) {
  const line = `size-budget: ${what} ${total} B brotli, budget ${limit} B (${((100 * total) / limit).toFixed(1)}%)`;
  if (total <= limit) return { line, over: false };
  return {
    line: `${line}: OVER by ${total - limit} B. Cut it, or raise the budget in size-budget.json with the reason.`,
    over: true,
  };
}

const first = await measure(main, ' (main)');
const lazy = await measure(chunks, ' (chunk)');
const results = [
  verdict('main wasm + JS', first.total, budget.main_brotli_bytes),
  verdict(`largest of ${chunks.length} chunks`, lazy.largest, budget.chunk_brotli_bytes),
  verdict('all wasm + JS (main and chunks)', first.total + lazy.total, budget.wasm_js_brotli_bytes),
];
if (worker.length > 0) {
  results.push(verdict('catalogue worker', (await measure(worker, ' (worker)')).total, budget.catalogue_worker_brotli_bytes));
} else {
  console.log('size-budget: catalogue worker not in this build (index.html does not build it)');
}
const page = await readFile(join(dist, 'index.html'));
const pageGzip = gzipSync(page).length;
const pageBrotli = brotliCompressSync(page, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(`size-budget: ${'index.html'.padEnd(48)} ${String(page.length).padStart(9)} B raw ${String(pageBrotli).padStart(8)} B brotli, ${pageGzip} B gzip`);
for (const [how, size] of [['gzip', pageGzip], ['brotli', pageBrotli]]) {
  const { line, over } = verdict('index.html', size, budget.index_html_bytes);
  results.push({ line: line.replace(' B brotli,', ` B ${how},`), over });
}
for (const { line, over } of results) (over ? console.error : console.log)(line);
if (results.some((r) => r.over)) process.exit(1);
