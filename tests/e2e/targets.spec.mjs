// Targets read correctly (issue 24, point 9): each bar names its target and no label is cut, a
// target met only by the data's date says so, no pro-rata yardstick after a deadline, and each
// target links to its document's text with the quoted sentence marked.
import { test, expect, readCsv, root, fullScreenshot } from './support.mjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const targets = readCsv('data/targets.csv');
const AS_OF = '2026-11-22';

for (const [lang, width] of [['zh-CN', 360], ['en', 360], ['zh-CN', 1280]]) {
  test(`every bar names its target and fits the chart (${lang}, ${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    if (lang === 'en') await page.addInitScript(() => localStorage.setItem('cundi-lang', 'en'));
    await page.goto('/targets');
    const chart = page.getByTestId('chart-targets');
    const bars = chart.locator('g[role="listitem"]');
    await expect(bars.first()).toBeVisible();
    const n = await bars.count();
    // Every measured target has a bar (the not-measurable ones have no figure to draw).
    const measured = await page.locator('tbody tr[data-status]:not([data-status="not_measurable"])').count();
    expect(n).toBe(measured);
    for (let i = 0; i < n; i++) {
      const label = (await bars.nth(i).locator('text.chart-label').textContent()).replace(/\s+/g, ' ');
      // The deadline and the word for it: "期限 2022-09-30" / "by 2022-09-30".
      expect(label).toMatch(lang === 'en' ? /target .+ by \d{4}-\d{2}-\d{2}/ : /目标 .+，期限 \d{4}-\d{2}-\d{2}/);
    }
    // No line of any label or figure runs past the chart's 360 units.
    const widest = await chart.locator('svg').evaluate((svg) => {
      let max = 0;
      for (const t of svg.querySelectorAll('tspan, text.chart-value')) {
        const box = t.getBBox();
        max = Math.max(max, box.x + box.width);
      }
      return max;
    });
    expect(widest).toBeLessThanOrEqual(360);
    // Every deadline is before the data's date: no pace line, no "steady progress" sentence.
    await expect(chart.locator('.chart-mark')).toHaveCount(0);
    await expect(page.getByTestId('targets-table')).not.toContainText(lang === 'en' ? 'steady progress' : '匀速推进');
    if (width === 360) await fullScreenshot(page, `tests/e2e/out/screens/targets-chart-${lang}-360.png`);
  });
}

test('a target met by the data\'s date but after its deadline says so, and links to its quote', async ({ page }) => {
  await page.goto('/targets');
  const rows = page.getByTestId('targets-table').locator('tbody tr');
  await expect(rows).toHaveCount(targets.length);
  const met = rows.and(page.locator('[data-status="met"]'));
  const count = await met.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    // Every deadline in the demo is before its date, so every "met" is met as of that date.
    await expect(met.nth(i).getByTestId('target-status')).toHaveText(`截至 ${AS_OF} 已达成`);
    await expect(met.nth(i).getByTestId('target-met-late')).toContainText('不能说明是否按期达成');
  }
  // Each target links to its document's text.
  for (let i = 0; i < targets.length; i++) {
    await expect(rows.nth(i).getByTestId('target-doc-text')).toHaveAttribute('href', new RegExp(`^/documents/[a-z0-9-]+\\?target=${i}$`));
  }
});

test('the document\'s text is shipped and the target\'s quote is marked in it', async ({ page }) => {
  // 阳城's 60 % of villages by 2022-06-30, quoted word for word across a line break.
  const i = targets.findIndex((t) => t.jurisdiction_code === '140522' && t.indicator === 'village_point_coverage_pct' && t.target === '60');
  await page.goto('/targets');
  await page.getByTestId('targets-table').locator('tbody tr').nth(i).getByTestId('target-doc-text').click();
  await expect(page).toHaveURL(new RegExp(`/documents/yangcheng-2022-45\\?target=${i}$`));
  await expect(page.locator('h1')).toHaveText('阳政办发〔2022〕45号《阳城县农村寄递物流服务全覆盖实施方案》');
  await expect(page.getByTestId('document-quote')).toContainText(targets[i].note);
  const marks = page.getByTestId('document-text').locator('mark');
  await expect(marks.first()).toBeInViewport();
  const marked = (await marks.allTextContents()).join('').replace(/\s/g, '');
  expect(marked).toBe(targets[i].note.replace(/\s/g, ''));
  await expect(page.getByTestId('document-not-verbatim')).toHaveCount(0);
  // The text on the page is the file in the package, whole.
  const file = readFileSync(path.join(root, 'data/documents/yangcheng-2022-45.txt'), 'utf8');
  expect(await page.getByTestId('document-text').textContent()).toBe(file);
  // The targets citing it are listed, the chosen one marked as current.
  const cited = targets.filter((t) => t.doc_no === '阳政办发〔2022〕45号').length;
  await expect(page.getByTestId('document-targets').locator('li')).toHaveCount(cited);
  await expect(page.locator(`li[data-target="${i}"]`)).toHaveAttribute('aria-current', 'true');
  await page.setViewportSize({ width: 360, height: 740 });
  await fullScreenshot(page, 'tests/e2e/out/screens/document-360.png');

  // A quote that summarises rather than quotes says so, and marks nothing else.
  const j = targets.findIndex((t) => t.note.startsWith('力争2022年年底前实现20%以上'));
  await page.goto(`/documents/linzi-2022-22?target=${j}`);
  await expect(page.getByTestId('document-not-verbatim')).toBeVisible();
  await expect(page.getByTestId('document-text').locator('mark')).toHaveCount(0);

  // An unknown document is a page not found, not an empty page.
  await page.goto('/documents/no-such-document');
  await expect(page.getByTestId('not-found')).toBeVisible();
});

test('targets and complaint figures that cannot be read are said so where they are shown; the rest of the site works', async ({ page }) => {
  // The summary keeps both as text until a page asks (bundle::Unparsed): a summary whose targets
  // and complaint figures are not lists of them still loads, and only those parts say so.
  await page.route('**/data/summary.json', async (route) => {
    const response = await route.fetch();
    const summary = await response.json();
    summary.targets = [{ indicator: 'no_such_indicator' }];
    summary.complaint_stats = 'not a list';
    await route.fulfill({ response, json: summary });
  });
  await page.goto('/targets');
  const unreadable = page.getByTestId('summary-unreadable');
  await expect(unreadable).toBeVisible();
  await expect(unreadable).toContainText('数据摘要中的这一部分无法读取');
  // The word it did not take, not the list of every indicator it would have.
  await expect(unreadable).toContainText('no_such_indicator');
  await expect(unreadable).not.toContainText('expected one of');
  await expect(page.getByTestId('targets-met')).toHaveText('0');
  await page.goto('/area/140522');
  await expect(page.getByTestId('area-page')).toBeVisible();
  // The targets' section and the complaint figures' each say so.
  await expect(page.getByTestId('summary-unreadable')).toHaveCount(2);
  await expect(page.getByTestId('complaint-stats')).toHaveCount(0);
  // The map and a station's page do not read them at all.
  await page.goto('/');
  await expect(page.locator('[data-stations-drawn]')).toBeAttached();
  await expect(page.getByTestId('summary-unreadable')).toHaveCount(0);
});
