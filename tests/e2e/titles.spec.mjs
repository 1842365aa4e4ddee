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
