// compareMethods (src/js/compare.js): every filterBy method and ranking on the same known flips,
// each number checked against findLabelIssues / getLabelQualityScores and a count done here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { createLabelScopeWorker } from '../../src/js/index.js';
import { assertLabelScopeError, labelScope, moduleWorkerInNode, ROOT } from './helpers.mjs';

const FILTER_BY = [
  'prune_by_noise_rate',
  'prune_by_class',
  'both',
  'confident_learning',
  'predicted_neq_given',
  'low_normalized_margin',
  'low_self_confidence',
];
const RANK_BY = ['self_confidence', 'normalized_margin', 'confidence_weighted_entropy'];

let ls;
let headlines;
before(async () => {
  ls = await labelScope();
  headlines = await ls.readDataset({ combined: readFileSync(`${ROOT}examples/headlines/dataset.csv`) });
});
after(() => headlines?.free());

/** The expected table, computed here from the public calls. */
function expectedTable(data, isError, k) {
  const flipped = Array.from(isError).filter((v) => v === 1).length;
  const methods = FILTER_BY.map((filterBy) => {
    const flagged = Array.from(ls.findLabelIssues({ ...data, filterBy }).indices);
    const found = flagged.filter((i) => isError[i] === 1).length;
    return {
      filterBy,
      flipped,
      found,
      flagged: flagged.length,
      precision: flagged.length ? found / flagged.length : null,
      recall: flipped ? found / flipped : null,
      f1: flagged.length + flipped ? (2 * found) / (flagged.length + flipped) : null,
    };
  });
  const rankings = RANK_BY.map((rankBy) => {
    const { scores } = ls.getLabelQualityScores({ ...data, method: rankBy });
    const order = Array.from(scores.keys()).sort((a, b) => (scores[a] === scores[b] ? a - b : scores[a] - scores[b]));
    const found = order.slice(0, k).filter((i) => isError[i] === 1).length;
    return { rankBy, k, found, precisionAtK: k ? found / k : null };
  });
  return { numExamples: data.labels.length, flipped, k, methods, rankings };
}

describe('compareMethods', () => {
  test("a simulation on a dataset: the noisy labels with the dataset's probabilities", () => {
    const simulation = ls.simulateNoise({ dataset: headlines, rate: 0.2, seed: 1 });
    const data = {
      labels: simulation.noisyLabels,
      predProbs: headlines.probabilityRows(0, headlines.numExamples),
      numClasses: headlines.numClasses,
    };
    const table = ls.compareMethods({ dataset: headlines, simulation });
    assert.deepEqual(table, expectedTable(data, simulation.isError, simulation.flipped.length));
    assert.equal(table.flipped, 10);
    // Arrays and an explicit k give the same methods, rankings at that k.
    const atThree = ls.compareMethods({ ...data, isError: simulation.isError, k: 3 });
    assert.deepEqual(atThree, expectedTable(data, simulation.isError, 3));
  });

  test('a dataset with a true_label column is its own truth', () => {
    const isError = Uint8Array.from(headlines.labels, (y, i) => Number(y !== headlines.trueLabels[i]));
    const data = {
      labels: headlines.labels,
      predProbs: headlines.probabilityRows(0, headlines.numExamples),
      numClasses: headlines.numClasses,
    };
    const table = ls.compareMethods({ dataset: headlines });
    assert.deepEqual(table, expectedTable(data, isError, table.flipped));
    assert.ok(table.flipped > 0);
  });

  test('bad arguments are LabelScopeErrors', async () => {
    const simulation = ls.simulateNoise({ dataset: headlines, rate: 0.2, seed: 1 });
    const labels = Int32Array.from({ length: 6 }, (_, i) => i % 2);
    const predProbs = Array.from(labels, (y) => (y ? [0.2, 0.8] : [0.9, 0.1]));
    await assertLabelScopeError(() => ls.compareMethods({ labels, predProbs }), 'invalid_option');
    const both = { dataset: headlines, simulation, isError: simulation.isError };
    await assertLabelScopeError(() => ls.compareMethods(both), 'invalid_option');
    await assertLabelScopeError(() => ls.compareMethods({ labels, predProbs, isError: [1, 0] }), 'invalid_option');
    await assertLabelScopeError(
      () => ls.compareMethods({ labels, predProbs, isError: [1, 0, 0, 0, 0, 0], k: 7 }),
      'invalid_option',
    );
    await assertLabelScopeError(
      () => ls.compareMethods({ dataset: headlines, simulation, filterBy: 'both' }),
      'invalid_option',
    );
    await assertLabelScopeError(() => ls.sweepNoiseRate({ dataset: headlines, rates: [] }), 'invalid_option');
    await assertLabelScopeError(() => ls.sweepNoiseRate({ dataset: headlines, rates: [0.1, 2] }), 'invalid_option');
    await assertLabelScopeError(() => ls.sweepNoiseRate({ dataset: headlines, filterBy: 'bogus' }), 'invalid_option');
    await assertLabelScopeError(() => ls.sweepNoiseRate({ dataset: headlines, labels }), 'invalid_option');
  });

  test('sweepNoiseRate: one score per rate, equal to simulate + findLabelIssues + score at that rate', () => {
    const rates = [0, 0.1, 0.3];
    const sweep = ls.sweepNoiseRate({ dataset: headlines, rates, seed: 5, filterBy: 'prune_by_class' });
    const predProbs = headlines.probabilityRows(0, headlines.numExamples);
    assert.equal(sweep.length, rates.length);
    rates.forEach((rate, r) => {
      const simulation = ls.simulateNoise({ dataset: headlines, rate, seed: 5 });
      const { indices } = ls.findLabelIssues({
        labels: simulation.noisyLabels,
        predProbs,
        numClasses: headlines.numClasses,
        filterBy: 'prune_by_class',
      });
      assert.deepEqual(sweep[r], ls.scoreDetection({ simulation, flagged: indices }));
    });
    assert.equal(sweep[0].flipped, 0);
    assert.equal(sweep[0].recall, null);
    // Arrays, a pair and the default rates (0 to 0.3 by 0.05).
    const { labels, numClasses, classNames } = headlines;
    const pairSweep = ls.sweepNoiseRate({ labels, predProbs, numClasses, classNames, pair: 'sports,weather' });
    assert.deepEqual(
      pairSweep.map((x) => x.rate),
      [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3],
    );
    assert.deepEqual(pairSweep, ls.sweepNoiseRate({ dataset: headlines, pair: ['sports', 'weather'] }));
  });

  test('the worker gives the same table', async () => {
    globalThis.Worker = moduleWorkerInNode();
    const client = await createLabelScopeWorker();
    try {
      const dataset = await client.readDataset({ combined: readFileSync(`${ROOT}examples/headlines/dataset.csv`) });
      const simulation = await client.simulateNoise({ dataset, rate: 0.3, seed: 2 });
      assert.deepEqual(simulation, ls.simulateNoise({ dataset: headlines, rate: 0.3, seed: 2 }));
      assert.deepEqual(
        await client.compareMethods({ dataset, simulation }),
        ls.compareMethods({ dataset: headlines, simulation }),
      );
      assert.deepEqual(
        await client.sweepNoiseRate({ dataset, rates: [0.2] }),
        ls.sweepNoiseRate({ dataset: headlines, rates: [0.2] }),
      );
    } finally {
      client.terminate();
      delete globalThis.Worker;
    }
  });
});
