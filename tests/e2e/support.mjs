// Shared set-up for the browser tests: no tiles (there is no network), a handle on the Leaflet map
// so tests can find and tap canvas markers, the published CSVs to compare with, and a console that
// must stay free of errors.
import { test as base, expect } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Rows of a CSV file in the repository, as objects keyed by header. */
export function readCsv(relative) {
  return parse(readFileSync(path.join(root, relative)), { columns: true, bom: true, skip_empty_lines: true });
}

/**
 * The initials of a search entry's pinyin as the bundle writes it (one string, docs/DATA.md, the search entries):
 * readings split by `|`, the first whole and the others whole or as `index=syllable` changes to
 * it; initials after a `#` when written, else the first letter of each syllable (a syllable with
 * digits whole), without repeats.
 */
export function pinyinInitials(keys = '') {
  const hash = keys.indexOf('#');
  const full = hash < 0 ? keys : keys.slice(0, hash);
  if (hash >= 0) return keys.slice(hash + 1) ? keys.slice(hash + 1).split('|') : [];
  if (!full) return [];
  const [first, ...others] = full.split('|');
  const base = first.split(' ');
  const readings = [base, ...others.map((other) => {
    if (!other.includes('=')) return other.split(' ');
    const syllables = [...base];
    for (const change of other.split(' ')) {
      const [at, syllable] = change.split('=');
      syllables[Number(at)] = syllable;
    }
    return syllables;
  })];
  return [...new Set(readings.map((r) => r.map((s) => (/\d/.test(s) ? s : s[0])).join('')))];
}

/** Site configuration used by every test: the default one minus the tile layer. */
const testConfig = { data: 'data/', tiles: null };

/**
 * Leaflet's UMD build assigns `window.L`; hooking that assignment lets a test reach the map the
 * site creates (`window.__cundiMaps`) without the site exposing anything for tests.
 */
function hookLeaflet() {
  let leaflet;
  Object.defineProperty(window, 'L', {
    configurable: true,
    get() { return leaflet; },
    set(value) {
      leaflet = value;
      value.Map.addInitHook(function () {
        (window.__cundiMaps = window.__cundiMaps || []).push(this);
      });
    },
  });
}

export const test = base.extend({
  // Tests that make a file fail on purpose expect the browser to log the failed request.
  allowConsoleErrors: [false, { option: true }],
  // Console errors and uncaught exceptions fail a test unless it expects them.
  consoleErrors: [async ({ page, allowConsoleErrors }, use) => {
    const errors = [];
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
    page.on('pageerror', (err) => errors.push(`uncaught: ${err}`));
    await use(errors);
    const fatal = allowConsoleErrors ? errors.filter((e) => e.startsWith('uncaught')) : errors;
    expect(fatal, 'errors in the browser console').toEqual([]);
  }, { auto: true }],
  page: async ({ page }, use) => {
    await use(await sitePage(page));
  },
});

export { expect };

/** A page made ready as every test's page is: Leaflet's maps hooked, the test configuration. */
export async function sitePage(page) {
  await page.addInitScript(hookLeaflet);
  await page.route('**/config.json', (route) => route.fulfill({ json: testConfig }));
  return page;
}

/** Serves the bundle in `dir` (relative to the repository) in place of the site's own data/. */
export async function useBundle(page, dir) {
  const base = path.join(root, dir);
  if (!existsSync(path.join(base, 'summary.json'))) throw new Error(`no bundle at ${base}; run scripts/test`);
  await page.route('**/data/**', (route) => {
    const rel = new URL(route.request().url()).pathname.replace(/^.*?\/data\//, '');
    const file = path.join(base, decodeURIComponent(rel));
    if (!file.startsWith(base) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ body: readFileSync(file), contentType: contentType(file) });
  });
}

function contentType(file) {
  if (file.endsWith('.json') || file.endsWith('.geojson')) return 'application/json';
  if (file.endsWith('.csv')) return 'text/csv; charset=utf-8';
  return 'application/octet-stream';
}

/** Waits for every station marker to be drawn; returns the number drawn. */
export async function mapReady(page) {
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-stations-drawn', /\d+/, { timeout: 30_000 });
  return Number(await map.getAttribute('data-stations-drawn'));
}

/** Opens the map's "layers and filters" card (closed as the map opens). */
export async function openMapOptions(page) {
  const options = page.getByTestId('map-options');
  if (!(await options.evaluate((d) => d.open))) await options.locator('summary').click();
  await expect(options).toHaveAttribute('open', '');
}

/** Every marker on the map that carries a station id: id, style, and its position on screen. */
export async function stationMarkers(page) {
  return page.evaluate(() => {
    const map = (window.__cundiMaps || [])[0];
    if (!map) return [];
    const out = [];
    map.eachLayer((layer) => {
      const id = layer.options && layer.options.cundiId;
      if (id === undefined || !layer.getLatLng) return;
      const p = map.latLngToContainerPoint(layer.getLatLng());
      const o = layer.options;
      out.push({
        id, x: p.x, y: p.y,
        style: { color: o.color, fillColor: o.fillColor, fillOpacity: o.fillOpacity, dashArray: o.dashArray || null, radius: o.radius },
      });
    });
    return out;
  });
}

/** Centres the map on a station at a close zoom, so a tap lands on it alone. */
export async function focusStation(page, id, zoom = 15) {
  await page.evaluate(([stationId, z]) => {
    const map = window.__cundiMaps[0];
    map.eachLayer((layer) => {
      if (layer.options && layer.options.cundiId === stationId) map.setView(layer.getLatLng(), z, { animate: false });
    });
  }, [id, zoom]);
}

