// A model the CLI trains itself (--features, --text-column, cross-val) is described: a few lines on
// standard error (held-out accuracy against always answering the most common class, folds, C, how
// each column was used and why the others were not), none with --quiet, and the same facts as the
// JSON's "model" object. The numbers are checked against the JS API's crossValProbs on the same
// data, computed here from its folds and labels. The native CLI has no trainer (native.test.mjs:
// it refuses --features), so these runs use the Node CLI.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { createLabelScope } from '../../src/js/index.js';
import { ROOT, runCli, tempDir } from './helpers.mjs';

const LEARN = path.join(ROOT, 'tests/fixtures/learn');
const cli = (args) => runCli(args, {}, 'node');
let ls;
let dir;

/** A table of every kind of column: two numbers, a category, two free-text columns (one is used), an id,
 * an empty column, a constant one, short codes, known truth; the label depends on `a` and on the words. */
function mixedTable() {
  const lines = ['id,a,b,site,notes,empty,const,code,true_label,remark,label'];
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 60; i++) {
    const label = random() < 0.5 ? 'x' : 'y';
    const a = (random() + (label === 'x' ? 0.6 : 0)).toFixed(3);
    const words = label === 'x' ? 'good words here' : 'bad words there';
    const site = random() < 0.5 ? 'n' : 's';
    const note = `${words} and more ${i}`;
    const remark = `a remark of a few words ${i}`;
    lines.push([i + 1, a, random().toFixed(3), site, note, '', 7, `c${(i * 7) % 53}`, label, remark, label].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Labels that no column predicts (3 noise columns): a weak model. */
function noiseTable() {
  const lines = ['id,f1,f2,f3,label'];
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648).toFixed(3);
  for (let i = 0; i < 90; i++) lines.push([i + 1, random(), random(), random(), 'aaabbc'[i % 6]].join(','));
  return `${lines.join('\n')}\n`;
}

before(async () => {
  ls = await createLabelScope({ threads: false });
  dir = tempDir();
  fs.writeFileSync(path.join(dir, 'mixed.csv'), mixedTable());
  fs.writeFileSync(path.join(dir, 'noise.csv'), noiseTable());
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const api = (file, options = {}) =>
  ls.crossValProbs({ combined: { name: path.basename(file), data: fs.readFileSync(file) } }, options);

/** The held-out accuracy and the most common class's share, computed here from the API's result. */
function expectedScores(cv) {
  const n = cv.numExamples;
  const accuracy = cv.folds.reduce((sum, f) => sum + f.accuracy * f.testRows, 0) / n;
  const counts = new Array(cv.numClasses).fill(0);
  for (const y of cv.labels) counts[y]++;
  const most = Math.max(...counts);
  return { accuracy, majority: most / n, majorityClass: cv.classNames[counts.indexOf(most)] };
}

const summaryLines = (stderr) =>
  stderr
    .split('\n')
    .filter((l) => l.startsWith('labelscope: '))
    .map((l) => l.slice('labelscope: '.length));
const oneDecimal = (x) => (Math.round(x * 1000) / 10).toFixed(1);

/** The numbers of the summary's lines: {folds, c, accuracy, majority, majorityClass}. */
function summaryNumbers(lines) {
  const text = lines.join('\n');
  const how = /logistic regression, (\d+)-fold cross-validation .*regularisation C = ([\d.e+-]+) \(/.exec(text);
  const held =
    /held-out accuracy ([\d.]+)%, against ([\d.]+)% for always answering the most common class \('(.*)'\)/.exec(text);
  assert.ok(how && held, text);
  return { folds: Number(how[1]), c: Number(how[2]), accuracy: held[1], majority: held[2], majorityClass: held[3] };
}

describe('the summary of a model trained here', () => {
  test('audit --data iris.csv --features all: summary and JSON "model" hold the API\'s numbers', async () => {
    const file = path.join(LEARN, 'iris.csv');
    const r = cli(['audit', '--data', file, '--features', 'all']);
    assert.equal(r.status, 0, r.stderr);
    const cv = await api(file, { features: 'all' });
    const want = expectedScores(cv);
    const { model } = JSON.parse(r.stdout);
    assert.equal(model.method, 'logistic_regression');
    assert.equal(model.folds, cv.folds.length);
    assert.equal(model.seed, 0);
    assert.equal(model.c, cv.settings.c);
    assert.equal(model.c_chosen, true);
    assert.equal(model.held_out_accuracy, want.accuracy);
    assert.equal(model.majority_class_accuracy, want.majority);
    assert.equal(model.majority_class, want.majorityClass);
    assert.equal(model.label_column, 'species');
    assert.deepEqual(
      model.columns,
      cv.featureReport.columns.map(({ name, use, reason }) => ({ name, use, reason })),
    );
    const lines = summaryLines(r.stderr);
    assert.equal(r.stderr.split('\n').filter(Boolean).length, lines.length, "every line is the CLI's");
    assert.ok(lines.length >= 3 && lines.length <= 5, r.stderr);
    const said = summaryNumbers(lines);
    assert.deepEqual(said, {
      folds: model.folds,
      c: model.c,
      accuracy: oneDecimal(want.accuracy),
      majority: oneDecimal(want.majority),
      majorityClass: want.majorityClass,
    });
    assert.match(lines.join('\n'), /columns used: 4 with numbers; labels from 'species'/);
    assert.match(lines.join('\n'), /not used: 'id' \(an id column by its name\)/);
    // The model block is added at the end: the fields before it are those of a run without it.
    assert.deepEqual(Object.keys(JSON.parse(r.stdout)).at(-1), 'model');
  });

  test('find-issues, scores and health carry the same "model"; cross-val says the same on stderr', () => {
    const file = path.join(LEARN, 'iris.csv');
    const audit = cli(['audit', '--data', file, '--features', 'all']);
    for (const command of ['find-issues', 'scores', 'health']) {
      const r = cli([command, '--data', file, '--features', 'all']);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).model, JSON.parse(audit.stdout).model, command);
      assert.equal(r.stderr, audit.stderr, command);
    }
    const probs = cli(['cross-val', '--data', file]);
    assert.equal(probs.status, 0, probs.stderr);
    assert.equal(probs.stderr, audit.stderr);
    assert.ok(!probs.stdout.includes('labelscope'), 'standard output holds PROBS.csv only');
  });

  test('every column not used is named with the reason; the used ones are counted', async () => {
    const file = path.join(dir, 'mixed.csv');
    const r = cli(['audit', '--data', file, '--features', 'all', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const { model } = JSON.parse(r.stdout);
    const uses = Object.fromEntries(model.columns.map((c) => [c.name, c.use]));
    assert.deepEqual(uses, {
      id: 'id',
      a: 'numeric',
      b: 'numeric',
      site: 'categorical',
      notes: 'text',
      empty: 'ignored',
      const: 'ignored',
      code: 'ignored',
      true_label: 'truth',
      remark: 'ignored',
      label: 'label',
    });
    assert.equal(model.columns.find((c) => c.name === 'const').reason, 'the same value on every row');
    const text = summaryLines(r.stderr).join('\n');
    assert.match(
      text,
      /columns used: 2 with numbers, 1 with categories, 1 with free text \('notes'\); labels from 'label'\./,
    );
    const notUsed = summaryLines(r.stderr).find((l) => l.startsWith('not used: '));
    assert.ok(notUsed, text);
    for (const c of model.columns.filter((x) => !['numeric', 'categorical', 'text', 'label'].includes(x.use))) {
      assert.ok(notUsed.includes(`'${c.name}' (${c.reason})`), `${c.name} in: ${notUsed}`);
    }
    // (a reason may name a used column: "free text, but 'notes' is the text column")
    for (const name of ['a', 'b', 'site', 'notes', 'label']) assert.ok(!notUsed.includes(`'${name}' (`), name);
    const cv = await api(file, { features: 'all' });
    assert.equal(model.held_out_accuracy, expectedScores(cv).accuracy);
  });

  test('--folds, --seed and --c as given; a features file: its shape and type', async () => {
    const file = path.join(LEARN, 'text.csv');
    const args = ['--data', file, '--label-column', 'topic', '--text-column', 'headline'];
    const r = cli(['health', ...args, '--folds', '4', '--seed', '3', '--c', '0.5']);
    assert.equal(r.status, 0, r.stderr);
    const { model } = JSON.parse(r.stdout);
    const cv = await api(file, { labelColumn: 'topic', textColumn: 'headline', folds: 4, seed: 3, c: 0.5 });
    assert.deepEqual([model.folds, model.seed, model.c, model.c_chosen], [4, 3, 0.5, false]);
    assert.equal(model.held_out_accuracy, expectedScores(cv).accuracy);
    assert.match(summaryLines(r.stderr)[0], /4-fold cross-validation .* C = 0\.5 \(as given\)/);

    const pixels = ['--labels', path.join(LEARN, 'pixels_labels.csv'), '--features', path.join(LEARN, 'pixels.npy')];
    const p = cli(['scores', ...pixels]);
    assert.equal(p.status, 0, p.stderr);
    const dense = JSON.parse(p.stdout).model;
    assert.deepEqual([dense.feature_shape, dense.feature_type, dense.constant_columns], [[60, 36], 'uint8', []]);
    assert.equal(dense.columns, undefined);
    assert.match(summaryLines(p.stderr).join('\n'), /features: 60 rows x 36 numbers \(uint8\)\./);
  });

  test('--quiet: no summary, the same standard output', () => {
    const file = path.join(LEARN, 'iris.csv');
    for (const command of ['audit', 'cross-val']) {
      const args = command === 'cross-val' ? [command, '--data', file] : [command, '--data', file, '--features', 'all'];
      const shown = cli(args);
      const quiet = cli([...args, '--quiet']);
      assert.equal(quiet.status, 0, quiet.stderr);
      assert.notEqual(shown.stderr, '');
      assert.equal(quiet.stderr, '', command);
      assert.equal(quiet.stdout, shown.stdout, command);
    }
  });

  test('a weak model says so: once on stderr, once in the JSON (its warnings, not "model")', () => {
    const file = path.join(dir, 'noise.csv');
    const r = cli(['find-issues', '--data', file, '--features', 'all']);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    const weak = out.warnings.filter((w) => w.code === 'weak_model');
    assert.equal(weak.length, 1);
    assert.equal(out.model.warnings, undefined, 'one home for the judgement: the warnings');
    const lines = summaryLines(r.stderr);
    assert.deepEqual(
      lines.filter((l) => l.startsWith('warning: ')),
      [`warning: ${weak[0].message}`],
    );
    // The warning's numbers are the summary's and the model's.
    const said = summaryNumbers(lines);
    assert.ok(weak[0].message.includes(`${said.accuracy}%, against ${said.majority}%`), weak[0].message);
    assert.equal(said.accuracy, oneDecimal(out.model.held_out_accuracy));

    // CSV output: the warning once (with the summary, not again with the rows); --quiet: once, from the rows.
    for (const quiet of [[], ['--quiet']]) {
      const csv = cli(['audit', '--data', file, '--features', 'all', '--format', 'csv', ...quiet]);
      assert.equal(csv.status, 0, csv.stderr);
      assert.equal(csv.stderr.split(weak[0].message).length - 1, 1, csv.stderr);
    }
    // PROBS.csv has no place for it: cross-val says it even with --quiet.
    const probs = cli(['cross-val', '--data', file, '--quiet']);
    assert.equal(probs.stderr, `labelscope: warning: ${weak[0].message}\n`);
  });

  test('given probabilities: no model, no summary (the output as before)', () => {
    const r = cli(['audit', '--data', path.join(LEARN, 'probs.csv')]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).model, undefined);
    assert.equal(r.stderr, '');
  });
});
