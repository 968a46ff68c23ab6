// The CLI on a file big enough for the reader's helper thread: the same output as --single-thread,
// and the process ends (the helper's worker must not keep it alive), also when the file is bad.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { runCliAsync } from './helpers.mjs';

const ROWS = 250000; // x 10 classes: 20 MB of values
// The threaded core on this file (it loads from 256 MiB by default), its reader's helper from 8 MiB.
const THREADED = { env: { ...process.env, LABELSCOPE_HELPER_MIN_BYTES: String(8 << 20) } };
const K = 10;
let dir;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'labelscope-threads-'));
  const probs = [];
  const labels = ['label'];
  for (let r = 0; r < ROWS; r++) {
    const p = Array.from({ length: K }, (_, c) => ((r * 7919 + c * 104729) % 1000) + 1);
    const sum = p.reduce((a, b) => a + b, 0);
    probs.push(p.map((v) => (v / sum).toFixed(6)).join(','));
    labels.push(String((r * 31) % K));
  }
  fs.writeFileSync(path.join(dir, 'labels.csv'), `${labels.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'probs.csv'), `${probs.join('\n')}\n`);
  probs[ROWS - 1] = probs[ROWS - 1].replace(/^[^,]*/, 'abc');
  fs.writeFileSync(path.join(dir, 'bad.csv'), `${probs.join('\n')}\n`);
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

// Fails instead of waiting forever should the process not end.
function runWithin(args, ms = 120000) {
  let timer;
  return Promise.race([
    runCliAsync(args, undefined, THREADED).finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`labelscope ${args[0]} did not end in ${ms} ms`)), ms);
    }),
  ]);
}

test('find-issues on a big file: the same output with the helper thread and with --single-thread', async () => {
  const files = ['--labels', path.join(dir, 'labels.csv'), '--pred-probs', path.join(dir, 'probs.csv')];
  const [threaded, single] = await Promise.all([
    runWithin(['find-issues', ...files]),
    runWithin(['find-issues', ...files, '--single-thread']),
  ]);
  assert.equal(threaded.status, 0, threaded.stderr);
  assert.equal(single.status, 0, single.stderr);
  const result = JSON.parse(threaded.stdout);
  assert.equal(result.n, ROWS);
  assert.ok(result.num_issues > 0);
  assert.equal(threaded.stdout, single.stdout);
});

test('a bad value at the end of a big file: exit code 3 naming the row, and the process ends', async () => {
  const r = await runWithin([
    'scores',
    '--labels',
    path.join(dir, 'labels.csv'),
    '--pred-probs',
    path.join(dir, 'bad.csv'),
  ]);
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, /bad\.csv/);
  assert.match(r.stderr, new RegExp(`row ${ROWS}\\b`));
});
