// The map by keyboard and as a list (issue 7): the stations in the view are listed nearest the
// map's centre first — the same stations the map draws there, computed here from stations.csv —
// every control is reached with Tab, a listed station opens with Enter, and the list follows the
// view when the map is moved with the keys Leaflet gives it.
import path from 'node:path';
import { test, openMapOptions, expect, readCsv, mapReady, haversineKm, screens, demoReadings, byReading } from './support.mjs';

const stations = readCsv('data/stations.csv');
const LIST_MAX = 100;

/** Presses Tab until the element matching `selector` has the focus; fails after `max` presses. */
async function tabTo(page, selector, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return i + 1;
  }
  throw new Error(`${selector} never took the focus in ${max} presses of Tab`);
}

/** The stations of stations.csv inside the map's view, nearest its centre first. */
async function expectedInView(page) {
  const view = await page.evaluate(() => {
    const map = window.__cundiMaps[0];
    const b = map.getBounds();
    return { w: b.getWest(), s: b.getSouth(), e: b.getEast(), n: b.getNorth() };
  });
  const [lon, lat] = [(view.w + view.e) / 2, (view.s + view.n) / 2];
  return stations
    .map((s, i) => ({ s, i, km: haversineKm(lon, lat, Number(s.lon), Number(s.lat)) }))
    .filter(({ s }) => s.lon >= view.w && s.lon <= view.e && s.lat >= view.s && s.lat <= view.n)
    .sort((a, b) => a.km - b.km || a.i - b.i)
    .map(({ s }) => s);
}

async function listedIds(page) {
  return page.getByTestId('view-list-item').evaluateAll((items) => items.map((b) => b.dataset.id));
}

test('the map as a list, by keyboard alone: open, read, choose a station, close, move the map', async ({ page }) => {
  await page.goto('/?map=12/35.48/112.43');
  await mapReady(page);

  // Tab reaches the "layers and filters" button, Enter opens it; Tab reaches the list switch;
  // Space opens the list and its heading takes the focus.
  await tabTo(page, '[data-testid="map-options"] > summary');
  await page.keyboard.press('Enter');
  await tabTo(page, '[data-testid="list-toggle"]');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('view-list')).toBeVisible();
  await expect(page.locator('#view-list-heading')).toBeFocused();

  let expected = await expectedInView(page);
  expect(expected.length, 'the view holds stations').toBeGreaterThan(3);
  await expect(page.getByTestId('view-list-count')).toContainText(`共 ${expected.length} 个`);
  expect(await listedIds(page)).toEqual(expected.slice(0, LIST_MAX).map((s) => s.id));

  // Tab to the first station, Enter: its details, as a tap on its mark would show.
  const first = expected[0];
  await tabTo(page, '[data-testid="view-list-item"]');
  await expect(page.locator(':focus')).toHaveAttribute('data-id', first.id);
  await page.keyboard.press('Enter');
  const details = page.getByTestId('station-details');
  await expect(details.getByRole('heading', { name: first.name })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('station')).toBe(first.id);

  // Closing the details brings the list back.
  await page.getByTestId('details-close').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('view-list')).toBeVisible();

  // The map itself takes the keyboard: "-" zooms out, and the list follows the new view.
  await page.getByTestId('map').focus();
  const zoom = await page.evaluate(() => window.__cundiMaps[0].getZoom());
  await page.keyboard.press('-');
  await expect.poll(() => page.evaluate(() => window.__cundiMaps[0].getZoom())).toBe(zoom - 1);
  await page.waitForTimeout(400); // the zoom animation ends before the view is read
  expected = await expectedInView(page);
  await expect.poll(async () => (await listedIds(page)).join()).toBe(expected.slice(0, LIST_MAX).map((s) => s.id).join());
  const count = page.getByTestId('view-list-count');
  if (expected.length > LIST_MAX) await expect(count).toContainText(`最近的 ${LIST_MAX} 个`);
  await expect(count).toContainText(`共 ${expected.length} 个`);

  // A part of the map with no point says so.
  await page.evaluate(() => { window.__cundiMaps[0].setView([30, 125], 10, { animate: false }); });
  await expect(page.getByTestId('view-list-count')).toContainText('没有网点');
  await expect(page.getByTestId('view-list-item')).toHaveCount(0);

  // And the list closes from its own button.
  await page.getByTestId('view-list-close').click();
  await expect(page.getByTestId('view-list')).toHaveCount(0);
  await expect(page.getByTestId('list-toggle')).not.toBeChecked();
});

test('in English too', async ({ page }) => {
  await page.goto('/?map=12/35.48/112.43');
  await mapReady(page);
  await page.getByRole('button', { name: 'English' }).click();
  await openMapOptions(page);
  await page.getByTestId('list-toggle').check();
  const expected = await expectedInView(page);
  await expect(page.getByTestId('view-list-count')).toContainText(`${expected.length} in all`);
  await expect(page.getByTestId('view-list').getByRole('heading')).toHaveText('Points on the map');
});

test('screenshot of the list at 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/?map=12/35.48/112.43');
  await mapReady(page);
  await openMapOptions(page);
  await page.getByTestId('list-toggle').check();
  await expect(page.getByTestId('view-list-item').first()).toBeVisible();
  await page.screenshot({ path: path.join(screens, 'map-list-360.png') });
});

test('a table by keyboard: Tab to a column, Enter sorts it, Enter again reverses it', async ({ page }) => {
  await page.goto('/tables/stations');
  const header = page.locator('th:has(button.sort[data-column="name"])');
  await expect(header).toHaveAttribute('aria-sort', 'none');
  await tabTo(page, 'button.sort[data-column="name"]', 80);
  await page.keyboard.press('Enter');
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await page.keyboard.press('Enter');
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  // The first row is then the last name in pinyin order, as the table sorts names.
  await expect(page.getByTestId('rows')).toHaveAttribute('data-name-order', 'pinyin');
  const last = byReading(stations, 'id', demoReadings(), true)[0];
  await expect(page.locator('tbody tr').first()).toHaveAttribute('data-id', last.id);
});
