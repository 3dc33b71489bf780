// raw.githubusercontent.com faked at the network boundary with the files of
// fixtures/catalogue/ (laid out like the sumsjp/YTLee repository).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const CATALOGUE_FIXTURES = fileURLToPath(new URL('../fixtures/catalogue/', import.meta.url));
export const RAW = 'https://raw.githubusercontent.com/sumsjp/YTLee/master/';

/**
 * Answers raw.githubusercontent.com from fixtures/catalogue/. `overrides`
 * maps a repository path (e.g. 'docs/02-index.md') to a route handler.
 * Returns the list of repository paths requested, in order.
 */
export async function fakeGitHub(context, overrides = {}) {
  const requested = [];
  await context.route('https://raw.githubusercontent.com/**', async (route) => {
    const url = route.request().url();
    const path = url.startsWith(RAW) ? decodeURIComponent(new URL(url).pathname.slice(new URL(RAW).pathname.length)) : url;
    requested.push(path);
    if (overrides[path]) return overrides[path](route);
    return fulfillFromFixtures(route, path);
  });
  return requested;
}

/** Answers `route` with the fixture file at repository path `path`, or a 404. */
export async function fulfillFromFixtures(route, path) {
  const url = route.request().url();
  const body = url.startsWith(RAW) && !path.includes('..') ? await readFile(CATALOGUE_FIXTURES + path).catch(() => null) : null;
  await route.fulfill({
    status: body ? 200 : 404,
    // What raw.githubusercontent.com sends for every file.
    headers: { 'access-control-allow-origin': '*' },
    contentType: 'text/plain; charset=utf-8',
    body: body ?? '404: Not Found',
  });
}
