// The human-facing exports (src/js/exports.js) load back: reading the full-dataset export with
// readDataset gives the same labels, class names, probabilities (bit for bit), id/text columns and
// known truth; the flagged-rows export gives the flagged subset. The CLI's audit CSV columns are
// the flagged-rows format's first columns, written by the same CSV writer.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { createLabelScope } from '../../src/js/index.js';
import { csvLine, flaggedRowsCsv, fullDatasetCsv, FLAGGED_FIELDS } from '../../src/js/exports.js';
import { buildTruth, parseCsv, parseTruthFile, scoreFlags } from '../../src/js/truth.js';
import { toCsv } from '../../src/cli/output.mjs';
import { ROOT } from './helpers.mjs';

let ls;
before(async () => {
  ls = await createLabelScope({ threads: false });
});

const HEADLINES = readFileSync(`${ROOT}examples/headlines/dataset.csv`, 'utf8');
const read = (text, name = 'export.csv') => ls.readDataset({ combined: { name, data: text } });
const probs = (dataset) => dataset.probabilityRows(0, dataset.numExamples);
const bits = (values) =>
  Array.from(new Float64Array(Float64Array.from(values).buffer.slice(0)), (x) => (Object.is(x, -0) ? '-0' : String(x)));
const extra = (dataset) => Object.fromEntries(dataset.extraColumns.map((c) => [c.name, c.values]));

/** Probabilities that are not short decimals: the export must write every bit. */
function awkwardDataset(n = 300, names = ['cat', 'dog', 'bird']) {
  const k = names.length;
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const header = ['id', 'text', 'label', ...names.map((c) => `p_${c}`)];
  const lines = [csvLine(header, () => true)];
  for (let i = 0; i < n; i++) {
    const raw = Array.from({ length: k }, () => random() + 1e-9);
    const sum = raw.reduce((a, b) => a + b, 0);
    const p = raw.map((x) => x / sum);
    const label = names[i % 7 === 0 ? (i + 1) % k : p.indexOf(Math.max(...p))];
    // The label exactly as a person's file holds it (no spreadsheet guard).
    lines.push(
      csvLine([`img_${i}`, i % 5 === 0 ? `a "quoted", text ${i}` : `plain ${i}`, label, ...p], (c) => c === 2),
    );
  }
  return lines.join('');
}

describe('full-dataset export', () => {
  test('reads back with the same labels, classes, probabilities (bits), id/text columns and truth', async () => {
    const dataset = await read(HEADLINES, 'dataset.csv');
    const report = ls.audit(dataset, { filterBy: 'both' });
    const truth = buildTruth(dataset, []);
    const parts = await fullDatasetCsv({ dataset, report, truth });
    const text = parts.join('');
    const header = text.slice(0, text.indexOf('\n')).split(',');
    assert.deepEqual(header, [
      'index',
      'row',
      'id',
      'text',
      'label',
      'p_sports',
      'p_weather',
      'p_cooking',
      'p_technology',
      'true_label',
      'is_error',
      'suggested_label',
      'is_label_issue',
      'label_quality',
      'decision',
      'final_label',
    ]);
    const back = await read(text);
    assert.deepEqual(back.classNames, dataset.classNames);
    assert.deepEqual(back.labels, dataset.labels);
    assert.deepEqual(bits(probs(back)), bits(probs(dataset)));
    assert.deepEqual(extra(back).id, extra(dataset).id);
    assert.deepEqual(extra(back).text, extra(dataset).text);
    assert.deepEqual(back.trueLabels, dataset.trueLabels);
    const again = buildTruth(back, []);
    assert.deepEqual(again.status, truth.status);
    assert.deepEqual(again.corrected, truth.corrected);
    // The reader ignores the export's own columns: the same audit.
    assert.deepEqual(ls.audit(back, { filterBy: 'both' }).issues, report.issues);
  });

  test('probabilities that need 17 digits come back bit for bit; a sync or async probabilityRows', async () => {
    const dataset = await read(awkwardDataset());
    const report = ls.audit(dataset, {});
    const progress = [];
    const parts = await fullDatasetCsv(
      { dataset, report },
      {
        probabilityRows: async (start, count) => dataset.probabilityRows(start, count),
        onProgress: (done, total) => progress.push([done, total]),
      },
    );
    assert.deepEqual(progress.at(-1), [dataset.numExamples, dataset.numExamples]);
    assert.equal(parts.join(''), (await fullDatasetCsv({ dataset, report })).join(''));
    const back = await read(parts.join(''));
    assert.deepEqual(bits(probs(back)), bits(probs(dataset)));
    assert.deepEqual(back.labels, dataset.labels);
    assert.deepEqual(extra(back).text, extra(dataset).text);
    assert.equal(back.trueLabels, undefined);
    assert.equal(back.knownErrors, undefined);
  });

  test('truth from a truth file: is_error 1/0/blank and the corrected label as true_label', async () => {
    const dataset = await read(awkwardDataset(40));
    const report = ls.audit(dataset, {});
    const file = parseTruthFile('index,is_error,corrected_label\n0,1,bird\n1,0,\n3,1,\n', 'truth.csv', dataset);
    const truth = buildTruth(dataset, [file]);
    const text = (await fullDatasetCsv({ dataset, report, truth })).join('');
    const back = await read(text);
    const again = buildTruth(back, []);
    assert.deepEqual(again.status, truth.status);
    assert.deepEqual(again.corrected, truth.corrected);
    assert.deepEqual(Array.from(back.knownErrors.slice(0, 5)), [1, 0, -1, 1, -1]);
  });
});

