// The Content Security Policy (scripts/csp.mjs): present in every served page
// with the expected directives, never violated by the app, and enforced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { distDir, mounted, useApp } from './support/app.mjs';
import { openPage } from './support/browser.mjs';
import { catalogueWorkerIn, isReady, startWorker } from './support/worker.mjs';

const app = useApp();
const subpath = useApp({ dist: distDir('DIST_SUBPATH'), base: '/lecture-shelf/' });

const LECTURE_7 = 'Q9cNkUPXUB8';

/** The policy scripts/csp.mjs should write, less the loader hash (checked on its own). */
const EXPECTED = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'", 'https://www.youtube.com'],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'https://i.ytimg.com'],
  // Catalogue pages come from raw.githubusercontent.com or any https URL a student pastes.
  'connect-src': ["'self'", 'https:'],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-src': ['https://www.youtube-nocookie.com'],
};

const parse = (policy) =>
  Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );

/** Fetches `url` as a host would serve it and checks its CSP meta against EXPECTED. */
async function assertPolicyServed(url) {
  const html = await (await fetch(url)).text();
  const head = html.slice(0, html.indexOf('</head>'));
  const first = head.match(/<meta charset="utf-8">\s*(<[^>]+>)/);
  assert.ok(first, `${url}: no charset meta`);
  const meta = first[1].match(/^<meta http-equiv="Content-Security-Policy" content="([^"]+)">$/);
  assert.ok(meta, `${url}: the element after the charset is not the CSP meta: ${first[1]}`);
  const policy = parse(meta[1]);
  const loaders = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map(([, body]) => body);
  assert.equal(loaders.length, 1, `${url}: one inline module loader`);
  const hash = `'sha256-${createHash('sha256').update(loaders[0]).digest('base64')}'`;
  const scripts = EXPECTED['script-src'];
  // The stylesheets are inlined (index.html: Trunk's rel="inline"), each allowed by its hash.
  const styles = [...html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`,
  );
  assert.ok(styles.length > 0, `${url}: the stylesheets are inline`);
  assert.deepEqual(policy, {
    ...EXPECTED,
    'script-src': [...scripts.slice(0, 2), hash, ...scripts.slice(2)],
    'style-src': [...EXPECTED['style-src'], ...styles],
  });
  assert.doesNotMatch(meta[1], /unsafe-inline|'unsafe-eval'/);
  // Nothing else inline: no other scripts, handlers or style attributes.
  assert.equal((html.match(/<script\b/g) ?? []).length, 1, `${url}: only the loader is a script`);
  assert.doesNotMatch(html, /\sstyle\s*=|\son[a-z]+\s*=\s*["']/i);
}

/**
 * A fresh page whose CSP violations are collected twice: in the page
 * (`window.__cspViolations`, from an init script, which the page's CSP does
 * not govern) and in `violations` here (through a binding, across
 * navigations); console messages naming the CSP land in `cspConsole`.
 */
async function watchedPage(browser, options = {}) {
  const handle = await openPage(browser, { thumbnails: 'served', ...options });
  const violations = [];
  const cspConsole = [];
  await handle.context.exposeBinding('__reportCspViolation', (_source, v) => violations.push(v));
  await handle.context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      const v = {
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        sample: e.sample,
        page: e.documentURI,
      };
      window.__cspViolations.push(v);
      window.__reportCspViolation(v);
    });
  });
  handle.page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspConsole.push(msg.text());
  });
  return { ...handle, violations, cspConsole };
}

/** Full load of `path` under `base`, waiting for the app; checks the init script ran. */
async function visit(page, base, path) {
  await page.goto(new URL(path, base).href);
  await mounted(page);
  assert.ok(await page.evaluate(() => Array.isArray(window.__cspViolations)), 'the violation listener is installed');
}

function assertClean({ violations, cspConsole, errors }) {
  assert.deepEqual(violations, [], 'no securitypolicyviolation');
  assert.deepEqual(cspConsole, [], 'no console message about the CSP');
  assert.deepEqual(errors, []);
}

test('every route is served with the policy as the first element after the charset', async () => {
  for (const path of ['', `video/${LECTURE_7}`, 'progress', 'playlists', 'backup', 'shared', 'no/such/page']) {
    await assertPolicyServed(new URL(path, app.url).href);
  }
  await assertPolicyServed(new URL(`video/${LECTURE_7}`, subpath.url).href);
});

test('a build with a Google client id has the same policy: Google Drive needs nothing beyond connect-src https:', async () => {
  // Drive's REST API is https://www.googleapis.com (allowed by connect-src https:); Google's consent page is a
  // top-level navigation, which a page's policy does not govern. tests/e2e/sync-drive.test.mjs runs the
  // whole flow on that build and collects violations (none).
  const policyOf = async (dist, file) =>
    (await readFile(join(dist, file), 'utf8')).match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
  for (const file of ['index.html', '404.html']) {
    const main = await policyOf(distDir(), file);
    assert.ok(main, `${file} has a policy`);
    assert.equal(await policyOf(distDir('DIST_GOOGLE'), file), main, file);
  }
  assert.match(await readFile(join(distDir('DIST_GOOGLE'), 'index.html'), 'utf8'), /<meta name="shelf-google-client-id" content="[^"]+">/);
});

test('every route and a few interactions run without a CSP violation', async () => {
  const watched = await watchedPage(app.browser);
  const { page, context } = watched;

  await visit(page, app.url, '');
  // Thumbnails come from i.ytimg.com (served by the test): img-src allows them.
  await page.waitForFunction(() => [...document.querySelectorAll('.thumb img')].some((img) => img.complete && img.naturalWidth > 0));
  await page.locator('#catalogue-search').fill('机器学习');
  await page.waitForURL(/q=/);
  await page.locator('.result-list .video-title mark').first().waitFor();
  await page.locator('li.video-card .watch-pill input[value="in-progress"]').first().check();
  await page.waitForFunction(() => document.querySelector('li.video-card .watch-pill')?.dataset.state === 'in-progress');

  await visit(page, app.url, `video/${LECTURE_7}`);
  assert.match(await page.locator('h1#video-title').innerText(), /第7講/);

  await visit(page, app.url, 'progress');
  await page.locator('h1#progress-heading').waitFor();

  await visit(page, app.url, 'playlists');
  await page.getByLabel('新播放清單名稱').fill('CSP 清單');
  await page.getByLabel('新播放清單名稱').press('Enter');
  await page.locator('.playlist-row a', { hasText: 'CSP 清單' }).click();
  await page.waitForURL(/\/playlists\/pl-/);
  assert.equal(await page.locator('h1#playlist-title').innerText(), 'CSP 清單');

  await visit(page, app.url, 'backup');
  await page.locator('h1').first().waitFor();

  await visit(page, app.url, `shared#share=v1;x;${LECTURE_7}`);
  assert.equal(await page.locator('h1#shared-heading').innerText(), 'x');

  await visit(page, app.url, 'no/such/page');
  assert.equal(await page.locator('h1').innerText(), '找不到這個頁面');

  // The policy in the live document is the one served, still right after the charset.
  const second = await page.evaluate(() => document.head.children[1].outerHTML);
  assert.match(second, /^<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src /);
  assertClean(watched);
  await context.close();
});

