// The lesson's pruning step (web/ui/lesson-prune.js): the rows pruning takes from each
// confident-joint cell, and whether a row is one of them, must be the core's. Checked against the
// golden cases: picking each cell's rows with these counts, then the reduce step
// (docs/ALGORITHMS.md §10.9), gives exactly cleanlab's recorded prune_by_noise_rate flags.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelScope, loadGoldenCase } from './helpers.mjs';
import { pickInCell, pruneByCell, pruneCountMatrix } from '../../web/ui/lesson-prune.js';
import { lessonSteps } from '../../web/ui/lesson-data.js';

/** The reduce step: the flag stays unless the given label wins the argmax with a 1e-6 bonus. */
function keptByReduce(row, given) {
  let best = 0;
  let bestValue = -Infinity;
  row.forEach((p, j) => {
    const v = j === given ? p + 1e-6 : p;
    if (v > bestValue) {
      bestValue = v;
      best = j;
    }
  });
  return best !== given;
}

/** prune_by_noise_rate's flags rebuilt from the per-cell counts and pickInCell. */
async function flagsFromCells(g, joint, counts, settings) {
  const cells = pruneByCell(joint, counts, settings);
  const flagged = [];
  for (let i = 0; i < g.n; i++) {
    const given = g.labels[i];
    let picked = false;
    for (let other = 0; other < g.numClasses && !picked; other++) {
      const count = cells[given][other];
      if (other === given || !count) continue;
      ({ picked } = pickInCell({ probs: g.flat, labels: g.labels, numClasses: g.numClasses, row: i, other, count }));
    }
    if (picked && keptByReduce(g.rows[i], given)) flagged.push(i);
  }
  return flagged;
}

const variants = [
  ['prune_by_noise_rate', {}],
  ['prune_by_noise_rate__frac_noise_0.5', { fracNoise: 0.5 }],
  ['prune_by_noise_rate__min_examples_per_class_3', { minExamplesPerClass: 3 }],
];

for (const name of ['typical_n2000_k5', 'tiny_k3_a', 'missing_class_k5', 'ties_identical_rows']) {
  test(`${name}: the per-cell pruning counts pick exactly the recorded prune_by_noise_rate flags`, async () => {
    const g = loadGoldenCase(name);
    const ls = await labelScope();
    const report = ls.audit({ labels: g.labels, predProbs: g.flat, numClasses: g.numClasses });
    assert.deepEqual(report.confidentJoint, g.expected.confident_joint.calibrated);
    for (const [key, settings] of variants) {
      const expected =
        key === 'prune_by_noise_rate'
          ? g.expected.find_label_issues.prune_by_noise_rate
          : g.expected.find_label_issues_variants[key]?.result;
      if (expected == null) continue;
      const flags = await flagsFromCells(g, report.confidentJoint, report.labelCounts, settings);
      assert.deepEqual(
        flags,
        [...expected].sort((a, b) => a - b),
        `${name} ${key}`,
      );
    }
  });
}

test('typical_n2000_k5: golden cell values, and the pruning step words them for the followed row', async () => {
  const g = loadGoldenCase('typical_n2000_k5');
  // Calibrated joint row 0 is [481, 36, 30, 27, 19]: pruning takes 36 rows labelled 0 as truly 1, ...
  const m = pruneCountMatrix(g.expected.confident_joint.calibrated);
  assert.deepEqual([m[1][0], m[2][0], m[3][0], m[4][0]], [36, 30, 27, 19]);
  const counts = g.expected.confident_joint.calibrated.map((line) => line.reduce((a, b) => a + b, 0));
  const cells = pruneByCell(g.expected.confident_joint.calibrated, counts);
  assert.deepEqual(cells[0], [null, 36, 30, 27, 19]);
  // frac_noise 0.5 halves and truncates: 36 -> 18, 27 -> 13.
  const half = pruneByCell(g.expected.confident_joint.calibrated, counts, { fracNoise: 0.5 });
  assert.deepEqual(half[0], [null, 18, 15, 13, 9]);

  const ls = await labelScope();
  const report = ls.audit({ labels: g.labels, predProbs: g.flat, numClasses: g.numClasses });
  const row = report.issues[0];
  const given = g.labels[row];
  const counted = report.confidentJointLabel[row];
  assert.ok(counted >= 0 && counted !== given);
  const count = cells[given][counted];
  const pick = pickInCell({ probs: g.flat, labels: g.labels, numClasses: 5, row, other: counted, count });
  const { steps, walkthrough } = lessonSteps(
    { report, labels: g.labels, classNames: ['0', '1', '2', '3', '4'] },
    null,
    { settings: {}, pick },
  );
  // The whole walk in one sentence, as issue 14 words it; a tiny number as people write it (6.0 × 10⁻⁷).
  const number = '[0-9.]+(?: × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?';
  assert.match(
    walkthrough,
    new RegExp(
      `^Row ${(row + 1).toLocaleString('en-US')}: labelled ${given}; ` +
        `p\\(${counted}\\) = ${number} ≥ t\\(${counted}\\) = ` +
        `${number}, so it counts in cell \\(${given}, ${counted}\\); ${count} rows are pruned from that cell and ` +
        `it is one of them; ` +
        `ranked 1st by self-confidence ${number}\\.$`,
    ),
  );
  const pruning = steps.find((s) => s.step === 'pruning');
  assert.deepEqual(pruning.numbers.pruneByCell, cells);
  assert.equal(pruning.numbers.rowPicked, pick.picked);
  assert.ok(pick.picked, 'the top-ranked flag is one of the rows its cell gives up');
  assert.match(
    pruning.rowSentence,
    new RegExp(
      `^Row ${(row + 1).toLocaleString('en-US')}: ${count} rows are pruned from cell \\(${given}, ` +
        `${counted}\\) and it is one of them`,
    ),
  );
});

test('pickInCell: ties go to the lower index; a NaN margin sorts last', () => {
  // Four rows labelled 0 with margins p1 - p0 of 0.5, 0.5, NaN, 0.9 (rows 0..3).
  const flat = new Float64Array([0.25, 0.75, 0.25, 0.75, NaN, 0.5, 0.05, 0.95]);
  const labels = Int32Array.from([0, 0, 0, 0]);
  const at = (row) => pickInCell({ probs: flat, labels, numClasses: 2, row, other: 1, count: 2 });
  assert.deepEqual(at(3), { rank: 1, picked: true });
  assert.deepEqual(at(0), { rank: 2, picked: true });
  assert.deepEqual(at(1), { rank: 3, picked: false });
  assert.deepEqual(at(2), { rank: 4, picked: false });
});
