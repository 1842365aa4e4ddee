// Journalists see promises against reality (issue 5): coverage by area computed here from the
// published CSVs and compared with what the pages show, drill-down, the map coloured by a share,
// and the data page's checksums against the served files.
import { test, openMapOptions, expect, readCsv, mapReady, fullScreenshot, root, useBundle, demoReadings, byReading } from './support.mjs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const stations = readCsv('data/stations.csv');
const villages = readCsv('data/villages.csv');
const divisions = readCsv('data/divisions.csv');

/** The shares of an area, computed from the CSVs by the definitions in crates/core/src/stats.rs. */
function shares(code) {
  const operating = stations.filter((s) => s.status === 'operating');
  const byId = new Map(operating.map((s) => [s.id, s]));
  const points = new Set(operating.filter((s) => s.tier === 'village_point').map((s) => s.admin_code));
  const townshipStations = new Set(operating.filter((s) => s.tier === 'township_station').map((s) => s.admin_code));
  const vs = villages.filter((v) => v.code.startsWith(code));
  const served = vs.filter((v) => byId.has(v.served_by) && v.deliveries_per_week !== '0');
  const daily = served.filter((v) => v.deliveries_per_week !== '' && Number(v.deliveries_per_week) >= 7);
  const townships = divisions.filter((d) => d.code.length === 9 && d.code.startsWith(code));
  const tsIn = operating.filter((s) => s.tier === 'township_station' && s.admin_code.startsWith(code));
  return {
    villages: vs.length,
    village_point: [vs.filter((v) => points.has(v.code)).length, vs.length],
    served: [served.length, vs.length],
    daily: [daily.length, vs.length],
    township_station: [townships.filter((t) => townshipStations.has(t.code)).length, townships.length],
    standardized_township_station: [tsIn.filter((s) => s.standardized === 'true').length, tsIn.length],
  };
}

function shareText([part, whole]) {
  return whole > 0 ? `${part} / ${whole} · ${(part * 100 / whole).toFixed(1)} %` : `${part} / ${whole}`;
}

test('the Yangcheng county page shows the shares computed from the CSVs', async ({ page }) => {
  const expected = shares('140522');
  await page.goto('/area/140522');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('阳城县');
  await expect(page.getByTestId('count-villages')).toHaveText(String(expected.villages));
  for (const key of ['village_point', 'served', 'daily', 'township_station', 'standardized_township_station']) {
    await expect(page.getByTestId(`share-${key}`), key).toHaveText(shareText(expected[key]));
  }
  // Stations by status add up to every station of the county.
  const inCounty = stations.filter((s) => s.admin_code.startsWith('140522'));
  for (const status of ['operating', 'suspended', 'closed', 'planned']) {
    await expect(page.getByTestId(`status-${status}`)).toHaveText(String(inCounty.filter((s) => s.status === status).length));
  }
  // Every township of the county is a row, with its own shares.
  const townships = divisions.filter((d) => d.code.length === 9 && d.code.startsWith('140522'));
  const rows = page.getByTestId('area-children').locator('tbody tr');
  await expect(rows).toHaveCount(townships.length);
  const first = townships[0];
  await expect(page.locator(`tr[data-code="${first.code}"]`)).toContainText(shareText(shares(first.code).daily));
  // The chart carries the same figures, and they are in its table too.
  await expect(page.getByTestId('chart-children')).toContainText(shareText(shares(first.code).village_point));
  await page.setViewportSize({ width: 360, height: 740 });
  await fullScreenshot(page, 'tests/e2e/out/screens/area-county-360.png');
});

