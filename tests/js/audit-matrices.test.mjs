// audit's `matrices` option (issue 12, K = 10,000 on the page): 'sparse' gives each K x K matrix
// as its non-zero cells and 'none' leaves them out; every other field is the same as 'full', the
// sparse cells are the full matrices' non-zero cells, the worker transfer keeps them sparse, the
// page's many-class views give the same answers from them, and the page asks for them above the
// grid's 30 classes. LABELSCOPE_CORE (a labelscope-core.mjs) tests another build of the core.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { createLabelScope, LabelScopeError } from '../../src/js/index.js';
import {
  denseRows,
  isSparseMatrix,
  matrixCells,
  packedBuffers,
  packReport,
  unpackReport,
} from '../../src/js/report-transfer.js';
import { auditInWorker } from '../../web/controllers/auditing.js';
import { cellsOfRows, classConfusions, topPairs, topPairsSliced } from '../../web/ui/confused-pairs.js';
import { MAX_GRID_CLASSES } from '../../web/ui/heatmap.js';
import { manyClasses } from '../../bench/many-classes-data.mjs';

const MATRICES = ['confidentJoint', 'confidentJointUncalibrated', 'joint', 'noiseMatrix', 'inverseNoiseMatrix'];

let lsPromise = null;
function labelScope() {
  lsPromise ??= (async () => {
    if (!process.env.LABELSCOPE_CORE) return createLabelScope();
    const moduleFactory = (await import(pathToFileURL(process.env.LABELSCOPE_CORE).href)).default;
    return createLabelScope({ moduleFactory });
  })();
  return lsPromise;
}

/** Nested rows of a report's matrix however it was given (read in full). */
const rowsOf = (m) => (Array.isArray(m) ? m : denseRows(m));

function checkSameExceptMatrices(full, other, form) {
  assert.equal(other.matrices, form);
  for (const key of Object.keys(full)) {
    if (MATRICES.includes(key) || key === 'overlappingClasses') continue;
    assert.deepEqual(other[key], full[key], key);
  }
  // The overlapping pairs: the full list up to its first pair with no overlap (all zeros after).
  const pairs = other.overlappingClasses;
  assert.deepEqual(pairs, full.overlappingClasses.slice(0, pairs.length));
  assert.ok(full.overlappingClasses.slice(pairs.length).every((p) => p.jointProbability === 0));
  assert.ok(pairs.every((p) => p.jointProbability > 0));
}

for (const k of [3, 40, 120])
  test(`K = ${k}: matrices 'sparse' and 'none' change only the K x K parts`, async () => {
    const ls = await labelScope();
    const { labels, probs } = manyClasses({ n: 25 * k, k, seed: 5 });
    const data = { labels, predProbs: probs, numClasses: k };
    const full = ls.audit(data);
    assert.equal(full.matrices, undefined, "'full' (the default) reports as before");
    assert.deepEqual(ls.audit(data, { matrices: 'full' }), full);
    const sparse = ls.audit(data, { matrices: 'sparse' });
    checkSameExceptMatrices(full, sparse, 'sparse');
    for (const key of MATRICES) {
      const m = sparse[key];
      assert.ok(isSparseMatrix(m), key);
      assert.deepEqual(m.shape, [k, k]);
      assert.ok(
        m.value.every((v) => v !== 0),
        `${key}: only non-zero cells`,
      );
      for (let e = 1; e < m.row.length; e++) {
        assert.ok(
          m.row[e - 1] < m.row[e] || (m.row[e - 1] === m.row[e] && m.col[e - 1] < m.col[e]),
          `${key}: row-major`,
        );
      }
      assert.deepEqual(denseRows(m), full[key], `${key}: the same cells as 'full'`);
    }
    const none = ls.audit(data, { matrices: 'none' });
    checkSameExceptMatrices(full, none, 'none');
    for (const key of MATRICES) assert.equal(key in none, false, key);
    assert.deepEqual(none.py, full.py);
    assert.deepEqual(await ls.auditAsync(data, { matrices: 'sparse' }), sparse, 'auditAsync: the same');
  });

