// ls.multiLabel.crossValProbs through the Web Worker: the main thread's result, with progress
// per fold and Cancel.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';

import { createLabelScopeWorker, LabelScopeError } from '../../src/js/index.js';
import { labelScope, moduleWorkerInNode } from './helpers.mjs';

const NEWS = new Uint8Array(readFileSync(new URL('../../examples/multilabel/news.csv', import.meta.url)));
let client;
let ls;
before(async () => {
  globalThis.Worker = moduleWorkerInNode();
  ls = await labelScope();
  client = await createLabelScopeWorker();
});
after(() => {
  client?.terminate();
  delete globalThis.Worker;
});

test("the worker gives the main thread's probabilities and sets, with progress per fold", async () => {
  const local = await ls.multiLabel.crossValProbs({ combined: { name: 'news.csv', data: NEWS } }, { folds: 3 });
  const stages = [];
  const remote = await client.multiLabel.crossValProbs(
    { combined: { name: 'news.csv', data: NEWS.slice() } },
    { folds: 3, onProgress: (p) => stages.push(p.stage === 'training' ? p.foldsDone : p.stage) },
  );
  assert.ok(Buffer.from(remote.probs.buffer).equals(Buffer.from(local.probs.buffer)));
  assert.deepEqual(Array.from(remote.labels.offsets), Array.from(local.labels.offsets));
  assert.deepEqual(Array.from(remote.labels.classes), Array.from(local.labels.classes));
  assert.deepEqual(remote.classNames, local.classNames);
  assert.ok(stages.includes(3), `progress: ${stages.join(', ')}`);
});

test('Cancel stops it with code cancelled', async () => {
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(
    client.multiLabel.crossValProbs(
      { combined: { name: 'news.csv', data: NEWS.slice() } },
      { signal: controller.signal },
    ),
    (e) => e instanceof LabelScopeError && e.code === 'cancelled',
  );
});

test("a labels file of sets and a .npy of features through the worker: the main thread's bits", async () => {
  const n = 40;
  const x = new Float64Array(n * 2);
  const sets = [];
  for (let i = 0; i < n; i++) {
    const set = ['a', 'b'].filter((_, c) => (i >> c) % 2 === 1 || i % 5 === c);
    sets.push(set.length ? set.join(';') : 'a');
    x[i * 2] = set.includes('a') ? 2 + (i % 3) / 10 : (i % 4) / 10;
    x[i * 2 + 1] = set.includes('b') ? 2 + (i % 5) / 10 : (i % 2) / 10;
  }
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': (${n}, 2), }`;
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  const npy = new Uint8Array(10 + header.length + x.byteLength);
  npy.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
  npy.set(new TextEncoder().encode(header), 10);
  npy.set(new Uint8Array(x.buffer), 10 + header.length);
  const labels = `labels\n${sets.join('\n')}\n`;
  const input = () => ({ labels: { name: 'sets.csv', data: labels }, features: { name: 'x.npy', data: npy.slice() } });
  const local = await ls.multiLabel.crossValProbs(input(), { folds: 3 });
  const remote = await client.multiLabel.crossValProbs(input(), { folds: 3 });
  assert.deepEqual(remote.classNames, ['a', 'b']);
  assert.ok(Buffer.from(remote.probs.buffer).equals(Buffer.from(local.probs.buffer)));
  assert.deepEqual(Array.from(remote.labels.offsets), Array.from(local.labels.offsets));
});