test('drill-down from all areas to a township, and breadcrumbs back up', async ({ page }) => {
  await page.goto('/areas');
  await page.getByTestId('area-children').getByRole('link', { name: '山西省' }).click();
  await page.getByTestId('area-children').getByRole('link', { name: '晋城市' }).click();
  await page.getByTestId('area-children').getByRole('link', { name: '阳城县' }).click();
  await page.getByTestId('area-children').getByRole('link', { name: '凤城镇' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('凤城镇');
  const expected = shares('140522100');
  await expect(page.getByTestId('share-served')).toHaveText(shareText(expected.served));
  const crumbs = page.locator('.area-path a');
  await expect(crumbs).toHaveText(['全部地区', '山西省', '晋城市', '阳城县']);
  await crumbs.nth(3).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('阳城县');
  // A township's villages are counted by how often they are served.
  await expect(page.getByTestId('chart-deliveries')).toContainText('每周 7 次');
});

test('the map colours each county by the chosen share', async ({ page }) => {
  await page.goto('/');
  await mapReady(page);
  await openMapOptions(page);
  await page.getByTestId('layer-share').selectOption('daily');
  await expect(page).toHaveURL(/shade=daily/);
  await expect(page.getByTestId('shade-legend')).toBeVisible();
  const fills = await page.evaluate(() => {
    const out = {};
    window.__cundiMaps.at(-1).eachLayer((layer) => {
      if (layer.options && layer.options.cundiArea && layer.eachLayer) {
        layer.eachLayer((part) => { out[layer.options.cundiArea] = part.options.fillColor; });
      }
    });
    return out;
  });
  const classes = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
  for (const county of ['140522', '370305', '411721']) {
    const [part, whole] = shares(county).daily;
    const pct = part * 100 / whole;
    expect(fills[county], county).toBe(classes[Math.min(4, Math.floor(pct / 20))]);
  }
  // The view is shared with the colouring: reopening the URL shows it again.
  await page.reload();
  await mapReady(page);
  await expect(page.getByTestId('layer-share')).toHaveValue('daily');
});

test('the data page lists every file with the SHA-256 of what is served', async ({ page, request }) => {
  await page.goto('/data');
  await expect(page.getByTestId('package-version')).toHaveText('0.1.0');
  await expect(page.getByTestId('data-illustrative')).toBeVisible();
  await expect(page.getByTestId('package-sources')).toContainText('晋发改经贸发〔2023〕60号');
  const rows = page.getByTestId('package-files').locator('tbody tr');
  const n = await rows.count();
  expect(n).toBeGreaterThanOrEqual(7);
  for (let i = 0; i < n; i++) {
    const row = rows.nth(i);
    const href = await row.getByTestId('file-link').getAttribute('href');
    const shown = await row.getByTestId('file-sha256').textContent();
    const body = await (await request.get(href)).body();
    expect(createHash('sha256').update(body).digest('hex'), href).toBe(shown);
    expect(await row.getByTestId('file-bytes').textContent()).toBe(String(body.length));
    // The served file is the published one, byte for byte.
    const name = await row.getAttribute('data-path');
    const original = readFileSync(path.join(root, 'data', name));
    expect(createHash('sha256').update(original).digest('hex'), name).toBe(shown);
  }
  // The county outlines are counted, and listed in SHA256SUMS with the other files.
  await expect(page.getByTestId('package-outlines')).toContainText('3');
  // SHA256SUMS: every file the site reads, the county chunks too, with the SHA-256 served.
  const sumsHref = await page.getByTestId('checksums-link').getAttribute('href');
  const sums = (await (await request.get(sumsHref)).text()).trim().split('\n')
    .map((line) => line.split('  '));
  expect(sums.map(([, p]) => p)).toContain('chunks/140522/stations.csv');
  expect(sums.map(([, p]) => p)).toContain('chunks/140522/stations.geojson');
  // Each county's points as GeoJSON, listed with their count, holding every point of the county.
  const geojson = page.getByTestId('geojson-link');
  await expect(geojson).toHaveCount(3);
  const yc = page.getByTestId('geojson-files').locator('li', { hasText: '140522' });
  const ycCount = stations.filter((x) => x.admin_code.startsWith('140522')).length;
  await expect(yc).toContainText(String(ycCount));
  const ycGeo = await (await request.get(await yc.getByTestId('geojson-link').getAttribute('href'))).json();
  expect(ycGeo.features).toHaveLength(ycCount);
  expect(sums.map(([, p]) => p)).toContain('package/stations.csv');
  expect(sums.map(([, p]) => p)).toContain('package/boundaries/140522.geojson');
  for (const [sum, file] of sums.filter(([, p]) => p.startsWith('chunks/140522/'))) {
    const body = await (await request.get(new URL(file, new URL(sumsHref, page.url())).href)).body();
    expect(createHash('sha256').update(body).digest('hex'), file).toBe(sum);
  }
  await page.setViewportSize({ width: 360, height: 740 });
  await fullScreenshot(page, 'tests/e2e/out/screens/data-360.png');
});

test('every target shows its document, the figure from the data and a status as of the data\'s date', async ({ page }) => {
  const targets = readCsv('data/targets.csv');
  await page.goto('/targets');
  const rows = page.getByTestId('targets-table').locator('tbody tr');
  await expect(rows).toHaveCount(targets.length);
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    await expect(rows.nth(i).getByTestId('target-doc')).toContainText(t.doc_no);
    await expect(rows.nth(i).getByTestId('target-doc')).toContainText(t.doc_title);
  }
  // 阳城县's village-point coverage, computed here, against its 60 % target of 2022-06-30: the
  // data is dated after the deadline, so the status is met or missed by the figure alone.
  const [part, whole] = shares('140522').village_point;
  const pct = part * 100 / whole;
  const row = page.locator('tr[data-doc="阳政办发〔2022〕45号"]')
    .filter({ hasText: '建有村级寄递物流服务点的行政村比例' }).filter({ hasText: '60.0 %' });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('target-value')).toHaveText(`${pct.toFixed(1)} %`);
  // Met by the data's date, which is after the deadline: "met as of", and the deadline said.
  await expect(row.getByTestId('target-status')).toHaveText(pct >= 60 ? '截至 2026-11-22 已达成' : '逾期未达成');
  if (pct >= 60) await expect(row.getByTestId('target-met-late')).toContainText('期限是 2022-06-30');
  // A province the data holds only one county of is not measured, and says why.
  const province = page.locator('tbody tr', { hasText: '山西省' }).filter({ hasText: '达标乡镇快递服务站数量' }).first();
  await expect(province.getByTestId('target-status')).toHaveText('无法用数据衡量');
  await expect(province).toContainText('数据只含该地区的 1 个县');
  await expect(province.getByTestId('target-value')).toHaveText('—');
  // The counts by status add up to every target.
  let sum = 0;
  for (const s of ['met', 'on_track', 'missed', 'not_measurable']) sum += Number(await page.getByTestId(`targets-${s}`).textContent());
  expect(sum).toBe(targets.length);
  await page.setViewportSize({ width: 360, height: 740 });
  await fullScreenshot(page, 'tests/e2e/out/screens/targets-360.png');
});

