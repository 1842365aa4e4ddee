// A base map a county in China can publish (issue 23, point 1): presets for 天地图 and the GCJ-02
// providers, with local stand-ins for their tile servers. With a GCJ-02 base map every position is
// drawn shifted into GCJ-02 (computed here independently, support.mjs) while the URL stays WGS-84;
// with 天地图 both its layers load with the key, the annotation on top; the approval number is on
// the map; and the policy the build writes names exactly the tile hosts.
import { test, expect, readCsv, mapReady, stationMarkers, wgs84ToGcj02 } from './support.mjs';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const stations = readCsv('data/stations.csv');
const station = stations.find((s) => s.admin_code.startsWith('140522') && s.tier === 'village_point' && s.status === 'operating');
// A 1×1 transparent PNG: the stand-in tile.
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** Serves every tile of `pattern` with the stand-in and records its URL. */
async function standIn(page, pattern) {
  const asked = [];
  await page.route(pattern, (route) => {
    asked.push(route.request().url());
    return route.fulfill({ body: TILE, contentType: 'image/png' });
  });
  return asked;
}

async function withTiles(page, tiles) {
  await page.route('**/config.json', (route) => route.fulfill({ json: { data: 'data/', tiles } }));
}

/** Sets the view on a WGS-84 position as the map draws it, and returns where the station is. */
async function lookAt(page, lat, lon, zoom) {
  const [glon, glat] = wgs84ToGcj02(lon, lat);
  return page.evaluate(([la, lo, z]) => {
    const map = window.__cundiMaps[0];
    map.setView([la, lo], z, { animate: false });
    return true;
  }, [glat, glon, zoom]);
}

