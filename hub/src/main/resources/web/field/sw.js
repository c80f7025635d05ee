// The field app opens without signal: its files are cached when it is installed and served from
// the cache first, refreshed in the background when the hub answers. The API is never cached here
// (the roster lives in IndexedDB, records in the outbox).
// Renamed when the app's files change shape, so a phone re-fetches them all at once.
const CACHE = 'gds-field-v2';
const FILES = ['/field/', '/field/app.js', '/field/store.js', '/field/text.js', '/field/uuid7.js', '/field/i18n.js',
  '/field/qr.js', '/field/field.css', '/field/manifest.webmanifest', '/field/icon.svg', '/field/vendor/jsqr.js'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin || !url.pathname.startsWith('/field')
      || url.pathname.startsWith('/field/api/')) {
    return;
  }
  const key = url.pathname === '/field' ? '/field/' : url.pathname;
  event.respondWith(caches.open(CACHE).then(async cache => {
    const cached = await cache.match(key);
    const fresh = fetch(event.request).then(response => {
      if (response.ok) cache.put(key, response.clone());
      return response;
    });
    if (cached) {
      fresh.catch(() => {}); // offline: the cached copy is the answer
      return cached;
    }
    return fresh;
  }));
});
