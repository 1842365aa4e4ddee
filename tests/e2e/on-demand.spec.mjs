// Counties loaded on demand, as the national bundle is shown: here on the demo bundle with
// `eager_counties: 0` in config.json, so every path runs in a test that takes seconds. The country
// view loads the summary alone and draws the counties; tapping a county opens it (its chunk only);
// a station page opens its own county; "near me" loads only the counties around the position and
// finds what a brute-force scan of stations.csv finds.
import {
  test, expect, readCsv, nearestOperatingIn, mapView,
} from './support.mjs';

const stations = readCsv('data/stations.csv');
const villages = readCsv('data/villages.csv');

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
  await page.route('**/config.json', (route) => route.fulfill({ json: { data: 'data/', tiles: null, eager_counties: 0 } }));
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

test('the country view draws the counties from the summary alone, and a tap opens one county', async ({ page }) => {
  const chunks = watchChunks(page);
  await page.goto('/');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-counties-drawn', '3');
  await expect(map).toHaveAttribute('data-stations-drawn', '0');
  await expect(page.getByTestId('station-count')).toContainText('点按地图上的县');
  expect([...chunks.keys()], 'no county is loaded for the country view').toEqual([]);

  const marks = await countyMarks(page);
  expect(marks.map((m) => m.code).sort()).toEqual(['140522', '370305', '411721']);
  const xiping = marks.find((m) => m.code === '411721');
  const box = await map.boundingBox();
  await page.mouse.click(box.x + xiping.x, box.y + xiping.y);

  const expected = stations.filter((s) => s.admin_code.startsWith('411721')).length;
  await expect(map).toHaveAttribute('data-stations-drawn', String(expected));
  // Zoomed in past the country view: the counties give way to the stations.
  expect((await mapView(page)).zoom).toBeGreaterThanOrEqual(8);
  await expect(map).toHaveAttribute('data-counties-drawn', '0');
  expect([...chunks.keys()]).toEqual(['411721']);
  await expect(page.getByTestId('station-count')).toContainText(`已打开的县共 ${expected} 个网点`);
});

test('a station page opens its own county only', async ({ page }) => {
  const chunks = watchChunks(page);
  const station = stations.find((s) => s.id.startsWith('vp-370305'));
  await page.goto(`/station/${station.id}`);
  await expect(page.getByTestId('station-page')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(station.name);
  expect([...chunks.keys()]).toEqual(['370305']);

  // A village page and a township's area page do the same.
  const village = villages.find((v) => v.code.startsWith('140522'));
  await page.goto(`/village/${village.code}`);
  await expect(page.getByTestId('village-page')).toBeVisible();
  await page.goto('/area/140522100');
  await expect(page.getByTestId('area-page')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('凤城镇');
});

test('near me loads only the counties around the position and finds what a scan of stations.csv finds', async ({ page, context }) => {
  const chunks = watchChunks(page);
  await context.grantPermissions(['geolocation']);
  const located = villages.filter((v) => v.code.startsWith('140522') && v.lon);
  const place = { lon: Number(located[40].lon) + 0.003, lat: Number(located[40].lat) - 0.002 };
  await context.setGeolocation({ longitude: place.lon, latitude: place.lat, accuracy: 20 });
  await page.goto('/');
  await expect(page.getByTestId('map')).toHaveAttribute('data-counties-drawn', '3');
  await page.getByTestId('near-me').click();
  const rows = page.getByTestId('near-panel').getByTestId('near-list').locator('li');
  await expect(rows).toHaveCount(5);
  const expected = nearestOperatingIn(stations, place.lon, place.lat).slice(0, 5);
  for (let i = 0; i < 5; i += 1) {
    await expect(rows.nth(i)).toHaveAttribute('data-station', expected[i].s.id);
  }
  expect([...chunks.keys()], 'only the county the position lies in').toEqual(['140522']);

  // Far from every county: outside, and nothing more is loaded.
  await context.setGeolocation({ longitude: 116.3975, latitude: 39.9087 });
  await page.getByTestId('near-me').click();
  await expect(page.getByTestId('near-message')).toContainText('不在本站数据覆盖的地区内');
  expect([...chunks.keys()]).toEqual(['140522']);
});

test.describe('a county that fails to load', () => {
  test.use({ allowConsoleErrors: true });

  test('says which file and offers a retry, and the retry opens it', async ({ page }) => {
    let fail = true;
    await page.route('**/data/chunks/140522/stations.csv', (route) => (fail ? route.fulfill({ status: 503, body: 'busy' }) : route.fallback()));
    await page.goto('/station/ts-140522100');
    const alert = page.getByTestId('load-error');
    await expect(alert).toContainText('chunks/140522/stations.csv');
    await expect(alert).toContainText('503');
    fail = false;
    await page.getByTestId('retry').click();
    await expect(page.getByTestId('station-page')).toBeVisible();
  });
});
