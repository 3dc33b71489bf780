// The release build's size budget (run by scripts/test after `trunk build
// --release`): fails when the app's wasm + JS, brotli-compressed as a static
// host would serve them, grow past the budget in size-budget.json. Raising
// the budget is a reviewed change to that file, with the measured figure.
import { brotliCompressSync, constants } from 'node:zlib';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const budget = JSON.parse(await readFile(new URL('../size-budget.json', import.meta.url), 'utf8'));
const files = (await readdir(dist)).filter((name) => /\.(wasm|js)$/.test(name) && name !== 'sw.js');
if (!files.some((f) => f.endsWith('.wasm'))) {
  console.error(`size-budget: no .wasm in ${dist}: build the app first`);
  process.exit(2);
}
let total = 0;
for (const name of files.sort()) {
  const raw = await readFile(join(dist, name));
  const brotli = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total += brotli;
  console.log(`size-budget: ${name.padEnd(48)} ${String(raw.length).padStart(9)} B raw ${String(brotli).padStart(8)} B brotli`);
}
const limit = budget.wasm_js_brotli_bytes;
const line = `size-budget: wasm + JS ${total} B brotli, budget ${limit} B (${((100 * total) / limit).toFixed(1)}%)`;
if (total > limit) {
  console.error(`${line}: OVER by ${total - limit} B. Cut it, or raise the budget in size-budget.json with the reason.`);
  process.exit(1);
}
console.log(line);
