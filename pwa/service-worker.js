// Lecture Shelf service worker. scripts/service-worker.mjs fills in VERSION
// and ASSETS after each Trunk build, so the precache list always names the
// build's hashed files and each build gets a cache of its own.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const CACHE = `lecture-shelf-${VERSION}`;
const PREFIX = 'lecture-shelf-';

const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS.map(scoped))));
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
  // Every route is the same single page: answer navigations with the cached shell.
  if (request.mode === 'navigate') {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(scoped('index.html')).then((shell) => shell ?? fetch(request)),
      ),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request).then((hit) => hit ?? fetch(request))),
  );
});
