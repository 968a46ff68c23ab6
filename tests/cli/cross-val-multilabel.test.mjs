// labelscope cross-val --multi-label: one-vs-rest probabilities for a table of label sets, the
// JS API's (ls.multiLabel.crossValProbs) byte for byte, ready for audit --multi-label.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { createLabelScope } from '../../src/js/index.js';
import { probsCsv } from '../../src/js/cross-val-result.js';
import { ROOT, runCli } from './helpers.mjs';

const NEWS = path.join(ROOT, 'examples/multilabel/news.csv');
let tmp;
let ls;
before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'labelscope-ovr-'));
  ls = await createLabelScope({ threads: false });
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

// cross-val is a command of the WebAssembly build: the Node CLI.
const cli = (args) => runCli(args, {}, 'node');

test("the news table: PROBS.csv equals the API's, and audit --multi-label reads it", async () => {
  const out = path.join(tmp, 'probs.csv');
  const r = cli(['cross-val', '--multi-label', '--data', NEWS, '--out', out, '--folds', '4', '--seed', '7']);
  assert.equal(r.status, 0, r.stderr);
  const api = await ls.multiLabel.crossValProbs(
    { combined: { name: 'news.csv', data: new Uint8Array(fs.readFileSync(NEWS)) } },
    { folds: 4, seed: 7 },
  );
  const text = fs.readFileSync(out, 'utf8');
  assert.equal(
    text,
    probsCsv({
      classNames: api.classNames,
      numClasses: api.numClasses,
      numExamples: api.numExamples,
      predProbs: api.probs,
    }),
  );
  const lines = text.trim().split('\n');
  assert.equal(lines[0], 'business,culture,health,politics,science,sport,tech');
  assert.equal(lines.length, 49);
  const audit = cli(['audit', '--multi-label', '--labels', NEWS, '--pred-probs', out]);
  assert.equal(audit.status, 0, audit.stderr);
  assert.equal(JSON.parse(audit.stdout).n, 48);
});

test('usage: --multi-label cross-val needs a table or labels + features; the analysis commands compute them', () => {
  const labels = path.join(ROOT, 'examples/multilabel/labels.csv');
  const r = cli(['cross-val', '--multi-label', '--labels', labels]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /with --labels, --features names the features file/);
  const a = cli(['audit', '--multi-label', '--data', NEWS, '--features', 'all', '--folds', '4']);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(JSON.parse(a.stdout).multi_label, true);
});

test("the one-vs-rest models' warnings: said by cross-val, in audit's JSON (news.csv's models learn little)", async () => {
  const api = await ls.multiLabel.crossValProbs(
    { combined: { name: 'news.csv', data: new Uint8Array(fs.readFileSync(NEWS)) } },
    { folds: 4, seed: 7 },
  );
  const weak = api.warnings.filter((w) => w.code === 'weak_model');
  assert.equal(weak.length, 1, JSON.stringify(api.warnings));
  const crossVal = cli([
    'cross-val',
    '--multi-label',
    '--data',
    NEWS,
    '--out',
    path.join(tmp, 'w.csv'),
    '--folds',
    '4',
    '--seed',
    '7',
  ]);
  assert.equal(crossVal.status, 0, crossVal.stderr);
  assert.ok(crossVal.stderr.includes(`labelscope: warning: ${weak[0].message}`), crossVal.stderr);
  const audit = cli(['audit', '--multi-label', '--data', NEWS, '--features', 'all', '--folds', '4', '--seed', '7']);
  assert.equal(audit.status, 0, audit.stderr);
  const codes = JSON.parse(audit.stdout).warnings.map((w) => w.code);
  assert.ok(codes.includes('weak_model'), codes.join(', '));
});
