// Hostile data (issue 7): a package whose every text field carries HTML and script payloads, and
// whose numbers and codes are out of range (tests/fixtures/hostile, built by scripts/test into
// target/e2e/hostile). Every page shows the payloads as text, nothing runs, no element the data
// names appears, and the rows out of range are reported while the valid ones are shown.
import { test, expect, useBundle, mapReady } from './support.mjs';

const PAGES = [
  '/', '/?station=P1', '/station/P1', '/station/P1/notice', '/village/140522100201', '/areas',
  '/area/14', '/area/140522', '/area/140522100', '/targets', '/tables/stations', '/tables/villages',
  '/data', '/quality', '/complaint?station=P1',
];

/** Fails if anything from the payloads became markup or ran. */
async function expectInert(page, url) {
  const found = await page.evaluate(() => ({
    pwned: window.__pwned,
    img: document.querySelectorAll('img[src="x"]').length,
    svg: [...document.querySelectorAll('svg')].filter((s) => s.getAttribute('onload')).length,
    scripts: [...document.scripts].filter((s) => s.textContent.includes('__pwned')).length,
    handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    bold: document.querySelectorAll('main b').length,
    js: [...document.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
  }));
  expect(found, url).toEqual({ pwned: undefined, img: 0, svg: 0, scripts: 0, handlers: 0, bold: 0, js: 0 });
}

test.beforeEach(async ({ page }) => {
  await useBundle(page, 'target/e2e/hostile');
});

test('every page shows the payloads as text and nothing runs', async ({ page }) => {
  for (const url of PAGES) {
    await page.goto(url);
    if (url.startsWith('/?') || url === '/') await mapReady(page);
    await expect(page.getByTestId('loading')).toHaveCount(0, { timeout: 15_000 });
    await page.waitForTimeout(300);
    await expectInert(page, url);
  }
  // The payload is there, as text, where the station's name goes.
  await page.goto('/station/P1');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('onerror="window.__pwned=1"');
  // The publisher's notice and title too.
  await page.goto('/data');
  await expect(page.locator('main#main')).toContainText('<img src=x onerror="window.__pwned=5">恶意数据包');
});

test('rows out of range are reported with their values as text, and the valid rows are shown', async ({ page }) => {
  await page.goto('/quality');
  const table = page.getByTestId('problems');
  await expect(table).toContainText('999.5');
  await expect(table).toContainText('14052X');
  await expect(table).toContainText('2024-02-30');
  await expectInert(page, '/quality');
  await page.goto('/');
  // The valid stations of the fixture (7 of 9 rows) are on the map.
  expect(await mapReady(page)).toBe(7);
});

test('a complaint about a hostile station: the form, the letter and its downloads keep it as text', async ({ page }) => {
  await page.goto('/complaint?station=P1');
  await page.locator('input[name="category"][value="illegal_fee"]').check();
  await page.getByTestId('f-date').fill(new Date(Date.now() + 8 * 3600_000 - 86400_000).toISOString().slice(0, 10));
  await page.getByTestId('f-amount').fill('2');
  await page.getByTestId('f-description').fill('<script>window.__pwned=9</script>收费');
  await page.getByTestId('way-letter').check();
  await page.getByTestId('complaint-submit').click();
  // The letter channel opens the letter at once.
  await page.waitForURL(/\/complaint\/letter\//);
  await expect(page.getByTestId('letter')).toContainText('<script>window.__pwned=9</script>收费');
  await expect(page.getByTestId('letter')).toContainText('onerror="window.__pwned=1"');
  await expectInert(page, 'letter');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('letter-download-txt').click()]);
  const text = await (await import('node:fs')).promises.readFile(await download.path(), 'utf8');
  expect(text).toContain('<script>window.__pwned=9</script>收费');
});
