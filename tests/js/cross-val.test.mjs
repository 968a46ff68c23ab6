// crossValProbs: out-of-sample probabilities from a labelled table (CSV, Parquet), from labels +
// an N x D features file (.npy, CSV), on the main-thread API and the worker; the result feeds
// audit(); every bad input fails with its code, file, row and column.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { createLabelScopeWorker } from '../../src/js/index.js';
import { probsCsv } from '../../src/js/cross-val-result.js';
import { labelScope, moduleWorkerInNode, ROOT } from './helpers.mjs';

const DIR = `${ROOT}tests/fixtures/learn/`;
const file = (name) => ({ name, data: readFileSync(DIR + name) });
const sameBits = (a, b, what) => {
  assert.equal(a.length, b.length, `${what}: lengths`);
  assert.deepEqual(
    new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
    new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
    `${what}: not the same bits`,
  );
};

let ls;
before(async () => {
  ls = await labelScope();
});

describe('crossValProbs on a labelled table', () => {
  test('iris-like CSV: classes from the species column, rows of probabilities, folds, settings, report', async () => {
    const progress = [];
    const r = await ls.crossValProbs({ combined: file('iris.csv') }, { onProgress: (p) => progress.push(p) });
    assert.deepEqual(r.classNames, ['setosa', 'versicolor', 'virginica']);
    assert.equal(r.numExamples, 150);
    assert.equal(r.numClasses, 3);
    assert.ok(r.predProbs instanceof Float64Array);
    assert.equal(r.predProbs.length, 450);
    assert.ok(r.labels instanceof Int32Array);
    assert.deepEqual(Array.from(r.labels.subarray(0, 6)), [0, 1, 2, 0, 1, 2]);
    for (let i = 0; i < 150; i++) {
      const sum = r.predProbs[3 * i] + r.predProbs[3 * i + 1] + r.predProbs[3 * i + 2];
      assert.ok(Math.abs(sum - 1) < 1e-9, `row ${i} sums to ${sum}`);
    }
    assert.equal(r.folds.length, 5);
    assert.equal(
      r.folds.reduce((n, f) => n + f.testRows, 0),
      150,
    );
    for (const f of r.folds) {
      assert.equal(f.trainRows + f.testRows, 150);
      assert.ok(f.accuracy > 0.8, `fold accuracy ${f.accuracy}`);
      assert.ok(Number.isFinite(f.logLoss));
    }
    assert.equal(r.settings.folds, 5);
    assert.equal(r.settings.seed, 0);
    assert.equal(r.settings.model, 'logistic_regression');
    assert.ok(r.settings.c > 0);
    const uses = Object.fromEntries(r.featureReport.columns.map((c) => [c.name, c.use]));
    assert.deepEqual(uses, {
      id: 'id',
      sepal_length: 'numeric',
      sepal_width: 'numeric',
      petal_length: 'numeric',
      petal_width: 'numeric',
      species: 'label',
    });
    assert.deepEqual(progress.filter((p) => p.stage === 'training').at(-1), {
      stage: 'training',
      foldsDone: 5,
      numFolds: 5,
    });
    assert.ok(progress.some((p) => p.stage === 'reading'));
  });

  test('deterministic: the same input and seed give the same bits; another seed other folds', async () => {
    const a = await ls.crossValProbs({ combined: file('iris.csv') }, { seed: 3 });
    const b = await ls.crossValProbs({ combined: file('iris.csv') }, { seed: 3 });
    sameBits(a.predProbs, b.predProbs, 'seed 3 twice');
    const c = await ls.crossValProbs({ combined: file('iris.csv') }, { seed: 4 });
    assert.notDeepEqual(Array.from(a.predProbs), Array.from(c.predProbs));
  });

  test('Parquet gives the same bits as the same table in CSV', async () => {
    const csv = await ls.crossValProbs({ combined: file('iris.csv') });
    const parquet = await ls.crossValProbs({ combined: file('iris.parquet') });
    assert.deepEqual(parquet.classNames, csv.classNames);
    sameBits(parquet.predProbs, csv.predProbs, 'iris.parquet vs iris.csv');
  });

  test('Parquet: a list-valued column is an embedding (one numeric feature per value)', async () => {
    const r = await ls.crossValProbs({ combined: file('embeddings.parquet') });
    assert.deepEqual(
      r.featureReport.columns.map((c) => `${c.name}:${c.use}`),
      ['species:label', 'embedding[0]:numeric', 'embedding[1]:numeric', 'embedding[2]:numeric', 'embedding[3]:numeric'],
    );
    const csv = await ls.crossValProbs({ combined: file('iris.csv') });
    sameBits(r.predProbs, csv.predProbs, 'embeddings.parquet vs iris.csv');
  });

  test('readDataset reads labels and a list column of probabilities from Parquet as from CSV', async () => {
    const parquet = await ls.readDataset({ combined: file('probs.parquet') });
    const csv = await ls.readDataset({ combined: file('probs.csv') });
    try {
      assert.equal(parquet.numExamples, 150);
      assert.deepEqual(parquet.classNames, ['0', '1', '2']);
      assert.deepEqual(Array.from(parquet.labels), Array.from(csv.labels));
      sameBits(parquet.probabilityRows(0, 150), csv.probabilityRows(0, 150), 'probs.parquet vs probs.csv');
    } finally {
      parquet.free();
      csv.free();
    }
  });

  test('a text column, the label column and the features chosen by name', async () => {
    const r = await ls.crossValProbs({ combined: file('text.csv') }, { labelColumn: 'topic', textColumn: 'headline' });
    assert.deepEqual(r.classNames, ['sports', 'tech']);
    const uses = Object.fromEntries(r.featureReport.columns.map((c) => [c.name, c.use]));
    assert.deepEqual(uses, { id: 'id', headline: 'text', topic: 'label' });
    const right = r.folds.reduce((n, f) => n + f.accuracy * f.testRows, 0) / r.numExamples;
    assert.ok(right > 0.9, `accuracy ${right}`);
    const two = await ls.crossValProbs({ combined: file('iris.csv') }, { features: ['petal_length', 'petal_width'] });
    assert.deepEqual(
      two.featureReport.columns.filter((c) => c.use === 'numeric').map((c) => c.name),
      ['petal_length', 'petal_width'],
    );
  });

  test('audit() and datasetFromCrossVal take the result directly, with the same answers', async () => {
    const r = await ls.crossValProbs({ combined: file('iris.csv') });
    const report = ls.audit(r);
    const direct = ls.audit({ labels: r.labels, predProbs: r.predProbs, numClasses: r.numClasses });
    assert.deepEqual(Array.from(report.issues), Array.from(direct.issues));
    const dataset = await ls.datasetFromCrossVal(r);
    try {
      assert.deepEqual(dataset.classNames, r.classNames);
      sameBits(dataset.probabilityRows(0, 150), r.predProbs, 'dataset rows');
      assert.deepEqual(Array.from(ls.audit(dataset).issues), Array.from(report.issues));
    } finally {
      dataset.free();
    }
    assert.equal(probsCsv(r).split('\n')[0], 'setosa,versicolor,virginica');
  });

  test('datasetFromCrossVal keeps the id, feature and known-truth columns of the table (not the ignored)', async () => {
    const lines = readFileSync(`${DIR}iris.csv`, 'utf8').trimEnd().split('\n');
    const text = [
      `${lines[0]},true_label,comment`,
      ...lines.slice(1).map((l, i) => `${l},${i === 4 ? 'setosa' : l.split(',').at(-1)},"seen, row ${i + 1}"`),
    ].join('\n');
    const r = await ls.crossValProbs(
      { combined: { name: 'truth.csv', data: text } },
      { features: 'sepal_length,sepal_width,petal_length,petal_width' },
    );
    // Every column read but the label, in file order (the comment is not in the features list: not kept).
    const FEATURES = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];
    assert.deepEqual(
      r.extraColumns.map((c) => c.name),
      ['id', ...FEATURES, 'true_label'],
    );
    const dataset = await ls.datasetFromCrossVal(r);
    try {
      assert.deepEqual(dataset.classNames, r.classNames);
      sameBits(dataset.probabilityRows(0, 150), r.predProbs, 'combined dataset rows');
      assert.deepEqual(
        dataset.extraColumns.map((c) => c.name),
        ['id', ...FEATURES],
      );
      assert.equal(dataset.extraColumns[0].values[4], '5');
      assert.equal(dataset.extraColumns[1].values[0], lines[1].split(',')[1]); // 5.5, as in the file
      assert.equal(dataset.trueLabels.length, 150);
      assert.equal(dataset.trueLabels[4], 0); // setosa, where the given label is versicolor
    } finally {
      dataset.free();
    }
  });
});

