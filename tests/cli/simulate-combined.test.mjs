// `labelscope simulate-noise --data TABLE --features all|COL,... --probs-out PROBS.csv`: one labelled
// table of feature columns (iris): the probabilities computed again by cross-validation with the
// noisy labels in place of its label column, the JS API's simulateNoisyData({ combined }) bits.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { createLabelScope } from '../../src/js/index.js';
import { parseCsv, ROOT, runCli, tempDir } from './helpers.mjs';

const IRIS = path.join(ROOT, 'tests/fixtures/learn/iris.csv');
const node = (args) => runCli(args, {}, 'node');
const dir = tempDir();
const out = (name) => path.join(dir, name);
const numbers = (file) => parseCsv(fs.readFileSync(file, 'utf8')).slice(1).flat().map(Number);
const table = () => ({ name: IRIS, data: fs.readFileSync(IRIS) });

let ls;
let dataset; // iris with probabilities cross-validated from its own labels, as the CLI starts
before(async () => {
  ls = await createLabelScope({ threads: false });
  // The CLI's first training uses --seed as the folds' seed too (as with --labels --features).
  dataset = await ls.datasetFromCrossVal(await ls.crossValProbs({ combined: table() }, { features: 'all', seed: 7 }));
});
after(() => dataset?.free());

test("--data TABLE --features all: recomputed with the noisy labels in place of the label column, the API's bits", async () => {
  const api = await ls.simulateNoisyData({
    dataset,
    rate: 0.1,
    seed: 7,
    combined: table(),
    crossVal: { features: 'all' },
  });
  assert.equal(api.probabilities, 'recomputed');
  const r = node([
    'simulate-noise',
    '--data',
    IRIS,
    '--features',
    'all',
    '--rate',
    '0.1',
    '--seed',
    '7',
    '--out',
    out('noisy.csv'),
    '--probs-out',
    out('probs.csv'),
  ]);
  assert.equal(r.status, 0, r.stderr);
  const rows = parseCsv(fs.readFileSync(out('noisy.csv'), 'utf8'));
  assert.deepEqual(rows[0], ['label', 'true_label', 'is_error']);
  // Class names as the table names them.
  assert.deepEqual(
    rows.slice(1).map((row) => row[0]),
    Array.from(api.labels, (c) => api.classNames[c]),
  );
  assert.deepEqual(
    rows.slice(1).map((row) => Number(row[2])),
    Array.from(api.simulation.isError),
  );
  assert.equal(rows.slice(1).filter((row) => row[2] === '1').length, 15);
  assert.deepEqual(parseCsv(fs.readFileSync(out('probs.csv'), 'utf8'))[0], ['setosa', 'versicolor', 'virginica']);
  assert.deepEqual(numbers(out('probs.csv')), Array.from(api.predProbs));
  assert.notDeepEqual(
    numbers(out('probs.csv')),
    Array.from(dataset.probabilityRows(0, 150)),
    'trained on the noisy labels',
  );

  // Feature columns by name; the pair analyses as usual.
  const two = node([
    'simulate-noise',
    '--data',
    IRIS,
    '--features',
    'petal_length,petal_width',
    '--label-column',
    'species',
    '--rate',
    '0.1',
    '--seed',
    '7',
    '--out',
    out('noisy2.csv'),
    '--probs-out',
    out('probs2.csv'),
  ]);
  assert.equal(two.status, 0, two.stderr);
  assert.equal(fs.readFileSync(out('noisy2.csv'), 'utf8'), fs.readFileSync(out('noisy.csv'), 'utf8'));
  const a = node(['find-issues', '--labels', out('noisy.csv'), '--pred-probs', out('probs.csv'), '--format', 'json']);
  assert.equal(a.status, 0, a.stderr);
});

test('a feature column that is not in the table is named (exit 1)', () => {
  const r = node([
    'simulate-noise',
    '--data',
    IRIS,
    '--features',
    'petal_size',
    '--rate',
    '0.1',
    '--seed',
    '7',
    '--out',
    out('x.csv'),
    '--probs-out',
    out('y.csv'),
  ]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /petal_size/);
});
