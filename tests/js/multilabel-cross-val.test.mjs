// ls.multiLabel.crossValProbs: one-vs-rest out-of-sample probabilities from a table whose label
// column holds sets (src/learn/one_vs_rest.cpp through src/js/multilabel-cross-val.js).
// LABELSCOPE_CORE=path/to/labelscope-core.mjs runs it on another build of the core.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { before, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { createLabelScope, LabelScopeError } from '../../src/js/index.js';

let ls;
before(async () => {
  const alt = process.env.LABELSCOPE_CORE;
  const moduleFactory = alt ? (await import(pathToFileURL(resolve(alt)).href)).default : undefined;
  ls = await createLabelScope({ moduleFactory, threads: false });
});

const demo = (name) => ({
  name,
  data: new Uint8Array(readFileSync(new URL(`../../examples/multilabel/${name}`, import.meta.url))),
});

// n rows, k classes: x<c> is shifted by 3 when class c is in the row's set (about 30% of rows each).
function separableTable(n, k) {
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const lines = [['id', ...Array.from({ length: k }, (_, c) => `x${c}`), 'labels'].join(',')];
  const sets = [];
  for (let i = 0; i < n; i++) {
    const set = [];
    for (let c = 0; c < k; c++) if (rand() < 0.3) set.push(c);
    const noise = () => (rand() + rand() + rand() - 1.5) * 1.2;
    const x = Array.from({ length: k }, (_, c) => ((set.includes(c) ? 3 : 0) + noise()).toFixed(4));
    // A table cell cannot be empty: [] is the empty set in any notation.
    lines.push([i + 1, ...x, set.length ? `"${set.map((c) => `t${c}`).join('|')}"` : '[]'].join(','));
    sets.push(set);
  }
  return { csv: `${lines.join('\n')}\n`, sets };
}

test('the news demo: per-class probabilities for every item, the sets read, and an audit of them', async () => {
  const progress = [];
  const r = await ls.multiLabel.crossValProbs(
    { combined: demo('news.csv') },
    { onProgress: (p) => progress.push(p.stage) },
  );
  assert.equal(r.numExamples, 48);
  assert.deepEqual(r.classNames, ['business', 'culture', 'health', 'politics', 'science', 'sport', 'tech']);
  assert.equal(r.notation, 'semicolon');
  assert.equal(r.labelColumn, 'labels');
  assert.equal(r.probs.length, 48 * 7);
  assert.equal(r.foldsUsed, 5);
  assert.equal(r.folds.length, 5);
  assert.ok(progress.includes('reading') && progress.includes('training'));
  assert.ok(r.features.textColumns > 0, 'the text column is used');
  for (const p of r.probs) assert.ok(p >= 0 && p <= 1);
  // The sets read are the demo's sets (same as ls.multiLabel.readDataset), named the same way.
  const d = await ls.multiLabel.readDataset({ labels: demo('news.csv'), predProbs: demo('pred_probs.csv') });
  const byName = (sets, names) => sets.map((s) => s.map((k) => names[k]).sort());
  const offsets = r.labels.offsets;
  const sets = Array.from({ length: 48 }, (_, i) => Array.from(r.labels.classes.subarray(offsets[i], offsets[i + 1])));
  assert.deepEqual(byName(sets, r.classNames), byName(d.labelSets(), d.classNames));
  assert.equal(r.rowsWithSeveral, d.rowsWithSeveral);
  d.free();
  // Independent per class: rows need not sum to 1; the multi-label audit takes them as they are.
  const report = ls.multiLabel.audit({ labels: r.labels, predProbs: r.probs, numClasses: r.numClasses });
  assert.equal(report.numExamples, 48);
  // The same call gives the same bits.
  const again = await ls.multiLabel.crossValProbs({ combined: demo('news.csv') });
  assert.ok(Buffer.from(again.probs.buffer).equals(Buffer.from(r.probs.buffer)));
});

test('separable classes: every (row, class) decision right far more often than the majority answer', async () => {
  const n = 300;
  const k = 4;
  const { csv, sets } = separableTable(n, k);
  const r = await ls.multiLabel.crossValProbs({ combined: { name: 'table.csv', data: csv } }, { seed: 3 });
  assert.deepEqual(r.classNames, ['t0', 't1', 't2', 't3']);
  assert.equal(r.notation, 'pipe');
  let right = 0;
  let majority = 0;
  for (let c = 0; c < k; c++) {
    let positives = 0;
    for (let i = 0; i < n; i++) {
      const inSet = sets[i].includes(c);
      positives += inSet ? 1 : 0;
      right += r.probs[i * k + c] >= 0.5 === inSet ? 1 : 0;
    }
    majority += Math.max(positives, n - positives);
  }
  const accuracy = right / (n * k);
  assert.ok(accuracy > 0.9, `accuracy ${accuracy}`);
  assert.ok(accuracy > majority / (n * k) + 0.15, `accuracy ${accuracy} vs majority ${majority / (n * k)}`);
  for (const fold of r.folds) assert.ok(fold.accuracy > 0.85, `fold accuracy ${fold.accuracy}`);
});

test('bad input: mixed notations name the file; bad options are refused before reading', async () => {
  const csv = 'x,labels\n0.5,a;b\n2.5,"[""a"",""b""]"\n0.1,b\n4.2,a\n1.5,b\n0.7,a\n';
  await assert.rejects(
    ls.multiLabel.crossValProbs({ combined: { name: 'mixed.csv', data: csv } }, { folds: 2 }),
    (e) =>
      e instanceof LabelScopeError &&
      e.code === 'bad_label' &&
      /mix(es)? notations/.test(e.message) &&
      e.file === 'mixed.csv',
  );
  await assert.rejects(
    ls.multiLabel.crossValProbs({ combined: { name: 't.csv', data: csv } }, { folds: 1 }),
    (e) => e instanceof LabelScopeError && e.code === 'invalid_option' && /folds/.test(e.message),
  );
  await assert.rejects(
    ls.multiLabel.crossValProbs({ labels: 'x' }),
    (e) => e instanceof LabelScopeError && /combined/.test(e.message),
  );
  await assert.rejects(
    ls.multiLabel.crossValProbs({ combined: { name: 't.csv', data: csv } }, { bogus: 1 }),
    (e) => e instanceof LabelScopeError && e.code === 'invalid_option',
  );
});
