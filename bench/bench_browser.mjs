#!/usr/bin/env node
// Headless-Chromium benchmark of one generated dataset: (1) bench/browser.html times File ->
// readDataset -> analyses through createLabelScopeWorker; (2) the real page (web/): from
// setInputFiles on its file input to the first row of the ranked table. Peak memory is the
// renderer's VmHWM (the worker's WebAssembly heap lives in that process). JSON lines out.
// Usage: node bench/bench_browser.mjs DIR [REPS] [NAME] [--no-page] [--page-reps N]
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const repo = fileURLToPath(new URL('..', import.meta.url));
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

// The site as `npm run build` lays it out, plus bench/: symlinks in a temp root for serve.mjs.
function siteRoot() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'labelscope-bench-site-'));
  if (fs.existsSync(path.join(repo, 'web'))) {
    for (const entry of fs.readdirSync(path.join(repo, 'web'))) fs.symlinkSync(path.join(repo, 'web', entry), path.join(root, entry));
  }
  fs.mkdirSync(path.join(root, 'src'));
  fs.mkdirSync(path.join(root, 'dist'));
  fs.symlinkSync(path.join(repo, 'src/js'), path.join(root, 'src/js'));
  fs.symlinkSync(path.join(repo, 'dist/wasm'), path.join(root, 'dist/wasm'));
  fs.symlinkSync(path.join(repo, 'examples'), path.join(root, 'examples'));
  fs.symlinkSync(path.join(repo, 'bench'), path.join(root, 'bench'));
  return root;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

async function startServer(root, extra = []) {
  const port = await freePort();
  const server = spawn(process.execPath, [path.join(repo, 'scripts/serve.mjs'), '--root', root, '--port', String(port), ...extra],
    { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/bench/browser.html`)).ok) return { server, base };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('serve.mjs did not start');
}

// Chromium's renderer processes among our descendants (the browser is a child of this process).
function rendererPids() {
  const parent = new Map();
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* gone */ }
  }
  const ours = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; p = parent.get(p) ?? 0, hops++) if (p === process.pid) return true;
    return false;
  };
  return [...parent.keys()].filter((pid) => {
    if (!ours(pid)) return false;
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch { return false; }
  });
}
const resetPeaks = () => rendererPids().forEach((pid) => { try { fs.writeFileSync(`/proc/${pid}/clear_refs`, '5'); } catch {} });
const peakMb = () => Math.max(0, ...rendererPids().map((pid) => {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch { return 0; }
}));

// CPU seconds (user + system) of every Chromium process of ours: the page's cost independent of
// how busy the machine is (clock ticks, so 10 ms resolution).
function chromiumCpuMs() {
  const tick = 10; // USER_HZ = 100 on Linux
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(chromium)') && !stat.includes('(chrome)')) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (descends(Number(pid))) total += (Number(f[11]) + Number(f[12])) * tick;
    } catch { /* gone */ }
  }
  return total;
}
function descends(pid) {
  for (let p = pid, hops = 0; p > 1 && hops < 20; hops++) {
    if (p === process.pid) return true;
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      p = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch { return false; }
  }
  return false;
}

const files = (...names) => names.map((f) => path.join(dir, f));

async function benchPage(browser, base) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`bench page error: ${e.message}`));
  await page.goto(`${base}/bench/browser.html`);
  await page.waitForFunction(() => window.benchReady);
  const formats = values['no-npy'] ? ['csv'] : ['csv', 'npy'];
  await page.locator('#files').setInputFiles(files('labels.csv', 'pred_probs.csv',
    ...(formats.includes('npy') ? ['labels.npy', 'pred_probs_f64.npy', 'pred_probs_f32.npy'] : [])));
  resetPeaks();
  const results = await page.evaluate((opts) => window.runBench(opts), { reps, formats });
  const peak = peakMb();
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
    el.shadowRoot.addEventListener('change', () => { t.start ??= performance.now(); }, true);
    const poll = () => {
      if (t.start && el.shadowRoot.querySelector('.vt-spacer .vt-row')) t.firstRow = performance.now();
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
    new MutationObserver(() => {
      if (t.start && el.dataset.state === 'ready') t.ready ??= performance.now();
    }).observe(el, { attributes: true, attributeFilter: ['data-state'] });
  });
  resetPeaks();
  const cpu0 = chromiumCpuMs();
  await app.locator('input[type=file]').setInputFiles(files('labels.csv', 'pred_probs.csv'));
  await page.waitForFunction(() => window.benchTimes.firstRow && window.benchTimes.ready, null, { timeout: TIMEOUT, polling: 50 });
  const cpu = chromiumCpuMs() - cpu0;
  const t = await page.evaluate(() => window.benchTimes);
  const threads = await app.getAttribute('data-threads');
  const peak = peakMb();
  await page.close();
  return { ms: t.firstRow - t.start, ready: t.ready - t.start, cpu, peak, threads };
}

async function realPage(browser, modes) {
  if (!fs.existsSync(path.join(repo, 'web/index.html'))) return;
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
    const ms = runs[i].map((x) => x.ms), ready = runs[i].map((x) => x.ready), cpu = runs[i].map((x) => x.cpu);
    const threads = Number(runs[i][0].threads);
    emit('chromium-page', { step: `page_drop_to_first_row${suffix}`, reps: pageReps, threads, median_ms: round(med(ms)),
      median_cpu_ms: round(med(cpu)), min_ms: round(Math.min(...ms)), first_ms: round(ms[0]), all_ms: ms.map(round) });
    emit('chromium-page', { step: `page_drop_to_ready${suffix}`, reps: pageReps, threads, median_ms: round(med(ready)),
      min_ms: round(Math.min(...ready)), first_ms: round(ready[0]), all_ms: ready.map(round) });
    if (!suffix) {
      emit('chromium-page', { step: 'renderer_peak_rss', phase: 'real page, CSV', mb: Math.round(Math.max(...runs[i].map((x) => x.peak)) * 10) / 10 });
    }
  }
}

const root = siteRoot();
const { server, base } = await startServer(root);
const isolated = await startServer(root, ['--isolate']);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--disable-quic'], headless: true });
try {
  await benchPage(browser, base);
  if (!values['no-page']) {
    await realPage(browser, [{ base: isolated.base, suffix: '' }, { base, suffix: '_single_thread' }]);
  }
} finally {
  await browser.close();
  server.kill();
  isolated.server.kill();
  fs.rmSync(root, { recursive: true, force: true });
}