/** Taps a station's marker where it is drawn on the canvas. */
export async function tapStation(page, id) {
  await focusStation(page, id);
  const marker = (await stationMarkers(page)).find((m) => m.id === id);
  if (!marker) throw new Error(`station ${id} is not on the map`);
  const box = await page.getByTestId('map').boundingBox();
  await page.mouse.click(box.x + marker.x, box.y + marker.y);
}

/** Where the phone-width screenshots go. */
export const screens = path.join(root, 'tests/e2e/out/screens');

/** The Leaflet map's view: centre and zoom. */
export async function mapView(page) {
  return page.evaluate(() => {
    const map = window.__cundiMaps[window.__cundiMaps.length - 1];
    const c = map.getCenter();
    return { lat: c.lat, lon: c.lng, zoom: map.getZoom() };
  });
}

/** Great-circle distance in km, as the core computes it (mean Earth radius 6371.0088 km). */
export function haversineKm(lon1, lat1, lon2, lat2) {
  const rad = (d) => (d * Math.PI) / 180;
  const dp = rad(lat2 - lat1);
  const dl = rad(lon2 - lon1);
  const a = Math.sin(dp / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dl / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

// The published WGS-84 → GCJ-02 formula (Krasovsky ellipsoid) and Baidu's BD-09 turn of GCJ-02,
// written out here independently of the site, to check the coordinates in its directions links.
const KRASOVSKY_A = 6378245.0;
const KRASOVSKY_EE = 0.00669342162296594323;

function gcjDeltaLat(x, y) {
  const { sin, sqrt, abs, PI } = Math;
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt(abs(x));
  r += ((20.0 * sin(6.0 * x * PI) + 20.0 * sin(2.0 * x * PI)) * 2.0) / 3.0;
  r += ((20.0 * sin(y * PI) + 40.0 * sin((y / 3.0) * PI)) * 2.0) / 3.0;
  r += ((160.0 * sin((y / 12.0) * PI) + 320 * sin((y * PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function gcjDeltaLon(x, y) {
  const { sin, sqrt, abs, PI } = Math;
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt(abs(x));
  r += ((20.0 * sin(6.0 * x * PI) + 20.0 * sin(2.0 * x * PI)) * 2.0) / 3.0;
  r += ((20.0 * sin(x * PI) + 40.0 * sin((x / 3.0) * PI)) * 2.0) / 3.0;
  r += ((150.0 * sin((x / 12.0) * PI) + 300.0 * sin((x / 30.0) * PI)) * 2.0) / 3.0;
  return r;
}

/** WGS-84 → GCJ-02 (inside China), as [lon, lat]. */
export function wgs84ToGcj02(lon, lat) {
  const radLat = (lat / 180.0) * Math.PI;
  const magic = 1 - KRASOVSKY_EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (gcjDeltaLat(lon - 105.0, lat - 35.0) * 180.0)
    / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLon = (gcjDeltaLon(lon - 105.0, lat - 35.0) * 180.0)
    / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** GCJ-02 → BD-09, as [lon, lat]. */
export function gcj02ToBd09(lon, lat) {
  const xPi = (Math.PI * 3000.0) / 180.0;
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * xPi);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * xPi);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/** A distance as the site writes it in Chinese: metres under 1 km, else km to one decimal. */
/** Operating stations of a CSV by distance from a point, nearest first (ties in file order). */
export function nearestOperatingIn(stations, lon, lat, except = null) {
  return stations
    .filter((s) => s.status === 'operating' && s.id !== except)
    .map((s, i) => ({ s, i, km: haversineKm(lon, lat, Number(s.lon), Number(s.lat)) }))
    .sort((a, b) => a.km - b.km || a.i - b.i);
}

export function distanceZh(km) {
  return km < 1 ? `${Math.round(km * 100) * 10} 米` : `${km.toFixed(1)} 公里`;
}

/**
 * A screenshot of the whole page at the current width. Pages scroll inside `<main>` (the body is
 * one screen tall, for the map), so the viewport is made as tall as the content for the shot.
 */
export async function fullScreenshot(page, file) {
  const size = page.viewportSize();
  const height = await page.evaluate(() => {
    const main = document.getElementById('main');
    return document.body.scrollHeight - main.clientHeight + main.scrollHeight;
  });
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.ceil(height)) });
  await page.screenshot({ path: file });
  await page.setViewportSize(size);
}

/**
 * The pinyin of every village and station the demo bundle's counties carry (their search
 * entries), by key: the first reading, syllables lower case with a space between, as the site
 * sorts names by it. Read from the built bundle (dist/data/chunks/<county>/search.json).
 */
export function demoReadings() {
  const readings = new Map();
  for (const county of ['140522', '370305', '411721']) {
    const file = path.join(root, 'dist/data/chunks', county, 'search.json');
    for (const e of JSON.parse(readFileSync(file, 'utf8'))) {
      if (e.pinyin) readings.set(e.key, e.pinyin.split('#')[0].split('|')[0]);
    }
  }
  return readings;
}

/** Rows ordered as a Chinese index orders names: by reading, then by the characters, then by key. */
export function byReading(rows, key, readings, descending = false) {
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows].sort((a, b) => {
    const ra = readings.get(a[key]);
    const rb = readings.get(b[key]);
    if (ra === undefined || rb === undefined) return (ra === undefined) - (rb === undefined) || cmp(a[key], b[key]);
    const byName = cmp(ra, rb) || cmp(a.name, b.name);
    return (descending ? -byName : byName) || cmp(a[key], b[key]);
  });
}
