// The app against a plain static page of the same catalogue, on a phone and
// on a desktop, side by side in one run. See README, "Benchmarks".
//   node bench/phone.mjs [--sizes 98,448,10000] [--runs 5] [--no-build] [--lighthouse]
// Prints a markdown table per catalogue size and writes them to target/bench/phone.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/support/browser.mjs';
import { pickQuery, prepare } from './phone/catalogues.mjs';
import { lighthouse } from './phone/lighthouse.mjs';
import { CONDITIONS, load } from './phone/measure.mjs';
import { writePlainSite } from './phone/plain.mjs';
import { serveGzip } from './phone/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// scripts/bin first, as scripts/setup puts it: its wasm-bindgen splits the app's wasm.
process.env.PATH = `${join(root, 'scripts/bin')}:${join(root, 'node_modules/.bin')}:${join(homedir(), '.cargo/bin')}:${process.env.PATH}`;

function parseArgs(argv) {
  const args = { sizes: [98, 448, 10000], runs: 5, build: true, lighthouse: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--sizes') args.sizes = argv[++i].split(',').map(Number);
    else if (arg === '--runs') args.runs = Number(argv[++i]);
    else if (arg === '--no-build') args.build = false;
    else if (arg === '--lighthouse') args.lighthouse = true;
    else throw new Error(`unknown argument ${arg}\nusage: node bench/phone.mjs [--sizes 98,448,10000] [--runs 5] [--no-build] [--lighthouse]`);
  }
  if (!(args.runs >= 1)) throw new Error('--runs needs a positive number');
  return args;
}

// ---- statistics and formatting

