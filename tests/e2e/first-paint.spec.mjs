// The first visit (issue 20, docs/FIRST-VISIT.md): the page's frame is painted from index.html
// before the site's WebAssembly runs, and the site takes over without a jump and without losing
// what was typed; a browser that cannot run the site gets the fallback (what to do, the appeal
// lines, the published files); code that stalls says so after the configured time with a Retry
// that works, for the first load and for every chunk; a page without a map loads no map code.
import { test, expect, readCsv } from './support.mjs';

/** Serves index.html with the data's timeout (written by `cundi-data csp`) set to `ms`. */
async function shortTimeout(page, ms) {
  await page.route(/\/([?#].*)?$|\/(station|complaint|area|village)\b[^.]*$/, async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    const html = (await response.text()).replace(/data-timeout="?\d+"?/, `data-timeout="${ms}"`);
    await route.fulfill({ response, body: html });
  });
}

/** Leaves the first request for `pattern` unanswered (a stalled download); the next ones go through. */
async function stallFirst(page, pattern) {
  let first = true;
  await page.route(pattern, async (route) => {
    if (first) {
      first = false;
      return;
    }
    await route.fallback();
  });
}

/** Holds every request for the first load's wasm until the returned function is called. */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route('**/main_bg.wasm', async (route) => {
    await released;
    await route.fallback();
  });
  return release;
}

test('the frame is painted before the wasm runs: header, notice, search box; a page gets its skeleton', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-code', 'starting');
  await expect(page.locator('header.site-header[data-prerender]')).toBeVisible();
  await expect(page.locator('header[data-prerender] .site-nav a')).toHaveText(['地图', '投诉', '覆盖', '数据']);
  const notice = JSON.parse(await (await page.request.get('/data/summary.json')).text()).package.notice;
  await expect(page.locator('aside.notice[data-prerender] .notice-text')).toHaveText(notice['zh-CN'] ?? notice.zh);
  await expect(page.locator('main[data-prerender] #map-search')).toBeVisible();
  await expect(page.locator('main[data-prerender] .prerender-page')).toBeHidden();
  await expect(page.locator('#fallback')).toBeHidden();
  release();
  await expect(page.locator('html')).toHaveAttribute('data-code', 'running');
  await expect(page.locator('[data-prerender]')).toHaveCount(0);
  await expect(page.locator('#fallback')).toHaveCount(0);

  const other = await page.context().newPage();
  await holdWasm(other);
  await other.goto('/station/ts-140522100');
  await expect(other.locator('main[data-prerender] .prerender-page')).toBeVisible();
  await expect(other.locator('main[data-prerender] #map-search')).toBeHidden();
  await other.close();
});

test('the site takes over where the frame was: the search box and the header do not move', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  const box = (selector) => page.locator(selector).first().boundingBox();
  const before = {
    search: await box('main[data-prerender] #map-search'),
    header: await box('header[data-prerender]'),
    notice: await box('aside.notice[data-prerender]'),
  };
  release();
  await expect(page.locator('html')).toHaveAttribute('data-code', 'running');
  await expect(page.getByTestId('illustrative-notice')).toBeVisible();
  const after = {
    search: await box('#map-search'),
    header: await box('header.site-header'),
    notice: await box('[data-testid=illustrative-notice]'),
  };
  for (const part of Object.keys(before)) {
    for (const k of ['x', 'y', 'width', 'height']) {
      expect(Math.abs(after[part][k] - before[part][k]), `${part}.${k}: ${before[part][k]} → ${after[part][k]}`).toBeLessThanOrEqual(1);
    }
  }
  // The layout-shift entries the browser recorded while the site took over.
  const shift = await page.evaluate(() => new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve(total), 500);
  }));
  expect(shift).toBeLessThanOrEqual(0.05);
});

test('what is typed in the search box before the wasm runs is kept, with the focus, and searched', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  const frame = page.locator('main[data-prerender] #map-search');
  await frame.click();
  await frame.pressSequentially('fcz');
  release();
  await expect(page.locator('html')).toHaveAttribute('data-code', 'running');
  const input = page.locator('#map-search');
  await expect(input).toHaveValue('fcz');
  await expect(input).toBeFocused();
  // Typing goes on in the site's own box, after what the frame had.
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('z');
  await expect(input).toHaveValue('fcz');
  await expect(page.locator('.hit-name').first()).toHaveText('凤城镇');
});

