// One fresh load of a page in headless Chromium, read from the DOM and the
// browser only (never the app's internals), so the same code measures the app
// and the plain page, and keeps working when the app's first screen becomes
// prerendered markup.
//
// Two kinds of load, each in a new context (empty cache and storage):
//   paint   FCP, LCP, 10 lecture links visible, bytes by type, DOM size
//   search  search answering a query typed as soon as the field is enabled,
//           then keystroke → next frame over a set of queries typed letter by
//           letter (input events inside the page, as bench/keystroke.mjs does),
//           then the same queries typed by the browser's own input at a
//           typist's pace, each keystroke's input → next paint read from the
//           Event Timing API (what INP reports)
import { deflateSync, crc32 } from 'node:zlib';

/** Lecture links, in both pages (the plain page uses the app's classes). */
export const LINKS = '.result-list a.video-link';
const SEARCH = 'input[type="search"]';
const WORDS = ['transformer', '机器学习', 'diffusion 模型', 'gan', 'agent', '強化學習', 'zzqx'];

// Lighthouse's mobile conditions: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU 4×.
export const CONDITIONS = [
  { name: 'desktop', label: 'unthrottled, 1280×900', viewport: { width: 1280, height: 900 }, cpu: 1, network: null },
  {
    name: 'mobile',
    label: 'mobile: 150 ms RTT, 1.6/0.75 Mbit/s, CPU 4×, 390×844',
    viewport: { width: 390, height: 844 },
    mobile: true,
    cpu: 4,
    network: { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  },
];

// A 320×180 grey PNG (the size of mqdefault.jpg) standing in for every YouTube thumbnail.
function fixtureImage(width = 320, height = 180) {
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length);
    head.write(type, 4);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x99);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter byte
  const png = [Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))];
  return Buffer.concat(png).toString('base64');
}
const THUMBNAIL = fixtureImage();

function kindOf(type, mime) {
  if (mime === 'application/wasm') return 'wasm';
  if (type === 'Document') return 'html';
  if (type === 'Script') return 'js';
  if (type === 'Stylesheet') return 'css';
  if (type === 'Image') return 'image';
  if (/json/.test(mime)) return 'json';
  return 'other';
}

