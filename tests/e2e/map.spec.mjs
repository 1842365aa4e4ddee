// The map page on the demo data: every station drawn and styled by status, details on tap, the
// language switch, the frequency layer, and clear failures when a data file is broken.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, openMapOptions, expect, readCsv, root, useBundle, mapReady, stationMarkers, tapStation, screens } from './support.mjs';

const stations = readCsv('data/stations.csv');
const villages = readCsv('data/villages.csv');

test('every row of stations.csv is on the map, closed and planned styled apart', async ({ page }) => {
  await page.goto('/');
  const drawn = await mapReady(page);
  expect(drawn).toBe(stations.length);

  const markers = await stationMarkers(page);
  expect(markers.map((m) => m.id).sort()).toEqual(stations.map((s) => s.id).sort());

  const styleOf = (status) => {
    const ids = new Set(stations.filter((s) => s.status === status).map((s) => s.id));
    return new Set(markers.filter((m) => ids.has(m.id)).map((m) => JSON.stringify({ ...m.style, radius: 0 })));
  };
  const operating = styleOf('operating');
  for (const status of ['closed', 'planned']) {
    const styles = styleOf(status);
    expect(styles.size, `the demo data has ${status} stations`).toBeGreaterThan(0);
    for (const s of styles) expect(operating.has(s), `${status} looks like operating`).toBe(false);
  }
});

test('tapping a station shows its name and the villages it serves', async ({ page }) => {
  const served = new Map();
  for (const v of villages) if (v.served_by) served.set(v.served_by, [...(served.get(v.served_by) || []), v]);
  const station = stations.find((s) => s.tier === 'village_point' && (served.get(s.id) || []).length >= 2);
  expect(station, 'a village point serving two villages or more').toBeTruthy();

  await page.goto('/');
  await mapReady(page);
  await tapStation(page, station.id);

  const details = page.getByTestId('station-details');
  await expect(details).toBeVisible();
  await expect(details.getByRole('heading', { name: station.name })).toBeVisible();
  for (const v of served.get(station.id)) await expect(details).toContainText(v.name);
  await expect(page).toHaveURL(new RegExp(`station=${encodeURIComponent(station.id)}`));

  // The selection lives in the URL: reopening the link shows the same station.
  await page.reload();
  await expect(page.getByTestId('station-details').getByRole('heading', { name: station.name })).toBeVisible();
});

