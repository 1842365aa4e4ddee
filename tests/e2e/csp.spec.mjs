// The Content-Security-Policy the build writes (cundi-data csp): no inline style, no eval but
// 'wasm-unsafe-eval', and no inline script but the boot script, allowed by its hash; every page
// works under it with no violation; and an Open311 receiver the policy does not name is never
// reached, while the complaint waits in the outbox.
import { createHash } from 'node:crypto';
import { test, expect } from './support.mjs';

const PAGES = [
  '/', '/?shade=daily', '/station/ts-140522100', '/station/ts-140522100/notice', '/village/140522100001',
  '/complaint', '/complaints', '/areas', '/area/140522', '/area/140522100', '/targets',
  '/tables/stations', '/tables/villages', '/data', '/changes', '/quality',
  '/data/dictionary', '/documents/yangcheng-2022-45?target=9',
];

/** Collects the page's CSP violations. */
async function watchViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}

test('the policy allows no inline code and names only what config.json names', async ({ page }) => {
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("style-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain("'unsafe-eval'");
  // public/config.json's tile server, and nothing else from outside.
  expect(policy).toContain("img-src 'self' data: https://tile.openstreetmap.org;");
  expect(policy).toContain("connect-src 'self';");
  // No script in the page but files of its own origin and the boot script (docs/FIRST-VISIT.md),
  // which the policy allows by its SHA-256 and which is the only one it allows so.
  const inline = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).map((s) => s.textContent));
  expect(inline).toHaveLength(1);
  const hash = createHash('sha256').update(inline[0], 'utf8').digest('base64');
  expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}';`);
});

test('every page works under the policy with no violation', async ({ page }) => {
  await watchViolations(page);
  for (const url of PAGES) {
    await page.goto(url);
    await expect(page.locator('main#main')).not.toBeEmpty(); // the site's, not the frame index.html painted first
    await expect(page.getByTestId('loading')).toHaveCount(0, { timeout: 15_000 });
    expect(await page.evaluate(() => window.__violations), url).toEqual([]);
  }
});

test.describe('a receiver the policy does not name', () => {
  test.use({ allowConsoleErrors: true });

  test('is never reached, and the complaint waits in the outbox', async ({ page }) => {
    let reached = 0;
    await page.route('http://127.0.0.1:9/**', (route) => { reached += 1; return route.abort(); });
    await page.route('**/config.json', (route) => route.fulfill({ json: { data: 'data/', tiles: null, open311: { endpoint: 'http://127.0.0.1:9/open311' } } }));
    await watchViolations(page);
    await page.goto('/complaint?station=ts-140522100');
    await expect(page.getByTestId('complaint-station')).toBeVisible();
    await page.locator('input[name="category"][value="illegal_fee"]').check();
    await page.getByTestId('f-date').fill(new Date(Date.now() + 8 * 3600_000 - 86400_000).toISOString().slice(0, 10));
    await page.getByTestId('f-amount').fill('2');
    await page.getByTestId('f-description').fill('取件时被要求每件交 2 元。');
    await page.getByTestId('complaint-submit').click();
    await expect(page.getByTestId('sent-status')).toContainText('自动重发');
    await page.getByTestId('my-complaints-link').click();
    await expect(page.getByTestId('complaint-record')).toHaveAttribute('data-state', 'queued');
    expect(await page.evaluate(() => window.__violations.join(' '))).toContain('connect-src');
    expect(reached).toBe(0);
  });
});
