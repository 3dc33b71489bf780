// Debian's Chromium driven by playwright-core: no browser download, no network
// beyond 127.0.0.1 (YouTube thumbnails are blocked so tests never wait on them).
import { chromium } from 'playwright-core';

// A 1×1 PNG standing in for YouTube thumbnails when a test wants them to load.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';

export async function launch() {
  return chromium.launch({
    executablePath: EXECUTABLE,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh context and page whose console errors and page errors are
 * collected in `errors`. Requests leaving 127.0.0.1 are aborted, except that
 * `thumbnails: 'served'` answers YouTube thumbnail requests with a pixel.
 */
export async function openPage(browser, { thumbnails = 'blocked', ...options } = {}) {
  const context = await browser.newContext(options);
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) =>
      thumbnails === 'served' && route.request().url().startsWith('https://i.ytimg.com/')
        ? route.fulfill({ contentType: 'image/png', body: PIXEL })
        : route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (msg) => {
    // Aborted thumbnail requests are expected here; any other error is not.
    if (msg.type() === 'error' && !/ERR_BLOCKED_BY_CLIENT|net::ERR_FAILED/.test(msg.text())) {
      errors.push(`console: ${msg.text()}`);
    }
  });
  return { context, page, errors };
}