test('the language switch changes the interface between Chinese and English', async ({ page }) => {
  await page.goto('/');
  await mapReady(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const legend = page.getByTestId('legend');
  const zh = await legend.innerText();
  expect(zh).toMatch(/[\u4e00-\u9fff]/);

  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(legend).not.toHaveText(zh);
  expect(await legend.innerText()).toMatch(/station/i);

  // The choice is remembered.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the frequency layer colours every located village against the daily standard', async ({ page }) => {
  await page.goto('/');
  await mapReady(page);
  await openMapOptions(page);
  await page.getByTestId('layer-frequency').click();
  const located = villages.filter((v) => v.lon && v.lat).length;
  const colours = await page.waitForFunction((expected) => {
    const map = window.__cundiMaps[0];
    const fill = {};
    let n = 0;
    map.eachLayer((l) => {
      if (l.options && l.options.cundiVillage !== undefined) { n += 1; fill[l.options.fillColor] = true; }
    });
    return n === expected ? Object.keys(fill) : null;
  }, located);
  expect((await colours.jsonValue()).length, 'daily, below daily and unserved look different').toBeGreaterThanOrEqual(3);

  // Readable on a phone: 12 px dots; in the URL; its legend in view with the options closed.
  expect(new URL(page.url()).searchParams.get('layer')).toBe('frequency');
  const radius = await page.evaluate(() => {
    let r = 0;
    window.__cundiMaps[0].eachLayer((l) => { if (l.options && l.options.cundiVillage !== undefined) r = l.options.radius; });
    return r;
  });
  expect(radius * 2).toBeGreaterThanOrEqual(12);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  await mapReady(page);
  const legend = page.getByTestId('frequency-legend');
  await expect(legend).toBeInViewport();
  await expect(legend).toContainText('每日投递');
  await expect(legend).toContainText('无寄递服务');
  await expect(page.getByTestId('map-options-chosen')).toContainText('投递频次');
  await expect.poll(() => page.evaluate(() => {
    let n = 0;
    window.__cundiMaps[0].eachLayer((l) => { if (l.options && l.options.cundiVillage !== undefined) n += 1; });
    return n;
  })).toBe(located);
  await page.screenshot({ path: `${screens}/frequency-360.png` });
  // Turned off, the URL forgets it.
  await openMapOptions(page);
  await page.getByTestId('layer-frequency').click();
  await expect(legend).toBeHidden();
  expect(new URL(page.url()).searchParams.has('layer')).toBe(false);
});

test.describe('when a data file is broken', () => {
  test.use({ allowConsoleErrors: true });

  test('a missing summary shows the message and a retry that recovers', async ({ page }) => {
    let fail = true;
    await page.route('**/data/summary.json', (route) => (fail ? route.fulfill({ status: 404, body: 'gone' }) : route.fallback()));
    await page.goto('/');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('summary.json');
    fail = false;
    await alert.getByRole('button').click();
    expect(await mapReady(page)).toBe(stations.length);
  });

  test('a summary that is not JSON names the file', async ({ page }) => {
    await page.route('**/data/summary.json', (route) => route.fulfill({ body: '{"format": 1, "areas": [', contentType: 'application/json' }));
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('summary.json');
    await expect(page.getByRole('alert').getByRole('button')).toBeVisible();
  });

  test('a county outline that is not GeoJSON is left off, and every point of the county is drawn', async ({ page }) => {
    // `cundi-data build` lists such an outline as a warning; the site shows the county without it.
    await page.route('**/chunks/370305/boundary.geojson', (route) => route.fulfill({ body: '{"type": "Polygon"}', contentType: 'application/json' }));
    await page.route('**/chunks/411721/boundary.geojson', (route) => route.fulfill({ body: 'not json', contentType: 'application/json' }));
    await page.goto('/');
    expect(await mapReady(page)).toBe(stations.length);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a county chunk that fails to load names the file', async ({ page }) => {
    await page.route('**/chunks/370305/stations.csv', (route) => route.abort('failed'));
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('370305');
    await expect(page.getByRole('alert').getByRole('button')).toBeVisible();
  });
});

test('rows with problems are listed on the data-quality view while every valid row is shown', async ({ page }) => {
  await useBundle(page, 'target/e2e/bad');
  await page.goto('/');
  const drawn = await mapReady(page);
  const valid = await page.evaluate(async () => (await (await fetch('data/summary.json')).json()).areas
    .filter((a) => a.chunk).reduce((n, a) => n + a.chunk.stations.rows, 0));
  expect(drawn).toBe(valid);

  await page.goto('/quality');
  const table = page.getByTestId('problems');
  await expect(table).toBeVisible();
  const problems = await page.evaluate(async () => (await (await fetch('data/summary.json')).json()).problems);
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    const row = table.locator('tr', { hasText: p.file }).filter({ hasText: String(p.line ?? '') });
    await expect(row.first()).toBeVisible();
  }
});

test('a summary whose problems cannot be read still draws the map, and the quality view says why', async ({ page }) => {
  await useBundle(page, 'target/e2e/bad');
  await page.route('**/data/summary.json', async (route) => {
    const summary = JSON.parse(readFileSync(path.join(root, 'target/e2e/bad/summary.json'), 'utf8'));
    expect(summary.problems.length).toBeGreaterThan(0);
    await route.fulfill({ json: { ...summary, problems: { not: 'a list' } } });
  });
  await page.goto('/');
  expect(await mapReady(page)).toBeGreaterThan(0);
  await page.goto('/quality');
  await expect(page.getByTestId('problems-unreadable')).toBeVisible();
  await expect(page.getByTestId('problems-unreadable')).toContainText('invalid type');
  await expect(page.getByTestId('problems-unreadable')).not.toContainText('line 1');
  // None of the build's problems is made up, and "no problems found" would contradict the alert.
  await expect(page.getByTestId('problems-empty')).toHaveCount(0);
  await expect(page.getByTestId('problems')).toHaveCount(0);
});

test('screenshots at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await mapReady(page);
  await page.screenshot({ path: `${screens}/map-360.png` });
  const station = stations.find((s) => s.tier === 'township_station');
  await tapStation(page, station.id);
  await expect(page.getByTestId('station-details')).toBeVisible();
  await page.screenshot({ path: `${screens}/station-360.png` });
  // Nothing is wider than the phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.goto('/quality');
  await expect(page.getByTestId('problems-empty')).toBeVisible();
  await page.screenshot({ path: `${screens}/quality-360.png`, fullPage: true });
  await page.goto('/?station=nonexistent-id');
  await expect(page.getByTestId('station-missing')).toBeVisible();
  await page.screenshot({ path: `${screens}/station-missing-360.png` });
});
