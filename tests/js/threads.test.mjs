// The threaded core Node loads by default (dist/wasm/threads): a helper thread warms fresh memory
// while a big file is read. Same results as the single-threaded core, bit for bit.
import assert from 'node:assert/strict';
import os from 'node:os';
import { before, test } from 'node:test';

import { createLabelScope, LabelScopeError } from '../../src/js/index.js';
import { goldenCaseNames, loadGoldenCase, npyBytes } from './helpers.mjs';

const MULTI_CORE = os.cpus().length > 1;
let threaded;
let single;
before(async () => {
  threaded = await createLabelScope();
  single = await createLabelScope({ threads: false });
});

// 250,000 rows x 10 (20 MB of float64 values: the helper starts above 8 MiB).
const ROWS = 250000;
const K = 10;
function bigCsv() {
  const lines = [];
  for (let r = 0; r < ROWS; r++) {
    const cells = [];
    for (let c = 0; c < K; c++) cells.push(`0.${String((r * 7919 + c * 104729) % 100000).padStart(5, '0')}`);
    lines.push(cells.join(','));
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}
const labelsCsv = () =>
  new TextEncoder().encode(`label\n${Array.from({ length: ROWS }, (_, r) => (r * 31) % K).join('\n')}\n`);

async function* inChunks(bytes, size = 1 << 20) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
const input = (labels, probs, probsName = 'p.csv') => ({
  labels: { name: 'labels.csv', size: labels.length, data: inChunks(labels) },
  predProbs: { name: probsName, size: probs.length, data: inChunks(probs) },
});

// The generated values are not probabilities (rows do not sum to 1): read them as given.
async function readBoth(labels, probs, probsName, options = {}) {
  options = { ...options, allowUnnormalized: true };
  const a = await threaded.readDataset(input(labels, probs, probsName), options);
  const b = await single.readDataset(input(labels, probs, probsName), options);
  return [a, b];
}

const bytesOf = (typed) => Buffer.from(typed.buffer, typed.byteOffset, typed.byteLength);

test('in Node the default core reads with 2 threads on a multi-core machine; threads: false with 1', () => {
  assert.equal(threaded.threads, MULTI_CORE ? 2 : 1);
  assert.equal(single.threads, 1);
});

test('threads: true loads the threaded core; anything but a boolean is an invalid option', async () => {
  assert.equal((await createLabelScope({ threads: true })).threads, MULTI_CORE ? 2 : 1);
  await assert.rejects(
    createLabelScope({ threads: 2 }),
    (e) => e instanceof LabelScopeError && e.code === 'invalid_option',
  );
});

test('a big CSV (float64 and float32 storage) and .npy read the same with and without the helper', async () => {
  const labels = labelsCsv();
  const csv = bigCsv();
  for (const options of [{}, { float32: true }]) {
    const [a, b] = await readBoth(labels, csv, 'p.csv', options);
    try {
      assert.equal(a.numExamples, ROWS);
      assert.equal(a.numClasses, K);
      const rows = a.probabilityRows(0, ROWS);
      assert.ok(
        bytesOf(rows).equals(bytesOf(b.probabilityRows(0, ROWS))),
        `values differ (${JSON.stringify(options)})`,
      );
      const last = Number(`0.${String(((ROWS - 1) * 7919 + (K - 1) * 104729) % 100000).padStart(5, '0')}`);
      assert.equal(rows[ROWS * K - 1], options.float32 ? Math.fround(last) : last);
      assert.deepEqual(threaded.audit(a), single.audit(b));
    } finally {
      a.free();
      b.free();
    }
  }
  const [a, b] = await readBoth(labels, csv, 'p.csv');
  const npy = npyBytes(a.probabilityRows(0, ROWS), ROWS, K);
  a.free();
  b.free();
  const [x, y] = await readBoth(labels, npy, 'p.npy');
  try {
    assert.ok(bytesOf(x.probabilityRows(0, ROWS)).equals(bytesOf(y.probabilityRows(0, ROWS))));
    assert.deepEqual(threaded.findLabelIssues({ dataset: x }), single.findLabelIssues({ dataset: y }));
  } finally {
    x.free();
    y.free();
  }
});

test('every golden case: the threaded and single-threaded cores give the same audit', () => {
  for (const name of goldenCaseNames()) {
    if (name.startsWith('multilabel')) continue; // multi-label is not supported yet
    const c = loadGoldenCase(name);
    const args = { labels: c.labels, predProbs: c.flat, numClasses: c.numClasses };
    const run = (ls) => {
      try {
        return ls.findLabelIssues({ ...args, returnIndicesRankedBy: 'self_confidence' });
      } catch (e) {
        return { error: e.code };
      }
    };
    assert.deepEqual(run(threaded), run(single), name);
  }
});
