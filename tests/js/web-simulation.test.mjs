// controllers/simulation.js under node: attributes → request, the truth of a simulation, what
// hide-truth may show, the result event's scores (as the JS API's scoreDetection), and the .npy
// the noisy dataset is read from (the same bits back).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLabelScope } from '../../src/js/index.js';
import {
  npyBytes,
  probabilitiesNote,
  simulationRequest,
  simulationScores,
  simulationTruth,
  truthSoFar,
} from '../../web/controllers/simulation.js';

const attrs = (map) => (name) => map[name] ?? null;

test('simulationRequest: rate, seed (default 0) and pair from the attributes; bad values say what to give', () => {
  assert.equal(simulationRequest(attrs({})), null);
  assert.deepEqual(simulationRequest(attrs({ 'simulate-noise': '0.1', seed: '7' })), {
    rate: 0.1,
    seed: 7,
    pair: null,
    probabilities: null,
    key: '[0.1,7,null,null]',
  });
  assert.equal(
    simulationRequest(attrs({ 'simulate-noise': '0.2', 'noise-pair': 'Shirt,T-shirt' })).pair,
    'Shirt,T-shirt',
  );
  assert.equal(simulationRequest(attrs({ 'simulate-noise': '0.2' })).seed, 0);
  assert.throws(() => simulationRequest(attrs({ 'simulate-noise': '1.5' })), /from 0 to 1/);
  assert.throws(() => simulationRequest(attrs({ 'simulate-noise': '' })), /from 0 to 1/);
  assert.throws(() => simulationRequest(attrs({ 'simulate-noise': '0.1', seed: '-1' })), /whole number/);
});

test('the scores equal the JS API scoreDetection; the truth is the flips; hide-truth shows decided rows only', async () => {
  const ls = await createLabelScope({ threads: false });
  const labels = Array.from({ length: 60 }, (_, i) => i % 3);
  const sim = ls.simulateNoise({ labels, numClasses: 3, rate: 0.2, seed: 5 });
  const simulation = {
    rate: 0.2,
    seed: 5,
    flipped: sim.flipped.length,
    flippedRows: Array.from(sim.flipped),
    isError: sim.isError,
    trueLabels: sim.trueLabels,
  };
  const flagged = [sim.flipped[0], sim.flipped[1], 3, 4].filter((v, i, a) => a.indexOf(v) === i);
  const api = ls.scoreDetection({ simulation: sim, flagged });
  assert.deepEqual(simulationScores(simulation, Int32Array.from(flagged)), {
    rate: 0.2,
    seed: 5,
    flipped: api.flipped,
    found: api.found,
    precision: api.precision,
    recall: api.recall,
  });
  assert.deepEqual(simulationScores(simulation, []).precision, null);

  const truth = simulationTruth(simulation);
  assert.equal(truth.numErrors, 12);
  assert.equal(truth.full, true);
  for (const i of sim.flipped) assert.equal(truth.corrected[i], labels[i]);
  assert.equal(truthSoFar(truth, new Set()), null);
  const some = truthSoFar(truth, new Set([sim.flipped[0], 3]));
  assert.equal(some.numKnown, 2);
  assert.equal(some.full, false);
  assert.equal(some.status.filter((s) => s !== -1).length, 2);
});

test('npyBytes: the probabilities read back bit for bit', async () => {
  const ls = await createLabelScope({ threads: false });
  const k = 3;
  const values = new Float64Array([0.1, 0.2, 0.7, 1 / 3, 1 / 3, 1 / 3, 0.9999999999999999, 1e-300, 0, 0.5, 0.25, 0.25]);
  const dataset = await ls.readDataset(
    {
      labels: { name: 'labels.csv', data: '2\n0\n0\n1\n' },
      predProbs: { name: 'pred_probs.npy', data: npyBytes(values, 4, k) },
    },
    { allowUnnormalized: true },
  );
  try {
    assert.deepEqual(Array.from(dataset.probabilityRows(0, 4)), Array.from(values));
  } finally {
    dataset.free();
  }
});

