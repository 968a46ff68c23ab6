#!/usr/bin/env node
// The trainer in headless Chromium (bench/learn/RESULTS.md): Fashion-MNIST's first 10,000 training
// images (784 uint8 pixels, Debian's dataset-fashion-mnist) as labels.csv + pixels.npy, through the
// page's module worker: crossValProbs with its defaults (5 folds, C chosen automatically), timed
// from the call to the result. Served plainly (the single-threaded core, as an embedding page gets
// it) and cross-origin isolated (the threaded core, as `npm start` serves the page).
// Usage: node bench/learn/chromium.mjs [REPS] [--rows N] [--json OUT]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import { chromiumCpuSeconds, launchChromium, siteRoot, startServer } from '../page-driver.mjs';
/* global window */ // page.evaluate callbacks run in the page

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rows: { type: 'string' }, json: { type: 'string' } },
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
const root = siteRoot('labelscope-learn-chromium-');
fs.mkdirSync(path.join(root, 'data'));
writeData(path.join(root, 'data'));
const browser = await launchChromium();
const results = [];
try {
  for (const [name, isolate] of [
    ['plain (single-threaded core)', false],
    ['isolated (threaded core)', true],
  ]) {
    const { server, base } = await startServer(root, { readyPath: '/bench/learn/chromium.html', isolate });
    try {
      const page = await browser.newPage();
      await page.goto(`${base}/bench/learn/chromium.html`);
      await page.waitForFunction(() => window.benchReady === true);
      const cpuBefore = chromiumCpuSeconds(); // CPU time: steadier than wall time on a loaded machine
      const r = await page.evaluate(({ reps: n }) => window.runTrainer('/data/labels.csv', '/data/pixels.npy', n), {
        reps,
      });
      const cpu = (chromiumCpuSeconds() - cpuBefore) / reps;
      await page.close();
      const load = os.loadavg()[0];
      for (const run of r.runs) {
        const line = {
          page: name,
          rows,
          cols: 784,
          threads: r.threads,
          crossOriginIsolated: r.crossOriginIsolated,
          seconds: Math.round(run.seconds * 100) / 100,
          cpuSecondsPerRun: Math.round(cpu * 100) / 100,
          accuracy: Math.round(run.accuracy * 10000) / 10000,
          c: run.c,
          foldTimes: run.folds.map(([d, ms]) => [d, Math.round(ms) / 1000]),
          loadAverage: Math.round(load * 10) / 10,
        };
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
  fs.writeFileSync(
    values.json,
    `${JSON.stringify({ measured: new Date().toISOString(), cores: os.cpus().length, results }, null, 2)}\n`,
  );
}
