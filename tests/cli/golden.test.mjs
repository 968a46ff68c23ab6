// Parity with cleanlab 2.9.0 through the command line: every single-label golden case, every
// --filter-by, --rank-by and --method, the frac_noise / min_examples_per_class variants and the
// health tables. The multi-label cases run through --multi-label in tests/cli/multilabel.test.mjs.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { assertAllClose, closeRel, goldenCases, jsonOf, limited, runCliAsync } from './helpers.mjs';

const FILTERS = [
  'prune_by_noise_rate',
  'prune_by_class',
  'both',
  'confident_learning',
  'predicted_neq_given',
  'low_normalized_margin',
  'low_self_confidence',
];
const METHODS = ['self_confidence', 'normalized_margin', 'confidence_weighted_entropy'];
const CWE = 'confidence_weighted_entropy';
const REL = 1e-12;
const REL_CWE = 1e-10; // log/exp: libm-dependent last bits (docs/ALGORITHMS.md §16.2 #16)

// find_label_issues keyword arguments the CLI can express, and their flags.
const VARIANT_FLAGS = {
  filter_by: (v) => ['--filter-by', v],
  frac_noise: (v) => ['--frac-noise', String(v)],
  min_examples_per_class: (v) => ['--min-examples-per-class', String(v)],
  return_indices_ranked_by: (v) => ['--rank-by', v],
};

const cases = goldenCases();

/** Every CLI run of one case, by name. */
function plannedRuns(c) {
  // unnormalized_rows_k4's rows do not sum to 1: cleanlab uses them as given, the CLI when told to.
  const input = [
    '--labels',
    c.labels,
    '--pred-probs',
    c.predProbs,
    ...(c.name === 'unnormalized_rows_k4' ? ['--allow-unnormalized'] : []),
  ];
  const runs = {};
  for (const f of FILTERS) runs[`filter ${f}`] = ['find-issues', ...input, '--filter-by', f, '--rank-by', 'none'];
  for (const r of Object.keys(c.expected.find_label_issues_ranked)) {
    const [method, adjust] = r.split('__');
    runs[`ranked ${r}`] = ['find-issues', ...input, '--rank-by', method, ...(adjust ? ['--adjust-pred-probs'] : [])];
  }
  for (const [name, { kwargs }] of Object.entries(c.expected.find_label_issues_variants)) {
    if (!Object.keys(kwargs).every((k) => k in VARIANT_FLAGS)) continue; // e.g. num_to_remove_per_class
    const flags = Object.entries(kwargs).flatMap(([k, v]) => VARIANT_FLAGS[k](v));
    if (!('return_indices_ranked_by' in kwargs)) flags.push('--rank-by', 'none');
    runs[`variant ${name}`] = ['find-issues', ...input, ...flags];
  }
  for (const m of METHODS) {
    runs[`scores ${m}`] = ['scores', ...input, '--method', m];
    runs[`scores ${m} adjusted`] = ['scores', ...input, '--method', m, '--adjust-pred-probs'];
  }
  runs.health = ['health', ...input];
  return runs;
}

const results = new Map(); // `${case} ${run}` -> {status, stdout, stderr}

before(async () => {
  const jobs = cases.flatMap((c) =>
    Object.entries(plannedRuns(c)).map(([name, args]) => async () => {
      results.set(`${c.name} ${name}`, await runCliAsync(args));
    }),
  );
  await limited(jobs);
});

/**
 * Ranked by CWE, the CLI may differ from cleanlab only by swapping examples whose CWE scores agree
 * within 1e-10 relative: same examples, and at every rank the two scores agree.
 */
function assertSameRankingUpToCweTies(actual, expected, scores) {
  assert.deepEqual(
    [...actual].sort((a, b) => a - b),
    [...expected].sort((a, b) => a - b),
  );
  actual.forEach((index, rank) => {
    const ok = index === expected[rank] || closeRel(scores[index], scores[expected[rank]], REL_CWE);
    assert.ok(
      ok,
      `rank ${rank}: ${index} (score ${scores[index]}) vs cleanlab ${expected[rank]} (${scores[expected[rank]]})`,
    );
  });
}

test('every single-label golden case is tested here (multi-label ones in multilabel.test.mjs)', () => {
  const names = cases.map((c) => c.name);
  assert.ok(names.length >= 6, names.join(', '));
  assert.ok(!names.includes('multilabel_tiny_k3'));
});

