// The service worker: after one visit the site, the last data viewed and the complaint form work
// with no network (issue 7), and a new dataset version replaces the one kept.
//
// - The shell (index.html, the wasm, scripts, styles, Leaflet) is kept when the worker installs,
//   named by a hash of its files: a new build is a new worker with a new shell, and the old one
//   is deleted when the new one takes over. Hashed files never change, so they come from the kept
//   copy first; a page (navigation) comes from the network first and, failing that, the kept
//   index.html (the site routes in the page).
// - config.json and the data bundle come from the network first; every file that arrives is
//   kept. When the network fails, or stalls while a kept copy exists, the kept copy is used.
//   A summary.json that differs from the kept one is a new dataset version: every data file
//   kept from the old one is dropped first, so versions never mix.
// - Nothing else is touched: requests to other origins (tiles, Open311) and anything but GET
//   (a complaint being sent) go to the network as they are. Nothing personal is ever kept here:
//   complaint drafts live in the page's own storage.
//
// `cundi-data csp` fills in the two lines below after every build.
const SHELL = [];
const VERSION = 'dev';

const SHELL_CACHE = `cundi-shell-${VERSION}`;
const DATA_CACHE = 'cundi-data';
// How long a data file may stall before the kept copy is used instead.
const STALL_MS = 4000;

const scope = new URL(self.registration.scope);
const local = (path) => new URL(path, scope).href;
const isData = (url) => {
  const path = url.pathname.slice(scope.pathname.length);
  return path === 'config.json' || path.startsWith('data/');
};
const isSummary = (url) => url.pathname.slice(scope.pathname.length) === 'data/summary.json';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL_CACHE);
    await cache.addAll(SHELL.map(local));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('cundi-shell-') && name !== SHELL_CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.href.startsWith(scope.href)) {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
  } else if (isData(url)) {
    event.respondWith(data(event, request, url));
  } else {
    event.respondWith(shell(request));
  }
});

// The page, when this worker takes it over, names the files it loaded before (a first visit):
// the data among them is kept as if it had come through here.
self.addEventListener('message', (event) => {
  if (Array.isArray(event.data)) event.waitUntil(keepLoaded(event.data));
});

async function keepLoaded(urls) {
  const cache = await caches.open(DATA_CACHE);
  for (const href of urls) {
    if (typeof href !== 'string') continue;
    const url = new URL(href, scope);
    if (url.origin !== scope.origin || !url.href.startsWith(scope.href) || !isData(url)) continue;
    if (await cache.match(url.href, { ignoreSearch: true })) continue;
    try {
      const response = await fetch(url.href);
      if (response.ok) await cache.put(url.href, response);
    } catch {
      // Offline already: nothing more can be kept now.
    }
  }
}

async function page(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const kept = await caches.match(local('index.html'), { cacheName: SHELL_CACHE });
    if (kept) return kept;
    throw error;
  }
}

async function shell(request) {
  const kept = await caches.match(request, { cacheName: SHELL_CACHE });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(SHELL_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

async function data(event, request, url) {
  const cache = await caches.open(DATA_CACHE);
  const kept = await cache.match(request, { ignoreSearch: true });
  const network = fetch(request).then(async (response) => {
    if (response.ok) {
      const keep = (async () => {
        if (isSummary(url)) await newVersion(cache, kept, response.clone());
        await cache.put(request, response.clone());
      })();
      event.waitUntil(keep);
      await keep;
    }
    return response;
  });
  if (!kept) return network;
  const stalled = new Promise((resolve) => setTimeout(() => resolve(kept), STALL_MS));
  try {
    return await Promise.race([network, stalled]);
  } catch {
    return kept;
  }
}

// A summary unlike the kept one starts a new version: the old version's data files go.
async function newVersion(cache, kept, response) {
  if (!kept) return;
  const [before, after] = await Promise.all([kept.clone().text(), response.text()]);
  if (before === after) return;
  for (const key of await cache.keys()) {
    if (isData(new URL(key.url)) && !key.url.endsWith('/config.json')) await cache.delete(key);
  }
}
