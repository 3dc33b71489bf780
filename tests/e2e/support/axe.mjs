// axe-core in browser tests: run it on a page and fail with a readable list
// of violations. The app's CSP forbids injected <script> tags, so axe's
// source is evaluated over CDP (page.evaluate), which page CSP does not
// govern; the app's policy stays as shipped.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SOURCE = readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function inject(page) {
  if (await page.evaluate(() => typeof window.axe?.run === 'function')) return;
  // A trailing expression so the UMD bundle is evaluated as a script body.
  await page.evaluate(`${await SOURCE}\n;true`);
}

/**
 * Runs axe on `page` (the whole document unless `include` lists selectors)
 * with the rules of `tags` (or only `rules`), and resolves with its
 * violations, passes and incomplete results reduced to
 * `{ id, impact, help, nodes: [{ target, summary }] }`.
 */
export async function runAxe(page, { include = null, tags = WCAG_AA, rules = null } = {}) {
  await inject(page);
  return page.evaluate(
    async ({ include, tags, rules }) => {
      const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags };
      const context = include ? { include: include.map((selector) => [selector]) } : document;
      // The only frame is YouTube's player, not the app's markup; its
      // <iframe> element itself is still checked (frame-title).
      const result = await window.axe.run(context, { runOnly, iframes: false });
      const reduce = (list) =>
        list.map(({ id, impact, help, nodes }) => ({
          id,
          impact,
          help,
          nodes: nodes.map((node) => ({
            target: node.target.join(' '),
            summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
          })),
        }));
      return {
        violations: reduce(result.violations),
        passes: reduce(result.passes),
        incomplete: reduce(result.incomplete),
      };
    },
    { include, tags, rules },
  );
}

/** One line per failing element: rule id, impact, target selector, summary. */
export function formatViolations(violations) {
  return violations
    .flatMap(({ id, impact, help, nodes }) =>
      nodes.map((node) => `  ${id} (${impact}) ${node.target}\n    ${help}: ${node.summary}`),
    )
    .join('\n');
}

/**
 * Throws unless axe finds no violations of WCAG 2.1 A/AA on `page`; `where`
 * names the page and settings in the message.
 */
export async function assertAccessible(page, where, options = {}) {
  const { violations } = await runAxe(page, options);
  if (violations.length === 0) return;
  const count = violations.reduce((n, v) => n + v.nodes.length, 0);
  throw new Error(`${where}: ${count} accessibility violation(s)\n${formatViolations(violations)}`);
}