describe('column roles: shown before training (crossValColumns), changed with columnRoles', () => {
  // A table with every kind of column: an id, numbers, a constant, a category as numbers, free text.
  const table = () => {
    const rows = ['id,height,zone,flat,colour,note,species'];
    const colours = ['red', 'green', 'blue'];
    for (let i = 0; i < 60; i++) {
      const k = i % 3;
      rows.push(
        [
          i + 1,
          10 + k * 5 + (i % 7) / 10,
          (i % 4) + 1,
          7,
          colours[(i + k) % 3],
          `"${['tall', 'short', 'wide'][k]} plant number ${i}"`,
          ['a', 'b', 'c'][k],
        ].join(','),
      );
    }
    return { name: 'plants.csv', data: `${rows.join('\n')}\n` };
  };

  test('every column and its use before any training: label, id, numbers, one-hot levels, text, constant', async () => {
    const r = await ls.crossValColumns({ combined: table() });
    assert.equal(r.numExamples, 60);
    assert.deepEqual(r.classNames, ['a', 'b', 'c']);
    assert.equal(r.labelColumn, 'species');
    const by = Object.fromEntries(r.columns.map((c) => [c.name, c]));
    assert.deepEqual(Object.fromEntries(r.columns.map((c) => [c.name, c.use])), {
      id: 'id',
      height: 'numeric',
      zone: 'numeric',
      flat: 'numeric',
      colour: 'categorical',
      note: 'text',
      species: 'label',
    });
    assert.equal(by.flat.constant, true);
    assert.deepEqual(r.droppedConstant, ['flat']);
    assert.equal(by.colour.levels, 'red, blue, green'); // in the order first seen
    assert.equal(by.height.constant, undefined);
  });

  test('crossValColumns counts missing cells instead of refusing them', async () => {
    const text = readFileSync(`${DIR}iris.csv`, 'utf8').replace(/\n5,[^,]*,/, '\n5,,');
    const r = await ls.crossValColumns({ combined: { name: 'gap.csv', data: text } });
    assert.equal(r.columns.find((c) => c.name === 'sepal_length').missing, 1);
  });

  test('columnRoles: a number as categories, a column left out, the text column dropped: other probabilities', async () => {
    const auto = await ls.crossValProbs({ combined: table() });
    const chosen = await ls.crossValProbs(
      { combined: table() },
      { columnRoles: { zone: 'categorical', height: 'ignore', note: 'ignore' } },
    );
    const uses = Object.fromEntries(chosen.featureReport.columns.map((c) => [c.name, c.use]));
    assert.equal(uses.zone, 'categorical');
    assert.equal(uses.height, 'ignored');
    assert.equal(uses.note, 'ignored');
    assert.ok(chosen.featureReport.oneHot.includes('zone: 1, 2, 3, 4'), chosen.featureReport.oneHot.join(' | '));
    assert.deepEqual(chosen.settings.columnRoles, { zone: 'categorical', height: 'ignore', note: 'ignore' });
    assert.notDeepEqual(Array.from(chosen.predProbs), Array.from(auto.predProbs));
    // The same as naming the features and the text column the old way.
    const listed = await ls.crossValProbs({ combined: table() }, { features: ['zone', 'flat', 'colour'] });
    assert.equal(listed.featureReport.columns.find((c) => c.name === 'zone').use, 'numeric');
  });

  test('columnRoles: the label and the text column by role; an id used as a number', async () => {
    const r = await ls.crossValProbs(
      { combined: file('text.csv') },
      { columnRoles: { topic: 'label', headline: 'text' } },
    );
    const same = await ls.crossValProbs(
      { combined: file('text.csv') },
      { labelColumn: 'topic', textColumn: 'headline' },
    );
    sameBits(r.predProbs, same.predProbs, 'roles vs labelColumn/textColumn');
    const id = await ls.crossValProbs({ combined: file('iris.csv') }, { columnRoles: { id: 'numeric' } });
    assert.equal(id.featureReport.columns.find((c) => c.name === 'id').use, 'numeric');
  });

  test('columnRoles: bad roles are errors naming the column', async () => {
    const fails = (roles, expected) =>
      assert.rejects(ls.crossValProbs({ combined: table() }, { columnRoles: roles }), (e) => {
        assert.equal(e.code, expected.code, e.message);
        assert.match(e.message, expected.message);
        return true;
      });
    await fails({ height: 'tree' }, { code: 'invalid_option', message: /columnRoles\['height'\]/ });
    await fails({ nope: 'numeric' }, { code: 'missing_column', message: /No column named 'nope'/ });
    await fails({ colour: 'numeric' }, { code: 'bad_number', message: /'red' is not a number.*colour/ });
    await fails({ species: 'numeric' }, { code: 'missing_column', message: /label column/ });
    await fails({ note: 'text', colour: 'text' }, { code: 'invalid_option', message: /Two text columns/ });
    await fails({ id: 'categorical' }, { code: 'missing_column', message: /more than 50 distinct values/ });
  });
});

