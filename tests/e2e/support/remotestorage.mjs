// A real remoteStorage server for the sync tests: armadietto (npm, pinned in
// package.json), its classic "monolithic" server with the FileTree store
// (password accounts, documents as files), over HTTPS on 127.0.0.1 with a
// certificate made here, storage in a temporary directory.
//
// Chromium is told to trust exactly this certificate's key
// (`--ignore-certificate-errors-spki-list`, see `chromiumArgs`), so the app's
// CSP stays `connect-src https:` and no certificate error is ignored wholesale.
import { createRequire } from 'node:module';
import { createServer } from 'node:https';
import { X509Certificate, createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const Armadietto = require('armadietto');
const { configureLogger } = require('armadietto/lib/logger');

export const SCOPE = 'lecture-shelf:rw';
const OPENSSL = process.env.OPENSSL ?? 'openssl';

/** A self-signed certificate for 127.0.0.1 in `dir`: { key, cert, spki } (spki: base64 sha256 of the key). */
async function makeCertificate(dir) {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(OPENSSL, [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: 'ignore' });
  const der = new X509Certificate(await readFile(cert)).publicKey.export({ type: 'spki', format: 'der' });
  return { key, cert, spki: createHash('sha256').update(der).digest('base64') };
}

/**
 * Starts armadietto on a free port. Resolves to
 * { origin, host, spki, requests, createUser, token, revokeAll, stop }:
 * `requests` lists every request it answered ({ method, path, status, sent,
 * received }: body bytes each way), for counting.
 */
export async function startRemoteStorage() {
  const dir = await mkdtemp(join(tmpdir(), 'lecture-shelf-rs-'));
  const { key, cert, spki } = await makeCertificate(dir);
  configureLogger({ stdout: [], log_files: [] });
  const store = new Armadietto.FileTree({ path: join(dir, 'storage') });
  // `bare` gives the request handler without armadietto's own listeners and
  // process signal handlers; the HTTPS server is ours so its port is free.
  // `http.host` is only read to parse request URLs.
  const handle = new Armadietto({ bare: true, store, http: { host: '127.0.0.1' }, allow: { signup: true } });
  const requests = [];
  const server = createServer({ key: await readFile(key), cert: await readFile(cert) }, (req, res) => {
    // Bytes of bodies both ways (headers not counted), for the sync figures.
    const seen = { method: req.method, path: new URL(req.url, 'https://127.0.0.1').pathname, status: 0, sent: 0, received: 0 };
    requests.push(seen);
    req.on('data', (chunk) => (seen.sent += chunk.length));
    const count = (chunk) => {
      if (chunk) seen.received += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    };
    const [write, end] = [res.write.bind(res), res.end.bind(res)];
    res.write = (chunk, ...rest) => (count(chunk), write(chunk, ...rest));
    res.end = (chunk, ...rest) => {
      if (typeof chunk !== 'function') count(chunk);
      seen.status = res.statusCode;
      return end(chunk, ...rest);
    };
    handle(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${server.address().port}`;
  const origin = `https://${host}`;

  // Node's fetch would refuse the self-signed certificate: requests from the
  // test itself go through https.request with this certificate as the CA.
  const ca = [await readFile(cert)];
  const request = (method, path, body, headers) =>
    new Promise((resolve, reject) => {
      const req = require('node:https').request(
        `${origin}${path}`,
        { method, ca, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const post = (path, form) =>
    request('POST', path, new URLSearchParams(form).toString(), { 'content-type': 'application/x-www-form-urlencoded' });

  return {
    origin,
    host,
    spki,
    requests,
    /** Signs a user up through armadietto's sign-up form; `address` is `user@127.0.0.1:port`. */
    async createUser(username, password = 'correct horse battery') {
      const res = await post('/signup', { username, email: `${username}@example.com`, password });
      if (res.status >= 400) throw new Error(`sign-up of ${username} failed: ${res.status} ${res.text.slice(0, 200)}`);
      return { username, password, address: `${username}@${host}` };
    },
    /**
     * A bearer token for `clientId` (the app's origin) scoped lecture-shelf:rw,
     * through the OAuth form's POST as a browser would send it.
     */
    async token({ username, password }, clientId, redirectUri, state = 'test') {
      const res = await post('/oauth', {
        client_id: clientId, redirect_uri: redirectUri, response_type: 'token', scope: SCOPE, state, username, password, allow: 'Allow',
      });
      const location = res.headers.location ?? '';
      const token = new URLSearchParams(location.split('#')[1] ?? '').get('access_token');
      if (res.status !== 302 || !token) throw new Error(`authorization failed: ${res.status} ${location}`);
      return token;
    },
    /** Writes `body` at `path` inside the user's storage with `token`, as another client would; the status. */
    async put(username, path, body, token) {
      const res = await request('PUT', `/storage/${username}/${path}`, body, {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      });
      return res.status;
    },
    /** Revokes every token of `username` (the student revoked the app at their server). */
    async revokeAll(username) {
      const path = join(dir, 'storage', username.slice(0, 2), username, 'auth.json');
      const auth = JSON.parse(await readFile(path, 'utf8'));
      delete auth.sessions;
      await writeFile(path, JSON.stringify(auth));
    },
    async stop() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Chromium flags trusting this server's certificate (and no other). */
export function chromiumArgs(server) {
  return [`--ignore-certificate-errors-spki-list=${server.spki}`];
}
