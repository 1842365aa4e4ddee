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
    await page.addInitScript(hookLeaflet);
    await page.route('**/config.json', (route) => route.fulfill({ json: testConfig }));
    await use(page);
  },
});

export { expect };

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
