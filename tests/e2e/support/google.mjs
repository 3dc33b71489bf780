// A fake of Google at the network boundary for the Google Drive sync tests
// (tests/e2e/sync-drive.test.mjs): the OAuth 2.0 token flow's authorize page
// (accounts.google.com) and the Drive v3 endpoints the app uses, over an
// in-memory app data folder. Installed on any number of browser contexts
// with `install(context)`, so two contexts (two devices of one student)
// share one Drive. Every Drive request is logged in `requests` as
// `{ kind, method, path, status, token }` (kind: list, get, create, update,
// delete, preflight). Nothing here is the app's code: the app's requests are
// answered as Google answers them (the shapes of developers.google.com's
// Drive v3 reference: int64 fields as strings, errors as
// `{"error":{"code","message","errors":[{"reason"}]}}`).

export const CLIENT_ID = 'test-client.apps.googleusercontent.com';
export const SCOPE = 'https://www.googleapis.com/auth/drive.appdata';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '3600',
};

const json = (status, body) => ({
  status,
  headers: { ...CORS, 'content-type': 'application/json; charset=UTF-8' },
  body: JSON.stringify(body),
});
const error = (status, reason, message = reason) =>
  json(status, { error: { code: status, message, errors: [{ domain: 'global', reason, message }] } });

/** The parts of a `multipart/related` body, each `{ headers, body }`. */
function parts(body, boundary) {
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const [head, ...rest] = part.replace(/^\r\n/, '').split('\r\n\r\n');
      return { head, body: rest.join('\r\n\r\n').replace(/\r\n$/, '') };
    });
}

