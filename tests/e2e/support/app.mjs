// Shared set-up for browser tests: one server and one browser per test file.
import { after, before } from 'node:test';
import { serve } from './server.mjs';
import { collectErrors, launch, openContext, openPage } from './browser.mjs';

/** The dist/ folder under test; scripts/test sets DIST. */
export function distDir(name = 'DIST') {
  const dir = process.env[name];
  if (!dir) throw new Error(`${name} is not set: run the browser tests through scripts/test`);
  return dir;
}

/**
 * Registers before/after hooks and returns a handle whose `open(path)` gives
 * a fresh page (own context: fresh storage) already navigated and with the
 * app mounted. `fixtures` is passed to serve(): `app.server.fixturesUrl`
 * then points at that folder on the same host.
 */
export function useApp({ dist = distDir(), base = '/', fixtures = null, launchArgs = () => [] } = {}) {
  const app = { url: null, browser: null };
  let server;
  before(async () => {
    server = await serve(dist, { base, fixtures });
    app.server = server;
    app.url = server.url;
    app.browser = await launch(await launchArgs());
  });
  after(async () => {
    await app.browser?.close();
    await server?.close();
  });
  app.open = async (path = '', options = {}) => {
    const handle = await openPage(app.browser, options);
    await handle.page.goto(new URL(path, app.url).href);
    await mounted(handle.page);
    return handle;
  };
  /**
   * A fresh context (fresh storage) standing for one browser profile:
   * `tab(path)` opens another page in it, navigated and with the app
   * mounted. Its tabs share localStorage and get each other's `storage`
   * events. Options are openPage's.
   */
  app.openBrowser = async (options = {}) => {
    const context = await openContext(app.browser, options);
    const tab = async (path = '') => {
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(new URL(path, app.url).href);
      await mounted(page);
      return { page, errors };
    };
    return { context, tab };
  };
  return app;
}

/** Resolves once the app has replaced the static shell (skeleton or prerendered first screen). */
export async function mounted(page) {
  await page.waitForFunction(
    () => !document.querySelector('[aria-busy="true"], [data-prerendered]') && document.querySelector('#main'),
  );
}

/**
 * Resolves once the results show every row: a list made anew shows a
 * screenful first and is `aria-busy` until the rest follow (src/ui/keyed.rs).
 */
export async function listed(page) {
  await page.waitForFunction(() => !document.querySelector('ul.result-list[aria-busy]'));
}
