// --multi-label on find-issues, scores, health and audit: label sets (a;b, a|b, JSON arrays,
// label_<class> 0/1 columns or .npy N x K) and one independent probability per class, analysed
// with ls.multiLabel (src/js/multilabel.js). Also the hint a single-label read of such labels gives.
import { filterBy, findOptions, rankBy, warningsOf } from './analysis-flags.mjs';
import { fileChunks } from './input.mjs';
import { toCsv, toJson } from './output.mjs';
import { multiLabelCrossVal } from './cmd-cross-val-multilabel.mjs';

export const MULTI_LABEL_OPTIONS = {
  'multi-label': { type: 'boolean' },
  'per-class': { type: 'boolean' },
  aggregator: { type: 'string' },
  alpha: { type: 'string' },
  temperature: { type: 'string' },
};

export const MULTI_LABEL_HELP = `Multi-label data (each example has a set of classes, possibly empty):
  --multi-label               labels hold sets: 'a;b', 'a|b' or JSON arrays ["a","b"] (empty cell =
                              no class), or one 0/1 column per class named label_<class>, or a .npy
                              N x K of 0/1; pred_probs has one independent probability per class
                              (rows need not sum to 1). Every class is a one-vs-rest problem.
                              --data FILE: one CSV with the set column (or label_<class> columns)
                              and one probability column per class (p_<class>, or numeric)
                              --features all|COL,... (or --labels SETS --features X): one-vs-rest
                              probabilities computed first from the data's own features, as
                              cross-val --multi-label computes them (Node CLI)
  --per-class                 find-issues: {"per_class": [[examples flagged for class 0], ...]}
                              (index order, or ranked by --rank-by when it is given)
  --aggregator A              how per-class scores become one score (scores, and the ranking of
                              find-issues/audit): exponential_moving_average (default), softmin,
                              min, max, mean
  --alpha A                   exponential_moving_average weight in [0, 1] (default 0.8; 'none' =
                              2 / (K + 1))
  --temperature T             softmin temperature > 0 (default 0.1)
  health --multi-label prints {"overall_label_health_score","classes":[...],"common_issues":[...]};
  audit --multi-label lists per flagged example its given set and the classes that are probably
  missing or probably extra.`;

/** Usage checks of the multi-label flags (called by args.mjs for every command). */
export function checkMultiLabelValues(command, v, fail) {
  const ml = v['multi-label'];
  for (const flag of ['per-class', 'aggregator', 'alpha', 'temperature']) {
    if (v[flag] !== undefined && !ml) fail(`--${flag} goes with --multi-label.`);
  }
  if (!ml) return;
  if (v['per-class'] && command !== 'find-issues') fail('--per-class goes with find-issues.');
  // --features / --text-column (and cross-val): one-vs-rest probabilities computed first
  // (src/cli/cmd-cross-val-multilabel.mjs), from --data TABLE or --labels SETS --features X.
  if (v.alpha !== undefined) {
    if (v.alpha.trim().toLowerCase() === 'none') v.alpha = null;
    else {
      const a = v.alpha.trim() === '' ? NaN : Number(v.alpha);
      if (!(a >= 0 && a <= 1)) fail(`--alpha must be a number in [0, 1] or 'none'; got '${v.alpha}'.`);
      v.alpha = a;
    }
  }
  if (v.temperature !== undefined) {
    const t = v.temperature.trim() === '' ? NaN : Number(v.temperature);
    if (!(t > 0) || !Number.isFinite(t)) fail(`--temperature must be a number > 0; got '${v.temperature}'.`);
    v.temperature = t;
  }
}

function aggregatorOptions(v) {
  const o = {};
  if (v.aggregator !== undefined) o.aggregator = v.aggregator;
  if (v.alpha !== undefined) o.alpha = v.alpha;
  if (v.temperature !== undefined) o.temperature = v.temperature;
  return o;
}

/** A set written in the labels file's own notation (JSON array, a|b, or a;b). */
function setText(names, notation) {
  if (notation === 'json') return JSON.stringify(names);
  return names.join(notation === 'pipe' ? '|' : ';');
}

