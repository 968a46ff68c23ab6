// What a table's columns are taken for, through the JS API (the page and the CLI ask the same):
// the columns labelscope's own exports add (original_label, ...) are never features, also with
// features 'all'; a semicolon-separated table with decimal commas is sniffed as the labelled table
// of features it is; a table whose label column has no known name is sniffed as features.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
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

const CLASSES = ['billing', 'shipping', 'technical'];
/** 90 rows: two numbers that say the class, a category, the label; deterministic. */
function rows() {
  const out = [];
  for (let i = 0; i < 90; i++) {
    const c = i % 3;
    const wait = (c + 0.37 * ((i * 7) % 5)).toFixed(2);
    const amount = (10 * c + 3.1 * ((i * 11) % 7)).toFixed(2);
    out.push({ id: `T${1000 + i}`, wait, amount, plan: ['free', 'pro'][i % 2], label: CLASSES[c] });
  }
  return out;
}
const file = (name, text) => ({ name, data: new TextEncoder().encode(text) });

// The page's "Export corrected labels": the table, the label column corrected, original_label added.
function correctedExport() {
  const lines = ['ticket_id,wait_days,amount,plan,category,original_label'];
  for (const [i, r] of rows().entries()) {
    const original = i % 10 === 4 ? CLASSES[(CLASSES.indexOf(r.label) + 1) % 3] : r.label;
    lines.push([r.id, r.wait, r.amount, r.plan, r.label, original].join(','));
  }
  return file('corrected.csv', `${lines.join('\n')}\n`);
}

test("an export's original_label column is never a feature: not by default, not with features 'all'", async () => {
  for (const options of [{}, { features: 'all' }]) {
    const columns = await ls.crossValColumns({ combined: correctedExport() }, options);
    const original = columns.columns.find((c) => c.name === 'original_label');
    assert.equal(original.use, 'ignored', JSON.stringify(options));
    assert.match(original.reason, /labelscope export/);
    const cv = await ls.crossValProbs({ combined: correctedExport() }, { ...options, folds: 3 });
    assert.ok(!cv.featureReport.used.some((u) => /original_label/.test(u)), cv.featureReport.used.join());
    assert.ok(cv.featureReport.used.some((u) => /amount/.test(u)));
  }
});

test('original_label named as a feature, or given a role, is refused with the column named', async () => {
  for (const options of [
    { features: ['amount', 'original_label'] },
    { columnRoles: { original_label: 'categorical' } },
  ]) {
    await assert.rejects(ls.crossValProbs({ combined: correctedExport() }, options), (e) => {
      assert.match(e.message, /original_label/);
      assert.match(e.message, /never a feature/);
      assert.equal(e.file, 'corrected.csv');
      return true;
    });
  }
});

test('a semicolon-separated table with decimal commas is a labelled table of features', async () => {
  const lines = ['ticket_id;wait_days;amount;plan;category'];
  for (const r of rows())
    lines.push([r.id, r.wait.replace('.', ','), r.amount.replace('.', ','), r.plan, r.label].join(';'));
  const sniffed = await ls.sniffFile(file('tickets_semicolon.csv', `${lines.join('\n')}\n`));
  assert.equal(sniffed.role, 'combined');
  assert.equal(sniffed.labelColumn, 'category');
  assert.equal(sniffed.looksLikeFeatures, true);
  assert.match(sniffed.reason, /look like features/);
});

test('a table whose label column has no known name: text and numbers that look like features', async () => {
  const lines = ['ticket_id,wait_days,amount,plan,topic'];
  for (const r of rows()) lines.push([r.id, r.wait, r.amount, r.plan, r.label].join(','));
  const sniffed = await ls.sniffFile(file('tickets_topic.csv', `${lines.join('\n')}\n`));
  assert.equal(sniffed.role, 'combined');
  assert.equal(sniffed.labelColumn, null);
  assert.equal(sniffed.looksLikeFeatures, true);
  // Probabilities beside an unknown label column (names or class indices) stay a table of probabilities.
  for (const label of [
    ['cat', 'dog'],
    ['0', '1'],
  ]) {
    const probs = `id,kind,p_cat,p_dog\na,${label[0]},0.2,0.8\nb,${label[1]},0.7,0.3\nc,${label[0]},0.4,0.6\n`;
    const s = await ls.sniffFile(file('table.csv', probs));
    assert.equal(s.role, 'combined');
    assert.equal(s.looksLikeFeatures, false, probs);
  }
});

test("a Parquet table's corrected labels: a CSV of the whole table, the label replaced, original_label added", async () => {
  const { readFileSync } = await import('node:fs');
  const iris = {
    name: 'iris.parquet',
    data: new Uint8Array(readFileSync(new URL('../fixtures/learn/iris.parquet', import.meta.url))),
  };
  const cv = await ls.crossValProbs({ combined: iris }, { folds: 3 });
  const dataset = await ls.datasetFromCrossVal(cv);
  try {
    const labels = Int32Array.from(cv.labels);
    labels[7] = (labels[7] + 1) % 3;
    // As the page asks: the label column by its name (probabilities computed here).
    const out = await ls.correctedLabelsFile(iris, { dataset, labels, labelColumnName: 'species' });
    assert.equal(out.fromParquet, true);
    assert.equal(out.type, 'text/csv');
    const lines = out.parts
      .map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p)))
      .join('')
      .trim()
      .split('\n');
    // Every column of the table (as the readers see it: parquetCsv), then original_label.
    const csv = (await import('../../src/js/parquet.js')).parquetCsv;
    const table = (await csv(iris.data, 'iris.parquet')).trim().split('\n');
    const columns = table[0].split(',');
    assert.deepEqual(lines[0].split(','), [...columns, 'original_label']);
    assert.ok(columns.includes('sepal_length') && columns.includes('species'));
    assert.equal(lines.length, 151);
    const s = columns.indexOf('species');
    const row = (i) => lines[i + 1].split(',');
    assert.deepEqual([row(7)[s], row(7).at(-1)], [cv.classNames[labels[7]], cv.classNames[cv.labels[7]]]);
    assert.deepEqual([row(8)[s], row(8).at(-1)], [cv.classNames[cv.labels[8]], cv.classNames[cv.labels[8]]]);
    // The other cells as read: the same numbers the trainer read.
    assert.deepEqual(row(8).slice(0, s), table[9].split(',').slice(0, s));
  } finally {
    dataset.free();
  }
});
