// Browser tests of the page and <label-scope>, in Debian's Chromium (no browser download).
// LABELSCOPE_SITE=dist/site runs the same tests against the built static site.
import { defineConfig } from '@playwright/test';
// Specs that import web/ modules (units, decisions-units, lesson) load them from the source tree:
// the same resolve hook as the node tests (tests/js/web-layout.mjs). The config is loaded by the
// runner and by every worker, so each registers it.
import './tests/js/web-layout.mjs';

// LABELSCOPE_E2E_PORT picks another pair of ports (PORT and PORT + 1), so two runs can share a machine.
const PORT = Number(process.env.LABELSCOPE_E2E_PORT) || 8123;
const root = process.env.LABELSCOPE_SITE ? ` --root ${process.env.LABELSCOPE_SITE}` : '';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.mjs',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    locale: 'en-US',
    colorScheme: 'light',
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    launchOptions: { executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--disable-quic'] },
  },
  // The page as embedding pages get it, and cross-origin isolated as `npm start` serves it
  // (threads; tests/e2e/threads.spec.mjs).
  webServer: [
    {
      command: `node scripts/serve.mjs --port ${PORT}${root}`,
      url: `http://127.0.0.1:${PORT}/index.html`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node scripts/serve.mjs --isolate --port ${PORT + 1}${root}`,
      url: `http://127.0.0.1:${PORT + 1}/index.html`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
