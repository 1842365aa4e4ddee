// The map on a phone (issue 24, point 1): on a 360 × 740 screen, in every state of the map page,
// at least half of the screen is map the resident can see and touch. The panels are a bottom
// sheet with a peek height, a handle that drags, and a button that collapses it; the notice that
// the data is illustrative is whole on a first visit and one line once it has been read.
import { test, expect, mapReady, openMapOptions, tapStation, readCsv, screens } from './support.mjs';

const PHONE = { width: 360, height: 740 };
const villages = readCsv('data/villages.csv');
const stations = readCsv('data/stations.csv');

/**
 * The share of the screen where the map shows and takes a tap: a 10 px grid of points, each
 * counted when the element at that point (document.elementFromPoint) is inside Leaflet's container
 * and is not one of Leaflet's controls (zoom buttons, attribution). Markers, village dots,
 * outlines and popups are the map; the header, the notice, the toolbar, the panels and the
 * legend cover it.
 */
async function mapFraction(page) {
  return page.evaluate(() => {
    const step = 10;
    let map = 0;
    let all = 0;
    for (let y = step / 2; y < window.innerHeight; y += step) {
      for (let x = step / 2; x < window.innerWidth; x += step) {
        all += 1;
        const el = document.elementFromPoint(x, y);
        if (el && el.closest('.leaflet-container') && !el.closest('.leaflet-control-container')) map += 1;
      }
    }
    return map / all;
  });
}

/** Lets a CSS transition (the sheet's height) settle before measuring. */
async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 350))));
}

/** Opens the site in `lang` with the notice already read (a second visit), or not. */
async function open(page, lang, { read = true, url = '/' } = {}) {
  await page.addInitScript(([l, r]) => {
    if (sessionStorage.getItem('phone-map-set')) return;
    sessionStorage.setItem('phone-map-set', '1');
    localStorage.setItem('cundi-lang', l);
    if (r) localStorage.setItem('cundi-notice', 'read');
  }, [lang, read]);
  await page.setViewportSize(PHONE);
  await page.goto(url);
  await mapReady(page);
}

const v = villages.find((x) => x.code === '140522100001');
const station = stations.find((s) => s.tier === 'township_station');

/** Each state of the map page, reached from the plain map; `name` for the screenshots. */
const states = [
  ['plain', async () => {}],
  ['search', async (page) => {
    await page.getByTestId('search').fill('村');
    await expect(page.getByRole('option').nth(5)).toBeVisible();
    await expect(page.getByTestId('search')).toBeFocused();
  }],
  ['near', async (page, context) => {
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ longitude: Number(v.lon) + 0.002, latitude: Number(v.lat) - 0.001 });
    await page.getByTestId('near-me').click();
    await expect(page.getByTestId('near-panel')).toBeVisible();
  }],
  ['legend', async (page) => {
    await page.getByTestId('legend').locator('summary').click();
    await expect(page.getByTestId('legend-tiers')).toBeVisible();
  }],
  ['station', async (page) => {
    await tapStation(page, station.id);
    await expect(page.getByTestId('station-details')).toBeVisible();
  }],
  ['list', async (page) => {
    await openMapOptions(page);
    await page.getByTestId('list-toggle').check();
    await expect(page.getByTestId('view-list')).toBeVisible();
  }],
  ['frequency', async (page) => {
    await openMapOptions(page);
    await page.getByTestId('layer-frequency').check();
    await page.getByTestId('map-options').locator('summary').click();
    await expect(page.getByTestId('frequency-legend')).toBeInViewport();
  }],
];

for (const lang of ['zh-CN', 'en']) {
  test.describe(`at 360 × 740 (${lang})`, () => {
    for (const [name, reach] of states) {
      test(`${name}: at least half the screen is map`, async ({ page, context }) => {
        await open(page, lang);
        await reach(page, context);
        await settle(page);
        const fraction = await mapFraction(page);
        await page.screenshot({ path: `${screens}/phone-map-${name}-${lang}-360.png` });
        console.log(`map fraction ${lang} ${name}: ${fraction.toFixed(3)}`);
        expect(fraction, `${name}: the share of the screen that is map`).toBeGreaterThanOrEqual(0.5);
      });
      // A first visit: the notice not read yet. While a panel, the legend or the results are up
      // it is one line too; it is whole again when they close.
      if (name === 'plain' || name === 'frequency') continue;
      test(`${name}, on a first visit: at least half the screen is map`, async ({ page, context }) => {
        await open(page, lang, { read: false });
        await reach(page, context);
        await settle(page);
        const fraction = await mapFraction(page);
        console.log(`map fraction ${lang} ${name} first visit: ${fraction.toFixed(3)}`);
        expect(fraction, `${name}: the share of the screen that is map`).toBeGreaterThanOrEqual(0.5);
        await expect(page.getByTestId('notice-button')).toHaveAttribute('aria-expanded', 'true');
      });
    }
  });
}

