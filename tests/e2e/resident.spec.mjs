// A resident finding their service point: the search box (characters, pinyin, initials; keyboard
// and screen-reader usable), "near me" against a brute-force scan of stations.csv, the station
// and village pages with their own URLs, open now for a fixed clock, directions links with the
// converted coordinates, "not found", Back and Forward, and phone-width screenshots.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  test, expect, readCsv, mapReady, mapView, tapStation, screens, fullScreenshot, root,
  haversineKm, wgs84ToGcj02, gcj02ToBd09, distanceZh, nearestOperatingIn, pinyinInitials,
} from './support.mjs';

const stations = readCsv('data/stations.csv');
const villages = readCsv('data/villages.csv');
const divisions = readCsv('data/divisions.csv');

const nearestOperating = (lon, lat, except = null) => nearestOperatingIn(stations, lon, lat, except);

/** Fails the test if the page's URL holds a coordinate near this one (to 3 decimals). */
function expectNoPosition(url, lon, lat) {
  const text = decodeURIComponent(url);
  for (const v of [lon, lat]) {
    expect(text, 'a position never goes into the URL').not.toContain(v.toFixed(3));
  }
}

test.describe('the search box', () => {
  test('a place within a place, as addresses are written: 凤城镇卧庄 and 阳城 卧庄 find 卧庄', async ({ page }) => {
    await page.goto('/');
    await mapReady(page);
    const box = page.getByTestId('search');
    const wozhuang = villages.find((v) => v.name.startsWith('卧庄'));
    for (const query of ['凤城镇卧庄', '阳城 卧庄']) {
      await box.fill(query);
      const first = page.getByRole('listbox').getByRole('option').first();
      await expect(first).toContainText(wozhuang.name);
      await expect(first).toContainText('凤城镇');
    }
    // 东关 is in all three counties; the county before it chooses.
    await box.fill('西平 东关');
    const options = page.getByRole('listbox').getByRole('option');
    await expect(options.first()).toContainText('西平县');
    for (const text of await options.allTextContents()) expect(text).toContain('西平县');
  });

  test('typing fcz lists 凤城镇 first, and Enter shows it on the map', async ({ page }) => {
    await page.goto('/');
    await mapReady(page);
    const box = page.getByTestId('search');
    await box.fill('fcz');
    const list = page.getByRole('listbox');
    await expect(list).toBeVisible();
    const first = list.getByRole('option').first();
    await expect(first).toContainText('凤城镇');
    await expect(first).toHaveAttribute('data-kind', 'township');
    await expect(first).toContainText('乡镇');
    await expect(first).toContainText('阳城县');
    // Typing went into the URL, without a new history entry per letter.
    await expect(page).toHaveURL(/[?&]q=fcz/);

    // The combobox pattern: the list is announced as expanded, arrows move the active option.
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await expect(box).toHaveAttribute('aria-controls', await list.getAttribute('id'));
    await box.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    await expect(page.locator(`[id="${active}"]`)).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator(`[id="${active}"]`)).toContainText('凤城镇');

    await box.press('Enter');
    await expect(page).toHaveURL(/[?&]area=140522100(&|$)/);
    await expect(list).toBeHidden();
    // The map shows the township: its centre is inside the township's box.
    // Townships come with their county's chunk.
    const bbox = await page.evaluate(async () => (await (await fetch('data/chunks/140522/areas.json')).json())
      .find((a) => a.code === '140522100').bbox);
    await expect.poll(async () => {
      const v = await mapView(page);
      return v.lon > bbox[0] && v.lon < bbox[2] && v.lat > bbox[1] && v.lat < bbox[3] && v.zoom >= 11;
    }).toBe(true);
  });

  test('full pinyin, characters, Escape, and a station chosen with the keyboard opens its page', async ({ page }) => {
    await page.goto('/');
    await mapReady(page);
    const box = page.getByTestId('search');
    await box.fill('fengchengzhen');
    await expect(page.getByRole('option').first()).toContainText('凤城镇');

    await box.fill('南关社区');
    const village = villages.find((v) => v.name.startsWith('南关社区'));
    await expect(page.getByRole('option').first()).toContainText(village.name);

    await box.press('Escape');
    await expect(page.getByRole('listbox')).toBeHidden();
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await box.press('Escape');
    await expect(box).toHaveValue('');

    const station = stations.find((s) => s.id === 'ts-140522100');
    await box.fill(station.name);
    const option = page.getByRole('option').filter({ hasText: station.name }).first();
    await expect(option).toHaveAttribute('data-kind', 'station');
    await box.press('ArrowDown');
    await box.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/station/${station.id}$`));
    await expect(page.getByRole('heading', { level: 1, name: station.name })).toBeVisible();

    // Nothing found says so.
    await page.getByTestId('search').fill('zzzzqx');
    await expect(page.getByTestId('search-status')).toContainText('没有找到');
  });
});

test('Enter pressed before the search\'s code has arrived opens the first hit when it comes, unless the text changed', async ({ page }) => {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/pkg-[0-9a-f]+\/split_search\.wasm$/, async (route) => { await held; await route.fallback(); });
  // The township is in its county's search entries, which come well after the areas' file: the
  // wait lasts until the hits come, not until the first file does.
  let countiesAsked = 0;
  await page.route(/\/data\/chunks\/\d+\/search\.json$/, async (route) => {
    countiesAsked += 1;
    await new Promise((r) => setTimeout(r, 1500));
    await route.fallback();
  });
  await page.goto('/');
  await mapReady(page);
  const box = page.getByTestId('search');
  await box.fill('fcz');
  await box.press('Enter');
  await expect(page.getByTestId('search-status')).toContainText('正在加载搜索功能');
  await page.waitForTimeout(300);
  expect(page.url()).not.toMatch(/area=/);
  release();
  await expect.poll(() => countiesAsked).toBeGreaterThan(0);
  await expect(page).toHaveURL(/area=140522100/);

  // Enter, then more typing: the wait is over, nothing opens by itself.
  await page.goto('/');
  await mapReady(page);
  await page.unrouteAll();
  let again;
  const heldAgain = new Promise((r) => { again = r; });
  await page.route(/\/pkg-[0-9a-f]+\/split_search\.wasm$/, async (route) => { await heldAgain; await route.fallback(); });
  await box.fill('fcz');
  await box.press('Enter');
  await box.fill('jcs');
  again();
  await expect(page.getByRole('option').first()).toContainText('晋城市');
  await page.waitForTimeout(300);
  expect(page.url()).not.toMatch(/area=/);
});

test('a visit that never searches fetches no search entries nor the search\'s code; the search box asks for them', async ({ page }) => {
  // A village found only through its county's entries: by initials no other name shares.
  const dir = path.resolve(root, process.env.E2E_DIST || 'dist', 'data/chunks');
  const counties = readdirSync(dir);
  const entries = counties.flatMap((c) => JSON.parse(readFileSync(path.join(dir, c, 'search.json'), 'utf8')));
  const count = new Map();
  for (const e of entries) for (const i of new Set(pinyinInitials(e.pinyin))) count.set(i, (count.get(i) || 0) + 1);
  const village = entries.find((e) => e.kind === 'village' && pinyinInitials(e.pinyin).some((i) => count.get(i) === 1));
  const initials = pinyinInitials(village.pinyin).find((i) => count.get(i) === 1);

  const asked = [];
  const areas = [];
  const code = [];
  page.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (/\/chunks\/\d+\/search\.json$/.test(pathname)) asked.push(r.url());
    if (pathname.endsWith('/data/search.json')) areas.push(r.url());
    // The search's own wasm chunk (src/chunks.rs, `search_engine`).
    if (/\/pkg-[0-9a-f]+\/split_search\.wasm$/.test(pathname)) code.push(r.url());
  });
  await page.goto('/');
  await mapReady(page);
  // The map is drawn and idle, and none has been asked for.
  await page.waitForTimeout(1000);
  expect(asked).toEqual([]);
  expect(areas).toEqual([]);
  expect(code).toEqual([]);

  const box = page.getByTestId('search');
  await box.focus();
  await expect.poll(() => code.length).toBe(1);
  await expect.poll(() => asked.length).toBe(counties.length);
  await expect.poll(() => areas.length).toBe(1);
  await box.fill(initials);
  await expect(page.getByRole('option').filter({ hasText: village.name })).toHaveCount(1);
  // Each once, the areas' too.
  expect(new Set(asked).size).toBe(asked.length);
  await box.fill('jcs');
  await expect(page.getByRole('option').first()).toContainText('晋城市');
  expect(areas.length).toBe(1);
  expect(code.length).toBe(1);
});

test.describe('when the search file is slow or missing', () => {
  test.use({ allowConsoleErrors: true });

  test('the map does not wait for it, names are found meanwhile, and a failure names the file', async ({ page }) => {
    let release;
    const gate = new Promise((resolve) => { release = resolve; });
    await page.route('**/data/search.json', async (route) => {
      await gate;
      await route.fulfill({ status: 404, body: 'gone' });
    });
    await page.goto('/');
    await mapReady(page);
    const box = page.getByTestId('search');
    // Until search.json arrives, names and codes are found, pinyin is not.
    await box.fill('jcs');
    await expect(page.getByTestId('search-status')).toContainText('正在加载拼音搜索');
    await box.fill('晋城');
    await expect(page.getByRole('option').first()).toContainText('晋城市');
    await box.fill('凤城镇快递');
    await expect(page.getByRole('option').first()).toContainText('凤城镇快递综合服务站');

    release();
    await box.fill('jcs');
    await expect(page.getByTestId('search-status')).toContainText('search.json');
    await expect(page.getByTestId('search-status')).toContainText('拼音搜索未能加载');
  });
});

test.describe('near me', () => {
  test('finds the nearest operating station that a brute-force scan of stations.csv finds', async ({ page, context }) => {
    await context.grantPermissions(['geolocation']);
    // Standing near a village committee, and in two places between villages.
    const v = villages.find((x) => x.code === '140522100001');
    const located = (county) => villages.filter((x) => x.code.startsWith(county) && x.lon);
    const [a, b] = located('411721').slice(10, 12);
    const c = located('370305')[5];
    const places = [
      { lon: Number(v.lon) + 0.0021, lat: Number(v.lat) - 0.0013 },
      { lon: (Number(a.lon) + Number(b.lon)) / 2, lat: (Number(a.lat) + Number(b.lat)) / 2 },
      { lon: Number(c.lon) + 0.004, lat: Number(c.lat) + 0.003 },
    ].map((p) => ({ ...p, lon: Math.round(p.lon * 1e6) / 1e6, lat: Math.round(p.lat * 1e6) / 1e6 }));

    await page.goto('/');
    await mapReady(page);
    for (const place of places) {
      await context.setGeolocation({ longitude: place.lon, latitude: place.lat, accuracy: 20 });
      await page.getByTestId('near-me').click();
      const panel = page.getByTestId('near-panel');
      await expect(panel).toBeVisible();
      const expected = nearestOperating(place.lon, place.lat).slice(0, 5);
      const rows = panel.getByTestId('near-list').locator('li');
      await expect(rows).toHaveCount(5);
      for (let i = 0; i < 5; i += 1) {
        await expect(rows.nth(i)).toHaveAttribute('data-station', expected[i].s.id);
      }
      await expect(rows.first().getByTestId('near-km')).toHaveText(distanceZh(expected[0].km));
      expectNoPosition(page.url(), place.lon, place.lat);
    }

    // The first place is in a village: the panel names it and the point that serves it.
    await context.setGeolocation({ longitude: places[0].lon, latitude: places[0].lat });
    await page.getByTestId('near-me').click();
    const inVillage = page.getByTestId('near-village');
    await expect(inVillage).toContainText(v.name);
    await expect(inVillage.getByTestId('near-serving')).toHaveAttribute('data-station', v.served_by);

    // Choosing a result opens its page; Back returns to the map with the results still there.
    await page.getByTestId('near-list').locator('li').first().getByRole('link').click();
    await expect(page.getByTestId('station-page')).toBeVisible();
    await page.goBack();
    await expect(page.getByTestId('near-panel')).toBeVisible();
    expectNoPosition(page.url(), places[0].lon, places[0].lat);
    await page.getByTestId('near-close').click();
    await expect(page.getByTestId('near-panel')).toBeHidden();
  });

  test('refused permission shows the message and moves the focus to the search', async ({ page, context }) => {
    await context.clearPermissions();
    await page.goto('/');
    await mapReady(page);
    await page.getByTestId('near-me').click();
    const message = page.getByTestId('near-message');
    await expect(message).toBeVisible();
    await expect(message).toHaveAttribute('role', 'alert');
    await expect(message).toContainText('没有获得位置权限');
    await expect(page.getByTestId('search')).toBeFocused();

    // The same in English.
    await page.getByTestId('lang-switch').click();
    await expect(message).toContainText('Location permission was not given');
  });

  test('a position outside the data says so', async ({ page, context }) => {
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ longitude: 116.3975, latitude: 39.9087 });
    await page.goto('/');
    await mapReady(page);
    await page.getByTestId('near-me').click();
    await expect(page.getByTestId('near-message')).toContainText('不在本站数据覆盖的地区内');
    await expect(page.getByTestId('search')).toBeFocused();
    await expect(page.getByTestId('near-panel')).toHaveCount(0);
  });
});

test.describe('the station page', () => {
  const station = stations.find((s) => s.id === 'ts-140522100');

  test('opened directly, it is open or closed as its hours say for a fixed clock', async ({ page }) => {
    expect(station.hours).toBe('Mo-Su 08:00-19:00');
    // Wednesday 10:00 in China: open until 19:00.
    await page.clock.setFixedTime(new Date('2026-03-04T10:00:00+08:00'));
    await page.goto(`/station/${station.id}`);
    const state = page.getByTestId('open-state');
    await expect(state).toHaveAttribute('data-state', 'open');
    await expect(state).toHaveText('营业中 · 19:00 关门');

    // The same evening at 20:00: closed, opens tomorrow at 08:00.
    await page.clock.setFixedTime(new Date('2026-03-04T20:00:00+08:00'));
    await page.reload();
    await expect(state).toHaveAttribute('data-state', 'closed');
    await expect(state).toHaveText('已打烊 · 明天 08:00 开门');

    // A Saturday 07:00 in China is Friday 23:00 UTC: the device's time zone does not matter.
    await page.clock.setFixedTime(new Date('2026-03-06T23:00:00Z'));
    await page.reload();
    await expect(state).toHaveText('已打烊 · 08:00 开门');
  });

  test('shows what a resident needs, and links to complain', async ({ page }) => {
    await page.goto(`/station/${station.id}`);
    const main = page.getByTestId('station-page');
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(station.name);
    await expect(main.getByTestId('status')).toHaveText('运营中');
    await expect(main.getByTestId('pickup-fee')).toHaveText('取件免费');
    await expect(main.getByTestId('field-phone')).toHaveText('未公布');
    await expect(main.getByTestId('phone')).toHaveText('电话：未公布');
    await expect(main.getByTestId('field-hours')).toHaveText('每天 08:00–19:00');
    for (const text of [station.operator, station.filing_no, station.verified, '邮快合作', '中通', '凤城镇']) {
      await expect(main).toContainText(text);
    }
    // Every village it serves, with its deliveries a week, each a link to its page.
    const served = villages.filter((v) => v.served_by === station.id);
    const rows = main.getByTestId('served-villages').locator('li');
    await expect(rows).toHaveCount(served.length);
    for (const v of served) {
      const row = main.locator(`li[data-village="${v.code}"]`);
      await expect(row.getByRole('link', { name: v.name })).toHaveAttribute('href', `/village/${v.code}`);
      if (v.deliveries_per_week) await expect(row).toContainText(`每周 ${v.deliveries_per_week} 次`);
    }

    const complain = main.getByTestId('complain-link');
    await expect(complain).toHaveAttribute('href', `/complaint?station=${station.id}`);
    await complain.click();
    // The form opens about this station, with the guidance for its county.
    await expect(page.getByTestId('complaint-station')).toHaveText(station.name);
    const authority = readCsv('data/authorities.csv').find((a) => station.admin_code.startsWith(a.jurisdiction_code));
    const guidance = page.getByTestId('complaint-guidance');
    await guidance.locator('summary').click();
    await expect(page.getByTestId('complaint-authority')).toContainText(authority.phone);
    // The guidance is the core's: the county's own appeal line, the website and WeChat account.
    await expect(guidance).toContainText(authority.phone);
    await expect(guidance).toContainText('sswz.spb.gov.cn');
    await expect(guidance).toContainText('yz12305');
    await page.getByTestId('lang-switch').click();
    await expect(guidance).toContainText('7 days');
  });

  test('directions links carry the coordinates converted for each app', async ({ page }) => {
    const lon = Number(station.lon);
    const lat = Number(station.lat);
    await page.goto(`/station/${station.id}`);
    const links = page.getByTestId('directions');

    const amap = new URL(await links.getByTestId('directions-amap').getAttribute('href'));
    expect(amap.hostname).toBe('uri.amap.com');
    const [gLon, gLat] = amap.searchParams.get('position').split(',').map(Number);
    const [eLon, eLat] = wgs84ToGcj02(lon, lat);
    expect(Math.abs(gLon - eLon)).toBeLessThan(1e-5);
    expect(Math.abs(gLat - eLat)).toBeLessThan(1e-5);
    // GCJ-02 really is shifted here (by hundreds of metres), so the check means something.
    expect(haversineKm(lon, lat, gLon, gLat)).toBeGreaterThan(0.1);
    expect(amap.searchParams.get('name')).toBe(station.name);

    const baidu = new URL(await links.getByTestId('directions-baidu').getAttribute('href'));
    expect(baidu.hostname).toBe('api.map.baidu.com');
    const [bLat, bLon] = baidu.searchParams.get('location').split(',').map(Number);
    const [xLon, xLat] = gcj02ToBd09(eLon, eLat);
    expect(Math.abs(bLon - xLon)).toBeLessThan(1e-5);
    expect(Math.abs(bLat - xLat)).toBeLessThan(1e-5);
    expect(baidu.searchParams.get('coord_type')).toBe('bd09ll');

    const osm = new URL(await links.getByTestId('directions-osm').getAttribute('href'));
    expect(osm.hostname).toBe('www.openstreetmap.org');
    expect(Math.abs(Number(osm.searchParams.get('mlat')) - lat)).toBeLessThan(1e-5);
    expect(Math.abs(Number(osm.searchParams.get('mlon')) - lon)).toBeLessThan(1e-5);
  });

  test('the map details panel links to the station page', async ({ page }) => {
    await page.goto(`/?station=${station.id}`);
    await mapReady(page);
    await page.getByTestId('station-details').getByTestId('station-page-link').click();
    await expect(page).toHaveURL(new RegExp(`/station/${station.id}$`));
    await expect(page.getByTestId('station-page')).toBeVisible();
  });
});

test('the village page: its point, the distance, the frequency against the standard, alternatives', async ({ page }) => {
  const v = villages.find((x) => {
    const s = stations.find((t) => t.id === x.served_by);
    return s && s.status === 'operating' && x.lon && Number(x.deliveries_per_week) < 7 && x.pickups_per_week;
  });
  const serving = stations.find((s) => s.id === v.served_by);
  await page.goto(`/village/${v.code}`);
  const main = page.getByTestId('village-page');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(v.name);
  const point = main.getByTestId('serving-point');
  await expect(point.getByRole('link', { name: serving.name })).toHaveAttribute('href', `/station/${serving.id}`);
  await expect(point.getByTestId('directions-amap')).toBeVisible();
  const km = haversineKm(Number(v.lon), Number(v.lat), Number(serving.lon), Number(serving.lat));
  await expect(point).toContainText(`距村委会 ${distanceZh(km)}`);
  await expect(main.getByTestId('deliveries')).toContainText(`每周 ${v.deliveries_per_week} 次`);
  await expect(main.getByTestId('deliveries')).toContainText('少于每日一次');
  await expect(main.getByTestId('pickups')).toContainText(`每周 ${v.pickups_per_week} 次`);
  await expect(main.getByTestId('frequency')).toHaveText('低于每日一次');

  const expected = nearestOperating(Number(v.lon), Number(v.lat), serving.id).slice(0, 3);
  const rows = main.getByTestId('alternatives').locator('li');
  await expect(rows).toHaveCount(3);
  for (let i = 0; i < 3; i += 1) await expect(rows.nth(i)).toHaveAttribute('data-station', expected[i].s.id);
});

test('an unknown id, code or path shows "not found" with the search box', async ({ page }) => {
  await page.goto('/station/no-such-station');
  const nf = page.getByTestId('not-found');
  await expect(nf).toBeVisible();
  await expect(nf).toContainText('no-such-station');
  await expect(nf.getByRole('combobox')).toBeFocused();
  await nf.getByRole('combobox').fill('fcz');
  await expect(page.getByRole('option').first()).toContainText('凤城镇');

  await page.goto('/village/140522999999');
  await expect(page.getByTestId('not-found')).toContainText('140522999999');
  await page.goto('/no/such/page');
  await expect(page.getByTestId('not-found')).toContainText('没有对应的页面');
});

test('the view, the selection and the search live in the URL; Back and Forward restore them', async ({ page }) => {
  /** The map shows the view the URL names. */
  const viewMatchesUrl = () => expect.poll(async () => {
    const m = new URL(page.url()).searchParams.get('map');
    if (!m) return 'no map= in the URL';
    const [zoom, lat, lon] = m.split('/').map(Number);
    const v = await mapView(page);
    return Math.abs(v.zoom - zoom) < 0.01 && Math.abs(v.lat - lat) < 1e-4 && Math.abs(v.lon - lon) < 1e-4;
  }).toBe(true);

  await page.goto('/');
  await mapReady(page);
  const start = await mapView(page);

  // An area chosen in the search: a new history entry, with the map's view written to it.
  const box = page.getByTestId('search');
  await box.fill('fcz');
  await box.press('Enter');
  await expect(page).toHaveURL(/area=140522100/);
  await viewMatchesUrl();
  expect((await mapView(page)).zoom).toBeGreaterThan(start.zoom);

  // A station tapped, then closed: two more entries.
  const station = stations.find((s) => s.admin_code === '140522100' && s.tier === 'township_station');
  await tapStation(page, station.id);
  const details = page.getByTestId('station-details');
  await expect(details).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`station=${station.id}`));
  await page.getByTestId('details-close').click();
  await expect(details).toHaveCount(0);

  await page.goBack();
  await expect(details).toBeVisible();
  await page.goBack();
  await expect(details).toHaveCount(0);
  await expect(page).toHaveURL(/area=140522100/);
  await viewMatchesUrl();

  // Back to before the search: the first view, and the text that was typed.
  await page.goBack();
  await expect(page).not.toHaveURL(/area=/);
  await expect.poll(async () => Math.abs((await mapView(page)).zoom - start.zoom)).toBeLessThan(0.01);
  const back = await mapView(page);
  expect(Math.abs(back.lat - start.lat)).toBeLessThan(1e-4);
  expect(Math.abs(back.lon - start.lon)).toBeLessThan(1e-4);
  await expect(box).toHaveValue('fcz');

  // Forward: the township again.
  await page.goForward();
  await expect(page).toHaveURL(/area=140522100/);
  await viewMatchesUrl();
  await expect(box).toHaveValue('');

  // A shared link reopens the same view.
  await page.goto('/?map=14/35.5/112.4');
  await mapReady(page);
  const shared = await mapView(page);
  expect(shared.zoom).toBe(14);
  expect(shared.lat).toBeCloseTo(35.5, 4);
  expect(shared.lon).toBeCloseTo(112.4, 4);
});

test('screenshots of each page at 360 px', async ({ page, context }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const noOverflow = async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'nothing is wider than the phone').toBeLessThanOrEqual(0);
  };
  await page.clock.setFixedTime(new Date('2026-03-04T10:00:00+08:00'));

  await page.goto('/');
  await mapReady(page);
  await page.getByTestId('search').fill('fcz');
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.screenshot({ path: `${screens}/search-360.png` });
  await noOverflow();

  await context.grantPermissions(['geolocation']);
  const v = villages.find((x) => x.code === '140522100001');
  await context.setGeolocation({ longitude: Number(v.lon) + 0.002, latitude: Number(v.lat) - 0.001 });
  await page.getByTestId('search').fill('');
  await page.getByTestId('near-me').click();
  await expect(page.getByTestId('near-panel')).toBeVisible();
  await page.screenshot({ path: `${screens}/near-me-360.png` });
  await noOverflow();

  await page.goto('/station/ts-140522100');
  await expect(page.getByTestId('station-page')).toBeVisible();
  await fullScreenshot(page, `${screens}/station-page-360.png`);
  await noOverflow();

  const village = villages.find((x) => x.served_by && x.lon && x.delivery_days);
  await page.goto(`/village/${village.code}`);
  await expect(page.getByTestId('village-page')).toBeVisible();
  await fullScreenshot(page, `${screens}/village-page-360.png`);
  await noOverflow();

  await page.goto('/complaint?station=ts-140522100');
  await expect(page.getByTestId('complaint-station')).toBeVisible();
  await fullScreenshot(page, `${screens}/complaint-360.png`);
  await noOverflow();

  await page.goto('/station/no-such-station');
  await expect(page.getByTestId('not-found')).toBeVisible();
  await fullScreenshot(page, `${screens}/not-found-360.png`);
  await noOverflow();

  await context.clearPermissions();
  await page.goto('/');
  await mapReady(page);
  await page.getByTestId('near-me').click();
  await expect(page.getByTestId('near-message')).toBeVisible();
  await page.screenshot({ path: `${screens}/near-refused-360.png` });
  await noOverflow();
  expect(divisions.length).toBeGreaterThan(0);
});
