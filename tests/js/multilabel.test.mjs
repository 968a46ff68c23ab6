// Multi-label data through the public JS API (ls.multiLabel, src/js/multilabel.js): parity with
// every recorded output of the multi-label golden cases (arrays in, and a dataset read from the
// fixture files), readers fed in chunks, bad input with file/row/column, and the
// 'looks_multi_label' error of a single-label read.
// Integers, index lists and masks: exact. + - * / outputs: 1e-12 relative. log/exp outputs (CWE,
// softmin): 1e-10 relative.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';

import {
  assertClose,
  assertIndices,
  assertLabelScopeError,
  assertMask,
  assertRankedByScores,
  chunked,
  GOLDEN,
  goldenCaseNames,
  labelScope,
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
const SECTIONS = [
  'meta',
  'find_label_issues',
  'find_label_issues_ranked',
  'find_label_issues_variants',
  'find_multilabel_issues_per_class',
  'label_quality_scores',
  'label_quality_scores_other_aggregators',
  'label_quality_scores_per_class',
  'confident_joint_multilabel',
  'confident_thresholds_multilabel',
  'estimate_joint_multilabel',
  'num_label_issues_multilabel',
  'multilabel_dataset',
  'warnings',
  'tie_sensitive',
  'stable_sort_values',
];

/** A multi-label golden case: labels.csv has header `labels`, sets `a;b`, and `""` for the empty set. */
export function loadMultiLabelCase(name) {
  const dir = `${GOLDEN}${name}/`;
  const expected = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8'));
  const labelLines = readFileSync(`${dir}labels.csv`, 'utf8')
    .split(/\r?\n/)
    .filter((l, i, a) => i < a.length - 1 || l);
  assert.equal(labelLines[0], 'labels');
  const labels = labelLines.slice(1).map((l) => (l === '""' || l === '' ? [] : l.split(';').map(Number)));
  const probLines = readFileSync(`${dir}pred_probs.csv`, 'utf8').trim().split(/\r?\n/);
  const rows = probLines.slice(1).map((l) => l.split(',').map(Number));
  assert.equal(labels.length, expected.meta.N);
  assert.equal(rows.length, expected.meta.N);
  for (const [path, value] of Object.entries(expected.stable_sort_values ?? {})) {
    const keys = path.split('/').slice(1);
    let node = expected;
    for (const k of keys.slice(0, -1)) node = node[k];
    node[keys.at(-1)] = value;
  }
  return {
    expected,
    labels,
    rows,
    n: rows.length,
    k: rows[0].length,
    labelsText: readFileSync(`${dir}labels.csv`),
    probsText: readFileSync(`${dir}pred_probs.csv`),
  };
}

export const multiLabelCaseNames = () =>
  goldenCaseNames().filter((name) => {
    const meta = JSON.parse(readFileSync(`${GOLDEN}${name}/expected.json`, 'utf8')).meta;
    return meta.multilabel === true;
  });

const rankedKey = (key) =>
  key.endsWith('__adjust_pred_probs')
    ? { method: key.slice(0, -'__adjust_pred_probs'.length), adjust: true }
    : { method: key, adjust: false };

/** Variant names: "<filter_by>" then "__frac_noise_F", "__min_examples_per_class_N", "__ranked_M". */
function variantOptions(key) {
  const [filterBy, ...parts] = key.split('__');
  const o = { filterBy };
  for (const part of parts) {
    if (part.startsWith('frac_noise_')) o.fracNoise = Number(part.slice('frac_noise_'.length));
    else if (part.startsWith('min_examples_per_class_')) o.minExamplesPerClass = Number(part.slice(23));
    else if (part.startsWith('ranked_')) o.returnIndicesRankedBy = part.slice('ranked_'.length);
    else throw new Error(`variant part not understood by this suite: ${part}`);
  }
  return o;
}

/** Every recorded output of one multi-label case, through `on(args)` = { labels, predProbs } or { dataset }. */
function checkCase(c, ml, on) {
  const e = c.expected;
  for (const key of Object.keys(e)) assert.ok(SECTIONS.includes(key), `unchecked section '${key}'`);
  assert.deepEqual(Object.keys(e.find_label_issues).sort(), [...FILTERS].sort());
  for (const filterBy of FILTERS) {
    const r = ml.findLabelIssues({ ...on, filterBy });
    assertMask(r.mask, e.find_label_issues[filterBy], c.n, filterBy);
    assertIndices(r.indices, e.find_label_issues[filterBy], `${filterBy} indices`);
  }
  for (const [key, expected] of Object.entries(e.find_label_issues_ranked)) {
    const { method, adjust } = rankedKey(key);
    const r = ml.findLabelIssues({ ...on, returnIndicesRankedBy: method, adjustPredProbs: adjust });
    if (method === 'confidence_weighted_entropy') {
      const { scores } = ml.getLabelQualityScores({ ...on, method });
      assertRankedByScores(r.indices, expected, scores, REL_LOGEXP, `ranked ${key}`);
    } else {
      assertIndices(r.indices, expected, `ranked ${key}`);
    }
  }
  for (const [key, expected] of Object.entries(e.find_label_issues_variants)) {
    assertIndices(ml.findLabelIssues({ ...on, ...variantOptions(key) }).indices, expected, `variant ${key}`);
  }
  for (const [filterBy, expected] of Object.entries(e.find_multilabel_issues_per_class)) {
    const { perClass } = ml.findIssuesPerClass({ ...on, filterBy });
    assert.equal(perClass.length, c.k);
    perClass.forEach((list, k) => assertIndices(list, expected[k], `per class ${filterBy} [${k}]`));
  }
  for (const [method, byAdjust] of Object.entries(e.label_quality_scores)) {
    for (const [adjustKey, expected] of Object.entries(byAdjust)) {
      const adjustPredProbs = adjustKey === 'adjust_pred_probs_true';
      const rel = method === 'confidence_weighted_entropy' ? REL_LOGEXP : REL_ARITH;
      if (expected.error_type) {
        assert.throws(
          () => ml.getLabelQualityScores({ ...on, method, adjustPredProbs }),
          (err) => err.code === 'invalid_option',
          `${method} ${adjustKey} must fail`,
        );
        continue;
      }
      assertClose(
        ml.getLabelQualityScores({ ...on, method, adjustPredProbs }).scores,
        expected,
        rel,
        `scores ${method} ${adjustKey}`,
      );
    }
  }
  for (const [key, expected] of Object.entries(e.label_quality_scores_other_aggregators)) {
    const [method, agg] = key.split('__');
    let options;
    let rel = REL_ARITH;
    if (agg.startsWith('softmin_t')) {
      options = { aggregator: 'softmin', temperature: Number(agg.slice('softmin_t'.length)) };
      rel = REL_LOGEXP;
    } else if (agg === 'ema_alpha_default_none') {
      options = { aggregator: 'exponential_moving_average', alpha: null };
    } else if (agg.startsWith('ema_alpha')) {
      options = { aggregator: 'exponential_moving_average', alpha: Number(agg.slice('ema_alpha'.length)) };
    } else {
      throw new Error(`aggregator not understood by this suite: ${agg}`);
    }
    assertClose(ml.getLabelQualityScores({ ...on, method, ...options }).scores, expected, rel, `aggregator ${key}`);
  }
  for (const [method, expected] of Object.entries(e.label_quality_scores_per_class)) {
    const { perClass } = ml.getLabelQualityScoresPerClass({ ...on, method });
    const rel = method === 'confidence_weighted_entropy' ? REL_LOGEXP : REL_ARITH;
    expected.forEach((row, i) => assertClose(perClass[i], row, rel, `per-class scores ${method}[${i}]`));
  }
  const cj = ml.computeConfidentJoint(on);
  assert.deepEqual(cj.confidentJoint, e.confident_joint_multilabel.calibrated);
  assert.deepEqual(cj.confidentJointUncalibrated, e.confident_joint_multilabel.uncalibrated);
  e.confident_thresholds_multilabel.forEach((row, k) =>
    assertClose(cj.thresholds[k], row, REL_ARITH, `thresholds[${k}]`),
  );
  e.estimate_joint_multilabel.forEach((m, k) =>
    m.forEach((row, g) => assertClose(cj.joint[k][g], row, REL_ARITH, `joint[${k}][${g}]`)),
  );
  assert.equal(ml.numLabelIssues(on), e.num_label_issues_multilabel);
  const h = ml.healthSummary(on);
  const d = e.multilabel_dataset;
  assertClose([h.overallLabelHealthScore], [d.overall_multilabel_health_score], REL_ARITH, 'health score');
  assert.equal(h.classesByLabelQuality.length, d.rank_classes_by_multilabel_quality.length);
  d.rank_classes_by_multilabel_quality.forEach((row, r) => {
    const q = h.classesByLabelQuality[r];
    assert.equal(q.classIndex, row['Class Index'], `class table row ${r}`);
    assert.equal(q.labelIssues, row['Label Issues']);
    assert.equal(q.inverseLabelIssues, row['Inverse Label Issues']);
    assertClose(
      [q.labelNoise, q.inverseLabelNoise, q.labelQualityScore],
      [row['Label Noise'], row['Inverse Label Noise'], row['Label Quality Score']].map(num),
      REL_ARITH,
      `class ${r}`,
    );
  });
  assert.equal(h.commonIssues.length, d.common_multilabel_issues.length);
  d.common_multilabel_issues.forEach((row, r) => {
    const x = h.commonIssues[r];
    assert.deepEqual(
      [x.classIndex, x.inGivenLabel, x.inSuggestedLabel, x.numExamples],
      [row['Class Index'], row['In Given Label'], row['In Suggested Label'], row['Num Examples']],
      `common issue ${r}`,
    );
    assertClose([x.issueProbability], [row['Issue Probability']], REL_ARITH, `common issue ${r} probability`);
  });
}

test('multi-label golden cases exist (multilabel_tiny_k3 among them)', () => {
  assert.ok(multiLabelCaseNames().includes('multilabel_tiny_k3'));
});

for (const name of multiLabelCaseNames()) {
  describe(`golden ${name} (multi-label)`, () => {
    let c;
    let ls;
    before(async () => {
      c = loadMultiLabelCase(name);
      ls = await labelScope();
    });

    test('every recorded output, from label sets and rows of probabilities', () => {
      checkCase(c, ls.multiLabel, { labels: c.labels, predProbs: c.rows });
    });

    test('every recorded output, from the fixture files read in 7-byte chunks', async () => {
      const dataset = await ls.multiLabel.readDataset({
        labels: { name: 'labels.csv', data: chunked(c.labelsText, 7) },
        predProbs: { name: 'pred_probs.csv', data: chunked(c.probsText, 7) },
      });
      try {
        assert.equal(dataset.numExamples, c.n);
        assert.deepEqual(dataset.labelSets(), c.labels);
        checkCase(c, ls.multiLabel, { dataset });
      } finally {
        dataset.free();
      }
    });

    test('audit: per flagged example what looks missing or extra, health as healthSummary', () => {
      const report = ls.multiLabel.audit({ labels: c.labels, predProbs: c.rows });
      assertIndices(
        report.issues,
        Array.from(
          ls.multiLabel.findLabelIssues({
            labels: c.labels,
            predProbs: c.rows,
            returnIndicesRankedBy: 'self_confidence',
          }).indices,
        ),
        'audit issues',
      );
      assert.equal(report.rows.length, report.issues.length);
      for (const row of report.rows) {
        assert.deepEqual(row.given, c.labels[row.example]);
        for (const k of row.missing) assert.ok(!row.given.includes(k));
        for (const k of row.extra) assert.ok(row.given.includes(k));
        assert.ok(row.missing.length + row.extra.length > 0, `example ${row.example}: nothing looks wrong`);
      }
      assert.equal(
        report.health.overallLabelHealthScore,
        ls.multiLabel.healthSummary({ labels: c.labels, predProbs: c.rows }).overallLabelHealthScore,
      );
    });
  });
}

describe('multi-label readers and errors', () => {
  let ls;
  before(async () => {
    ls = await labelScope();
  });
  const probs = 'news,sport,tech\n0.9,0.1,0.2\n0.8,0.7,0.1\n0.1,0.2,0.3\n0.2,0.9,0.8\n';

  test('every notation of sets gives the same dataset, in any chunking', async () => {
    const notations = [
      'labels\nnews\nnews;sport\n""\nsport;tech\n',
      'labels\nnews\nnews|sport\n\nsport|tech\n',
      'labels\n"[""news""]"\n"[""news"", ""sport""]"\n[]\n"[""sport"",""tech""]"\n',
      'id,label_news,label_sport,label_tech\n1,1,0,0\n2,1,1,0\n3,0,0,0\n4,0,1,1\n',
    ];
    for (const text of notations) {
      for (const size of [1, 5, 1 << 20]) {
        const d = await ls.multiLabel.readDataset({
          labels: { name: 'labels.csv', data: chunked(new TextEncoder().encode(text), size) },
          predProbs: probs,
        });
        assert.deepEqual(d.labelSets(), [[0], [0, 1], [], [1, 2]], text);
        assert.deepEqual(d.classNames, ['news', 'sport', 'tech']);
        d.free();
      }
    }
  });

  test('one combined CSV: the set column by name, p_<class> probabilities, other columns kept', async () => {
    const combined =
      'id,tags,p_news,p_sport,p_tech\n1,news,0.9,0.1,0.2\n2,news;sport,0.8,0.7,0.1\n3,,0.1,0.2,0.3\n' +
      '4,sport;tech,0.2,0.9,0.8\n';
    const data = chunked(new TextEncoder().encode(combined), 3);
    const d = await ls.multiLabel.readDataset({ combined: { name: 'd.csv', data } }, { labelColumn: 'tags' });
    assert.deepEqual(d.labelSets(), [[0], [0, 1], [], [1, 2]]);
    assert.deepEqual(d.classNames, ['news', 'sport', 'tech']);
    assert.deepEqual(d.extraColumns, [{ name: 'id', values: ['1', '2', '3', '4'] }]);
    assert.deepEqual(Array.from(d.probabilityRows(1, 1)), [0.8, 0.7, 0.1]);
    d.free();
    const bad = { name: 'd.csv', data: 'labels,a,b\nx,0.1,0.2\ny,0.3,oops\n' };
    await assertLabelScopeError(() => ls.multiLabel.readDataset({ combined: bad }), 'bad_number', {
      file: 'd.csv',
      row: 2,
      column: 3,
    });
  });

  test('bad sets name file, data row (header not counted) and column', async () => {
    const read = (labels) => ls.multiLabel.readDataset({ labels: { name: 'l.csv', data: labels }, predProbs: probs });
    await assertLabelScopeError(() => read('labels\nnews\nnews;sprot\n""\nsport\n'), 'unknown_class', {
      file: 'l.csv',
      row: 2,
      column: 1,
    });
    await assertLabelScopeError(() => read('labels\nnews\n"[""news"", ""sport"""\n""\nsport\n'), 'bad_label', {
      file: 'l.csv',
      row: 2,
      column: 1,
    });
    await assertLabelScopeError(() => read('labels\nnews;sport\nnews\nnews|tech\ntech\n'), 'bad_label', {
      file: 'l.csv',
      row: 3,
      column: 1,
    });
    await assertLabelScopeError(() => read('labels\n0\n0;7\n""\n1\n'), 'label_out_of_range', {
      file: 'l.csv',
      row: 2,
      column: 1,
    });
  });

  test('a single-label read of label sets fails with looks_multi_label and the count', async () => {
    const labels = 'label\nnews\nnews;sport\ntech\nsport;tech\n';
    const err = await assertLabelScopeError(() => ls.readDataset({ labels, predProbs: probs }), 'looks_multi_label', {
      row: 2,
      column: 1,
    });
    assert.match(err.message, /2 rows have more than one label/);
    assert.match(err.message, /add --multi-label/);
  });

  test('label sets as arrays: validation names the example and the class', async () => {
    const predProbs = [
      [0.9, 0.1],
      [0.2, 0.8],
    ];
    await assertLabelScopeError(
      () => ls.multiLabel.findLabelIssues({ labels: [[0], [5]], predProbs }),
      'label_out_of_range',
      { example: 1, classIndex: 5 },
    );
    await assertLabelScopeError(
      () =>
        ls.multiLabel.getLabelQualityScores({
          labels: [[0], [1]],
          predProbs: [
            [0.9, 0.1],
            [0.2, 0.8],
          ],
          aggregator: 'median',
        }),
      'invalid_option',
    );
  });
});
