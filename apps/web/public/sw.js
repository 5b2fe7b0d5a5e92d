/* global self, caches */
/*
 * The app shell for second visits and flaky hall Wi-Fi.
 *
 * - Pages (navigations outside /api and /socket.io): the cached index.html answers at once, and a
 *   fresh copy is fetched in the background for the next navigation (stale-while-revalidate). So a
 *   new deployment is picked up at the next navigation; until then the page runs the old build
 *   whole, with the old build's chunks. Offline without a cached copy: the network's error.
 * - Hashed build files (/assets/…): cache first; they never change under their name. A chunk of an
 *   old build that is gone makes the page reload (see main.tsx), which loads the new build whole.
 * - Everything else, /api and /socket.io above all, never touches this cache: answers and the live
 *   state always come from the server, so nothing stale is ever shown as current.
 */
const SHELL = 'shell-v1';
const ASSETS = 'assets-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const response = await fetch('/', { cache: 'no-cache', credentials: 'same-origin' });
      if (response.ok) {
        const html = await response.clone().text();
        await cache.put('/', response);
        // The files index.html names (entry, its chunks, the CSS, the preloaded font).
        const urls = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
        await caches
          .open(ASSETS)
          .then((assets) => assets.addAll(urls))
          .catch(() => undefined);
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== SHELL && name !== ASSETS) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** The page tells which build files it loaded before this worker controlled it (its route's chunks). */
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data?.assets) ? event.data.assets : [];
  const own = urls.filter((url) => typeof url === 'string' && new URL(url, self.location.origin).pathname.startsWith('/assets/'));
  event.waitUntil(
    caches
      .open(ASSETS)
      .then((assets) => Promise.all(own.map((url) => assets.match(url).then((hit) => hit ?? assets.add(url)))))
      .catch(() => undefined),
  );
});

function isLive(url) {
  return url.pathname === '/api' || url.pathname.startsWith('/api/') || url.pathname.startsWith('/socket.io');
}

async function shell(event) {
  const cache = await caches.open(SHELL);
  const cached = await cache.match('/');
  const fresh = fetch(event.request.url, { cache: 'no-cache', credentials: 'same-origin', headers: { accept: 'text/html' } })
    .then(async (response) => {
      if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) await cache.put('/', response.clone());
      return response;
    })
    .catch(() => null);
  if (cached) {
    event.waitUntil(fresh);
    return cached;
  }
  return (await fresh) ?? Response.error();
}

async function asset(request) {
  const cache = await caches.open(ASSETS);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isLive(url)) return;
  if (request.mode === 'navigate') event.respondWith(shell(event));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
});
