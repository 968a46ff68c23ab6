// Plausible-looking wrong answers from probabilities computed here are said so with the results (newcomer trial
// eyes7): a feature column that is a copy of the label (label_leak: 100% held-out accuracy, 0 flagged, health 1),
// class names that differ only in capitals (classes_differ_in_case: 13 classes for 4), one-vs-rest models that
// learned nothing (weak_model for multi-label), a date column (its reason says it is a date), and a label column
// guessed by its name beside another that could be the label (its reason names the other).
// LABELSCOPE_CORE: another build of the core (a helper's own) instead of dist/wasm.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createLabelScope } from '../../src/js/index.js';
import { leakWarnings, multiLabelWeakModelWarnings } from '../../src/js/model-warnings.js';
import { caseVariantWarnings } from '../../src/js/class-warnings.js';
import { random, tickets, titanic } from './model-trust-data.mjs';

const ROOT = new URL('../../', import.meta.url);

let ls;
before(async () => {
  const alt = process.env.LABELSCOPE_CORE;
  const moduleFactory = alt ? (await import(pathToFileURL(resolve(alt)).href)).default : undefined;
  ls = await createLabelScope({ moduleFactory, threads: false });
});

const codes = (warnings) => warnings.map((w) => w.code);

describe('label_leak and perfect_model', () => {
  test("a column that copies the label is named: 'pclass' beside 'class'", async () => {
    const r = await ls.crossValProbs({ combined: { name: 'titanic_like.csv', data: titanic() } });
    assert.equal(r.folds.reduce((s, f) => s + f.accuracy * f.testRows, 0) / r.numExamples, 1);
    assert.deepEqual(codes(r.warnings), ['label_leak']);
    const [leak] = r.warnings;
    assert.deepEqual(leak.columns, ['pclass']);
    assert.match(leak.message, /column 'pclass' determines the label exactly/);
    assert.match(leak.message, /held-out accuracy is 100\.0%/);
    assert.match(leak.message, /Leave it out of the features, or choose another label column/);
    // The audit of its dataset carries it, as the page and the CLI show the dataset's warnings.
    const dataset = await ls.datasetFromCrossVal(r);
    assert.deepEqual(codes(dataset.warnings), ['label_leak']);
    dataset.free();
  });

  test('left out, the copy is no longer named; the label column guessed by its name names the other candidates', async () => {
    const r = await ls.crossValProbs(
      { combined: { name: 'titanic_like.csv', data: titanic() } },
      { columnRoles: { pclass: 'ignore' } },
    );
    assert.ok(!codes(r.warnings).includes('label_leak'));
    const label = r.featureReport.columns.find((c) => c.use === 'label');
    assert.equal(label.name, 'class');
    assert.match(label.reason, /a guess by its name: 'survived' \(the first column, 2 values\) or 'alone'/);
    // Chosen by the person, the label column is no guess.
    const chosen = await ls.crossValColumns(
      { combined: { name: 'titanic_like.csv', data: titanic() } },
      { labelColumn: 'class' },
    );
    assert.equal(chosen.columns.find((c) => c.use === 'label').reason, 'label column');
  });

  test("the page's first look at the file says the guess and its other candidates", async () => {
    const sniffed = await ls.sniffFile({ name: 'titanic_like.csv', data: titanic() });
    assert.equal(sniffed.labelColumn, 'class');
    assert.match(sniffed.reason, /'survived' \(the first column, 2 values\) or 'alone' .* could each be the label too/);
    // A label column at an edge (iris: species last) is no puzzle: nothing added.
    const iris = await ls.sniffFile({
      name: 'iris.csv',
      data: readFileSync(new URL('tests/fixtures/learn/iris.csv', ROOT)),
    });
    assert.doesNotMatch(iris.reason, /guess/);
  });

  test('the rules: a determining column with few values; else 99.5% or more held out', () => {
    const labels = Int32Array.from({ length: 100 }, (_, i) => i % 2);
    const folds = [{ accuracy: 1, testRows: 100 }];
    const uses = [
      { name: 'copy', use: 'numeric' },
      { name: 'unique', use: 'numeric' },
      { name: 'id', use: 'id' },
      { name: 'label', use: 'label', reason: 'label column' },
    ];
    const columns = [
      { name: 'copy', values: Array.from(labels, (y) => (y ? 'yes' : 'no')) },
      { name: 'unique', values: Array.from(labels, (_, i) => String(i)) }, // determines it, but one value per row
      { name: 'id', values: Array.from(labels, (y) => String(y)) }, // not a feature
    ];
    const [leak] = leakWarnings(folds, labels, ['a', 'b'], columns, uses);
    assert.equal(leak.code, 'label_leak');
    assert.deepEqual(leak.columns, ['copy']);
    const [perfect] = leakWarnings(folds, labels, ['a', 'b'], columns.slice(1), uses);
    assert.equal(perfect.code, 'perfect_model');
    assert.deepEqual(leakWarnings([{ accuracy: 0.99, testRows: 100 }], labels, ['a', 'b'], columns.slice(1), uses), []);
  });

  test('iris (a model that learned, short of perfect) has none', async () => {
    const iris = await ls.crossValProbs({
      combined: { name: 'iris.csv', data: readFileSync(new URL('tests/fixtures/learn/iris.csv', ROOT)) },
    });
    assert.deepEqual(iris.warnings, []);
  });
});

