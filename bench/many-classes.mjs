#!/usr/bin/env node
// Many classes (issue 12): ImageNet-sized 50,000 x 1,000 and K = 10,000, as float32 .npy.
// For each case: the native CLI (dist/native/labelscope) and the Node CLI, audit and health to a
// file (wall, CPU, peak RSS, output size, exit code), and the page in headless Chromium (from the
// file input to the first ranked row, the longest main-thread task seen by a PerformanceObserver,
// DOM nodes, renderer peak RSS), and the JS API in Node as the page's worker calls it (readDataset
// float32, then auditAsync with matrices 'sparse', as the page asks above 30 classes, and 'full':
// wall, CPU, peak RSS). Opt-in (not in `bench --quick`): the data is 200 MB-1 GB.
// Results go under "many_classes" in bench/results.json (--out FILE elsewhere), the rest kept.
// Usage: node bench/many-classes.mjs [--cases 50000x1000,20000x3000,10000x10000,20000x10000] [--no-page]
//   [--no-cli] [--no-api] [--out FILE]
/* global document, window, requestAnimationFrame, MutationObserver -- page.evaluate callbacks */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dataRoot, withoutMachinePaths } from './generate.mjs';
import { ensureManyClasses } from './many-classes-data.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const { values: opts } = parseArgs({
  options: {
    cases: { type: 'string', default: '50000x1000,20000x3000,10000x10000,20000x10000' },
    'no-page': { type: 'boolean' },
    'no-cli': { type: 'boolean' },
    'no-api': { type: 'boolean' },
    out: { type: 'string' },
    timeout: { type: 'string', default: '900' },
    // Another build: --wasm DIR (its threads/labelscope-core.mjs for the API runs), --site DIR (a
    // static site laid out like dist/site, served for the page runs).
    wasm: { type: 'string' },
    site: { type: 'string' },
    'api-child': { type: 'string' },
    matrices: { type: 'string' }, // internal: one API run in a child process
  },
});

// The child of apiRun: read the files and audit through the JS API, print the times as JSON.
if (opts['api-child']) {
  const { createLabelScope } = await import('../src/js/index.js');
  const dir = opts['api-child'];
  const core = opts.wasm && path.resolve(opts.wasm, 'threads/labelscope-core.mjs');
  const ls = await createLabelScope(core ? { moduleFactory: (await import(core)).default } : {});
  const t0 = performance.now();
  const dataset = await ls.readDataset(
    {
      labels: fs.createReadStream(path.join(dir, 'labels.npy')),
      predProbs: {
        name: 'pred_probs.npy',
        data: fs.createReadStream(path.join(dir, 'pred_probs.npy')),
        size: fs.statSync(path.join(dir, 'pred_probs.npy')).size,
      },
    },
    { float32: true },
  );
  const t1 = performance.now();
  const report = await ls.auditAsync(dataset, { matrices: opts.matrices });
  const t2 = performance.now();
  const cells = report.confidentJoint?.value?.length ?? (report.confidentJoint ? report.numClasses ** 2 : 0);
  console.log(
    JSON.stringify({
      read_ms: Math.round(t1 - t0),
      audit_ms: Math.round(t2 - t1),
      issues: report.issues.length,
      cells,
    }),
  );
  process.exit(0);
}
const cases = opts.cases.split(',').map((c) => {
  const [n, k] = c.split('x').map(Number);
  return { n, k, name: c };
});
const timeoutMs = Number(opts.timeout) * 1000;
const log = (text) => process.stderr.write(`${text}\n`);
const loadavg = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

// One CLI run under GNU time: wall, user + system CPU, peak RSS.
function cli(impl, command, dir) {
  const out = path.join(os.tmpdir(), `labelscope-many-${process.pid}.out`);
  const program =
    impl === 'native'
      ? [path.join(repo, 'dist/native/labelscope')]
      : [process.execPath, path.join(repo, 'src/cli/labelscope.mjs')];
  const args = [
    '-f',
    '%e %U %S %M',
    ...program,
    command,
    '--labels',
    path.join(dir, 'labels.npy'),
    '--pred-probs',
    path.join(dir, 'pred_probs.npy'),
    '--float32',
    '--out',
    out,
  ];
  const r = spawnSync('/usr/bin/time', args, { encoding: 'utf8', timeout: timeoutMs });
  const lines = (r.stderr ?? '').trim().split('\n');
  const [wall, user, sys, rssKb] = (lines.at(-1) ?? '').split(' ').map(Number);
  const bytes = fs.existsSync(out) ? fs.statSync(out).size : 0;
  fs.rmSync(out, { force: true });
  const row = {
    impl: `cli-${impl}`,
    step: `cli_${command}`,
    exit: r.status ?? r.signal,
    wall_ms: Math.round(wall * 1000),
    cpu_ms: Math.round((user + sys) * 1000),
    peak_rss_mb: Math.round(rssKb / 1024),
    output_bytes: bytes,
  };
  if (r.status !== 0) row.error = lines.slice(0, -1).join(' ').slice(0, 300) || String(r.error ?? 'failed');
  return row;
}

