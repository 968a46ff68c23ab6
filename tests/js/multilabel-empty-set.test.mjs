// An empty label set reads the same in every reader of sets (issue 15): an empty cell of a column
// of sets is the empty set, as [] and an all-zero row of label_<class> columns are, in the table
// ls.multiLabel.crossValProbs trains on as in ls.multiLabel.readDataset.
// LABELSCOPE_CORE=path/to/labelscope-core.mjs runs it on another build of the core.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { before, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { createLabelScope } from '../../src/js/index.js';

let ls;
before(async () => {
  const alt = process.env.LABELSCOPE_CORE;
  const moduleFactory = alt ? (await import(pathToFileURL(resolve(alt)).href)).default : undefined;
  ls = await createLabelScope({ moduleFactory, threads: false });
});

const file = (name, text) => ({ name, data: new TextEncoder().encode(text) });

// 60 rows, 3 classes, features shifted by the classes in each row's set; every fourth set empty.
function rows() {
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: 60 }, (_, i) => {
    const set = i % 4 === 0 ? [] : [0, 1, 2].filter(() => rand() < 0.4);
    const x = [0, 1, 2].map((c) => ((set.includes(c) ? 3 : 0) + rand() - 0.5).toFixed(4));
    return { set, x };
  });
}

const names = (set) => set.map((c) => `t${c}`);
const setsOf = ({ offsets, classes }, classNames) =>
  Array.from({ length: offsets.length - 1 }, (_, i) =>
    Array.from(classes.subarray(offsets[i], offsets[i + 1]), (k) => classNames[k]),
  );

test('crossValProbs: an empty cell in the column of sets is the empty set, the same as []', async () => {
  const data = rows();
  const table = (empty) =>
    `x0,x1,x2,labels\n${data
      .map((r) => `${r.x.join(',')},${r.set.length ? names(r.set).join(';') : empty}`)
      .join('\n')}\n`;
  const blank = await ls.multiLabel.crossValProbs({ combined: file('blank.csv', table('')) }, { folds: 3 });
  const brackets = await ls.multiLabel.crossValProbs({ combined: file('brackets.csv', table('[]')) }, { folds: 3 });
  assert.deepEqual(blank.classNames, ['t0', 't1', 't2']);
  assert.deepEqual(
    setsOf(blank.labels, blank.classNames),
    data.map((r) => names(r.set)),
  );
  assert.deepEqual(blank.labels, brackets.labels);
  assert.deepEqual(blank.probs, brackets.probs);

  // readDataset reads the same sets from the same column, and from label_<class> 0/1 columns.
  const probs = `t0,t1,t2\n${blank.probs
    .reduce((lines, p, i) => {
      if (i % 3 === 0) lines.push([]);
      lines[lines.length - 1].push(p);
      return lines;
    }, [])
    .map((l) => l.join(','))
    .join('\n')}\n`;
  const columns = `label_t0,label_t1,label_t2\n${data
    .map((r) => [0, 1, 2].map((c) => (r.set.includes(c) ? 1 : 0)).join(','))
    .join('\n')}\n`;
  for (const labels of [file('l.csv', table('')), file('l.csv', table('[]')), file('l.csv', columns)]) {
    const d = await ls.multiLabel.readDataset({ labels, predProbs: file('p.csv', probs) });
    assert.deepEqual(
      d.labelSets().map((s) => s.map((k) => d.classNames[k])),
      data.map((r) => names(r.set)),
    );
  }
});

test('crossValProbs: a word for a missing value in the column of sets is refused with its row', async () => {
  const csv = 'x0,labels\n0.1,t0\n0.9,NA\n0.2,t1\n0.8,t0;t1\n';
  await assert.rejects(ls.multiLabel.crossValProbs({ combined: file('na.csv', csv) }, { folds: 2 }), (e) => {
    assert.equal(e.code, 'bad_label');
    assert.equal(e.row, 2);
    assert.match(e.message, /'NA' reads as a missing value/);
    return true;
  });
});

test('crossValProbs: an empty line in a labels file of sets beside a features file is the empty set', async () => {
  const data = rows();
  const features = () => file('x.csv', `x0,x1,x2\n${data.map((r) => r.x.join(',')).join('\n')}\n`);
  const setColumn = (empty, end = '\n') =>
    `labels\n${data.map((r) => (r.set.length ? names(r.set).join(';') : empty)).join('\n')}${end}`;
  const columns = `label_t0,label_t1,label_t2\n${data
    .map((r) => [0, 1, 2].map((c) => (r.set.includes(c) ? 1 : 0)).join(','))
    .join('\n')}\n`;
  const run = (labels) =>
    ls.multiLabel.crossValProbs({ labels: file('tags.csv', labels), features: features() }, { folds: 3 });
  const blank = await run(setColumn(''));
  assert.equal(blank.numExamples, data.length);
  assert.deepEqual(blank.classNames, ['t0', 't1', 't2']);
  assert.deepEqual(
    setsOf(blank.labels, blank.classNames),
    data.map((r) => names(r.set)),
  );
  // [] and an all-zero row of label_<class> columns read the same; a missing final newline, or one
  // more blank line at the end (the last sets here are empty), is not a row.
  for (const labels of [setColumn('[]'), columns, setColumn('[]', ''), setColumn('', '\n\n')]) {
    const other = await run(labels);
    assert.deepEqual(other.labels, blank.labels);
    assert.deepEqual(other.probs, blank.probs);
  }
});

test('a set in another notation than the sets above: refused with its data row, and how far above', async () => {
  const labels = file('tags.csv', 'labels\nt0;t1\nt2\n\n"[""t0""]"\n');
  const predProbs = file('p.csv', 't0,t1,t2\n0.1,0.2,0.3\n0.1,0.2,0.3\n0.1,0.2,0.3\n0.1,0.2,0.3\n');
  await assert.rejects(ls.multiLabel.readDataset({ labels, predProbs }), (e) => {
    assert.equal(e.code, 'bad_label');
    assert.equal(e.row, 4);
    assert.equal(
      e.message,
      'The label set \'["t0"]\' is written in json notation but the set 3 rows above uses semicolon notation ' +
        '(mixed notations); write every set the same way.',
    );
    return true;
  });
});
