// The all-rows export of a table whose probabilities were computed here writes its label column once:
// the table's own (category, species: the reader takes it by its name, as it did when computing) with no
// `label` column repeating it; a label column the reader would not take by itself (chosen by the person:
// `topic`, or `category` beside a `class` column) is followed by `label`. Either way the file reads back
// as the same dataset (web/ui/export.js, web/ui/computed.js labelByName, src/js/exports.js). Runs the web
// modules under Node (`node --import ./tests/js/web-layout.mjs --test`); LABELSCOPE_CORE=path/to/
// labelscope-core.mjs runs it on another build of the core.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createLabelScope } from '../../src/js/index.js';
import { parseCsv } from '../../src/js/truth.js';
import { WrittenRows } from '../../src/js/written-rows.js';
import { computedFrom } from '../../web/ui/computed.js';
import { fullDatasetCsv } from '../../web/ui/export.js';

let ls;
before(async () => {
  const alt = process.env.LABELSCOPE_CORE;
  const moduleFactory = alt ? (await import(pathToFileURL(resolve(alt)).href)).default : undefined;
  ls = await createLabelScope({ moduleFactory, threads: false });
});

const CLASSES = ['billing', 'refund', 'technical'];

/** 90 tickets: an id, two numbers and a plan, then the label column `label` (every 10th row mislabelled). */
function tickets(header) {
  const lines = [header.join(',')];
  for (let i = 0; i < 90; i++) {
    const c = i % 3;
    const given = i % 10 === 7 ? (c + 1) % 3 : c;
    const cells = {
      ticket_id: `T${String(i).padStart(4, '0')}`,
      spend: `${10 + c * 20 + (i % 7)}.50`,
      age: String(20 + ((i * 13) % 50)),
      plan: ['free', 'pro', 'team'][(i >> 1) % 3],
      class: ['a', 'b'][i % 2],
    };
    lines.push(header.map((name) => cells[name] ?? CLASSES[given]).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Computes the table's probabilities as the page does (sniffed entry, options), audits it. */
async function computed(name, text, options = {}) {
  const source = { name, data: text };
  // As listed on the page: the sniffer's guess (its labelColumn), used as one table.
  const entry = { ...(await ls.sniffFile(source)), role: 'combined', file: { name } };
  const result = await ls.crossValProbs({ combined: source }, options);
  const dataset = await ls.datasetFromCrossVal(result);
  dataset.computed = computedFrom(result, [entry], options);
  const written = await WrittenRows.read(source, { expectedRows: dataset.numExamples });
  return { dataset, report: ls.audit(dataset, {}), written };
}

/** The page's all-rows export as text: of the rows as written, or (a table that cannot be read again) the columns kept. */
async function exported({ dataset, report, written }, asWritten = true) {
  const ctx = { dataset, report, writtenRows: () => (asWritten ? Promise.resolve(written) : null) };
  return (await fullDatasetCsv(ctx)).text();
}

async function readsBack(text, { dataset, report }) {
  const back = await ls.readDataset({ combined: { name: 'export.csv', data: text } });
  assert.deepEqual(back.classNames, dataset.classNames);
  assert.deepEqual(back.labels, dataset.labels);
  assert.deepEqual(back.probabilityRows(0, back.numExamples), dataset.probabilityRows(0, dataset.numExamples));
  assert.deepEqual(ls.audit(back, {}).issues, report.issues);
}

describe('the all-rows export names its label column once', () => {
  test('category, found by its name: kept in its place, no label column, reads back as the same data', async () => {
    const header = ['ticket_id', 'spend', 'age', 'plan', 'category'];
    const data = await computed('tickets_clean.csv', tickets(header));
    assert.equal(data.dataset.computed.labelByName, true);
    for (const asWritten of [true, false]) {
      const text = await exported(data, asWritten);
      const [head, ...rows] = parseCsv(text).filter((r) => r.join('') !== '');
      assert.ok(!head.includes('label'), head.join(','));
      assert.equal(head.filter((h) => h === 'category').length, 1);
      assert.deepEqual(head.slice(head.indexOf('category') + 1, head.indexOf('category') + 4), [
        'p_billing',
        'p_refund',
        'p_technical',
      ]);
      const at = head.indexOf('category');
      rows.forEach((row, i) => assert.equal(row[at], CLASSES[data.dataset.labels[i]]));
      await readsBack(text, data);
    }
  });

  test('a label column the reader would not take by itself is followed by label', async () => {
    // topic: no label name (chosen); category chosen beside a class column (the reader takes class first).
    for (const [header, labelColumn] of [
      [['ticket_id', 'spend', 'age', 'plan', 'topic'], 'topic'],
      [['ticket_id', 'class', 'spend', 'age', 'category'], 'category'],
    ]) {
      const data = await computed('tickets.csv', tickets(header), { labelColumn });
      assert.equal(data.dataset.computed.labelByName, false);
      for (const asWritten of [true, false]) {
        const text = await exported(data, asWritten);
        const head = parseCsv(text)[0];
        assert.equal(head[head.indexOf(labelColumn) + 1], 'label', head.join(','));
        await readsBack(text, data);
      }
    }
  });
});