describe('flagged-rows export', () => {
  test('starts with the CLI audit CSV columns and reads back as the flagged subset', async () => {
    const dataset = await read(HEADLINES, 'dataset.csv');
    const report = ls.audit(dataset, { filterBy: 'both' });
    const truth = buildTruth(dataset, []);
    const text = (await flaggedRowsCsv({ dataset, report, truth })).join('');
    const header = text.slice(0, text.indexOf('\n')).split(',');
    assert.deepEqual(header, [
      ...FLAGGED_FIELDS,
      'id',
      'text',
      'is_error',
      'p_sports',
      'p_weather',
      'p_cooking',
      'p_technology',
    ]);
    const back = await read(text);
    const issues = Array.from(report.issues);
    assert.equal(back.numExamples, issues.length);
    assert.deepEqual(back.classNames, dataset.classNames);
    assert.deepEqual(
      Array.from(back.labels),
      issues.map((i) => dataset.labels[i]),
    );
    const k = dataset.numClasses;
    const original = probs(dataset);
    assert.deepEqual(bits(probs(back)), bits(issues.flatMap((i) => Array.from(original.subarray(i * k, (i + 1) * k)))));
    assert.deepEqual(
      extra(back).id,
      issues.map((i) => extra(dataset).id[i]),
    );
    assert.deepEqual(
      Array.from(back.knownErrors),
      issues.map((i) => truth.status[i]),
    );
  });

  test('without probabilities it is the CLI audit CSV, byte for byte', async () => {
    const dataset = await read(HEADLINES, 'dataset.csv');
    const report = ls.audit(dataset, {});
    const text = (await flaggedRowsCsv({ dataset, report }, { probabilities: false })).join('');
    const rows = Array.from(report.issues, (i, r) => [
      r + 1,
      i,
      i + 1,
      dataset.classNames[dataset.labels[i]],
      dataset.classNames[report.suggestedLabel[i]],
      report.labelQuality[i],
      report.givenProbability[i],
      report.suggestedProbability[i],
      extra(dataset).id[i],
      extra(dataset).text[i],
    ]);
    assert.equal(text, toCsv([...FLAGGED_FIELDS, 'id', 'text'], rows));
  });
});

