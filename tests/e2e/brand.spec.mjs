// "Where can I collect my 中通 parcel": the map, its list, "near me", a village's page and the area
// figures answer for one brand or service (issue 23, point 3), each against a brute-force scan of
// data/stations.csv; the choice is in the URL and survives a reload.
import {
  test, expect, readCsv, mapReady, haversineKm, screens, fullScreenshot, openMapOptions,
} from './support.mjs';

const stations = readCsv('data/stations.csv');
const villages = readCsv('data/villages.csv');

/** The brand list of a row, as written. */
const brandsOf = (s) => s.brands.split(';').filter(Boolean);
const lists = (brand, service) => (s) =>
  (!brand || brandsOf(s).includes(brand)) && (!service || s.services.split(';').includes(service));

/** Operating stations listing the brand (and offering the service), within 30 km, nearest first. */
function nearestFor(lon, lat, brand, service) {
  return stations
    .map((s, i) => ({ s, i, km: haversineKm(lon, lat, Number(s.lon), Number(s.lat)) }))
    .filter(({ s, km }) => s.status === 'operating' && lists(brand, service)(s) && km <= 30)
    .sort((a, b) => a.km - b.km || a.i - b.i);
}

/** The operating county centre nearest a point. */
function centreNear(lon, lat) {
  return stations
    .filter((s) => s.tier === 'county_center' && s.status === 'operating')
    .map((s) => ({ s, km: haversineKm(lon, lat, Number(s.lon), Number(s.lat)) }))
    .sort((a, b) => a.km - b.km)[0];
}

const round6 = (x) => Math.round(x * 1e6) / 1e6;