describe('classes_differ_in_case', () => {
  test('crossValProbs says which classes differ only in capitals, with their rows', async () => {
    const r = await ls.crossValProbs({ combined: { name: 'tickets.csv', data: tickets() } }, { folds: 2 });
    assert.equal(r.numClasses, 9);
    const warnings = r.warnings.filter((w) => w.code === 'classes_differ_in_case');
    assert.equal(warnings.length, 3);
    const billing = warnings.find((w) => /'billing'/.test(w.message));
    assert.match(
      billing.message,
      /^Classes 'billing', '(Billing|BILLING)' and '(BILLING|Billing)' differ only in capitals: \d+ rows/,
    );
    assert.match(billing.message, /fix the file/);
    assert.equal(r.classNames[billing.classIndex], 'billing');
    const rows = Array.from(r.labels).filter((y) => billing.classes.includes(y)).length;
    assert.equal(billing.count, rows);
    // Once in the dataset's warnings, though its reader says it too.
    const dataset = await ls.datasetFromCrossVal(r);
    assert.equal(dataset.warnings.filter((w) => w.code === 'classes_differ_in_case').length, 3);
    dataset.free();
  });

  test('a class too small for the folds that is a spelling of another: the error says so', async () => {
    await assert.rejects(
      ls.crossValProbs({ combined: { name: 'tickets.csv', data: tickets(120) } }, { folds: 10 }),
      (e) =>
        e.code === 'too_few_examples' &&
        /differ only in capitals or spacing are read apart here: 'billing', '(Billing|BILLING)' and/.test(e.message),
    );
  });

  test('foldCase reads them as one class, its most common spelling', async () => {
    const r = await ls.crossValProbs({ combined: { name: 'tickets.csv', data: tickets() } }, { foldCase: true });
    assert.deepEqual(r.classNames, ['billing', 'shipping', 'technical']);
    assert.ok(!codes(r.warnings).includes('classes_differ_in_case'));
    assert.equal(r.settings.foldCase, true);
    const columns = await ls.crossValColumns(
      { combined: { name: 'tickets.csv', data: tickets() } },
      { foldCase: true },
    );
    assert.equal(columns.numClasses, 3);
    assert.ok(columns.notes.some((n) => /classes 'BILLING', 'Billing', 'billing' read as one, 'billing'/.test(n)));
  });

  test('readDataset says so for labels read beside probabilities', async () => {
    const names = ['cat', 'Cat', 'dog'];
    const labels = ['cat', 'Cat', 'dog', 'cat', 'dog', 'cat'];
    const probs = labels.map((y) => names.map((n) => (n === y ? 0.8 : 0.1)).join(','));
    const dataset = await ls.readDataset({
      combined: {
        name: 'pets.csv',
        data: `label,p_cat,p_Cat,p_dog\n${labels.map((y, i) => `${y},${probs[i]}`).join('\n')}\n`,
      },
    });
    const [w] = dataset.warnings.filter((x) => x.code === 'classes_differ_in_case');
    assert.match(w.message, /^Classes 'cat' and 'Cat' differ only in capitals: 4 rows \(3, 1\)/);
    assert.equal(w.example, 0);
    dataset.free();
  });

  test('spacing inside a name counts too; distinct names none', () => {
    const [w] = caseVariantWarnings(['credit card', 'credit  card', 'debit'], [5, 2, 9]);
    assert.match(w.message, /^Classes 'credit card' and 'credit {2}card' differ only in spacing: 7 rows/);
    assert.deepEqual(caseVariantWarnings(['a', 'b'], [1, 1]), []);
    // Many groups: ten said one by one, then how many more.
    const names = Array.from({ length: 30 }, (_, i) => `c${i}`).flatMap((n) => [n, n.toUpperCase()]);
    const many = caseVariantWarnings(
      names,
      names.map(() => 1),
    );
    assert.equal(many.length, 11);
    assert.match(
      many[10].message,
      /^20 more groups of classes differ only in capitals or spacing \(40 rows\), such as 'c10' and 'C10'\./,
    );
  });
});