test('on a first visit the plain map is still half the screen, with the notice whole', async ({ page }) => {
  await open(page, 'zh-CN', { read: false });
  await settle(page);
  const fraction = await mapFraction(page);
  console.log(`map fraction zh-CN first visit: ${fraction.toFixed(3)}`);
  expect(fraction).toBeGreaterThanOrEqual(0.5);
});

test.describe('the bottom sheet', () => {
  test('its button collapses it to its title row and opens it again; the map grows', async ({ page, context }) => {
    await open(page, 'zh-CN');
    await states.find(([n]) => n === 'near')[1](page, context);
    const panel = page.getByTestId('near-panel');
    const handle = panel.getByTestId('sheet-handle');
    await expect(handle).toBeVisible();
    await expect(handle).toHaveAttribute('aria-expanded', 'true');
    // No taller than its peek: at most 40 % of the screen.
    const peek = (await panel.boundingBox()).height;
    expect(peek).toBeLessThanOrEqual(0.4 * PHONE.height);
    await settle(page);
    const opened = await mapFraction(page);

    // The keyboard reaches it, and Enter collapses it.
    await handle.focus();
    await page.keyboard.press('Enter');
    await expect(handle).toHaveAttribute('aria-expanded', 'false');
    await settle(page);
    const collapsed = (await panel.boundingBox()).height;
    expect(collapsed).toBeLessThan(peek);
    // The title row and its Close stay; the rest is folded away.
    await expect(page.getByTestId('near-title')).toBeInViewport();
    await expect(page.getByTestId('near-close')).toBeInViewport();
    await expect(page.getByTestId('near-list')).toBeHidden();
    const more = await mapFraction(page);
    console.log(`map fraction near: open ${opened.toFixed(3)}, collapsed ${more.toFixed(3)}`);
    expect(more).toBeGreaterThan(opened);
    await page.screenshot({ path: `${screens}/phone-map-collapsed-360.png` });

    // A tap opens it again at its peek.
    await handle.click();
    await expect(handle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByTestId('near-list')).toBeVisible();
    expect(Math.abs((await panel.boundingBox()).height - peek)).toBeLessThanOrEqual(1);
  });

  test('dragging its handle sets its height, and dragged low it collapses', async ({ page }) => {
    await open(page, 'zh-CN');
    await states.find(([n]) => n === 'station')[1](page);
    const panel = page.locator('.panel.sheet');
    const handle = panel.getByTestId('sheet-handle');
    const before = await panel.boundingBox();
    const grip = await handle.boundingBox();
    const x = grip.x + grip.width / 2;
    const y = grip.y + grip.height / 2;
    // Up by 200 px: taller by as much.
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y - 100, { steps: 5 });
    await page.mouse.move(x, y - 200, { steps: 5 });
    await page.mouse.up();
    const higher = await panel.boundingBox();
    expect(higher.height).toBeGreaterThan(before.height + 150);
    expect(higher.y + higher.height).toBeCloseTo(before.y + before.height, 0);
    // The drag was not a tap: the sheet is still open.
    await expect(handle).toHaveAttribute('aria-expanded', 'true');
    await page.screenshot({ path: `${screens}/phone-map-dragged-360.png` });

    // Down to the bottom: collapsed to its title row.
    const top = await handle.boundingBox();
    await page.mouse.move(x, top.y + 10);
    await page.mouse.down();
    await page.mouse.move(x, PHONE.height - 5, { steps: 10 });
    await page.mouse.up();
    await expect(handle).toHaveAttribute('aria-expanded', 'false');
    const low = await panel.boundingBox();
    expect(low.height).toBeLessThan(before.height);
    await expect(page.locator('#station-details-name')).toBeInViewport();
  });

  test('the legend is a sheet too, and the wide screen keeps its side panel and open legend', async ({ page }) => {
    await open(page, 'zh-CN');
    await states.find(([n]) => n === 'legend')[1](page);
    const legend = page.getByTestId('legend');
    const box = await legend.boundingBox();
    expect(box.x).toBe(0);
    expect(box.width).toBe(PHONE.width);
    expect(box.y + box.height).toBeCloseTo(PHONE.height, 0);
    expect(box.height).toBeLessThanOrEqual(0.4 * PHONE.height);
    await legend.getByTestId('sheet-handle').click();
    await expect(page.getByTestId('legend-tiers')).toBeHidden();
    await expect(legend.locator('summary')).toBeInViewport();

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/?station=${station.id}`);
    await mapReady(page);
    await expect(page.getByTestId('station-details')).toBeVisible();
    await expect(page.getByTestId('sheet-handle').first()).toBeHidden();
    const side = await page.locator('.panel').boundingBox();
    expect(side.width).toBe(400);
    expect(side.x).toBeGreaterThan(800);
    await expect(page.getByTestId('legend-tiers')).toBeVisible();
    await page.screenshot({ path: `${screens}/phone-map-desktop-1280.png` });
  });

  test('in English the count stays on the options row, clear of the panel', async ({ page, context }) => {
    await open(page, 'en');
    await states.find(([n]) => n === 'near')[1](page, context);
    const count = await page.getByTestId('station-count').boundingBox();
    const options = await page.getByTestId('map-options').boundingBox();
    const panel = await page.getByTestId('near-panel').boundingBox();
    expect(Math.abs(count.y + count.height / 2 - (options.y + options.height / 2))).toBeLessThanOrEqual(2);
    expect(count.x + count.width).toBeLessThanOrEqual(PHONE.width);
    expect(count.y + count.height).toBeLessThan(panel.y);
  });
});

test.describe('the notice that the data is illustrative', () => {
  /** The notice's height in lines of its text. */
  const lines = (notice) => notice.evaluate((el) => {
    const text = el.querySelector('.notice-text');
    return Math.round(text.getBoundingClientRect().height / parseFloat(getComputedStyle(text).lineHeight));
  });

  for (const lang of ['zh-CN', 'en']) {
    test(`whole on a first visit, one line after "Got it" and after a reload (${lang})`, async ({ page }) => {
      await open(page, lang, { read: false });
      const notice = page.getByTestId('illustrative-notice');
      const button = page.getByTestId('notice-button');
      await expect(button).toHaveText(lang === 'en' ? 'Got it' : '知道了');
      expect(await lines(notice)).toBeGreaterThan(2);
      const whole = (await notice.boundingBox()).height;
      await page.screenshot({ path: `${screens}/phone-notice-first-${lang}-360.png` });

      await button.click();
      await expect(button).toHaveText(lang === 'en' ? 'More' : '展开');
      expect(await lines(notice)).toBe(1);
      const line = (await notice.boundingBox()).height;
      expect(line).toBeLessThanOrEqual(40);
      expect(line).toBeLessThan(whole);

      // A tap anywhere on the line unfolds it, and it folds again.
      await notice.click({ position: { x: 40, y: 10 } });
      await expect(button).toHaveAttribute('aria-expanded', 'true');
      expect(await lines(notice)).toBeGreaterThan(2);
      await button.click();
      expect(await lines(notice)).toBe(1);

      // A later visit: one line from the first paint, on other pages too.
      await page.reload();
      await mapReady(page);
      await expect(page.locator('html')).toHaveAttribute('data-notice', 'read');
      expect(await lines(notice)).toBe(1);
      await expect(notice).toBeVisible();
      await page.screenshot({ path: `${screens}/phone-notice-read-${lang}-360.png` });
      await page.goto('/areas');
      await expect(notice).toBeVisible();
      expect(await lines(notice)).toBe(1);
      // Only that the notice was read is kept.
      expect(await page.evaluate(() => localStorage.getItem('cundi-notice'))).toBe('read');
    });
  }

  test('the frame paints it as the site will: one line once read, with no jump', async ({ page }) => {
    let release;
    const released = new Promise((resolve) => { release = resolve; });
    await page.route('**/main_bg.wasm', async (route) => {
      await released;
      await route.fallback();
    });
    await page.addInitScript(() => localStorage.setItem('cundi-notice', 'read'));
    await page.setViewportSize(PHONE);
    await page.goto('/');
    const frame = page.locator('aside.notice[data-prerender]');
    await expect(frame).toBeVisible();
    await expect(frame.locator('button .if-read')).toHaveText('展开');
    await expect(frame.locator('button .if-read')).toBeVisible();
    await expect(frame.locator('button .if-unread')).toBeHidden();
    const before = await frame.boundingBox();
    expect(before.height).toBeLessThanOrEqual(40);
    release();
    await expect(page.locator('html')).toHaveAttribute('data-code', 'running');
    const after = await page.getByTestId('illustrative-notice').boundingBox();
    for (const k of ['x', 'y', 'width', 'height']) expect(Math.abs(after[k] - before[k])).toBeLessThanOrEqual(1);
  });
});