test.describe('which point takes my parcel', () => {
  test('"near me" for a brand equals a scan of stations.csv, at three places', async ({ page, context }) => {
    await context.grantPermissions(['geolocation']);
    const at = (code, dLon = 0.002, dLat = -0.001) => {
      const v = villages.find((x) => x.code === code);
      return { lon: round6(Number(v.lon) + dLon), lat: round6(Number(v.lat) + dLat) };
    };
    const located = (county) => villages.filter((x) => x.code.startsWith(county) && x.lon);
    const places = [
      // In 阳城: 中通, which most points handle.
      { ...at('140522100001'), brand: '中通' },
      // In 西平: 顺丰, which four points in the data handle, two of them in 西平.
      { ...at(located('411721')[40].code), brand: '顺丰' },
      // In 临淄: 京东, and only the points that also take parcels to send.
      { ...at(located('370305')[5].code, 0.004, 0.003), brand: '京东', service: 'sending' },
      // In 阳城, where no point handles 顺丰: the county centre is the way.
      { ...at('140522100001'), brand: '顺丰' },
    ];
    let centres = 0;
    for (const place of places) {
      const query = new URLSearchParams({ brand: place.brand, ...(place.service ? { service: place.service } : {}) });
      await page.goto(`/?${query}`);
      await mapReady(page);
      await context.setGeolocation({ longitude: place.lon, latitude: place.lat, accuracy: 20 });
      await page.getByTestId('near-me').click();
      const panel = page.getByTestId('near-panel');
      await expect(panel).toBeVisible();
      await expect(page.getByTestId('near-title')).toContainText(place.brand);
      const expected = nearestFor(place.lon, place.lat, place.brand, place.service).slice(0, 5);
      const rows = panel.getByTestId('near-list').locator('li');
      await expect(rows).toHaveCount(expected.length);
      for (let i = 0; i < expected.length; i += 1) {
        await expect(rows.nth(i)).toHaveAttribute('data-station', expected[i].s.id);
      }
      // No point within 10 km: the way to the county centre, with directions.
      const centre = panel.getByTestId('near-centre');
      if (!expected.length || expected[0].km > 10) {
        centres += 1;
        const c = centreNear(place.lon, place.lat);
        await expect(centre).toHaveAttribute('data-station', c.s.id);
        await expect(centre.getByRole('link').first()).toBeVisible();
        await expect(centre.getByTestId('centre-unlisted')).toHaveCount(brandsOf(c.s).includes(place.brand) ? 0 : 1);
      } else {
        await expect(centre).toHaveCount(0);
      }
      expect(decodeURIComponent(page.url())).not.toContain(place.lon.toFixed(3));
    }
    expect(centres, 'one place had no point near for its brand').toBeGreaterThan(0);

    // Another brand chosen while the results are shown answers again at the same position.
    const last = places[0];
    await page.goto('/?brand=中通');
    await mapReady(page);
    await context.setGeolocation({ longitude: last.lon, latitude: last.lat });
    await page.getByTestId('near-me').click();
    await expect(page.getByTestId('near-panel')).toBeVisible();
    await openMapOptions(page);
    await page.getByTestId('want-brand').selectOption('京东');
    await expect(page.getByTestId('near-title')).toContainText('京东');
    const jd = nearestFor(last.lon, last.lat, '京东').slice(0, 5);
    await expect(page.getByTestId('near-list').locator('li')).toHaveCount(jd.length);
    await expect(page.getByTestId('near-list').locator('li').first()).toHaveAttribute('data-station', jd[0].s.id);
  });

  test('the map and its list show only the points for the brand and service, and keep the choice on reload', async ({ page }) => {
    await page.goto('/');
    const all = await mapReady(page);
    expect(all).toBe(stations.length);
    await openMapOptions(page);
    // The brands offered are those of the data, the most listed first.
    const options = await page.getByTestId('want-brand').locator('option').allTextContents();
    expect(options.slice(1, 3)).toEqual(['极兔', '中通']);
    expect(options).toContain('顺丰');

    await page.getByTestId('want-brand').selectOption('顺丰');
    const map = page.getByTestId('map');
    await expect(map).toHaveAttribute('data-stations-drawn', String(stations.filter(lists('顺丰')).length));
    await expect(page.getByTestId('station-count')).toContainText(`${stations.length} 个网点中有 4 个办理顺丰`);
    expect(new URL(page.url()).searchParams.get('brand')).toBe('顺丰');

    await page.getByTestId('want-service').selectOption('pickup_produce');
    await page.getByTestId('want-brand').selectOption('邮政');
    const expected = stations.filter(lists('邮政', 'pickup_produce')).length;
    await expect(map).toHaveAttribute('data-stations-drawn', String(expected));

    await page.reload();
    await expect(map).toHaveAttribute('data-stations-drawn', String(expected), { timeout: 30_000 });
    // The closed button names the choice.
    await expect(page.getByTestId('map-options-chosen')).toHaveText('邮政 · 农产品上行揽收');
    await openMapOptions(page);
    await expect(page.getByTestId('want-brand')).toHaveValue('邮政');
    await expect(page.getByTestId('want-service')).toHaveValue('pickup_produce');

    // The list names only those points.
    await page.getByTestId('list-toggle').check();
    const items = page.getByTestId('view-list-item');
    await expect(items.first()).toBeVisible();
    const ids = await items.evaluateAll((els) => els.map((e) => e.dataset.id));
    const byId = new Map(stations.map((s) => [s.id, s]));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(lists('邮政', 'pickup_produce')(byId.get(id)), id).toBe(true);

    await openMapOptions(page);
    await page.getByTestId('want-brand').selectOption('');
    await page.getByTestId('want-service').selectOption('');
    await expect(map).toHaveAttribute('data-stations-drawn', String(stations.length));
    expect(new URL(page.url()).searchParams.has('brand')).toBe(false);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByTestId('want-brand').selectOption('京东');
    await page.screenshot({ path: `${screens}/brand-map-360.png` });
  });

  test("a village's page answers for the brand: its point, others near, else the county centre", async ({ page }) => {
    // A village of 阳城, where no point handles 顺丰.
    const v = villages.find((x) => x.code === '140522100001');
    const serving = stations.find((s) => s.id === v.served_by);
    await page.goto(`/village/${v.code}?brand=顺丰`);
    await expect(page.getByTestId('village-page')).toBeVisible();
    await expect(page.getByTestId('serving-not-wanted')).toContainText('顺丰');
    await expect(page.getByTestId('alternatives').locator('li')).toHaveCount(0);
    const c = centreNear(Number(v.lon), Number(v.lat));
    await expect(page.getByTestId('near-centre')).toHaveAttribute('data-station', c.s.id);
    await page.setViewportSize({ width: 360, height: 740 });
    await fullScreenshot(page, `${screens}/brand-village-360.png`);
    await page.setViewportSize({ width: 1280, height: 800 });

    // 中通: the alternatives are the nearest other operating points listing it.
    await page.getByTestId('want-brand').selectOption('中通');
    await expect(page.getByTestId('near-centre')).toHaveCount(0);
    const expected = nearestFor(Number(v.lon), Number(v.lat), '中通').filter((x) => x.s.id !== serving.id).slice(0, 3);
    const rows = page.getByTestId('alternatives').locator('li');
    await expect(rows).toHaveCount(3);
    for (let i = 0; i < 3; i += 1) await expect(rows.nth(i)).toHaveAttribute('data-station', expected[i].s.id);
    await expect(page.getByTestId('serving-not-wanted')).toHaveCount(brandsOf(serving).includes('中通') ? 0 : 1);
    expect(new URL(page.url()).searchParams.get('brand')).toBe('中通');
  });

  test('the area figures can be read for one brand', async ({ page }) => {
    const county = '370305';
    const inCounty = stations.filter((s) => s.admin_code.startsWith(county) && s.status === 'operating');
    const count = (tier, brand) => inCounty.filter((s) => s.tier === tier && (!brand || brandsOf(s).includes(brand))).length;
    await page.goto(`/area/${county}`);
    await expect(page.getByTestId('count-village-points')).toHaveText(String(count('village_point')));
    await page.getByTestId('want-brand').selectOption('京东');
    await expect(page.getByTestId('want-figures')).toContainText('京东');
    await expect(page.getByTestId('count-village-points')).toHaveText(String(count('village_point', '京东')));
    await expect(page.getByTestId('count-township-stations')).toHaveText(String(count('township_station', '京东')));
    // A village counts as served for the brand only when its serving point handles it.
    const byId = new Map(stations.map((s) => [s.id, s]));
    const served = villages.filter((v) => {
      const s = byId.get(v.served_by);
      return v.code.startsWith(county) && s && s.status === 'operating' && brandsOf(s).includes('京东')
        && v.deliveries_per_week !== '0';
    }).length;
    const all = villages.filter((v) => v.code.startsWith(county)).length;
    await expect(page.getByTestId('share-served')).toContainText(`${served} / ${all}`);
    await page.reload();
    await expect(page.getByTestId('want-figures')).toContainText('京东');
  });
});