test.describe('a GCJ-02 base map (AMap)', () => {
  test.use({ bypassCSP: true });

  test('stations and outlines are drawn on their GCJ-02 position, the URL stays WGS-84', async ({ page }) => {
    await standIn(page, /^https:\/\/webrd0[1-4]\.is\.autonavi\.com\//);
    await withTiles(page, { preset: 'amap', approval: 'GS(2021)6375号' });
    await page.goto('/');
    await mapReady(page);
    const lat = Number(station.lat);
    const lon = Number(station.lon);
    await lookAt(page, lat, lon, 16);
    const [glon, glat] = wgs84ToGcj02(lon, lat);
    const at = await page.evaluate(([la, lo, wla, wlo]) => {
      const map = window.__cundiMaps[0];
      const p = (a, b) => map.latLngToContainerPoint([a, b]);
      return { gcj: p(la, lo), wgs: p(wla, wlo) };
    }, [glat, glon, lat, lon]);
    const marker = (await stationMarkers(page)).find((m) => m.id === station.id);
    expect(Math.abs(marker.x - at.gcj.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(marker.y - at.gcj.y)).toBeLessThanOrEqual(1);
    // The shift is real at this zoom: drawn at the WGS-84 point, it would be off by many pixels.
    expect(Math.hypot(marker.x - at.wgs.x, marker.y - at.wgs.y)).toBeGreaterThan(50);

    // An outline's vertices, likewise.
    const outline = await page.evaluate(() => {
      const map = window.__cundiMaps[0];
      let found = null;
      map.eachLayer((l) => {
        if (found || !l.feature || !l.getLatLngs) return;
        let ring = l.getLatLngs();
        while (Array.isArray(ring[0])) ring = ring[0];
        let coords = l.feature.geometry.coordinates;
        while (Array.isArray(coords[0][0])) coords = coords[0];
        found = { drawn: [ring[0].lat, ring[0].lng], source: coords[0] };
      });
      return found;
    });
    const [olon, olat] = wgs84ToGcj02(outline.source[0], outline.source[1]);
    expect(outline.drawn[0]).toBeCloseTo(olat, 7);
    expect(outline.drawn[1]).toBeCloseTo(olon, 7);

    // The URL keeps the WGS-84 view, so a link opens the same place on any base map.
    await expect(page).toHaveURL(/map=16\//);
    const view = new URL(page.url()).searchParams.get('map').split('/').map(Number);
    expect(view[1]).toBeCloseTo(lat, 4);
    expect(view[2]).toBeCloseTo(lon, 4);
    await expect(page.locator('.leaflet-control-attribution')).toContainText('高德地图');
    await expect(page.locator('.leaflet-control-attribution')).toContainText('审图号 GS(2021)6375号');
  });
});

test.describe('天地图', () => {
  test.use({ bypassCSP: true });

  test('draws its vector layer and its annotation on top, with the key and the approval number', async ({ page }) => {
    const asked = await standIn(page, /^https:\/\/t[0-7]\.tianditu\.gov\.cn\//);
    await withTiles(page, { preset: 'tianditu_vec', key: 'tk-test-0123', approval: 'GS(2024)0568号' });
    await page.goto('/');
    await mapReady(page);
    await expect.poll(() => asked.filter((u) => u.includes('/cva_w/')).length).toBeGreaterThan(0);
    expect(asked.filter((u) => u.includes('/vec_w/')).length).toBeGreaterThan(0);
    for (const url of asked) {
      const u = new URL(url);
      expect(u.searchParams.get('tk')).toBe('tk-test-0123');
      expect(u.searchParams.get('TILEMATRIXSET')).toBe('w');
    }
    // The annotation layer is the upper of the two.
    const order = await page.evaluate(() => [...document.querySelectorAll('.leaflet-tile-pane > .leaflet-layer')]
      .map((layer) => layer.querySelector('img')?.src || ''));
    expect(order).toHaveLength(2);
    expect(order[0]).toContain('/vec_w/');
    expect(order[1]).toContain('/cva_w/');
    const credit = page.locator('.leaflet-control-attribution');
    await expect(credit).toContainText('天地图');
    await expect(credit).toContainText('审图号 GS(2024)0568号');
    await expect(credit).toBeVisible();
    await page.setViewportSize({ width: 360, height: 740 });
    await expect(credit).toBeInViewport();
    await page.screenshot({ path: 'tests/e2e/out/screens/basemap-tianditu-360.png' });
    // With the legend up from the bottom, the credit moves above it: still shown, not covered.
    // (Opened on the wide screen the page was loaded at, the legend is open already.)
    if (!(await page.getByTestId('legend').evaluate((d) => d.open))) await page.getByTestId('legend').locator('summary').click();
    await expect(page.getByTestId('legend-tiers')).toBeVisible();
    await expect(credit).toBeInViewport();
    const box = await credit.boundingBox();
    const covering = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('.leaflet-control-attribution') !== null, [box.x + box.width / 2, box.y + box.height / 2]);
    expect(covering, 'the credit is on top where it stands').toBe(true);
    const legend = await page.getByTestId('legend').boundingBox();
    expect(box.y + box.height).toBeLessThanOrEqual(legend.y);
    await page.screenshot({ path: 'tests/e2e/out/screens/basemap-tianditu-legend-360.png' });
    // CGCS2000 is WGS-84 to within centimetres: no shift.
    await page.evaluate(([la, lo]) => { window.__cundiMaps[0].setView([la, lo], 16, { animate: false }); }, [Number(station.lat), Number(station.lon)]);
    const marker = (await stationMarkers(page)).find((m) => m.id === station.id);
    const size = await page.evaluate(() => window.__cundiMaps[0].getSize());
    expect(Math.abs(marker.x - size.x / 2)).toBeLessThanOrEqual(1);
    expect(Math.abs(marker.y - size.y / 2)).toBeLessThanOrEqual(1);
  });
});

test.describe('the policy', () => {
  // The refused tile is logged by the browser: that is the point.
  test.use({ allowConsoleErrors: true });

  test('the build names exactly the base map\'s hosts, and a tile from elsewhere is refused', async ({ page }) => {
    // The page sealed by `cundi-data csp` for a deployment configured with 天地图.
    const root = path.resolve('.');
    const dir = mkdtempSync(path.join(tmpdir(), 'cundi-csp-'));
    mkdirSync(path.join(dir, 'data'));
    copyFileSync(path.join(root, 'dist/index.html'), path.join(dir, 'index.html'));
    copyFileSync(path.join(root, 'dist/data/summary.json'), path.join(dir, 'data/summary.json'));
    const tiles = { preset: 'tianditu_vec', key: 'tk-test-0123', approval: 'GS(2024)0568号' };
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ data: 'data/', tiles }));
    execFileSync(path.join(root, 'target/cli/cundi-data'), ['csp', dir], { stdio: 'ignore' });
    const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
    const policy = html.match(/http-equiv="?Content-Security-Policy"? content="([^"]+)"/)[1];
    const hosts = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => `https://t${n}.tianditu.gov.cn`).join(' ');
    expect(policy).toContain(`img-src 'self' data: ${hosts};`);

    await page.route((url) => url.pathname === '/', (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
    const asked = await standIn(page, /^https:\/\/t[0-7]\.tianditu\.gov\.cn\//);
    await withTiles(page, tiles);
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.blockedURI));
    });
    await page.goto('/');
    await mapReady(page);
    await expect.poll(() => asked.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    // A tile from a host the policy does not name never loads.
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'https://tiles.elsewhere.example/1/1/1.png';
      document.body.append(img);
    });
    await expect.poll(() => page.evaluate(() => window.__violations)).toEqual(['https://tiles.elsewhere.example/1/1/1.png']);
  });
});