// The data the four commands analyse: a MultiLabelDataset read from files, or the label sets and
// one-vs-rest probabilities of a cross-validation (labelscope audit --multi-label --features).
// args: what the ls.multiLabel methods take ({ dataset } or { labels, predProbs, numClasses }).
function datasetData(dataset) {
  return { ...dataset, warnings: dataset.warnings, args: { dataset }, auditInput: dataset };
}

function crossValData(r) {
  const arrays = { labels: r.labels, predProbs: r.probs, numClasses: r.numClasses };
  return {
    numExamples: r.numExamples,
    numClasses: r.numClasses,
    classNames: r.classNames,
    notation: r.notation,
    warnings: r.warnings ?? [], // the one-vs-rest models' (weak_model, classes_differ_in_case)
    extraColumns: r.extraColumns ?? [],
    args: arrays,
    auditInput: arrays,
  };
}

function findIssues(ml, dataset, v) {
  if (v['per-class']) {
    const ranked = v['rank-by'] !== undefined && v['rank-by'] !== 'none';
    const options = { ...findOptions(v), ...(ranked ? { returnIndicesRankedBy: v['rank-by'] } : {}) };
    const result = ml.findIssuesPerClass({ ...dataset.args, ...options });
    const perClass = result.perClass.map((list) => Array.from(list));
    const warnings = warningsOf(dataset.warnings, result.warnings);
    const json = {
      n: dataset.numExamples,
      k: dataset.numClasses,
      filter_by: filterBy(v),
      per_class: perClass,
      warnings,
    };
    const rows = perClass.flatMap((list, k) => list.map((i, r) => [dataset.classNames[k], r + 1, i]));
    return { json, warnings, csv: { header: ['class', 'rank', 'index'], rows } };
  }
  const options = { ...findOptions(v), ...aggregatorOptions(v), returnIndicesRankedBy: rankBy(v) };
  const result = ml.findLabelIssues({ ...dataset.args, ...options });
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
  const report = audit(ml, dataset, v).json;
  const rows = report.issues.map((x) => [x.rank, x.index, x.label_quality, setText(x.given_labels, dataset.notation)]);
  return { json, warnings, csv: { header: ['rank', 'index', 'label_quality', 'given_labels'], rows } };
}

function scores(ml, dataset, v) {
  const method = v.method ?? 'self_confidence';
  const adjust = Boolean(v['adjust-pred-probs']);
  const result = ml.getLabelQualityScores({
    ...dataset.args,
    method,
    adjustPredProbs: adjust,
    ...aggregatorOptions(v),
  });
  const values = Array.from(result.scores);
  const warnings = warningsOf(dataset.warnings, result.warnings);
  return {
    json: {
      method,
      adjust_pred_probs: adjust,
      aggregator: v.aggregator ?? 'exponential_moving_average',
      scores: values,
      warnings,
    },
    warnings,
    csv: { header: ['index', 'score'], rows: values.map((s, i) => [i, s]) },
  };
}

function health(ml, dataset) {
  const h = ml.healthSummary({ ...dataset.args });
  const name = (c) => dataset.classNames[c];
  const warnings = warningsOf(dataset.warnings, h.warnings);
  const json = {
    n: dataset.numExamples,
    k: dataset.numClasses,
    overall_label_health_score: h.overallLabelHealthScore,
    classes: h.classesByLabelQuality.map((q) => ({
      class: q.classIndex,
      name: name(q.classIndex),
      label_issues: q.labelIssues,
      inverse_label_issues: q.inverseLabelIssues,
      label_noise: q.labelNoise,
      inverse_label_noise: q.inverseLabelNoise,
      label_quality_score: q.labelQualityScore,
    })),
    common_issues: h.commonIssues.map((c) => ({
      class: c.classIndex,
      name: name(c.classIndex),
      in_given_label: c.inGivenLabel,
      in_suggested_label: c.inSuggestedLabel,
      num_examples: c.numExamples,
      issue_probability: c.issueProbability,
    })),
    warnings,
  };
  return { json, warnings };
}

const FIXED_FIELDS = ['rank', 'index', 'row', 'given_labels', 'probably_missing', 'probably_extra', 'label_quality'];

