// Complaints reach a real complaint system and come back with its answers (issue 22), against a
// receiver that behaves like the GeoReport v2 documentation (georeport-receiver.mjs): its own
// codes, a required key and jurisdiction, a service with required questions, a batch service
// answering with a token, and a request closed later with a note that shows in "My complaints".
import { test, expect, readCsv, fullScreenshot } from './support.mjs';
import { startGeoReport, API_KEY, JURISDICTION, SERVICE_CODES } from './georeport-receiver.mjs';

const stations = readCsv('data/stations.csv');
const station = stations.find((s) => s.admin_code.startsWith('140522') && s.tier === 'village_point' && s.status === 'operating');
const yesterday = new Date(Date.now() + 8 * 3600_000 - 86400_000).toISOString().slice(0, 10);

// The receiver's port is not in the built site's policy (csp.spec.mjs checks the policy).
test.use({ bypassCSP: true });

/** config.json as a deployment writes it for this receiver. */
async function configure(page, endpoint, { apiKey = API_KEY } = {}) {
  await page.route('**/config.json', (route) => route.fulfill({
    json: {
      data: 'data/',
      tiles: null,
      open311: { endpoint, api_key: apiKey, jurisdiction_id: JURISDICTION, service_codes: SERVICE_CODES },
    },
  }));
}

async function startComplaint(page, category) {
  const services = page.waitForResponse((r) => r.url().includes('/services.json'));
  await page.goto(`/complaint?station=${station.id}`);
  await expect(page.getByTestId('complaint-station')).toHaveText(station.name);
  await services;
  await page.locator(`input[name="category"][value="${category}"]`).check();
  await page.getByTestId('f-date').fill(yesterday);
}