describe('crossValProbs on labels + features', () => {
  test("labels and features as Parquet files (a list column of pixels) give the CSV pair's bits", async () => {
    const parquet = await ls.crossValProbs({ labels: file('pixels_labels.parquet'), features: file('pixels.parquet') });
    const csv = await ls.crossValProbs({ labels: file('pixels_labels.csv'), features: file('pixels.csv') });
    sameBits(parquet.predProbs, csv.predProbs, 'Parquet pair vs CSV pair');
    assert.deepEqual(parquet.classNames, csv.classNames);
    assert.equal(parquet.featureReport.featuresFile, 'pixels.parquet');
    assert.deepEqual(parquet.featureReport.denseShape, [60, 36]);
  });

  test('pixels: uint8 .npy images and the same numbers in a CSV give the same bits', async () => {
    const npy = await ls.crossValProbs({ labels: file('pixels_labels.csv'), features: file('pixels.npy') });
    assert.deepEqual(npy.classNames, ['0', '1', '2']);
    assert.deepEqual(npy.featureReport.imageShape, [6, 6]);
    assert.equal(npy.featureReport.denseType, 'uint8');
    const csv = await ls.crossValProbs({ labels: file('pixels_labels.csv'), features: file('pixels.csv') });
    sameBits(npy.predProbs, csv.predProbs, 'pixels.npy vs pixels.csv');
  });
});