// The JS API in a child process under GNU time (the worker's path on the page, without the page).
function apiRun(dir, matrices) {
  const args = [
    '-f',
    '%e %U %S %M',
    process.execPath,
    fileURLToPath(import.meta.url),
    '--api-child',
    dir,
    '--matrices',
    matrices,
    ...(opts.wasm ? ['--wasm', opts.wasm] : []),
  ];
  const r = spawnSync('/usr/bin/time', args, { encoding: 'utf8', timeout: timeoutMs });
  const lines = (r.stderr ?? '').trim().split('\n');
  const [wall, user, sys, rssKb] = (lines.at(-1) ?? '').split(' ').map(Number);
  const row = {
    impl: 'node-api',
    step: `api_audit_${matrices}`,
    exit: r.status ?? r.signal,
    wall_ms: Math.round(wall * 1000),
    cpu_ms: Math.round((user + sys) * 1000),
    peak_rss_mb: Math.round(rssKb / 1024),
  };
  try {
    Object.assign(row, JSON.parse(r.stdout.trim().split('\n').at(-1)));
  } catch {
    row.error =
      `${r.stdout ?? ''} ${lines.slice(0, -1).join(' ')}`.replace(/\s+/g, ' ').trim().slice(0, 300) || 'failed';
  }
  return row;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net
      .createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      })
      .on('error', reject);
  });
}

// Renderer processes of our Chromium (the worker's WebAssembly heap lives in the page's renderer).
function rendererPeakMb() {
  let peak = 0;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      let p = Number(pid);
      for (let hops = 0; p > 1 && p !== process.pid && hops < 20; hops++) {
        const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
        p = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      }
      if (p !== process.pid) continue;
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024);
    } catch {
      /* gone */
    }
  }
  return Math.round(peak);
}

// The real page: choose the three files, wait for the first ranked row (or an error).
async function pageRun(browser, base, dir) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${base}/index.html`);
  await page.waitForSelector('label-scope#app[data-core=ready]', { timeout: 120_000 });
  await page.evaluate(() => {
    const el = document.querySelector('label-scope#app');
    const t = (window.manyTimes = { tasks: [] });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (t.start) t.tasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
    el.shadowRoot.addEventListener(
      'change',
      () => {
        t.start ??= performance.now();
      },
      true,
    );
    const poll = () => {
      if (t.start && el.shadowRoot.querySelector('.vt-spacer .vt-row')) t.firstRow = performance.now();
      else if (!t.error) requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
    new MutationObserver(() => {
      if (!t.start) return;
      if (el.dataset.state === 'ready') t.ready ??= performance.now();
      if (el.dataset.state === 'error') t.error = el.shadowRoot.querySelector('.status')?.textContent ?? 'error';
    }).observe(el, { attributes: true, attributeFilter: ['data-state'] });
  });
  await page
    .locator('label-scope#app input[type=file]')
    .setInputFiles(['labels.npy', 'pred_probs.npy', 'class_names.txt'].map((f) => path.join(dir, f)));
  await page.waitForFunction(
    () => (window.manyTimes.firstRow && window.manyTimes.ready) || window.manyTimes.error,
    null,
    { timeout: timeoutMs, polling: 100 },
  );
  await page.waitForTimeout(1000); // tasks right after the first row (charts, layout) count too
  const t = await page.evaluate(() => {
    let nodes = 0;
    const walk = (node) => {
      nodes++;
      if (node.shadowRoot) walk(node.shadowRoot);
      for (const child of node.childNodes) walk(child);
    };
    walk(document);
    const m = window.manyTimes;
    return {
      firstRow: m.firstRow - m.start,
      ready: m.ready - m.start,
      error: m.error,
      longest: Math.max(0, ...m.tasks),
      nodes,
    };
  });
  const peak = rendererPeakMb();
  await page.close();
  const row = {
    impl: 'chromium-page',
    step: 'page_first_row',
    peak_rss_mb: peak,
    dom_nodes: t.nodes,
    longest_task_ms: t.longest,
  };
  if (t.error) return { ...row, error: t.error.replace(/\s+/g, ' ').slice(0, 300) };
  return { ...row, first_row_ms: Math.round(t.firstRow), ready_ms: Math.round(t.ready) };
}

async function pageRuns(list) {
  const { chromium } = await import('playwright-core');
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [
      path.join(repo, 'scripts/serve.mjs'),
      '--port',
      String(port),
      '--isolate',
      ...(opts.site ? ['--root', opts.site] : []),
    ],
    { stdio: 'ignore' },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/index.html`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-quic'],
  });
  const rows = [];
  try {
    for (const c of list) {
      log(`${c.name}: page ...`);
      // A fresh browser context per case; the renderer's peak is per process, so one page at a time.
      try {
        rows.push({ dataset: c.name, n: c.n, k: c.k, ...(await pageRun(browser, base, c.dir)) });
      } catch (error) {
        rows.push({
          dataset: c.name,
          n: c.n,
          k: c.k,
          impl: 'chromium-page',
          step: 'page_first_row',
          error: error.message.split('\n')[0],
        });
      }
      log(`  ${JSON.stringify(rows.at(-1))}`);
    }
  } finally {
    await browser.close();
    server.kill();
  }
  return rows;
}