/** Runs in the page before any of its scripts; all times from navigation start. */
function probe({ mode, query, links, search }) {
  const b = (window.__bench = { fcp: null, lcp: null, links10: null, links10Page: null, typedAt: null, answeredAt: null });
  const observe = (type, take) => {
    try {
      new PerformanceObserver((list) => take(list.getEntries())).observe({ type, buffered: true });
    } catch {}
  };
  observe('paint', (es) => es.forEach((e) => e.name === 'first-contentful-paint' && (b.fcp = e.startTime)));
  observe('largest-contentful-paint', (es) => (b.lcp = es[es.length - 1].startTime));
  const rendered = (a) => a.getClientRects().length > 0;
  // Links laid out anywhere / at least partly in the viewport, counted up to
  // 10 (the list runs downwards, so the first link below the viewport ends it).
  const count = () => {
    let page = 0;
    let view = 0;
    let below = false;
    for (const a of document.querySelectorAll(links)) {
      if (!rendered(a)) continue;
      page++;
      const r = a.getBoundingClientRect();
      if (r.top >= innerHeight) below = true;
      else if (r.bottom > 0 && r.right > 0 && r.left < innerWidth) view++;
      if (page >= 10 && (below || view >= 10)) break;
    }
    return { page, view };
  };
  const shownLinks = () => [...document.querySelectorAll(links)].filter(rendered);
  // Seen in a frame callback, so painted in that frame: stamped after its
  // rendering work (as keystroke → next frame is), at a zero timeout.
  const stamp = (key) => {
    b[key] = -1;
    setTimeout(() => (b[key] = performance.now()), 0);
  };
  let before = null;
  const tick = () => {
    if (mode === 'paint') {
      const { page, view } = count();
      if (b.links10Page === null && page >= 10) stamp('links10Page');
      if (b.links10 === null && view >= 10) stamp('links10');
      if (b.links10 === null) requestAnimationFrame(tick);
      return;
    }
    if (b.typedAt === null) {
      const input = [...document.querySelectorAll(search)].find((i) => !i.disabled);
      if (input) {
        const shown = shownLinks();
        before = { n: shown.length, first: shown[0]?.href };
        input.focus();
        input.value = query;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: query }));
        b.typedAt = performance.now();
      }
    } else {
      // Answered: the list changed and now starts with a match.
      const shown = shownLinks();
      const first = shown[0];
      const changed = shown.length !== before.n || first?.href !== before.first;
      if (first && changed && first.textContent.toLowerCase().includes(query)) return stamp('answeredAt');
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** A brisk typist: the time between two keystrokes. */
const TYPING_INTERVAL_MS = 150;

/**
 * The WORDS typed as trusted input (CDP Input.insertText), one character
 * every TYPING_INTERVAL_MS, each word in a field cleared before it; resolves
 * to each keystroke's `input` event → next paint (Event Timing). Event
 * Timing leaves out events under 16 ms: those count as 16 ms, so figures at
 * 16 ms mean "16 ms or less".
 */
async function typePaced(page, words) {
  await page.evaluate((search) => {
    window.__inputs = [];
    new PerformanceObserver((list) => window.__inputs.push(...list.getEntries().filter((e) => e.name === 'input').map((e) => e.duration)))
      .observe({ type: 'event', durationThreshold: 16 });
    [...document.querySelectorAll(search)].find((i) => !i.disabled).focus();
  }, SEARCH);
  let typed = 0;
  for (const word of words) {
    await page.evaluate((search) => {
      const input = [...document.querySelectorAll(search)].find((i) => !i.disabled);
      input.value = '';
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }, SEARCH);
    for (const letter of word) {
      await page.keyboard.insertText(letter);
      typed++;
      await page.waitForTimeout(TYPING_INTERVAL_MS);
    }
  }
  // The last keystroke's paint, then its entry.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))));
  const long = await page.evaluate(() => window.__inputs);
  return [...long, ...Array(Math.max(0, typed - long.length)).fill(16)];
}

/** Keystroke → results laid out and → next painted frame, per letter typed. */
async function typeWords(page, words) {
  return page.evaluate(
    async ({ words, search }) => {
      const input = [...document.querySelectorAll(search)].find((i) => !i.disabled);
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const settled = () => new Promise((r) => setTimeout(() => (document.body.getBoundingClientRect(), r()), 0));
      const set = (value) => {
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      };
      const out = [];
      set('');
      await frame();
      for (const word of words) {
        const letters = [...word];
        for (let i = 1; i <= letters.length; i++) {
          await frame();
          const t0 = performance.now();
          set(letters.slice(0, i).join(''));
          await settled();
          await frame();
          out.push(performance.now() - t0);
        }
        set('');
        await frame();
      }
      return out;
    },
    { words, search: SEARCH },
  );
}

/**
 * One load of `url` under `condition`; resolves to the figures of its mode:
 * paint → { fcp, lcp, links10, links10Page, inView, nodes, bytes }, search →
 * { typedAt, answeredAt, keystrokes: [ms...] } (no keystrokes with `typing:
 * false`: the first answer only). A figure never reached is null.
 */
export async function load(browser, url, condition, mode, query, { typing = true } = {}) {
  const context = await browser.newContext({
    locale: 'zh-TW',
    viewport: condition.viewport,
    ...(condition.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : {}),
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const kinds = new Map();
    const bytes = {};
    cdp.on('Network.responseReceived', ({ requestId, type, response }) => kinds.set(requestId, kindOf(type, response.mimeType)));
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const kind = kinds.get(requestId) ?? 'other';
      bytes[kind] = (bytes[kind] ?? 0) + encodedDataLength;
    });
    // Thumbnails faked at the network boundary: only i.ytimg.com is intercepted.
    cdp.on('Fetch.requestPaused', ({ requestId }) =>
      cdp
        .send('Fetch.fulfillRequest', {
          requestId,
          responseCode: 200,
          responseHeaders: [{ name: 'Content-Type', value: 'image/png' }, { name: 'Cache-Control', value: 'max-age=86400' }],
          body: THUMBNAIL,
        })
        .catch(() => {}),
    );
    await cdp.send('Network.enable');
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: 'https://i.ytimg.com/*' }] });
    if (condition.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...condition.network });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpu });
    await page.addInitScript(probe, { mode, query, links: LINKS, search: SEARCH });
    const slow = condition.cpu > 1 ? 3 : 1;

    if (mode === 'paint') {
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      await page.waitForLoadState('networkidle', { timeout: 20_000 * slow }).catch(() => {});
      // The links may come a little after the network settles; give up after that.
      await page.waitForFunction(() => (window.__bench.links10 ?? -1) >= 0, null, { timeout: 3_000 * slow }).catch(() => {});
      const figures = await page.evaluate((links) => {
        const inView = [...document.querySelectorAll(links)].filter((a) => {
          const r = a.getBoundingClientRect();
          return r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
        }).length;
        // The app's own measure of decoding its catalogue data file (none in the plain page).
        const decode = performance.getEntriesByName('catalogue-decode')[0]?.duration ?? null;
        return { ...window.__bench, inView, decode, nodes: document.getElementsByTagName('*').length };
      }, LINKS);
      // A figure seen but not yet stamped (-1) counts as not reached.
      for (const key of ['links10', 'links10Page']) if (figures[key] < 0) figures[key] = null;
      const total = Object.values(bytes).reduce((a, b) => a + b, 0);
      return { ...figures, bytes: { total, ...bytes } };
    }
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    const answered = await page
      .waitForFunction(() => (window.__bench.answeredAt ?? -1) >= 0, null, { timeout: 30_000 * slow })
      .then(() => true, () => false);
    const figures = await page.evaluate(() => window.__bench);
    const keystrokes = answered && typing ? await typeWords(page, WORDS) : [];
    const paced = answered && typing ? await typePaced(page, WORDS) : [];
    return { ...figures, keystrokes, paced };
  } finally {
    await context.close();
  }
}