test('the policy is enforced: an injected inline script does not run and is reported', async () => {
  const { page, context, violations, cspConsole } = await watchedPage(app.browser);
  await visit(page, app.url, '');
  const logged = page.waitForEvent('console', (msg) => /Content Security Policy/.test(msg.text()));
  const ranAtOnce = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = 1';
    document.body.append(s);
    return window.__pwned;
  });
  await page.waitForFunction(() => window.__cspViolations.length > 0);
  assert.equal(ranAtOnce, undefined);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const inPage = await page.evaluate(() => window.__cspViolations);
  assert.equal(inPage.length, 1);
  assert.equal(inPage[0].directive, 'script-src-elem');
  assert.equal(inPage[0].blocked, 'inline');
  assert.deepEqual(violations, inPage, 'the binding saw the same violation');
  assert.match((await logged).text(), /inline script.*(blocked|Refused)|Refused to execute inline script/);
  assert.equal(cspConsole.length, 1);
  await context.close();
});

test('exactly the IFrame API script and the nocookie player frame are allowed from YouTube', async () => {
  const { page, context } = await watchedPage(app.browser);
  // Stand-ins for YouTube, answered here: what the policy blocks never gets this far.
  await page.route(/^https:\/\/(www\.youtube\.com|www\.youtube-nocookie\.com|evil\.example)\//, (route) =>
    route.fulfill({
      contentType: route.request().resourceType() === 'script' ? 'text/javascript' : 'text/html',
      body: route.request().resourceType() === 'script' ? 'window.__loaded = (window.__loaded || 0) + 1;' : '<p>player</p>',
    }),
  );
  await visit(page, app.url, '');
  await page.evaluate(() => {
    const add = (tag, src) => {
      const el = document.createElement(tag);
      el.src = src;
      document.body.append(el);
    };
    add('script', 'https://www.youtube.com/iframe_api');
    add('iframe', 'https://www.youtube-nocookie.com/embed/Q9cNkUPXUB8');
    // Not allowed: another script host, and the player on the tracking host.
    add('script', 'https://evil.example/x.js');
    add('iframe', 'https://www.youtube.com/embed/Q9cNkUPXUB8');
  });
  await page.waitForFunction(() => window.__cspViolations.length >= 2 && window.__loaded === 1);
  const seen = (await page.evaluate(() => window.__cspViolations)).map((v) => `${v.directive} ${new URL(v.blocked).host}`);
  assert.deepEqual(seen.sort(), ['frame-src www.youtube.com', 'script-src-elem evil.example']);
  await context.close();
});