describe('dates', () => {
  test('a date column is said to be dates, not too many short values', async () => {
    const r = await ls.crossValColumns({ combined: { name: 'tickets.csv', data: tickets() } });
    const opened = r.columns.find((c) => c.name === 'opened');
    assert.equal(opened.use, 'ignored');
    assert.match(opened.reason, /^dates: not used \(a date is not a feature here/);
  });
});

describe('multi-label weak_model', () => {
  test('news.csv alone: the models learned nothing, as always answering "not in the set"', async () => {
    const r = await ls.multiLabel.crossValProbs({
      combined: { name: 'news.csv', data: readFileSync(new URL('examples/multilabel/news.csv', ROOT)) },
    });
    assert.deepEqual(codes(r.warnings), ['weak_model']);
    assert.match(r.warnings[0].message, /held-out accuracy per \(row, class\) is 76\.2%, against 76\.2%/);
  });

  test('models that learned: none', async () => {
    const r = random(3);
    const lines = ['x1,x2,labels'];
    for (let i = 0; i < 160; i++) {
      const a = r() * 2 - 1;
      const b = r() * 2 - 1;
      lines.push(`${a.toFixed(3)},${b.toFixed(3)},${[a > 0 ? 'a' : '', b > 0 ? 'b' : ''].filter(Boolean).join(';')}`);
    }
    const learned = await ls.multiLabel.crossValProbs({ combined: { name: 'xy.csv', data: `${lines.join('\n')}\n` } });
    assert.deepEqual(learned.warnings, []);
  });

  test('the rule: per (row, class), against each class answered as its more common case', () => {
    // 10 rows, 2 classes: 'a' in 2 sets, 'b' in 6: the baseline is (8 + 6) / 20 = 70%.
    const sets = {
      offsets: Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 8]),
      classes: Int32Array.from([0, 0, 1, 1, 1, 1, 1, 1]),
    };
    const [weak] = multiLabelWeakModelWarnings([{ accuracy: 0.75, testRows: 10 }], sets, ['a', 'b']);
    assert.equal(weak.code, 'weak_model');
    assert.match(weak.message, /75\.0%, against 70\.0%/);
    assert.deepEqual(multiLabelWeakModelWarnings([{ accuracy: 0.8, testRows: 10 }], sets, ['a', 'b']), []);
  });
});
