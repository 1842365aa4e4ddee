// The printable station notice (/station/ID/notice): the station's name, hours, brands and fee
// policy, the complaint routes with its county's 12305 line, and a QR code that — read back from a
// screenshot by an independent decoder (jsQR) — opens the station's page; the link to it from the
// station page, Print, the A4/A5 choice, what print media shows, that the longest name still prints
// on one page of either size (a PDF printed by Chromium), and phone and paper screenshots.
import { test, expect, readCsv, screens, fullScreenshot } from './support.mjs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const stations = readCsv('data/stations.csv');
const authorities = readCsv('data/authorities.csv');

/** The complaint authority for a station: the one whose jurisdiction contains it. */
const authorityOf = (s) => authorities.find((a) => s.admin_code.startsWith(a.jurisdiction_code));

/** The text of the QR code in a PNG screenshot, or null when none is found. */
function decodeQr(png) {
  const { width, height, data } = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width, height);
  return code ? code.data : null;
}

/** Fails the test if anything is wider than the viewport. */
async function noOverflow(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'nothing is wider than the screen').toBeLessThanOrEqual(0);
}

// Free operating stations in each of the three counties, of different tiers.
const picks = [
  stations.find((s) => s.id === 'ts-140522100'),
  stations.find((s) => s.admin_code.startsWith('370305') && s.tier === 'village_point'
    && s.status === 'operating' && s.pickup_fee === '0' && s.hours),
  stations.find((s) => s.admin_code.startsWith('411721') && s.tier === 'county_center' && s.status === 'operating'),
];

