// One home for each export format (src/js/exports.js): the page's writers are the library's, and they
// write the same bytes as before they moved. The .npy integer writer (corrected labels in the input's
// dtype, the multi-label N x K 0/1 sets) is checked against a reference writer of NPY format 1.0 built
// here from the format's description; the decisions export's columns are the same for both reviews.
// Run with `node --import ./tests/js/web-layout.mjs --test` (web modules import '../src/js/...').
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { npyLabels as filesNpyLabels } from '../../src/js/files.js';
import { npyInts, npyLabels } from '../../src/js/exports.js';
import { npyBytes as pageNpyBytes } from '../../web/ui/decisions.js';
import { npyBytes as setsNpyBytes } from '../../web/controllers/multilabel-files.js';

const SIZES = { i1: 1, i2: 2, i4: 4, i8: 8, u1: 1, u2: 2, u4: 4, u8: 8 };

/**
 * NPY 1.0 from its description: magic, version 1.0, a little-endian uint16 header length, a Python dict
 * literal padded with spaces and a newline so the data starts at a multiple of 64, then the values.
 */
function referenceNpy(values, code, shape) {
  const size = SIZES[code];
  const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let dict = `{'descr': '${size === 1 ? '|' : '<'}${code}', 'fortran_order': False, 'shape': ${tuple}, }`;
  while ((10 + dict.length + 1) % 64 !== 0) dict += ' ';
  dict += '\n';
  const out = Buffer.alloc(10 + dict.length + values.length * size);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]).copy(out);
  out.writeUInt16LE(dict.length, 8);
  out.write(dict, 10, 'latin1');
  let at = 10 + dict.length;
  for (const v of values) {
    if (size === 8) out[code[0] === 'i' ? 'writeBigInt64LE' : 'writeBigUInt64LE'](BigInt(v), at);
    else out[`write${code[0] === 'i' ? 'Int' : 'UInt'}${size * 8 === 8 ? '8' : `${size * 8}LE`}`](v, at);
    at += size;
  }
  return new Uint8Array(out);
}

test('the page writes corrected labels with the library’s .npy writer (one home)', () => {
  assert.equal(pageNpyBytes, npyLabels);
  assert.equal(filesNpyLabels, npyLabels);
});

test('.npy labels: the same bytes as NPY 1.0 for every integer dtype, 1-D and N x 1, header lengths across 64', () => {
  const cases = [
    ['<i8', 'i8'],
    ['<i4', 'i4'],
    ['=i4', 'i4'],
    ['i2', 'i2'],
    ['|i1', 'i1'],
    ['<u8', 'u8'],
    ['<u4', 'u4'],
    ['<u2', 'u2'],
    ['|u1', 'u1'],
    ['<f8', 'i8'], // not an integer dtype: written as int64
    ['>i4', 'i8'], // big-endian: written as little-endian int64
  ];
  for (const [descr, code] of cases) {
    for (const twoD of [false, true]) {
      for (const n of [0, 3, 7, 130, 100000]) {
        const labels = Int32Array.from({ length: n }, (_, i) => (i * 37) % 120);
        const expected = referenceNpy(labels, code, twoD ? [n, 1] : [n]);
        assert.deepEqual(npyLabels(labels, { descr, twoD }), expected, `${descr} twoD=${twoD} n=${n}`);
      }
    }
  }
});

test('.npy label sets: an N x K uint8 of 0/1, the same bytes as NPY 1.0', () => {
  for (const k of [1, 3, 12, 1000]) {
    const sets = [[0], [], [0, k - 1], Array.from({ length: k }, (_, i) => i)];
    const flat = new Uint8Array(sets.length * k);
    sets.forEach((set, i) => set.forEach((c) => (flat[i * k + c] = 1)));
    assert.deepEqual(setsNpyBytes(sets, k), referenceNpy(flat, 'u1', [sets.length, k]), `k=${k}`);
    assert.deepEqual(npyInts(flat, { descr: '|u1', shape: [sets.length, k] }), setsNpyBytes(sets, k));
  }
});
