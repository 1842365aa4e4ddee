// Tables speak the reader's language (issue 24, point 8): headers and codes in words in both
// languages with the raw codes in the download, a data dictionary of every column and code, the
// name and id in view while the rest scrolls, names in pinyin order, and a download of every
// filtered row that says how many.
import { test, expect, readCsv, root, demoReadings, byReading, fullScreenshot } from './support.mjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const stations = readCsv('data/stations.csv');
const villages = readCsv('data/villages.csv');
const header = (file) => readFileSync(path.join(root, 'data', file), 'utf8').split('\n')[0].trim().split(',');

const WORDS = {
  'zh-CN': { tier: '层级', village_point: '村级寄递服务点', status: '状态', operating: '运营中', yes: '是', no: '否', services: '服务内容' },
  en: { tier: 'Tier', village_point: 'Village service point', status: 'Status', operating: 'Operating', yes: 'Yes', no: 'No', services: 'Services' },
};

for (const lang of ['zh-CN', 'en']) {
  test(`the stations table shows words, not codes (${lang})`, async ({ page }) => {
    if (lang === 'en') await page.addInitScript(() => localStorage.setItem('cundi-lang', 'en'));
    await page.goto('/tables/stations?tier=village_point&status=operating&area=140522');
    const w = WORDS[lang];
    const table = page.getByTestId('rows');
    await expect(table.locator('tbody tr').first()).toBeVisible();
    // Every column of the CSV has a header: its word, with the CSV's name beneath.
    for (const col of header('stations.csv')) {
      await expect(table.locator(`thead button.sort[data-column="${col}"]`)).toHaveCount(1);
    }
    await expect(table.locator('thead button.sort[data-column="tier"]')).toContainText(w.tier);
    await expect(table.locator('thead button.sort[data-column="tier"] .column-code')).toHaveText('tier');
    // Codes and booleans as words; the code kept in the cell's title.
    const cols = await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.querySelector('button.sort')?.dataset.column));
    const first = table.locator('tbody tr').first();
    const id = await first.getAttribute('data-id');
    const row = stations.find((s) => s.id === id);
    const cells = first.locator('td');
    const at = (col) => cols.indexOf(col) - 1; // the frozen th holds name and id
    await expect(cells.nth(at('tier'))).toHaveText(w.village_point);
    await expect(cells.nth(at('tier'))).toHaveAttribute('title', 'village_point');
    await expect(cells.nth(at('status'))).toHaveText(w.operating);
    await expect(cells.nth(at('standardized'))).toHaveText(row.standardized === 'true' ? w.yes : w.no);
    const shown = await cells.nth(at('services')).textContent();
    for (const code of row.services.split(';')) expect(shown).not.toContain(code);
    // No raw vocabulary code anywhere in the body.
    const body = await table.locator('tbody').textContent();
    for (const code of ['village_point', 'township_station', 'operating', 'post_express', 'pickup_produce', 'true', 'false']) {
      expect(body).not.toContain(code);
    }
    await page.setViewportSize({ width: 360, height: 740 });
    await fullScreenshot(page, `tests/e2e/out/screens/table-stations-${lang}-360.png`);
  });
}

test('the data dictionary explains every column and every code', async ({ page }) => {
  await page.goto('/tables/villages');
  await page.getByTestId('dictionary-link').click();
  await expect(page).toHaveURL(/\/data\/dictionary$/);
  for (const [file, csv] of [['stations', 'stations.csv'], ['villages', 'villages.csv']]) {
    const section = page.getByTestId(`dictionary-${file}`);
    const rows = section.locator('tbody tr');
    await expect(rows).toHaveCount(header(csv).length);
    for (const col of header(csv)) {
      const row = section.locator(`tr[data-column="${col}"]`);
      // Its word and a meaning in the reader's language, not the bare name.
      const cells = await row.locator('td').allTextContents();
      expect(cells[0].trim()).not.toBe('');
      expect(cells[2].trim().length).toBeGreaterThan(1);
    }
  }
  // Every code of a coded column, with its word.
  const tiers = page.getByTestId('dictionary-stations').locator('tr[data-column="tier"] li');
  await expect(tiers).toHaveCount(3);
  await expect(tiers.filter({ hasText: 'village_point' })).toContainText('村级寄递服务点');
  const services = page.getByTestId('dictionary-stations').locator('tr[data-column="services"] li');
  await expect(services).toHaveCount(7);
  const modes = page.getByTestId('dictionary-villages').locator('tr[data-column="delivery_mode"] li');
  await expect(modes).toHaveCount(3);
  await page.setViewportSize({ width: 360, height: 740 });
  await fullScreenshot(page, 'tests/e2e/out/screens/dictionary-360.png');
});

