// ls.multiLabel.correctedLabelsFile (src/js/multilabel-files.js): a CSV or TSV (or Parquet) labels file or table of
// label sets written again whole, the set column corrected in the file's notation, an original_label
// column added, every other cell as read; and through the worker. LABELSCOPE_CORE=path/to/labelscope-core.mjs
// runs it on another build of the core.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { createLabelScope, createLabelScopeWorker, LabelScopeError } from '../../src/js/index.js';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { moduleWorkerInNode } from './helpers.mjs';

let ls;
before(async () => {
  const alt = process.env.LABELSCOPE_CORE;
  const moduleFactory = alt ? (await import(pathToFileURL(resolve(alt)).href)).default : undefined;
  ls = await createLabelScope({ moduleFactory, threads: false });
});

const text = (parts) => parts.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))).join('');
const classNames = ['news', 'sport', 'tech'];

test('a;b in a CSV table: the set column replaced, original_label added, other cells (quoted ones too) as read', async () => {
  const csv = 'id,text,tags,score\n1,"Goal, late",sport,3\n2,Chip vote,news;tech,4\n3,"Say ""hi""",,5\n';
  const out = await ls.multiLabel.correctedLabelsFile(
    { name: 'a.csv', data: csv },
    {
      labels: [[0, 1], [2], []],
      classNames,
      notation: 'semicolon',
      labelColumn: 'tags',
    },
  );
  assert.equal(out.type, 'text/csv');
  assert.equal(
    text(out.parts),
    'id,text,tags,score,original_label\n1,"Goal, late",news;sport,3,sport\n2,Chip vote,tech,4,news;tech\n' +
      '3,"Say ""hi""",,5,\n',
  );
  // The same by column number, and with sets as CSR arrays.
  const byNumber = await ls.multiLabel.correctedLabelsFile(
    { name: 'a.csv', data: csv },
    {
      labels: { offsets: Int32Array.from([0, 2, 3, 3]), classes: Int32Array.from([0, 1, 2]) },
      classNames,
      notation: 'semicolon',
      labelColumn: 3,
    },
  );
  assert.equal(text(byNumber.parts), text(out.parts));
});

test('a|b in a TSV, JSON arrays (quoted), and the label column found when none is given', async () => {
  const tsv = 'id\tlabels\n1\tnews|sport\n2\ttech\n';
  const t = await ls.multiLabel.correctedLabelsFile(
    { name: 'l.tsv', data: tsv },
    {
      labels: [[1], [0, 2]],
      classNames,
      notation: 'pipe',
    },
  );
  assert.equal(t.type, 'text/tab-separated-values');
  assert.equal(text(t.parts), 'id\tlabels\toriginal_label\n1\tsport\tnews|sport\n2\tnews|tech\ttech\n');
  const json = 'labels,x\n"[""news""]",1\n"[""sport"", ""tech""]",2\n';
  const j = await ls.multiLabel.correctedLabelsFile(
    { name: 'j.csv', data: json },
    {
      labels: [[0, 1], []],
      classNames,
      notation: 'json',
    },
  );
  const written = text(j.parts);
  assert.equal(
    written,
    'labels,x,original_label\n"[""news"",""sport""]",1,"[""news""]"\n[],2,"[""sport"", ""tech""]"\n',
  );
  // It reads back as the same sets (the probabilities beside them: one per class).
  const back = await ls.multiLabel.readDataset({
    labels: { name: 'j.csv', data: written },
    predProbs: 'news,sport,tech\n0.9,0.8,0.1\n0.1,0.2,0.1\n',
  });
  assert.deepEqual(back.labelSets(), [[0, 1], []]);
  back.free();
});

test('a Parquet table comes back as a CSV of the whole table, the sets corrected', async () => {
  const parquet = new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'id', data: [1, 2, 3], type: 'INT32' },
        { name: 'x', data: [0.5, 1.25, 2], type: 'DOUBLE' },
        { name: 'labels', data: ['news', 'sport;tech', 'tech'], type: 'STRING' },
      ],
    }),
  );
  const out = await ls.multiLabel.correctedLabelsFile(
    { name: 't.parquet', data: parquet },
    {
      labels: [[0, 1], [1], []],
      classNames,
      notation: 'semicolon',
    },
  );
  assert.equal(out.fromParquet, true);
  assert.equal(out.type, 'text/csv');
  assert.equal(
    text(out.parts),
    'id,x,labels,original_label\n1,0.5,news;sport,news\n2,1.25,sport,sport;tech\n3,2,,tech\n',
  );
});

test('refused with a clear error: a .npy notation, 0/1 columns without the given sets, a wrong column name, a class out of range, a changed file', async () => {
  const csv = 'labels\nnews\nsport\n';
  const source = { name: 'l.csv', data: csv };
  const refused = async (args, pattern) => {
    await assert.rejects(
      ls.multiLabel.correctedLabelsFile(source, { classNames, labels: [[0], [1]], ...args }),
      (e) => e instanceof LabelScopeError && pattern.test(e.message),
    );
  };
  await refused({ notation: 'npy' }, /a;b \('semicolon'\), a\|b \('pipe'\) or JSON arrays/);
  // 0/1 columns are written (tests/js/multilabel-columns-file.test.mjs), given the original sets.
  await refused({ notation: 'columns' }, /needs originalLabels/);
  await refused({ notation: 'semicolon', labelColumn: 'tags' }, /l\.csv has no column 'tags'.*'labels'/);
  await refused({ notation: 'semicolon', labels: [[0], [7]] }, /labels\[1\] holds class 7; there are 3 classes/);
  await refused({ notation: 'semicolon', labels: [[0]] }, /data rows/);
});

test('through the worker: the same file', async () => {
  globalThis.Worker = moduleWorkerInNode();
  const client = await createLabelScopeWorker();
  try {
    const csv = 'id,labels\n1,news\n2,sport;tech\n';
    const args = { labels: [[0, 2], [1]], classNames, notation: 'semicolon' };
    const viaWorker = await client.multiLabel.correctedLabelsFile({ name: 'w.csv', data: csv }, args);
    const here = await ls.multiLabel.correctedLabelsFile({ name: 'w.csv', data: csv }, args);
    assert.equal(text(viaWorker.parts), text(here.parts));
    assert.equal(text(here.parts), 'id,labels,original_label\n1,news;tech,news\n2,sport,sport;tech\n');
  } finally {
    client.terminate();
    delete globalThis.Worker;
  }
});

after(() => {});
