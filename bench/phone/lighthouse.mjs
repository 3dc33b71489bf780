// Lighthouse 12 (13 needs Node 22), mobile preset (its default: simulated
// slow 4G and CPU 4×), with Debian's chromium, on a URL this process serves.
// Fetched by npx on first use, never a dependency of the repository.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

const LIGHTHOUSE = 'lighthouse@12.8.2';
// As scripts/audit: nothing but 127.0.0.1 resolves, so thumbnails fail at name lookup here.
const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
].join(' ');

/**
 * Runs Lighthouse on `url`, keeps its JSON at `out`; resolves to the headline
 * figures. `throttling`: 'simulate' (Lighthouse's default: an unthrottled
 * load, its timings then simulated for the mobile conditions) or 'devtools'
 * (the load itself throttled by the browser, as bench/phone/measure.mjs does).
 */
export async function lighthouse(url, out, { throttling = 'simulate' } = {}) {
  const args = ['--yes', LIGHTHOUSE, url, `--chrome-flags=${FLAGS}`, '--only-categories=performance,accessibility',
    `--throttling-method=${throttling}`, '--output=json', `--output-path=${out}`, '--quiet'];
  // Asynchronous: this process also serves the page being audited.
  const code = await new Promise((done, fail) => {
    const child = spawn('npx', args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } });
    child.on('error', fail);
    child.on('exit', done);
  });
  if (code !== 0) throw new Error(`lighthouse exited with ${code}`);
  const report = JSON.parse(await readFile(out, 'utf8'));
  const audit = (id) => report.audits[id]?.numericValue;
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    cls: audit('cumulative-layout-shift'),
    tbt: audit('total-blocking-time'),
    warnings: report.runWarnings ?? [],
  };
}
