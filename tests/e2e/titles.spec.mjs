// Every page has its own <title> (issue 24, point 12): what it shows, then the site's name, in
// the reader's language, so that a tab, a bookmark and a shared link's preview say what it is.
import { test, expect, readCsv } from './support.mjs';

const stations = readCsv('data/stations.csv');
const villages = readCsv('data/villages.csv');
const divisions = readCsv('data/divisions.csv');
const name = (code) => divisions.find((d) => d.code === code).name;

test('each page names what it shows in its title', async ({ page }) => {
  const station = stations.find((s) => s.id === 'ts-140522100');
  const village = villages.find((v) => v.code === '140522100236');
  const pages = [
    ['/', /^村递 Cundi · 农村寄递服务网点公开地图$/],
    [`/station/${station.id}`, `${station.name} · 村递 Cundi`],
    [`/station/${station.id}/notice`, `${station.name} · 打印站点告示 · 村递 Cundi`],
    [`/village/${village.code}`, `${village.name} · ${name('140522100')} · 村递 Cundi`],
    ['/area/140522', `${name('140522')} · 村递 Cundi`],
    ['/areas', /^覆盖情况|^各地/],
    ['/targets', / · 村递 Cundi$/],
    ['/tables/stations', / · 村递 Cundi$/],
    ['/data/dictionary', /^数据字典 · 村递 Cundi$/],
    ['/documents/yangcheng-2022-45', /^阳政办发〔2022〕45号《阳城县农村寄递物流服务全覆盖实施方案》 · 村递 Cundi$/],
    ['/complaint', / · 村递 Cundi$/],
    ['/station/no-such-station', / · 村递 Cundi$/],
  ];
  const titles = new Set();
  for (const [path, expected] of pages) {
    await page.goto(path);
    if (typeof expected === 'string') await expect(page).toHaveTitle(expected);
    else await expect(page).toHaveTitle(path === '/areas' ? / · 村递 Cundi$/ : expected);
    titles.add(await page.title());
  }
  expect(titles.size, 'no two pages share a title').toBe(pages.length);

  // In English, in English.
  await page.goto(`/station/${station.id}`);
  await page.getByTestId('lang-switch').click();
  await expect(page).toHaveTitle(`${station.name} · 村递 Cundi`);
  await page.goto('/complaint');
  await expect(page).toHaveTitle(/^[\x20-\x7e]+ · 村递 Cundi$/);
});

test('"share this page" hands the phone its share sheet, or copies the link', async ({ page, context }) => {
  const station = stations.find((s) => s.id === 'ts-140522100');
  // A phone's browser: the share sheet, which the test stands in for.
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value(data) { window.__shared = data; return Promise.resolve(); },
    });
  });
  await page.goto(`/station/${station.id}`);
  await page.getByTestId('share-link').click();
  await expect.poll(() => page.evaluate(() => window.__shared)).toEqual({
    title: station.name,
    url: page.url(),
  });

  // A browser without one: the link goes on the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const plain = await context.newPage();
  await plain.addInitScript(() => { delete Navigator.prototype.share; });
  await plain.goto('/area/140522');
  await plain.getByTestId('share-link').click();
  await expect(plain.getByTestId('share-link-status')).toContainText('链接已复制');
  expect(await plain.evaluate(() => navigator.clipboard.readText())).toBe(plain.url());
});
