// Debian's Chromium driven by playwright-core: no browser download, no network
// beyond 127.0.0.1 (YouTube thumbnails are blocked so tests never wait on them).
import { chromium } from 'playwright-core';

// A 1×1 PNG standing in for YouTube thumbnails when a test wants them to load.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** `args`: extra Chromium flags (the sync tests trust their server's certificate). */
export async function launch(args = []) {
  return chromium.launch({
    executablePath: EXECUTABLE,
    args: [
      // Every host but this machine fails at name lookup, inside Chromium:
      // nothing leaves the machine even where a test does not intercept.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...args,
    ],
  });
}

/**
 * A fresh context and page whose console errors and page errors are
 * collected in `errors`. Requests leaving 127.0.0.1 are aborted, except that
 * `thumbnails: 'served'` answers YouTube thumbnail requests with a pixel and
 * `thumbnails: 'unreachable'` leaves them to fail at name lookup.
 */
export async function openPage(browser, options = {}) {
  const context = await openContext(browser, options);
  const page = await context.newPage();
  return { context, page, errors: collectErrors(page) };
}

/**
 * A fresh context (own storage) with openPage's language and request
 * blocking; every page opened in it shares its storage, like tabs of one
 * browser profile.
 */
export async function openContext(browser, { thumbnails = 'blocked', ...options } = {}) {
  // A Taiwanese student's browser unless a test says otherwise: the UI language follows it.
  const context = await browser.newContext({ locale: 'zh-TW', ...options });
  // 'unreachable': no interception at all (cheapest; thumbnails fail at name lookup).
  if (thumbnails !== 'unreachable') await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) =>
      thumbnails === 'served' && route.request().url().startsWith('https://i.ytimg.com/')
        ? route.fulfill({ contentType: 'image/png', body: PIXEL })
        : route.abort('blockedbyclient'),
  );
  return context;
}

/** The page's console errors and page errors, collected as they happen. */
export function collectErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // Aborted thumbnail requests are expected here.
    if (/ERR_BLOCKED_BY_CLIENT|ERR_NAME_NOT_RESOLVED|net::ERR_FAILED/.test(msg.text())) return;
    // A cold deep link is answered with 404.html and status 404, as static
    // hosts do; Chromium logs that for the page itself. Any other 404 counts.
    if (/status of 404/.test(msg.text()) && msg.location().url === page.url()) return;
    errors.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  return errors;
}
