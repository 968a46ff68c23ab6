// --fold-case: class names that differ only in capitals or spacing ('cat', 'Cat', 'CAT ') read as one class on
// the command line, as crossValProbs' foldCase does; and the warning (or error) about such names names the flag.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { createLabelScope } from '../../src/js/index.js';
import { runCli } from './helpers.mjs';

let tmp;
let ls;
let table;
// The Node CLI: a model trained on features is the WebAssembly build's.
const cli = (args) => runCli(args, {}, 'node');

// Two numeric features around a centre per class; 'Cat' (3 rows) and 'DOG ' (2 rows) are spellings of the others.
function tableText() {
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  const centres = { cat: [0, 0], dog: [3, 0], bird: [0, 3] };
  const rows = ['x1,x2,label'];
  const spellings = [
    ...Array(20).fill('cat'),
    ...Array(3).fill('Cat'),
    ...Array(20).fill('dog'),
    ...Array(2).fill('DOG '),
    ...Array(20).fill('bird'),
  ];
  spellings.forEach((name, i) => {
    const [a, b] = centres[name.trim().toLowerCase()];
    // one row in ten a little nearer another class, so that the model is not sure of everything
    const shift = i % 10 === 0 ? 1.5 : 0;
    rows.push(`${(a + next() + shift).toFixed(3)},${(b + next()).toFixed(3)},${name}`);
  });
  return `${rows.join('\n')}\n`;
}

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'labelscope-fold-case-'));
  table = path.join(tmp, 'pets.csv');
  fs.writeFileSync(table, tableText());
  ls = await createLabelScope({ threads: false });
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const input = () => ({ combined: { name: table, data: fs.readFileSync(table) } });

test('cross-val --fold-case: the JS API bits with foldCase, one class per spelling group', async () => {
  const out = path.join(tmp, 'probs.csv');
  const r = cli(['cross-val', '--data', table, '--fold-case', '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  const api = await ls.crossValProbs(input(), { foldCase: true });
  assert.deepEqual(api.classNames, ['bird', 'cat', 'dog']);
  const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
  assert.deepEqual(lines[0].split(','), api.classNames);
  assert.equal(lines.length - 1, api.numExamples);
  lines
    .slice(1)
    .forEach((line, i) =>
      line
        .split(',')
        .forEach((cell, k) => assert.ok(Object.is(Number(cell), api.predProbs[i * 3 + k]), `row ${i + 1}`)),
    );
  assert.doesNotMatch(r.stderr, /differ only in/);
});

test('audit --features all --fold-case: the audit of the folded classes', async () => {
  const r = cli(['audit', '--data', table, '--features', 'all', '--fold-case', '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  const cv = await ls.crossValProbs(input(), { foldCase: true });
  const dataset = await ls.datasetFromCrossVal(cv);
  const report = ls.audit(dataset);
  assert.deepEqual(
    json.issues.map((i) => i.index),
    Array.from(report.issues, (i) => i.index),
  );
  assert.ok(!JSON.stringify(json.warnings ?? []).includes('classes_differ_in_case'));
});

test('the warning about spellings names --fold-case (and the API option nowhere)', () => {
  const r = cli(['cross-val', '--data', table, '--folds', '2', '--out', path.join(tmp, 'apart.csv')]);
  assert.equal(r.status, 0, r.stderr);
  const warnings = r.stderr.split('\n').filter((l) => l.includes('differ only in'));
  assert.equal(warnings.length, 2, r.stderr);
  for (const w of warnings) {
    assert.match(w, /^labelscope: warning: Classes '(cat' and 'Cat|dog' and 'DOG)' differ only in capitals/);
    assert.match(w, /read them as one class, named by the most common spelling \(--fold-case\)\.$/);
  }
  assert.doesNotMatch(r.stderr, /foldCase/);
});

test("audit --features: the JSON's warning names --fold-case too", () => {
  const r = cli(['audit', '--data', table, '--features', 'all', '--folds', '2', '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  const warnings = JSON.parse(r.stdout).warnings.filter((w) => w.code === 'classes_differ_in_case');
  assert.equal(warnings.length, 2);
  for (const w of warnings) assert.match(w.message, /\(--fold-case\)\.$/);
});

test('too few rows for the folds: the error names the spellings and --fold-case', () => {
  const r = cli(['cross-val', '--data', table, '--out', path.join(tmp, 'none.csv')]);
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, /read apart here: 'cat' and 'Cat'; 'dog' and 'DOG'\./);
  assert.match(r.stderr, /its most common spelling \(--fold-case\)\.\n$/);
  assert.doesNotMatch(r.stderr, /foldCase/);
});

test('--fold-case goes with a model trained here', () => {
  const r = cli(['audit', '--labels', table, '--pred-probs', table, '--fold-case']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--fold-case goes with --features/);
});