test('catalogue pages may be fetched from any https host (with CORS), never over plain http', async () => {
  const { page, context } = await watchedPage(app.browser);
  // Stand-ins for the hosts, answered here: a request the policy blocks never gets this far.
  const served = [];
  await page.route(/^https?:\/\/(raw\.githubusercontent\.com|lectures\.example\.edu)\//, (route) => {
    served.push(route.request().url());
    return route.fulfill({
      contentType: 'text/markdown; charset=utf-8',
      headers: { 'access-control-allow-origin': '*' },
      body: '# 第 1 頁',
    });
  });
  await visit(page, app.url, '');
  const results = await page.evaluate(async () => {
    const get = (url) =>
      fetch(url).then(
        async (r) => `${r.status} ${await r.text()}`,
        (e) => `failed: ${e.name}`,
      );
    return {
      github: await get('https://raw.githubusercontent.com/x/y/main/catalogue/page-1.md'),
      pasted: await get('https://lectures.example.edu/ml/page-2.md'),
      http: await get('http://lectures.example.edu/ml/page-3.md'),
    };
  });
  assert.deepEqual(results, { github: '200 # 第 1 頁', pasted: '200 # 第 1 頁', http: 'failed: TypeError' });
  await page.waitForFunction(() => window.__cspViolations.length >= 1);
  assert.deepEqual(
    (await page.evaluate(() => window.__cspViolations)).map((v) => `${v.directive} ${v.blocked}`),
    ['connect-src http://lectures.example.edu/ml/page-3.md'],
  );
  assert.deepEqual(served, [
    'https://raw.githubusercontent.com/x/y/main/catalogue/page-1.md',
    'https://lectures.example.edu/ml/page-2.md',
  ]);
  await context.close();
});

test('the catalogue worker starts under the built page\'s policy; other worker sources are refused', { timeout: 60_000 }, async (t) => {
  const worker = await catalogueWorkerIn(distDir());
  if (!worker.present) return t.skip(worker.why);
  const watched = await watchedPage(app.browser);
  const { page, context } = watched;
  await visit(page, app.url, `video/${LECTURE_7}`);
  const ready = await startWorker(page);
  assert.ok(isReady(ready), `the worker's first message is its ready message, not ${JSON.stringify(ready)}`);
  assertClean(watched);
  // worker-src 'self' is in force, so the start above was checked against it: a blob: worker is refused.
  const blob = await page.evaluate(
    () =>
      new Promise((resolve) => {
        try {
          const w = new Worker(URL.createObjectURL(new Blob(['postMessage("ran")'], { type: 'text/javascript' })));
          w.onmessage = (e) => resolve(`message ${e.data}`);
          w.onerror = () => resolve('error');
        } catch (e) {
          resolve(e.name);
        }
      }),
  );
  assert.match(blob, /^(error|SecurityError)$/, 'the blob: worker did not run');
  await page.waitForFunction(() => window.__cspViolations.length >= 1);
  const seen = await page.evaluate(() => window.__cspViolations);
  assert.deepEqual(seen.map((v) => `${v.directive} ${v.blocked}`), ['worker-src blob']);
  await context.close();
});

test('the sub-path build loads, deep links and reloads under its service worker without a violation', async () => {
  const watched = await watchedPage(subpath.browser);
  const { page, context } = watched;
  await visit(page, subpath.url, `video/${LECTURE_7}`);
  assert.match(await page.locator('h1#video-title').innerText(), /第7講/);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(new URL(scope).pathname, '/lecture-shelf/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // Now answered from the worker's cache: the cached page carries the policy too.
  await visit(page, subpath.url, '');
  assert.match(await page.evaluate(() => document.head.children[1].outerHTML), /Content-Security-Policy/);
  await page.locator('li.video-card').first().waitFor();
  assertClean(watched);
  await context.close();
});
