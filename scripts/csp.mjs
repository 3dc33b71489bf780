// The app's Content Security Policy, written into the built index.html as a
// <meta http-equiv> right after the charset. Called by the post-build hook
// (scripts/post-build.mjs) before it copies 404.html and hashes the files:
// Trunk starts all hooks of one stage at once, so this is not a hook of its own.
import { createHash } from 'node:crypto';

// The one place the policy is written. To allow a new origin, add it to its
// directive here (and to tests/e2e/csp.test.mjs, which checks the directives).
// 'inline' below stands for the sha256 hashes of the inline <script> (Trunk's
// module loader) and <style> elements of the built page, computed per build.
export const POLICY = [
  ['default-src', ["'self'"]],
  // WebAssembly.instantiateStreaming needs 'wasm-unsafe-eval'; nothing needs 'unsafe-eval'.
  // The YouTube IFrame Player API (web/youtube.rs) is the one foreign script:
  // iframe_api and the widget script it loads, both from www.youtube.com.
  ['script-src', ["'self'", "'wasm-unsafe-eval'", 'inline', 'https://www.youtube.com']],
  ['style-src', ["'self'", 'inline']],
  // Thumbnails: Catalogue::thumbnail_url in crates/shelf-core/src/catalogue.rs.
  ['img-src', ["'self'", 'https://i.ytimg.com']],
  // Catalogue pages: the app fetches them (on the main thread, with CORS) from
  // raw.githubusercontent.com by default and from any https URL a student
  // pastes, so no one host would do: https: rather than a list. Plain http:
  // stays blocked. Narrowing it would break pasted URLs for little gain:
  // connect-src only limits where script that already runs can send data,
  // and script-src (no 'unsafe-inline', no foreign hosts) keeps injected
  // script from running at all.
  // Sync (src/web/remote_storage.rs, src/web/google_drive.rs) needs nothing
  // more: a remoteStorage server is any https host the student names, and
  // Google Drive's REST API (https://www.googleapis.com/drive/v3/…, uploads
  // under /upload/drive/v3/…) is an https origin, so https: allows it by
  // name already; adding the host would change nothing. Google's OAuth page
  // (https://accounts.google.com/o/oauth2/v2/auth) is a top-level navigation,
  // which no directive of a page's policy governs (it is not a form, so not
  // form-action). So the policy is the same with or without a Google client
  // id: nothing to add, and one policy to test.
  ['connect-src', ["'self'", 'https:']],
  // The catalogue parser runs in a Web Worker from this origin
  // (catalogue-worker_loader.js, scripts/catalogue-worker-files.mjs). A
  // worker takes no policy from this <meta>: a host that sends a CSP header
  // must send 'wasm-unsafe-eval' on the worker's responses too.
  ['worker-src', ["'self'"]],
  ['manifest-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'self'"]],
  ['form-action', ["'self'"]],
  // The player, on the privacy-enhanced host only.
  ['frame-src', ['https://www.youtube-nocookie.com']],
  // frame-ancestors, report-uri and sandbox are ignored in a <meta> policy: set them as headers.
];

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The attributes of a start tag as [name, value] pairs. Quoted values are
 * read whole, so text inside one (the prerendered rows' labels hold
 * catalogue titles such as `<img onerror=…>`, escaped) is not taken for
 * an attribute.
 */
function attributes(tag) {
  const body = tag.replace(/^<[a-zA-Z][^\s/>]*/, '');
  return [...body.matchAll(/([^\s"'=<>\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)].map(
    ([, name, double, single, bare]) => [name, double ?? single ?? bare ?? ''],
  );
}

/** The start tags of `html`, with comments left out. */
function startTags(html) {
  return html.replace(/<!--[\s\S]*?-->/g, '').match(/<[a-zA-Z][^>]*>/g) ?? [];
}

/**
 * Returns `{ html, policy }`: the page with the policy as the first element
 * after <meta charset>, and the policy (null where none can be set).
 * Throws on inline code a hash cannot allow (event handler or style
 * attributes, javascript: URLs), so it is removed rather than let through.
 */
export function withCsp(html) {
  // `trunk serve` (with autoreload) adds an inline reload script that the dev
  // server rewrites on every request, so no hash can allow it: no policy there.
  // `trunk serve --no-autoreload` and every `trunk build` get the policy.
  if (html.includes('{{__TRUNK_ADDRESS__}}')) return { html, policy: null };
  html = html.replace(/[ \t]*<meta http-equiv="Content-Security-Policy"[^>]*>\n?/i, '');
  const bad = startTags(html).filter((tag) =>
    attributes(tag).some(
      ([name, value]) =>
        /^(on[a-z]+|style)$/i.test(name) || (/^(href|src|action|formaction)$/i.test(name) && /^\s*javascript:/i.test(value)),
    ),
  );
  if (bad.length) throw new Error(`inline code a CSP hash cannot allow: ${bad.join(' ')}`);
  const inline = (name) =>
    [...html.replace(/<!--[\s\S]*?-->/g, '').matchAll(new RegExp(`<${name}\\b([^>]*)>([\\s\\S]*?)</${name}>`, 'gi'))]
      .filter(([, attrs, body]) => !/\ssrc\s*=/i.test(attrs) && body.length > 0)
      .map(([, , body]) => sha256(body));
  const hashes = { 'script-src': inline('script'), 'style-src': inline('style') };
  const policy = POLICY.map(([directive, sources]) =>
    [directive, ...new Set(sources.flatMap((s) => (s === 'inline' ? hashes[directive] : [s])))].join(' '),
  ).join('; ');
  const charset = /^([ \t]*)<meta charset="utf-8">\n/im;
  const found = html.match(charset);
  if (!found) throw new Error('no <meta charset="utf-8"> line to put the CSP after');
  const meta = `${found[1]}<meta http-equiv="Content-Security-Policy" content="${policy}">\n`;
  return { html: html.replace(charset, (line) => line + meta), policy };
}
