// A dataset too large for WebAssembly memory gives a clear out_of_memory error that says how much
// memory the step needed and what to do, never an abort, and the module stays usable. Runs on a
// build of the module limited to 64 MB (build-wasm/small-memory/, the CMake target
// labelscope_wasm_small_memory; LABELSCOPE_WASM_BUILD overrides build-wasm/).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { createLabelScope } from '../../src/js/index.js';
import { assertLabelScopeError, labelScope, ROOT } from './helpers.mjs';

const WASM_BUILD = resolve(process.env.LABELSCOPE_WASM_BUILD ?? join(ROOT, 'build-wasm'));
const SMALL = join(WASM_BUILD, 'small-memory', 'labelscope-core.mjs');
const LIMIT_MB = (64 * 2 ** 20) / 1e6; // -sMAXIMUM_MEMORY=64MB, in the message's MB (10^6 bytes)

let ls;

before(async () => {
  assert.ok(
    existsSync(SMALL),
    `${SMALL} is missing: build it with 'bash scripts/build.sh wasm' (the labelscope_wasm_small_memory target; ` +
      'npm test does this before the node tests)',
  );
  ls = await createLabelScope({ moduleFactory: (await import(pathToFileURL(SMALL).href)).default });
});

/** The numbers an out_of_memory message gives: {needed, limit} in MB. */
function checkMessage(error) {
  const m = error.message;
  const needed = m.match(/needed at least (\d+) MB/);
  const limit = m.match(/limit here is (\d+) MB/);
  assert.ok(needed, `the message names the memory the step needed: ${m}`);
  assert.ok(limit, `the message names the memory limit: ${m}`);
  assert.equal(Number(limit[1]), Math.floor(LIMIT_MB), `the limit is the module's: ${m}`);
  assert.ok(Number(needed[1]) > LIMIT_MB, `what was needed is more than the limit: ${m}`);
  assert.match(m, /fewer examples/, 'says what to do');
  assert.match(m, /float32/, 'mentions float32 storage');
  return { needed: Number(needed[1]), limit: Number(limit[1]) };
}

const N = 200_000;
const K = 100;
const encoder = new TextEncoder();
const header = `${Array.from({ length: K }, (_, c) => `p${c}`).join(',')}\n`;
// Every row as long as every other, so the size of the whole file is known up front.
const row = (i) => `${Array.from({ length: K }, (_, c) => (c === i % K ? '0.901' : '0.001')).join(',')}\n`;
const probsBytes = header.length + N * row(0).length;

/** The 200k x 100 pred_probs CSV (~60 MB of text) generated as it is read, 1 MiB at a time. */
async function* probsCsv(state) {
  let s = header;
  for (let i = 0; i < N; i++) {
    s += row(i);
    if (s.length >= 1 << 20) {
      state.bytes += s.length;
      yield encoder.encode(s);
      s = '';
    }
  }
  state.bytes += s.length;
  yield encoder.encode(s);
}

async function* labelsCsv() {
  let s = 'label\n';
  for (let i = 0; i < N; i++) s += `${i % K}\n`;
  yield encoder.encode(s);
}

/** After an error, the same module still reads and analyses a small dataset, with the right result. */
async function stillWorks() {
  const data = {
    labels: [0, 1, 0, 1, 1, 0],
    predProbs: [
      [0.9, 0.1],
      [0.2, 0.8],
      [0.3, 0.7],
      [0.6, 0.4],
      [0.7, 0.3],
      [0.8, 0.2],
    ],
  };
  const reference = (await labelScope()).audit(data); // the shipped module
  const report = ls.audit(data);
  assert.deepEqual(Array.from(report.issues), Array.from(reference.issues), 'issues after out_of_memory');
  assert.deepEqual(Array.from(report.labelQuality), Array.from(reference.labelQuality));
  const dataset = await ls.readDataset({
    labels: 'label\n0\n1\n0\n1\n',
    predProbs: 'a,b\n0.9,0.1\n0.2,0.8\n0.4,0.6\n0.7,0.3\n',
  });
  try {
    // Examples 2 and 3 sit on the wrong side, 3 (self-confidence 0.3) before 2 (0.4).
    assert.deepEqual(Array.from(ls.audit(dataset).issues), [3, 2], 'a dataset read after out_of_memory');
  } finally {
    dataset.free();
  }
}

test('readDataset: a 200k x 100 CSV of known size (like a File) needs 160 MB of values', async () => {
  const state = { bytes: 0 };
  const error = await assertLabelScopeError(
    () =>
      ls.readDataset({
        labels: { name: 'labels.csv', data: labelsCsv() },
        predProbs: { name: 'pred_probs.csv', data: probsCsv(state), size: probsBytes },
      }),
    'out_of_memory',
  );
  const { needed } = checkMessage(error);
  // The reader sizes its buffer from the file size: it asks for all N x K doubles at once.
  assert.ok(needed >= (N * K * 8) / 1e6, `needed ${needed} MB, at least the 160 MB of values: ${error.message}`);
  assert.ok(state.bytes < probsBytes / 2, `stopped early, after ${state.bytes} of ${probsBytes} bytes`);
  await stillWorks();
});

test('readDataset: the same CSV as a stream of unknown length fails when the values outgrow memory', async () => {
  const state = { bytes: 0 };
  const error = await assertLabelScopeError(
    () =>
      ls.readDataset({
        labels: { name: 'labels.csv', data: labelsCsv() },
        predProbs: { name: 'pred_probs.csv', data: probsCsv(state) },
      }),
    'out_of_memory',
  );
  checkMessage(error);
  assert.ok(state.bytes < probsBytes, 'the read stopped before the end of the file');
  await stillWorks();
});

test('audit on typed arrays that fit but whose analysis does not', async () => {
  const n = 1_800_000;
  const k = 3;
  const labels = new Int32Array(n);
  const predProbs = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    labels[i] = i % k;
    for (let c = 0; c < k; c++) predProbs[i * k + c] = c === (i * 7) % k ? 0.8 : 0.1;
  }
  const input = { labels, predProbs, numClasses: k };
  // The inputs fit: a lighter computation on them succeeds in the same module (~50 MB of memory
  // at its peak, where the audit needs more than 71 MB). A leaner core may make the audit fit:
  // then raise n, keeping the scores under the limit.
  const { scores } = ls.getLabelQualityScores(input);
  assert.equal(scores.length, n);
  for (const run of [() => ls.audit(input), () => ls.auditAsync(input)]) {
    checkMessage(await assertLabelScopeError(run, 'out_of_memory'));
    await stillWorks();
  }
});
