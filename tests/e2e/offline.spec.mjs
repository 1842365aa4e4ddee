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
