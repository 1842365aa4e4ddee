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
// - The base map's tiles (from the hosts config.json's `tiles` names, nowhere else) are kept as
//   they are seen, up to `tiles.cache_mb` (least recently seen out first), so the map's
//   background works offline where the visitor has been; a kept tile is used first.
// - Nothing else is touched: requests to other origins (Open311) and anything but GET (a
//   complaint being sent) go to the network as they are. Nothing personal is ever kept here:
//   complaint drafts live in the page's own storage.
//
// `cundi-data csp` fills in the three lines below after every build.
const SHELL = [];
const VERSION = 'dev';
const TILES = { origins: [], bytes: 0 };

const SHELL_CACHE = `cundi-shell-${VERSION}`;
const DATA_CACHE = 'cundi-data';
const TILE_CACHE = 'cundi-tiles';
// A tile from a host that does not allow CORS is an opaque answer whose size cannot be read:
// it counts as this many bytes.
const OPAQUE_TILE_BYTES = 20000;
// How long a data file may stall before the kept copy is used instead.
const STALL_MS = 4000;

const scope = new URL(self.registration.scope);
const local = (path) => new URL(path, scope).href;
const isData = (url) => {
  const path = url.pathname.slice(scope.pathname.length);
  return path === 'config.json' || path.startsWith('data/');
};
const isSummary = (url) => url.pathname.slice(scope.pathname.length) === 'data/summary.json';
const isTile = (url) => TILES.bytes > 0 && TILES.origins.includes(url.origin);
// The kept tiles' sizes and when each was last seen, itself kept in the tile cache.
const TILE_INDEX = local('__cundi-tile-index');

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
  if (request.method === 'GET' && isTile(url)) {
    event.respondWith(tile(event, request));
    return;
  }
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

// Tiles: the kept one first (a tile seldom changes, and a rural connection is slow), else the
// network's, kept; the least recently seen go when the kept ones pass TILES.bytes.
let tileIndex = null; // Map: URL → [bytes, last seen (ms)]
let tileIndexLoading = null;
let tileSave = null;

// Read once, however many tiles ask at the same moment: one Map for every request.
function loadTileIndex(cache) {
  if (!tileIndexLoading) {
    tileIndexLoading = (async () => {
      const kept = await cache.match(TILE_INDEX);
      let entries = [];
      try {
        entries = kept ? await kept.json() : [];
      } catch {
        entries = [];
      }
      tileIndex = new Map(Array.isArray(entries) ? entries : []);
      return tileIndex;
    })();
  }
  return tileIndexLoading;
}

async function tile(event, request) {
  const cache = await caches.open(TILE_CACHE);
  const index = await loadTileIndex(cache);
  const kept = await cache.match(request);
  if (kept) {
    const entry = index.get(request.url);
    if (entry) entry[1] = Date.now();
    event.waitUntil(saveTileIndexSoon(cache));
    return kept;
  }
  const response = await fetch(request);
  if (response.ok || response.type === 'opaque') {
    event.waitUntil(keepTile(cache, index, request, response.clone()));
  }
  return response;
}

async function keepTile(cache, index, request, response) {
  let bytes = OPAQUE_TILE_BYTES;
  if (response.type !== 'opaque') {
    bytes = (await response.clone().blob()).size;
  }
  if (bytes > TILES.bytes) return;
  // The room is taken first and the least recently seen let go at once, so that the tiles kept
  // never pass the bound, however many arrive together.
  index.set(request.url, [bytes, Date.now()]);
  let total = 0;
  for (const [size] of index.values()) total += size;
  const gone = [];
  if (total > TILES.bytes) {
    const oldest = [...index.entries()].sort((a, b) => a[1][1] - b[1][1]);
    for (const [url, [size]] of oldest) {
      if (total <= TILES.bytes) break;
      if (url === request.url) continue;
      index.delete(url);
      total -= size;
      gone.push(url);
    }
  }
  await Promise.all(gone.map((url) => cache.delete(url)));
  try {
    await cache.put(request, response);
  } catch {
    // Storage full or refused: the tile is shown, just not kept.
    index.delete(request.url);
  }
  // Let go by another tile while it was being written: not kept after all.
  if (!index.has(request.url)) await cache.delete(request.url);
  await saveTileIndexSoon(cache);
}

// Writes the index at most once a second, however many tiles arrive.
function saveTileIndexSoon(cache) {
  if (!tileSave) {
    tileSave = new Promise((resolve) => setTimeout(resolve, 1000)).then(async () => {
      tileSave = null;
      const body = JSON.stringify([...tileIndex.entries()]);
      await cache.put(TILE_INDEX, new Response(body, { headers: { 'Content-Type': 'application/json' } }));
    });
  }
  return tileSave;
}
