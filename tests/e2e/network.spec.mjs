// Failing networks (issue 7): a data file that stalls, arrives truncated or arrives as garbage
// gives a clear message and a retry, never a blank page; the rows that did arrive are shown; and
// a complaint being typed is never lost while the data fails.
import { test, expect, readCsv, mapReady, tapStation, screens } from './support.mjs';

const stations = readCsv('data/stations.csv');

test.use({ allowConsoleErrors: true });

test('a summary that stalls says so after the configured time, and Retry loads it', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ json: { data: 'data/', tiles: null, timeout_ms: 1500 } }));
  let stall = true;
  await page.route('**/data/summary.json', async (route) => {
    if (stall) return; // never answered
    return route.fallback();
  });
  await page.goto('/');
  const alert = page.getByTestId('load-error');
  await expect(alert).toContainText('summary.json', { timeout: 10_000 });
  await expect(page.getByTestId('load-error-reason')).toContainText('1 秒内没有收到数据');
  stall = false;
  await page.getByTestId('retry').click();
  expect(await mapReady(page)).toBe(stations.length);
});

test('a truncated summary is a parse error naming the file, and Retry loads it', async ({ page }) => {
  let cut = true;
  await page.route('**/data/summary.json', async (route) => {
    if (!cut) return route.fallback();
    const response = await route.fetch();
    const body = await response.text();
    return route.fulfill({ response, body: body.slice(0, Math.floor(body.length / 2)) });
  });
  await page.goto('/');
  await expect(page.getByTestId('load-error')).toContainText('summary.json');
  await expect(page.getByTestId('load-error-reason')).toContainText('文件内容无效');
  cut = false;
  await page.getByTestId('retry').click();
  expect(await mapReady(page)).toBe(stations.length);
});

test('a county chunk that arrives as garbage is reported, and the other counties are shown', async ({ page }) => {
  await page.route('**/data/chunks/140522/stations.csv', (route) => route.fulfill({
    body: Buffer.from([0x00, 0xff, 0x22, 0x0a, 0x2c, 0x2c, 0x22, 0x0a, 0xfe, 0x00]),
    contentType: 'text/csv',
  }));
  await page.goto('/');
  const others = stations.filter((s) => !s.admin_code.startsWith('140522')).length;
  expect(await mapReady(page)).toBe(others);
  await page.goto('/quality');
  await expect(page.getByTestId('problems')).toContainText('chunks/140522/stations.csv');
});

test('a complaint being typed survives the data failing to load and a reload', async ({ page }) => {
  await page.goto('/complaint?station=ts-140522100');
  await page.locator('input[name="category"][value="illegal_fee"]').check();
  await page.getByTestId('f-description').fill('取件时被要求交 2 元，网络不好也不能丢。');
  let fail = true;
  await page.route('**/data/summary.json', (route) => (fail ? route.fulfill({ status: 503, body: 'busy' }) : route.fallback()));
  await page.reload();
  await expect(page.getByTestId('load-error')).toContainText('503');
  fail = false;
  await page.getByTestId('retry').click();
  await expect(page.getByTestId('f-description')).toHaveValue('取件时被要求交 2 元，网络不好也不能丢。');
  await expect(page.locator('input[name="category"][value="illegal_fee"]')).toBeChecked();
});

test('a search whose code fails to arrive says so, the map keeps working, and typing again finds', async ({ page }) => {
  let fail = true;
  let asked = 0;
  await page.route(/\/pkg-[0-9a-f]+\/split_search\.wasm$/, (route) => {
    asked += 1;
    return fail ? route.fulfill({ status: 503, body: 'busy' }) : route.fallback();
  });
  await page.goto('/');
  expect(await mapReady(page)).toBe(stations.length);
  const box = page.getByTestId('search');
  await box.fill('fcz');
  await expect(page.getByTestId('search-status')).toContainText('搜索功能未能加载');
  expect(asked).toBeGreaterThan(0);
  // What was typed stays, and the map still answers.
  await expect(box).toHaveValue('fcz');
  expect(await mapReady(page)).toBe(stations.length);
  fail = false;
  await box.fill('fc');
  await box.fill('fcz');
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('凤城镇');
});

