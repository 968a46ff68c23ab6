#!/usr/bin/env node
// Headless-Chromium benchmark of one generated dataset: (1) bench/browser.html times File ->
// readDataset -> analyses through createLabelScopeWorker; (2) the real page (web/): from
// setInputFiles on its file input to the first row of the ranked table. Peak memory is the
// renderer's VmHWM (the worker's WebAssembly heap lives in that process). JSON lines out.
// Usage: node bench/bench_browser.mjs DIR [REPS] [NAME] [--no-page] [--page-reps N]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  chromiumCpuSeconds,
  launchChromium,
  REPO,
  rendererPeakMb,
  resetRendererPeaks,
  siteRoot,
  startServer,
} from './page-driver.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'no-page': { type: 'boolean' }, 'page-reps': { type: 'string' }, 'no-npy': { type: 'boolean' } },
});
const [dir, repsArg, nameArg] = positionals;
const reps = Math.max(1, Number(repsArg) || 3);
const pageReps = Math.max(1, Number(values['page-reps']) || reps);
const name = nameArg ?? path.basename(dir);
const emit = (impl, obj) => console.log(JSON.stringify({ impl, dataset: name, ...obj }));
const TIMEOUT = 600_000;

// CPU milliseconds of our Chromium processes: the page's cost however busy the machine is.
const chromiumCpuMs = () => Math.round(chromiumCpuSeconds() * 1000);

const files = (...names) => names.map((f) => path.join(dir, f));

async function benchPage(browser, base) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`bench page error: ${e.message}`));
  await page.goto(`${base}/bench/browser.html`);
  await page.waitForFunction(() => window.benchReady);
  const formats = values['no-npy'] ? ['csv'] : ['csv', 'npy'];
  await page
    .locator('#files')
    .setInputFiles(
      files(
        'labels.csv',
        'pred_probs.csv',
        ...(formats.includes('npy') ? ['labels.npy', 'pred_probs_f64.npy', 'pred_probs_f32.npy'] : []),
      ),
    );
  resetRendererPeaks();
  const results = await page.evaluate((opts) => window.runBench(opts), { reps, formats });
  const peak = rendererPeakMb();
  for (const r of results) emit('chromium', r);
  emit('chromium', { step: 'renderer_peak_rss', phase: 'bench page, all phases', mb: Math.round(peak * 10) / 10 });
  await page.close();
}

// The real page: time from the file input's change event to the first ranked row in the DOM.
// Served cross-origin isolated as `npm start` serves it (the worker reads with the threaded
// core's helper thread) and plainly as an embedding page gets it (one thread), alternating.
async function pageOnce(browser, base) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(`${base}/index.html`);
  const app = page.locator('label-scope#app');
  await page.waitForSelector('label-scope#app[data-core=ready]', { timeout: 60_000 });
  await app.evaluate((el) => {
    const t = (window.benchTimes = {});
    el.shadowRoot.addEventListener(
      'change',
      () => {
        t.start ??= performance.now();
      },
      true,
    );
    const poll = () => {
      if (t.start && el.shadowRoot.querySelector('.vt-spacer .vt-row')) t.firstRow = performance.now();
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
    new MutationObserver(() => {
      if (t.start && el.dataset.state === 'ready') t.ready ??= performance.now();
    }).observe(el, { attributes: true, attributeFilter: ['data-state'] });
  });
  resetRendererPeaks();
  const cpu0 = chromiumCpuMs();
  await app.locator('input[type=file]').setInputFiles(files('labels.csv', 'pred_probs.csv'));
  await page.waitForFunction(() => window.benchTimes.firstRow && window.benchTimes.ready, null, {
    timeout: TIMEOUT,
    polling: 50,
  });
  const cpu = chromiumCpuMs() - cpu0;
  const t = await page.evaluate(() => window.benchTimes);
  const threads = await app.getAttribute('data-threads');
  const peak = rendererPeakMb();
  await page.close();
  return { ms: t.firstRow - t.start, ready: t.ready - t.start, cpu, peak, threads };
}

async function realPage(browser, modes) {
  if (!fs.existsSync(path.join(REPO, 'web/index.html'))) return;
  const runs = modes.map(() => []);
  for (let r = 0; r < pageReps; r++) {
    for (const [i, mode] of modes.entries()) runs[i].push(await pageOnce(browser, mode.base));
  }
  const med = (v) => {
    const s = [...v].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const round = (x) => Math.round(x * 1000) / 1000;
  for (const [i, { suffix }] of modes.entries()) {
    const ms = runs[i].map((x) => x.ms),
      ready = runs[i].map((x) => x.ready),
      cpu = runs[i].map((x) => x.cpu);
    const threads = Number(runs[i][0].threads);
    emit('chromium-page', {
      step: `page_drop_to_first_row${suffix}`,
      reps: pageReps,
      threads,
      median_ms: round(med(ms)),
      median_cpu_ms: round(med(cpu)),
      min_ms: round(Math.min(...ms)),
      first_ms: round(ms[0]),
      all_ms: ms.map(round),
    });
    emit('chromium-page', {
      step: `page_drop_to_ready${suffix}`,
      reps: pageReps,
      threads,
      median_ms: round(med(ready)),
      min_ms: round(Math.min(...ready)),
      first_ms: round(ready[0]),
      all_ms: ready.map(round),
    });
    if (!suffix) {
      emit('chromium-page', {
        step: 'renderer_peak_rss',
        phase: 'real page, CSV',
        mb: Math.round(Math.max(...runs[i].map((x) => x.peak)) * 10) / 10,
      });
    }
  }
}

// The site as `npm run build` lays it out, plus bench/.
const root = siteRoot('labelscope-bench-site-', { web: true });
const { server, base } = await startServer(root, { readyPath: '/bench/browser.html' });
const isolated = await startServer(root, { readyPath: '/bench/browser.html', isolate: true });
const browser = await launchChromium();
try {
  await benchPage(browser, base);
  if (!values['no-page']) {
    await realPage(browser, [
      { base: isolated.base, suffix: '' },
      { base, suffix: '_single_thread' },
    ]);
  }
} finally {
  await browser.close();
  server.kill();
  isolated.server.kill();
  fs.rmSync(root, { recursive: true, force: true });
}