const sorted = (xs) => xs.filter((x) => x != null).sort((a, b) => a - b);
const at = (xs, p) => xs[Math.round((xs.length - 1) * p)];
// A unit formats a number without (bare) or with its unit.
const ms = Object.assign((x) => `${ms.bare(x)} ms`, { bare: (x) => Math.round(x).toLocaleString('en') });
const kB = Object.assign((x) => `${kB.bare(x)} kB`, { bare: (x) => (x / 1000).toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
const count = Object.assign((x) => count.bare(x), { bare: (x) => Math.round(x).toLocaleString('en') });

/** A per-load figure: median (min–max), and how many loads reached it if not all. */
function perLoad(values, unit) {
  const xs = sorted(values);
  if (xs.length === 0) return { text: `not reached (0/${values.length})`, value: null };
  const [lo, hi] = [xs[0], xs[xs.length - 1]];
  const spread = lo !== hi ? ` (${unit.bare(lo)}–${unit.bare(hi)})` : '';
  const missing = xs.length < values.length ? ` [${xs.length}/${values.length} loads]` : '';
  return { text: `${unit(at(xs, 0.5))}${spread}${missing}`, value: at(xs, 0.5) };
}

/** A pooled figure (keystrokes of every load): the percentile p. */
function pooled(values, p) {
  const xs = sorted(values);
  return xs.length ? { text: `${ms(at(xs, p))} (n=${xs.length})`, value: at(xs, p) } : { text: 'not measured', value: null };
}

const ratio = (a, b) => (a?.value != null && b?.value ? `${(a.value / b.value).toFixed(2)}×` : '');

function table(size, results, query) {
  const lines = [`### ${size.count.toLocaleString('en')} videos (${size.size === 98 ? 'seed' : size.size === 448 ? 'full, from ../shared' : 'synthetic'})`, '',
    '| metric | app | plain | app÷plain |', '| --- | --- | --- | --- |'];
  for (const condition of CONDITIONS) {
    const r = results[condition.name];
    const rows = [
      ['FCP', (x) => perLoad(x.paint.map((l) => l.fcp), ms)],
      ['LCP', (x) => perLoad(x.paint.map((l) => l.lcp), ms)],
      ['10 lecture links in the viewport', (x) => perLoad(x.paint.map((l) => l.links10), ms)],
      ['10 lecture links laid out (anywhere)', (x) => perLoad(x.paint.map((l) => l.links10Page), ms)],
      [`search answers "${query}" typed once the field is enabled`, (x) => perLoad(x.search.map((l) => l.answeredAt), ms)],
      ['keystroke → next frame, median', (x) => pooled(x.search.flatMap((l) => l.keystrokes), 0.5)],
      ['keystroke → next frame, p95', (x) => pooled(x.search.flatMap((l) => l.keystrokes), 0.95)],
      ['typed at 150 ms a key: input → next paint (Event Timing), median', (x) => pooled(x.search.flatMap((l) => l.paced), 0.5)],
      ['typed at 150 ms a key: input → next paint (Event Timing), p95', (x) => pooled(x.search.flatMap((l) => l.paced), 0.95)],
      ['lecture links in the viewport after load', (x) => perLoad(x.paint.map((l) => l.inView), count)],
      ['DOM elements after load', (x) => perLoad(x.paint.map((l) => l.nodes), count)],
      ['catalogue data file decoded (the app\'s "catalogue-decode" measure)', (x) => perLoad(x.paint.map((l) => l.decode), ms)],
    ];
    const kinds = new Set([...r.app.paint, ...r.plain.paint].flatMap((l) => Object.keys(l.bytes)));
    for (const kind of ['total', 'html', 'js', 'wasm', 'css', 'json', 'image', 'other'].filter((k) => kinds.has(k))) {
      rows.push([`bytes transferred: ${kind}`, (x) => perLoad(x.paint.map((l) => l.bytes[kind] ?? 0), kB)]);
    }
    lines.push(`| **${condition.label}** | | | |`);
    for (const [name, figure] of rows) {
      const app = figure(r.app);
      const plain = figure(r.plain);
      lines.push(`| ${name} | ${app.text} | ${plain.text} | ${ratio(app, plain)} |`);
    }
  }
  return lines.join('\n');
}

// ---- the run

const args = parseArgs(process.argv.slice(2));
mkdirSync(join(root, 'target/bench'), { recursive: true });
if (args.build) execFileSync('bash', [join(root, 'scripts/setup')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const sizes = prepare(root, args.sizes, { build: args.build });
const browser = await launch();
const started = new Date();
const out = [
  `## Phone benchmark: app vs plain static page`, '',
  `${started.toISOString()}, Chromium ${browser.version()}, ${args.runs} fresh loads per cell (new context each, app and plain alternating), ` +
    `both served gzip-compressed from 127.0.0.1; thumbnails faked with a 320×180 PNG. Times from navigation start; ` +
    `per-load figures are median (min–max), keystroke figures pool every load's keystrokes. ` +
    `Bytes are the page's own requests (the app's service-worker precache is not counted). ` +
    `A shared, noisy machine: compare within a run, not across runs.`, ''];

for (const size of sizes) {
  if (size.skipped) {
    const line = `### ${size.size} videos: skipped: ${size.skipped}`;
    console.log(line);
    out.push(line, '');
    continue;
  }
  const query = pickQuery(size.catalogue);
  const app = await serveGzip(size.dist);
  const plain = await serveGzip(await writePlainSite(size.catalogue, join(root, `target/bench/plain-${size.size}`)));
  const results = {};
  for (const condition of CONDITIONS) {
    results[condition.name] = { app: { paint: [], search: [] }, plain: { paint: [], search: [] } };
  }
  for (let run = 0; run < args.runs; run++) {
    for (const condition of CONDITIONS) {
      for (const mode of ['paint', 'search']) {
        const order = run % 2 ? ['plain', 'app'] : ['app', 'plain'];
        for (const who of order) {
          const url = (who === 'app' ? app : plain).url;
          const figures = await load(browser, url, condition, mode, query);
          results[condition.name][who][mode].push(figures);
          process.stderr.write(`${size.size} run ${run + 1}/${args.runs} ${condition.name} ${mode} ${who}: ` +
            `${JSON.stringify({ ...figures, keystrokes: figures.keystrokes?.length, paced: figures.paced?.length })}\n`);
        }
      }
    }
  }
  await app.close();
  await plain.close();
  const text = table(size, results, query);
  console.log(`\n${text}\n`);
  out.push(text, '');
}
await browser.close();

if (args.lighthouse) {
  const size = sizes.find((s) => s.size === 98 && !s.skipped);
  const lines = [];
  if (!size) {
    lines.push('Lighthouse: skipped (no 98-video dist in this run; add 98 to --sizes)');
  } else {
    const app = await serveGzip(size.dist);
    try {
      for (const throttling of ['simulate', 'devtools']) {
        try {
          const r = await lighthouse(app.url, join(root, `target/bench/lighthouse-98-${throttling}.json`), { throttling });
          lines.push(`Lighthouse 12, mobile preset, --throttling-method=${throttling}, app (98 videos, gzip): ` +
            `performance ${r.performance}, accessibility ${r.accessibility}, ` +
            `FCP ${ms(r.fcp)}, LCP ${ms(r.lcp)}, CLS ${r.cls.toFixed(3)}, TBT ${ms(r.tbt)}` +
            (r.warnings.length ? ` (warnings: ${r.warnings.join('; ')})` : ''));
        } catch (e) {
          lines.push(`Lighthouse (${throttling}): failed: ${e.message}`);
        }
      }
    } finally {
      await app.close();
    }
  }
  for (const line of lines) {
    console.log(line);
    out.push(line, '');
  }
}
writeFileSync(join(root, 'target/bench/phone.md'), out.join('\n'));
console.log('wrote target/bench/phone.md');
