#!/usr/bin/env node
// The trainer in headless Chromium (bench/learn/RESULTS.md): Fashion-MNIST's first 10,000 training
// images (784 uint8 pixels, Debian's dataset-fashion-mnist) as labels.csv + pixels.npy, through the
// page's module worker: crossValProbs with its defaults (5 folds, C chosen automatically), timed
// from the call to the result. Served plainly (the single-threaded core, as an embedding page gets
// it) and cross-origin isolated (the threaded core, as `npm start` serves the page).
// Usage: node bench/learn/chromium.mjs [REPS] [--rows N] [--json OUT]
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
/* global window */ // page.evaluate callbacks run in the page

const repo = fileURLToPath(new URL('../..', import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true, options: { rows: { type: 'string' }, json: { type: 'string' } },
});
const reps = Math.max(1, Number(positionals[0]) || 1);
const rows = Number(values.rows) || 10_000;
const FMNIST = '/usr/share/datasets/fashion-mnist';

// labels.csv and a uint8 N x 784 pixels.npy of the first `rows` training images.
function writeData(dir) {
  const images = zlib.gunzipSync(fs.readFileSync(`${FMNIST}/train-images-idx3-ubyte.gz`)).subarray(16, 16 + rows * 784);
  const labels = zlib.gunzipSync(fs.readFileSync(`${FMNIST}/train-labels-idx1-ubyte.gz`)).subarray(8, 8 + rows);
  let header = `{'descr': '|u1', 'fortran_order': False, 'shape': (${rows}, 784), }`;
  while ((10 + header.length + 1) % 64 !== 0) header += ' ';
  header += '\n';
  const pre = Buffer.from([0x93, ...Buffer.from('NUMPY'), 1, 0, header.length & 0xff, header.length >> 8]);
  fs.writeFileSync(path.join(dir, 'pixels.npy'), Buffer.concat([pre, Buffer.from(header, 'latin1'), images]));
  fs.writeFileSync(path.join(dir, 'labels.csv'), `label\n${Array.from(labels).join('\n')}\n`);
}

// src/js, dist/wasm and bench/ under one temp root for scripts/serve.mjs, with the data beside.
function siteRoot() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'labelscope-learn-chromium-'));
  fs.mkdirSync(path.join(root, 'src'));
  fs.mkdirSync(path.join(root, 'dist'));
  fs.mkdirSync(path.join(root, 'data'));
  fs.symlinkSync(path.join(repo, 'src/js'), path.join(root, 'src/js'));
  fs.symlinkSync(path.join(repo, 'dist/wasm'), path.join(root, 'dist/wasm'));
  fs.symlinkSync(path.join(repo, 'bench'), path.join(root, 'bench'));
  writeData(path.join(root, 'data'));
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
      if ((await fetch(`${base}/bench/learn/chromium.html`)).ok) return { server, base };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('serve.mjs did not start');
}

// CPU seconds (user + system) of every process below this one: Chromium and its renderers and
// workers. On a loaded machine wall time is inflated; CPU time is the steadier number.
function descendantsCpu() {
  const parent = new Map();
  const ticks = new Map();
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(pid), Number(fields[1]));
      ticks.set(Number(pid), Number(fields[11]) + Number(fields[12]));
    } catch { /* gone */ }
  }
  let total = 0;
  for (const [pid, t] of ticks) {
    for (let p = parent.get(pid), hops = 0; p > 1 && hops < 20; p = parent.get(p) ?? 0, hops++) {
      if (p === process.pid) {
        total += t;
        break;
      }
    }
  }
  return total / 100; // USER_HZ
}

const root = siteRoot();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
const results = [];
try {
  for (const [name, extra] of [['plain (single-threaded core)', []], ['isolated (threaded core)', ['--isolate']]]) {
    const { server, base } = await startServer(root, extra);
    try {
      const page = await browser.newPage();
      await page.goto(`${base}/bench/learn/chromium.html`);
      await page.waitForFunction(() => window.benchReady === true);
      const cpuBefore = descendantsCpu();
      const r = await page.evaluate(({ reps: n }) => window.runTrainer('/data/labels.csv', '/data/pixels.npy', n), { reps });
      const cpu = (descendantsCpu() - cpuBefore) / reps;
      await page.close();
      const load = os.loadavg()[0];
      for (const run of r.runs) {
        const line = { page: name, rows, cols: 784, threads: r.threads, crossOriginIsolated: r.crossOriginIsolated,
          seconds: Math.round(run.seconds * 100) / 100, cpuSecondsPerRun: Math.round(cpu * 100) / 100, accuracy: Math.round(run.accuracy * 10000) / 10000, c: run.c,
          foldTimes: run.folds.map(([d, ms]) => [d, Math.round(ms) / 1000]), loadAverage: Math.round(load * 10) / 10 };
        results.push(line);
        console.log(JSON.stringify(line));
      }
    } finally {
      server.kill();
    }
  }
} finally {
  await browser.close();
  fs.rmSync(root, { recursive: true, force: true });
}
if (values.json) {
  fs.writeFileSync(values.json, `${JSON.stringify({ measured: new Date().toISOString(), cores: os.cpus().length, results }, null, 2)}\n`);
}