describe('read-back details', () => {
  test('prob_<class> headers are probability columns named after the class', async () => {
    const back = await read('id,label,prob_cat,prob_dog\n1,cat,0.75,0.25\n2,dog,0.125,0.875\n');
    assert.deepEqual(back.classNames, ['cat', 'dog']);
    assert.deepEqual(Array.from(back.labels), [0, 1]);
    assert.deepEqual(Array.from(probs(back)), [0.75, 0.25, 0.125, 0.875]);
  });

  test('class names starting with + - @ =: headers written exactly, read back as the same classes', async () => {
    const names = ['+ve', '-ve', '@home', '=x'];
    const dataset = await read(awkwardDataset(60, names));
    assert.deepEqual(dataset.classNames, names);
    const report = ls.audit(dataset, {});
    const text = (await fullDatasetCsv({ dataset, report })).join('');
    assert.match(text.slice(0, text.indexOf('\n')), /,p_\+ve,p_-ve,p_@home,p_=x,/);
    assert.match(text, /\n1,2,img_1,plain 1,'[-+@=]/); // the label cell is spreadsheet-safe
    const back = await read(text);
    assert.deepEqual(back.classNames, names);
    assert.deepEqual(back.labels, dataset.labels);
    assert.deepEqual(bits(probs(back)), bits(probs(dataset)));
    const flagged = await read((await flaggedRowsCsv({ dataset, report })).join(''));
    assert.deepEqual(flagged.classNames, names);
    assert.deepEqual(
      Array.from(flagged.labels),
      Array.from(report.issues, (i) => dataset.labels[i]),
    );
  });

  test('free-text cells are spreadsheet-safe; numbers and exact cells are not touched', () => {
    assert.equal(csvLine(['=SUM(A1)', '-0.5', -0.25, 'a,b', '@x']), `'=SUM(A1),-0.5,-0.25,"a,b",'@x\n`);
    assert.equal(
      csvLine(['p_=x', '=x'], (c) => c === 0),
      `p_=x,'=x\n`,
    );
  });
});

describe('truth files (src/js/truth.js)', () => {
  const dataset = { numExamples: 4, numClasses: 2, classNames: ['=x', 'y'], labels: Int32Array.from([0, 1, 0, 1]) };

  test('the small CSV reader: quotes, doubled quotes, CRLF, a BOM, blank lines, tab and semicolon files', () => {
    assert.deepEqual(parseCsv('\ufeffa,b\r\n"1, one","say ""hi"""\r\n\r\n2,\n'), [
      ['a', 'b'],
      ['1, one', 'say "hi"'],
      ['2', ''],
    ]);
    assert.deepEqual(parseCsv('a\tb\n1\t2\n'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
    assert.deepEqual(parseCsv('a;b\n1;2'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
    assert.deepEqual(parseCsv('a,"line\nbreak"\n'), [['a', 'line\nbreak']]);
  });

  test('index (from 0) or row (from 1), is_error, corrected labels by name (spreadsheet-safe too) or index', () => {
    const byIndex = parseTruthFile("index,is_error,corrected_label\n0,1,y\n1,0,\n2,true,'=x\n", 't.csv', dataset);
    assert.deepEqual(byIndex.entries, [
      { index: 0, isError: true, corrected: 1 },
      { index: 1, isError: false, corrected: -1 },
      { index: 2, isError: true, corrected: 0 },
    ]);
    const byRow = parseTruthFile('row,is_error\n1,1\n4,0\n', 't.csv', dataset);
    assert.deepEqual(
      byRow.entries.map((e) => e.index),
      [0, 3],
    );
    const truth = buildTruth(dataset, [byIndex, byRow]);
    assert.deepEqual(Array.from(truth.status), [1, 0, 1, 0]);
    assert.deepEqual(scoreFlags(truth, [0, 1]), {
      numErrors: 2,
      numKnown: 4,
      flagged: 2,
      confirmed: 1,
      correct: 1,
      unknown: 0,
      missed: 1,
      precision: 0.5,
      recall: 0.5,
      full: true,
    });
  });

  test('a flagged-rows export is a truth file (index and is_error)', async () => {
    const data = await read(HEADLINES, 'dataset.csv');
    const report = ls.audit(data, {});
    const truth = buildTruth(data, []);
    const text = (await flaggedRowsCsv({ dataset: data, report, truth })).join('');
    const parsed = parseTruthFile(text, 'flagged.csv', data);
    assert.deepEqual(
      parsed.entries.map((e) => e.index),
      Array.from(report.issues),
    );
    assert.deepEqual(
      parsed.entries.map((e) => (e.isError ? 1 : 0)),
      Array.from(report.issues, (i) => truth.status[i]),
    );
  });

  test('errors name the file, the data row and the column', () => {
    assert.throws(
      () => parseTruthFile('id,flag\n1,0\n', 't.csv', dataset),
      (e) => e.code === 'bad_truth_file' && e.file === 't.csv' && e.row === undefined && /'index'/.test(e.message),
    );
    assert.throws(
      () => parseTruthFile('index,is_error\n0,1\n9,1\n', 't.csv', dataset),
      (e) => e.row === 2 && e.column === 1 && /use 0 to 3/.test(e.message),
    );
    assert.throws(
      () => parseTruthFile('row,is_error\n0,1\n', 't.csv', dataset),
      (e) => e.row === 1 && /use 1 to 4/.test(e.message),
    );
    assert.throws(
      () => parseTruthFile('index,is_error\n0,maybe\n', 't.csv', dataset),
      (e) => e.row === 1 && e.column === 2 && /is_error is 'maybe'/.test(e.message),
    );
  });
});