test.describe('an Open311 receiver of its own', () => {
  let receiver;
  test.afterEach(async () => { if (receiver) await receiver.close(); receiver = undefined; });

  test('its questions are asked, kept in the draft, checked and sent; its answer comes back in "My complaints"', async ({ page }) => {
    receiver = await startGeoReport();
    await configure(page, receiver.endpoint);
    await startComplaint(page, 'illegal_fee');
    await page.getByTestId('f-amount').fill('2');
    const questions = page.getByTestId('service-questions');
    await expect(questions).toBeVisible();
    // In the receiver's order, its information first, each question with its own words.
    await expect(questions.locator('.question-info')).toHaveText('请保留收费凭证（收据、转账记录）。');
    await expect(questions.locator('.field-label')).toHaveText([/付款方式/, /被收费的快件件数/, /当时在场的人/, /付款时间/]);
    await expect(questions).toContainText('填写数字');

    // Unanswered required questions: errors beside them and in the summary, nothing sent.
    await page.getByTestId('complaint-submit').click();
    const summary = page.getByTestId('complaint-errors');
    await expect(summary).toContainText('付款方式');
    await expect(summary).toContainText('被收费的快件件数');
    await expect(page.locator('[data-question="PAYMENT"] .field-error')).toBeVisible();
    expect(receiver.state.posts).toHaveLength(0);

    await page.getByTestId('q-PAYMENT').selectOption({ label: '微信' });
    await page.getByTestId('q-HOWMANY').fill('三');
    await page.getByTestId('q-WITNESS-courier').check();
    await page.getByTestId('q-WITNESS-staff').check();
    await expect(page.locator('[data-question="HOWMANY"] .field-error')).toBeVisible();
    // A reload keeps every answer (the draft), and the questions come back with them.
    await page.getByTestId('q-HOWMANY').fill('３');
    await page.reload();
    await expect(page.getByTestId('q-PAYMENT')).toHaveValue('2');
    await expect(page.getByTestId('q-HOWMANY')).toHaveValue('３');
    await expect(page.getByTestId('q-WITNESS-staff')).toBeChecked();
    await fullScreenshot(page, 'tests/e2e/out/screens/complaint-questions-360.png');

    await page.getByTestId('complaint-submit').click();
    await expect(page.getByTestId('sent-status')).toContainText('638344');
    // The receiver's service_notice, as it said it.
    await expect(page.getByTestId('service-notice')).toContainText('已受理，将在 7 个工作日内答复。');
    expect(receiver.state.posts).toHaveLength(1);
    const f = receiver.state.posts[0];
    expect(f.get('jurisdiction_id')).toBe(JURISDICTION);
    expect(f.get('api_key')).toBe(API_KEY);
    expect(f.get('service_code')).toBe('002');
    expect(f.get('attribute[PAYMENT]')).toBe('2');
    expect(f.get('attribute[HOWMANY]')).toBe('3');
    expect(f.getAll('attribute[WITNESS][]')).toEqual(['staff', 'courier']);
    expect(f.getAll('attribute[PAID_AT]')).toEqual([]);
    expect(Number(f.get('lat'))).toBeCloseTo(Number(station.lat), 6);
    expect(Number(f.get('long'))).toBeCloseTo(Number(station.lon), 6);
    expect(f.get('attribute[client_request_id]')).toMatch(/^[0-9a-f-]{36}$/);

    // "My complaints" asks the receiver (with the jurisdiction) and shows it open.
    await page.getByRole('link', { name: '我的投诉' }).first().click();
    const record = page.getByTestId('complaint-record');
    await expect(record.getByTestId('remote-status')).toHaveText('处理中');
    await expect(record.getByTestId('remote-new')).toHaveCount(0);
    expect(receiver.state.gets.some((g) => g.path === 'requests/638344.json' && g.jurisdiction === JURISDICTION)).toBe(true);

    // Days later the office closes it with a note: the next visit shows it, marked new.
    receiver.state.close(638344, '经核实，站点已退还收取的费用，并对工作人员进行了批评教育。');
    await page.goto('/');
    await page.goto('/complaints');
    await expect(record.getByTestId('remote-status')).toHaveText('已办结');
    await expect(record.getByTestId('remote-notes')).toHaveText('经核实，站点已退还收取的费用，并对工作人员进行了批评教育。');
    await expect(record).toContainText('阳城县邮政管理局');
    await expect(record.getByTestId('remote-updated')).toContainText('2026-12-06 16:20');
    await expect(record.getByTestId('remote-new')).toBeVisible();
    await fullScreenshot(page, 'tests/e2e/out/screens/my-complaints-answer-360.png');
    // Once seen, it is not new any more.
    await page.locator('a.brand').click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto('/complaints');
    await expect(record.getByTestId('remote-status')).toHaveText('已办结');
    await expect(record.getByTestId('remote-new')).toHaveCount(0);
  });

  test('a batch service answers with a token, which "My complaints" exchanges for the request\'s id', async ({ page }) => {
    receiver = await startGeoReport();
    await configure(page, receiver.endpoint);
    await startComplaint(page, 'delay');
    await page.getByTestId('f-brand').fill('中通快递');
    await page.getByTestId('f-waybill').fill('ZT 7312 3456 7890');
    // Service 003 has no questions.
    await expect(page.getByTestId('service-questions')).toBeHidden();
    await page.getByTestId('complaint-submit').click();
    await expect(page.getByTestId('sent-status')).toContainText('T-638344');
    expect(receiver.state.posts[0].get('service_code')).toBe('003');

    await page.goto('/complaints');
    const record = page.getByTestId('complaint-record');
    await expect(record.getByTestId('record-status')).toContainText('638344');
    await expect(record.getByTestId('record-status')).not.toContainText('T-638344');
    await expect(record.getByTestId('remote-status')).toHaveText('处理中');
    expect(receiver.state.gets.map((g) => g.path)).toEqual(expect.arrayContaining(['tokens/T-638344.json', 'requests/638344.json']));
  });

  test.describe('when the receiver refuses or answers badly', () => {
    test.use({ allowConsoleErrors: true });

    test('a refused key is said to be the site\'s fault, the letter is offered, and the complaint goes once the key is put right', async ({ page }) => {
      receiver = await startGeoReport();
      await configure(page, receiver.endpoint, { apiKey: 'pk-expired' });
      await startComplaint(page, 'non_delivery');
      await page.getByTestId('f-brand').fill('中通快递');
      await page.getByTestId('f-waybill').fill('ZT7312345678');
      await page.getByTestId('complaint-submit').click();
      const status = page.getByTestId('sent-status');
      await expect(status).toContainText('接入密钥');
      await expect(status).toContainText('网站配置的问题');
      await expect(status).toContainText('投诉信');
      await expect(status).toContainText('Invalid api_key received');
      await expect(page.getByTestId('sent-letter-link')).toBeVisible();
      await page.setViewportSize({ width: 360, height: 740 });
      await page.getByTestId('complaint-sent').screenshot({ path: 'tests/e2e/out/screens/complaint-refused-key-360.png' });
      expect(receiver.state.posts[0].get('service_code')).toBe('001');

      // The deployment puts its key right: a retry sends the stored complaint with the new key.
      await page.unroute('**/config.json');
      await configure(page, receiver.endpoint);
      await page.goto('/complaints');
      const record = page.getByTestId('complaint-record');
      await expect(record).toHaveAttribute('data-state', 'rejected');
      await expect(record.getByTestId('record-status')).toContainText('网站配置的问题');
      await record.getByTestId('record-retry').click();
      await expect(record).toHaveAttribute('data-state', 'delivered');
      await expect(record.getByTestId('record-status')).toContainText('638344');
      expect(receiver.state.posts.at(-1).get('api_key')).toBe(API_KEY);
    });

    test('an answer that is not JSON, or far too large, keeps the complaint in the outbox to be sent again', async ({ page }) => {
      receiver = await startGeoReport({
        postAnswers: [
          { status: 200, body: '<html><body>请先登录 Wi-Fi</body></html>' },
          { status: 200, body: `[{"service_request_id":1,"x":"${'x'.repeat(1_100_000)}"}]` },
        ],
      });
      await configure(page, receiver.endpoint);
      await startComplaint(page, 'non_delivery');
      await page.getByTestId('f-brand').fill('中通快递');
      await page.getByTestId('f-waybill').fill('ZT7312345678');
      await page.getByTestId('complaint-submit').click();
      await page.goto('/complaints');
      const record = page.getByTestId('complaint-record');
      await expect(record).toHaveAttribute('data-state', 'queued');
      await expect(record.getByTestId('record-status')).toContainText('could not be read');
      await record.getByTestId('record-retry').click();
      await expect(record.getByTestId('record-status')).toContainText('too large');
      await expect(record).toHaveAttribute('data-state', 'queued');
      // The third answer is the receiver's own: delivered, once, with the same request id.
      await record.getByTestId('record-retry').click();
      await expect(record).toHaveAttribute('data-state', 'delivered');
      const ids = receiver.state.posts.map((f) => f.get('attribute[client_request_id]'));
      expect(new Set(ids).size).toBe(1);
      expect(receiver.state.requests.size).toBe(1);
    });
  });

  test('a category the receiver does not take goes by letter, and the form says why', async ({ page }) => {
    receiver = await startGeoReport();
    await configure(page, receiver.endpoint);
    await startComplaint(page, 'service_attitude');
    await expect(page.getByTestId('way-not-taken')).toContainText('服务态度');
    await expect(page.getByTestId('way-open311')).toBeHidden();
    await expect(page.getByTestId('way-letter')).toBeChecked();
    // Switching to a category it takes offers it again.
    await page.locator('input[name="category"][value="non_delivery"]').check();
    await expect(page.getByTestId('way-not-taken')).toBeHidden();
    await expect(page.getByTestId('way-open311')).toBeChecked();
  });
});
