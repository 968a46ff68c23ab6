// The threaded core reads a big CSV's rows in pieces on two threads and checks and audits rows in
// pieces too (src/core/parallel.hpp). With two bad rows in different pieces, the error is the one
// the single-threaded core gives: the first bad row in the file, with the same code, row, column and
// message, whatever the kind of error (read or check) and wherever the rows fall.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { createLabelScope } from '../../src/js/index.js';

let threaded;
let single;
before(async () => {
  threaded = await createLabelScope();
  single = await createLabelScope({ threads: false });
});

const ROWS = 120000; // x 4: ~3.5 MB of text, several chunks and pieces
const K = 4;
function rows() {
  const out = [];
  for (let r = 0; r < ROWS; r++) {
    const a = 0.05 + 0.85 * (((r * 7919) % 1000) / 1000);
    const rest = (1 - a) / 3;
    out.push([a, rest, rest, 1 - a - 2 * rest].map((v) => v.toPrecision(6)).join(','));
  }
  return out;
}
const encode = (text) => new TextEncoder().encode(text);
const labelsCsv = encode(`label\n${Array.from({ length: ROWS }, (_, r) => (r * 31) % K).join('\n')}\n`);

async function* inChunks(bytes, size = 1 << 20) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

// readDataset + audit: the report, or the error's code, file, row, column and message.
async function outcome(ls, probs) {
  const input = {
    labels: { name: 'labels.csv', size: labelsCsv.length, data: inChunks(labelsCsv) },
    predProbs: { name: 'probs.csv', size: probs.length, data: inChunks(probs) },
  };
  let dataset;
  try {
    dataset = await ls.readDataset(input);
    return { report: ls.audit(dataset) };
  } catch (e) {
    return { code: e.code, file: e.file, row: e.row, column: e.column, message: e.message };
  } finally {
    dataset?.free();
  }
}

const CASES = [
  ['not a number, then a ragged row', { 20000: '0.1,x,0.2,0.7', 100000: '0.1,0.2,0.3' }, 'bad_number', 20000],
  ['a ragged row, then not a number', { 20000: '0.1,0.2,0.3', 100000: '0.1,x,0.2,0.7' }, 'ragged_row', 20000],
  ['a blank line, then more data', { 60000: '' }, 'blank_row', 60000],
  ['NaN, then a value above 1', { 30000: 'nan,0.2,0.3,0.5', 110000: '1.5,0,0,0' }, 'non_finite', 30000],
  ['a value above 1, then NaN', { 30000: '1.5,0,0,-0.5', 110000: 'nan,0.2,0.3,0.5' }, 'out_of_range', 30000],
];

for (const [what, changes, code, row] of CASES) {
  test(`${what}: the threaded core reports the first bad row, as the single-threaded one does`, async () => {
    const lines = rows();
    for (const [at, line] of Object.entries(changes)) lines[Number(at) - 1] = line;
    const probs = encode(`${lines.join('\n')}\n`);
    const [a, b] = [await outcome(threaded, probs), await outcome(single, probs)];
    assert.deepEqual(a, b);
    assert.equal(a.code, code);
    assert.equal(a.row, row);
  });
}

test('a good file: the same audit from both cores', async () => {
  const probs = encode(`${rows().join('\n')}\n`);
  const [a, b] = [await outcome(threaded, probs), await outcome(single, probs)];
  assert.ok(a.report, a.message);
  assert.deepEqual(a, b);
});
