// Benchmark: the main thread's long tasks on a first visit, in a real browser with the CPU 4×
// slower (as Lighthouse's phone profile), and the blocking time they add up to. Lighthouse's TBT
// is a simulation from one observed load and moves by a factor of two from run to run
// (bench/RESULTS.md, "The first visit on 2026-12-07"); this counts the long tasks Chromium itself
// reports, over several cold loads, so that a change to what the wasm does at start can be
// compared with the build before it in the same hour. Each task's time over 50 ms after the first
// contentful paint is blocking time, as in TBT (Lighthouse also stops at "interactive"; this
// counts every long task in the first 6 s).
// Run after `trunk build --release --offline`, with one or more built sites to compare:
//   node bench/long-tasks.mjs ROUTE RUNS DIST [DIST…]
// e.g. node bench/long-tasks.mjs /area/140522 7 dist /tmp/dist-before
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [route = '/', runsArg = '5', ...dists] = process.argv.slice(2);
const runs = Number(runsArg);
if (!route.startsWith('/') || !(runs > 0)) {
  console.error('usage: node bench/long-tasks.mjs ROUTE RUNS DIST [DIST…]');
  process.exit(2);
}
if (dists.length === 0) dists.push('dist');
for (const dist of dists) {
  if (!existsSync(path.join(dist, 'index.html'))) {
    console.error(`${dist}: no index.html (run trunk build --release --offline first)`);
    process.exit(1);
  }
}
const port = Number(process.env.LT_PORT || 4195);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });

/** One cold load: the long tasks [start, duration] and the first contentful paint, in ms. */
async function load(base) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(base + route);
  await page.waitForTimeout(6000);
  const result = await page.evaluate(() => ({
    tasks: window.__longTasks,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
  }));
  await context.close();
  return result;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const servers = dists.map((dist, i) => spawn(path.join(root, 'node_modules/.bin/sirv'),
  [dist, '--single', '--port', String(port + i), '--host', '127.0.0.1', '--quiet'], { stdio: 'ignore' }));
try {
  for (let i = 0; i < dists.length; i++) {
    const base = `http://127.0.0.1:${port + i}`;
    for (let t = 0; t < 100; t++) {
      try { if ((await fetch(base)).ok) break; } catch { /* not up yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  // The builds in turn, run for run, so that the machine's drift falls on each alike.
  const blocking = dists.map(() => []);
  const longest = dists.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (let i = 0; i < dists.length; i++) {
      const { tasks, fcp } = await load(`http://127.0.0.1:${port + i}`);
      const after = tasks.filter(([start]) => start >= fcp);
      blocking[i].push(after.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0));
      longest[i].push(Math.max(0, ...tasks.map(([, d]) => d)));
      console.log(`${dists[i]} run ${run + 1}: FCP ${Math.round(fcp)} ms, long tasks ${tasks.map(([s, d]) => `${d} ms at ${s}`).join(', ') || 'none'}`);
    }
  }
  console.log(`\n| build | ${route}: blocking time after FCP, CPU 4× (median of ${runs}) | longest task | runs |`);
  console.log('| --- | --- | --- | --- |');
  for (let i = 0; i < dists.length; i++) {
    console.log(`| ${dists[i]} | ${median(blocking[i])} ms | ${median(longest[i])} ms | ${blocking[i].join(', ')} |`);
  }
} finally {
  await browser.close();
  for (const s of servers) s.kill();
}
