// A table (a label column among other columns) and a probabilities file, dropped together or one
// after the other in either order: the page uses both — the table's label column as the labels,
// the file as the probabilities — instead of keeping whichever came last (web/ui/roles.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRoles, mergeFiles, tableBesideProbabilities } from '../../web/ui/roles.js';

const entry = (name, role) => ({ file: { name }, role, reason: 'sniffed' });
const roles = (entries) => entries.map((e) => `${e.file.name}:${e.role}`);

test('dropped together, in either order: the table gives the labels, the file the probabilities', () => {
  for (const drop of [
    [entry('tickets.csv', 'combined'), entry('probs.csv', 'predProbs')],
    [entry('probs.csv', 'predProbs'), entry('tickets.csv', 'combined')],
  ]) {
    const merged = mergeFiles([], drop, false);
    assert.deepEqual(roles(merged).sort(), ['probs.csv:predProbs', 'tickets.csv:labels']);
    assert.equal(checkRoles(merged).ready, true);
    assert.match(merged.find((e) => e.file.name === 'tickets.csv').reason, /beside probs\.csv: its label column/);
  }
});

test('one after the other, in either order, read or not: both are kept', () => {
  const table = [entry('tickets.csv', 'combined')];
  for (const wasRead of [false, true]) {
    const merged = mergeFiles(table, [entry('probs.csv', 'predProbs')], wasRead);
    assert.deepEqual(roles(merged), ['tickets.csv:labels', 'probs.csv:predProbs']);
  }
  // "Now add the given labels": a table dropped next adds its labels, it does not replace the probabilities.
  const probs = [entry('probs.csv', 'predProbs')];
  assert.match(checkRoles(probs).problem, /Now add the given labels/);
  const merged = mergeFiles(probs, [entry('tickets.csv', 'combined')], false);
  assert.deepEqual(roles(merged), ['probs.csv:predProbs', 'tickets.csv:labels']);
  assert.equal(checkRoles(merged).ready, true);
});

test('other sets are left as they are', () => {
  const labelsAndProbs = [entry('l.csv', 'labels'), entry('p.csv', 'predProbs')];
  assert.equal(tableBesideProbabilities(labelsAndProbs), labelsAndProbs);
  const twoProbs = [entry('t.csv', 'combined'), entry('p.csv', 'predProbs'), entry('q.csv', 'predProbs')];
  assert.equal(tableBesideProbabilities(twoProbs), twoProbs);
  // A features file beside a table is no pair of labels and probabilities.
  const features = [entry('t.csv', 'combined'), entry('x.npy', 'features')];
  assert.equal(tableBesideProbabilities(features), features);
  // A second table after a read one starts over, as before.
  assert.deepEqual(roles(mergeFiles([entry('t.csv', 'combined')], [entry('u.csv', 'combined')], true)), [
    'u.csv:combined',
  ]);
});
