// @ts-check
// What is done with a crossValProbs result (src/js/cross-val.js): audit() takes it as arrays,
// PROBS.csv writes it (the CLI's cross-val, the page's download), and a Dataset reads it back
// exactly, with the table's own columns and the model's warnings.
import { invalid } from './errors.js';
import { csvField } from './exports.js';

/** The mark crossValProbs puts on its results. */
export const RESULT_TAG = 'labelscope.crossVal';

/** Whether a value is a crossValProbs result. */
export function isCrossValResult(data) {
  return data != null && typeof data === 'object' && data[RESULT_TAG] === true;
}

/** What audit() takes from a crossValProbs result; anything else is passed through. */
export function auditInput(data) {
  if (!isCrossValResult(data)) return data;
  return { labels: data.labels, predProbs: data.predProbs, numClasses: data.numClasses };
}

/** The probabilities as CSV text: a header of class names, one row per example, shortest round-trip numbers. */
export function probsCsv(result) {
  const k = result.numClasses;
  const lines = [result.classNames.map(exactField).join(',')];
  const p = result.predProbs;
  for (let i = 0; i < result.numExamples; i++) {
    let line = String(p[i * k]);
    for (let j = 1; j < k; j++) line += `,${p[i * k + j]}`;
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

// Data files (PROBS.csv, the dataset read back): written exactly, no spreadsheet guard (exports.js).
const exactField = (s) => csvField(s, true);

/**
 * A Dataset (as readDataset gives) holding a crossValProbs result's labels and probabilities,
 * with its class names, and the table's own columns (result.extraColumns): read from exact text
 * (every number in its shortest round-trip form, so the same bits), for the methods that take
 * { dataset } and for known-truth precision and recall.
 */
export function datasetFromCrossVal(ls, result) {
  if (!isCrossValResult(result)) throw invalid('datasetFromCrossVal takes the result of crossValProbs.');
  const k = result.numClasses;
  const p = result.predProbs;
  const rows = new Array(result.numExamples);
  for (let i = 0; i < result.numExamples; i++) {
    let line = String(p[i * k]);
    for (let j = 1; j < k; j++) line += `,${p[i * k + j]}`;
    rows[i] = line;
  }
  const extra = result.extraColumns ?? [];
  if (extra.length > 0) {
    // One combined CSV: the label (class index), p_<class> columns (the reader takes exactly
    // those as the probabilities), then the table's own columns.
    const names = new Set(extra.map((c) => c.name.trim().toLowerCase()));
    const labelColumn = ['label', 'given_label', 'labels', 'y'].find((n) => !names.has(n));
    // The probability columns' names: the first prefix none of the table's columns share (its own p_x or prob_x
    // column stays its own; the reader matches names whatever their case).
    const free = (prefix) => result.classNames.every((c) => !names.has(`${prefix}${c}`.trim().toLowerCase()));
    let prefix = ['p_', 'prob_'].find(free) ?? 'p__';
    while (!free(prefix)) prefix += '_'; // a table with both p_<class> and prob_<class> columns: p__<class>
    const probabilityColumns = result.classNames.map((c) => `${prefix}${c}`);
    const header = [labelColumn, ...probabilityColumns, ...extra.map((c) => c.name)];
    const lines = [header.map(exactField).join(',')];
    for (let i = 0; i < result.numExamples; i++) {
      lines.push([result.labels[i], rows[i], ...extra.map((c) => exactField(c.values[i]))].join(','));
    }
    // Exactly these columns are the probabilities: a column of the table named p_score or prob_x is its own.
    return ls
      .readDataset(
        { combined: { name: 'cross-validated', data: `${lines.join('\n')}\n` } },
        { labelColumn, probabilityColumns, classNames: result.classNames },
      )
      .then(withModelWarnings);
  }
  return ls
    .readDataset(
      {
        labels: { name: 'labels', data: `${Array.from(result.labels).join('\n')}\n` },
        predProbs: { name: 'pred_probs (cross-validated)', data: `${rows.join('\n')}\n` },
      },
      { classNames: result.classNames },
    )
    .then(withModelWarnings);

  // The model's own warnings (weakModelWarnings) go with the data, as the reader's do: the audit's output shows them.
  // One the reader gave already (classes_differ_in_case, of the same class names) is not said twice: the model's
  // words of it stay, in its place (they add crossValProbs' foldCase as a way out).
  function withModelWarnings(dataset) {
    const key = (w) => `${w.code}\u0000${w.code === 'classes_differ_in_case' ? w.classes?.join(',') : w.message}`;
    const model = new Map((result.warnings ?? []).map((w) => [key(w), w]));
    const own = (dataset.warnings ?? []).map((w) => model.get(key(w)) ?? w);
    const said = new Set(own.map(key));
    const more = (result.warnings ?? []).filter((w) => !said.has(key(w)));
    if (more.length || own.some((w, i) => w !== dataset.warnings[i])) dataset.warnings = [...own, ...more];
    return dataset;
  }
}