test('the name and id stay in view while the other columns scroll, on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/tables/stations?area=370305');
  const wrap = page.locator('.table-wrap').first();
  const firstRow = page.getByTestId('rows').locator('tbody tr').first();
  await expect(firstRow).toBeVisible();
  const id = await firstRow.getAttribute('data-id');
  await firstRow.scrollIntoViewIfNeeded();
  const frozen = firstRow.locator('th.frozen');
  const before = await frozen.boundingBox();
  const cell = firstRow.locator('td').nth(3);
  const cellBefore = await cell.boundingBox();
  await wrap.evaluate((el) => { el.scrollLeft = 600; });
  await expect.poll(async () => (await cell.boundingBox()).x).toBeLessThan(cellBefore.x - 300);
  const after = await frozen.boundingBox();
  expect(Math.abs(after.x - before.x)).toBeLessThan(1);
  await expect(frozen).toContainText(stations.find((s) => s.id === id).name);
  await expect(frozen).toContainText(id);
  // The frozen cell is on top: what is under it there is the cell itself.
  const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('th')?.className, [after.x + 10, after.y + after.height / 2]);
  expect(hit).toContain('frozen');
  await page.screenshot({ path: path.join(root, 'tests/e2e/out/screens/table-frozen-360.png') });
});

test('names sort by their pinyin, in both directions', async ({ page }) => {
  const readings = demoReadings();
  await page.goto('/tables/villages?area=140522100&sort=name&size=100');
  const table = page.getByTestId('rows');
  await expect(table).toHaveAttribute('data-name-order', 'pinyin');
  const expected = byReading(villages.filter((v) => v.code.startsWith('140522100')), 'code', readings);
  const shown = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.id));
  expect(shown).toEqual(expected.slice(0, 100).map((v) => v.code));
  // Not the characters' order: the test would mean nothing if the two agreed.
  const byChars = [...expected].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  expect(byChars.map((v) => v.code)).not.toEqual(expected.map((v) => v.code));

  await page.goto('/tables/stations?area=411721&sort=-name');
  await expect(page.getByTestId('rows')).toHaveAttribute('data-name-order', 'pinyin');
  const desc = byReading(stations.filter((s) => s.admin_code.startsWith('411721')), 'id', readings, true);
  const ids = await page.getByTestId('rows').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.id));
  expect(ids).toEqual(desc.slice(0, 50).map((s) => s.id));
});

test('download gives every filtered row, raw codes, and says how many', async ({ page }) => {
  await page.goto('/tables/stations?area=140522&tier=village_point&size=25');
  const expected = stations.filter((s) => s.admin_code.startsWith('140522') && s.tier === 'village_point');
  expect(expected.length).toBeGreaterThan(25);
  await expect(page.getByTestId('table-status')).toContainText(`共 ${expected.length} 行`);
  await expect(page.getByTestId('download-csv')).toHaveText(`下载全部 ${expected.length} 行（CSV）`);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  expect(csv.suggestedFilename()).toBe(`stations-140522-${expected.length}.csv`);
  const { parse } = await import('csv-parse/sync');
  const rows = parse(readFileSync(await csv.path()), { columns: true, bom: true });
  expect(rows).toHaveLength(expected.length);
  // In file order (no sort chosen), each row as published, codes and all.
  expect(rows).toEqual(expected);
});