for (const c of cases) {
  const e = c.expected;
  const run = (name) => results.get(`${c.name} ${name}`);
  const cweScores = e.label_quality_scores[CWE].adjust_pred_probs_false;

  describe(c.name, () => {
    test('find-issues --rank-by none: every --filter-by', () => {
      for (const f of FILTERS) {
        const out = jsonOf(run(`filter ${f}`));
        assert.deepEqual(out.indices, e.find_label_issues[f], f);
        assert.equal(out.num_issues, e.find_label_issues[f].length);
        assert.equal(out.filter_by, f);
        assert.equal(out.rank_by, 'none');
        assert.equal(out.n, e.meta.N);
        assert.equal(out.k, e.meta.K);
      }
    });

    test('find-issues ranked by each --rank-by (with and without --adjust-pred-probs)', () => {
      for (const [r, expected] of Object.entries(e.find_label_issues_ranked)) {
        const out = jsonOf(run(`ranked ${r}`));
        assert.equal(out.rank_by, r.split('__')[0]);
        if (r === CWE) assertSameRankingUpToCweTies(out.indices, expected, cweScores);
        else assert.deepEqual(out.indices, expected, r);
      }
    });

    test('find-issues: frac_noise / min_examples_per_class variants', () => {
      let checked = 0;
      for (const [name, { kwargs, result }] of Object.entries(e.find_label_issues_variants)) {
        const r = run(`variant ${name}`);
        if (r === undefined) continue; // not expressible with the CLI flags
        const out = jsonOf(r);
        if (kwargs.return_indices_ranked_by === CWE) assertSameRankingUpToCweTies(out.indices, result, cweScores);
        else assert.deepEqual(out.indices, result, name);
        checked++;
      }
      assert.ok(checked >= 7, `only ${checked} variants checked`);
    });

    test('scores: every --method, with and without --adjust-pred-probs', () => {
      for (const m of METHODS) {
        const tol = m === CWE ? REL_CWE : REL;
        for (const adjust of [false, true]) {
          const r = run(`scores ${m}${adjust ? ' adjusted' : ''}`);
          const expected = e.label_quality_scores[m][`adjust_pred_probs_${adjust}`];
          if (!Array.isArray(expected)) {
            // cleanlab raises ValueError; the CLI: usage error (a flag combination), core's message.
            assert.equal(r.status, 2, r.stderr);
            assert.match(r.stderr, /adjust_pred_probs is not supported for confidence_weighted_entropy/);
            assert.equal(r.stderr.trim().split('\n').length, 1);
            assert.equal(r.stdout, '');
            continue;
          }
          const out = jsonOf(r);
          assert.equal(out.method, m);
          assert.equal(out.adjust_pred_probs, adjust);
          assertAllClose(out.scores, expected, tol, `${m} adjust=${adjust}`);
        }
      }
    });

    test('health: score, class table, overlapping classes, confident joint, noise matrices, py', () => {
      const out = jsonOf(run('health'));
      const d = e.dataset;
      assert.ok(closeRel(out.overall_label_health_score, d.overall_label_health_score, REL));
      assert.equal(out.classes.length, d.rank_classes_by_label_quality.length);
      out.classes.forEach((row, i) => {
        const want = d.rank_classes_by_label_quality[i];
        assert.equal(row.class, want['Class Index'], `class row ${i}`);
        assert.equal(row.label_issues, want['Label Issues']);
        assert.equal(row.inverse_label_issues, want['Inverse Label Issues']);
        assertAllClose(
          [row.label_noise, row.inverse_label_noise, row.label_quality_score],
          [want['Label Noise'], want['Inverse Label Noise'], want['Label Quality Score']],
          REL,
          `class ${row.class}`,
        );
        assert.equal(row.name, `p${row.class}`); // pred_probs.csv header p0..p{K-1}
      });
      assert.equal(out.overlapping_classes.length, d.find_overlapping_classes.length);
      out.overlapping_classes.forEach((row, i) => {
        const want = d.find_overlapping_classes[i];
        assert.deepEqual(
          [row.class_a, row.class_b, row.num_overlapping_examples],
          [want['Class Index A'], want['Class Index B'], want['Num Overlapping Examples']],
          `overlap row ${i}`,
        );
        assert.ok(closeRel(row.joint_probability, want['Joint Probability'], REL), `overlap row ${i}`);
      });
      const latent = e.estimate_py_and_noise_matrices_from_probabilities;
      assert.deepEqual(out.confident_joint, latent.confident_joint);
      assertAllClose(out.py, latent.py, REL, 'py');
      assertAllClose(out.noise_matrix, latent.noise_matrix, REL, 'noise_matrix');
      assertAllClose(out.inverse_noise_matrix, latent.inverse_noise_matrix, REL, 'inverse_noise_matrix');
    });
  });
}