test('the county page shows the complaint figures the publisher released', async ({ page }) => {
  const rows = readCsv('data/complaint_stats.csv').filter((r) => r.jurisdiction_code.startsWith('140522'));
  const total = rows.reduce((n, r) => n + Number(r.received), 0);
  await page.goto('/area/140522');
  const section = page.getByTestId('complaint-stats');
  await expect(section).toContainText(`共 ${total} 件`);
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const monthRows = page.getByTestId('complaint-stats-months').locator('tbody tr');
  await expect(monthRows).toHaveCount(months.length);
  const first = rows.filter((r) => r.month === months[0]).reduce((n, r) => n + Number(r.received), 0);
  await expect(monthRows.first()).toContainText(String(first));
  const delays = rows.filter((r) => r.category === 'delay').reduce((n, r) => n + Number(r.received), 0);
  await expect(page.getByTestId('chart-complaints')).toContainText(`${delays} / ${total}`);
});

test('a filtered, sorted table downloads every row it keeps, in its order, and its URL reopens it', async ({ page }) => {
  await page.goto('/tables/stations');
  await page.getByTestId('filter-area').selectOption('140522');
  await page.getByTestId('filter-tier').selectOption('village_point');
  await page.getByTestId('filter-status').selectOption('operating');
  await page.getByTestId('page-size').selectOption('25');
  await page.locator('button.sort[data-column="name"]').click();
  await page.locator('button.sort[data-column="name"]').click();
  await expect(page).toHaveURL(/sort=-name/);
  const expected = stations
    .filter((s) => s.admin_code.startsWith('140522') && s.tier === 'village_point' && s.status === 'operating');
  await expect(page.getByTestId('table-status')).toContainText(`共 ${expected.length} 行`);
  await expect(page.getByTestId('rows')).toHaveAttribute('data-name-order', 'pinyin');
  const shown = await page.getByTestId('rows').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.id));
  expect(shown).toHaveLength(25);
  // Sorted by name's pinyin, descending: every row the filters keep, the first 25 on screen.
  const ids = byReading(expected, 'id', demoReadings(), true).map((s) => s.id);
  expect(shown).toEqual(ids.slice(0, 25));

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  const bytes = readFileSync(await csv.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const { parse } = await import('csv-parse/sync');
  const downloaded = parse(bytes, { columns: true, bom: true });
  expect(downloaded.map((r) => r.id)).toEqual(ids);
  // Each row as published: the same cells as stations.csv.
  const original = stations.find((s) => s.id === ids[0]);
  expect(downloaded[0]).toEqual(original);
  expect(readFileSync(path.join(root, 'data/stations.csv'), 'utf8').split('\n')[0].trim()).toBe(Object.keys(downloaded[0]).join(','));

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
  const rows = JSON.parse(readFileSync(await json.path(), 'utf8'));
  expect(rows.map((r) => r.id)).toEqual(ids);

  // GeoJSON for QGIS and uMap: the same rows, as WGS-84 points with every column.
  const [geo] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-geojson').click()]);
  expect(geo.suggestedFilename()).toMatch(/\.geojson$/);
  const collection = JSON.parse(readFileSync(await geo.path(), 'utf8'));
  expect(collection.type).toBe('FeatureCollection');
  expect(collection.features.map((f) => f.properties.id)).toEqual(ids);
  for (const f of collection.features) {
    const s = stations.find((x) => x.id === f.properties.id);
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [Number(s.lon), Number(s.lat)] });
    expect(f.properties.name).toBe(s.name);
  }

  // The second page, then the same URL in a new page: same filters, sort, page and rows.
  await page.getByTestId('page-next').click();
  await expect(page).toHaveURL(/page=2/);
  const second = await page.getByTestId('rows').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.id));
  const url = page.url();
  const again = await page.context().newPage();
  await again.route('**/config.json', (route) => route.fulfill({ json: { data: 'data/', tiles: null } }));
  await again.goto(url);
  await expect(again.getByTestId('filter-area')).toHaveValue('140522');
  await expect(again.getByTestId('filter-tier')).toHaveValue('village_point');
  await expect(again.locator('th[aria-sort="descending"] button.sort[data-column="name"]')).toHaveCount(1);
  await expect(again.getByTestId('rows').locator('tbody tr').first()).toHaveAttribute('data-id', second[0]);
  expect(await again.getByTestId('rows').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.id))).toEqual(second);
  await again.close();
});

