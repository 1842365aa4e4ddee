// Benchmark: from navigation to every demo point drawn on the map, with the CPU throttled 4×
// (Chrome DevTools' "4× slowdown"), against the 1.5 s budget (shared/design/BUDGETS.md). The built
// site (dist/) is served locally by sirv with brotli/gzip as a static host would; tiles are off, so
// the figure is the site's own work. Reports the median of several cold loads (a new browser
// context each time, so nothing is cached), and the spread.
//   node bench/map-load.mjs [runs=7] [dist]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] || 7);
const dist = process.argv[3] || 'dist';
const port = 4190;
const BUDGET_MS = 1500;

const server = spawn(path.join(root, 'node_modules/.bin/sirv'), [dist, '--single', '--port', String(port), '--host', '127.0.0.1', '--quiet'], { cwd: root, stdio: 'ignore' });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
  try { if ((await fetch(base)).ok) break; } catch { /* not up yet */ }
  await new Promise((r) => setTimeout(r, 100));
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const times = [];
let points = 0;
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.route('**/config.json', (route) => route.fulfill({ json: { data: 'data/', tiles: null } }));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const start = Date.now();
    await page.goto(base + '/');
    await page.waitForSelector('[data-stations-drawn]', { timeout: 60_000 });
    times.push(Date.now() - start);
    points = Number(await page.getAttribute('[data-testid=map]', 'data-stations-drawn'));
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`runs (ms): ${times.join(', ')}`);
console.log(`map with all ${points} demo points drawn, CPU 4× slower, median of ${runs}: ${median} ms (budget ${BUDGET_MS} ms) — ${median <= BUDGET_MS ? 'within budget' : 'OVER budget'}`);
