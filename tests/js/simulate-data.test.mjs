// simulateNoisyData: the flips of simulateNoise with probabilities to analyse them with, either
// computed again by the cross-validated trainer on the noisy labels (recompute, the default with
// features) or the given ones (keep), on the main-thread API and the worker client.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';

import { createLabelScopeWorker } from '../../src/js/index.js';
import { labelScope, moduleWorkerInNode, ROOT } from './helpers.mjs';

const DIR = `${ROOT}tests/fixtures/learn/`;
const file = (name) => ({ name, data: readFileSync(DIR + name) });
const bits = (a) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

let ls;
let dataset; // 60 images of 3 classes, probabilities cross-validated from the given labels
before(async () => {
  ls = await labelScope();
  dataset = await ls.datasetFromCrossVal(
    await ls.crossValProbs({ labels: file('pixels_labels.csv'), features: file('pixels.npy') }),
  );
});
after(() => dataset.free());

test('keep: the flips of simulateNoise, the given probabilities, as a dataset too', async () => {
  const flips = ls.simulateNoise({ dataset, rate: 0.2, seed: 7 });
  const r = await ls.simulateNoisyData({ dataset, rate: 0.2, seed: 7, probabilities: 'keep', returnDataset: true });
  try {
    assert.equal(r.probabilities, 'kept');
    assert.equal(r.crossVal, null);
    assert.deepEqual(Array.from(r.simulation.flipped), Array.from(flips.flipped));
    assert.deepEqual(Array.from(r.labels), Array.from(flips.noisyLabels));
    assert.deepEqual(bits(r.predProbs), bits(dataset.probabilityRows(0, 60)));
    assert.deepEqual(Array.from(r.dataset.labels), Array.from(flips.noisyLabels));
    assert.deepEqual(r.dataset.classNames, dataset.classNames);
    assert.deepEqual(bits(r.dataset.probabilityRows(0, 60)), bits(r.predProbs));
  } finally {
    r.dataset.free();
  }
  // Without features, keep is the default.
  assert.equal((await ls.simulateNoisyData({ dataset, rate: 0.2, seed: 7 })).probabilities, 'kept');
});

test('recompute: cross-validated on the noisy labels, the same bits as crossValProbs on them', async () => {
  const progress = [];
  const r = await ls.simulateNoisyData({
    dataset,
    rate: 0.2,
    seed: 7,
    features: file('pixels.npy'),
    onProgress: (p) => progress.push(p.stage),
    returnDataset: true,
  });
  try {
    assert.equal(r.probabilities, 'recomputed'); // the default with features
    const flips = ls.simulateNoise({ dataset, rate: 0.2, seed: 7 });
    assert.deepEqual(Array.from(r.labels), Array.from(flips.noisyLabels));
    assert.equal(r.simulation.flipped.length, 12);
    const labels = `label\n${Array.from(flips.noisyLabels).join('\n')}\n`;
    const direct = await ls.crossValProbs({
      labels: { name: 'noisy.csv', data: labels },
      features: file('pixels.npy'),
    });
    assert.deepEqual(bits(r.predProbs), bits(direct.predProbs));
    assert.notDeepEqual(bits(r.predProbs), bits(dataset.probabilityRows(0, 60)), 'the model saw the flipped labels');
    assert.deepEqual(r.crossVal.classNames, dataset.classNames);
    assert.equal(r.crossVal.settings.folds, 5);
    assert.ok(progress.includes('training'));
    assert.deepEqual(Array.from(r.dataset.labels), Array.from(flips.noisyLabels));
    assert.deepEqual(bits(r.dataset.probabilityRows(0, 60)), bits(r.predProbs));
    // crossVal options reach the trainer.
    const three = await ls.simulateNoisyData({
      dataset,
      rate: 0.2,
      seed: 7,
      features: file('pixels.npy'),
      crossVal: { folds: 3 },
    });
    assert.equal(three.crossVal.settings.folds, 3);
  } finally {
    r.dataset.free();
  }
});

