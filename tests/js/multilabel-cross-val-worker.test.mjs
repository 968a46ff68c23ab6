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

test('the worker gives the main thread\'s probabilities and sets, with progress per fold', async () => {
  const local = await ls.multiLabel.crossValProbs({ combined: { name: 'news.csv', data: NEWS } }, { folds: 3 });
  const stages = [];
  const remote = await client.multiLabel.crossValProbs({ combined: { name: 'news.csv', data: NEWS.slice() } },
    { folds: 3, onProgress: (p) => stages.push(p.stage === 'training' ? p.foldsDone : p.stage) });
  assert.ok(Buffer.from(remote.probs.buffer).equals(Buffer.from(local.probs.buffer)));
  assert.deepEqual(Array.from(remote.labels.offsets), Array.from(local.labels.offsets));
  assert.deepEqual(Array.from(remote.labels.classes), Array.from(local.labels.classes));
  assert.deepEqual(remote.classNames, local.classNames);
  assert.ok(stages.includes(3), `progress: ${stages.join(', ')}`);
});

test('Cancel stops it with code cancelled', async () => {
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(client.multiLabel.crossValProbs({ combined: { name: 'news.csv', data: NEWS.slice() } },
    { signal: controller.signal }), (e) => e instanceof LabelScopeError && e.code === 'cancelled');
});
