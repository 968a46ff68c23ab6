// Reading is chunked: WebAssembly memory ends up holding the parsed values plus bounded buffers,
// never the file's text and never a doubled buffer (issue 6: peak heap ≤ 1.2 × values + 64 MB; here
// a stricter + 8 MiB). A generated CSV is streamed in 1 MiB chunks and never exists as one string.
// Memory only grows, so its size after reading is the peak.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import createLabelScopeCore from '../../dist/wasm/labelscope-core.mjs';
import { LabelScope } from '../../src/js/labelscope.js';

const N = 200_000;
const K = 50; // text ≈ 2.3 × the float32 values and 1.1 × the float64 ones: keeping it would show
const CHUNK = 1 << 20;
const MiB = 1 << 20;

// A pool of distinct rows like a model's output written with 6 significant digits, cycled.
const POOL = Array.from({ length: 997 }, (_, i) => {
  const cells = [];
  let rest = 1;
  for (let c = 0; c < K - 1; c++) {
    const p = Number((rest * (((i * 7919 + c * 104729) % 997) / 20000)).toPrecision(6));
    cells.push(p);
    rest -= p;
  }
  cells.push(Number(rest.toPrecision(6)));
  return `${cells.join(',')}\n`;
});
const HEADER = `${Array.from({ length: K }, (_, c) => `class_${c}`).join(',')}\n`;
const labelLine = (i) => `${(i * 31) % K}\n`;
const probsLine = (i) => POOL[i % POOL.length];

function sizeOf(header, line) {
  let size = header.length;
  for (let i = 0; i < N; i++) size += line(i).length;
  return size;
}

async function* chunksOf(header, line) {
  const encoder = new TextEncoder();
  let buffer = header;
  for (let i = 0; i < N; i++) {
    buffer += line(i);
    if (buffer.length >= CHUNK) {
      yield encoder.encode(buffer);
      buffer = '';
    }
  }
  if (buffer) yield encoder.encode(buffer);
}

for (const float32 of [true, false]) {
  test(`a ${N} x ${K} CSV read with ${float32 ? 'float32' : 'float64'} storage: heap ≤ 1.2 × values + 8 MiB`, async () => {
    const core = await createLabelScopeCore();
    const ls = new LabelScope(core);
    const text = sizeOf(HEADER, probsLine);
    const dataset = await ls.readDataset(
      {
        labels: { name: 'labels.csv', size: sizeOf('label\n', labelLine), data: chunksOf('label\n', labelLine) },
        predProbs: { name: 'pred_probs.csv', size: text, data: chunksOf(HEADER, probsLine) },
      },
      { float32 },
    );
    try {
      assert.equal(dataset.numExamples, N);
      assert.equal(dataset.numClasses, K);
      const heap = core.HEAPU8.length;
      const values = N * K * (float32 ? 4 : 8) + N * 4; // probabilities + labels
      const bound = 1.2 * values + 8 * MiB;
      const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
      assert.ok(
        heap <= bound,
        `heap ${mb(heap)} for ${mb(values)} of values (bound ${mb(bound)}; CSV text ${mb(text)})`,
      );
    } finally {
      dataset.free();
    }
  });
}
