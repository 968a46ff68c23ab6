// The review decisions' pure parts, in Node: what a decision records, undo, storage form, the
// exports (decisions CSV, corrected labels as CSV or .npy in the input's form) and the digit keys.
import { expect, test } from '@playwright/test';
import { parseCsv } from '../../src/js/truth.js';
import {
  classForDigit,
  correctedLabels,
  correctedLabelsCsvParts,
  Decisions,
  decisionsCsvParts,
  digitForClass,
  labelsFormat,
  npyBytes,
} from '../../web/ui/decisions.js';

test('a decision records the final label; relabels to the given or suggested class are keep / accept', () => {
  const d = new Decisions();
  const row = { given: 2, suggested: 0 };
  expect(d.set(5, 'accept', row)).toMatchObject({ decision: 'accept', label: 0 });
  expect(d.set(6, 'keep', row)).toMatchObject({ decision: 'keep', label: 2 });
  expect(d.set(7, 'relabel', { ...row, label: 1 })).toMatchObject({ decision: 'relabel', label: 1 });
  expect(d.set(8, 'relabel', { ...row, label: 2 })).toMatchObject({ decision: 'keep', label: 2 });
  expect(d.set(9, 'relabel', { ...row, label: 0 })).toMatchObject({ decision: 'accept', label: 0 });
  // Accepting a suggestion that is the given label keeps it.
  expect(d.set(10, 'accept', { given: 1, suggested: 1 })).toMatchObject({ decision: 'keep', label: 1 });
  expect(() => d.set(11, 'relabel', row)).toThrow(RangeError);
  expect(() => d.set(11, 'maybe', row)).toThrow(RangeError);
  expect(d.size).toBe(6);
  expect(d.countAmong([5, 6, 42])).toBe(2);
});

test('undo restores the previous state of the row, decision or none; clearAll is final', () => {
  const d = new Decisions();
  const row = { given: 1, suggested: 0 };
  d.set(3, 'accept', row);
  d.set(3, 'relabel', { ...row, label: 2 });
  d.clear(3);
  expect(d.has(3)).toBe(false);
  expect(d.undo()).toBe(3);
  expect(d.get(3)).toMatchObject({ decision: 'relabel', label: 2 });
  expect(d.undo()).toBe(3);
  expect(d.get(3)).toMatchObject({ decision: 'accept', label: 0 });
  expect(d.undo()).toBe(3);
  expect(d.has(3)).toBe(false);
  expect(d.undo()).toBe(-1);
  expect(d.clear(3)).toBe(false);
  d.set(4, 'keep', row);
  d.clearAll();
  expect(d.size).toBe(0);
  expect(d.canUndo).toBe(false);
});

test('the storage form round-trips, and rows or classes out of range are dropped', () => {
  const d = new Decisions();
  d.set(9, 'relabel', { given: 0, suggested: 1, label: 2 });
  d.set(1, 'keep', { given: 0, suggested: 1 });
  const record = structuredClone(d.toRecord());
  expect(Array.from(record.indices)).toEqual([1, 9]);
  expect(
    Decisions.fromRecord(record, 10, 3)
      .entries()
      .map(({ at, ...e }) => e),
  ).toEqual([
    { index: 1, decision: 'keep', label: 0 },
    { index: 9, decision: 'relabel', label: 2 },
  ]);
  expect(Decisions.fromRecord(record, 5, 3).size).toBe(1);
  expect(Decisions.fromRecord(record, 10, 2).size).toBe(1);
  expect(Decisions.fromRecord(null, 10, 3).size).toBe(0);
});

test('decisions CSV: row, id and text, labels by name, decision, final label, quality, rank', () => {
  const dataset = {
    classNames: ['cat', 'dog', '=cmd'],
    labels: Int32Array.from([0, 1, 2, 0]),
  };
  const report = {
    suggestedLabel: Int32Array.from([1, 1, 0, 0]),
    labelQuality: Float64Array.from([0.1, 0.9, 0.2, 0.8]),
    issues: Int32Array.from([0, 2]),
  };
  const columns = {
    id: { name: 'id', values: ['a', 'b', 'c', 'd'] },
    text: { name: 'text', values: ['x, y', 'q', 'r', 's'] },
  };
  const d = new Decisions();
  d.set(2, 'accept', { given: 2, suggested: 0 });
  d.set(0, 'relabel', { given: 0, suggested: 1, label: 2 });
  const rows = parseCsv(decisionsCsvParts({ dataset, report, columns }, d).join(''));
  // index: from 0; row: the N-th data row (1-based, header not counted).
  expect(rows[0]).toEqual([
    'index',
    'row',
    'id',
    'text',
    'given_label',
    'suggested_label',
    'decision',
    'final_label',
    'label_quality',
    'rank',
    'decided_at',
  ]);
  expect(rows.slice(1).map((r) => r.slice(0, 10))).toEqual([
    ['0', '1', 'a', 'x, y', 'cat', 'dog', 'relabel', "'=cmd", '0.1', '1'],
    ['2', '3', 'c', 'r', "'=cmd", 'cat', 'accept', 'cat', '0.2', '2'],
  ]);
  expect(new Date(rows[1][10]).getTime()).toBeGreaterThan(0);
});

