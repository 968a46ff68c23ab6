// sniffFile and correctedLabelsFile through the JS API and the worker: a bad file is refused at
// once; corrected labels come back in the file they came from and read back.
import assert from 'node:assert/strict';
import { describe, test, before } from 'node:test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLabelScope } from '../../src/js/index.js';

let ls;
before(async () => {
  // LABELSCOPE_CORE: another build of the core (e.g. a helper's own dist) instead of dist/wasm.
  const alt = process.env.LABELSCOPE_CORE;
  const moduleFactory = alt ? (await import(pathToFileURL(resolve(alt)).href)).default : undefined;
  ls = await createLabelScope({ moduleFactory, threads: false });
});

const text = (parts) => parts.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))).join('');

describe('sniffFile', () => {
  test("an empty file and a PNG renamed .csv come back with the reader's problem", async () => {
    const empty = await ls.sniffFile({ name: 'labels.csv', data: new Uint8Array(0) });
    assert.equal(empty.problem?.name, 'LabelScopeError');
    assert.equal(empty.problem.code, 'empty_file');
    assert.equal(empty.problem.file, 'labels.csv');
    const png = new Uint8Array(200);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const binary = await ls.sniffFile({ name: 'photo.csv', data: png });
    assert.equal(binary.problem.code, 'not_text');
  });

  test('roles, columns and a table of features', async () => {
    const combined = await ls.sniffFile({ name: 'd.csv', data: 'id,label,cat,dog\n1,cat,0.9,0.1\n' });
    assert.equal(combined.role, 'combined');
    assert.deepEqual(combined.columns, ['id', 'label', 'cat', 'dog']);
    assert.equal(combined.problem, undefined);
    const iris = await ls.sniffFile({ name: 'iris.csv', data: 'a,b,c,d,species\n5.1,3.5,1.4,0.2,setosa\n' });
    assert.equal(iris.looksLikeFeatures, true);
    assert.match(iris.reason, /features/);
    // The label column as a field (the page reads it, never the reason's words).
    assert.equal(iris.labelColumn, 'species');
    assert.equal(combined.labelColumn, 'label');
    const plain = await ls.sniffFile({ name: 'p.csv', data: 'cat,dog\n0.9,0.1\n' });
    assert.equal(plain.labelColumn, null);
  });

  // Parquet (issue 13): its first rows go through the same sniffer, so a pair of files gets the roles a CSV pair would.
  const learn = (name) => new Uint8Array(readFileSync(new URL(`../fixtures/learn/${name}`, import.meta.url)));
  test('Parquet: labels, a list column of pixels (features) and a labelled table, as a Blob or bytes', async () => {
    const labels = await ls.sniffFile({
      name: 'pixels_labels.parquet',
      data: new Blob([learn('pixels_labels.parquet')]),
    });
    assert.deepEqual(
      [labels.format, labels.role, labels.columns, labels.firstRow, labels.problem],
      ['parquet', 'labels', ['label'], ['0'], undefined],
    );
    const pixels = await ls.sniffFile({ name: 'pixels.parquet', data: learn('pixels.parquet') });
    assert.deepEqual(
      [pixels.format, pixels.role, pixels.looksLikeFeatures, pixels.columns],
      ['parquet', 'features', true, ['pixels']],
    );
    assert.equal(pixels.reason, "a list column 'pixels' of 36 numbers per row (features)");
    const iris = await ls.sniffFile({ name: 'iris.parquet', data: learn('iris.parquet') });
    assert.deepEqual(
      [iris.role, iris.looksLikeFeatures, iris.labelColumn, iris.columns.at(-1), iris.firstRow.at(-1)],
      ['combined', true, 'species', 'species', 'setosa'],
    );
    const probs = await ls.sniffFile({ name: 'probs.parquet', data: learn('probs.parquet') });
    assert.deepEqual(
      [probs.role, probs.looksLikeFeatures, probs.columns],
      ['combined', false, ['label', 'pred_probs']],
    );
  });

  test("Parquet: a damaged file comes back with the reader's problem", async () => {
    const broken = await ls.sniffFile({
      name: 'broken.parquet',
      data: new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3, 0x50, 0x41, 0x52, 0x31]),
    });
    assert.equal(broken.format, 'parquet');
    assert.equal(broken.problem?.code, 'bad_parquet');
    assert.equal(broken.problem.file, 'broken.parquet');
    // Corrected labels of a Parquet file: a CSV of the whole table (table-roles-intake.test.mjs).
  });
});

describe('correctedLabelsFile', () => {
  test('a combined CSV keeps every column, the label replaced, plus original_label, and reads back', async () => {
    const csv = 'id,text,label,+ve,-ve\na1,"good, really",+ve,0.9,0.1\na2,meh,+ve,0.2,0.8\na3,fine,-ve,0.6,0.4\n';
    const dataset = await ls.readDataset({ combined: { name: 'reviews.csv', data: csv } });
    const fixed = Int32Array.from(dataset.labels);
    fixed[1] = 1; // +ve -> -ve
    const out = await ls.correctedLabelsFile({ name: 'reviews.csv', data: csv }, { dataset, labels: fixed });
    const written = text(out.parts);
    assert.equal(
      written,
      'id,text,label,+ve,-ve,original_label\na1,"good, really",+ve,0.9,0.1,+ve\n' +
        'a2,meh,-ve,0.2,0.8,+ve\na3,fine,-ve,0.6,0.4,-ve\n',
    );
    const again = await ls.readDataset({ combined: { name: 'fixed.csv', data: written } });
    assert.deepEqual(Array.from(again.labels), Array.from(fixed));
    assert.deepEqual(again.classNames, dataset.classNames);
    assert.deepEqual(Array.from(again.probabilityRows(0, 3)), Array.from(dataset.probabilityRows(0, 3)));
    dataset.free();
    again.free();
  });

  test('a labels file of indices stays indices; a .npy stays a .npy of its dtype', async () => {
    const probs = 'a,b\n0.9,0.1\n0.2,0.8\n';
    const dataset = await ls.readDataset({ labels: { name: 'l.csv', data: 'label\n0\n1\n' }, predProbs: probs });
    const out = await ls.correctedLabelsFile({ name: 'l.csv', data: 'label\n0\n1\n' }, { dataset, labels: [1, 1] });
    assert.equal(text(out.parts), 'label,original_label\n1,0\n1,1\n');
    dataset.free();
  });
});
