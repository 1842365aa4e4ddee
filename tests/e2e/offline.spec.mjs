// Offline (issue 7): after one visit the site, the last data viewed and the complaint form work
// with no network, and a new dataset version replaces the one kept. These tests let the site's
// service worker run (the others block it so that they can inject faults).
import path from 'node:path';
import { test, expect, readCsv, mapReady, screens } from './support.mjs';

const stations = readCsv('data/stations.csv');
const station = stations.find((s) => s.status === 'operating' && s.tier === 'township_station');

test.use({ serviceWorkers: 'allow' });

/** The URLs (relative to the site) the worker keeps as data. */
async function keptData(page) {
  return page.evaluate(async () => {
    const cache = await caches.open('cundi-data');
    return (await cache.keys()).map((r) => new URL(r.url).pathname.slice(1)).sort();
  });
}

/** The first visit: the map drawn, the worker in control and the data it loaded kept. */
async function firstVisit(page, context) {
  // The worker's own requests pass through the context's routes, not the page's.
  await context.route('**/config.json', (route) => route.fulfill({ json: { data: 'data/', tiles: null } }));
  await page.goto('/');
  expect(await mapReady(page)).toBe(stations.length);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  const chunks = new Set(stations.map((s) => s.admin_code.slice(0, 6)));
  // Every data file the page loaded (before the worker took over, or through it) is kept.
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname.slice(1))
    .filter((p) => p === 'config.json' || p.startsWith('data/')));
  expect(loaded.filter((p) => p.endsWith('stations.csv'))).toHaveLength(chunks.size);
  await expect.poll(async () => {
    const kept = new Set(await keptData(page));
    return loaded.filter((p) => !kept.has(p));
  }).toEqual([]);
  return chunks;
}

test('after one visit, the map, a station page and the complaint form work with no network', async ({ page, context }) => {
  const chunks = await firstVisit(page, context);
  const kept = await keptData(page);
  expect(kept).toContain('config.json');
  expect(kept).toContain('data/summary.json');
  for (const county of chunks) expect(kept).toContain(`data/chunks/${county}/villages.csv`);

  await context.setOffline(true);
  await page.reload();
  expect(await mapReady(page)).toBe(stations.length);
  await expect(page.getByTestId('load-error')).toHaveCount(0);
  // The page says the data is the kept copy, and which version.
  await expect(page.getByTestId('offline-notice')).toContainText('没有网络');
  await expect(page.getByTestId('offline-notice')).toContainText('0.1.0');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: path.join(screens, 'offline-map-360.png') });

  // A page never opened before: the kept shell routes it, the kept data fills it.
  await page.goto(`/station/${station.id}`);
  await expect(page.getByTestId('station-page')).toContainText(station.name);

  // The complaint form, offline: what is typed survives a reload.
  await page.goto(`/complaint?station=${station.id}`);
  await page.locator('input[name="category"][value="non_delivery"]').check();
  await page.getByTestId('f-description').fill('没有网络也要能写投诉：包裹放在镇上没送到村里。');
  await page.reload();
  await expect(page.getByTestId('f-description')).toHaveValue('没有网络也要能写投诉：包裹放在镇上没送到村里。');
  await expect(page.getByTestId('picked-station_id')).toContainText(station.name);
  await context.setOffline(false);
});

test('a new dataset version replaces the one kept', async ({ page, context }) => {
  await firstVisit(page, context);
  // A file of the old version that the new one will not ask for again.
  await page.evaluate(async () => {
    const cache = await caches.open('cundi-data');
    await cache.put('/data/chunks/999999/stations.csv', new Response('id\n'));
  });
  expect(await keptData(page)).toContain('data/chunks/999999/stations.csv');

  // The publisher ships 0.2.0.
  await context.route('**/data/summary.json', async (route) => {
    const response = await route.fetch();
    const summary = await response.json();
    summary.package.version = '0.2.0';
    return route.fulfill({ response, json: summary });
  });
  await page.goto('/data');
  await expect(page.getByTestId('package-version')).toHaveText('0.2.0');
  await expect.poll(async () => keptData(page)).not.toContain('data/chunks/999999/stations.csv');

  // Offline, the kept version is the new one.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('package-version')).toHaveText('0.2.0');
  await expect(page.getByTestId('offline-notice')).toContainText('0.2.0');
  await context.setOffline(false);
  await expect(page.getByTestId('offline-notice')).toHaveCount(0);
});

