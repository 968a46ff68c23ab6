// The four commands: each takes the LabelScope, a Dataset and the parsed flags and returns
// { json, csv: {header, rows}, warnings } for the caller to print in the chosen format.
import { filterBy, findOptions, rankBy, warningsOf } from './analysis-flags.mjs';
import { simulateNoiseCommand } from './cmd-simulate.mjs';
import { dataColumns, FLAGGED_FIELDS } from '../js/exports.js';

function findIssues(ls, dataset, v) {
  const options = { ...findOptions(v), returnIndicesRankedBy: rankBy(v) };
  const result = ls.findLabelIssues({ dataset, ...options });
  const indices = Array.from(result.indices);
  const warnings = warningsOf(dataset.warnings, result.warnings);
  const json = {
    n: dataset.numExamples,
    k: dataset.numClasses,
    filter_by: filterBy(v),
    rank_by: rankBy(v),
    num_issues: indices.length,
    indices,
    warnings,
  };
  if (v.format !== 'csv') return { json, warnings };
  // label_quality and the suggested label come with the audit (same options, same flags).
  const report = ls.audit(dataset, { ...findOptions(v), rankBy: rankBy(v), matrices: 'none' });
  const name = (c) => dataset.classNames[c];
  const rows = indices.map((i, r) => [
    r + 1,
    i,
    report.labelQuality[i],
    name(dataset.labels[i]),
    name(report.suggestedLabel[i]),
  ]);
  return {
    json,
    warnings,
    csv: { header: ['rank', 'index', 'label_quality', 'given_label', 'suggested_label'], rows },
  };
}

function scores(ls, dataset, v) {
  const method = v.method ?? 'self_confidence';
  const adjust = Boolean(v['adjust-pred-probs']);
  const result = ls.getLabelQualityScores({ dataset, method, adjustPredProbs: adjust });
  const values = Array.from(result.scores);
  const warnings = warningsOf(dataset.warnings, result.warnings);
  return {
    json: { method, adjust_pred_probs: adjust, scores: values, warnings },
    warnings,
    csv: { header: ['index', 'score'], rows: values.map((s, i) => [i, s]) },
  };
}

function health(ls, dataset) {
  const report = ls.audit(dataset, {});
  const name = (c) => dataset.classNames[c];
  const warnings = warningsOf(dataset.warnings, report.warnings);
  const json = {
    n: dataset.numExamples,
    k: dataset.numClasses,
    overall_label_health_score: report.healthScore,
    classes: report.classQuality.map((q) => ({
      class: q.classIndex,
      name: name(q.classIndex),
      label_issues: q.labelIssues,
      inverse_label_issues: q.inverseLabelIssues,
      label_noise: q.labelNoise,
      inverse_label_noise: q.inverseLabelNoise,
      label_quality_score: q.labelQualityScore,
    })),
    overlapping_classes: report.overlappingClasses.map((o) => ({
      class_a: o.classA,
      class_b: o.classB,
      name_a: name(o.classA),
      name_b: name(o.classB),
      num_overlapping_examples: o.numOverlappingExamples,
      joint_probability: o.jointProbability,
    })),
    confident_joint: report.confidentJoint,
    noise_matrix: report.noiseMatrix,
    inverse_noise_matrix: report.inverseNoiseMatrix,
    py: report.py,
    warnings,
  };
  return { json, warnings };
}

// The flagged-rows columns (src/js/exports.js: the page's export starts with the same ones).
const FIXED_FIELDS = FLAGGED_FIELDS;

function audit(ls, dataset, v) {
  // The output has no K x K matrix: none is built (800 MB each at K = 10,000).
  const report = ls.audit(dataset, { ...findOptions(v), rankBy: rankBy(v), matrices: 'none' });
  const name = (c) => dataset.classNames[c];
  // id/text columns of a combined file; a name that clashes with a field gets a "data_" prefix.
  const extras = dataColumns(dataset);
  const issues = Array.from(report.issues, (i, r) => {
    const issue = {
      rank: r + 1,
      index: i,
      row: i + 1, // row N = the N-th data row (README, rows)
      given_label: name(dataset.labels[i]),
      suggested_label: name(report.suggestedLabel[i]),
      label_quality: report.labelQuality[i],
      given_probability: report.givenProbability[i],
      suggested_probability: report.suggestedProbability[i],
    };
    for (const { key, values } of extras) issue[key] = values[i];
    return issue;
  });
  const warnings = warningsOf(dataset.warnings, report.warnings);
  const json = {
    n: report.numExamples,
    k: report.numClasses,
    class_names: dataset.classNames,
    filter_by: report.filterBy,
    rank_by: report.rankBy,
    num_issues: issues.length,
    num_label_issues: report.numLabelIssues,
    overall_label_health_score: report.healthScore,
    warnings,
    issues,
  };
  const header = [...FIXED_FIELDS, ...extras.map((e) => e.key)];
  return { json, warnings, csv: { header, rows: issues.map((x) => header.map((h) => x[h])) } };
}

export const RUN = { 'find-issues': findIssues, scores, health, audit, 'simulate-noise': simulateNoiseCommand };
