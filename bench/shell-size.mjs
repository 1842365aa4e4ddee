// Benchmark: first-load bytes of the app shell (HTML, JS, WASM, CSS, Leaflet), brotli-compressed
// at the highest quality a static host would precompress with, against the 250 KB budget
// (issue 20; docs/BUDGETS.md said 300 KB). bench/first-visit.mjs measures the same in a
// browser, for every page. Run after `trunk build --release --offline`:
//   node bench/shell-size.mjs [dist]
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] || 'dist';
const BUDGET = 250 * 1024;
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');

// What the first load fetches: index.html, everything it links or preloads (the loader, the JS
// glue and the main wasm module, scripts/wasm), and every module those scripts import statically
// (the glue imports __wasm_split.js). The chunks of the other pages (pkg-*/*.wasm but the main
// module) are fetched only when one of those pages opens, so they are listed apart.
const refs = new Set(['index.html']);
// Quoted, or bare as the minified page writes them.
for (const m of html.matchAll(/(?:href|src)=(?:"\/?([^"#?]+)"|\/?([^\s>"#?]+))/g)) {
  const ref = m[1] ?? m[2];
  if (/\.(?:js|css|wasm)$/.test(ref)) refs.add(ref);
}
// The map's own files, which the boot script asks for at once on the map's address (Leaflet and
// the map's wasm chunk: `data-map-files`, written by `cundi-data csp`).
const mapFiles = html.match(/data-map-files=(?:"([^"]*)"|([^\s>]+))/);
for (const ref of (mapFiles ? mapFiles[1] ?? mapFiles[2] : '').split(/\s+/)) if (ref) refs.add(ref);
const scripts = [...refs].filter((f) => f.endsWith('.js'));
while (scripts.length) {
  const file = scripts.pop();
  const text = readFileSync(path.join(dist, file), 'utf8');
  for (const m of text.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'"()]*?\sfrom\s*)?['"]([^'"]+\.js)['"]/g)) {
    const target = m[1].startsWith('/') ? m[1].slice(1) : path.posix.join(path.posix.dirname(file), m[1]);
    if (!refs.has(target)) {
      refs.add(target);
      scripts.push(target);
    }
  }
}
const chunks = readdirSync(dist)
  .filter((d) => d.startsWith('pkg-'))
  .flatMap((d) => readdirSync(path.join(dist, d)).map((f) => `${d}/${f}`))
  .filter((f) => f.endsWith('.wasm') && !refs.has(f));

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
if (chunks.length) {
  console.log('\nfetched when first needed — another page, a panel on the map, a complaint waiting to be sent (not in the shell):');
  for (const r of chunks.map(sizeOf).sort((a, b) => b.br - a.br)) console.log(`${kb(r.br)} KB br  ${kb(r.raw)} KB raw  ${r.file}`);
}
