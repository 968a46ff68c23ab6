// simulateNoise and scoreDetection (src/js/simulate.js): the core's flips through JS (the same rows
// as the native doctests pin), class names for the pair, every bad argument a LabelScopeError, the
// score against an independent count, and the worker giving the same answers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { createLabelScopeWorker } from '../../src/js/index.js';
import { assertLabelScopeError, labelScope, moduleWorkerInNode, ROOT } from './helpers.mjs';

const HEADLINES = `${ROOT}examples/headlines/`;
const cycling = (n, k) => Int32Array.from({ length: n }, (_, i) => i % k);

let ls;
let headlines;
before(async () => {
  ls = await labelScope();
  headlines = await ls.readDataset({
    labels: readFileSync(`${HEADLINES}labels.csv`),
    predProbs: readFileSync(`${HEADLINES}pred_probs.csv`),
  });
});
after(() => headlines?.free());

/** The flipped rows, is_error and noisy labels agree with each other and with the true labels. */
function assertConsistent(s, trueLabels) {
  assert.deepEqual(Array.from(s.trueLabels), Array.from(trueLabels));
  const changed = [];
  for (let i = 0; i < trueLabels.length; i++) {
    assert.equal(s.isError[i], s.noisyLabels[i] !== trueLabels[i] ? 1 : 0, `row ${i}`);
    if (s.noisyLabels[i] !== trueLabels[i]) changed.push(i);
  }
  assert.deepEqual(Array.from(s.flipped), changed);
}

