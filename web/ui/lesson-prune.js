// How many rows pruning takes from each confident-joint cell, as the core computes it
// (docs/ALGORITHMS.md §10.2 and §10.5), for the lesson's pruning step: the prune-count matrix from
// the calibrated confident joint (the report's), and whether a given row is among those a cell's
// pruning picks. Plain double arithmetic in the core's order, so the counts are the core's exactly.
// No DOM: lesson-data.js words these, lesson-steps.js draws them.

/**
 * The prune-count matrix M (§10.2): M[j][k] = how many rows labelled k pruning takes as truly j.
 * joint: the calibrated K x K confident joint (rows = given label); options: fracNoise (1),
 * minExamplesPerClass (1). num_to_remove_per_class (§10.3) is not covered: the page never sets it.
 */
export function pruneCountMatrix(joint, { fracNoise = 1, minExamplesPerClass = 1 } = {}) {
  const k = joint.length;
  const m = Array.from({ length: k }, (_, j) => Array.from({ length: k }, (__, c) => joint[c][j])); // transpose
  // (a) keep at least min_examples_per_class on the diagonal of each column.
  for (let c = 0; c < k; c++) {
    const d = m[c][c];
    const dNew = Math.max(d, minExamplesPerClass);
    const delta = dNew - d;
    let nonzero = 0;
    for (let j = 0; j < k; j++) nonzero += m[j][c] !== 0 ? 1 : 0;
    const z = Math.max(nonzero > 0 ? nonzero - 1 : 0, 1);
    for (let j = 0; j < k; j++) m[j][c] = Math.max(m[j][c] - delta / z, 0);
    m[c][c] = dNew;
  }
  // (b) frac_noise: shrink the off-diagonal counts, keep the column totals, truncate toward zero.
  for (let c = 0; c < k; c++) {
    let moved = 0;
    for (let j = 0; j < k; j++) {
      if (j === c) continue;
      const old = m[j][c];
      m[j][c] = old * fracNoise;
      moved += old - m[j][c];
    }
    m[c][c] += moved;
  }
  return m.map((line) => line.map((v) => Math.trunc(v)));
}

/** Whether prune methods look at class k at all (§10.4, §10.7): more than min examples, and never a single one. */
export function prunable(labelCount, minExamplesPerClass = 1) {
  return labelCount > minExamplesPerClass && labelCount > 1;
}

/**
 * Rows pruning by noise rate takes from each cell, as the picture shows it: cells[given][other] =
 * M[other][given] off the diagonal (all of the class when that reaches its size; 0 for a class the
 * prune methods skip), null on the diagonal (those rows are kept).
 */
export function pruneByCell(joint, labelCounts, options = {}) {
  const m = pruneCountMatrix(joint, options);
  const min = options.minExamplesPerClass ?? 1;
  return labelCounts.map((n, given) =>
    labelCounts.map((_, other) => {
      if (other === given) return null;
      if (!prunable(n, min)) return 0;
      return Math.min(m[other][given], n);
    }),
  );
}

/**
 * Where row i stands in the pruning of cell (given = labels[i], other): its key is the negated
 * margin -(p[other] - p[given]); the cell takes the `count` smallest keys among the rows labelled
 * `given` (ties: lower index first; NaN last; §11). probs: every row's K probabilities, flat.
 * Returns {rank (1 = largest margin), picked}.
 */
export function pickInCell({ probs, labels, numClasses, row, other, count }) {
  const given = labels[row];
  const k = numClasses;
  const key = (o) => -(probs[o + other] - probs[o + given]);
  const myKey = key(row * k);
  let ahead = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== given || i === row) continue;
    const kv = key(i * k);
    const before = Number.isNaN(myKey)
      ? !Number.isNaN(kv) || i < row
      : !Number.isNaN(kv) && (kv < myKey || (kv === myKey && i < row)); // +0 and -0 tie
    if (before) ahead++;
  }
  return { rank: ahead + 1, picked: ahead < count };
}
