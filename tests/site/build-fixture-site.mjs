// Builds a whole site the way the deploy does (scripts/build-site), from a
// fake of the public host on 127.0.0.1 serving tests/fixtures/site/ (made-up
// pages, never the reference ones), for the browser tests of a site built
// from a source (tests/e2e/site-build.test.mjs, DIST_SITE).
//
//   node tests/site/build-fixture-site.mjs DIST
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = join(root, 'tests', 'fixtures', 'site');
const dist = process.argv[2];
if (!dist) {
  console.error('usage: node tests/site/build-fixture-site.mjs DIST');
  process.exit(2);
}

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  try {
    const body = await readFile(join(fixtures, path));
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
  } catch {
    res.writeHead(404).end('no such page');
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const source = `http://127.0.0.1:${server.address().port}/README.md`;
const child = spawn(join(root, 'scripts', 'build-site'), ['--source', source, '--dist', dist], {
  cwd: root,
  stdio: 'inherit',
});
const code = await new Promise((resolve) => child.on('close', resolve));
server.close();
process.exit(code ?? 1);
