// Lecture Shelf service worker. scripts/post-build.mjs fills in VERSION,
// ASSETS and ON_DEMAND after each Trunk build, so the precache list always
// names the build's hashed files and each build gets a cache of its own.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
// The catalogue worker's files (path in scope -> sha256 hex of this build's
// copy): big and seldom used, so not precached but put in this version's
// cache the first time they load whole, and only if they are this build's
// bytes (their names are not hashed, so the host may already have another
// build's). VERSION covers them too.
const ON_DEMAND = __ON_DEMAND__;
// Precached files under content-hashed names: taken from another version's
// cache when it has them (the same name is the same bytes), so a new
// version downloads only what changed — a catalogue change leaves the wasm
// cached, an app change the catalogue.
const REUSABLE = new Set(__REUSABLE__);
const CACHE = `lecture-shelf-${VERSION}`;
const PREFIX = 'lecture-shelf-';

const scoped = (path) => new URL(path, self.registration.scope).href;
const onDemandDigest = (url) => {
  for (const [path, digest] of Object.entries(ON_DEMAND)) if (scoped(path) === url) return digest;
  return null;
};
const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      const fresh = [];
      for (const path of ASSETS) {
        const kept = REUSABLE.has(path) ? await caches.match(scoped(path)) : undefined;
        if (kept) await cache.put(scoped(path), kept);
        else fresh.push(scoped(path));
      }
      await cache.addAll(fresh);
    }),
  );
  // No skipWaiting here: an update waits until the page's "reload" prompt asks for it.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Every route is the same single page: answer navigations with the cached
  // shell. index.html holds the catalogue's prerendered first screen, right
  // only for the catalogue with no search; any other route or a search gets
  // 404.html, the same page with the neutral skeleton.
  if (request.mode === 'navigate') {
    const url = new URL(request.url);
    const home = url.search === '' && [scoped('./'), scoped('index.html')].includes(url.origin + url.pathname);
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const shell = (home ? null : await cache.match(scoped('404.html'))) ?? (await cache.match(scoped('index.html')));
        return shell ?? fetch(request);
      }),
    );
    return;
  }
  const digest = onDemandDigest(request.url);
  if (digest) {
    event.respondWith(caches.open(CACHE).then((cache) => cachedOnDemand(event, cache, digest)));
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request).then((hit) => hit ?? fetch(request))),
  );
});

/** An ON_DEMAND file from this version's cache, or else from the host, kept once it is this build's copy. */
async function cachedOnDemand(event, cache, digest) {
  const url = event.request.url;
  const hit = await cache.match(url);
  if (hit) return hit;
  // 'no-cache': revalidate with the host rather than take an HTTP-cached copy
  // of an unhashed name, which may be another build's.
  const response = await fetch(new Request(event.request, { cache: 'no-cache' }));
  if (response.ok && response.type === 'basic') {
    const check = response.clone();
    const keep = response.clone();
    event.waitUntil(
      check
        .arrayBuffer()
        .then((body) => crypto.subtle.digest('SHA-256', body))
        .then((found) => {
          if (hex(found) === digest) return cache.put(url, keep);
          console.warn(`sw.js ${VERSION}: not caching ${url}: not this build's copy`);
        }),
    );
  }
  return response;
}
