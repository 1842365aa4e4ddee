// Hosting as documented (issue 23, point 5): Debian's nginx (installed by scripts/setup) serving a
// copy of dist/ with the site file the repository ships (deploy/nginx/cundi.conf), changed only
// in its port and folder: deep links, the headers (the policy with frame-ancestors, wasm's type,
// precompressed files, what may be kept and what is asked again), and a new dataset seen at once.
import { test, expect, readCsv } from './support.mjs';
import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const stations = readCsv('data/stations.csv');
const station = stations.find((s) => s.status === 'operating' && s.tier === 'township_station');

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function listening(port) {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => { c.end(); resolve(true); }).on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not listen on ${port}`);
}

test.describe('on nginx with deploy/nginx/cundi.conf', () => {
  test.describe.configure({ mode: 'serial' });
  let root;
  let base;
  let nginx;

  test.beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'cundi-nginx-'));
    cpSync('dist', path.join(root, 'dist'), { recursive: true });
    mkdirSync(path.join(root, 'tmp'));
    const port = await freePort();
    const site = readFileSync('deploy/nginx/cundi.conf', 'utf8')
      .replace('listen 80;', `listen 127.0.0.1:${port};`)
      .replace('listen [::]:80;', '')
      .replaceAll('/srv/cundi/dist', path.join(root, 'dist'));
    writeFileSync(path.join(root, 'site.conf'), site);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${root}/tmp/${t};`).join(' ');
    writeFileSync(path.join(root, 'nginx.conf'), `
user root;
daemon off;
worker_processes 1;
pid ${root}/nginx.pid;
error_log ${root}/error.log;
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  ${temp}
  include ${root}/site.conf;
}
`);
    nginx = spawn('/usr/sbin/nginx', ['-c', path.join(root, 'nginx.conf'), '-p', root], { stdio: ['ignore', 'inherit', 'inherit'] });
    await listening(port);
    base = `http://127.0.0.1:${port}`;
  });

  test.afterAll(async () => {
    if (nginx) nginx.kill();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('the headers: the policy with frame-ancestors, wasm\'s type, precompressed files, and what is asked again', async ({ request }) => {
    const br = { 'Accept-Encoding': 'br, gzip' };
    const page = await request.get(`${base}/`, { headers: br });
    expect(page.status()).toBe(200);
    const h = page.headers();
    expect(h['content-type']).toContain('text/html');
    expect(h['content-encoding']).toBe('br');
    expect(h['cache-control']).toBe('no-cache');
    const html = await page.text();
    const meta = html.match(/http-equiv="?Content-Security-Policy"? content="([^"]+)"/)[1];
    expect(h['content-security-policy']).toBe(`${meta}; frame-ancestors 'none'`);

    // A deep link, as a QR code gives it: the page, not a 404.
    const deep = await request.get(`${base}/station/${station.id}`);
    expect(deep.status()).toBe(200);
    expect(await deep.text()).toBe(html);

    // The wasm: its type, compressed by the build, kept for good (its name is its hash).
    const wasm = html.match(/href="(\/pkg-[0-9a-f]+\/main_bg\.wasm)"/)[1];
    const w = await request.get(`${base}${wasm}`, { headers: br });
    expect(w.headers()['content-type']).toBe('application/wasm');
    expect(w.headers()['content-encoding']).toBe('br');
    expect(w.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await w.body()).length).toBe(readFileSync(path.join('dist', wasm)).length);

    // Asked again every time: the worker, the configuration and the data.
    for (const file of ['/sw.js', '/config.json', '/data/summary.json']) {
      const r = await request.get(`${base}${file}`, { headers: br });
      expect(r.status(), file).toBe(200);
      expect(r.headers()['cache-control'], file).toBe('no-cache');
    }
    // The data is compressed as it is sent, and a table comes as CSV.
    const summary = await request.get(`${base}/data/summary.json`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(summary.headers()['content-encoding']).toBe('gzip');
    const csv = await request.get(`${base}/data/package/stations.csv`);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    // A policy document's text says it is UTF-8, so a browser opening it shows the Chinese.
    const doc = await request.get(`${base}/data/package/documents/yangcheng-2022-45.txt`);
    expect(doc.headers()['content-type']).toBe('text/plain; charset=utf-8');
    // The server's header file is not the site's.
    expect((await request.get(`${base}/nginx-csp.conf`)).status()).toBe(404);
  });

  test('a deep link opens its page under the policy the server sends', async ({ page }) => {
    const violations = [];
    page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) violations.push(m.text()); });
    await page.goto(`${base}/station/${station.id}`);
    await expect(page.getByTestId('station-page')).toContainText(station.name);
    await page.goto(`${base}/area/140522`);
    await expect(page.locator('main#main h1')).toContainText('阳城县');
    expect(violations).toEqual([]);
  });

  test('a new dataset put in place is seen on the next visit', async ({ page }) => {
    await page.goto(`${base}/data`);
    await expect(page.getByTestId('package-version')).toHaveText('0.1.0');
    // The publisher replaces the data (docs/PUBLISHING.md): here, a new version of the summary.
    const file = path.join(root, 'dist/data/summary.json');
    const summary = JSON.parse(readFileSync(file, 'utf8'));
    summary.package.version = '0.2.0';
    writeFileSync(file, JSON.stringify(summary));
    await page.goto(`${base}/data`);
    await expect(page.getByTestId('package-version')).toHaveText('0.2.0');
  });

  test.describe('a county\'s own page', () => {
    // The browser logs the refused frame: that is the point.
    test.use({ allowConsoleErrors: true });

    test('/embed/<county> is framed by another site only when config.json names it', async ({ page }) => {
      // A county government's page on another origin, framing the county's map.
      const county = http.createServer((req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><title>阳城县人民政府</title><h1>阳城县人民政府</h1><iframe src="${base}/embed/140522" width="800" height="600"></iframe>`);
      });
      await new Promise((resolve) => county.listen(0, '127.0.0.1', resolve));
      const origin = `http://127.0.0.1:${county.address().port}`;
      const embedded = async () => {
        await page.goto(origin);
        const frame = page.frameLocator('iframe');
        return frame.getByTestId('embed').waitFor({ timeout: 5_000 }).then(() => true, () => false);
      };
      try {
        // None by default: the browser refuses to draw it.
        expect(await embedded()).toBe(false);

        // The county's site named in config.json, the policy rewritten, nginx told.
        const dist = path.join(root, 'dist');
        const config = JSON.parse(readFileSync(path.join(dist, 'config.json'), 'utf8'));
        writeFileSync(path.join(dist, 'config.json'), JSON.stringify({ ...config, frame_ancestors: [origin] }));
        execFileSync(path.resolve('target/cli/cundi-data'), ['csp', dist], { stdio: 'ignore' });
        expect(readFileSync(path.join(dist, 'nginx-csp.conf'), 'utf8')).toContain(`frame-ancestors ${origin}"`);
        nginx.kill('SIGHUP');
        await new Promise((r) => setTimeout(r, 500));
        expect(await embedded()).toBe(true);
        const frame = page.frameLocator('iframe');
        // The county's map and its list, without the site's header.
        await expect(frame.getByTestId('map')).toBeVisible();
        await expect(frame.locator('header.site-header')).toBeHidden();
        await expect(frame.getByTestId('list-toggle')).toBeChecked();
        await page.screenshot({ path: 'tests/e2e/out/screens/embed-framed.png' });
      } finally {
        await new Promise((resolve) => county.close(resolve));
      }
    });
  });
});