describe('simulateNoise', () => {
  test('flips exactly round(rate * N) rows, the same rows as the native build (seed 7 pinned)', () => {
    const labels = cycling(20, 3);
    const s = ls.simulateNoise({ labels, numClasses: 3, rate: 0.25, seed: 7 });
    assert.ok(s.noisyLabels instanceof Int32Array && s.isError instanceof Uint8Array);
    assert.ok(s.flipped instanceof Int32Array);
    // The same rows and classes tests/unit/test_simulate_noise.cpp pins for the native core.
    assert.deepEqual(Array.from(s.flipped), [3, 8, 12, 14, 18]);
    assert.deepEqual(
      Array.from(s.flipped, (i) => s.noisyLabels[i]),
      [2, 0, 1, 1, 2],
    );
    assertConsistent(s, labels);
    assert.equal(s.mode, 'uniform');
    assert.equal(s.rate, 0.25);
    assert.equal(s.seed, 7);
    const halfUp = ls.simulateNoise({ labels: cycling(1000, 4), numClasses: 4, rate: 0.0125, seed: 1 });
    assert.equal(halfUp.flipped.length, 13); // 12.5 rounds up
  });

  test('the same seed gives the same flips, another seed other flips; plain arrays work', () => {
    const labels = Array.from(cycling(300, 4));
    const a = ls.simulateNoise({ labels, numClasses: 4, rate: 0.2, seed: 11 });
    const b = ls.simulateNoise({ labels, numClasses: 4, rate: 0.2, seed: 11 });
    assert.deepEqual(a, b);
    const c = ls.simulateNoise({ labels, numClasses: 4, rate: 0.2, seed: 12 });
    assert.notDeepEqual(Array.from(c.flipped), Array.from(a.flipped));
    assert.equal(ls.simulateNoise({ labels, numClasses: 4, rate: 0.2 }).seed, 0, 'seed defaults to 0');
    ls.simulateNoise({ labels, numClasses: 4, rate: 0.2, seed: 2 ** 53 - 1 });
  });

  test('a dataset gives the same flips as its labels; a pair by class names touches only that pair', () => {
    const viaDataset = ls.simulateNoise({ dataset: headlines, rate: 0.1, seed: 7 });
    const { labels, numClasses } = headlines;
    const viaLabels = ls.simulateNoise({ labels, numClasses, rate: 0.1, seed: 7 });
    assert.deepEqual(viaDataset, viaLabels);
    assert.equal(viaDataset.flipped.length, Math.floor(0.1 * headlines.numExamples + 0.5));

    const [sports, weather] = ['sports', 'weather'].map((n) => headlines.classNames.indexOf(n));
    const s = ls.simulateNoise({ dataset: headlines, rate: 0.5, seed: 3, pair: ['sports', 'Weather '] });
    assert.equal(s.mode, 'pair');
    assert.deepEqual(s.pair, [sports, weather]);
    assertConsistent(s, headlines.labels);
    const inPair = Array.from(headlines.labels).filter((y) => y === sports || y === weather).length;
    assert.equal(s.flipped.length, Math.floor(0.5 * inPair + 0.5));
    for (const i of s.flipped) {
      const y = headlines.labels[i];
      assert.ok(y === sports || y === weather, `row ${i} is not in the pair`);
      assert.equal(s.noisyLabels[i], y === sports ? weather : sports);
    }
    // 'A,B' text and indices name the same pair.
    assert.deepEqual(ls.simulateNoise({ dataset: headlines, rate: 0.5, seed: 3, pair: 'sports,weather' }), s);
    assert.deepEqual(ls.simulateNoise({ dataset: headlines, rate: 0.5, seed: 3, pair: [sports, weather] }), s);
    // findLabelIssues' arguments work too: K from the probability rows (flat ones need numClasses).
    const predProbs = Array.from({ length: labels.length }, (_, i) => Array.from(headlines.probabilityRows(i, 1)));
    assert.deepEqual(ls.simulateNoise({ labels, predProbs, rate: 0.1, seed: 7 }), viaLabels);
    const flat = headlines.probabilityRows(0, labels.length);
    assert.deepEqual(ls.simulateNoise({ labels, predProbs: flat, numClasses, rate: 0.1, seed: 7 }), viaLabels);
    // With labels, classNames give the names.
    const named = ls.simulateNoise({
      labels: headlines.labels,
      classNames: headlines.classNames,
      rate: 0.5,
      seed: 3,
      pair: 'sports,weather',
    });
    assert.deepEqual(named, s);
  });

  test("a noise matrix in the audit's orientation (columns = true class) can be fed back", () => {
    const predProbs = headlines.probabilityRows(0, headlines.numExamples);
    const { labels, numClasses } = headlines;
    const { noiseMatrix } = ls.estimateLatent({ labels, predProbs, numClasses });
    const s = ls.simulateNoise({ dataset: headlines, noiseMatrix, seed: 5 });
    assert.equal(s.mode, 'matrix');
    assert.equal(s.rate, null);
    assertConsistent(s, headlines.labels);
    // Each cell moves round(n_j * P(i, j)) rows, within 1 (largest remainder).
    const k = headlines.numClasses;
    const counts = Array.from({ length: k }, () => new Array(k).fill(0));
    const perClass = new Array(k).fill(0);
    headlines.labels.forEach((y, r) => {
      counts[s.noisyLabels[r]][y] += 1;
      perClass[y] += 1;
    });
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        assert.ok(Math.abs(counts[i][j] - perClass[j] * noiseMatrix[i][j]) <= 1, `cell (${i}, ${j})`);
      }
    }
  });

  test('bad arguments are LabelScopeErrors that say what to give', async () => {
    const labels = cycling(10, 3);
    const base = { labels, numClasses: 3, rate: 0.1 };
    for (const rate of [-0.1, 1.5, NaN]) {
      await assertLabelScopeError(() => ls.simulateNoise({ ...base, rate }), 'invalid_option');
    }
    for (const seed of [-1, 0.5, 2 ** 53, '7']) {
      await assertLabelScopeError(() => ls.simulateNoise({ ...base, seed }), 'invalid_option');
    }
    await assertLabelScopeError(() => ls.simulateNoise({ labels, numClasses: 3 }), 'invalid_option');
    await assertLabelScopeError(() => ls.simulateNoise({ labels, rate: 0.1 }), 'invalid_option');
    await assertLabelScopeError(() => ls.simulateNoise({ ...base, random_seed: 1 }), 'invalid_option');
    await assertLabelScopeError(() => ls.simulateNoise({ ...base, pair: [1, 1] }), 'invalid_option');
    await assertLabelScopeError(() => ls.simulateNoise({ ...base, pair: [0, 3] }), 'invalid_option');
    await assertLabelScopeError(() => ls.simulateNoise({ ...base, pair: 'a,b,c' }), 'invalid_option');
    // A comma inside a class name: the one split where both sides name classes.
    const names = ['T-shirt, top', 'Shirt', 'Coat'];
    const shirts = ls.simulateNoise({ ...base, classNames: names, numClasses: undefined, pair: 'Shirt,T-shirt, top' });
    assert.deepEqual(shirts.pair, [1, 0]);
    const twoWays = ['a,b', 'a', 'b,c', 'c'];
    assert.throws(() => ls.simulateNoise({ ...base, classNames: twoWays, numClasses: 4, pair: 'a,b,c' }), {
      code: 'invalid_option',
      message: /more than one way/,
    });
    await assertLabelScopeError(
      () => ls.simulateNoise({ dataset: headlines, rate: 0.1, pair: 'sports,opera' }),
      'invalid_option',
    );
    await assertLabelScopeError(() => ls.simulateNoise({ dataset: headlines, labels, rate: 0.1 }), 'invalid_option');
    await assertLabelScopeError(
      () => ls.simulateNoise({ labels, predProbs: new Float64Array(30), rate: 0.1 }),
      'invalid_option',
    );
    const identity = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    await assertLabelScopeError(() => ls.simulateNoise({ ...base, noiseMatrix: identity }), 'invalid_option');
    await assertLabelScopeError(
      () =>
        ls.simulateNoise({
          labels,
          numClasses: 3,
          noiseMatrix: [
            [1, 0],
            [0, 1],
          ],
        }),
      'invalid_option',
    );
    await assertLabelScopeError(
      () =>
        ls.simulateNoise({
          labels,
          numClasses: 3,
          noiseMatrix: [
            [0.9, 0, 0],
            [0, 1, 0],
            [0, 0, 1],
          ],
        }),
      'invalid_option',
    );
    await assertLabelScopeError(
      () => ls.simulateNoise({ labels: [0, 1, 5], numClasses: 3, rate: 0.1 }),
      'label_out_of_range',
      { example: 2 },
    );
    assert.throws(() => ls.simulateNoise({ ...base, rate: 2 }), { message: /must be a fraction in \[0, 1\]/ });
  });
});

