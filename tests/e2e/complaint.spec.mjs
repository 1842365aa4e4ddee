// Citizens file complaints that are never lost (issue 4): the form against a local Open311
// receiver, retries with the same request id, offline and back, double submit, the draft across a
// reload, hostile text shown as text, the e-mail link, the letter and its downloads, "My
// complaints", and erasing everything.
import { test, expect, readCsv, fullScreenshot, mapReady, tapStation, sitePage } from './support.mjs';
import { startReceiver } from './open311-receiver.mjs';
import { readFileSync } from 'node:fs';

const stations = readCsv('data/stations.csv');
const authorities = readCsv('data/authorities.csv');
// An operating village point in 阳城县 (140522), whose authority answers on 0356-12305.
const station = stations.find((s) => s.admin_code.startsWith('140522') && s.tier === 'village_point' && s.status === 'operating');
const authority = authorities.find((a) => station.admin_code.startsWith(a.jurisdiction_code));

/** Yesterday in China, as `<input type="date">` takes it. */
const yesterday = new Date(Date.now() + 8 * 3600_000 - 86400_000).toISOString().slice(0, 10);

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>收费 & "引号" </textarea>';

// The receiver listens on a port of its own, which the built site's Content-Security-Policy does
// not name (only what config.json names at build time is allowed): these tests lift the policy.
// csp.spec.mjs checks the policy itself, and that a receiver it does not name is never reached.
test.use({ bypassCSP: true });

/** The site configuration with an Open311 endpoint (and no tiles). */
async function withOpen311(page, endpoint) {
  await page.route('**/config.json', (route) => route.fulfill({ json: { data: 'data/', tiles: null, open311: { endpoint } } }));
}

/** Fills an illegal-fee complaint about the station; personal data only when asked. */
async function fillIllegalFee(page, { personal = false, consent = true, description = '取件时被要求每件交 2 元。' } = {}) {
  await page.goto(`/complaint?station=${station.id}`);
  await expect(page.getByTestId('complaint-station')).toHaveText(station.name);
  await page.locator('input[name="category"][value="illegal_fee"]').check();
  await expect(page.getByTestId('picked-station_id')).toContainText(station.name);
  await page.getByTestId('f-date').fill(yesterday);
  await page.getByTestId('f-amount').fill('2');
  await page.getByTestId('f-description').fill(description);
  if (personal) {
    await page.getByTestId('f-name').fill('张三');
    await page.getByTestId('f-phone').fill('13812345678');
    // The consent question is asked only where personal data leaves the device (Open311).
    const box = page.getByTestId('f-consent');
    if (consent && await box.isVisible()) await box.check();
  }
}

async function storage(page) {
  return page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
}