function audit(ml, dataset, v) {
  const options = { ...findOptions(v), ...aggregatorOptions(v), rankBy: rankBy(v) };
  const report = ml.audit(dataset.auditInput, options);
  const names = (list) => list.map((c) => dataset.classNames[c]);
  const extras = (dataset.extraColumns ?? []).map((c) => ({
    key: FIXED_FIELDS.includes(c.name) ? `data_${c.name}` : c.name,
    values: c.values,
  }));
  const issues = report.rows.map((r, rank) => {
    const issue = {
      rank: rank + 1,
      index: r.example,
      row: r.example + 1, // the N-th data row
      given_labels: names(r.given),
      probably_missing: names(r.missing),
      probably_extra: names(r.extra),
      label_quality: report.labelQuality[r.example],
    };
    for (const { key, values } of extras) issue[key] = values[r.example];
    return issue;
  });
  const warnings = warningsOf(dataset.warnings, report.warnings);
  const json = {
    n: report.numExamples,
    k: report.numClasses,
    class_names: dataset.classNames,
    multi_label: true,
    filter_by: filterBy(v),
    rank_by: rankBy(v),
    num_issues: issues.length,
    num_label_issues: report.numLabelIssues,
    overall_label_health_score: report.health.overallLabelHealthScore,
    warnings,
    issues,
  };
  const header = [...FIXED_FIELDS, ...extras.map((e) => e.key)];
  const cell = (x, h) => (Array.isArray(x[h]) ? setText(x[h], dataset.notation) : x[h]);
  return { json, warnings, csv: { header, rows: issues.map((x) => header.map((h) => cell(x, h))) } };
}

const RUN = { 'find-issues': findIssues, scores, health, audit };

/**
 * Reads the files as multi-label data (or, for a feature run, computes one-vs-rest probabilities
 * from them first), runs the command, returns the text to print.
 */
export async function multiLabelRun(ls, command, files, values, progress, say, featureRun = false) {
  const ml = ls.multiLabel;
  let dataset = null;
  let data;
  if (featureRun) {
    data = crossValData(await multiLabelCrossVal(ls, files, values));
  } else {
    const input = {};
    for (const { role, path, size } of files) input[role] = { name: path, size, data: fileChunks(path) };
    const options = { onProgress: (p) => progress.update(p) };
    if (values['label-column'] !== undefined) options.labelColumn = values['label-column'];
    dataset = await ml.readDataset(input, options);
    data = datasetData(dataset);
  }
  try {
    progress.step(`analysing ${data.numExamples} examples...`);
    const result = RUN[command](ml, data, values);
    progress.clear();
    if (values.format === 'csv') {
      for (const w of result.warnings) say(`labelscope: warning: ${w.message}`);
      return toCsv(result.csv.header, result.csv.rows);
    }
    return `${toJson(result.json)}\n`;
  } finally {
    dataset?.free();
  }
}

/**
 * A single-label read that failed on labels such as 'news;sport' (code looks_multi_label from
 * the JS API): the CLI's message, with the count of rows holding several labels.
 */
export async function multiLabelHint(error, ls, files) {
  if (error?.name !== 'LabelScopeError' || error.code !== 'looks_multi_label') return error;
  // The labels file, or one table holding the labels and the probability columns.
  const labels = files.find((f) => f.role === 'labels') ?? files.find((f) => f.role === 'combined');
  // The trainer's table check (src/js/label-sets-hint.js) counted the rows already.
  let rows = Number(/(\d+) rows? ha(?:s|ve) more than one label/.exec(error.message)?.[1] ?? 0);
  if (labels && rows === 0) {
    const source = { name: labels.path, size: labels.size, data: fileChunks(labels.path) };
    const sniffed = await ls.multiLabel.sniffLabelSets(source, labels.role);
    rows = sniffed.rowsWithSeveral;
    if (rows > 0 && sniffed.firstRow > 0) error.row = sniffed.firstRow;
    if (rows > 0 && sniffed.column > 0) error.column = sniffed.column;
  }
  const example = /\(e\.g\. ('[^']*')\)/.exec(error.message)?.[1];
  const count = rows > 0 ? `${rows} row${rows === 1 ? ' has' : 's have'} more than one label` : 'a label holds a set';
  error.message = `looks multi-label: ${count}${example ? ` (e.g. ${example})` : ''}: add --multi-label`;
  return error;
}
