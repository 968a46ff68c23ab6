// auditAsync (the audit in stages) and the worker's cancellable audit: the same report as audit(),
// progress after every stage, cancellation between stages, and a worker that stays usable.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { createLabelScopeWorker } from '../../src/js/index.js';
import { assertLabelScopeError, labelScope, loadGoldenCase, moduleWorkerInNode } from './helpers.mjs';

let ls;
let c;
const data = () => ({ labels: c.labels.slice(), predProbs: c.flat.slice(), numClasses: c.numClasses });
const OPTION_SETS = [
  {},
  { filterBy: 'both', rankBy: 'normalized_margin', adjustPredProbs: true },
  { rankBy: 'none', filterBy: 'prune_by_class', numToRemovePerClass: [2, 2, 2, 2, 2] },
  { asymmetric: true, fracNoise: 0.5 },
];

before(async () => {
  ls = await labelScope();
  c = loadGoldenCase('typical_n2000_k5');
});

describe('auditAsync', () => {
  test('gives the report audit() gives, on arrays (f64, f32) and on a Dataset, with progress per stage', async () => {
    const ds = await ls.readDataset({ labels: c.labelsText, predProbs: c.probsText });
    try {
      for (const options of OPTION_SETS) {
        const progress = [];
        const expected = ls.audit(data(), options);
        assert.deepEqual(await ls.auditAsync(data(), { ...options, onProgress: (p) => progress.push(p) }), expected);
        assert.deepEqual(await ls.auditAsync(ds, options), expected);
        assert.ok(progress.length >= 2, 'more than one stage');
        assert.deepEqual(
          progress.map((p) => p.stagesDone),
          progress.map((_, i) => i + 1),
        );
        assert.ok(progress.every((p) => p.numStages === progress.length));
      }
      const f32 = { ...data(), predProbs: Float32Array.from(c.flat) };
      assert.deepEqual(await ls.auditAsync(f32), ls.audit(f32));
    } finally {
      ds.free();
    }
  });

  test('a signal cancels between stages; the next audit is unaffected', async () => {
    const controller = new AbortController();
    const stagesSeen = [];
    await assertLabelScopeError(
      () =>
        ls.auditAsync(data(), {
          signal: controller.signal,
          onProgress: (p) => {
            stagesSeen.push(p.stagesDone);
            if (p.stagesDone === 2) controller.abort();
          },
        }),
      'cancelled',
    );
    assert.deepEqual(stagesSeen, [1, 2], 'no stage ran after the abort');
    await assertLabelScopeError(() => ls.auditAsync(data(), { signal: AbortSignal.abort() }), 'cancelled');
    assert.deepEqual(await ls.auditAsync(data()), ls.audit(data()));
  });

  test('errors: invalid input is reported by the first stage, invalid options at once', async () => {
    const bad = data();
    bad.labels[7] = 9;
    await assertLabelScopeError(() => ls.auditAsync(bad), 'label_out_of_range', { example: 7 });
    await assertLabelScopeError(() => ls.auditAsync(data(), { rankBy: 'bogus' }), 'invalid_option');
    await assertLabelScopeError(() => ls.auditAsync(data(), { rank_by: 'self_confidence' }), 'invalid_option');
  });

  test('freeing the Dataset while its audit runs does not disturb the audit', async () => {
    const ds = await ls.readDataset({ labels: c.labelsText, predProbs: c.probsText });
    const running = ls.auditAsync(ds, {
      onProgress: (p) => {
        if (p.stagesDone === 1) ds.free();
      },
    });
    assert.deepEqual(await running, ls.audit(data()));
  });
});

describe('worker audit', () => {
  let client;
  before(async () => {
    globalThis.Worker = moduleWorkerInNode();
    client = await createLabelScopeWorker();
  });
  after(() => {
    client?.terminate();
    delete globalThis.Worker;
  });

  test('reports progress, can be cancelled mid-run, and the worker stays usable', async () => {
    const ds = await client.readDataset({
      labels: new Uint8Array(c.labelsText),
      predProbs: new Uint8Array(c.probsText),
    });
    const progress = [];
    assert.deepEqual(await client.audit(ds, { onProgress: (p) => progress.push(p.stagesDone) }), ls.audit(data()));
    assert.deepEqual(
      progress,
      progress.map((_, i) => i + 1),
    );

    const controller = new AbortController();
    await assertLabelScopeError(
      () =>
        client.audit(ds, {
          signal: controller.signal,
          onProgress: () => controller.abort(),
        }),
      'cancelled',
    );
    await assertLabelScopeError(() => client.audit(data(), { signal: AbortSignal.abort() }), 'cancelled');
    // The same worker and dataset answer the next calls.
    assert.deepEqual(await client.audit(ds, { rankBy: 'none' }), ls.audit(data(), { rankBy: 'none' }));
    assert.deepEqual(await client.audit(data()), ls.audit(data()));
    await ds.free();
  });
});