export function fakeGoogle() {
  let ids = 0;
  let tokens = 0;
  let clock = Date.parse('2026-12-01T00:00:00.000Z');
  const files = new Map(); // id → { id, name, body, version, modifiedTime, parents }
  const valid = new Set();
  const failures = []; // statuses the next Drive requests get, in order
  const google = {
    files,
    requests: [],
    /** The authorize requests' query parameters, in order. */
    authorizations: [],
    /** The next `n` Drive requests (preflights apart) are answered with `status`. */
    failNext(status, n = 1) {
      for (let i = 0; i < n; i += 1) failures.push(status);
    },
    /** Every token issued so far stops working (Google answers 401), as when one expires. */
    expireTokens() {
      valid.clear();
    },
    /** The app folder's device files by name: `{ name: body }`. */
    folder() {
      return Object.fromEntries([...files.values()].map((f) => [f.name, f.body]));
    },
    /** Drive requests since `from` (an index into `requests`), preflights left out. */
    since(from) {
      return google.requests.slice(from).filter((r) => r.kind !== 'preflight');
    },
    async install(context) {
      await context.route(/^https:\/\/accounts\.google\.com\//, (route) => authorize(route));
      await context.route(/^https:\/\/www\.googleapis\.com\//, (route) => drive(route));
    },
  };

  const file = (f) => ({
    id: f.id,
    name: f.name,
    version: String(f.version),
    size: String(Buffer.byteLength(f.body)),
    modifiedTime: f.modifiedTime,
  });
  const touch = (f) => {
    clock += 1000;
    f.modifiedTime = new Date(clock).toISOString();
  };

  // The consent page says yes at once: a redirect to redirect_uri with the
  // token in the fragment, as Google's token flow answers.
  function authorize(route) {
    const url = new URL(route.request().url());
    if (url.pathname !== '/o/oauth2/v2/auth') return route.fulfill({ status: 404, body: 'not found' });
    const params = Object.fromEntries(url.searchParams);
    google.authorizations.push(params);
    const redirect = params.redirect_uri;
    if (params.client_id !== CLIENT_ID || !redirect) {
      return route.fulfill({ status: 400, contentType: 'text/html', body: '<p>Error 400: invalid_request</p>' });
    }
    const token = `ya29.fake-${++tokens}`;
    valid.add(token);
    const fragment = new URLSearchParams({
      access_token: token,
      token_type: 'Bearer',
      expires_in: '3599',
      scope: params.scope,
      state: params.state,
    });
    return route.fulfill({ status: 302, headers: { location: `${redirect}#${fragment}` } });
  }

  function drive(route) {
    const request = route.request();
    const method = request.method();
    const url = new URL(request.url());
    const log = (kind, status, token = null) =>
      google.requests.push({ kind, method, path: url.pathname + url.search, status, token });
    if (method === 'OPTIONS') {
      log('preflight', 204);
      return route.fulfill({ status: 204, headers: CORS });
    }
    const token = (request.headers().authorization ?? '').replace(/^Bearer /, '');
    const kind = kindOf(method, url);
    const answer = (reply) => {
      log(kind, reply.status, token);
      return route.fulfill(reply);
    };
    if (!valid.has(token)) return answer(error(401, 'authError', 'Invalid Credentials'));
    if (failures.length) {
      const status = failures.shift();
      return answer(status === 403 ? error(403, 'userRateLimitExceeded') : error(status, 'backendError'));
    }
    const id = url.pathname.match(/\/files\/([^/]+)$/)?.[1];
    switch (kind) {
      case 'list': {
        if (url.searchParams.get('spaces') !== 'appDataFolder') return answer(error(400, 'invalid', 'spaces'));
        let list = [...files.values()];
        const q = url.searchParams.get('q');
        if (q) {
          const name = q.match(/^name = '((?:[^'\\]|\\.)*)'$/)?.[1]?.replace(/\\(.)/g, '$1');
          if (name === undefined) return answer(error(400, 'invalid', `q: ${q}`));
          list = list.filter((f) => f.name === name);
        }
        const size = Number(url.searchParams.get('pageSize') ?? 100);
        const start = Number(url.searchParams.get('pageToken') ?? 0);
        const page = list.slice(start, start + size).map(file);
        const more = start + size < list.length;
        const fields = url.searchParams.get('fields') ?? '';
        return answer(
          json(200, {
            files: page,
            // Only sent when the fields mask names it, as Drive does.
            ...(more && fields.includes('nextPageToken') ? { nextPageToken: String(start + size) } : {}),
          }),
        );
      }
      case 'get': {
        const f = files.get(id);
        if (!f) return answer(error(404, 'notFound', `File not found: ${id}.`));
        log(kind, 200, token);
        return route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'application/json' }, body: f.body });
      }
      case 'create': {
        const type = request.headers()['content-type'] ?? '';
        const boundary = type.match(/^multipart\/related; boundary=(.+)$/)?.[1];
        if (url.searchParams.get('uploadType') !== 'multipart' || !boundary) return answer(error(400, 'badContent'));
        const [meta, media] = parts(request.postData() ?? '', boundary);
        const metadata = JSON.parse(meta.body);
        if (JSON.stringify(metadata.parents) !== '["appDataFolder"]') return answer(error(400, 'parents'));
        const f = { id: `file${++ids}`, name: metadata.name, body: media.body, version: 1, parents: metadata.parents };
        touch(f);
        files.set(f.id, f);
        return answer(json(200, file(f)));
      }
      case 'update': {
        const f = files.get(id);
        if (!f) return answer(error(404, 'notFound', `File not found: ${id}.`));
        if (url.searchParams.get('uploadType') !== 'media') return answer(error(400, 'badContent'));
        f.body = request.postData() ?? '';
        f.version += 1;
        touch(f);
        return answer(json(200, file(f)));
      }
      case 'delete': {
        if (!files.delete(id)) return answer(error(404, 'notFound', `File not found: ${id}.`));
        log(kind, 204, token);
        return route.fulfill({ status: 204, headers: CORS, body: '' });
      }
      default:
        return answer(error(404, 'notFound', url.pathname));
    }
  }

  return google;
}

function kindOf(method, url) {
  const path = url.pathname;
  if (method === 'GET' && path === '/drive/v3/files') return 'list';
  if (method === 'GET' && /^\/drive\/v3\/files\/[^/]+$/.test(path) && url.searchParams.get('alt') === 'media') return 'get';
  if (method === 'POST' && path === '/upload/drive/v3/files') return 'create';
  if (method === 'PATCH' && /^\/upload\/drive\/v3\/files\/[^/]+$/.test(path)) return 'update';
  if (method === 'DELETE' && /^\/drive\/v3\/files\/[^/]+$/.test(path)) return 'delete';
  return 'other';
}
