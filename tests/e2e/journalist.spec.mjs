// Journalists see promises against reality (issue 5): coverage by area computed here from the
// published CSVs and compared with what the pages show, drill-down, the map coloured by a share,
// and the data page's checksums against the served files.
import { test, expect, readCsv, mapReady, fullScreenshot, root } from './support.mjs';
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
  await page.setViewportSize({ width: 360, height: 740 });
  await fullScreenshot(page, 'tests/e2e/out/screens/data-360.png');
});
