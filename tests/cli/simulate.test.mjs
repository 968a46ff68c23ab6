// `labelscope simulate-noise`: the same flips as the JS API's simulateNoise, the fixed columns
// (label, true_label, is_error) named as the input names classes, the file read back as labels,
// and usage (exit 2) / bad input (exit 3) errors. Runs the Node CLI (the native one has no
// simulate-noise).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { createLabelScope } from '../../src/js/index.js';
import { HEADLINES, jsonOf, npyBytes, parseCsv, ROOT, runCli, tempDir } from './helpers.mjs';

const LABELS = path.join(HEADLINES, 'labels.csv');
const PROBS = path.join(HEADLINES, 'pred_probs.csv');
const DATA = path.join(HEADLINES, 'dataset.csv');
const node = (args) => runCli(args, {}, 'node');
const dir = tempDir();
const out = (name) => path.join(dir, name);

/** The CSV written by the CLI: header and rows of strings. */
function csvOf(file) {
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
  return { header, rows };
}

let ls;
let pair;
let combined;
before(async () => {
  ls = await createLabelScope({ threads: false });
  pair = await ls.readDataset({ labels: fs.readFileSync(LABELS), predProbs: fs.readFileSync(PROBS) });
  combined = await ls.readDataset({ combined: fs.readFileSync(DATA) });
});
after(() => {
  pair?.free();
  combined?.free();
});

