// site-build (crates/site-build) against a fake of the public host on
// 127.0.0.1 serving the small pages in tests/fixtures/site/: a good source
// gives a whole site directory; a broken page, a 404, an HTML page and a
// page that never arrives each give the problem, named, a non-zero exit
// and nothing written.
//
//   SITE_BUILD=path/to/site-build node --test tests/site/build-site.test.mjs
//
// Without SITE_BUILD the binary is looked for in $CARGO_TARGET_DIR (or
// target/) under debug/: `cargo build -p site-build` first.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = join(root, 'tests', 'fixtures', 'site');
const binary =
  process.env.SITE_BUILD ?? join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'debug', 'site-build');
const fixture = (name) => readFileSync(join(fixtures, name), 'utf8');
const seed = JSON.parse(readFileSync(join(root, 'catalogue', 'catalogue.json'), 'utf8'));
const seedPageNames = readdirSync(join(root, 'catalogue'))
  .filter((n) => n.endsWith('.md'))
  .sort()
  .map((n) => `catalogue/${n}`);
const FIXTURE_IDS = ['sItEfIxt01a', 'sItEfIxt02b', 'sItEfIxt03c'];

const scratch = mkdtempSync(join(tmpdir(), 'site-build-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The public host's layout, with `override` answering some paths instead:
 * a body (Markdown or HTML), a status number, 'hang' (headers never sent),
 * 'stall' (the body stops midway) or 'huge' (over 5 MB, streamed without
 * Content-Length). */
async function fakeHost(override = {}) {
  const routes = {
    '/README.md': fixture('README.md'),
    '/docs/01-index.md': fixture('docs/01-index.md'),
    '/docs/02-index.md': fixture('docs/02-index.md'),
    ...override,
  };
  const server = createServer((req, res) => {
    const answer = routes[req.url] ?? 404;
    // Left open: close() ends these connections.
    if (answer === 'hang') return;
    if (answer === 'stall') {
      // Headers and the start of a page, then nothing more.
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write(fixture('docs/02-index.md').slice(0, 40));
      return;
    }
    if (answer === 'huge') {
      // Chunked, no Content-Length: judged while it streams, as the app does.
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = '<!-- filler -->\n'.repeat(4096);
      for (let sent = 0; sent <= 5 * 1024 * 1024; sent += chunk.length) res.write(chunk);
      res.end();
      return;
    }
    if (typeof answer === 'number') {
      res.writeHead(answer, { 'content-type': 'text/plain' }).end('no such page');
      return;
    }
    const html = answer.startsWith('<!DOCTYPE');
    res.writeHead(200, { 'content-type': html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8' });
    res.end(answer);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    host: origin.slice('http://'.length),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Runs site-build (asynchronously: the fake host answers from this process). */
function siteBuild(args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A fresh parent directory for one run's site directory. */
function outDir(name) {
  const parent = join(scratch, name);
  mkdirSync(parent);
  return { parent, out: join(parent, 'site') };
}

test('a good source gives catalogue.json, pages.json and source.txt: the fixture merged over the seed', async () => {
  const host = await fakeHost();
  try {
    const { parent, out } = outDir('good');
    const run = await siteBuild(['--source', `${host.origin}/README.md`, '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /site-build: \d+ videos from 2 pages/);
    assert.deepEqual(readdirSync(parent), ['site'], 'no temporary directory left beside it');
    assert.deepEqual(readdirSync(out).sort(), ['catalogue.json', 'pages.json', 'source.txt']);

    const catalogue = JSON.parse(readFileSync(join(out, 'catalogue.json'), 'utf8'));
    const ids = new Set(catalogue.videos.map((v) => v.id));
    for (const id of FIXTURE_IDS) assert.ok(ids.has(id), `fixture video ${id} is in the catalogue`);
    for (const v of seed.videos) assert.ok(ids.has(v.id), `seed video ${v.id} is kept`);
    assert.equal(catalogue.videos.length, seed.videos.length + FIXTURE_IDS.length);
    const first = catalogue.videos.find((v) => v.id === 'sItEfIxt01a');
    assert.equal(first.number, 1);
    assert.match(first.title, /SITE-FIXTURE 一堂假的課/);

    const { pages } = JSON.parse(readFileSync(join(out, 'pages.json'), 'utf8'));
    assert.deepEqual(
      pages.map((p) => p.name),
      [...seedPageNames, `${host.host}/docs/01-index.md`, `${host.host}/docs/02-index.md`],
      'the seed pages, then the downloaded ones under the names the loader gives them',
    );
    assert.equal(pages.at(-2).text, fixture('docs/01-index.md'));
    assert.equal(pages.at(-1).text, fixture('docs/02-index.md'));
    assert.equal(pages[0].text, readFileSync(join(root, pages[0].name), 'utf8'));

    assert.equal(readFileSync(join(out, 'source.txt'), 'utf8'), `${host.origin}/README.md\n`);
  } finally {
    await host.close();
  }
});

/** Builds from a host with `override`, expecting a refusal: returns stderr. */
async function refused(name, override, args = []) {
  const host = await fakeHost(override);
  try {
    const { parent, out } = outDir(name);
    const run = await siteBuild(['--source', `${host.origin}/README.md`, '--out', out, ...args]);
    assert.equal(run.code, 1, `exit 1, got ${run.code}: ${run.stderr}`);
    assert.ok(!existsSync(out), 'nothing written');
    assert.deepEqual(readdirSync(parent), [], 'no temporary directory left');
    assert.match(run.stderr, /nothing written to/);
    return { stderr: run.stderr, host };
  } finally {
    await host.close();
  }
}

test('a page with a broken entry is refused, the problem named FILE:LINE', async () => {
  const { stderr, host } = await refused('broken', { '/docs/02-index.md': fixture('broken.md') });
  assert.ok(
    stderr.includes(`${host.host}/docs/02-index.md:4: missing YouTube link`),
    `the page is named as the loader names it:\n${stderr}`,
  );
});

test('a page that is not found is refused, its URL named', async () => {
  const { stderr, host } = await refused('missing', { '/docs/02-index.md': 404 });
  assert.ok(stderr.includes(`${host.origin}/docs/02-index.md: the server answered HTTP 404`), stderr);
});

test('an HTML page in place of a Markdown one is refused', async () => {
  const { stderr, host } = await refused('html', { '/docs/01-index.md': fixture('not-markdown.html') });
  assert.ok(stderr.includes(`${host.host}/docs/01-index.md:1: this is an HTML page`), stderr);
});

test('a page that never arrives is refused at the deadline', async () => {
  const started = Date.now();
  const { stderr, host } = await refused('hang', { '/docs/02-index.md': 'hang' }, ['--timeout', '1']);
  assert.ok(stderr.includes(`${host.origin}/docs/02-index.md: no complete answer within 1 s (timed out)`), stderr);
  assert.ok(Date.now() - started < 15_000, 'the short deadline applied');
});

test('a page whose body stops midway is refused at the deadline', async () => {
  const { stderr, host } = await refused('stall', { '/docs/02-index.md': 'stall' }, ['--timeout', '1']);
  assert.ok(stderr.includes(`${host.origin}/docs/02-index.md: no complete answer within 1 s (timed out)`), stderr);
});

test('a page past the 4 MB bound is refused while it streams', async () => {
  const { stderr, host } = await refused('huge', { '/docs/01-index.md': 'huge' });
  assert.ok(stderr.includes(`${host.host}/docs/01-index.md:0: page is 4.1 MB; the limit is 4 MB`), stderr);
});

test('an index that links no catalogue page is refused', async () => {
  const { stderr, host } = await refused('no-links', { '/README.md': '# An index\n\nNo pages here.\n' });
  assert.ok(stderr.includes(`${host.host}/README.md:0: the index links no catalogue pages`), stderr);
});

test('a failed build leaves an existing site directory as it was', async () => {
  const host = await fakeHost({ '/docs/01-index.md': 500 });
  try {
    const { parent, out } = outDir('kept');
    mkdirSync(out);
    writeFileSync(join(out, 'catalogue.json'), 'the last good one');
    const run = await siteBuild(['--source', `${host.origin}/README.md`, '--out', out]);
    assert.equal(run.code, 1, run.stderr);
    assert.ok(run.stderr.includes(`${host.origin}/docs/01-index.md: the server answered HTTP 500`), run.stderr);
    assert.equal(readFileSync(join(out, 'catalogue.json'), 'utf8'), 'the last good one');
    assert.deepEqual(readdirSync(parent), ['site']);
  } finally {
    await host.close();
  }
});

test('plain http to another host and bad arguments exit 2 before any download', async () => {
  const { parent, out } = outDir('usage');
  const remote = await siteBuild(['--source', 'http://example.com/README.md', '--out', out]);
  assert.equal(remote.code, 2);
  assert.match(remote.stderr, /only https:\/\//);
  const noOut = await siteBuild([]);
  assert.equal(noOut.code, 2);
  assert.match(noOut.stderr, /--out DIR is required/);
  assert.deepEqual(readdirSync(parent), []);
});
