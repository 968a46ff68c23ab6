// ls.multiLabel.crossValProbs reads what the single-label trainer reads (src/js/cross-val.js): a
// labelled table as CSV or Parquet, or a labels file of sets beside an N x D features file
// (.npy, numeric CSV or Parquet), with the same bits for the same values; and the single-label
// trainer refuses a column of sets as "looks multi-label" instead of training on 'a;b' as a class.
// LABELSCOPE_CORE=path/to/labelscope-core.mjs runs it on another build of the core.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parquetWriteBuffer } from 'hyparquet-writer';

import { createLabelScope, LabelScopeError } from '../../src/js/index.js';
import { npyBytes } from '../cli/helpers.mjs';

let ls;
before(async () => {
  const alt = process.env.LABELSCOPE_CORE;
  const moduleFactory = alt ? (await import(pathToFileURL(resolve(alt)).href)).default : undefined;
  ls = await createLabelScope({ moduleFactory, threads: false });
});

const NEWS = readFileSync(new URL('../../examples/multilabel/news.csv', import.meta.url), 'utf8');

// The news table's columns (id, text, labels) as values.
function newsColumns() {
  const rows = NEWS.trim()
    .split('\n')
    .slice(1)
    .map((line) => /^(\d+),"(.*)",(.*)$/.exec(line));
  return { id: rows.map((m) => Number(m[1])), text: rows.map((m) => m[2]), labels: rows.map((m) => m[3]) };
}

// n rows of 4 features and sets over 3 classes (x<c> shifted when c is in the set), as values.
function denseData(n = 90) {
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const sets = [];
  const x = [];
  for (let i = 0; i < n; i++) {
    const set = [0, 1, 2].filter(() => rand() < 0.35);
    sets.push(set);
    x.push([0, 1, 2, 3].map((c) => Number(((set.includes(c) ? 2 : 0) + rand()).toFixed(3))));
  }
  const labelsCsv = `labels\n${sets.map((s) => (s.length ? `"${s.map((c) => `k${c}`).join(';')}"` : '[]')).join('\n')}\n`;
  return { sets, x, labelsCsv };
}

const same = (a, b, what) => {
  assert.equal(a.numExamples, b.numExamples, what);
  assert.deepEqual(a.classNames, b.classNames, what);
  assert.deepEqual(Array.from(a.labels.offsets), Array.from(b.labels.offsets), what);
  assert.deepEqual(Array.from(a.labels.classes), Array.from(b.labels.classes), what);
  assert.deepEqual(Array.from(a.probs), Array.from(b.probs), `${what}: the same bits`);
};

test("a labelled table as Parquet gives the CSV table's probabilities, sets and id/text columns", async () => {
  const csv = await ls.multiLabel.crossValProbs({ combined: { name: 'news.csv', data: NEWS } }, { folds: 4, seed: 3 });
  const c = newsColumns();
  const parquet = new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'id', data: c.id, type: 'INT32' },
        { name: 'text', data: c.text, type: 'STRING' },
        { name: 'labels', data: c.labels, type: 'STRING' },
      ],
    }),
  );
  const pq = await ls.multiLabel.crossValProbs(
    { combined: { name: 'news.parquet', data: parquet } },
    { folds: 4, seed: 3 },
  );
  same(pq, csv, 'Parquet table');
  assert.equal(pq.notation, 'semicolon');
  assert.equal(pq.rowsWithSeveral, 31);
  // The table's id and text columns come with the result (shown beside the flagged rows).
  assert.deepEqual(
    csv.extraColumns.map((col) => col.name),
    ['id', 'text'],
  );
  assert.deepEqual(
    pq.extraColumns.map((col) => col.name),
    ['id', 'text'],
  );
  assert.equal(csv.extraColumns[1].values[0], 'Parliament passes budget after late-night vote');
});

