// ls.multiLabel.correctedLabelsFile on a table of label_<class> 0/1 columns (notation 'columns'): the
// whole table written again, every other column and cell as read and in order, each class's column
// holding the corrected 0/1, and an original_label column with the given set (a;b), as the other
// corrected exports add one. CSV, TSV, Parquet (as CSV) and through the worker.
// LABELSCOPE_CORE=path/to/labelscope-core.mjs runs it on another build of the core.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parquetWriteBuffer } from 'hyparquet-writer';

import { createLabelScope, createLabelScopeWorker, LabelScopeError } from '../../src/js/index.js';
import { moduleWorkerInNode } from './helpers.mjs';

let ls;
before(async () => {
  const alt = process.env.LABELSCOPE_CORE;
  const moduleFactory = alt ? (await import(pathToFileURL(resolve(alt)).href)).default : undefined;
  ls = await createLabelScope({ moduleFactory, threads: false });
});
after(() => {
  delete globalThis.Worker;
});

const text = (parts) => parts.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))).join('');
const classNames = ['news', 'sport', 'tech'];
// The label columns between other columns, a quoted text cell, a probability column after them.
const CSV =
  'id,text,label_news,label_sport,score,label_tech,p_news\n' +
  '1,"Goal, late",0,1,3,0,0.2\n' +
  '2,"Say ""hi""",1,0,4,1,0.9\n' +
  '3,Chip vote,0,0,5,1,0.1\n';
const GIVEN = [[1], [0, 2], [2]];
const CORRECTED = [[0, 1], [2], []];
const WRITTEN =
  'id,text,label_news,label_sport,score,label_tech,p_news,original_label\n' +
  '1,"Goal, late",1,1,3,0,0.2,sport\n' +
  '2,"Say ""hi""",0,0,4,1,0.9,news;tech\n' +
  '3,Chip vote,0,0,5,0,0.1,tech\n';
const args = { labels: CORRECTED, originalLabels: GIVEN, classNames, notation: 'columns' };

test('a CSV table of 0/1 columns: every other column kept in order, the 0/1 corrected, original_label the given set', async () => {
  const out = await ls.multiLabel.correctedLabelsFile({ name: 't.csv', data: CSV }, args);
  assert.equal(out.type, 'text/csv');
  assert.equal(text(out.parts), WRITTEN);
  // Sets as CSR arrays give the same file.
  const csr = (sets) => ({
    offsets: Int32Array.from([0, ...sets.map((_, i) => sets.slice(0, i + 1).flat().length)]),
    classes: Int32Array.from(sets.flat()),
  });
  const again = await ls.multiLabel.correctedLabelsFile(
    { name: 't.csv', data: CSV },
    { ...args, labels: csr(CORRECTED), originalLabels: csr(GIVEN) },
  );
  assert.equal(text(again.parts), WRITTEN);
});

test('a TSV keeps its tabs; the label columns found whatever their case', async () => {
  const tsv = 'Label_News\tLABEL_SPORT\tlabel_tech\tnote\n1\t0\t0\ta b\n0\t1\t1\tc\n';
  const out = await ls.multiLabel.correctedLabelsFile(
    { name: 't.tsv', data: tsv },
    { labels: [[1], [0, 1, 2]], originalLabels: [[0], [1, 2]], classNames, notation: 'columns' },
  );
  assert.equal(out.type, 'text/tab-separated-values');
  assert.equal(
    text(out.parts),
    'Label_News\tLABEL_SPORT\tlabel_tech\tnote\toriginal_label\n0\t1\t0\ta b\tnews\n1\t1\t1\tc\tsport;tech\n',
  );
});

test('a Parquet table of 0/1 columns comes back as a CSV of the whole table', async () => {
  const parquet = new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'id', data: [1, 2, 3], type: 'INT32' },
        { name: 'label_news', data: [0, 1, 0], type: 'INT32' },
        { name: 'label_sport', data: [1, 0, 0], type: 'INT32' },
        { name: 'label_tech', data: [0, 1, 1], type: 'INT32' },
        { name: 'x', data: [0.5, 1.25, 2], type: 'DOUBLE' },
      ],
    }),
  );
  const out = await ls.multiLabel.correctedLabelsFile({ name: 't.parquet', data: parquet }, args);
  assert.equal(out.fromParquet, true);
  assert.equal(
    text(out.parts),
    'id,label_news,label_sport,label_tech,x,original_label\n1,1,1,0,0.5,sport\n2,0,0,1,1.25,news;tech\n' +
      '3,0,0,0,2,tech\n',
  );
});

test('refused with a clear error: no given sets, a class without its column, sets of another length', async () => {
  const refused = async (more, pattern) => {
    await assert.rejects(
      ls.multiLabel.correctedLabelsFile({ name: 't.csv', data: CSV }, { ...args, ...more }),
      (e) => e instanceof LabelScopeError && pattern.test(e.message),
    );
  };
  await refused({ originalLabels: undefined }, /needs originalLabels \(the given sets\)/);
  await refused(
    { classNames: ['news', 'sport', 'science'] },
    /t\.csv has no column 'label_science' for class 'science'/,
  );
  await refused({ originalLabels: GIVEN.slice(0, 2) }, /originalLabels has 2 sets and labels 3/);
});

test('through the worker: the same file', async () => {
  globalThis.Worker = moduleWorkerInNode();
  const client = await createLabelScopeWorker();
  try {
    const out = await client.multiLabel.correctedLabelsFile({ name: 't.csv', data: CSV }, args);
    assert.equal(text(out.parts), WRITTEN);
  } finally {
    client.terminate();
    delete globalThis.Worker;
  }
});
