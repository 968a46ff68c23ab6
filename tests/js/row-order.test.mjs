// The ranked table sorted by its Row column lists the rows by number (how a person finds a row in the
// spreadsheet), either way; not the flagged rows first (web/ui/order.js rowOrder). Plain data, no DOM.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rankPositions, rowOrder } from '../../web/ui/order.js';

// 6 rows, rows 4 and 1 flagged (in that rank order).
const report = {
  numExamples: 6,
  issues: Int32Array.from([4, 1]),
  isLabelIssue: Uint8Array.from([0, 1, 0, 0, 1, 0]),
  labelQuality: Float64Array.from([0.9, 0.2, 0.5, 0.7, 0.1, 0.3]),
  suggestedLabel: Int32Array.from([0, 1, 0, 1, 0, 1]),
  givenProbability: Float64Array.from([0.9, 0.2, 0.5, 0.7, 0.1, 0.3]),
  suggestedProbability: Float64Array.from([0.9, 0.8, 0.5, 0.7, 0.9, 0.3]),
};
const ctx = {
  report,
  labels: Int32Array.from([0, 0, 0, 1, 1, 1]),
  classNames: ['a', 'b'],
  rank: rankPositions(report),
};
const view = { show: 'all', given: -1, suggested: -1, sortKey: 'index', descending: false };

test('sorted by Row: the row numbers in order, either way', () => {
  assert.deepEqual(Array.from(rowOrder(view, ctx)), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(Array.from(rowOrder({ ...view, descending: true }, ctx)), [5, 4, 3, 2, 1, 0]);
  assert.deepEqual(Array.from(rowOrder({ ...view, show: 'flagged' }, ctx)), [1, 4]);
});

test('sorted by rank: the flagged rows first, then the least trustworthy labels', () => {
  assert.deepEqual(Array.from(rowOrder({ ...view, sortKey: 'rank' }, ctx)), [4, 1, 5, 2, 3, 0]);
});