test('bad options say what to give', async () => {
  await assert.rejects(
    ls.simulateNoisyData({ dataset, rate: 0.1, probabilities: 'recompute' }),
    (e) => e.code === 'invalid_option' && /needs the data's features/.test(e.message),
  );
  await assert.rejects(
    ls.simulateNoisyData({ dataset, rate: 0.1, probabilities: 'retrain' }),
    (e) => e.code === 'invalid_option' && /'recompute'.*'keep'/s.test(e.message),
  );
  await assert.rejects(
    ls.simulateNoisyData({ dataset, rate: 0.1, features: file('pixels.npy'), crossVal: { fold: 3 } }),
    (e) => e.code === 'invalid_option' && /fold/.test(e.message),
  );
  await assert.rejects(
    ls.simulateNoisyData({ labels: [0, 1, 2, 0], numClasses: 3, rate: 0.5 }),
    (e) => e.code === 'invalid_option' && /predProbs/.test(e.message),
  );
  // A class emptied by the flips: the trainer sees fewer classes, and says so.
  const noiseMatrix = [
    [1, 0, 1],
    [0, 1, 0],
    [0, 0, 0],
  ]; // every row of class 2 becomes 0
  await assert.rejects(
    ls.simulateNoisyData({ dataset, noiseMatrix, features: file('pixels.npy') }),
    (e) => e.code === 'bad_input' && /hold 2 of the 3 classes/.test(e.message),
  );
});

test('the worker client: the same flips and bits; an aborted signal cancels', async () => {
  globalThis.Worker = moduleWorkerInNode();
  const client = await createLabelScopeWorker();
  try {
    const main = await ls.simulateNoisyData({ dataset, rate: 0.2, seed: 7, features: file('pixels.npy') });
    const args = { labels: Int32Array.from(dataset.labels), numClasses: 3, classNames: [...dataset.classNames] };
    const w = await client.simulateNoisyData({ ...args, rate: 0.2, seed: 7, features: file('pixels.npy') });
    assert.equal(w.probabilities, 'recomputed');
    assert.deepEqual(Array.from(w.simulation.flipped), Array.from(main.simulation.flipped));
    assert.deepEqual(bits(w.predProbs), bits(main.predProbs));
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      client.simulateNoisyData({
        labels: Int32Array.from(dataset.labels),
        numClasses: 3,
        rate: 0.2,
        features: file('pixels.npy'),
        signal: controller.signal,
      }),
      (e) => e.code === 'cancelled',
    );
  } finally {
    client.terminate();
    delete globalThis.Worker;
  }
});

test(
  "sweepNoisyData: keep gives sweepNoiseRate's numbers; recompute trains once per rate, on the main thread " +
    'and in the worker',
  async () => {
    const rates = [0, 0.1, 0.3];
    const kept = await ls.sweepNoisyData({ dataset, rates, seed: 3, probabilities: 'keep' });
    const plain = ls.sweepNoiseRate({ dataset, rates, seed: 3 });
    assert.deepEqual(
      kept.map(({ probabilities, ...s }) => s),
      plain,
    );
    assert.ok(kept.every((s) => s.probabilities === 'kept'));
    const seen = [];
    const honest = await ls.sweepNoisyData({
      dataset,
      rates,
      seed: 3,
      features: file('pixels.npy'),
      onProgress: (p) => {
        if (p.stage === 'training' && p.foldsDone === 0) seen.push(p.rateIndex);
      },
    });
    assert.deepEqual(seen, [0, 1, 2]);
    assert.ok(honest.every((s) => s.probabilities === 'recomputed'));
    for (const [i, rate] of rates.entries()) {
      const one = await ls.simulateNoisyData({ dataset, rate, seed: 3, features: file('pixels.npy') });
      const { indices } = ls.findLabelIssues({ labels: one.labels, predProbs: one.predProbs, numClasses: 3 });
      assert.deepEqual(
        { ...honest[i], probabilities: undefined },
        { ...ls.scoreDetection({ simulation: one.simulation, flagged: indices }), probabilities: undefined },
      );
    }
    globalThis.Worker = moduleWorkerInNode();
    const client = await createLabelScopeWorker();
    try {
      const w = await client.sweepNoisyData({
        labels: Int32Array.from(dataset.labels),
        numClasses: 3,
        rates,
        seed: 3,
        features: file('pixels.npy'),
      });
      assert.deepEqual(w, honest);
    } finally {
      client.terminate();
      delete globalThis.Worker;
    }
  },
);
