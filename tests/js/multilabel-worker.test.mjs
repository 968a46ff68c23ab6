// ls.multiLabel through the worker client (src/js/worker-client.js, worker-methods.js), run in Node with the
// worker_threads stand-in for a module Worker: results equal the main thread's, datasets live in
// the worker, errors come back as LabelScopeErrors with their location.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { createLabelScopeWorker, LabelScopeError } from '../../src/js/index.js';
import { labelScope, moduleWorkerInNode } from './helpers.mjs';

const labels = [[0], [0, 1], [1], [1, 2], [2], [0, 2], [], [0], [1], [2]];
const predProbs = [
  [0.9, 0.1, 0.1],
  [0.8, 0.7, 0.1],
  [0.2, 0.9, 0.1],
  [0.1, 0.8, 0.2],
  [0.1, 0.2, 0.9],
  [0.7, 0.1, 0.8],
  [0.1, 0.1, 0.2],
  [0.2, 0.9, 0.1],
  [0.1, 0.8, 0.1],
  [0.1, 0.1, 0.7],
];
const labelsCsv = 'labels\n0\n0;1\n1\n1;2\n2\n0;2\n""\n0\n1\n2\n';
const probsCsv = `p0,p1,p2\n${predProbs.map((r) => r.join(',')).join('\n')}\n`;

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

test('every multi-label method resolves to the main-thread result', async () => {
  const ml = ls.multiLabel;
  const data = { labels, predProbs };
  assert.deepEqual(
    await client.multiLabel.findLabelIssues({ ...data, filterBy: 'both' }),
    ml.findLabelIssues({ ...data, filterBy: 'both' }),
  );
  assert.deepEqual(await client.multiLabel.findIssuesPerClass(data), ml.findIssuesPerClass(data));
  assert.deepEqual(
    await client.multiLabel.getLabelQualityScores({ ...data, aggregator: 'softmin' }),
    ml.getLabelQualityScores({ ...data, aggregator: 'softmin' }),
  );
  assert.deepEqual(await client.multiLabel.computeConfidentJoint(data), ml.computeConfidentJoint(data));
  assert.equal(await client.multiLabel.numLabelIssues(data), ml.numLabelIssues(data));
  assert.deepEqual(await client.multiLabel.healthSummary(data), ml.healthSummary(data));
  assert.deepEqual(await client.multiLabel.audit(data), ml.audit(data));
});

test('a dataset read in the worker: info, analysis on it, freed', async () => {
  const d = await client.multiLabel.readDataset({ labels: labelsCsv, predProbs: probsCsv });
  assert.equal(d.numExamples, 10);
  assert.equal(d.notation, 'semicolon');
  assert.deepEqual(Array.from(d.offsets), [0, 1, 3, 4, 6, 7, 9, 9, 10, 11, 12]);
  const report = await client.multiLabel.audit(d);
  assert.deepEqual(Array.from(report.issues), [7]);
  assert.deepEqual(report.rows, [{ example: 7, given: [0], missing: [1], extra: [] }]);
  assert.deepEqual(Array.from((await client.multiLabel.findLabelIssues({ dataset: d })).indices), [7]);
  await d.free();
  await assert.rejects(
    () => client.multiLabel.findLabelIssues({ dataset: d }),
    (e) => e instanceof LabelScopeError && e.code === 'freed',
  );
});

test('errors keep their code and location', async () => {
  const input = { labels: 'labels\n0\n0;9\n', predProbs: 'a,b\n0.1,0.2\n0.3,0.4\n' };
  await assert.rejects(
    () => client.multiLabel.readDataset(input),
    (e) => e instanceof LabelScopeError && e.code === 'label_out_of_range' && e.row === 2,
  );
});