describe('scoreDetection', () => {
  test('found, precision, recall and F1 equal a count done here', () => {
    const sim = ls.simulateNoise({ dataset: headlines, rate: 0.2, seed: 4 });
    const predProbs = headlines.probabilityRows(0, headlines.numExamples);
    const result = ls.findLabelIssues({ labels: sim.noisyLabels, predProbs, numClasses: headlines.numClasses });
    const flagged = Array.from(result.indices);
    const found = flagged.filter((i) => sim.isError[i] === 1).length;
    const flipped = sim.flipped.length;
    const expected = {
      flipped,
      found,
      flagged: flagged.length,
      precision: flagged.length ? found / flagged.length : null,
      recall: found / flipped,
      f1: (2 * found) / (flagged.length + flipped),
    };
    assert.deepEqual(ls.scoreDetection({ isError: sim.isError, flagged: result.indices }), expected);
    // The simulation and the findLabelIssues result can be given whole; rate and seed come along.
    assert.deepEqual(ls.scoreDetection({ simulation: sim, flagged: result }), { rate: 0.2, seed: 4, ...expected });
    // An audit report's issues are its flagged rows.
    const report = ls.audit({ labels: sim.noisyLabels, predProbs, numClasses: headlines.numClasses });
    assert.equal(ls.scoreDetection({ simulation: sim, flagged: report }).flagged, report.issues.length);
  });

  test('undefined ratios are null; a row flagged twice counts once', () => {
    assert.deepEqual(ls.scoreDetection({ isError: [1, 0, 1], flagged: [] }), {
      flipped: 2,
      found: 0,
      flagged: 0,
      precision: null,
      recall: 0,
      f1: 0,
    });
    assert.deepEqual(ls.scoreDetection({ isError: [0, 0], flagged: [] }), {
      flipped: 0,
      found: 0,
      flagged: 0,
      precision: null,
      recall: null,
      f1: null,
    });
    assert.deepEqual(ls.scoreDetection({ isError: [0, 0], flagged: [1] }), {
      flipped: 0,
      found: 0,
      flagged: 1,
      precision: 0,
      recall: null,
      f1: 0,
    });
    assert.deepEqual(ls.scoreDetection({ isError: [true, false, true], flagged: [2, 2, 1] }), {
      flipped: 2,
      found: 1,
      flagged: 2,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
    });
  });

  test('bad arguments are LabelScopeErrors', async () => {
    await assertLabelScopeError(() => ls.scoreDetection({ isError: [1, -1], flagged: [0] }), 'invalid_option', {
      example: 1,
    });
    await assertLabelScopeError(() => ls.scoreDetection({ isError: [1, 0], flagged: [2] }), 'invalid_option');
    await assertLabelScopeError(() => ls.scoreDetection({ isError: [1, 0], flagged: [0.5] }), 'invalid_option');
    await assertLabelScopeError(() => ls.scoreDetection({ flagged: [0] }), 'invalid_option');
    await assertLabelScopeError(() => ls.scoreDetection({ isError: [1], flagged: [0], rate: 0.1 }), 'invalid_option');
  });
});

describe('in the worker', () => {
  let client;
  before(async () => {
    globalThis.Worker = moduleWorkerInNode();
    client = await createLabelScopeWorker();
  });
  after(() => {
    client?.terminate();
    delete globalThis.Worker;
  });

  test("simulateNoise and scoreDetection give the main thread's answers", async () => {
    const labels = cycling(200, 4);
    const expected = ls.simulateNoise({ labels, numClasses: 4, rate: 0.3, seed: 9, pair: [1, 2] });
    const s = await client.simulateNoise({ labels: labels.slice(), numClasses: 4, rate: 0.3, seed: 9, pair: [1, 2] });
    assert.deepEqual(s, expected);
    const flagged = [0, 1, 2, 5, 6];
    assert.deepEqual(
      await client.scoreDetection({ simulation: s, flagged }),
      ls.scoreDetection({ simulation: expected, flagged }),
    );
    await assert.rejects(client.simulateNoise({ labels, numClasses: 4, rate: 3 }), { code: 'invalid_option' });
  });
});
