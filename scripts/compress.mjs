// Writes a brotli (.br) and a gzip (.gz) copy beside every text and wasm file the build made
// that compression makes smaller, for a server that serves precompressed files as they are
// (nginx's brotli_static and gzip_static: deploy/nginx/cundi.conf). Brotli at its highest
// quality, as only a build can afford. Trunk's last hook runs it, after `cundi-data csp` has
// written the files for the last time. Not data/ nor config.json, which a deployment replaces
// or edits by hand: a stale copy would be served in their place (nginx compresses those as it
// sends them). `cundi-data csp` deletes the copies of the files it rewrites. Usage:
// node scripts/compress.mjs DIST
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dist = process.argv[2] && path.resolve(process.argv[2]);
if (!dist) throw new Error('usage: node scripts/compress.mjs DIST');
const TYPES = /\.(html|js|css|wasm|json|csv|geojson|svg|webmanifest|txt)$/;
// Below this, a compressed copy saves less than a request's own headers.
const MIN_BYTES = 1024;

let files = 0;
let before = 0;
let after = 0;
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      if (!(dir === dist && name === 'data')) walk(file);
      continue;
    }
    if (!TYPES.test(name) || (dir === dist && name === 'config.json')) continue;
    for (const ext of ['.br', '.gz']) if (existsSync(file + ext)) unlinkSync(file + ext);
    const bytes = readFileSync(file);
    if (bytes.length < MIN_BYTES) continue;
    const br = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
    const gz = gzipSync(bytes, { level: 9 });
    if (br.length < bytes.length) writeFileSync(file + '.br', br);
    if (gz.length < bytes.length) writeFileSync(file + '.gz', gz);
    files += 1;
    before += bytes.length;
    after += br.length;
  }
}
walk(dist);
console.log(`compressed ${files} files: ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB brotli`);
