// Parity with cleanlab 2.9.0's recorded outputs (tests/fixtures/golden, docs/ALGORITHMS.md §17), through the
// public JS API: every recorded output of every single-label case.
// Integers, index lists and masks: exact. + - * / outputs: 1e-12 relative. log/exp outputs (CWE,
// OOD entropy): 1e-10 relative; OOD entropy is compared as H = 1 - score.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';

import { LabelScopeError } from '../../src/js/index.js';
import {
  assertClose,
  assertIndices,
  assertLabelScopeError,
  assertMask,
  assertMatrixClose,
  assertRankedByScores,
  GOLDEN,
  goldenCaseNames,
  labelScope,
  loadGoldenCase,
  num,
  REL_ARITH,
  REL_LOGEXP,
} from './helpers.mjs';

const FILTERS = [
  'prune_by_noise_rate',
  'prune_by_class',
  'both',
  'confident_learning',
  'predicted_neq_given',
  'low_normalized_margin',
  'low_self_confidence',
];
const SCORE_METHODS = ['self_confidence', 'normalized_margin', 'confidence_weighted_entropy'];
const PY_METHODS = ['cnt', 'eqn', 'marginal', 'marginal_ps'];
const SINGLE_LABEL_CASES = [
  'binary_k2',
  'missing_class_k5',
  'ties_identical_rows',
  'tiny_k3_a',
  'typical_n2000_k5',
  'unnormalized_rows_k4',
];
// Top-level sections of expected.json that this suite checks (a new section must not go unchecked).
const SECTIONS = [
  'meta',
  'find_label_issues',
  'find_label_issues_ranked',
  'find_label_issues_variants',
  'label_quality_scores',
  'confident_thresholds',
  'confident_joint',
  'estimate_joint',
  'estimate_py_and_noise_matrices_from_probabilities',
  'estimate_py_and_noise_matrices_from_probabilities__converge_false',
  'estimate_latent_from_calibrated_confident_joint',
  'num_label_issues',
  'dataset',
  'ood_scores_from_pred_probs',
  'warnings',
  'tie_sensitive',
  'stable_sort_values',
];

// cleanlab keyword arguments of the recorded variants -> the JS API's camelCase options.
const KWARGS = {
  filter_by: 'filterBy',
  frac_noise: 'fracNoise',
  min_examples_per_class: 'minExamplesPerClass',
  num_to_remove_per_class: 'numToRemovePerClass',
  return_indices_ranked_by: 'returnIndicesRankedBy',
};

const CLASS_FIELDS = {
  'Class Index': 'classIndex',
  'Label Issues': 'labelIssues',
  'Inverse Label Issues': 'inverseLabelIssues',
  'Label Noise': 'labelNoise',
  'Inverse Label Noise': 'inverseLabelNoise',
  'Label Quality Score': 'labelQualityScore',
};
const OVERLAP_FIELDS = {
  'Class Index A': 'classA',
  'Class Index B': 'classB',
  'Num Overlapping Examples': 'numOverlappingExamples',
  'Joint Probability': 'jointProbability',
};
const INTEGER_FIELDS = new Set([
  'classIndex',
  'labelIssues',
  'inverseLabelIssues',
  'classA',
  'classB',
  'numOverlappingExamples',
]);

/** A recorded pandas table (array of records) vs our array of camelCase objects. */
function assertTable(actual, expected, fields, what) {
  assert.equal(actual.length, expected.length, `${what}: rows`);
  expected.forEach((row, r) => {
    assert.deepEqual(Object.keys(actual[r]).sort(), Object.values(fields).sort(), `${what}[${r}]: fields`);
    for (const [recorded, ours] of Object.entries(fields)) {
      const e = num(row[recorded]);
      const a = actual[r][ours];
      if (INTEGER_FIELDS.has(ours)) assert.equal(a, e, `${what}[${r}].${ours}`);
      else assertClose([a], [e], REL_ARITH, `${what}[${r}].${ours}`);
    }
  });
}

test('golden fixtures: every case directory is known (single-label cases + multilabel_tiny_k3)', () => {
  const names = goldenCaseNames();
  for (const name of SINGLE_LABEL_CASES) assert.ok(names.includes(name), `missing golden case ${name}`);
  assert.ok(names.includes('multilabel_tiny_k3'));
});

