// @ts-check
// One-vs-rest out-of-sample probabilities for multi-label data (ls.multiLabel.crossValProbs): a
// labelled table (CSV, TSV or Parquet) whose label column holds sets (a;b, a|b or JSON arrays)
// and feature columns, or a labels file of sets with an N x D features file (.npy, numeric CSV
// or Parquet), read as the single-label trainer reads them (src/js/cross-val.js) but the labels file
// as sets, as ls.multiLabel.readDataset reads it (an empty line: the empty set); one binary
// logistic regression per class, every class on the same cross-validation folds
// (src/learn/one_vs_rest.cpp). The result feeds ls.multiLabel.audit directly.
import { invalid, LabelScopeError, unwrap } from './errors.js';
import { checkOptions } from './inputs.js';
import { crossValSources, feedSource } from './cross-val.js';
import { multiLabelWeakModelWarnings } from './model-warnings.js';
import { caseVariantWarnings } from './class-warnings.js';

export const MULTI_LABEL_CROSS_VAL_OPTIONS = [
  'folds',
  'seed',
  'c',
  'balancedClassWeight',
  'maxIterations',
  'tolerance',
  'labelColumn',
  'features',
  'textColumn',
  'impute',
  'signal',
  'onProgress',
  'model',
];

const cancelled = () => new LabelScopeError({ code: 'cancelled', message: 'Cross-validation was cancelled.' });

function trainOptions(options) {
  const out = {};
  for (const [key, min] of [
    ['folds', 2],
    ['seed', 0],
    ['maxIterations', 1],
  ]) {
    const v = options[key];
    if (v === undefined) continue;
    if (!Number.isSafeInteger(v) || v < min) {
      throw invalid(`${key} must be a whole number >= ${min}; got ${String(v)}.`);
    }
    out[key] = v;
  }
  for (const key of ['c', 'tolerance']) {
    const v = options[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) {
      throw invalid(`${key} must be a positive number; got ${String(v)}.`);
    }
    out[key] = v;
  }
  if (options.balancedClassWeight !== undefined) out.balancedClassWeight = Boolean(options.balancedClassWeight);
  const model = options.model ?? 'logistic_regression';
  if (model !== 'logistic_regression') throw invalid(`model must be 'logistic_regression'; got '${String(model)}'.`);
  return out;
}

function readerOptions(options) {
  const out = {};
  if (options.labelColumn !== undefined) out.labelColumn = String(options.labelColumn);
  if (options.textColumn !== undefined) out.textColumn = String(options.textColumn);
  if (options.impute !== undefined) out.impute = Boolean(options.impute);
  const f = options.features;
  if (f !== undefined && f !== 'all') {
    const list =
      typeof f === 'string'
        ? f
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : f;
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
      throw invalid("features must be 'all', a list of column names, or names separated by commas.");
    }
    out.features = list;
  }
  return out;
}

// The one-vs-rest reader as feedSource (cross-val.js) calls it: a CSV table goes through the
// two-argument beginFile every build of the core has; labels/features files and Parquet
// columns need a core built with them (bind_one_vs_rest.cpp).
function asFeatureReader(reader) {
  return {
    beginFile: (role, name, size) =>
      role === 'combined' ? reader.beginFile(name, size) : reader.beginFile(role, name, size),
    feed: (chunk) => reader.feed(chunk),
    endFile: () => reader.endFile(),
    beginColumns: (name) => reader.beginColumns(name),
    addNumericColumn: (name, values) => reader.addNumericColumn(name, values),
    addStringColumn: (name, values) => reader.addStringColumn(name, values),
    addVectorColumn: (name, dim, values) => reader.addVectorColumn(name, dim, values),
  };
}

/**
 * Reads `input` ({ combined }: one labelled table, CSV/TSV/Parquet; or { labels, features }: a
 * labels file with one set per row and an N x D features file) and returns {probs (N x K
 * Float64Array, one independent probability per class), numExamples, numClasses, classNames,
 * labels: {offsets, classes} (the sets read), notation, rowsWithSeveral, labelColumn, folds,
 * foldsUsed, c, notes, features, extraColumns (a table's id, text and known-truth columns), warnings
 * (classes_differ_in_case; weak_model: multiLabelWeakModelWarnings)}.
 * `core` is the WebAssembly module.
 */
export async function multiLabelCrossValProbs(core, input, options = {}) {
  checkOptions('multiLabel.crossValProbs', options, MULTI_LABEL_CROSS_VAL_OPTIONS);
  const { signal, onProgress } = options;
  const train = trainOptions(options);
  if (input == null || typeof input !== 'object' || (input.combined == null && input.labels == null)) {
    throw invalid(
      'multiLabel.crossValProbs needs { combined } (one table with a column of label sets and feature ' +
        'columns) or { labels, features } (a labels file of sets and an N x D features file).',
    );
  }
  const sources = crossValSources(input);
  const reading = readerOptions(options);
  if (input.combined == null && (reading.features !== undefined || reading.textColumn !== undefined)) {
    throw invalid('features (column names) and textColumn choose columns of a table: give it as { combined }.');
  }
  if (signal?.aborted) throw cancelled();
  const reader = new core.MultiLabelFeatureReader(reading);
  try {
    const progress = { bytesRead: 0, totalBytes: sources.reduce((sum, s) => sum + (s.size || 0), 0) };
    const feeder = asFeatureReader(reader);
    for (const source of sources) await feedSource(feeder, source, signal, onProgress, progress);
    let last = -1;
    const r = unwrap(
      reader.crossVal(train, (foldsDone, numFolds) => {
        if (signal?.aborted) return false;
        if (foldsDone !== last) {
          last = foldsDone;
          onProgress?.({ stage: 'training', foldsDone, numFolds });
        }
        return true;
      }),
    );
    const { offsets, classes, ...rest } = r;
    const counts = new Array(r.classNames.length).fill(0);
    for (let j = 0; j < classes.length; j++) counts[classes[j]]++;
    // As the single-label result's: classes differing only in capitals, a model that learned little.
    const warnings = [
      ...caseVariantWarnings(r.classNames, counts),
      ...multiLabelWeakModelWarnings(r.folds, { offsets, classes }, r.classNames),
    ];
    return { ...rest, labels: { offsets, classes }, warnings };
  } catch (e) {
    if (e instanceof LabelScopeError && e.code === 'cancelled') throw cancelled();
    throw e;
  } finally {
    reader.delete();
  }
}