test.describe('complaints', () => {
  let receiver;
  test.afterEach(async () => { if (receiver) await receiver.close(); receiver = undefined; });

  test('a complaint reaches the Open311 receiver with the right fields, and its reference is kept', async ({ page }) => {
    receiver = await startReceiver();
    await withOpen311(page, receiver.endpoint);
    await fillIllegalFee(page, { personal: true, consent: false });
    await expect(page.getByTestId('way-open311')).toBeChecked();
    // Name and phone would leave the device: not without consent.
    await page.getByTestId('complaint-submit').click();
    await expect(page.getByTestId('error-consent')).toBeVisible();
    expect(receiver.state.posts).toHaveLength(0);
    await page.getByTestId('f-consent').check();
    await page.getByTestId('complaint-submit').click();
    await expect(page.getByTestId('sent-status')).toContainText('CD-1');

    expect(receiver.state.posts).toHaveLength(1);
    const { fields, contentType } = receiver.state.posts[0];
    expect(contentType).toContain('application/x-www-form-urlencoded');
    expect(fields.service_code).toBe('illegal_fee');
    expect(Number(fields.lat)).toBeCloseTo(Number(station.lat), 6);
    expect(Number(fields.long)).toBeCloseTo(Number(station.lon), 6);
    expect(fields.address_string).toContain(station.name);
    expect(fields.description).toBe('取件时被要求每件交 2 元。');
    expect(fields['attribute[station_id]']).toBe(station.id);
    expect(fields['attribute[amount]']).toBe('2.00');
    expect(fields['attribute[date]']).toBe(yesterday);
    expect(fields['attribute[client_request_id]']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(fields.phone).toBe('13812345678');
    expect(fields.last_name + (fields.first_name ?? '')).toContain('张');

    // "My complaints" shows it with the channel, the time and the reference.
    await page.getByTestId('my-complaints-link').click();
    const record = page.getByTestId('complaint-record');
    await expect(record).toHaveCount(1);
    await expect(record).toHaveAttribute('data-state', 'delivered');
    await expect(record).toContainText('违规收费');
    await expect(record).toContainText('在线提交');
    await expect(record).toContainText('CD-1');
    await expect(record).toContainText(station.name);
    // Personal data never went into a URL.
    expect(page.url()).not.toContain('13812345678');
    await fullScreenshot(page, 'tests/e2e/out/screens/my-complaints-360.png');
  });

  test.describe('when the receiver or the network fails', () => {
    // The browser logs each failed request; that is the point of these tests.
    test.use({ allowConsoleErrors: true });

    test('the receiver failing with 500 then taking it ends with exactly one stored complaint', async ({ page }) => {
      receiver = await startReceiver({ plan: [500] });
      await withOpen311(page, receiver.endpoint);
      await fillIllegalFee(page);
      await page.getByTestId('complaint-submit').click();
      await expect(page.getByTestId('sent-status')).toContainText('自动重发');
      await expect(page.getByTestId('pending-badge').first()).toHaveText('1');
      // The outbox retries on its own (first after 5 s) and the second attempt is taken.
      await expect(page.getByTestId('sent-status')).toContainText('CD-1', { timeout: 20_000 });
      expect(receiver.state.posts).toHaveLength(2);
      expect(receiver.state.stored).toHaveLength(1);
      const ids = receiver.state.posts.map((p) => p.fields['attribute[client_request_id]']);
      expect(ids[0]).toBe(ids[1]);
      await expect(page.getByTestId('pending-badge')).toHaveCount(0);
    });

    /** Submits offline, so that the complaint waits in the outbox. */
    async function leaveWaiting(page, context) {
      receiver = await startReceiver();
      await withOpen311(page, receiver.endpoint);
      await fillIllegalFee(page);
      await context.setOffline(true);
      await page.getByTestId('complaint-submit').click();
      await expect(page.getByTestId('sent-status')).toContainText('自动重发');
    }

    /** The page is closed offline; the next visit, online, opens the map. */
    async function nextVisit(page, context) {
      const next = await sitePage(await context.newPage());
      await page.close();
      await context.setOffline(false);
      await next.goto('/');
      await mapReady(next);
      return next;
    }

    test('offline, the complaint waits in the outbox and is delivered once when back online', async ({ page, context }) => {
      await leaveWaiting(page, context);
      await page.getByTestId('my-complaints-link').click();
      await expect(page.getByTestId('complaint-record')).toHaveAttribute('data-state', 'queued');
      expect(receiver.state.posts).toHaveLength(0);
      // The outbox survives a reload (from the cache of the page itself once online again).
      const kept = await storage(page);
      expect(kept['cundi-complaints']).toContain('queued');

      await context.setOffline(false);
      await expect(page.getByTestId('complaint-record')).toHaveAttribute('data-state', 'delivered');
      await expect(page.getByTestId('complaint-record')).toContainText('CD-1');
      // A reload afterwards sends nothing again.
      await page.reload();
      await expect(page.getByTestId('complaint-record')).toHaveAttribute('data-state', 'delivered');
      expect(receiver.state.posts).toHaveLength(1);
      expect(receiver.state.stored).toHaveLength(1);
    });

    test('a complaint left waiting is sent from the map on the next visit, no complaint page opened', async ({ page, context }) => {
      await leaveWaiting(page, context);
      // The outbox's code comes with the complaint chunk, which the map fetches because a
      // complaint waits. The badge counts it until its retry (5 s after the failed attempt).
      const next = await nextVisit(page, context);
      await expect(next.getByTestId('pending-badge')).toHaveText('1');
      await expect.poll(() => receiver.state.stored.length, { timeout: 15_000 }).toBe(1);
      await expect(next.getByTestId('pending-badge')).toHaveCount(0);
      expect(receiver.state.posts).toHaveLength(1);
    });

    test('a complaint whose page closed while it was being sent is sent again at once on the next visit', async ({ page, context }) => {
      await leaveWaiting(page, context);
      // The outbox as a page leaves it when it closes with the request on its way.
      const id = await page.evaluate(() => {
        const records = JSON.parse(localStorage.getItem('cundi-complaints'));
        records[0].state = { kind: 'sending', since_ms: Date.now() };
        records[0].next_attempt_ms = null;
        localStorage.setItem('cundi-complaints', JSON.stringify(records));
        return records[0].complaint.client_request_id;
      });
      const next = await nextVisit(page, context);
      // At once: not after the two minutes a request in flight is given before it counts as lost.
      await expect.poll(() => receiver.state.stored.length, { timeout: 10_000 }).toBe(1);
      expect(receiver.state.posts.map((p) => p.fields['attribute[client_request_id]'])).toEqual([id]);
      await expect(next.getByTestId('pending-badge')).toHaveCount(0);
    });
  });

  test('pressing submit twice sends once', async ({ page }) => {
    receiver = await startReceiver();
    await withOpen311(page, receiver.endpoint);
    await fillIllegalFee(page);
    await page.getByTestId('complaint-form').evaluate((form) => { form.requestSubmit(); form.requestSubmit(); });
    await expect(page.getByTestId('sent-status')).toContainText('CD-1');
    await page.getByTestId('my-complaints-link').click();
    await expect(page.getByTestId('complaint-record')).toHaveCount(1);
    expect(receiver.state.posts).toHaveLength(1);
  });

  test('the choices are drawn where they stay, so a tap lands where it was aimed', async ({ page }) => {
    // The page's code arrives before the data's summary, which brings the notice above every
    // page and the station's name: the form waits for them rather than move when they come.
    await page.addInitScript(() => {
      const watch = () => {
        const radio = document.querySelector('input[name="category"][value="illegal_fee"]');
        if (radio?.getBoundingClientRect().height) window.__firstY = radio.getBoundingClientRect().y;
        else requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/data/summary.json', async (route) => { await held; await route.continue(); });
    const code = page.waitForResponse(/split_complaint[^/]*\.wasm$/);
    await page.goto(`/complaint?station=${station.id}`);
    await code;
    await page.waitForTimeout(300);
    release();
    await expect(page.getByTestId('complaint-station')).toHaveText(station.name);
    await expect(page.getByTestId('illustrative-notice')).toBeVisible();
    const radio = page.locator('input[name="category"][value="illegal_fee"]');
    expect((await radio.boundingBox()).y).toBe(await page.evaluate(() => window.__firstY));
  });

  test('a summary that never comes does not keep the form from the citizen', async ({ page }) => {
    await page.route('**/data/summary.json', () => {});
    await page.goto(`/complaint?station=${station.id}`);
    await expect(page.getByTestId('loading')).toBeVisible();
    // After 2 s (chunks::SETTLE_MS) the form is there, its station still loading.
    await page.locator('input[name="category"][value="illegal_fee"]').check();
    await expect(page.getByTestId('complaint-station-pending')).toBeVisible();
    await page.getByTestId('f-description').fill('取件时被要求每件交 2 元。');
    await page.reload();
    await expect(page.getByTestId('f-description')).toHaveValue('取件时被要求每件交 2 元。');
  });

  test('a reload while typing brings the draft back; nothing typed goes into the URL', async ({ page }) => {
    await page.goto(`/complaint?station=${station.id}`);
    await page.locator('input[name="category"][value="non_delivery"]').check();
    await page.getByTestId('f-waybill').fill('YT 1234 5678 90');
    await page.getByTestId('f-brand').fill('圆通速递');
    await page.getByTestId('f-description').fill('快递没有送到村里，被放在了镇上的超市。');
    await page.getByTestId('f-name').fill('李四');
    await page.getByTestId('f-phone').fill('139 0000 1111');
    await page.reload();
    await expect(page.locator('input[name="category"][value="non_delivery"]')).toBeChecked();
    await expect(page.getByTestId('f-waybill')).toHaveValue('YT 1234 5678 90');
    await expect(page.getByTestId('f-brand')).toHaveValue('圆通速递');
    await expect(page.getByTestId('f-description')).toHaveValue('快递没有送到村里，被放在了镇上的超市。');
    await expect(page.getByTestId('f-name')).toHaveValue('李四');
    await expect(page.getByTestId('picked-station_id')).toContainText(station.name);
    expect(page.url()).not.toMatch(/%E6%9D%8E|李四|1390000|waybill|YT/);
    // A QR code or station link for another point does not overwrite the draft: it offers to switch.
    const other = stations.find((s) => s.id !== station.id && s.status === 'operating');
    await page.goto(`/complaint?station=${other.id}`);
    await expect(page.getByTestId('picked-station_id')).toContainText(station.name);
    await expect(page.getByTestId('draft-other-station')).toBeVisible();
    await page.getByTestId('draft-other-station').getByRole('button').click();
    await expect(page.getByTestId('picked-station_id')).toContainText(other.name);
    await expect(page.getByTestId('f-description')).toHaveValue('快递没有送到村里，被放在了镇上的超市。');
  });

  test('errors appear next to their fields, in the reader\'s language', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/complaint?station=${station.id}`);
    await page.locator('input[name="category"][value="illegal_fee"]').check();
    await page.getByTestId('f-amount').fill('-3');
    await page.getByTestId('f-phone').fill('12345');
    await page.getByTestId('complaint-submit').click();
    const summary = page.getByTestId('complaint-errors');
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(page.getByTestId('error-date')).toHaveText('此项必填');
    await expect(page.getByTestId('error-amount')).toBeVisible();
    await expect(page.getByTestId('error-phone')).toContainText('手机号码');
    await expect(page.getByTestId('f-phone')).toHaveAttribute('aria-invalid', 'true');
    await fullScreenshot(page, 'tests/e2e/out/screens/complaint-errors-360.png');
    await page.getByTestId('lang-switch').click();
    await expect(page.getByTestId('error-date')).toHaveText(/required/i);
    // Corrected, the error goes away without another submit.
    await page.getByTestId('f-date').fill(yesterday);
    await expect(page.getByTestId('error-date')).toBeHidden();
  });

  test('a waybill with its brand typed in is taken; a wrong character is named', async ({ page }) => {
    await page.goto(`/complaint?station=${station.id}`);
    await page.locator('input[name="category"][value="illegal_fee"]').check();
    const waybill = page.getByTestId('f-waybill');
    await waybill.fill('YT 1234#5678');
    await page.getByTestId('complaint-submit').click();
    await expect(page.getByTestId('error-waybill')).toContainText('“#”');
    await waybill.fill('运单 12345678');
    await expect(page.getByTestId('error-waybill')).toContainText('“运单”不是快递品牌');
    // As people copy it from an app: the brand first, spaces between the digits.
    await waybill.fill('中通 7531 2345 6789');
    await expect(page.getByTestId('error-waybill')).toBeHidden();
  });

  test('a description full of HTML and script is kept and shown as text, and nothing runs', async ({ page }) => {
    receiver = await startReceiver();
    await withOpen311(page, receiver.endpoint);
    await fillIllegalFee(page, { description: HOSTILE });
    await page.getByTestId('complaint-submit').click();
    await expect(page.getByTestId('sent-status')).toContainText('CD-1');
    expect(receiver.state.stored[0].description).toBe(HOSTILE);
    await page.getByTestId('sent-letter-link').click();
    const letter = page.getByTestId('letter');
    await expect(letter).toContainText(HOSTILE);
    await expect(letter.locator('img, script')).toHaveCount(0);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  });

  test('the e-mail link carries the complaint to the county authority, without personal data', async ({ page }) => {
    // The demo publishes no e-mail addresses; this test gives the county's authority one.
    await page.route('**/data/summary.json', async (route) => {
      const response = await route.fetch();
      const summary = await response.json();
      for (const a of summary.authorities) if (a.jurisdiction_code === authority.jurisdiction_code) a.email = 'shensu@example.gov.cn';
      await route.fulfill({ response, json: summary });
    });
    await fillIllegalFee(page, { personal: true });
    await page.getByTestId('way-email').check();
    await page.getByTestId('complaint-submit').click();
    const link = page.getByTestId('mailto-link');
    const href = await link.getAttribute('href');
    expect(href.startsWith('mailto:shensu@example.gov.cn?')).toBe(true);
    expect(href.length).toBeLessThanOrEqual(2000);
    const params = new URLSearchParams(href.slice(href.indexOf('?') + 1));
    expect(params.get('subject')).toContain('违规收费');
    const body = params.get('body');
    expect(body).toContain('取件时被要求每件交 2 元。');
    expect(body).toContain(station.name);
    expect(body).toContain('2.00');
    // A mailto link is a URL: the name and phone stay out of it.
    expect(href).not.toContain('13812345678');
    expect(body).not.toContain('张三');
  });

  test('the letter prints and downloads as .txt and .json with the complaint', async ({ page }) => {
    await fillIllegalFee(page, { personal: true });
    await expect(page.getByTestId('way-letter')).toBeChecked();
    await page.getByTestId('complaint-submit').click();
    const letter = page.getByTestId('letter');
    await expect(letter).toContainText('取件时被要求每件交 2 元。');
    await expect(letter).toContainText(station.name);
    await expect(letter).toContainText(authority.phone);
    await expect(letter).toContainText('13812345678');
    await page.setViewportSize({ width: 360, height: 740 });
    await fullScreenshot(page, 'tests/e2e/out/screens/letter-360.png');

    const [txt] = await Promise.all([page.waitForEvent('download'), page.getByTestId('letter-download-txt').click()]);
    expect(txt.suggestedFilename()).toMatch(/\.txt$/);
    const text = readFileSync(await txt.path(), 'utf8');
    expect(text).toContain('取件时被要求每件交 2 元。');
    expect(text).toContain(authority.phone);

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('letter-download-json').click()]);
    const data = JSON.parse(readFileSync(await json.path(), 'utf8'));
    expect(data.category).toBe('illegal_fee');
    expect(data.station_id).toBe(station.id);
    expect(data.amount).toBe('2.00');

    // Printed, only the letter shows.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.getByTestId('letter-print')).toBeHidden();
    await expect(letter).toBeVisible();
  });

  test('the letter opens at its top saying it is ready; its text copies; it is in Chinese in English mode too', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/complaint?station=${station.id}`);
    await page.getByTestId('lang-switch').click();
    await fillIllegalFee(page, { personal: false });
    await page.getByTestId('complaint-submit').click();
    const ready = page.getByTestId('letter-ready');
    await expect(ready).toContainText('Your letter of appeal is ready');
    // At the top: the page has not kept the form's scroll position.
    await expect.poll(() => page.evaluate(() => document.getElementById('main').scrollTop)).toBe(0);
    await expect(ready).toBeInViewport();
    // No name: the page says what that means for the answer.
    await expect(page.getByTestId('letter-anonymous')).toContainText('cannot answer you');
    // The letter itself is Chinese, with an English reading beside it for the citizen.
    const letter = page.getByTestId('letter');
    await expect(letter).toHaveAttribute('lang', 'zh-CN');
    await expect(letter).toContainText('取件时被要求每件交 2 元。');
    await expect(letter).toContainText('申诉');
    await page.getByTestId('letter-reading').locator('summary').click();
    await expect(page.getByTestId('letter-en')).toBeVisible();
    // Copy: the clipboard holds the letter's text, as the .txt download has it.
    await page.getByTestId('letter-copy').click();
    await expect(page.getByTestId('letter-copied')).toContainText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('取件时被要求每件交 2 元。');
    expect(copied).toContain(station.name);
    const [txt] = await Promise.all([page.waitForEvent('download'), page.getByTestId('letter-download-txt').click()]);
    expect(readFileSync(await txt.path(), 'utf8')).toBe(copied);
    await fullScreenshot(page, 'tests/e2e/out/screens/letter-ready-en-360.png');
  });

  test('"erase" leaves nothing in the browser\'s storage', async ({ page }) => {
    await fillIllegalFee(page, { personal: true });
    await page.getByTestId('complaint-submit').click();
    await expect(page.getByTestId('letter')).toBeVisible();
    // A new draft, half typed.
    await page.goto('/complaint');
    await page.locator('input[name="category"][value="delay"]').check();
    await page.getByTestId('f-description').fill('又一件');
    expect(Object.keys(await storage(page)).length).toBeGreaterThan(0);

    await page.goto('/complaints');
    await expect(page.getByTestId('complaint-record')).toHaveCount(1);
    await page.getByTestId('erase-all').click();
    await page.getByTestId('erase-all-yes').click();
    await expect(page.getByTestId('erase-done')).not.toBeEmpty();
    await expect(page.getByTestId('complaint-record')).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    // Nothing comes back on the next visit.
    await page.goto('/complaint');
    await expect(page.locator('input[name="category"]:checked')).toHaveCount(0);
    await page.goto('/complaints');
    await expect(page.getByTestId('my-complaints-empty')).toBeVisible();
    // Not even the interface language: it is written only when the visitor chooses one.
    expect(await storage(page)).toEqual({});
  });

  test('a category the receiver does not take goes as a letter, never to the receiver', async ({ page }) => {
    receiver = await startReceiver({ categories: ['non_delivery', 'illegal_fee'] });
    await withOpen311(page, receiver.endpoint);
    // What the receiver takes is known once its services.json has arrived.
    const services = page.waitForResponse((r) => r.url().endsWith('/services.json'));
    await page.goto(`/complaint?station=${station.id}`);
    await services;
    await page.locator('input[name="category"][value="other"]').check();
    await page.getByTestId('f-description').fill('其他问题');
    await expect(page.getByTestId('way-not-taken')).toBeVisible();
    await expect(page.getByTestId('way-letter')).toBeChecked();
    await page.getByTestId('complaint-submit').click();
    await expect(page).toHaveURL(/\/letter\//);
    expect(receiver.state.posts).toHaveLength(0);
  });

  test('a county authority\'s own Open311 endpoint (authorities.csv) is used without site configuration', async ({ page }) => {
    receiver = await startReceiver();
    await page.route('**/data/summary.json', async (route) => {
      const response = await route.fetch();
      const summary = await response.json();
      for (const a of summary.authorities) if (a.jurisdiction_code === authority.jurisdiction_code) a.open311_endpoint = receiver.endpoint;
      await route.fulfill({ response, json: summary });
    });
    await fillIllegalFee(page);
    await expect(page.getByTestId('way-open311')).toBeChecked();
    await page.getByTestId('complaint-submit').click();
    await expect(page.getByTestId('sent-status')).toContainText('CD-1');
    expect(receiver.state.stored).toHaveLength(1);
    // Another county's station has no endpoint: the letter is what is offered.
    const elsewhere = stations.find((s) => !s.admin_code.startsWith(authority.jurisdiction_code) && s.status === 'operating');
    await page.getByTestId('complaint-new').click();
    await page.goto(`/complaint?station=${elsewhere.id}`);
    await page.locator('input[name="category"][value="delay"]').check();
    await expect(page.getByTestId('way-open311')).toBeHidden();
    await expect(page.getByTestId('way-letter')).toBeChecked();
  });

  test('from a village page: a frequency shortfall about the village and the point that serves it', async ({ page }) => {
    const villages = readCsv('data/villages.csv');
    const village = villages.find((v) => v.served_by && v.deliveries_per_week && Number(v.deliveries_per_week) < 7
      && stations.find((s) => s.id === v.served_by && s.status === 'operating'));
    const serving = stations.find((s) => s.id === village.served_by);
    await page.goto(`/village/${village.code}`);
    await page.getByTestId('complain-link').click();
    await expect(page.getByTestId('complaint-station')).toHaveText(serving.name);
    await page.locator('input[name="category"][value="frequency_shortfall"]').check();
    await expect(page.getByTestId('picked-village_code')).toContainText(village.name);
    await page.getByTestId('f-actual_days_per_week').fill('8');
    await page.getByTestId('complaint-submit').click();
    await expect(page.getByTestId('error-actual_days_per_week')).toBeVisible();
    await page.getByTestId('f-actual_days_per_week').fill('2');
    await page.getByTestId('complaint-submit').click();
    const letter = page.getByTestId('letter');
    await expect(letter).toContainText(village.name);
    await expect(letter).toContainText('服务频次不足');
    await expect(letter).toContainText('2');
  });

  test('from the map: a tapped station\'s panel opens the form about it', async ({ page }) => {
    await page.goto('/');
    await mapReady(page);
    await tapStation(page, station.id);
    await expect(page.getByTestId('station-details')).toContainText(station.name);
    await page.getByTestId('details-complain-link').click();
    await expect(page.getByTestId('complaint-station')).toHaveText(station.name);
  });
});
