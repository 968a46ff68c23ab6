// Folds in parallel (src/learn/cross_val.cpp on core/parallel.hpp): the threaded core Node loads by
// default runs the folds on its helper threads once they are up, the single-threaded core one
// after another; the probabilities, per-fold results and progress are the same, bit for bit, on
// the first call (helpers still starting) and on later ones (helpers running).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { before, test } from 'node:test';

import { createLabelScope } from '../../src/js/index.js';
import { ROOT } from './helpers.mjs';

const DIR = `${ROOT}tests/fixtures/learn/`;
const file = (name) => ({ name, data: readFileSync(DIR + name) });
const bits = (a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

let threaded;
let single;
before(async () => {
  threaded = await createLabelScope();
  single = await createLabelScope({ threads: false });
});

// 1,200 rows x 240 seeded numbers, 3 classes: big enough for the folds to go to helper threads
// (learn/cross_val.cpp: from 2^18 feature values); iris and the pixels stay on the calling thread.
function wideTable() {
  let state = 12345;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const lines = [['label', ...Array.from({ length: 240 }, (_, j) => `f${j}`)].join(',')];
  for (let i = 0; i < 1200; i++) {
    const y = i % 3;
    lines.push([y, ...Array.from({ length: 240 }, (_, j) => (next() + (j % 3 === y ? 0.3 : 0)).toFixed(3))].join(','));
  }
  return { name: 'wide.csv', data: `${lines.join('\n')}\n` };
}
const WIDE = wideTable();

const INPUTS = {
  'a wide table (folds on helper threads)': () => ({ combined: WIDE }),
  'a table of numbers': () => ({ combined: file('iris.csv') }),
  'free text': () => ({ combined: file('text.csv') }),
  'pixels (.npy)': () => ({ labels: file('pixels_labels.csv'), features: file('pixels.npy') }),
};
const OPTIONS = {
  'a wide table (folds on helper threads)': { seed: 2 },
  'a table of numbers': {},
  'free text': { labelColumn: 'topic', textColumn: 'headline' },
  'pixels (.npy)': { folds: 4, seed: 3 },
};

test('the threaded core is the one loaded (else this file would compare a core with itself)', () => {
  if (os.cpus().length > 1) assert.ok(threaded.threads > 1, `threads: ${threaded.threads}`);
  assert.equal(single.threads, 1);
});

for (const [what, input] of Object.entries(INPUTS)) {
  test(`${what}: threads and one thread give the same bits, folds and progress, call after call`, async () => {
    const progress = (list) => (p) => {
      if (p.stage === 'training' && list.at(-1) !== p.foldsDone) list.push(p.foldsDone);
    };
    const oneProgress = [];
    const one = await single.crossValProbs(input(), { ...OPTIONS[what], onProgress: progress(oneProgress) });
    for (let call = 1; call <= 3; call++) {
      const manyProgress = [];
      const many = await threaded.crossValProbs(input(), { ...OPTIONS[what], onProgress: progress(manyProgress) });
      assert.deepEqual(bits(many.predProbs), bits(one.predProbs), `call ${call}: not the same bits`);
      assert.deepEqual(many.folds, one.folds, `call ${call}: per-fold results`);
      assert.deepEqual(many.notes, one.notes);
      assert.equal(many.settings.c, one.settings.c);
      assert.deepEqual(manyProgress, oneProgress, `call ${call}: progress per fold`);
      assert.deepEqual(
        manyProgress,
        Array.from({ length: one.folds.length + 1 }, (_, k) => k),
      );
    }
  });
}

test('cancelled while folds run on helper threads: rejects, and the next call gives the same bits', async () => {
  const wide = 'a wide table (folds on helper threads)';
  const controller = new AbortController();
  await assert.rejects(
    threaded.crossValProbs(INPUTS[wide](), {
      ...OPTIONS[wide],
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'training' && p.foldsDone >= 1) controller.abort();
      },
    }),
    (e) => e.code === 'cancelled',
  );
  const again = await threaded.crossValProbs(INPUTS[wide](), OPTIONS[wide]);
  const one = await single.crossValProbs(INPUTS[wide](), OPTIONS[wide]);
  assert.deepEqual(bits(again.predProbs), bits(one.predProbs));
});