describe('simulate-noise', () => {
  test('flips exactly the rows the JS API flips; index labels stay indices', () => {
    for (const [rate, seed] of [
      [0.2, 7],
      [0.1, 0],
      [0.5, 123456789],
    ]) {
      const r = node([
        'simulate-noise',
        '--labels',
        LABELS,
        '--pred-probs',
        PROBS,
        '--rate',
        String(rate),
        '--seed',
        String(seed),
        '--out',
        out('noisy.csv'),
      ]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '');
      const { header, rows } = csvOf(out('noisy.csv'));
      assert.deepEqual(header, ['label', 'true_label', 'is_error']);
      const sim = ls.simulateNoise({ dataset: pair, rate, seed });
      assert.equal(rows.length, pair.numExamples);
      assert.deepEqual(
        rows.map((row) => Number(row[0])),
        Array.from(sim.noisyLabels),
      );
      assert.deepEqual(
        rows.map((row) => Number(row[1])),
        Array.from(pair.labels),
      );
      assert.deepEqual(
        rows.map((row) => Number(row[2])),
        Array.from(sim.isError),
      );
      assert.equal(rows.filter((row) => row[2] === '1').length, Math.floor(rate * pair.numExamples + 0.5));
    }
  });

  test('class-name labels stay names; --pair by names flips only that pair; standard output without --out', () => {
    const r = node(['simulate-noise', '--data', DATA, '--rate', '0.5', '--seed', '3', '--pair', 'sports,weather']);
    assert.equal(r.status, 0, r.stderr);
    const [header, ...rows] = parseCsv(r.stdout);
    assert.deepEqual(header, ['label', 'true_label', 'is_error']);
    const sim = ls.simulateNoise({ dataset: combined, rate: 0.5, seed: 3, pair: ['sports', 'weather'] });
    const names = combined.classNames;
    assert.deepEqual(
      rows.map((row) => row[0]),
      Array.from(sim.noisyLabels, (c) => names[c]),
    );
    assert.deepEqual(
      rows.map((row) => row[1]),
      Array.from(combined.labels, (c) => names[c]),
    );
    for (const [label, trueLabel, isError] of rows) {
      if (isError === '1') assert.deepEqual([label, trueLabel].sort(), ['sports', 'weather']);
      else assert.equal(label, trueLabel);
    }
    assert.ok(rows.some((row) => row[2] === '1'));
  });

  test('.npy labels give indices', () => {
    const npy = out('labels.npy');
    fs.writeFileSync(npy, npyBytes(Array.from(pair.labels), [pair.numExamples], '<i8'));
    const r = node(['simulate-noise', '--labels', npy, '--pred-probs', PROBS, '--rate', '0.2', '--seed', '7']);
    assert.equal(r.status, 0, r.stderr);
    const rows = parseCsv(r.stdout).slice(1);
    const sim = ls.simulateNoise({ dataset: pair, rate: 0.2, seed: 7 });
    assert.deepEqual(
      rows.map((row) => Number(row[0])),
      Array.from(sim.noisyLabels),
    );
  });

  test('a headerless labels file of names, a class name with a comma in --pair', () => {
    const labels = out('names-no-header.csv');
    fs.writeFileSync(labels, '"T-shirt, top"\nShirt\nCoat\n"T-shirt, top"\nShirt\nCoat\n');
    const probs = out('names-probs.csv');
    fs.writeFileSync(probs, `"T-shirt, top",Shirt,Coat\n${'0.8,0.1,0.1\n0.1,0.8,0.1\n0.1,0.1,0.8\n'.repeat(2)}`);
    const r = node([
      'simulate-noise',
      '--labels',
      labels,
      '--pred-probs',
      probs,
      '--rate',
      '1',
      '--seed',
      '4',
      '--pair',
      'Shirt,T-shirt, top',
    ]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(parseCsv(r.stdout), [
      ['label', 'true_label', 'is_error'],
      ['Shirt', 'T-shirt, top', '1'],
      ['T-shirt, top', 'Shirt', '1'],
      ['Coat', 'Coat', '0'],
      ['Shirt', 'T-shirt, top', '1'],
      ['T-shirt, top', 'Shirt', '1'],
      ['Coat', 'Coat', '0'],
    ]);
  });

  test('NOISY.csv reads back as a labels file (its label column): find-issues runs on the noisy labels', () => {
    const inputs = [
      [['--labels', LABELS, '--pred-probs', PROBS], 'idx.csv'],
      [['--data', DATA], 'names.csv'],
    ];
    for (const [input, name] of inputs) {
      const file = out(name);
      assert.equal(node(['simulate-noise', ...input, '--rate', '0.2', '--seed', '11', '--out', file]).status, 0);
      const noisy = csvOf(file).rows.map((row) => row[0]);
      const single = out(`single-${name}`);
      fs.writeFileSync(single, `label\n${noisy.join('\n')}\n`);
      const viaNoisy = jsonOf(node(['find-issues', '--labels', file, '--pred-probs', PROBS]));
      const viaSingle = jsonOf(node(['find-issues', '--labels', single, '--pred-probs', PROBS]));
      assert.deepEqual(viaNoisy.indices, viaSingle.indices);
      const clean = jsonOf(node(['find-issues', '--labels', LABELS, '--pred-probs', PROBS]));
      assert.notDeepEqual(viaNoisy.indices, clean.indices, 'the noisy labels were analysed, not the originals');
    }
  });

  test('usage errors exit 2 and name the flag', () => {
    const base = ['simulate-noise', '--labels', LABELS, '--pred-probs', PROBS];
    const cases = [
      [[...base, '--seed', '1'], /missing --rate/],
      [[...base, '--rate', '0.1'], /missing --seed/],
      [[...base, '--rate', '1.5', '--seed', '1'], /--rate must be a number in \[0, 1\]/],
      [[...base, '--rate', 'abc', '--seed', '1'], /--rate must be a number/],
      [[...base, '--rate', '0.1', '--seed', '1.5'], /--seed must be a whole number/],
      [[...base, '--rate', '0.1', '--seed', '9007199254740992'], /--seed must be a whole number/],
      [[...base, '--rate', '0.1', '--seed', '1', '--pair', 'sports,sports'], /two different classes/],
      [[...base, '--rate', '0.1', '--seed', '1', '--pair', 'sports,opera'], /'opera' matches no class/],
      [[...base, '--rate', '0.1', '--seed', '1', '--format', 'json'], /--format must be csv/],
      [[...base, '--rate', '0.1', '--seed', '1', '--filter-by', 'both'], /unknown option '--filter-by'/],
      [['simulate-noise', '--labels', LABELS, '--rate', '0.1', '--seed', '1'], /missing --pred-probs/],
      [['simulate-noise', '--data', DATA, '--labels', LABELS, '--rate', '0.1', '--seed', '1'], /either --data/],
    ];
    for (const [args, message] of cases) {
      const r = node(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /Try 'labelscope simulate-noise --help'/);
    }
  });

  test('--out naming an input file is refused (exit 2) and the file is untouched', () => {
    const copy = out('labels-copy.csv');
    fs.copyFileSync(LABELS, copy);
    const link = out('labels-link.csv');
    fs.symlinkSync(copy, link);
    for (const target of [copy, path.relative(ROOT, copy), link]) {
      const r = node([
        'simulate-noise',
        '--labels',
        copy,
        '--pred-probs',
        PROBS,
        '--rate',
        '0.1',
        '--seed',
        '1',
        '--out',
        target,
      ]);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /is an input file/);
      assert.match(r.stderr, /Try 'labelscope simulate-noise --help'/);
    }
    assert.equal(fs.readFileSync(copy, 'utf8'), fs.readFileSync(LABELS, 'utf8'));
  });

  test('--noise-matrix: the flips the JS API makes with that matrix; with --rate or malformed, exit 2', () => {
    // 4 classes: 30 % of class 2 move to class 3, nothing else (columns sum to 1; a header line is skipped).
    const matrix = [
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 0.7, 0],
      [0, 0, 0.3, 1],
    ];
    fs.writeFileSync(out('m.csv'), `a,b,c,d\n${matrix.map((row) => row.join(',')).join('\n')}\n`);
    const r = node([
      'simulate-noise',
      '--labels',
      LABELS,
      '--pred-probs',
      PROBS,
      '--noise-matrix',
      out('m.csv'),
      '--seed',
      '3',
    ]);
    assert.equal(r.status, 0, r.stderr);
    const rows = parseCsv(r.stdout).slice(1);
    const sim = ls.simulateNoise({ dataset: pair, noiseMatrix: matrix, seed: 3 });
    assert.deepEqual(
      rows.map((row) => Number(row[0])),
      Array.from(sim.noisyLabels),
    );
    assert.ok(sim.flipped.length > 0);
    for (const i of sim.flipped) assert.deepEqual([Number(rows[i][0]), Number(rows[i][1])], [3, 2]);
    fs.writeFileSync(out('bad-m.csv'), '1,0\n0,x\n');
    for (const [args, message] of [
      [['--noise-matrix', out('m.csv'), '--rate', '0.1'], /leave out --rate and --pair/],
      [['--noise-matrix', out('bad-m.csv')], /row 2, column 2 is 'x', not a number/],
      [['--noise-matrix', out('m.csv'), '--out', out('m.csv')], /is an input file \(--noise-matrix\)/],
    ]) {
      const bad = node(['simulate-noise', '--labels', LABELS, '--pred-probs', PROBS, '--seed', '3', ...args]);
      assert.equal(bad.status, 2, bad.stderr);
      assert.match(bad.stderr, message);
    }
  });

  test('bad input exits 3 with the file named; --help exits 0', () => {
    const ragged = out('ragged.csv');
    fs.writeFileSync(ragged, 'a,b\n0.5,0.5\n0.5\n');
    const labels = out('two.csv');
    fs.writeFileSync(labels, 'label\n0\n1\n');
    const r = node(['simulate-noise', '--labels', labels, '--pred-probs', ragged, '--rate', '0.1', '--seed', '1']);
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stderr, /ragged\.csv, row 2/);
    const missing = node([
      'simulate-noise',
      '--labels',
      out('nope.csv'),
      '--pred-probs',
      PROBS,
      '--rate',
      '0.1',
      '--seed',
      '1',
    ]);
    assert.equal(missing.status, 3);
    assert.match(missing.stderr, /nope\.csv: no such file/);
    const help = node(['simulate-noise', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: labelscope simulate-noise /);
    assert.match(node(['--help']).stdout, /simulate-noise/);
  });
});
