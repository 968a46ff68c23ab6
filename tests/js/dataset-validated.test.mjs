// A Dataset's values are validated once, when read: its analyses do not validate them again, yet
// give the same warnings, in the same order, as the same values handed in as arrays. And a read
// with fingerprint: false (the CLI's) is the same dataset without its fingerprint.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { labelScope } from './helpers.mjs';

// Row 1 sums to 1.1 (rows_not_normalized), row 2 holds -0.0001 (values_slightly_outside); class 2
// has one example, too few to prune (the method's own warning, after validation's).
const LABELS = [0, 1, 2, 0, 1, 0, 1];
const PROBS = [
  [0.8, 0.1, 0.1],
  [0.1, 0.8, 0.2],
  [-0.0001, 0.9, 0.1001],
  [0.3, 0.3, 0.4],
  [0.2, 0.7, 0.1],
  [0.6, 0.3, 0.1],
  [0.5, 0.4, 0.1],
];
const labelsCsv = `label\n${LABELS.join('\n')}\n`;
const probsCsv = `p0,p1,p2\n${PROBS.map((row) => row.join(',')).join('\n')}\n`;
const arrays = { labels: LABELS, predProbs: PROBS };

let ls;
let dataset;
before(async () => {
  ls = await labelScope();
  const input = {
    labels: { name: 'labels.csv', data: labelsCsv },
    predProbs: { name: 'probs.csv', data: probsCsv },
  };
  dataset = await ls.readDataset(input);
});

const codes = (warnings) => warnings.map((w) => w.code);

test('the read itself reports the values: validation warnings', () => {
  assert.deepEqual(codes(dataset.warnings), ['values_slightly_outside', 'rows_not_normalized']);
});

test('findLabelIssues on a Dataset: the warnings and flags of the same arrays', () => {
  for (const returnIndicesRankedBy of ['none', 'self_confidence']) {
    for (const filterBy of ['prune_by_noise_rate', 'confident_learning']) {
      const options = { filterBy, returnIndicesRankedBy };
      const fromArrays = ls.findLabelIssues({ ...arrays, ...options });
      const fromDataset = ls.findLabelIssues({ dataset, ...options });
      assert.deepEqual(fromDataset.warnings, fromArrays.warnings, `${filterBy}, ${returnIndicesRankedBy}`);
      assert.deepEqual(Array.from(fromDataset.indices), Array.from(fromArrays.indices));
    }
  }
  // Validation's first, then the method's (class 2 has one example).
  const { warnings } = ls.findLabelIssues({ dataset });
  assert.deepEqual(codes(warnings).slice(0, 2), ['values_slightly_outside', 'rows_not_normalized']);
  assert.ok(codes(warnings).includes('class_too_small'));
});

test('audit and auditAsync on a Dataset: the warnings of the same arrays', async () => {
  const fromArrays = ls.audit(arrays);
  assert.deepEqual(ls.audit(dataset).warnings, fromArrays.warnings);
  assert.deepEqual((await ls.auditAsync(dataset)).warnings, fromArrays.warnings);
  assert.deepEqual(Array.from(ls.audit(dataset).issues), Array.from(fromArrays.issues));
  // Asked twice of the same dataset: the same warnings again (none lost or doubled).
  assert.deepEqual(ls.audit(dataset).warnings, fromArrays.warnings);
});

test('getLabelQualityScores on a Dataset: the warnings of the same arrays', () => {
  const fromArrays = ls.getLabelQualityScores({ ...arrays, method: 'normalized_margin' });
  const fromDataset = ls.getLabelQualityScores({ dataset, method: 'normalized_margin' });
  assert.deepEqual(fromDataset.warnings, fromArrays.warnings);
  assert.deepEqual(Array.from(fromDataset.scores), Array.from(fromArrays.scores));
});

test('a Dataset with one label class is still refused by findLabelIssues and audit', async () => {
  const one = await ls.readDataset({
    labels: { name: 'labels.csv', data: 'label\n0\n0\n0\n' },
    predProbs: { name: 'probs.csv', data: 'p0,p1\n0.9,0.1\n0.8,0.2\n0.7,0.3\n' },
  });
  try {
    assert.throws(() => ls.findLabelIssues({ dataset: one }), { code: 'single_label_class' });
    assert.throws(() => ls.audit(one), { code: 'single_label_class' });
  } finally {
    one.free();
  }
});

test('fingerprint: false reads the same dataset, with an empty fingerprint', async () => {
  const input = () => ({
    labels: { name: 'labels.csv', data: labelsCsv },
    predProbs: { name: 'probs.csv', data: probsCsv },
  });
  const unhashed = await ls.readDataset(input(), { fingerprint: false });
  try {
    assert.match(dataset.fingerprint, /^[0-9a-f]{16}$/);
    assert.equal(unhashed.fingerprint, '');
    const { fingerprint: a, ...rest } = { ...dataset };
    const { fingerprint: b, ...restUnhashed } = { ...unhashed };
    assert.notEqual(a, b);
    assert.deepEqual(restUnhashed, rest);
    assert.deepEqual(ls.audit(unhashed), ls.audit(dataset));
  } finally {
    unhashed.free();
  }
});