test('a search whose code stalls says so after the configured time, and finds once it comes', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ json: { data: 'data/', tiles: null, timeout_ms: 1500 } }));
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/pkg-[0-9a-f]+\/split_search\.wasm$/, async (route) => { await held; await route.fallback(); });
  await page.goto('/');
  expect(await mapReady(page)).toBe(stations.length);
  const box = page.getByTestId('search');
  await box.fill('fcz');
  await expect(page.getByTestId('search-status')).toContainText('正在加载搜索功能');
  await expect(page.getByTestId('search-status')).toContainText('搜索功能未能加载', { timeout: 10_000 });
  // Typing again asks again; the download that was slow arrives, and the hits with it.
  await box.fill('fc');
  await box.fill('fcz');
  release();
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('凤城镇');
});

test('near me whose code fails to arrive says so, and the next tap finds', async ({ page, context }) => {
  await context.grantPermissions(['geolocation']);
  const s = stations.find((x) => x.status === 'operating');
  await context.setGeolocation({ longitude: Number(s.lon) + 0.001, latitude: Number(s.lat), accuracy: 20 });
  let fail = true;
  await page.route(/\/pkg-[0-9a-f]+\/split_near\.wasm$/, (route) => (fail ? route.fulfill({ status: 503, body: 'busy' }) : route.fallback()));
  await page.goto('/');
  expect(await mapReady(page)).toBe(stations.length);
  await page.getByTestId('near-me').click();
  await expect(page.getByTestId('near-message')).toContainText('“附近网点”功能未能加载');
  fail = false;
  await page.getByTestId('near-me').click();
  await expect(page.getByTestId('near-list').locator('li').first()).toBeVisible();
});

test('a page or panel whose code fails to arrive says so, the map keeps working, and Retry opens it', async ({ page }) => {
  // Every page is in a wasm chunk of its own (src/chunks.rs), fetched when it first opens;
  // the main module is pkg-*/main_bg.wasm. The map's chunk comes with the first load, and then
  // every other chunk fails.
  let fail = false;
  const chunk = /\/pkg-[0-9a-f]+\/(?!main_bg\.wasm)[^/]+\.wasm$/;
  const asked = [];
  const mapFiles = [];
  await page.route(chunk, (route) => {
    const file = new URL(route.request().url()).pathname;
    if (!fail) {
      mapFiles.push(file);
      return route.fallback();
    }
    asked.push(file);
    return route.fulfill({ status: 503, body: 'busy' });
  });
  await page.goto('/');
  expect(await mapReady(page)).toBe(stations.length);
  expect(mapFiles.some((f) => f.endsWith('/split_map.wasm')), mapFiles.join(' ')).toBe(true);
  fail = true;
  // A tapped station's panel is in the station chunk: the error shows in the panel, over the map.
  const station = stations.find((s) => s.status === 'operating');
  await tapStation(page, station.id);
  const panelError = page.locator('.map-page .panel-slot').getByTestId('page-code-error');
  await expect(panelError).toContainText('此页面未能下载');
  await expect(panelError).toBeInViewport();
  await page.screenshot({ path: `${screens}/panel-code-error.png` });
  fail = false;
  await panelError.getByTestId('retry').click();
  await expect(page.getByTestId('station-details')).toContainText(station.name);
  fail = true;
  await page.locator('.site-nav a[href="/complaint"]').click();
  await expect(page.getByTestId('page-code-error')).toContainText('此页面未能下载');
  expect(asked.length).toBeGreaterThan(0);
  fail = false;
  await page.getByTestId('retry').click();
  await expect(page.getByTestId('complaint-page')).toBeVisible();
  await expect(page.getByTestId('page-code-error')).toHaveCount(0);
  // The map was never touched by the failure.
  await page.locator('.site-nav a[href="/"]').click();
  expect(await mapReady(page)).toBe(stations.length);
});
