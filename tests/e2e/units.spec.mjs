// The page's pure modules, in Node (no browser): CSV quoting, file roles (the reader's), row order and the
// wording of explanations. Fast feedback for what the browser tests cover end to end.
import { expect, test } from '@playwright/test';
import { csvLine } from '../../src/js/exports.js';
import { parseCsv } from '../../src/js/truth.js';
import { explainText } from '../../web/ui/explain.js';
import { formatPercent, formatProbability } from '../../web/ui/format.js';
import { rankPositions, rowOrder } from '../../web/ui/order.js';
import { createLabelScope } from '../../src/js/index.js';
import { checkRoles, mergeFiles } from '../../web/ui/roles.js';

test('CSV fields are quoted as RFC 4180 says and read back unchanged', () => {
  const values = ['plain', 'a, b', 'say "hi"', 'two\nlines', ' padded ', '', 0.1 + 0.2];
  const line = csvLine(values);
  expect(line).toBe('plain,"a, b","say ""hi""","two\nlines", padded ,,0.30000000000000004\n');
  expect(parseCsv(line)).toEqual([values.map(String)]);
});

test("file roles come from the reader's sniffFile, which the page asks through its worker", async () => {
  const ls = await createLabelScope();
  const text = (value) => new TextEncoder().encode(value);
  const npy = new Uint8Array([
    0x93,
    0x4e,
    0x55,
    0x4d,
    0x50,
    0x59,
    1,
    0,
    70,
    0,
    ...text("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }"),
  ]);
  const guesses = await Promise.all(
    [
      ['labels.csv', text('label\n0\n2\n')],
      ['probs.csv', text('a,b\n0.1,0.9\n')],
      ['p.npy', npy],
      ['data.csv', text('text,label,cat,dog\nhi,cat,0.9,0.1\n')],
      ['data.csv', text('text,animal,cat,dog\nhi,cat,0.9,0.1\n')],
      ['ids.csv', text('id,label\n7,cat\n')],
      ['truth.csv', text('index,given_label,is_error\n3,1,1\n')],
      ['classes.txt', text('cat\ndog\n')],
    ].map(([name, data]) => ls.sniffFile({ name, data })),
  );
  expect(guesses.map((g) => g.role)).toEqual([
    'labels',
    'predProbs',
    'predProbs',
    'combined',
    'combined',
    'labels',
    'truth',
    'classNames',
  ]);
  expect(guesses[2].shape).toEqual([3, 4]);
});

test('roles: what is missing, what conflicts, and how a second drop completes a set', () => {
  const entry = (name, role) => ({ file: { name }, role });
  expect(checkRoles([entry('l.csv', 'labels')]).problem).toMatch(/Now add the predicted probabilities/);
  expect(checkRoles([entry('l.csv', 'labels'), entry('p.csv', 'predProbs')]).ready).toBe(true);
  expect(checkRoles([entry('c.csv', 'combined'), entry('p.csv', 'predProbs')]).ready).toBe(false);
  const pending = [entry('l.csv', 'labels')];
  expect(mergeFiles(pending, [entry('p.npy', 'predProbs')], false).map((e) => e.file.name)).toEqual(['l.csv', 'p.npy']);
  // After a dataset was read, new data starts over; a truth file adds to it.
  const read = [entry('l.csv', 'labels'), entry('p.npy', 'predProbs')];
  expect(mergeFiles(read, [entry('other.csv', 'labels')], true).map((e) => e.file.name)).toEqual(['other.csv']);
  expect(mergeFiles(read, [entry('t.csv', 'truth')], true).map((e) => e.file.name)).toEqual([
    'l.csv',
    'p.npy',
    't.csv',
  ]);
});

test('table order: flagged rows first by rank, then the rest by label quality; ties by row', () => {
  const report = {
    numExamples: 5,
    issues: Int32Array.from([3, 1]),
    isLabelIssue: Uint8Array.from([0, 1, 0, 1, 0]),
    labelQuality: Float64Array.from([0.5, 0.2, 0.4, 0.1, 0.4]),
    suggestedLabel: Int32Array.from([0, 1, 1, 0, 1]),
    givenProbability: Float64Array.from([0.5, 0.2, 0.4, 0.1, 0.4]),
    suggestedProbability: Float64Array.from([0.5, 0.8, 0.6, 0.9, 0.6]),
  };
  const ctx = {
    report,
    labels: Int32Array.from([0, 0, 1, 1, 1]),
    classNames: ['b', 'a'],
    rank: rankPositions(report),
    truth: null,
  };
  const view = { show: 'all', given: -1, suggested: -1, sortKey: 'rank', descending: false };
  expect(Array.from(rowOrder(view, ctx))).toEqual([3, 1, 2, 4, 0]);
  expect(Array.from(rowOrder({ ...view, sortKey: 'quality', descending: true }, ctx))).toEqual([0, 2, 4, 1, 3]);
  // Class columns sort by name: 'a' (class 1) before 'b' (class 0).
  expect(Array.from(rowOrder({ ...view, sortKey: 'given' }, ctx))).toEqual([3, 2, 4, 1, 0]);
  expect(Array.from(rowOrder({ ...view, given: 1 }, ctx))).toEqual([3, 2, 4]);
});

test('explanations use the report’s numbers, including the suggestion that passes no threshold', () => {
  const report = {
    suggestedLabel: [1, 1, 0],
    confidentJointLabel: [1, -1, 0],
    givenProbability: [0.03, 0.2, 0.9],
    suggestedProbability: [0.94, 0.45, 0.9],
    thresholds: [0.7, 0.61],
    isLabelIssue: [1, 1, 0],
    filterBy: 'prune_by_noise_rate',
  };
  const ctx = { classNames: ['cat', 'dog'], labels: [0, 0, 0], report };
  expect(explainText(0, ctx)).toBe(
    'Labelled cat; the model gives dog 0.94, above dog’s threshold 0.61; cat only 0.03.',
  );
  expect(explainText(1, ctx)).toBe(
    'Labelled cat; no class reaches its threshold. The model’s top guess is dog ' +
      '0.45 (threshold 0.61); cat gets 0.20.',
  );
  expect(explainText(2, ctx)).toBe('Labelled cat; the model agrees: cat 0.90, above its threshold 0.70.');
  // Digit class names are quoted so they do not run into the numbers.
  expect(explainText(0, { ...ctx, classNames: ['5', '3'] })).toBe(
    'Labelled “5”; the model gives “3” 0.94, above its threshold 0.61; “5” only 0.03.',
  );
});

test('numbers for people: small shares keep their digits, extremes are not rounded away', () => {
  expect(formatPercent(15 / 10000)).toBe('0.15%');
  expect(formatPercent(6 / 49)).toBe('12.2%');
  expect(formatProbability(0.9999)).toBe('>0.999');
  expect(formatProbability(0.0002)).toBe('<0.001');
  expect(formatProbability(0.94)).toBe('0.94');
});
