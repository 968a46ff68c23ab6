// `labelscope simulate-noise --features F --probs-out PROBS.csv`: the probabilities to analyse
// the noisy labels with, computed again by cross-validation on the noisy labels (the JS API's
// simulateNoisyData, the same bits), or kept (--probs-out without --features); usage errors exit 2.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { createLabelScope } from '../../src/js/index.js';
import { parseCsv, ROOT, runCli, tempDir } from './helpers.mjs';

const LEARN = path.join(ROOT, 'tests/fixtures/learn');
const LABELS = path.join(LEARN, 'pixels_labels.csv');
const FEATURES = path.join(LEARN, 'pixels.npy');
const node = (args) => runCli(args, {}, 'node');
const dir = tempDir();
const out = (name) => path.join(dir, name);
const numbers = (file) => parseCsv(fs.readFileSync(file, 'utf8')).slice(1).flat().map(Number);

let ls;
let dataset; // the labels with probabilities cross-validated from them, as `labelscope cross-val` writes
before(async () => {
  const r = node(['cross-val', '--labels', LABELS, '--features', FEATURES, '--out', out('probs.csv')]);
  assert.equal(r.status, 0, r.stderr);
  ls = await createLabelScope({ threads: false });
  dataset = await ls.readDataset({ labels: fs.readFileSync(LABELS), predProbs: fs.readFileSync(out('probs.csv')) });
});
after(() => dataset?.free());

describe('simulate-noise --features --probs-out', () => {
  test("recomputed on the noisy labels: the JS API's numbers; with or without --pred-probs", async () => {
    const api = await ls.simulateNoisyData({
      dataset,
      rate: 0.2,
      seed: 7,
      features: { name: 'pixels.npy', data: fs.readFileSync(FEATURES) },
    });
    assert.equal(api.probabilities, 'recomputed');
    const r = node([
      'simulate-noise',
      '--labels',
      LABELS,
      '--pred-probs',
      out('probs.csv'),
      '--features',
      FEATURES,
      '--rate',
      '0.2',
      '--seed',
      '7',
      '--out',
      out('noisy.csv'),
      '--probs-out',
      out('noisy-probs.csv'),
    ]);
    assert.equal(r.status, 0, r.stderr);
    const rows = parseCsv(fs.readFileSync(out('noisy.csv'), 'utf8')).slice(1);
    assert.deepEqual(
      rows.map((row) => Number(row[0])),
      Array.from(api.labels),
    );
    assert.deepEqual(
      rows.map((row) => Number(row[2])),
      Array.from(api.simulation.isError),
    );
    assert.deepEqual(parseCsv(fs.readFileSync(out('noisy-probs.csv'), 'utf8'))[0], ['0', '1', '2']);
    assert.deepEqual(numbers(out('noisy-probs.csv')), Array.from(api.predProbs));
    assert.notDeepEqual(numbers(out('noisy-probs.csv')), numbers(out('probs.csv')));

    // Without --pred-probs the given probabilities are computed first: the same flips and numbers.
    const f = node([
      'simulate-noise',
      '--labels',
      LABELS,
      '--features',
      FEATURES,
      '--rate',
      '0.2',
      '--seed',
      '7',
      '--out',
      out('noisy2.csv'),
      '--probs-out',
      out('noisy-probs2.csv'),
    ]);
    assert.equal(f.status, 0, f.stderr);
    assert.equal(fs.readFileSync(out('noisy2.csv'), 'utf8'), fs.readFileSync(out('noisy.csv'), 'utf8'));
    assert.equal(fs.readFileSync(out('noisy-probs2.csv'), 'utf8'), fs.readFileSync(out('noisy-probs.csv'), 'utf8'));

    // The pair analyses as usual.
    const a = node([
      'find-issues',
      '--labels',
      out('noisy.csv'),
      '--pred-probs',
      out('noisy-probs.csv'),
      '--format',
      'json',
    ]);
    assert.equal(a.status, 0, a.stderr);
  });

  test('--probs-out without --features: the given probabilities, kept', () => {
    const r = node([
      'simulate-noise',
      '--labels',
      LABELS,
      '--pred-probs',
      out('probs.csv'),
      '--rate',
      '0.2',
      '--seed',
      '7',
      '--out',
      out('noisy3.csv'),
      '--probs-out',
      out('kept.csv'),
    ]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(numbers(out('kept.csv')), numbers(out('probs.csv')));
  });

  test('usage errors say what to give (exit 2)', () => {
    const base = ['simulate-noise', '--labels', LABELS, '--rate', '0.2', '--seed', '7'];
    const cases = [
      [[...base, '--features', FEATURES], /--features needs --probs-out FILE/],
      [
        [...base, '--pred-probs', out('probs.csv'), '--features', FEATURES, '--probs-out', out('probs.csv')],
        /--probs-out .* is an input file \(--pred-probs\)/,
      ],
      [
        [...base, '--features', FEATURES, '--out', out('x.csv'), '--probs-out', out('x.csv')],
        /--probs-out .* is the --out file/,
      ],
      [
        ['simulate-noise', '--data', path.join(LEARN, 'iris.csv'), '--features', 'all', '--rate', '0.1', '--seed', '1'],
        /--features needs --probs-out FILE/,
      ],
      [base, /missing --pred-probs/],
    ];
    for (const [args, message] of cases) {
      const r = node(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
  });
});