test("matrices: anything but 'full', 'sparse' or 'none' is an invalid_option", async () => {
  const ls = await labelScope();
  const data = {
    labels: [0, 1, 1],
    predProbs: [
      [0.8, 0.2],
      [0.3, 0.7],
      [0.6, 0.4],
    ],
  };
  for (const matrices of ['dense', 1, {}, true]) {
    assert.throws(
      () => ls.audit(data, { matrices }),
      (e) =>
        e instanceof LabelScopeError && e.code === 'invalid_option' && /'full', 'sparse' or 'none'/.test(e.message),
      String(matrices),
    );
  }
  await assert.rejects(ls.auditAsync(data, { matrices: 'dense' }), (e) => e.code === 'invalid_option');
});

test('a sparse report crosses to the page sparse, buffers transferred; the many-class views agree with full', async () => {
  const ls = await labelScope();
  const k = 300;
  const { labels, probs } = manyClasses({ n: 20 * k, k, seed: 9 });
  const data = { labels, predProbs: probs, numClasses: k };
  const full = ls.audit(data);
  const packed = packReport(ls.audit(data, { matrices: 'sparse' }));
  const buffers = packedBuffers(packed);
  const overlapColumns = packed.packed.overlappingClasses ? 4 : 0; // packed flat above 5,000 pairs
  assert.equal(buffers.length, 5 * 3 + overlapColumns, "each matrix's row, col and value");
  const page = unpackReport(structuredClone(packed, { transfer: buffers }));
  for (const key of ['confidentJoint', 'noiseMatrix']) {
    assert.ok(isSparseMatrix(page[key]), `${key} stays sparse on the page`);
    const cells = matrixCells(page, key);
    const dense = cellsOfRows(rowsOf(full[key]));
    assert.equal(cells.k, k);
    for (const [i, j] of [
      [0, 0],
      [3, 7],
      [k - 1, k - 1],
      [17, 250],
    ])
      assert.equal(cells.at(i, j), dense.at(i, j));
    assert.deepEqual(topPairs(cells), topPairs(dense), `${key}: the most confused pairs`);
    assert.deepEqual(await topPairsSliced(cells), topPairs(dense), `${key}: in slices`);
    for (const c of [0, 11, k - 1])
      assert.deepEqual(classConfusions(cells, c), classConfusions(dense, c), `${key}: class ${c}`);
  }
});

test(`the page asks for sparse matrices above ${MAX_GRID_CLASSES} classes (it shows no grid there)`, async () => {
  const asked = [];
  const client = async () => ({
    audit: async (dataset, options) => {
      asked.push(options.matrices);
      return {};
    },
  });
  const view = { progress() {}, progressShowing: () => false };
  const settings = { filterBy: 'prune_by_noise_rate', rankBy: 'self_confidence', fracNoise: 1, minExamplesPerClass: 1 };
  for (const numClasses of [2, MAX_GRID_CLASSES, MAX_GRID_CLASSES + 1, 10_000]) {
    await auditInWorker({ numClasses }, settings, { client, view, signal: undefined, live: () => true, started() {} });
  }
  assert.deepEqual(asked, [undefined, undefined, 'sparse', 'sparse']);
});

test('K = 2,000 (the page above its grid, kept small for CI): a sparse report is a few cells per example', async () => {
  // K = 10,000 (N = 20,000) runs in bench/many-classes.mjs: too much memory for CI.
  const ls = await labelScope();
  const k = 2_000;
  const n = 4_000;
  const { labels, probs } = manyClasses({ n, k, seed: 11 });
  const report = await ls.auditAsync({ labels, predProbs: probs, numClasses: k }, { matrices: 'sparse' });
  assert.equal(report.numClasses, k);
  assert.ok(report.issues.length > 0);
  for (const key of MATRICES) assert.ok(report[key].value.length <= n + k, `${key}: ${report[key].value.length} cells`);
  assert.ok(report.overlappingClasses.length <= 2 * n, `${report.overlappingClasses.length} overlapping pairs`);
  const top = topPairs(matrixCells(report, 'confidentJoint'));
  assert.equal(top.length, 20);
});
