// The worker client (createLabelScopeWorker) and src/js/worker.js, run in Node: a stand-in for the
// browser's module Worker runs worker.js in a worker_threads thread (node-worker-shim.mjs). Results
// must equal the main-thread API's; errors come back as LabelScopeErrors with their location.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { createLabelScopeWorker, LabelScopeError } from '../../src/js/index.js';
import { assertLabelScopeError, labelScope, loadGoldenCase, moduleWorkerInNode, ROOT } from './helpers.mjs';

const started = [];
const ModuleWorkerInNode = moduleWorkerInNode((url, options) => {
  assert.equal(options?.type, 'module', 'the client asks for a module worker');
  started.push(url);
});

let client;
let ls;
let c;
const copy = () => ({ labels: c.labels.slice(), predProbs: c.flat.slice(), numClasses: c.numClasses });

before(async () => {
  globalThis.Worker = ModuleWorkerInNode;
  c = loadGoldenCase('typical_n2000_k5');
  ls = await labelScope();
  client = await createLabelScopeWorker();
});
after(() => {
  client?.terminate();
  delete globalThis.Worker;
});

describe('worker client', () => {
  test('starts src/js/worker.js as a module worker', () => {
    assert.ok(started[0].endsWith('/src/js/worker.js'), started[0]);
  });

  test('every analysis method resolves to the main-thread result', async () => {
    const data = copy();
    const pairs = [
      ['findLabelIssues', { filterBy: 'both', returnIndicesRankedBy: 'normalized_margin' }],
      ['getLabelQualityScores', { method: 'confidence_weighted_entropy' }],
      ['computeConfidentJoint', { calibrate: false }],
      ['estimateLatent', { pyMethod: 'marginal_ps' }],
      ['numLabelIssues', { estimationMethod: 'off_diagonal_calibrated' }],
      ['healthSummary', { asymmetric: true }],
      ['rankClassesByLabelQuality', {}],
      ['findOverlappingClasses', {}],
      ['outOfDistributionScores', { method: 'least_confidence' }],
    ];
    for (const [method, options] of pairs) {
      const expected = ls[method]({ ...data, ...options });
      assert.deepEqual(await client[method]({ ...copy(), ...options }), expected, method);
    }
    assert.equal(typeof (await client.numLabelIssues(copy())), 'number');
    assert.deepEqual(await client.audit(copy(), { rankBy: 'self_confidence' }), ls.audit(data));
  });

  test('typed-array inputs are transferred (detached afterwards)', async () => {
    const input = copy();
    await client.findLabelIssues(input);
    assert.equal(input.labels.byteLength, 0);
    assert.equal(input.predProbs.byteLength, 0);
  });

  test('errors come back as LabelScopeErrors', async () => {
    const e = await assertLabelScopeError(
      () => client.findLabelIssues({ ...copy(), filter_by: 'both' }),
      'invalid_option',
    );
    assert.match(e.message, /filterBy/);
    await assertLabelScopeError(
      () =>
        client.getLabelQualityScores({
          labels: [0, 1, 2, 0],
          predProbs: [
            [0.8, 0.1, 0.1],
            [0.1, NaN, 0.1],
            [0.1, 0.1, 0.8],
            [0.3, 0.3, 0.4],
          ],
        }),
      'non_finite',
      { example: 1, classIndex: 1 },
    );
  });

  test('readDataset -> WorkerDataset: audit, methods, probabilityRows, free', async () => {
    const progress = [];
    const ds = await client.readDataset(
      { labels: new Uint8Array(c.labelsText), predProbs: new Uint8Array(c.probsText) },
      { onProgress: (p) => progress.push(p) },
    );
    assert.equal(typeof ds.datasetId, 'number');
    assert.equal(ds.numExamples, c.n);
    assert.equal(ds.numClasses, c.numClasses);
    assert.deepEqual(ds.classNames, ['p0', 'p1', 'p2', 'p3', 'p4']);
    assert.deepEqual(ds.labels, c.labels);
    assert.deepEqual(ds.warnings, []);
    assert.ok(progress.length >= 1);
    assert.equal(progress.at(-1).bytesRead, progress.at(-1).totalBytes);
    const data = copy();
    assert.deepEqual(await client.audit(ds), ls.audit(data));
    assert.deepEqual(
      await client.audit(ds, { filterBy: 'prune_by_class', rankBy: 'none' }),
      ls.audit(data, { filterBy: 'prune_by_class', rankBy: 'none' }),
    );
    assert.deepEqual(
      await client.findLabelIssues({ dataset: ds, returnIndicesRankedBy: 'self_confidence' }),
      ls.findLabelIssues({ ...data, returnIndicesRankedBy: 'self_confidence' }),
    );
    assert.deepEqual(await client.getLabelQualityScores({ dataset: ds }), ls.getLabelQualityScores(data));
    assert.deepEqual(await client.rankClassesByLabelQuality({ dataset: ds }), ls.rankClassesByLabelQuality(data));
    assert.deepEqual(await ds.probabilityRows(3, 2), c.flat.slice(15, 25));
    await ds.free();
    await assertLabelScopeError(() => client.audit(ds), 'freed');
    await assertLabelScopeError(() => ds.probabilityRows(0, 1), 'freed');
    await assertLabelScopeError(() => client.findLabelIssues({ dataset: ds }), 'freed');
  });

  test('readDataset errors keep file/row/column; a pre-aborted signal cancels', async () => {
    await assertLabelScopeError(
      () =>
        client.readDataset({
          labels: 'label\n0\n1\n7\n',
          predProbs: { name: 'pp.csv', data: 'a,b,c\n.8,.1,.1\n.1,.8,.1\n.1,.1,.8\n' },
        }),
      'label_out_of_range',
      { file: 'labels', row: 3, column: 1 },
    );
    await assertLabelScopeError(
      () => client.readDataset({ combined: new Blob(['label,a,b\n0,.9,.1\n1,.2,x\n']) }),
      'bad_number',
      { file: 'data.csv', row: 2, column: 3 },
    );
    await assertLabelScopeError(
      () => client.readDataset({ labels: '0\n1\n', predProbs: '.5,.5\n.5,.5\n' }, { signal: AbortSignal.abort() }),
      'cancelled',
    );
  });

  test('a dataset whose readDataset was cancelled is freed in the worker', async () => {
    const controller = new AbortController();
    const reading = client.readDataset(
      { labels: new Uint8Array(c.labelsText), predProbs: new Uint8Array(c.probsText) },
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    await assertLabelScopeError(() => reading, 'cancelled');
    // The worker finished reading anyway (in-memory bytes); once its answer has arrived the client
    // asks the worker to free that dataset. A later round trip orders us after both.
    const kept = await client.readDataset({ labels: '0\n1\n', predProbs: '.9,.1\n.2,.8\n' });
    const cancelledId = kept.datasetId - 1;
    await assertLabelScopeError(
      () => client.call('probabilityRows', { datasetId: cancelledId, start: 0, count: 1 }),
      'freed',
    );
    await kept.free();
  });

  test('createLabelScopeWorker({ wasmBinary }); terminate() rejects pending and later calls', async () => {
    const bytes = new Uint8Array(readFileSync(`${ROOT}dist/wasm/labelscope-core.wasm`));
    const second = await createLabelScopeWorker({ wasmBinary: bytes });
    assert.equal(await second.numLabelIssues(copy()), ls.numLabelIssues(copy()));
    const pending = second.audit(copy());
    second.terminate();
    await assertLabelScopeError(() => pending, 'worker_error');
    const later = await Promise.race([
      second.numLabelIssues(copy()).then(
        () => 'resolved',
        (e) => e,
      ),
      new Promise((resolve) => setTimeout(() => resolve('hung'), 2000)),
    ]);
    assert.ok(later instanceof LabelScopeError && later.code === 'worker_error', String(later));
  });
});