test(
  'noise-probabilities: recompute or keep (default: recompute when there are features); the note says which ' +
    'and why',
  () => {
    const req = (extra) => simulationRequest(attrs({ 'simulate-noise': '0.1', ...extra }));
    assert.equal(req({}).probabilities, null);
    assert.equal(req({ 'noise-probabilities': 'keep' }).probabilities, 'keep');
    assert.equal(req({ 'noise-probabilities': ' Recompute ' }).probabilities, 'recompute');
    assert.notEqual(req({ 'noise-probabilities': 'keep' }).key, req({}).key);
    assert.throws(() => req({ 'noise-probabilities': 'retrain' }), /"recompute".*"keep"/);
    const recomputed = probabilitiesNote({ probabilities: 'recomputed', crossVal: { folds: 5, accuracy: 0.733 } });
    assert.match(recomputed, /computed again on the noisy labels \(5-fold .* accuracy 73\.3%/);
    assert.match(recomputed, /honest check/);
    assert.match(
      probabilitiesNote({ probabilities: 'kept', canRecompute: true }),
      /noise-probabilities="keep".*never saw/s,
    );
    assert.match(probabilitiesNote({ probabilities: 'kept' }), /no features to train on again/);
    assert.match(probabilitiesNote({ probabilities: 'kept', computedTable: true }), /two files/);
  },
);

test("noise-matrix: a K x K JSON matrix instead of simulate-noise; the flips are the JS API's with that matrix", async () => {
  const m = [
    [1, 0.3],
    [0, 0.7],
  ];
  const req = simulationRequest(attrs({ 'noise-matrix': JSON.stringify(m), seed: '2' }));
  assert.deepEqual(
    { ...req, key: undefined },
    { rate: null, seed: 2, pair: null, matrix: m, probabilities: null, key: undefined },
  );
  assert.throws(
    () => simulationRequest(attrs({ 'noise-matrix': '[[1,0],[0,1]]', 'simulate-noise': '0.1' })),
    /leave out simulate-noise/,
  );
  assert.throws(() => simulationRequest(attrs({ 'noise-matrix': '[[1,0],[0,"a"]]' })), /K rows of K numbers as JSON/);
  assert.throws(() => simulationRequest(attrs({ 'noise-matrix': 'not json' })), /K rows of K numbers as JSON/);
  // simulateOn with that request flips what simulateNoise flips with the matrix.
  const ls = await createLabelScope({ threads: false });
  const labels = Array.from({ length: 40 }, (_, i) => i % 2);
  const dataset = await ls.readDataset({
    labels: { name: 'l.csv', data: `${labels.join('\n')}\n` },
    predProbs: { name: 'p.csv', data: `${labels.map((y) => (y ? '0.2,0.8' : '0.9,0.1')).join('\n')}\n` },
  });
  const want = ls.simulateNoise({ dataset, noiseMatrix: m, seed: 2 });
  const { simulateOn } = await import('../../web/controllers/simulation.js');
  const client = { simulateNoise: (a) => ls.simulateNoise(a), readDataset: (i, o) => ls.readDataset(i, o) };
  const out = await simulateOn(
    client,
    { ...dataset, probabilityRows: (s, c) => dataset.probabilityRows(s, c), free: async () => {} },
    req,
  );
  assert.equal(out.simulation.rate, null);
  assert.equal(out.simulation.mode, 'matrix');
  assert.deepEqual(out.simulation.flippedRows, Array.from(want.flipped));
  assert.equal(out.simulation.flipped, 6); // 30 % of the 20 rows of class 1 move to class 0
  assert.equal(simulationTruth(out.simulation).sources[0], 'the simulated noise (a noise matrix, seed 2)');
  out.dataset.free();
  dataset.free();
});