for (const name of goldenCaseNames()) {
  // Multi-label cases (meta.multilabel) go through ls.multiLabel: tests/js/multilabel.test.mjs.
  if (JSON.parse(readFileSync(`${GOLDEN}${name}/expected.json`, 'utf8')).meta.multilabel) continue;

  describe(`golden ${name}`, () => {
    let c; // the loaded case
    let ls;
    let data; // { labels, predProbs: Float64Array, numClasses }
    let rowsData; // { labels, predProbs: number[][] }

    before(async () => {
      c = loadGoldenCase(name); // throws (failing every test below) if a fixture can't load
      assert.equal(c.expected.meta.multilabel, false, `${name} is a multi-label case`);
      ls = await labelScope();
      data = { labels: c.labels, predProbs: c.flat, numClasses: c.numClasses };
      rowsData = { labels: Array.from(c.labels), predProbs: c.rows };
    });

    test('expected.json has only sections this suite checks', () => {
      for (const key of Object.keys(c.expected)) assert.ok(SECTIONS.includes(key), `unchecked section '${key}'`);
    });

    test('find_label_issues: all 7 filterBy methods (mask and indices), both input shapes', () => {
      const recorded = c.expected.find_label_issues;
      assert.deepEqual(Object.keys(recorded).sort(), [...FILTERS].sort());
      for (const filterBy of FILTERS) {
        const r = ls.findLabelIssues({ ...rowsData, filterBy });
        assertMask(r.mask, recorded[filterBy], c.n, filterBy);
        assert.ok(r.indices instanceof Int32Array);
        assertIndices(r.indices, recorded[filterBy], `${filterBy} indices`);
        assert.ok(Array.isArray(r.warnings));
        const flat = ls.findLabelIssues({ ...data, filterBy });
        assert.deepEqual(flat.mask, r.mask, `${filterBy}: flat Float64Array input`);
        assert.deepEqual(flat.indices, r.indices);
      }
      // The default filter is prune_by_noise_rate.
      assert.deepEqual(Array.from(ls.findLabelIssues(data).indices), recorded.prune_by_noise_rate);
    });

    // Only audit() returns the filter's class_too_small warnings (findLabelIssues returns input warnings).
    test('find_label_issues warnings: small classes are reported for the prune methods (audit)', () => {
      const recorded = c.expected.warnings.find_label_issues;
      for (const filterBy of FILTERS) {
        // cleanlab: "May not flag all label issues in class: 3, it has too few examples ..."
        const classes = [
          ...new Set(
            (recorded[filterBy] ?? [])
              .map((w) => /in class: (\d+), it has too few examples/.exec(w))
              .filter(Boolean)
              .map((m) => Number(m[1])),
          ),
        ].sort();
        const warned = [
          ...new Set(
            ls
              .audit(data, { filterBy })
              .warnings.filter((w) => w.code === 'class_too_small')
              .map((w) => w.classIndex),
          ),
        ].sort();
        assert.deepEqual(warned, classes, `${filterBy}: class_too_small warnings`);
      }
    });

    test('find_label_issues ranked by each score method (+ __adjust_pred_probs)', () => {
      const recorded = c.expected.find_label_issues_ranked;
      const keys = Object.keys(recorded);
      assert.ok(keys.length >= 5);
      for (const key of keys) {
        const adjust = key.endsWith('__adjust_pred_probs');
        const method = adjust ? key.slice(0, -'__adjust_pred_probs'.length) : key;
        assert.ok(SCORE_METHODS.includes(method), `unknown ranking key ${key}`);
        const r = ls.findLabelIssues({ ...data, returnIndicesRankedBy: method, adjustPredProbs: adjust });
        assertMask(
          r.mask,
          [...recorded[key]].sort((a, b) => a - b),
          c.n,
          key,
        );
        if (method === 'confidence_weighted_entropy') {
          const { scores } = ls.getLabelQualityScores({ ...data, method });
          assertRankedByScores(r.indices, recorded[key], scores, REL_LOGEXP, key);
        } else {
          assertIndices(r.indices, recorded[key], key);
        }
      }
      // 'none' = index order.
      const none = ls.findLabelIssues({ ...data, returnIndicesRankedBy: 'none' });
      assertIndices(none.indices, c.expected.find_label_issues.prune_by_noise_rate, 'returnIndicesRankedBy none');
    });

    test('find_label_issues variants (frac_noise, min_examples_per_class, num_to_remove_per_class, ranked)', () => {
      const variants = c.expected.find_label_issues_variants;
      assert.ok(Object.keys(variants).length >= 9);
      for (const [key, { kwargs, result }] of Object.entries(variants)) {
        const options = {};
        for (const [kw, value] of Object.entries(kwargs)) {
          assert.ok(kw in KWARGS, `${key}: kwarg ${kw} not understood by this suite`);
          options[KWARGS[kw]] = value;
        }
        const r = ls.findLabelIssues({ ...data, ...options });
        const sorted = [...result].sort((a, b) => a - b);
        assertMask(r.mask, sorted, c.n, key);
        if (options.returnIndicesRankedBy === 'confidence_weighted_entropy') {
          const { scores } = ls.getLabelQualityScores({ ...data, method: options.returnIndicesRankedBy });
          assertRankedByScores(r.indices, result, scores, REL_LOGEXP, key);
        } else {
          assertIndices(r.indices, options.returnIndicesRankedBy ? result : sorted, key);
        }
      }
    });

    test('label_quality_scores: 3 methods x adjustPredProbs; CWE + adjust is invalid_option', async () => {
      const recorded = c.expected.label_quality_scores;
      assert.deepEqual(Object.keys(recorded).sort(), [...SCORE_METHODS].sort());
      for (const method of SCORE_METHODS) {
        for (const adjust of [false, true]) {
          const expected = recorded[method][`adjust_pred_probs_${adjust}`];
          if (expected.error_type) {
            assert.equal(method, 'confidence_weighted_entropy');
            const e = await assertLabelScopeError(
              () => ls.getLabelQualityScores({ ...data, method, adjustPredProbs: adjust }),
              'invalid_option',
            );
            assert.match(e.message, /adjust_?pred_?probs/i);
            continue;
          }
          const { scores, warnings } = ls.getLabelQualityScores({ ...data, method, adjustPredProbs: adjust });
          assert.ok(scores instanceof Float64Array);
          assert.ok(Array.isArray(warnings));
          const rel = method === 'confidence_weighted_entropy' ? REL_LOGEXP : REL_ARITH;
          assertClose(scores, expected, rel, `${method} adjust=${adjust}`);
        }
      }
      // Default method: self_confidence without adjustment.
      assertClose(
        ls.getLabelQualityScores(data).scores,
        recorded.self_confidence.adjust_pred_probs_false,
        REL_ARITH,
        'default scores',
      );
      // CWE + adjust also fails when ranking by it.
      await assertLabelScopeError(
        () =>
          ls.findLabelIssues({
            ...data,
            returnIndicesRankedBy: 'confidence_weighted_entropy',
            adjustPredProbs: true,
          }),
        'invalid_option',
      );
    });

    test('confident joint (calibrated, uncalibrated), thresholds, off-diagonal indices', () => {
      const recorded = c.expected.confident_joint;
      const calibrated = ls.computeConfidentJoint(data);
      assert.deepEqual(calibrated.confidentJoint, recorded.calibrated);
      assert.deepEqual(ls.computeConfidentJoint({ ...data, calibrate: true }).confidentJoint, recorded.calibrated);
      const raw = ls.computeConfidentJoint({ ...data, calibrate: false });
      assert.deepEqual(raw.confidentJoint, recorded.uncalibrated);
      assertClose(calibrated.thresholds, c.expected.confident_thresholds, REL_ARITH, 'thresholds');
      assert.ok(calibrated.offDiagonal instanceof Int32Array);
      assertIndices(calibrated.offDiagonal, recorded.off_diagonal_indices, 'offDiagonal');
    });

    test('estimateLatent = estimate_py_and_noise_matrices_from_probabilities (defaults, converge false)', () => {
      const check = (r, expected, what) => {
        assertClose(r.py, expected.py, REL_ARITH, `${what} py`);
        assertMatrixClose(r.noiseMatrix, expected.noise_matrix, REL_ARITH, `${what} noiseMatrix`);
        assertMatrixClose(r.inverseNoiseMatrix, expected.inverse_noise_matrix, REL_ARITH, `${what} inverseNoiseMatrix`);
        if (expected.confident_joint) assert.deepEqual(r.confidentJoint, expected.confident_joint, `${what} cj`);
      };
      check(ls.estimateLatent(data), c.expected.estimate_py_and_noise_matrices_from_probabilities, 'defaults');
      check(
        ls.estimateLatent({ ...data, convergeLatentEstimates: false }),
        c.expected.estimate_py_and_noise_matrices_from_probabilities__converge_false,
        'converge false',
      );
      // estimate_latent from the calibrated joint: 4 py methods x converge.
      const latent = c.expected.estimate_latent_from_calibrated_confident_joint;
      assert.equal(Object.keys(latent).length, 8);
      for (const [key, expected] of Object.entries(latent)) {
        const [, pyMethod, converge] = /^(.+)__converge_(true|false)$/.exec(key);
        assert.ok(PY_METHODS.includes(pyMethod), key);
        const options = { ...data, pyMethod, convergeLatentEstimates: converge === 'true' };
        if (expected.error_type) {
          // numpy's LinAlgError "Singular matrix" (the 'eqn' prior): a LabelScopeError here.
          assert.equal(pyMethod, 'eqn', `${key}: recorded ${expected.error_type}`);
          assert.throws(
            () => ls.estimateLatent(options),
            (e) => e instanceof LabelScopeError && e.code === 'invalid_option' && /singular/i.test(e.message),
          );
          continue;
        }
        check(ls.estimateLatent(options), expected, key);
      }
    });

    test('numLabelIssues for each estimationMethod (custom: the recorded uncalibrated joint)', () => {
      const recorded = c.expected.num_label_issues;
      assert.deepEqual(Object.keys(recorded).sort(), [
        'default',
        'off_diagonal',
        'off_diagonal_calibrated',
        'off_diagonal_custom__uncalibrated_cj',
      ]);
      assert.equal(ls.numLabelIssues(data), recorded.default);
      assert.equal(ls.numLabelIssues({ ...data, estimationMethod: 'off_diagonal' }), recorded.off_diagonal);
      assert.equal(
        ls.numLabelIssues({ ...data, estimationMethod: 'off_diagonal_calibrated' }),
        recorded.off_diagonal_calibrated,
      );
      assert.equal(
        ls.numLabelIssues({
          ...data,
          estimationMethod: 'off_diagonal_custom',
          confidentJoint: c.expected.confident_joint.uncalibrated,
        }),
        recorded.off_diagonal_custom__uncalibrated_cj,
      );
    });

    test('healthSummary: score, joint, classes by quality, overlapping classes (+ asymmetric)', () => {
      const recorded = c.expected.dataset;
      const h = ls.healthSummary(data);
      assertClose([h.overallLabelHealthScore], [recorded.overall_label_health_score], REL_ARITH, 'health score');
      assertClose(
        [h.overallLabelHealthScore],
        [recorded.health_summary.overall_label_health_score],
        REL_ARITH,
        'health_summary score',
      );
      assertMatrixClose(h.joint, c.expected.estimate_joint, REL_ARITH, 'estimate_joint');
      assertMatrixClose(h.joint, recorded.health_summary.joint, REL_ARITH, 'health_summary joint');
      assertTable(
        h.classesByLabelQuality,
        recorded.rank_classes_by_label_quality,
        CLASS_FIELDS,
        'rank_classes_by_label_quality',
      );
      assertTable(h.overlappingClasses, recorded.find_overlapping_classes, OVERLAP_FIELDS, 'find_overlapping_classes');
      // The two convenience methods return the same tables.
      assert.equal(recorded.health_summary.classes_by_label_quality_equals_rank_classes_by_label_quality, true);
      assert.equal(recorded.health_summary.overlapping_classes_equals_find_overlapping_classes, true);
      assert.deepEqual(ls.rankClassesByLabelQuality(data), h.classesByLabelQuality);
      assert.deepEqual(ls.findOverlappingClasses(data), h.overlappingClasses);
      const asym = ls.healthSummary({ ...data, asymmetric: true });
      assertTable(
        asym.overlappingClasses,
        recorded.find_overlapping_classes__asymmetric,
        OVERLAP_FIELDS,
        'find_overlapping_classes asymmetric',
      );
      assert.deepEqual(ls.findOverlappingClasses({ ...data, asymmetric: true }), asym.overlappingClasses);
    });

    test('outOfDistributionScores: entropy / least_confidence x adjustPredProbs', async () => {
      const recorded = c.expected.ood_scores_from_pred_probs;
      assert.equal(Object.keys(recorded).length, 4);
      for (const [key, expected] of Object.entries(recorded)) {
        const [, method, adjust] = /^(entropy|least_confidence)__adjust_pred_probs_(true|false)$/.exec(key);
        const adjustPredProbs = adjust === 'true';
        // Without adjustment the labels are not needed: leave them out.
        const args = adjustPredProbs
          ? { ...data, method, adjustPredProbs }
          : { predProbs: c.flat, numClasses: c.numClasses, method, adjustPredProbs };
        const { scores } = ls.outOfDistributionScores(args);
        assert.ok(scores instanceof Float64Array);
        if (method === 'entropy') {
          // score = 1 - H; 1 - H cancels for near-uniform rows, so compare H relatively.
          assertClose(
            scores.map((s) => 1 - s),
            expected.map((e) => 1 - num(e)),
            REL_LOGEXP,
            `${key} (as 1 - score)`,
          );
        } else {
          assertClose(scores, expected, REL_ARITH, key);
        }
      }
      // Defaults: entropy with adjustment, which needs labels.
      assertClose(
        ls.outOfDistributionScores(data).scores.map((s) => 1 - s),
        recorded.entropy__adjust_pred_probs_true.map((e) => 1 - e),
        REL_LOGEXP,
        'default OOD',
      );
      const e = await assertLabelScopeError(
        () => ls.outOfDistributionScores({ predProbs: c.flat, numClasses: c.numClasses }),
        'invalid_option',
      );
      assert.ok(e instanceof LabelScopeError);
    });

    test('audit equals the separate calls and the recorded outputs', () => {
      const a = ls.audit(data);
      const e = c.expected;
      assert.equal(a.numExamples, c.n);
      assert.equal(a.numClasses, c.numClasses);
      assert.equal(a.filterBy, 'prune_by_noise_rate');
      assert.equal(a.rankBy, 'self_confidence');
      assertIndices(a.issues, e.find_label_issues_ranked.self_confidence, 'issues');
      assertMask(a.isLabelIssue, e.find_label_issues.prune_by_noise_rate, c.n, 'isLabelIssue');
      assertClose(
        a.labelQuality,
        e.label_quality_scores.self_confidence.adjust_pred_probs_false,
        REL_ARITH,
        'labelQuality',
      );
      assertClose(a.thresholds, e.confident_thresholds, REL_ARITH, 'thresholds');
      assert.deepEqual(a.confidentJoint, e.confident_joint.calibrated);
      assert.deepEqual(a.confidentJointUncalibrated, e.confident_joint.uncalibrated);
      assertMatrixClose(a.joint, e.estimate_joint, REL_ARITH, 'joint');
      const latent = e.estimate_py_and_noise_matrices_from_probabilities;
      assertClose(a.py, latent.py, REL_ARITH, 'py');
      assertMatrixClose(a.noiseMatrix, latent.noise_matrix, REL_ARITH, 'noiseMatrix');
      assertMatrixClose(a.inverseNoiseMatrix, latent.inverse_noise_matrix, REL_ARITH, 'inverseNoiseMatrix');
      assert.equal(a.numLabelIssues, e.num_label_issues.off_diagonal);
      assertClose([a.healthScore], [e.dataset.overall_label_health_score], REL_ARITH, 'healthScore');
      assertTable(a.classQuality, e.dataset.rank_classes_by_label_quality, CLASS_FIELDS, 'classQuality');
      assertTable(a.overlappingClasses, e.dataset.find_overlapping_classes, OVERLAP_FIELDS, 'overlappingClasses');
      // Per-example columns.
      const counts = new Array(c.numClasses).fill(0);
      c.labels.forEach((y) => counts[y]++);
      assert.deepEqual(a.labelCounts, counts);
      for (let i = 0; i < c.n; i++) {
        const row = c.rows[i];
        const argmax = row.indexOf(Math.max(...row));
        assert.equal(a.predictedLabel[i], argmax, `predictedLabel[${i}]`);
        assert.equal(a.givenProbability[i], row[c.labels[i]], `givenProbability[${i}]`);
        assert.equal(a.suggestedProbability[i], row[a.suggestedLabel[i]], `suggestedProbability[${i}]`);
        const cjLabel = a.confidentJointLabel[i];
        assert.ok(cjLabel >= -1 && cjLabel < c.numClasses);
        assert.equal(a.suggestedLabel[i], cjLabel >= 0 ? cjLabel : argmax, `suggestedLabel[${i}]`);
      }
      // Same audit from an array of rows.
      assert.deepEqual(ls.audit(rowsData), a);
      // Options: another filter, another ranking, no ranking.
      const pbc = ls.audit(data, { filterBy: 'prune_by_class', rankBy: 'normalized_margin' });
      assert.equal(pbc.filterBy, 'prune_by_class');
      assert.equal(pbc.rankBy, 'normalized_margin');
      assertMask(pbc.isLabelIssue, e.find_label_issues.prune_by_class, c.n, 'audit prune_by_class');
      assertClose(
        pbc.labelQuality,
        e.label_quality_scores.normalized_margin.adjust_pred_probs_false,
        REL_ARITH,
        'audit normalized_margin',
      );
      const unranked = ls.audit(data, { rankBy: 'none' });
      assert.equal(unranked.rankBy, 'none');
      assertIndices(unranked.issues, e.find_label_issues.prune_by_noise_rate, 'audit rankBy none');
      const asym = ls.audit(data, { asymmetric: true });
      assertTable(
        asym.overlappingClasses,
        e.dataset.find_overlapping_classes__asymmetric,
        OVERLAP_FIELDS,
        'audit asymmetric',
      );
    });
  });
}
