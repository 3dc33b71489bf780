// Time to render the playlists page over a large store, per dist given:
//   node bench/playlists-page.mjs NAME=DIST_DIR [NAME=DIST_DIR ...]
// Seeds LISTS playlists (schema 2, one video each), opens the catalogue, then
// goes to /playlists inside the app (router navigation, so page load is not
// measured) and times from the navigation to the frame after the page's
// first row and its last rendered row are painted. Also times a cold load
// of /playlists. A benchmark, not a test: nothing here asserts a time.
import { serve } from '../tests/e2e/support/server.mjs';
import { launch, openPage } from '../tests/e2e/support/browser.mjs';

const LISTS = Number(process.env.LISTS ?? 10_000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const ROW = '.playlist-list:not(.series-playlists) .playlist-row';

function store() {
  const now = Date.now();
  const playlists = {};
  for (let i = 0; i < LISTS; i++) {
    const id = `l${String(i).padStart(5, '0')}`;
    playlists[id] = { id, name: `List ${i}`, videos: ['fIoCxwVobEo'], created_at: now - 1e9 + i, updated_at: now - 1e8 };
  }
  return JSON.stringify({ schema: 2, progress: {}, notes: {}, playlists });
}

async function measure(name, dist) {
  const server = await serve(dist);
  const browser = await launch();
  const raw = store();
  const inApp = [];
  const cold = [];
  for (let round = 0; round < ROUNDS; round++) {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.evaluate((raw) => localStorage.setItem('lecture-shelf/study', raw), raw);
    await page.reload();
    await page.waitForSelector('#catalogue-search');
    const ms = await page.evaluate(async ({ row, href }) => {
      const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t0 = performance.now();
      history.pushState(null, '', href);
      dispatchEvent(new PopStateEvent('popstate'));
      while (!document.querySelector(row)) await new Promise((r) => setTimeout(r, 0));
      await painted();
      return performance.now() - t0;
    }, { row: ROW, href: new URL('playlists', server.url).pathname });
    const rows = await page.locator(ROW).count();
    inApp.push(ms);
    const t0 = Date.now();
    await page.goto(new URL('playlists', server.url).href);
    await page.waitForSelector(ROW);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    cold.push(Date.now() - t0);
    console.log(`${name} round ${round + 1}: in-app ${ms.toFixed(0)} ms, cold ${cold.at(-1)} ms, ${rows} rows rendered`);
    await context.close();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`${name}: ${LISTS} lists, median in-app ${median(inApp).toFixed(0)} ms, median cold load ${median(cold)} ms`);
  await browser.close();
  await server.close();
}

for (const arg of process.argv.slice(2)) {
  const [name, dist] = arg.split('=');
  await measure(name, dist);
}