test('the tiles seen are kept up to the configured size, and the map\'s background works offline where the visitor has been', async ({ page, context }) => {
  // The built site's base map (public/config.json: OpenStreetMap, 2 MB of tiles kept), with a
  // stand-in tile server; the worker's requests pass through the context's routes.
  const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  const served = [];
  await context.route('https://tile.openstreetmap.org/**', (route) => {
    served.push(route.request().url());
    return route.fulfill({ body: TILE, contentType: 'image/png' });
  });
  const config = JSON.parse((await import('node:fs')).readFileSync('public/config.json', 'utf8'));
  // The page's own routes come first (support.mjs gives every page a config without tiles).
  await context.route('**/config.json', (route) => route.fulfill({ json: config }));
  await page.route('**/config.json', (route) => route.fulfill({ json: config }));
  await page.goto('/');
  await mapReady(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  // Around the county at several zooms: more tiles than the bound keeps (2 MB, each of these
  // opaque tiles counted as 20,000 bytes: 104 of them).
  const views = [[35.5, 112.4, 12], [35.45, 112.3, 13], [35.55, 112.5, 13], [35.48, 112.42, 14], [35.5, 112.45, 15], [35.47, 112.38, 15], [35.49, 112.41, 16]];
  for (const [lat, lon, zoom] of views) {
    await page.evaluate(([la, lo, z]) => { window.__cundiMaps[0].setView([la, lo], z, { animate: false }); }, [lat, lon, zoom]);
    await page.waitForFunction(() => [...document.querySelectorAll('.leaflet-tile-pane img')].every((i) => i.complete));
  }
  expect(new Set(served).size).toBeGreaterThan(104);
  const kept = async () => page.evaluate(async () => {
    const cache = await caches.open('cundi-tiles');
    const keys = (await cache.keys()).map((r) => r.url).filter((u) => !u.endsWith('__cundi-tile-index'));
    const index = await cache.match(new URL('__cundi-tile-index', location.origin).href);
    const entries = index ? await index.json() : [];
    return { keys, bytes: entries.reduce((n, [, [size]]) => n + size, 0), indexed: entries.length };
  });
  // Once the worker has written what it keeps: within the bound, the index and the cache alike.
  await expect.poll(async () => {
    const k = await kept();
    return k.indexed > 50 && k.indexed === k.keys.length;
  }, { timeout: 10_000 }).toBe(true);
  const { keys, bytes } = await kept();
  expect(keys.length).toBeLessThanOrEqual(104);
  expect(bytes).toBeLessThanOrEqual(2 * 1_048_576);

  // The last view, with the network cut: its tiles come from the kept ones.
  // The tiles of the view's own zoom (Leaflet may still hold the previous zoom's a moment).
  const inView = (srcs) => srcs.filter((src) => new URL(src).pathname.startsWith('/16/'));
  const onScreen = inView(await page.evaluate(() => [...document.querySelectorAll('.leaflet-tile-pane img')].map((i) => i.src)));
  expect(onScreen.length).toBeGreaterThan(4);
  expect(onScreen.every((src) => keys.includes(src))).toBe(true);
  await context.setOffline(true);
  const before = served.length;
  await page.reload();
  await mapReady(page);
  await page.evaluate(([la, lo, z]) => { window.__cundiMaps[0].setView([la, lo], z, { animate: false }); }, views.at(-1));
  await page.waitForFunction(() => {
    const tiles = [...document.querySelectorAll('.leaflet-tile-pane img')];
    return tiles.length > 0 && tiles.every((i) => i.complete);
  });
  const loaded = inView(await page.evaluate(() => [...document.querySelectorAll('.leaflet-tile-pane img.leaflet-tile-loaded')].map((i) => i.src)));
  expect(loaded.sort()).toEqual([...onScreen].sort());
  expect(served.length).toBe(before);
  await context.setOffline(false);
});
