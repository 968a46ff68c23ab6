// `labelscope cross-val`, and --features / --text-column for the other commands: out-of-sample
// probabilities computed from the data's own features (k-fold cross-validated logistic
// regression, src/js/cross-val.js), written as PROBS.csv or analysed right away.
import { fileChunks, inputFiles } from './input.mjs';
import { cliWords } from '../js/option-words.js';
import { foldProgress, progressLine } from './progress.mjs';

export const FEATURE_OPTIONS = {
  features: { type: 'string' },
  'text-column': { type: 'string' },
  folds: { type: 'string' },
  seed: { type: 'string' },
  c: { type: 'string' },
  impute: { type: 'boolean' },
  'fold-case': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
};

export const FEATURE_HELP = `Probabilities computed here instead of --pred-probs (k-fold cross-validated logistic
regression on the data's own features):
  --data FILE --features all|COL,COL,...
                              a labelled table (CSV/TSV/Parquet): its feature columns (all = every
                              numeric, categorical and text column chosen automatically)
  --labels L --features X     labels, and an N x D features file (.npy uint8/float32/float64, or a
                              numeric CSV with or without a header)
  --text-column NAME          the free-text column of --data (word n-grams)
  --folds K                   folds (default 5)
  --seed S                    seed of the fold assignment (default 0)
  --c C                       inverse regularisation strength (default: chosen by inner validation)
  --impute                    missing feature values take the training fold's mean (default: error)
  --fold-case                 class names that differ only in capitals or spacing are one class,
                              named by its most common spelling (default: read apart, with a warning)
  --quiet, -q                 no progress and no summary of the model on standard error
  The model is described on standard error (held-out accuracy against always answering the most
  common class, folds, C, how each column was used) and, in JSON, as "model":{"method","folds",
  "seed","c","c_chosen","held_out_accuracy","majority_class","majority_class_accuracy",...}.`;

const CROSS_VAL_HELP = `Usage: labelscope cross-val (--data FILE | --labels L --features X) --out PROBS.csv [options]

Computes out-of-sample predicted probabilities from the data's own features: stratified k-fold
cross-validation of an L2-regularised multinomial logistic regression (each example's
probabilities come from a model that never saw it). Runs in WebAssembly, like the page.

Input (one of):
  --data FILE                 a labelled table (CSV, TSV or Parquet) with a header row; the label
                              column is found by name (label, labels, given_label, y, species,
                              class, target, category) or given with --label-column
  --label-column NAME         with --data: the label column
  --features all|COL,COL,...  with --data: the feature columns (default all: numeric columns,
                              categorical text columns, one free-text column; id-like columns and
                              true_label/is_error are never features)
  --text-column NAME          with --data: the free-text column
  --labels L --features X     labels (CSV/TSV or .npy) and an N x D features file (.npy uint8,
                              float32 or float64, N x H x W images too; or a numeric CSV)

Options:
  --folds K                   folds (default 5); every class needs at least K examples
  --seed S                    seed of the stratified fold assignment (default 0)
  --c C                       inverse regularisation strength (default: chosen by inner validation)
  --impute                    missing feature values take the training fold's mean (default: error)
  --fold-case                 class names that differ only in capitals or spacing are one class,
                              named by its most common spelling (default: read apart, with a warning)
  --quiet, -q                 no progress and no summary of the model on standard error (a
                              terminal shows progress after a second, a pipe or log as whole lines
                              after ten); a weak model's warning is still said

Output:
  --out FILE                  PROBS.csv: a header of the class names, then one row of
                              probabilities per example, in input order (default: standard output)
  Standard error: what the model learned (held-out accuracy against always answering the most
  common class, folds, C, which columns were used and why the others were not).`;

/** The command's entry in COMMANDS (args.mjs). */
export const CROSS_VAL_COMMAND = {
  options: {
    data: { type: 'string' },
    labels: { type: 'string' },
    'label-column': { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    'single-thread': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    ...FEATURE_OPTIONS,
  },
  formats: ['csv'],
  summary: 'out-of-sample probabilities from features (k-fold cross-validation)',
  help: CROSS_VAL_HELP,
};

/** Whether a run computes its probabilities from features (cross-val, or --features/--text-column). */
export function isFeatureRun(command, values) {
  return (
    command === 'cross-val' ||
    (values['pred-probs'] === undefined && (values.features !== undefined || values['text-column'] !== undefined))
  );
}

const wholeNumber = (text, flag, min, fail) => {
  if (text === undefined) return undefined;
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < min) {
    fail(`${flag} must be a whole number >= ${min}; got '${text}'.`);
  }
  return Number(text);
};

