// Benchmark: first-load bytes of the app shell (HTML, JS, WASM, CSS, Leaflet), brotli-compressed
// at the highest quality a static host would precompress with, against the 300 KB budget
// (shared/design/BUDGETS.md). Run after `trunk build --release --offline`:
//   node bench/shell-size.mjs [dist]
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] || 'dist';
const BUDGET = 300 * 1024;
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');

// What the first load fetches: index.html, everything it links or preloads, and the wasm the
// loader fetches (named after the JS glue).
const refs = new Set(['index.html']);
for (const m of html.matchAll(/(?:href|src)="\/?([^"#?]+\.(?:js|css|wasm))"/g)) refs.add(m[1]);
for (const f of readdirSync(dist)) if (f.endsWith('.wasm')) refs.add(f);

const sizeOf = (file) => {
  const bytes = readFileSync(path.join(dist, file));
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { file, raw: bytes.length, br };
};
const rows = [...refs].map(sizeOf).sort((a, b) => b.br - a.br);
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
for (const r of rows) console.log(`${kb(r.br)} KB br  ${kb(r.raw)} KB raw  ${r.file}`);
const total = rows.reduce((n, r) => n + r.br, 0);
console.log(`app shell, brotli: ${(total / 1024).toFixed(1)} KB (budget ${BUDGET / 1024} KB) — ${total <= BUDGET ? 'within budget' : 'OVER budget'}`);
