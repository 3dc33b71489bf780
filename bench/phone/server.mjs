// A static server on 127.0.0.1 that answers the way GitHub Pages does:
// gzip (Content-Encoding) for text, JS, CSS, JSON and wasm, 404.html with
// status 404 for unknown paths, `Cache-Control: max-age=600`. Bodies are
// compressed once and kept, so compression time is never measured.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TYPES } from '../../tests/e2e/support/server.mjs';

const COMPRESSED = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt']);

async function fileAt(root, urlPath) {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (!path.startsWith(root + sep) && path !== root) return null;
  const info = await stat(path).catch(() => null);
  if (info?.isFile()) return path;
  if (info?.isDirectory()) {
    const index = join(path, 'index.html');
    if ((await stat(index).catch(() => null))?.isFile()) return index;
  }
  return null;
}

/** Serves `dir` at the site root; resolves to { url, close }. */
export async function serveGzip(dir) {
  const root = resolve(dir);
  const bodies = new Map(); // path -> { body, gzip }
  const body = async (path) => {
    if (!bodies.has(path)) {
      const raw = await readFile(path);
      bodies.set(path, { raw, gzip: COMPRESSED.has(extname(path)) ? gzipSync(raw, { level: 9 }) : null });
    }
    return bodies.get(path);
  };
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let path = await fileAt(root, url.pathname);
      let status = 200;
      if (!path) {
        path = await fileAt(root, '/404.html');
        status = 404;
      }
      if (!path) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      const { raw, gzip } = await body(path);
      const accepts = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const headers = {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'max-age=600',
        vary: 'Accept-Encoding',
      };
      if (gzip && accepts) headers['content-encoding'] = 'gzip';
      const sent = gzip && accepts ? gzip : raw;
      headers['content-length'] = sent.length;
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : sent);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((done) => {
      server.closeAllConnections?.();
      server.close(done);
    }),
  };
}