/**
 * Checks the flags of a feature run (usage errors: exit 2). Returns true when it was one, so
 * that the usual --labels/--pred-probs checks are skipped.
 */
export function checkFeatureValues(command, v, fail) {
  if (!isFeatureRun(command, v)) {
    if (v.features !== undefined || v['text-column'] !== undefined) {
      fail('give either --pred-probs or --features/--text-column, not both.');
    }
    for (const flag of ['folds', 'seed', 'c', 'impute', 'fold-case']) {
      if (v[flag] !== undefined) fail(`--${flag} goes with --features (probabilities computed from features).`);
    }
    return false;
  }
  if (v['pred-probs'] !== undefined) fail('give either --pred-probs or --features, not both.');
  if (v.data !== undefined && v.labels !== undefined) fail('give either --data or --labels with --features, not both.');
  if (v.data === undefined && v.labels === undefined) {
    fail('missing input: give --data FILE (a labelled table), or --labels L --features X.');
  }
  if (v.labels !== undefined && (v.features === undefined || v.features === 'all')) {
    fail('with --labels, --features names the features file (.npy or CSV).');
  }
  if (v.labels !== undefined && v['text-column'] !== undefined) fail('--text-column goes with --data.');
  if (v.labels !== undefined && v['label-column'] !== undefined) fail('--label-column goes with --data.');
  for (const key of ['labels', 'data', 'out', 'label-column', 'features', 'text-column']) {
    if (v[key] === '') fail(`--${key} needs a value.`);
  }
  v.folds = wholeNumber(v.folds, '--folds', 2, fail);
  v.seed = wholeNumber(v.seed, '--seed', 0, fail);
  if (v.c !== undefined) {
    const c = v.c.trim() === '' ? NaN : Number(v.c);
    if (!(c > 0) || !Number.isFinite(c)) fail(`--c must be a positive number; got '${v.c}'.`);
    v.c = c;
  }
  return true;
}

/** The input files of a feature run, checked (missing files: exit 3 before the module loads). */
export function featureFiles(values) {
  if (values.data !== undefined) return inputFiles({ data: values.data });
  const [labels, features] = inputFiles({ labels: values.labels, 'pred-probs': values.features });
  return [labels, { ...features, role: 'features' }];
}

function options(values, progress) {
  const o = {
    onProgress: foldProgress(progress),
  };
  if (values['label-column'] !== undefined) o.labelColumn = values['label-column'];
  if (values.data !== undefined && values.features !== undefined) o.features = values.features;
  if (values['text-column'] !== undefined) o.textColumn = values['text-column'];
  if (values.folds !== undefined) o.folds = values.folds;
  if (values.seed !== undefined) o.seed = values.seed;
  if (values.c !== undefined) o.c = values.c;
  if (values.impute) o.impute = true;
  if (values['fold-case']) o.foldCase = true;
  return o;
}

/**
 * Cross-validated probabilities from the files of a feature run; `trained(result)`, if given, is
 * told of the model once the progress line is blanked (labelscope.mjs: the summary of the model).
 */
export async function crossValFromFiles(ls, files, values, trained) {
  const input = {};
  for (const { role, path, size } of files) input[role] = { name: path, size, data: fileChunks(path) };
  const progress = progressLine(values.quiet);
  let result;
  try {
    result = await ls.crossValProbs(input, options(values, progress));
  } finally {
    progress.done();
  }
  // Its warnings' advice in the CLI's words ("(--fold-case)"), on standard error and in the JSON alike.
  result.warnings = (result.warnings ?? []).map((w) => ({ ...w, message: cliWords(w.message) }));
  trained?.(result);
  return result;
}

/** A Dataset of cross-validated probabilities, for find-issues, scores, health and audit. */
export async function datasetFromFeatures(ls, files, values, trained) {
  return ls.datasetFromCrossVal(await crossValFromFiles(ls, files, values, trained));
}

/** labelscope cross-val: PROBS.csv text. */
export async function crossValCommand(ls, files, values, trained) {
  const { probsCsv } = await import('../js/cross-val-result.js');
  return probsCsv(await crossValFromFiles(ls, files, values, trained));
}
