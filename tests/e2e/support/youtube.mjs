// YouTube at the network boundary: the IFrame Player API script is answered
// with tests/e2e/fixtures/youtube/iframe_api.js (a fake whose controls are on
// window.__fakeYouTube, see that file), player frames with an empty page, and
// every request to a YouTube host is logged. Nothing reaches the real hosts.
import { readFile } from 'node:fs/promises';

const FAKE = readFile(new URL('../fixtures/youtube/iframe_api.js', import.meta.url), 'utf8');
const API_URL = 'https://www.youtube.com/iframe_api';

const isHost = (hostname, domain) => hostname === domain || hostname.endsWith(`.${domain}`);
/** youtube.com and youtube-nocookie.com: the API script and the player frames. */
export const isPlayerHost = (hostname) => isHost(hostname, 'youtube.com') || isHost(hostname, 'youtube-nocookie.com');
/** The player's hosts and ytimg.com (thumbnails, which the catalogue shows anyway). */
export const isYouTubeHost = (hostname) => isPlayerHost(hostname) || isHost(hostname, 'ytimg.com');

/**
 * Fakes YouTube for every page of `context`. Call it after the context is
 * made (openContext's blocking route is then overridden) and before a page
 * navigates. `mode`: 'ok' serves the fake API, 'fail' aborts its request
 * (net::ERR_FAILED), 'hang' never answers. `duration` (seconds) is every
 * video's length; `videoError` (2|5|100|101|150) makes each player fire
 * onError right after onReady.
 *
 * Returns { requests, playerRequests(), set(options) }: `requests` lists the
 * URLs of every request made to a YouTube host (thumbnails on i.ytimg.com
 * included; they are left to openContext's route), `playerRequests()` those
 * to the player's hosts only, and `set()` changes the options for requests
 * made from then on (a reload, say).
 */
export async function fakeYouTube(context, options = {}) {
  let current = { mode: 'ok', duration: 600, videoError: null, ...options };
  const requests = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (isYouTubeHost(url.hostname)) requests.push(url.href);
  });
  const body = await FAKE;
  await context.route(
    (url) => isPlayerHost(url.hostname),
    async (route) => {
      const url = route.request().url();
      if (url === API_URL || url.startsWith(`${API_URL}?`)) {
        const { mode, duration, videoError } = current;
        if (mode === 'fail') return route.abort('failed');
        if (mode === 'hang') return; // Left unanswered for as long as the page lives.
        return route.fulfill({
          contentType: 'text/javascript; charset=utf-8',
          headers: { 'cache-control': 'no-store' },
          body: `window.__fakeYouTubeOptions = ${JSON.stringify({ duration, videoError })};\n${body}`,
        });
      }
      // Player frames (…/embed/<id>), a watch page opened in a new tab, anything else.
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        headers: { 'cache-control': 'no-store' },
        body: '<!doctype html><title>YouTube (fake)</title>',
      });
    },
  );
  return {
    requests,
    playerRequests: () => requests.filter((href) => isPlayerHost(new URL(href).hostname)),
    set(changes) {
      current = { ...current, ...changes };
    },
  };
}