test('English, when chosen before, is what the frame shows first', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('cundi-lang', 'en'));
  await holdWasm(page);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('header[data-prerender] .site-nav a')).toHaveText(['Map', 'Complain', 'Coverage', 'Data']);
  await expect(page.locator('main[data-prerender] #map-search')).toHaveAttribute('placeholder', 'Village, township, point…');
});

for (const [name, script] of [
  ['no WebAssembly at all', () => { delete window.WebAssembly; }],
  ['WebAssembly without a feature the site uses', () => {
    const validate = WebAssembly.validate;
    // No reference types: a module using `ref.null extern` does not validate.
    WebAssembly.validate = (bytes) => !new Uint8Array(bytes).includes(0xd0) && validate(bytes);
  }],
]) {
  test(`${name}: the fallback in both languages, the appeal lines and the data files`, async ({ page }) => {
    await page.addInitScript(script);
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-code', 'unsupported');
    const fallback = page.locator('#fallback');
    await expect(fallback).toBeVisible();
    await expect(fallback.locator('h1')).toContainText('这个浏览器无法打开本站的地图和表单');
    await expect(fallback.locator('h1')).toContainText("This browser cannot open the site's map and forms");
    await expect(fallback).toContainText('微信');
    await expect(fallback).toContainText('12305');
    await expect(page.locator('main[data-prerender]')).toBeHidden();
    // Each county's appeal line, from authorities.csv, as a telephone link.
    for (const a of readCsv('data/authorities.csv')) {
      await expect(fallback.locator(`a[href="tel:${a.phone.replace(/[^0-9+]/g, '')}"]`)).toHaveText(a.phone);
    }
    // The published CSV files, each one served.
    const links = fallback.locator('ul.files a');
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('data/package/stations.csv');
    for (const href of hrefs) {
      const response = await page.request.get('/' + href);
      expect(response.ok(), href).toBe(true);
    }
  });
}

test.describe(() => {
  // A request left unanswered, then aborted, is logged by the browser.
  test.use({ allowConsoleErrors: true });

test('the first load stalls: after the configured time it says so, and Retry loads the site', async ({ page }) => {
  await shortTimeout(page, 1500);
  await stallFirst(page, '**/main_bg.wasm');
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-code', 'stalled');
  const stalled = page.locator('.stalled');
  await expect(stalled).toBeVisible();
  await expect(stalled).toContainText('本站的程序还没有下载完');
  await stalled.getByRole('button').click();
  await expect(page.locator('html')).toHaveAttribute('data-code', 'running');
  await expect(page.getByTestId('map')).toHaveAttribute('data-stations-drawn', /\d+/);
});

test('a page chunk that stalls fails after the configured time, and Retry downloads it anew', async ({ page }) => {
  await shortTimeout(page, 1500);
  await stallFirst(page, '**/split_station.wasm');
  await page.goto('/station/ts-140522100');
  const error = page.getByTestId('page-code-error');
  await expect(error).toBeVisible();
  await error.getByTestId('retry').click();
  await expect(page.getByTestId('station-page')).toBeVisible();
});

});

test('a page without a map loads no map code and no Leaflet', async ({ page }) => {
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.goto('/station/ts-140522100');
  await expect(page.getByTestId('station-page')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(asked.filter((p) => /leaflet|split_map\.wasm/.test(p))).toEqual([]);
  // The map, opened from there, loads both.
  await page.locator('.site-nav a[href="/"]').click();
  await expect(page.getByTestId('map')).toHaveAttribute('data-stations-drawn', /\d+/);
  expect(asked.some((p) => p.endsWith('leaflet.js'))).toBe(true);
  expect(asked.some((p) => p.endsWith('split_map.wasm'))).toBe(true);
});

test("a first visit to a station's page fetches its county alone; the map, opened next, fetches the others", async ({ page }) => {
  const counties = new Set();
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(/\/data\/chunks\/(\d{6})\//);
    if (m) counties.add(m[1]);
  });
  await page.goto('/station/ts-140522100');
  await expect(page.getByTestId('station-page')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect([...counties]).toEqual(['140522']);
  await page.locator('.site-nav a[href="/"]').click();
  const all = new Set(readCsv('data/divisions.csv').filter((d) => d.code.length === 6).map((d) => d.code));
  await expect(page.getByTestId('map')).toHaveAttribute('data-stations-drawn', String(readCsv('data/stations.csv').length));
  expect([...counties].sort()).toEqual([...all].sort());
});