describe('crossValProbs: bad input, cancelling, options', () => {
  const fails = async (input, options, expected) => {
    await assert.rejects(ls.crossValProbs(input, options), (e) => {
      assert.equal(e.name, 'LabelScopeError');
      for (const [key, value] of Object.entries(expected)) {
        if (value instanceof RegExp) assert.match(e[key], value);
        else assert.equal(e[key], value, `${key}: ${e.message}`);
      }
      return true;
    });
  };

  test('a non-number in a numeric column names the file, data row and column', () =>
    fails(
      { combined: file('bad_number.csv') },
      {},
      {
        code: 'bad_number',
        file: 'bad_number.csv',
        row: 7,
        column: 3,
        message: /'abc'.*sepal_width/,
      },
    ));
  test('a class with fewer examples than folds', () =>
    fails(
      { combined: file('small_class.csv') },
      {},
      {
        code: 'too_few_examples',
        file: 'small_class.csv',
        message: /'virginica' has 3 examples.*5 folds/,
      },
    ));
  test('a single class', () =>
    fails({ combined: file('single_class.csv') }, {}, { code: 'single_label_class', file: 'single_class.csv' }));
  test('fewer examples than folds', () =>
    fails(
      { combined: file('tiny.csv') },
      {},
      { code: 'too_few_examples', message: /3 examples, fewer than the 5 folds/ },
    ));
  test('an empty text column', () =>
    fails(
      { combined: file('empty_text.csv') },
      { textColumn: 'headline' },
      {
        code: 'constant_features',
        file: 'empty_text.csv',
        column: 1,
        message: /'headline' is empty/,
      },
    ));
  test('all-constant features', () =>
    fails({ combined: file('constant.csv') }, {}, { code: 'constant_features', file: 'constant.csv' }));
  test('a missing value unless imputation is asked for', async () => {
    const text = readFileSync(`${DIR}iris.csv`, 'utf8').replace(/\n5,[^,]*,/, '\n5,,'); // data row 5: no sepal_length
    await fails({ combined: { name: 'gap.csv', data: text } }, {}, { code: 'missing_value', row: 5, column: 2 });
    const r = await ls.crossValProbs({ combined: { name: 'gap.csv', data: text } }, { impute: true });
    assert.equal(r.numExamples, 150);
  });
  test('a damaged Parquet file names the file', () =>
    fails(
      {
        combined: {
          name: 'broken.parquet',
          data: new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3, 0x50, 0x41, 0x52, 0x31]),
        },
      },
      {},
      { code: 'bad_parquet', file: 'broken.parquet' },
    ));
  test('labels and features of different lengths', () =>
    fails(
      { labels: { name: 'l.csv', data: '0\n1\n' }, features: file('pixels.npy') },
      {},
      { code: 'row_count_mismatch' },
    ));
  test('options: unknown names and bad values are errors', async () => {
    await fails(
      { combined: file('iris.csv') },
      { fold: 3 },
      { code: 'invalid_option', message: /unknown option 'fold'/ },
    );
    await fails({ combined: file('iris.csv') }, { folds: 1 }, { code: 'invalid_option' });
    await fails({ combined: file('iris.csv') }, { model: 'forest' }, { code: 'invalid_option' });
  });
  test('cancelled from onProgress: rejects with cancelled, and the API stays usable', async () => {
    const controller = new AbortController();
    await fails(
      { combined: file('iris.csv') },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.stage === 'training' && p.foldsDone >= 1) controller.abort();
        },
      },
      { code: 'cancelled' },
    );
    const r = await ls.crossValProbs({ combined: file('iris.csv') }, { folds: 3 });
    assert.equal(r.folds.length, 3);
  });
});