const started = new Date().toISOString();
const loadAtStart = loadavg();
const results = [];
for (const c of cases) c.dir = ensureManyClasses(c, dataRoot(), log);
if (!opts['no-cli']) {
  for (const c of cases) {
    for (const impl of ['native', 'node']) {
      for (const command of ['audit', 'health']) {
        log(`${c.name}: ${impl} ${command} ...`);
        results.push({ dataset: c.name, n: c.n, k: c.k, ...cli(impl, command, c.dir) });
        log(`  ${JSON.stringify(results.at(-1))}`);
      }
    }
  }
}
if (!opts['no-api']) {
  for (const c of cases) {
    for (const matrices of ['sparse', 'full']) {
      log(`${c.name}: JS API, matrices ${matrices} ...`);
      results.push({ dataset: c.name, n: c.n, k: c.k, ...apiRun(c.dir, matrices) });
      log(`  ${JSON.stringify(results.at(-1))}`);
    }
  }
}
if (!opts['no-page']) results.push(...(await pageRuns(cases)));

const out = opts.out ?? path.join(repo, 'bench/results.json');
const all = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : {};
// Rows this run did not measure are kept: other cases, and the other half with --no-page / --no-cli.
const kept = (all.many_classes?.results ?? []).filter(
  (r) =>
    !cases.some((c) => c.name === r.dataset) ||
    (r.impl === 'chromium-page' ? opts['no-page'] : r.impl === 'node-api' ? opts['no-api'] : opts['no-cli']),
);
all.many_classes = {
  started,
  finished: new Date().toISOString(),
  load_at_start: loadAtStart,
  load_at_end: loadavg(),
  cores: os.cpus().length,
  note:
    'float32 .npy (labels.npy, pred_probs.npy, class_names.txt) from bench/many-classes-data.mjs; one run ' +
    'per cell; ' +
    'wall times on a shared, loaded machine (see load); CPU is the steadier number',
  results: [...kept, ...results],
};
fs.writeFileSync(out, withoutMachinePaths(JSON.stringify(all, null, 1)) + '\n');
log(`wrote ${path.relative(process.cwd(), out) || out}`);
for (const r of results) {
  const what = r.error
    ? `FAILED: ${r.error}`
    : r.impl === 'chromium-page'
      ? `first row ${r.first_row_ms} ms, longest task ${r.longest_task_ms} ms, ${r.dom_nodes} DOM nodes, ` +
        `${r.peak_rss_mb} MB`
      : r.impl === 'node-api'
        ? `read ${r.read_ms} ms, audit ${r.audit_ms} ms, ${r.cpu_ms} ms CPU, ${r.peak_rss_mb} MB`
        : `${r.wall_ms} ms wall, ${r.cpu_ms} ms CPU, ${r.peak_rss_mb} MB, ${r.output_bytes} bytes out`;
  console.log(`${r.dataset.padEnd(12)} ${r.impl.padEnd(14)} ${r.step.padEnd(15)} ${what}`);
}
