// The app's lazy pages (src/ui/lazy_page.rs) are wasm chunks that
// scripts/bin/wasm-bindgen splits off while Trunk builds; this puts them
// beside the main module Trunk wrote, and checks that they belong to it.
import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

const PLACEHOLDER = '__wasm_split_placeholder__';
const LOADER = /["']\.\/(__wasm_split-[0-9a-f]{16}\.js)["']/;

/** Whether `name` is the split's loader (named by scripts/bin/wasm-bindgen). */
export const isLoader = (name) => /^__wasm_split-[0-9a-f]{16}\.js$/.test(name);

/** The chunk files a loader's text names, sorted, each once. */
export function loaderChunks(text) {
  return [...new Set([...text.matchAll(/"\.\/([\w-]+\.wasm)"/g)].map((m) => m[1]))].sort();
}

// Where the shim leaves its output: Trunk's wasm-bindgen output folder,
// under Cargo's target directory.
export function splitDir(source, profile, targetDir = process.env.CARGO_TARGET_DIR) {
  const target = targetDir ? (isAbsolute(targetDir) ? targetDir : join(source, targetDir)) : join(source, 'target');
  return join(target, 'wasm-bindgen', profile, 'wasm-split');
}

// Copies the loader and its chunks into `staging`, the loader importing the
// main module under the name Trunk gave it. Returns the files written, or
// null when no module imports a loader (nothing was split).
export async function placeSplitFiles(staging, dir) {
  const mains = [];
  for (const name of (await readdir(staging)).filter((n) => n.endsWith('.js'))) {
    const text = await readFile(join(staging, name), 'utf8');
    if (text.includes(PLACEHOLDER)) {
      throw new Error(
        `${name} imports ${PLACEHOLDER}: the wasm was not split. Build through scripts/serve, ` +
          'scripts/test or scripts/build-site (they put scripts/bin/wasm-bindgen first on PATH).',
      );
    }
    const loader = text.match(LOADER);
    if (loader) mains.push({ name, loader: loader[1] });
  }
  // None: a build with no lazy pages (or the hook's own tests' staging).
  if (mains.length === 0) return null;
  if (mains.length > 1) throw new Error(`expected one module importing a wasm-split loader, found ${mains.length}`);
  const [{ name: main, loader }] = mains;
  let text;
  try {
    text = await readFile(join(dir, loader), 'utf8');
  } catch {
    throw new Error(`${main} imports ${loader}, which is not in ${dir}: build again`);
  }
  const fromMain = /from "\.\/[^"]+\.js";/;
  if (!fromMain.test(text)) throw new Error(`${loader} does not import its main module`);
  await writeFile(join(staging, loader), text.replace(fromMain, `from "./${main}";`));
  const chunks = loaderChunks(text);
  for (const chunk of chunks) await copyFile(join(dir, chunk), join(staging, chunk));
  return { main, loader, chunks };
}
