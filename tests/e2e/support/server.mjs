// A static file server for a built dist/, on 127.0.0.1 only, behaving like a
// static host: existing files are served, anything else gets 404.html (the
// GitHub Pages convention) or, failing that, index.html with status 200.
// Optionally also serves a folder of test fixtures under its own prefix, as
// another site on the same host would (plain 404 for anything missing there).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

// Content types by file name ending; the phone benchmark's gzip server uses it too.
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.md': 'text/markdown; charset=utf-8',
};

async function fileAt(root, urlPath) {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (!path.startsWith(root + sep) && path !== root) return null;
  try {
    const info = await stat(path);
    if (info.isFile()) return path;
    if (info.isDirectory()) {
      const index = join(path, 'index.html');
      if ((await stat(index).catch(() => null))?.isFile()) return index;
    }
  } catch {}
  return null;
}

/**
 * Serves `root` under `base` (e.g. '/' or '/lecture-shelf/'); resolves to
 * { url, close, rewrite, respond, fixturesUrl }. Setting `rewrite(path, body)` lets a
 * test change what is served from then on (a new sw.js, say, to simulate a
 * deploy); setting `respond(req, res)` lets it answer a request itself (a
 * slow or endless stream, say) by returning true. With `fixtures: { dir, prefix }` (prefix defaults to
 * '/__fixtures/'), the files of `dir` are served under `prefix`, outside
 * `base`; `fixturesUrl` is then their absolute URL.
 */
export async function serve(root, { base = '/', port = 0, fixtures = null } = {}) {
  root = normalize(root);
  // resolve() also drops a trailing slash, which fileAt's containment check needs.
  const fixtureDir = fixtures && resolve(fixtures.dir);
  const fixturePrefix = fixtures?.prefix ?? '/__fixtures/';
  const handle = { rewrite: null, respond: null };
  const server = createServer(async (req, res) => {
    if (handle.respond?.(req, res)) return;
    const url = new URL(req.url, 'http://127.0.0.1');
    if (fixtureDir && url.pathname.startsWith(fixturePrefix)) {
      const path = await fileAt(fixtureDir, '/' + url.pathname.slice(fixturePrefix.length));
      if (!path) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('no such fixture');
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'text/plain; charset=utf-8',
        'cache-control': 'no-cache',
      });
      res.end(await readFile(path));
      return;
    }
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('outside the public URL');
      return;
    }
    const rel = '/' + url.pathname.slice(base.length);
    let path = await fileAt(root, rel);
    let status = 200;
    if (!path) {
      path = (await fileAt(root, '/404.html')) ?? (await fileAt(root, '/index.html'));
      status = path?.endsWith('404.html') ? 404 : 200;
    }
    if (!path) {
      res.writeHead(404).end();
      return;
    }
    let body = await readFile(path);
    if (handle.rewrite) body = handle.rewrite(rel, body);
    res.writeHead(status, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const listening = server.address().port;
  return Object.assign(handle, {
    url: `http://127.0.0.1:${listening}${base}`,
    fixturesUrl: fixtureDir ? `http://127.0.0.1:${listening}${fixturePrefix}` : null,
    close: () => new Promise((resolve) => server.close(resolve)),
  });
}