test('villages below the daily standard, found by text too', async ({ page }) => {
  await page.goto('/tables/villages?area=411721&below_daily=true');
  const operating = new Set(stations.filter((s) => s.status === 'operating').map((s) => s.id));
  const below = villages.filter((v) => v.code.startsWith('411721')
    && (!operating.has(v.served_by) || (v.deliveries_per_week !== '' && Number(v.deliveries_per_week) < 7)));
  await expect(page.getByTestId('table-status')).toContainText(`共 ${below.length} 行`);
  const one = below[0];
  await page.getByTestId('filter-text').fill(one.name);
  await page.getByTestId('filter-text').press('Enter');
  await expect(page.getByTestId('rows').locator(`tr[data-id="${one.code}"]`)).toBeVisible();
  await page.setViewportSize({ width: 360, height: 740 });
  await fullScreenshot(page, 'tests/e2e/out/screens/table-villages-360.png');
});

test('what changed since the previous version, when the publisher ships it', async ({ page }) => {
  // The demo ships no comparison: the page says so.
  await page.goto('/changes');
  await expect(page.getByTestId('changes-none')).toBeVisible();
});

test.describe('a bundle built with --previous', () => {
  test('lists stations and villages added, removed and changed field by field', async ({ page }) => {
    await useBundle(page, 'target/e2e/changes');
    const changes = JSON.parse(readFileSync(path.join(root, 'target/e2e/changes/changes.json'), 'utf8'));
    await page.goto('/data');
    await page.getByTestId('changes-link').click();
    await expect(page.getByTestId('changes-versions')).toContainText(`${changes.old_version}`);
    await expect(page.getByTestId('changes-versions')).toContainText(`${changes.new_version}`);
    await expect(page.getByTestId('stations-added').locator(':scope > li')).toHaveCount(changes.stations.added.length);
    await expect(page.getByTestId('stations-removed').locator(':scope > li')).toHaveCount(changes.stations.removed.length);
    await expect(page.getByTestId('stations-changed').locator(':scope > li')).toHaveCount(changes.stations.changed.length);
    await expect(page.getByTestId('villages-changed').locator(':scope > li')).toHaveCount(changes.villages.changed.length);
    for (const c of changes.stations.changed) {
      const item = page.locator(`[data-testid="stations-changed"] > li[data-key="${c.key}"]`);
      for (const [field, , now] of c.fields) {
        await expect(item).toContainText(field);
        if (now) await expect(item).toContainText(now);
      }
    }
  });
});

