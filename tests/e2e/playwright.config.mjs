// Browser tests: the built site (dist/) served statically, driven in Debian's Chromium.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.E2E_PORT || 4173);
// Another build can be tested beside the main one: E2E_DIST=/tmp/other-dist E2E_PORT=4174.
const dist = process.env.E2E_DIST || 'dist';

export default defineConfig({
  testDir: '.',
  outputDir: path.join(root, 'tests/e2e/out/results'),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The site's service worker would answer requests before page.route() sees them, so the
    // tests that inject faults run without it; offline.spec.mjs allows it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  webServer: {
    // --single: every unknown path gets index.html, as a static host configured for an SPA does.
    command: `node_modules/.bin/sirv ${dist} --single --port ${port} --host 127.0.0.1 --quiet`,
    cwd: root,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
