// Accessibility: axe-core on every page, in both languages where the page has text of its own,
// with no serious or critical violation. The pages are the ones a resident, a citizen with a
// complaint and a journalist reach.
import AxeBuilder from '@axe-core/playwright';
import { test, openMapOptions, expect, mapReady } from './support.mjs';

const PAGES = [
  ['map', '/'],
  ['map coloured by a share', '/?shade=daily'],
  ['map with a station selected', '/?station=ts-140522100'],
  ['station', '/station/ts-140522100'],
  ['station notice', '/station/ts-140522100/notice'],
  ['village', '/village/140522100001'],
  ['complaint form', '/complaint?station=ts-140522100'],
  ['my complaints', '/complaints'],
  ['areas', '/areas'],
  ['county', '/area/140522'],
  ['township', '/area/140522100'],
  ['targets', '/targets'],
  ['stations table', '/tables/stations'],
  ['villages table', '/tables/villages'],
  ['data', '/data'],
  ['data dictionary', '/data/dictionary'],
  ['a document, a quote marked', '/documents/yangcheng-2022-45?target=9'],
  ['changes', '/changes'],
  ['data quality', '/quality'],
  ['not found', '/no-such-page'],
];

/** The serious and critical violations on the page, one line each. */
async function serious(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const [name, url] of PAGES) {
  test(`axe: ${name} (${url})`, async ({ page }) => {
    await page.goto(url);
    if (url.startsWith('/?') || url === '/') await mapReady(page);
    await expect(page.getByTestId('loading')).toHaveCount(0, { timeout: 15_000 });
    await expect(page.locator('main#main')).not.toBeEmpty(); // the site's, not the frame index.html painted first
    expect(await serious(page), 'in Chinese').toEqual([]);
    await page.getByTestId('lang-switch').click();
    expect(await serious(page), 'in English').toEqual([]);
  });
}

test('axe: the map as a list, and offline', async ({ page, context }) => {
  await page.goto('/?map=12/35.48/112.43');
  await mapReady(page);
  await openMapOptions(page);
  await page.getByTestId('list-toggle').check();
  await expect(page.getByTestId('view-list-item').first()).toBeVisible();
  await context.setOffline(true); // the offline notice, over the same page
  await expect(page.getByTestId('offline-notice')).toBeVisible();
  expect(await serious(page), 'in Chinese').toEqual([]);
  await page.getByTestId('lang-switch').click();
  expect(await serious(page), 'in English').toEqual([]);
  await context.setOffline(false);
});
