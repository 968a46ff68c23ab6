// A table computed here keeps the row's own cells for a reviewer: every column the trainer read (numbers,
// categories, the id), in file order, beside the trainer's use of it (web/controllers/columns.js rowCells);
// the full-dataset export writes them all with the label column in its place and reads back as the same
// data; the per-class card's flagged counts are the table's. Runs the web modules under Node
// (`node --import ./tests/js/web-layout.mjs --test`); LABELSCOPE_CORE=path/to/labelscope-core.mjs runs it
// on another build of the core.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createLabelScope } from '../../src/js/index.js';
import { fullDatasetCsv } from '../../src/js/exports.js';
import { parseCsv } from '../../src/js/truth.js';
import { displayColumns, labelPlace, rowCells } from '../../web/controllers/columns.js';
import { flaggedPerClass } from '../../web/ui/charts.js';
import { computedFrom } from '../../web/ui/computed.js';

let ls;
before(async () => {
  const alt = process.env.LABELSCOPE_CORE;
  const moduleFactory = alt ? (await import(pathToFileURL(resolve(alt)).href)).default : undefined;
  ls = await createLabelScope({ moduleFactory, threads: false });
});

const OUTCOMES = ['admitted', 'discharged', 'icu'];
const WARDS = ['cardio', 'ortho', 'neuro'];

/** 90 visits: an id, three vital signs (one missing), a ward (one missing), a note, the outcome; every 9th mislabelled. */
function triage() {
  const lines = ['visit_id,age,heart_rate,ward,note,outcome'];
  const rows = [];
  for (let i = 0; i < 90; i++) {
    const truth = i % 3;
    const given = i % 9 === 4 ? (truth + 1) % 3 : truth;
    const row = [
      `V${1000 + i}`,
      String(20 + ((i * 7) % 60)),
      i === 5 ? '' : `${60 + truth * 30 + (i % 5)}.5`,
      i === 7 ? '' : WARDS[(i + truth) % 3],
      ['stable', 'observe overnight', 'unstable'][truth],
      OUTCOMES[given],
    ];
    rows.push(row);
    lines.push(row.join(','));
  }
  return { text: `${lines.join('\n')}\n`, rows };
}

async function computed() {
  const { text, rows } = triage();
  const entries = [{ role: 'combined', file: { name: 'triage.csv' }, looksLikeFeatures: true, columns: [] }];
  const options = { impute: true, labelColumn: 'outcome' };
  const result = await ls.crossValProbs({ combined: { name: 'triage.csv', data: text } }, options);
  const dataset = await ls.datasetFromCrossVal(result);
  dataset.computed = computedFrom(result, entries, options);
  return { dataset, rows, report: ls.audit(dataset, {}) };
}

describe('a table computed here keeps the row’s own cells', () => {
  test('every column, in file order, with the trainer’s use; missing cells empty', async () => {
    const { dataset, rows } = await computed();
    const cells = rowCells(dataset, 5);
    assert.deepEqual(
      cells.map((c) => c.name),
      ['visit_id', 'age', 'heart_rate', 'ward', 'note', 'outcome'],
    );
    assert.deepEqual(
      cells.map((c) => c.value),
      [rows[5][0], rows[5][1], '', rows[5][3], rows[5][4], dataset.classNames[dataset.labels[5]]],
    );
    assert.deepEqual(
      cells.map((c) => c.use),
      ['id · not used', 'number', 'number', 'category', 'category', 'the label'],
    );
    assert.deepEqual(
      cells.map((c) => c.used),
      [false, true, true, true, true, false],
    );
    assert.equal(rowCells(dataset, 7)[3].value, '', 'the missing ward');
    // Numbers in their shortest form, the same number as in the file.
    assert.equal(rowCells(dataset, 6)[2].value, String(Number(rows[6][2])));
    // The id is its own column; no number or category is taken for the row's text.
    const { id, text } = displayColumns(dataset);
    assert.equal(id.name, 'visit_id');
    assert.equal(text, null);
  });

  test('the full-dataset export: every column in order, the label in its place, read back as the same data', async () => {
    const { dataset, rows, report } = await computed();
    const labelColumn = labelPlace(dataset);
    assert.deepEqual(labelColumn, { name: 'outcome', at: 5 });
    const text = (await fullDatasetCsv({ dataset, report }, { labelColumn })).join('');
    const [header, ...lines] = parseCsv(text);
    assert.deepEqual(header, [
      'index',
      'row',
      'visit_id',
      'age',
      'heart_rate',
      'ward',
      'note',
      'outcome',
      'label',
      ...dataset.classNames.map((c) => `p_${c}`),
      'suggested_label',
      'is_label_issue',
      'label_quality',
      'decision',
      'final_label',
    ]);
    lines.forEach((line, i) => {
      const own = rows[i].map((cell, c) => (c === 2 && cell !== '' ? String(Number(cell)) : cell));
      assert.deepEqual(line.slice(2, 8), own);
      assert.equal(line[8], own[5]);
    });
    const back = await ls.readDataset({ combined: { name: 'export.csv', data: text } });
    assert.deepEqual(back.classNames, dataset.classNames);
    assert.deepEqual(back.labels, dataset.labels);
    assert.deepEqual(back.probabilityRows(0, back.numExamples), dataset.probabilityRows(0, dataset.numExamples));
    // The export's own columns come back too (never features, never probabilities): the table's are the same.
    const OWN = ['index', 'row', 'suggested_label', 'is_label_issue', 'label_quality', 'decision', 'final_label'];
    const columns = (d) =>
      Object.fromEntries(d.extraColumns.filter((c) => !OWN.includes(c.name)).map((c) => [c.name, c.values]));
    assert.deepEqual(columns(back), {
      ...columns(dataset),
      outcome: rows.map((r) => r[5]),
    });
    assert.deepEqual(ls.audit(back, {}).issues, report.issues);
  });

  test('a label column named label is written once, in its place', async () => {
    const { dataset, report } = await computed();
    const text = (await fullDatasetCsv({ dataset, report }, { labelColumn: { name: 'label', at: 1 } })).join('');
    const header = text.slice(0, text.indexOf('\n')).split(',');
    assert.deepEqual(header.slice(0, 5), ['index', 'row', 'visit_id', 'label', 'age']);
    assert.equal(header.filter((h) => h === 'label').length, 1);
    const back = await ls.readDataset({ combined: { name: 'export.csv', data: text } });
    assert.deepEqual(back.labels, dataset.labels);
  });

  test('the per-class card’s flagged counts are the table’s flagged rows by given label', async () => {
    const { dataset, report } = await computed();
    const counts = flaggedPerClass(report, dataset.labels, dataset.numClasses);
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      report.issues.length,
    );
    for (let c = 0; c < dataset.numClasses; c++) {
      assert.equal(counts[c], Array.from(report.issues).filter((i) => dataset.labels[i] === c).length);
    }
  });
});