for (const station of picks) {
  test(`${station.id}: name, hours, brands, no fee, the county's 12305 line, and a QR code that opens the station`, async ({ page, baseURL }) => {
    const authority = authorityOf(station);
    expect(authority, 'the county has an authority').toBeTruthy();
    await page.goto(`/station/${encodeURIComponent(station.id)}/notice`);
    const sheet = page.getByTestId('notice');
    await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(station.name);
    for (const brand of station.brands.split(';')) await expect(sheet).toContainText(brand);
    if (station.hours === 'Mo-Su 08:00-19:00') await expect(sheet).toContainText('每天 08:00–19:00');
    await expect(page.getByTestId('notice-fee')).toContainText('取件不收费');

    // The routes are the core's guidance: the county's own 12305 line, the website, WeChat.
    const routes = page.getByTestId('notice-routes');
    await expect(routes).toContainText(authority.phone);
    await expect(routes).toContainText('sswz.spb.gov.cn');
    await expect(routes).toContainText('yz12305');
    await expect(routes).toContainText(authority.name);

    // The QR code, decoded from pixels, is the absolute station URL that is printed under it.
    const expected = `${baseURL}/station/${encodeURIComponent(station.id)}`;
    await expect(page.getByTestId('notice-url')).toHaveText(expected);
    const qr = page.getByTestId('notice-qr');
    await expect(qr).toHaveAttribute('role', 'img');
    await expect(qr).toHaveAttribute('aria-label', `二维码：${expected}`);
    expect(decodeQr(await qr.screenshot())).toBe(expected);
    const form = `${baseURL}/complaint?station=${encodeURIComponent(station.id)}`;
    await expect(page.getByTestId('notice-form-url')).toHaveText(form);

    // Following the printed URLs: the station's page, then the complaint page for it.
    await page.goto(await page.getByTestId('notice-url').textContent());
    await expect(page.getByTestId('station-page')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(station.name);
    await page.goto(form);
    await expect(page.getByTestId('complaint-station')).toHaveText(station.name);
  });
}

test('a charging station\'s notice states the rule, and its fee as recorded, never in the "free" style; an unknown id is "not found"', async ({ page }) => {
  const charging = stations.find((s) => Number(s.pickup_fee) > 0 && s.status === 'operating');
  const free = stations.find((s) => s.pickup_fee === '0' && s.status === 'operating');
  await page.goto(`/station/${charging.id}/notice`);
  // The rule, in the words of the site's guidance, above what the data records.
  const rule = page.getByTestId('notice-rule');
  await expect(rule).toContainText('快件应投递到约定的收件地址');
  await expect(rule).toContainText('违规收费');
  await expect(rule).toContainText('不得将快件投放到智能快件箱或快递服务站');
  const fee = page.getByTestId('notice-fee');
  await expect(fee).toContainText(`数据中登记的本站取件收费：每件 ${Number(charging.pickup_fee)} 元`);
  await expect(fee).toContainText('不是规定');
  await expect(fee).toContainText('可以投诉');
  const style = (el) => el.evaluate((e) => {
    const head = e.querySelector('.notice-fee-head');
    return { border: getComputedStyle(e).borderTopColor, head: getComputedStyle(head).color };
  });
  const charged = await style(fee);
  const ruleBox = await rule.boundingBox();
  expect(ruleBox.y, 'the rule comes first').toBeLessThan((await fee.boundingBox()).y);
  await page.screenshot({ path: 'tests/e2e/out/screens/notice-charging.png', fullPage: true });
  await page.goto(`/station/${free.id}/notice`);
  await expect(page.getByTestId('notice-fee')).toContainText('取件不收费');
  const freeStyle = await style(page.getByTestId('notice-fee'));
  expect(charged.border, 'a fee is not drawn as "free"').not.toBe(freeStyle.border);
  expect(charged.head).not.toBe(freeStyle.head);

  await page.goto('/station/no-such-station/notice');
  await expect(page.getByTestId('not-found')).toContainText('no-such-station');
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

test('in English too', async ({ page }) => {
  const station = picks[0];
  await page.goto(`/station/${station.id}/notice`);
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('notice-fee')).toContainText('No fee to collect a parcel');
  await expect(page.getByTestId('notice-routes')).toContainText('How to complain');
  await expect(page.getByTestId('notice-routes')).toContainText('7 days');
  await expect(page.getByTestId('notice')).toContainText('Every day 08:00–19:00');
  await expect(page.getByTestId('notice-print')).toHaveText('Print');
  await expect(page.getByTestId('notice-qr')).toHaveAttribute('aria-label', /^QR code: http/);
});

test('the station page links to it; Print prints; A4 or A5; on paper only the sheet', async ({ page, baseURL }) => {
  // No print dialog in a test: count the calls instead.
  await page.addInitScript(() => {
    window.print = () => { window.__printed = (window.__printed || 0) + 1; };
  });
  const station = picks[0];
  await page.goto(`/station/${station.id}`);
  await page.getByTestId('notice-link').click();
  await expect(page).toHaveURL(new RegExp(`/station/${station.id}/notice$`));
  const sheet = page.getByTestId('notice');
  await expect(sheet).toBeVisible();

  await page.getByTestId('notice-print').click();
  expect(await page.evaluate(() => window.__printed)).toBe(1);

  const a4 = page.getByTestId('notice-size-a4');
  const a5 = page.getByTestId('notice-size-a5');
  await expect(a4).toHaveAttribute('aria-pressed', 'true');
  await expect(a5).toHaveAttribute('aria-pressed', 'false');

  // Print media: the frame and the buttons go, the sheet stays, on an A4 named page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByTestId('illustrative-notice')).toBeHidden();
  await expect(page.getByTestId('notice-print')).toBeHidden();
  await expect(sheet).toBeVisible();
  await expect(sheet).toHaveCSS('page', 'notice-a4');
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: `${screens}/notice-print-a4.png`, fullPage: true });

  // A5: the same sheet on the smaller named page; its code still reads.
  await page.emulateMedia({ media: 'screen' });
  await a5.click();
  await expect(a5).toHaveAttribute('aria-pressed', 'true');
  await expect(a4).toHaveAttribute('aria-pressed', 'false');
  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toHaveCSS('page', 'notice-a5');
  await page.setViewportSize({ width: 559, height: 794 });
  await page.screenshot({ path: `${screens}/notice-print-a5.png`, fullPage: true });
  expect(decodeQr(await page.getByTestId('notice-qr').screenshot())).toBe(`${baseURL}/station/${station.id}`);
});

test('the longest name prints on one page of the chosen size, in either language', async ({ page }) => {
  const longest = stations.reduce((a, b) => (b.name.length > a.name.length ? b : a));
  await page.goto(`/station/${longest.id}/notice`);
  await expect(page.getByTestId('notice')).toBeVisible();
  // A4 and A5 in PostScript points, as the PDF's MediaBox gives them.
  const sizes = { a4: [595, 842], a5: [420, 595] };
  for (const lang of ['zh-CN', 'en']) {
    if ((await page.locator('html').getAttribute('lang')) !== lang) await page.getByTestId('lang-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    for (const [size, [w, h]] of Object.entries(sizes)) {
      await page.getByTestId(`notice-size-${size}`).click();
      const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) || [];
      expect(pages.length, `${lang} ${size}: one page`).toBe(1);
      const box = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
      expect([Math.round(Number(box[1])), Math.round(Number(box[2]))], `${lang} ${size}: page size`).toEqual([w, h]);
    }
  }
});

test('screenshot at 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/station/${picks[0].id}/notice`);
  await expect(page.getByTestId('notice')).toBeVisible();
  await fullScreenshot(page, `${screens}/notice-360.png`);
  await noOverflow(page);
});