test('corrected labels come back in the form they were given', () => {
  const names = ['sports', 'weather', 'cooking'];
  const d = new Decisions();
  d.set(1, 'relabel', { given: 1, suggested: 1, label: 2 });
  const labels = correctedLabels(Int32Array.from([0, 1, 2]), d);
  expect(Array.from(labels)).toEqual([0, 2, 2]);

  const named = labelsFormat({ columns: ['id', 'label', 'a'], firstRow: ['1', 'sports', '0.5'] }, 2);
  expect(named).toMatchObject({ kind: 'csv', header: 'label', byName: true });
  expect(correctedLabelsCsvParts(labels, names, named).join('')).toBe('label\nsports\ncooking\ncooking\n');

  const indices = labelsFormat({ columns: ['y'], firstRow: ['3'] });
  expect(indices).toMatchObject({ header: 'y', byName: false });
  expect(correctedLabelsCsvParts(labels, names, indices).join('')).toBe('y\n0\n2\n2\n');

  const bare = labelsFormat({ columns: null, firstRow: ['2.0'] });
  expect(bare).toMatchObject({ header: null, byName: false });
  expect(correctedLabelsCsvParts(labels, names, bare).join('')).toBe('0\n2\n2\n');

  expect(labelsFormat({ shape: [3, 1], descr: '<i4' })).toMatchObject({ kind: 'npy', descr: '<i4', twoD: true });
});

test('.npy output: the input dtype and shape, a valid header, little-endian values', () => {
  for (const [descr, size] of [
    ['<i8', 8],
    ['<i4', 4],
    ['|u1', 1],
    ['<i2', 2],
    ['>f8', 8],
  ]) {
    const bytes = npyBytes(Int32Array.from([3, 0, 2]), { descr, twoD: descr === '<i4' });
    const headerLength = new DataView(bytes.buffer).getUint16(8, true);
    expect((10 + headerLength) % 64).toBe(0);
    const header = new TextDecoder().decode(bytes.subarray(10, 10 + headerLength));
    expect(header.endsWith('\n')).toBe(true);
    expect(header).toContain(descr === '<i4' ? "'shape': (3, 1)" : "'shape': (3,)");
    const outDescr = /'descr'\s*:\s*'([^']+)'/.exec(header)?.[1];
    expect(outDescr).toBe(descr === '>f8' ? '<i8' : descr); // not an integer type: written as int64
    const body = bytes.subarray(10 + headerLength);
    expect(body.length).toBe(3 * size);
    const view = new DataView(body.buffer, body.byteOffset);
    const read = (i) =>
      size === 8
        ? Number(view.getBigInt64(i * 8, true))
        : size === 4
          ? view.getInt32(i * 4, true)
          : size === 2
            ? view.getInt16(i * 2, true)
            : view.getUint8(i);
    expect([0, 1, 2].map(read)).toEqual([3, 0, 2]);
  }
});

test('digit keys pick the class named by the digit, else the n-th class', () => {
  const mnist = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
  expect(classForDigit(0, mnist)).toBe(0);
  expect(classForDigit(7, mnist)).toBe(7);
  const topics = ['sports', 'weather', 'cooking', 'technology'];
  expect([1, 2, 3, 4, 5, 0].map((d) => classForDigit(d, topics))).toEqual([0, 1, 2, 3, -1, -1]);
  expect(topics.map((_, c) => digitForClass(c, topics))).toEqual(['1', '2', '3', '4']);
  // Classes named 1..3 (1-based names): the digit names the class.
  expect(classForDigit(1, ['1', '2', '3'])).toBe(0);
  expect(digitForClass(2, ['1', '2', '3'])).toBe('3');
});
