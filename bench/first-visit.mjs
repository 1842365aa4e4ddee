// Benchmark: what a first visit to each page downloads, measured in a real browser rather than
// read off index.html. Each page is opened in a new browser context (nothing cached, the service
// worker blocked) and every response is recorded until the page is drawn and the network has
// been quiet for a second; each file is then sized as a static host serves it, brotli at the
// highest quality, from the built site on disk. Code (HTML, JS, CSS, wasm) is counted against
// the budgets of issue 20 — the app shell (`/`, everything before the map is drawn) ≤ 250 KB and
// any other page ≤ 300 KB — and data (JSON, CSV, GeoJSON) is listed apart. Run after
// `trunk build --release --offline`:
//   node bench/first-visit.mjs [dist]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(root, process.argv[2] || 'dist');
const port = Number(process.env.FV_PORT || 4192);
const KB = 1024;
export const PAGES = [
  // [name, path, code budget in KB, what marks the page drawn]
  ['map', '/', 250, '[data-stations-drawn]'],
  ['station page', '/station/ts-140522100', 300, '[data-testid=station-page]'],
  ['complaint form', '/complaint?station=ts-140522100', 300, '[data-testid=complaint-form]'],
  ['area page', '/area/140522', 300, '[data-testid=area-page]'],
  ['targets', '/targets', 300, '[data-testid=targets-page]'],
];

const server = spawn(path.join(root, 'node_modules/.bin/sirv'), [dist, '--single', '--port', String(port), '--host', '127.0.0.1', '--quiet'], { cwd: root, stdio: 'ignore' });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
  try { if ((await fetch(base)).ok) break; } catch { /* not up yet */ }
  await new Promise((r) => setTimeout(r, 100));
}

const sizes = new Map();
/** The file a URL of the site is served from (index.html for a route), brotli-sized once. */
function sized(url) {
  let rel = decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
  let file = path.join(dist, rel);
  if (!rel || !existsSync(file) || statSync(file).isDirectory()) file = path.join(dist, 'index.html');
  if (!sizes.has(file)) {
    const bytes = readFileSync(file);
    const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    sizes.set(file, { file: path.relative(dist, file), raw: bytes.length, br });
  }
  return sizes.get(file);
}
const isCode = (f) => /\.(html|js|mjs|css|wasm)$/.test(f);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const rows = [];
try {
  for (const [name, route, budget, drawn] of PAGES) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    // No tiles: this machine reaches no tile server, and tiles are not the site's code.
    await page.route('**/config.json', async (r) => {
      const config = JSON.parse(readFileSync(path.join(dist, 'config.json'), 'utf8'));
      await r.fulfill({ json: { ...config, tiles: null } });
    });
    const seen = new Map();
    page.on('requestfinished', (request) => {
      const url = request.url();
      if (url.startsWith(base)) seen.set(new URL(url).pathname, sized(url));
    });
    await page.goto(base + route);
    await page.waitForSelector(drawn, { state: 'attached', timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    const files = [...seen.values()];
    const code = files.filter((f) => isCode(f.file));
    const data = files.filter((f) => !isCode(f.file));
    const sum = (list) => list.reduce((n, f) => n + f.br, 0);
    rows.push({ name, route, budget, code, data, codeBr: sum(code), dataBr: sum(data) });
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}

const kb = (n) => (n / KB).toFixed(1);
for (const r of rows) {
  console.log(`\n${r.name} (${r.route}): code ${kb(r.codeBr)} KB brotli (budget ${r.budget} KB) — ${r.codeBr <= r.budget * KB ? 'within budget' : 'OVER budget'}; data ${kb(r.dataBr)} KB`);
  for (const f of [...r.code].sort((a, b) => b.br - a.br)) console.log(`  ${kb(f.br).padStart(7)} KB br  ${kb(f.raw).padStart(7)} KB raw  ${f.file}`);
  console.log(`  data: ${r.data.map((f) => `${f.file} ${kb(f.br)}`).join(', ') || 'none'}`);
}
console.log('\n| page | code, brotli | budget | data, brotli |');
console.log('| --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.name} (\`${r.route}\`) | ${kb(r.codeBr)} KB | ${r.budget} KB | ${kb(r.dataBr)} KB |`);
