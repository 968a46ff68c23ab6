// labelscope cross-val --multi-label: one-vs-rest probabilities for a table of label sets, the
// JS API's (ls.multiLabel.crossValProbs) byte for byte, ready for audit --multi-label.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { createLabelScope } from '../../src/js/index.js';
import { probsCsv } from '../../src/js/cross-val.js';
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

test('the news table: PROBS.csv equals the API\'s, and audit --multi-label reads it', async () => {
  const out = path.join(tmp, 'probs.csv');
  const r = cli(['cross-val', '--multi-label', '--data', NEWS, '--out', out, '--folds', '4', '--seed', '7']);
  assert.equal(r.status, 0, r.stderr);
  const api = await ls.multiLabel.crossValProbs({ combined: { name: 'news.csv', data: new Uint8Array(fs.readFileSync(NEWS)) } },
    { folds: 4, seed: 7 });
  const text = fs.readFileSync(out, 'utf8');
  assert.equal(text, probsCsv({ classNames: api.classNames, numClasses: api.numClasses, numExamples: api.numExamples,
    predProbs: api.probs }));
  const lines = text.trim().split('\n');
  assert.equal(lines[0], 'business,culture,health,politics,science,sport,tech');
  assert.equal(lines.length, 49);
  const audit = cli(['audit', '--multi-label', '--labels', NEWS, '--pred-probs', out]);
  assert.equal(audit.status, 0, audit.stderr);
  assert.equal(JSON.parse(audit.stdout).n, 48);
});

test('usage: --multi-label cross-val needs --data; the analysis commands point to it', () => {
  const labels = path.join(ROOT, 'examples/multilabel/labels.csv');
  const probs = path.join(ROOT, 'examples/multilabel/pred_probs.csv');
  const r = cli(['cross-val', '--multi-label', '--labels', labels, '--features', probs]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /cross-val --multi-label reads one table of label sets and features: give it with --data/);
  const a = cli(['audit', '--multi-label', '--data', NEWS, '--features', 'all']);
  assert.equal(a.status, 2);
  assert.match(a.stderr, /labelscope cross-val --multi-label --data TABLE --out PROBS\.csv/);
});
