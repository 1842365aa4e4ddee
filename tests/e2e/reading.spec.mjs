// In English, place and station names carry their pinyin (issue 24, point 4): the Chinese name
// stays the name, the reading beside it, made by the core's rules (crates/core/src/search/reading.rs)
// from the pinyin the bundle already ships; in Chinese there is none.
import { test, expect, readCsv } from './support.mjs';

const english = (page) => page.addInitScript(() => localStorage.setItem('cundi-lang', 'en'));

test('a station, a village and a township read in pinyin beside their Chinese names', async ({ page }) => {
  await english(page);
  await page.goto('/station/ts-140522100');
  await expect(page.locator('h1')).toContainText('凤城镇快递综合服务站');
  await expect(page.locator('h1').getByTestId('reading')).toHaveText('Fengcheng Zhen Kuaidi Zonghe Fuwuzhan');
  await expect(page.locator('h1').getByTestId('reading')).toHaveAttribute('lang', 'zh-Latn-pinyin');

  await page.goto('/village/140522100236');
  await expect(page.locator('h1').getByTestId('reading')).toHaveText('Wozhuang Cunweihui');

  await page.goto('/area/140522100');
  await expect(page.locator('h1').getByTestId('reading')).toHaveText('Fengcheng Zhen');
  // Each of its villages in the list, with its reading.
  const villages = readCsv('data/villages.csv').filter((v) => v.township_code === '140522100');
  const list = page.getByTestId('township-villages').locator('tbody tr');
  await expect(list).toHaveCount(villages.length);
  await expect(list.getByTestId('reading')).toHaveCount(villages.length);
  await expect(page.locator('tr[data-code="140522100236"]').getByTestId('reading')).toHaveText('Wozhuang Cunweihui');

  // A county's townships.
  await page.goto('/area/140522');
  await expect(page.locator('h1').getByTestId('reading')).toHaveText('Yangcheng Xian');
  await expect(page.getByTestId('area-children').locator('tr[data-code="140522100"]').getByTestId('reading')).toHaveText('Fengcheng Zhen');
});

test('in Chinese there is no reading, and none is fetched', async ({ page }) => {
  const searchFiles = [];
  page.on('request', (r) => { if (r.url().endsWith('/search.json')) searchFiles.push(r.url()); });
  await page.goto('/station/ts-140522100');
  await expect(page.locator('h1')).toContainText('凤城镇快递综合服务站');
  await page.goto('/area/140522100');
  await expect(page.getByTestId('township-villages')).toBeVisible();
  await expect(page.getByTestId('reading')).toHaveCount(0);
  expect(searchFiles).toEqual([]);
});
