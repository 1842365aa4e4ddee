// Audits: Lighthouse (npm lighthouse, driving the local Chromium) on the map, a station page, the
// complaint form and a county's page (issue 20's four pages), on Lighthouse's default phone
// profile (a mid-range phone: CPU 4× slower, slow 4G simulated), for performance, accessibility
// and best practices. Run after
// `trunk build --release --offline`:
//   node bench/lighthouse.mjs [dist]
// The built site is copied to target/lighthouse/, precompressed (brotli and gzip, as a static
// host serves it) and served on localhost; its config.json draws no tiles, because this machine
// reaches no tile server and every failed tile would count as a console error.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = process.argv[2] || 'dist';
const site = 'target/lighthouse/site';
const port = Number(process.env.LH_PORT || 4191);
const PAGES = [
  ['map', '/'],
  ['station page', '/station/ts-140522100'],
  ['complaint form', '/complaint?station=ts-140522100'],
  ['area page', '/area/140522'],
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

rmSync('target/lighthouse', { recursive: true, force: true });
cpSync(dist, site, { recursive: true });
const config = JSON.parse(readFileSync(path.join(site, 'config.json'), 'utf8'));
writeFileSync(path.join(site, 'config.json'), JSON.stringify({ ...config, tiles: null }));
(function compress(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) { compress(file); continue; }
    if (!/\.(html|js|css|wasm|json|csv|geojson|svg|webmanifest)$/.test(name)) continue;
    const bytes = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  }
})(site);

const server = spawn('node_modules/.bin/sirv', [site, '--single', '--brotli', '--gzip', '--port', String(port), '--host', '127.0.0.1', '--quiet'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 1000));
const flags = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
].join(' ');
const rows = [];
try {
  for (const [name, url] of PAGES) {
    const out = `target/lighthouse/${name.replace(/ /g, '-')}.json`;
    execFileSync('node_modules/.bin/lighthouse', [
      `http://127.0.0.1:${port}${url}`, '--quiet', `--chrome-flags=${flags}`,
      `--only-categories=${CATEGORIES.join(',')}`, '--output=json', `--output-path=${out}`,
    ], { stdio: 'inherit', env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' } });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const score = (c) => Math.round(report.categories[c].score * 100);
    const metric = (id) => report.audits[id].displayValue;
    rows.push({
      name, url, scores: CATEGORIES.map(score),
      fcp: metric('first-contentful-paint'), lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'), cls: metric('cumulative-layout-shift'),
      failing: Object.values(report.categories).flatMap((c) => c.auditRefs)
        .filter((a) => a.weight > 0 && report.audits[a.id].score !== null && report.audits[a.id].score < 0.9)
        .map((a) => a.id),
    });
  }
} finally {
  server.kill();
}
console.log(`Lighthouse ${JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')).version}, phone profile (simulated slow 4G, CPU 4× slower)`);
console.log('| page | performance | accessibility | best practices | FCP | LCP | TBT | CLS |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.name} (\`${r.url}\`) | ${r.scores.join(' | ')} | ${r.fcp} | ${r.lcp} | ${r.tbt} | ${r.cls} |`);
for (const r of rows) if (r.failing.length) console.log(`${r.name}: below 90 — ${r.failing.join(', ')}`);
