// The built pages' first round trip (issue 22): a server's first flight is
// about 14 KB (TCP's initial window of 10 segments), and index.html holds the
// whole first screen, its styles included. Called by the post-build hook
// (scripts/post-build.mjs) on index.html and 404.html before the CSP hashes
// them: the styles Trunk inlined one file each become one minified <style>
// (lightningcss: one CSP hash instead of six), and the source's comments,
// written for readers of index.html, are left out of what is served.
// scripts/size-budget.mjs holds index.html to the budget.
import { transform } from 'lightningcss';

const STYLE = /<style>([\s\S]*?)<\/style>/g;
// Comments only outside <script> and <style>, whose text is not markup.
const COMMENT_OR_RAW = /<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1>/g;

/** `css` minified; a stylesheet lightningcss cannot read fails the build. */
export function minifyCss(css, name = 'inline.css') {
  return transform({ filename: name, code: Buffer.from(css), minify: true }).code.toString();
}

/** `html` with its inline styles as one minified element and no comments. */
export function compactPage(html) {
  const sheets = [...html.matchAll(STYLE)].map((m) => m[1]);
  let first = true;
  const styled = html.replace(STYLE, () => {
    if (!first) return '';
    first = false;
    // Minified as one sheet, in the order the source lists them.
    return `<style>${minifyCss(sheets.join('\n'))}</style>`;
  });
  return styled.replace(COMMENT_OR_RAW, (match, raw) => (raw ? match : ''));
}