describe('crossValProbs in the worker', () => {
  let client;
  before(async () => {
    globalThis.Worker = moduleWorkerInNode();
    client = await createLabelScopeWorker();
  });
  after(() => {
    client?.terminate();
    delete globalThis.Worker;
  });

  test('the same bits as the main thread, progress per fold, and audit of the result', async () => {
    const main = await ls.crossValProbs({ combined: file('iris.csv') });
    const progress = [];
    const r = await client.crossValProbs({ combined: file('iris.csv') }, { onProgress: (p) => progress.push(p) });
    sameBits(r.predProbs, main.predProbs, 'worker vs main thread');
    assert.deepEqual(
      progress.filter((p) => p.stage === 'training').map((p) => p.foldsDone),
      [0, 1, 2, 3, 4, 5],
    );
    const report = await client.audit(r);
    assert.deepEqual(Array.from(report.issues), Array.from(ls.audit(main).issues));
    assert.equal(r.predProbs.length, 450, 'the result keeps its probabilities after audit');
  });

  test('cancelled mid-training: rejects at once, the worker stays usable', async () => {
    const controller = new AbortController();
    const run = client.crossValProbs(
      { combined: file('iris.csv') },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.stage === 'training') controller.abort();
        },
      },
    );
    await assert.rejects(run, (e) => e.code === 'cancelled');
    const r = await client.crossValProbs({ combined: file('iris.csv') }, { folds: 3 });
    assert.equal(r.folds.length, 3);
  });
});
