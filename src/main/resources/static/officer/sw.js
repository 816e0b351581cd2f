// Siaga 110 officer app: the service worker. Keeps the app shell (page, scripts, styles, map library, icons) so
// the app opens at once and still opens with a weak signal. Network first, the cache only when the network
// fails, so a new version is picked up on the next start. The API, the socket and the login never come from
// the cache: an alert or a status must be live or visibly fail.
const CACHE = 'siaga-officer-v1';
const SHELL = [
  '/officer/', '/officer/app.js', '/officer/officer.css', '/officer/manifest.json', '/officer/icon.svg',
  '/officer/icon-192.png', '/officer/icon-512.png',
  '/css/siaga.css', '/js/api.js', '/js/console.js', '/js/i18n.js', '/js/time.js', '/js/map.js',
  '/officer/alarm.js', '/webjars/leaflet/1.9.4/dist/leaflet.js', '/webjars/leaflet/1.9.4/dist/leaflet.css',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !SHELL.includes(url.pathname)) return;
  event.respondWith(fetch(event.request)
    .then((response) => {
      if (response.ok && !response.redirected) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
      }
      return response;
    })
    .catch(() => caches.match(url.pathname).then((cached) => cached || Response.error())));
});
