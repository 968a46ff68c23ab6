// One home for each export format (src/js/exports.js): the page's writers are the library's, and they
// write the same bytes as before they moved. The .npy integer writer (corrected labels in the input's
// dtype, the multi-label N x K 0/1 sets) is checked against a reference writer of NPY format 1.0 built
// here from the format's description; the decisions export's columns are the same for both reviews.
// Run with `node --import ./tests/js/web-layout.mjs --test` (web modules import '../src/js/...').
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { npyLabels as filesNpyLabels } from '../../src/js/files.js';
import { DECISION_FIELDS, npyInts, npyLabels } from '../../src/js/exports.js';
import { Decisions, decisionsCsvParts, npyBytes as pageNpyBytes } from '../../web/ui/decisions.js';
import { decisionsCsv, npyBytes as setsNpyBytes } from '../../web/controllers/multilabel-files.js';

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

// Three decisions on five rows with an id and a text column whose cells need quoting, a class name a
// spreadsheet would run as a formula, a decision without a time and one on a row not flagged.
const NAMES = ['cat', 'dog', '=bird'];
const ID = { name: 'id', values: ['a1', 'b,2', 'c3', 'd4', 'e5'] };
const TEXT = { name: 'text', values: ['hello', 'say "hi"', '+x', 'line\nbreak', ''] };
const QUALITY = Float64Array.from([0.9, 0.1, 0.8, 0.05, 0.7]);

test('the single-label decisions export: the same bytes, its columns from the exports module', () => {
  const dataset = { classNames: NAMES, labels: Int32Array.from([0, 1, 2, 0, 1]) };
  const report = {
    issues: Int32Array.from([3, 1]),
    suggestedLabel: Int32Array.from([0, 2, 2, 1, 1]),
    labelQuality: QUALITY,
  };
  const decisions = new Decisions([
    { index: 3, decision: 'accept', label: 1, at: 1.7e12 },
    { index: 1, decision: 'relabel', label: 0, at: 0 },
    { index: 4, decision: 'keep', label: 1, at: 1.8e12 },
  ]);
  const text = decisionsCsvParts({ dataset, report, columns: { id: ID, text: TEXT } }, decisions).join('');
  assert.equal(
    text,
    'index,row,id,text,given_label,suggested_label,decision,final_label,label_quality,rank,decided_at\n' +
      `1,2,"b,2","say ""hi""",dog,'=bird,relabel,cat,0.1,2,\n` +
      '3,4,d4,"line\nbreak",cat,dog,accept,dog,0.05,1,2023-11-14T22:13:20.000Z\n' +
      '4,5,e5,,dog,dog,keep,dog,0.7,,2027-01-15T08:00:00.000Z\n',
  );
  const plain = decisionsCsvParts({ dataset, report, columns: {} }, decisions).join('');
  assert.equal(plain.slice(0, plain.indexOf('\n')), ['index', 'row', ...DECISION_FIELDS].join(','));
});

test('the multi-label decisions export: the same bytes and the same columns as the single-label one', () => {
  const given = [[0], [1, 2], [], [0, 1, 2], [2]];
  const rows = [
    { example: 3, suggested: [0] },
    { example: 1, suggested: [1] },
  ];
  const model = {
    classNames: NAMES,
    extraColumns: [TEXT, ID],
    given: (i) => given[i],
    rows,
    rowOf: new Map(rows.map((r) => [r.example, r])),
    labelQuality: QUALITY,
  };
  const decisions = new Map([
    [3, { decision: 'edit', set: [0, 2], at: 1.7e12 }],
    [0, { decision: 'keep', set: [0], at: 0 }],
    [1, { decision: 'accept', set: [1], at: 1.75e12 }],
  ]);
  assert.equal(
    decisionsCsv(model, decisions),
    'index,row,id,text,given_label,suggested_label,decision,final_label,label_quality,rank,decided_at\n' +
      '0,1,a1,hello,cat,cat,keep,cat,0.9,,\n' +
      '1,2,"b,2","say ""hi""",dog;=bird,dog,accept,dog,0.1,2,2025-06-15T15:06:40.000Z\n' +
      '3,4,d4,"line\nbreak",cat;dog;=bird,cat,edit,cat;=bird,0.05,1,2023-11-14T22:13:20.000Z\n',
  );
});
