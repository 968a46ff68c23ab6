// labelscope cross-val (a fixed interface) and --features / --text-column on the analysis
// commands: PROBS.csv has the class names as header and the JS API's probabilities bit for bit;
// every bad input exits 3 with one line naming the file (and row and column where there is one).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { createLabelScope } from '../../src/js/index.js';
import { ROOT, runCli } from './helpers.mjs';
import { modelFacts, modelSummary } from '../../src/cli/model-summary.mjs';

const DIR = path.join(ROOT, 'tests/fixtures/learn');
const fixture = (name) => path.join(DIR, name);
const rel = (name) => path.relative(ROOT, fixture(name));
let tmp;
let ls;
before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'labelscope-cross-val-'));
  ls = await createLabelScope({ threads: false });
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

// These runs use the Node CLI: cross-val is a command of the WebAssembly build.
const cli = (args) => runCli(args, {}, 'node');

function readProbs(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  assert.equal(lines.pop(), '', 'ends with a line break');
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

// Every number as the CLI wrote it reads back as the API's double (shortest round-trip text).
function assertSameProbs(probs, result) {
  assert.deepEqual(probs.header, result.classNames);
  assert.equal(probs.rows.length, result.numExamples);
  probs.rows.forEach((cells, i) => {
    assert.equal(cells.length, result.numClasses);
    cells.forEach((cell, k) => {
      const expected = result.predProbs[i * result.numClasses + k];
      assert.equal(cell, String(expected), `row ${i + 1}, class ${k}`);
      assert.ok(Object.is(Number(cell), expected));
    });
  });
}

describe('labelscope cross-val', () => {
  test('--data iris.csv: header of class names, one row per example, the JS API bits', async () => {
    const out = path.join(tmp, 'iris_probs.csv');
    const r = cli(['cross-val', '--data', rel('iris.csv'), '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    const api = await ls.crossValProbs({ combined: { name: 'iris.csv', data: fs.readFileSync(fixture('iris.csv')) } });
    assertSameProbs(readProbs(out), api);
    // Standard error: the summary of the model (tests/cli/model-summary.test.mjs), and nothing else.
    assert.equal(
      r.stderr,
      modelSummary(modelFacts(api))
        .map((line) => `labelscope: ${line}\n`)
        .join(''),
    );
  });

  test('--folds, --seed, --features, --label-column, --text-column are those of the API', async () => {
    const out = path.join(tmp, 'text_probs.csv');
    const r = cli([
      'cross-val',
      '--data',
      rel('text.csv'),
      '--label-column',
      'topic',
      '--text-column',
      'headline',
      '--folds',
      '4',
      '--seed',
      '7',
      '--out',
      out,
    ]);
    assert.equal(r.status, 0, r.stderr);
    const api = await ls.crossValProbs(
      { combined: { name: 'text.csv', data: fs.readFileSync(fixture('text.csv')) } },
      { labelColumn: 'topic', textColumn: 'headline', folds: 4, seed: 7 },
    );
    assertSameProbs(readProbs(out), api);
    const two = path.join(tmp, 'two.csv');
    assert.equal(
      cli(['cross-val', '--data', rel('iris.csv'), '--features', 'petal_length,petal_width', '--out', two]).status,
      0,
    );
    const apiTwo = await ls.crossValProbs(
      { combined: { name: 'iris.csv', data: fs.readFileSync(fixture('iris.csv')) } },
      { features: ['petal_length', 'petal_width'] },
    );
    assertSameProbs(readProbs(two), apiTwo);
  });

  test('--labels L --features X.npy / X.csv, and a Parquet table', async () => {
    const npy = path.join(tmp, 'pixels_npy.csv');
    const csv = path.join(tmp, 'pixels_csv.csv');
    assert.equal(
      cli(['cross-val', '--labels', rel('pixels_labels.csv'), '--features', rel('pixels.npy'), '--out', npy]).status,
      0,
    );
    assert.equal(
      cli(['cross-val', '--labels', rel('pixels_labels.csv'), '--features', rel('pixels.csv'), '--out', csv]).status,
      0,
    );
    const api = await ls.crossValProbs({
      labels: { name: 'l', data: fs.readFileSync(fixture('pixels_labels.csv')) },
      features: { name: 'x', data: fs.readFileSync(fixture('pixels.npy')) },
    });
    assertSameProbs(readProbs(npy), api);
    assert.equal(fs.readFileSync(csv, 'utf8'), fs.readFileSync(npy, 'utf8'));
    const parquet = cli(['cross-val', '--data', rel('iris.parquet')]);
    assert.equal(parquet.status, 0, parquet.stderr);
    const fromCsv = cli(['cross-val', '--data', rel('iris.csv')]);
    assert.equal(parquet.stdout, fromCsv.stdout);
  });

  test("--impute: a missing feature value is an error naming row and column, or the fold's mean", async () => {
    const text = fs.readFileSync(fixture('iris.csv'), 'utf8').replace(/\n5,[^,]*,/, '\n5,,'); // data row 5
    const gap = path.join(tmp, 'gap.csv');
    fs.writeFileSync(gap, text);
    const refused = cli(['cross-val', '--data', gap]);
    assert.equal(refused.status, 3);
    assert.match(refused.stderr, /missing/i);
    assert.match(refused.stderr, /data row 5/);
    assert.match(refused.stderr, /sepal_length/);
    assert.match(refused.stderr, /imputation/);
    const imputed = cli(['cross-val', '--data', gap, '--impute']);
    assert.equal(imputed.status, 0, imputed.stderr);
    const api = await ls.crossValProbs({ combined: { name: 'gap.csv', data: text } }, { impute: true });
    const out = path.join(tmp, 'gap-probs.csv');
    fs.writeFileSync(out, imputed.stdout);
    assertSameProbs(readProbs(out), api);
    const audit = cli(['find-issues', '--data', gap, '--features', 'all', '--impute']);
    assert.equal(audit.status, 0, audit.stderr);
  });

  test('progress on standard error: one line per fold (whole lines into a pipe); --quiet silences it', () => {
    // LABELSCOPE_PROGRESS_AFTER_MS=0: shown from the start (runs over a second show it anyway).
    const env = { ...process.env, LABELSCOPE_PROGRESS_AFTER_MS: '0' };
    const shown = runCli(['cross-val', '--data', rel('iris.csv')], { env }, 'node');
    assert.equal(shown.status, 0, shown.stderr);
    assert.ok(!shown.stderr.includes('\r'), 'no carriage returns into a pipe');
    const lines = shown.stderr.split('\n').filter(Boolean);
    for (let k = 0; k <= 5; k++)
      assert.ok(lines.includes(`labelscope: cross-validation: ${k} of 5 folds done`), lines.join(' | '));
    assert.ok(
      lines.some((l) => l.startsWith('labelscope: reading ')),
      'the reading stage',
    );
    assert.ok(shown.stderr.endsWith('\n'), 'every line is ended (not a terminal)');
    assert.equal(shown.stdout, cli(['cross-val', '--data', rel('iris.csv')]).stdout);
    const quiet = runCli(['cross-val', '--data', rel('iris.csv'), '--quiet'], { env }, 'node');
    assert.equal(quiet.status, 0);
    assert.equal(quiet.stderr, '');
  });

  test("--labels and --features as Parquet files: the CSV pair's bytes", () => {
    const fromParquet = cli([
      'cross-val',
      '--labels',
      rel('pixels_labels.parquet'),
      '--features',
      rel('pixels.parquet'),
    ]);
    assert.equal(fromParquet.status, 0, fromParquet.stderr);
    const fromCsv = cli(['cross-val', '--labels', rel('pixels_labels.csv'), '--features', rel('pixels.csv')]);
    assert.equal(fromParquet.stdout, fromCsv.stdout);
    const audit = cli(['find-issues', '--labels', rel('pixels_labels.parquet'), '--features', rel('pixels.parquet')]);
    assert.equal(audit.status, 0, audit.stderr);
    assert.equal(
      audit.stdout,
      cli(['find-issues', '--labels', rel('pixels_labels.csv'), '--features', rel('pixels.csv')]).stdout,
    );
  });

  test('a Parquet file of labels and probabilities is read like its CSV', () => {
    const parquet = cli(['audit', '--data', rel('probs.parquet')]);
    assert.equal(parquet.status, 0, parquet.stderr);
    assert.equal(parquet.stdout, cli(['audit', '--data', rel('probs.csv')]).stdout);
  });

  test('find-issues, scores, health and audit compute the probabilities first', async () => {
    const api = await ls.crossValProbs({ combined: { name: 'iris.csv', data: fs.readFileSync(fixture('iris.csv')) } });
    const expected = ls.findLabelIssues({
      labels: api.labels,
      predProbs: api.predProbs,
      numClasses: 3,
      returnIndicesRankedBy: 'self_confidence',
    });
    const find = cli(['find-issues', '--data', rel('iris.csv'), '--features', 'all']);
    assert.equal(find.status, 0, find.stderr);
    assert.deepEqual(JSON.parse(find.stdout).indices, Array.from(expected.indices));
    const audit = cli(['audit', '--data', rel('iris.csv'), '--features', 'all', '--format', 'json']);
    assert.equal(audit.status, 0, audit.stderr);
    assert.deepEqual(JSON.parse(audit.stdout).class_names, api.classNames);
    const scores = cli(['scores', '--labels', rel('pixels_labels.csv'), '--features', rel('pixels.npy')]);
    assert.equal(scores.status, 0, scores.stderr);
    assert.equal(JSON.parse(scores.stdout).scores.length, 60);
    const health = cli(['health', '--data', rel('text.csv'), '--label-column', 'topic', '--text-column', 'headline']);
    assert.equal(health.status, 0, health.stderr);
    assert.equal(JSON.parse(health.stdout).n, 80);
  });

  test('PROBS.csv read back with --pred-probs gives the results of --features', () => {
    const cases = [
      [
        ['--data', rel('iris.csv')],
        ['--labels', rel('iris.csv')],
      ],
      [
        ['--labels', rel('pixels_labels.csv'), '--features', rel('pixels.npy')],
        ['--labels', rel('pixels_labels.csv')],
      ],
    ];
    cases.forEach(([input, labels], i) => {
      const out = path.join(tmp, `roundtrip${i}.csv`);
      assert.equal(cli(['cross-val', ...input, '--out', out]).status, 0);
      const direct = cli(['audit', ...input, ...(input.includes('--features') ? [] : ['--features', 'all'])]);
      const back = cli(['audit', ...labels, '--pred-probs', out]);
      assert.equal(direct.status, 0, direct.stderr);
      assert.equal(back.status, 0, back.stderr);
      assert.deepEqual(
        JSON.parse(back.stdout).issues.map((x) => [x.index, x.label_quality]),
        JSON.parse(direct.stdout).issues.map((x) => [x.index, x.label_quality]),
      );
    });
  });

  const BAD = [
    ['bad_number.csv', [], /bad_number\.csv, row 7, column 3: 'abc' is not a number.*sepal_width/],
    ['small_class.csv', [], /small_class\.csv: Class 'virginica' has 3 examples, fewer than the 5 folds/],
    ['single_class.csv', [], /single_class\.csv: Every example has the same label/],
    ['tiny.csv', [], /tiny\.csv: There are 3 examples, fewer than the 5 folds/],
    ['empty_text.csv', ['--text-column', 'headline'], /empty_text\.csv, column 1: The text column 'headline' is empty/],
    ['constant.csv', [], /constant\.csv.*same value on every row/],
  ];
  for (const [name, extra, message] of BAD) {
    test(`bad input ${name}: exit 3, one line naming the file`, () => {
      const r = cli(['cross-val', '--data', rel(name), ...extra, '--out', path.join(tmp, 'bad.csv')]);
      assert.equal(r.status, 3, r.stderr);
      assert.equal(r.stderr.split('\n').filter(Boolean).length, 1, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    });
  }

  test('usage errors exit 2', () => {
    for (const args of [
      ['cross-val', '--data', rel('iris.csv'), '--folds', '1'],
      ['cross-val', '--data', rel('iris.csv'), '--seed', '-1'],
      ['cross-val', '--labels', rel('pixels_labels.csv')],
      ['cross-val'],
      [
        'find-issues',
        '--labels',
        rel('pixels_labels.csv'),
        '--pred-probs',
        rel('pixels.csv'),
        '--features',
        rel('pixels.npy'),
      ],
      ['find-issues', '--labels', rel('pixels_labels.csv'), '--pred-probs', rel('pixels.csv'), '--folds', '3'],
    ]) {
      const r = cli(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    }
    assert.match(cli(['cross-val', '--help']).stdout, /--features all\|COL,COL/);
  });

  test('a missing file exits 3 before anything is computed', () => {
    const r = cli(['cross-val', '--data', 'no-such-file.csv']);
    assert.equal(r.status, 3);
    assert.match(r.stderr, /no-such-file\.csv: no such file/);
  });
});