test("a township's page lists its villages with their service, as villages.csv and stations.csv say", async ({ page }) => {
  const villagesCsv = readCsv('data/villages.csv');
  const stationsCsv = new Map(readCsv('data/stations.csv').map((s) => [s.id, s]));
  const township = '140522100';
  const expected = villagesCsv.filter((v) => v.township_code === township);
  /** How often parcels come, as the map reads it: nothing from a point not operating. */
  const frequency = (v) => {
    const s = stationsCsv.get(v.served_by);
    if (!s || s.status !== 'operating') return 'unserved';
    if (v.deliveries_per_week === '') return 'unknown';
    const n = Number(v.deliveries_per_week);
    return n >= 7 ? 'daily' : n === 0 ? 'unserved' : 'below_daily';
  };
  await page.goto(`/area/${township}`);
  const rows = page.getByTestId('township-villages').locator('tbody tr');
  await expect(rows).toHaveCount(expected.length);
  const got = await rows.evaluateAll((trs) => trs.map((tr) => ({
    code: tr.dataset.code,
    frequency: tr.querySelector('[data-frequency]').dataset.frequency,
    serving: tr.querySelector('[data-testid=village-serving]').textContent.trim(),
  })));
  expect(got.map((r) => r.code)).toEqual(expected.map((v) => v.code));
  expected.forEach((v, i) => {
    expect(got[i].frequency, v.code).toBe(frequency(v));
    const s = stationsCsv.get(v.served_by);
    if (s) expect(got[i].serving, v.code).toContain(s.name);
  });
  await page.setViewportSize({ width: 360, height: 740 });
  await fullScreenshot(page, 'tests/e2e/out/screens/township-360.png');
});

test('the data-quality page counts, per county, stations with no phone, no hours or an address that names only their area', async ({ page }) => {
  const stationsCsv = readCsv('data/stations.csv');
  const names = new Map(readCsv('data/divisions.csv').map((d) => [d.code, d.name]));
  const villageNames = new Map(readCsv('data/villages.csv').map((v) => [v.code, v.name]));
  // The same rule as the core's, written again here from the CSV.
  const vague = (s) => {
    if (!s.address) return true;
    let rest = s.address.replace(/[\s,，、\-—]/g, '');
    const code = s.admin_code;
    const parts = [2, 4, 6, 9].filter((n) => n <= code.length).map((n) => names.get(code.slice(0, n)));
    parts.push(villageNames.get(code));
    for (const n of parts.filter(Boolean).sort((a, b) => b.length - a.length)) rest = rest.split(n).join('');
    return rest === '';
  };
  await page.goto('/quality');
  const table = page.getByTestId('completeness');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  for (const county of ['140522', '370305', '411721']) {
    const mine = stationsCsv.filter((s) => s.admin_code.startsWith(county));
    const row = table.locator(`tr[data-county="${county}"]`);
    await expect(row.getByTestId('gap-stations')).toHaveText(String(mine.length));
    await expect(row.getByTestId('gap-no-phone')).toHaveAttribute('data-count', String(mine.filter((s) => !s.phone).length));
    await expect(row.getByTestId('gap-no-hours')).toHaveAttribute('data-count', String(mine.filter((s) => !s.hours).length));
    await expect(row.getByTestId('gap-vague-address')).toHaveAttribute('data-count', String(mine.filter(vague).length));
  }
  // A count opens on the rows themselves.
  const cell = table.locator('tr[data-county="140522"]').getByTestId('gap-vague-address');
  await cell.locator('summary').click();
  await expect(cell.getByRole('link', { name: '凤城镇快递综合服务站' })).toBeVisible();
});