test('labels file of sets + features: .npy, numeric CSV and Parquet give the same bits', async () => {
  const { sets, x, labelsCsv } = denseData();
  const n = x.length;
  const npy = npyBytes(x.flat(), [n, 4], '<f8');
  const featuresCsv = `${x.map((row) => row.join(',')).join('\n')}\n`;
  const fromNpy = await ls.multiLabel.crossValProbs(
    { labels: { name: 'tags.csv', data: labelsCsv }, features: { name: 'x.npy', data: npy } },
    { folds: 3 },
  );
  const fromCsv = await ls.multiLabel.crossValProbs(
    { labels: { name: 'tags.csv', data: labelsCsv }, features: { name: 'x.csv', data: featuresCsv } },
    { folds: 3 },
  );
  same(fromCsv, fromNpy, 'features CSV');
  const list = [
    { name: 'x', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
    { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
    { name: 'element', type: 'DOUBLE', repetition_type: 'REQUIRED' },
  ];
  const featuresPq = new Uint8Array(
    parquetWriteBuffer({
      columnData: [{ name: 'x', data: x }],
      schema: [{ name: 'root', num_children: 1 }, ...list],
    }),
  );
  const labelsPq = new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        {
          name: 'labels',
          data: labelsCsv
            .trim()
            .split('\n')
            .slice(1)
            .map((s) => s.replace(/"/g, '')),
          type: 'STRING',
        },
      ],
    }),
  );
  const fromPq = await ls.multiLabel.crossValProbs(
    { labels: { name: 'tags.parquet', data: labelsPq }, features: { name: 'x.parquet', data: featuresPq } },
    { folds: 3 },
  );
  same(fromPq, fromNpy, 'Parquet labels and features');
  // The sets as written, classes named k0..k2; the probabilities learn them.
  assert.deepEqual(fromNpy.classNames, ['k0', 'k1', 'k2']);
  let right = 0;
  for (let i = 0; i < n; i++)
    for (let k = 0; k < 3; k++) right += fromNpy.probs[i * 3 + k] >= 0.5 === sets[i].includes(k) ? 1 : 0;
  assert.ok(right / (n * 3) > 0.85, `accuracy ${right / (n * 3)}`);
  // And the result feeds the multi-label audit.
  const report = ls.multiLabel.audit({
    labels: fromNpy.labels,
    predProbs: fromNpy.probs,
    numClasses: fromNpy.numClasses,
  });
  assert.equal(report.numExamples, n);
});

test('bad input: row counts that differ, a label that is no set, column options without a table', async () => {
  const { x, labelsCsv } = denseData(30);
  const npy = npyBytes(x.slice(0, 29).flat(), [29, 4], '<f8');
  await assert.rejects(
    ls.multiLabel.crossValProbs(
      { labels: { name: 'tags.csv', data: labelsCsv }, features: { name: 'x.npy', data: npy } },
      { folds: 3 },
    ),
    (e) =>
      e instanceof LabelScopeError &&
      e.code === 'row_count_mismatch' &&
      /30 labels/.test(e.message) &&
      /29 rows/.test(e.message),
  );
  const features = { name: 'x.csv', data: `${x.map((r) => r.join(',')).join('\n')}\n` };
  await assert.rejects(
    ls.multiLabel.crossValProbs(
      { labels: { name: 'tags.csv', data: labelsCsv }, features },
      { features: 'x0,x1', folds: 3 },
    ),
    (e) => e instanceof LabelScopeError && e.code === 'invalid_option' && /combined/.test(e.message),
  );
  // One set written as a JSON array among a;b sets: refused as ls.multiLabel.readDataset refuses
  // the same labels file (the same reader of sets), naming the file, the data row and the column.
  const bad = labelsCsv.replace('labels\n', 'labels\n"[""k0"",""k2""]"\n').replace(/\n[^\n]*\n$/, '\n');
  const probs = { name: 'p.csv', data: `k0,k1,k2\n${x.map(() => '0.2,0.3,0.4').join('\n')}\n` };
  const expected = await ls.multiLabel.readDataset({ labels: { name: 'tags.csv', data: bad }, predProbs: probs }).then(
    () => assert.fail('readDataset read a file that mixes notations'),
    (e) => e,
  );
  assert.equal(expected.code, 'bad_label');
  assert.ok(expected.row >= 2, `row ${expected.row}`);
  await assert.rejects(
    ls.multiLabel.crossValProbs({ labels: { name: 'tags.csv', data: bad }, features }, { folds: 3 }),
    (e) =>
      e instanceof LabelScopeError &&
      e.code === expected.code &&
      e.file === 'tags.csv' &&
      e.row === expected.row &&
      e.column === expected.column &&
      e.message === expected.message,
  );
});

test('the single-label trainer on a column of sets: looks_multi_label with the count, row and column', async () => {
  await assert.rejects(
    ls.crossValProbs({ combined: { name: 'news.csv', data: NEWS } }, { labelColumn: 'labels' }),
    (e) =>
      e instanceof LabelScopeError &&
      e.code === 'looks_multi_label' &&
      e.message ===
        "The labels look multi-label: 31 rows have more than one label (e.g. 'politics;business'). " +
          'Read them with ls.multiLabel.crossValProbs (in the CLI: add --multi-label).' &&
      e.file === 'news.csv' &&
      e.row === 1 &&
      e.column === 3,
  );
  // Replacement labels (simulated noise) are classes the caller chose: no such check.
  const table = 'x,y\n0.1,a\n0.2,a\n0.9,b\n1.1,b\n0.15,a\n1.0,b\n';
  const r = await ls.crossValProbs({ combined: { name: 't.csv', data: table } }, { folds: 2 });
  assert.equal(r.numClasses, 2);
});
