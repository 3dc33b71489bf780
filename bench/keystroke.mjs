// Keystroke-to-painted-results time in headless Chromium, per dist given:
//   node bench/keystroke.mjs NAME=DIST_DIR [NAME=DIST_DIR ...]
// Types queries letter by letter into the catalogue search (as input events
// inside the page, so the driver's round trips are not measured) and times
// from each input event to the frame after the results are painted.
import { serve } from '../tests/e2e/support/server.mjs';
import { launch, openPage } from '../tests/e2e/support/browser.mjs';

const WORDS = ['transformer', '机器学习', 'diffusion 模型', 'gan', 'agent', '強化學習', 'zzqx'];
const ROUNDS = 5;

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p) => sorted[Math.round((sorted.length - 1) * p)];
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

async function measure(name, dist) {
  const server = await serve(dist);
  const browser = await launch();
  const { page } = await openPage(browser, { viewport: { width: 1280, height: 900 }, thumbnails: 'unreachable' });
  await page.goto(server.url);
  await page.waitForSelector('#catalogue-search');
  const videos = await page.locator('.count').innerText();
  const times = await page.evaluate(
    async ({ words, rounds }) => {
      const input = document.getElementById('catalogue-search');
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      // Work done: the app's microtasks and a macrotask turn, then layout forced.
      const settled = () =>
        new Promise((r) => setTimeout(() => { document.body.getBoundingClientRect(); r(); }, 0));
      const out = { work: [], frame: [] };
      for (let round = 0; round < rounds; round++) {
        for (const word of words) {
          const letters = [...word];
          for (let i = 1; i <= letters.length; i++) {
            await frame();
            const t0 = performance.now();
            input.value = letters.slice(0, i).join('');
            input.dispatchEvent(new InputEvent('input', { bubbles: true }));
            await settled();
            out.work.push(performance.now() - t0);
            await frame();
            out.frame.push(performance.now() - t0);
          }
          input.value = '';
          input.dispatchEvent(new InputEvent('input', { bubbles: true }));
          await frame();
        }
      }
      return out;
    },
    { words: WORDS, rounds: ROUNDS },
  );
  const domRows = await page.locator('.result-list > li').count();
  await browser.close();
  await server.close();
  const fmt = (s) => `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`;
  console.log(`${name} (${videos}, ${times.work.length} keystrokes, ${domRows} rows in the DOM)`);
  console.log(`  input to results laid out:   ${fmt(stats(times.work))}`);
  console.log(`  input to next painted frame: ${fmt(stats(times.frame))}`);
}

for (const arg of process.argv.slice(2)) {
  const [name, dist] = arg.split('=');
  await measure(name, dist);
}
