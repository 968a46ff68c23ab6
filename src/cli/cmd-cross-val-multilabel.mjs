// `labelscope cross-val --multi-label`: one-vs-rest out-of-sample probabilities for a labelled
// table whose label column holds sets, or a labels file of sets and a features file
// (ls.multiLabel.crossValProbs, src/learn/one_vs_rest.cpp), written as PROBS.csv: a header of the
// class names, one row of independent per-class probabilities per example, for
// `--multi-label --labels DATA --pred-probs PROBS.csv`. The same probabilities feed
// `audit --multi-label --features ...` directly (src/cli/cmd-multilabel.mjs).
import { LabelScopeError } from '../js/errors.js';
import { fileChunks } from './input.mjs';
import { foldProgress, progressLine } from './progress.mjs';

export const MULTI_LABEL_CROSS_VAL_HELP = `Multi-label data (a label column of sets: a;b, a|b or JSON arrays; [] for an empty set):
  --multi-label               one binary logistic regression per class, every class on the same
                              folds (stratified by each set's rarest class); PROBS.csv holds one
                              independent probability per class (rows need not sum to 1). Reads
                              --data TABLE (CSV, TSV or Parquet) or --labels SETS --features X
                              (.npy, numeric CSV or Parquet); then: labelscope audit --multi-label
                              --labels DATA --pred-probs PROBS.csv (or audit --multi-label
                              --data TABLE --features all in one step)`;

/**
 * One-vs-rest probabilities (ls.multiLabel.crossValProbs's result) from the files of a feature
 * run: [{role: 'combined'}] or [{role: 'labels'}, {role: 'features'}], each {role, path, size}.
 */
export async function multiLabelCrossVal(ls, files, values) {
  const roles = files.map((f) => f.role).join(',');
  if (roles !== 'combined' && roles !== 'labels,features') {
    throw new LabelScopeError({
      code: 'invalid_option',
      message:
        'one-vs-rest cross-validation reads one labelled table (--data) or a labels file of sets and a ' +
        'features file (--labels SETS --features X).',
    });
  }
  const input = {};
  for (const { role, path, size } of files) input[role] = { name: path, size, data: fileChunks(path) };
  const progress = progressLine(values.quiet);
  const options = {
    onProgress: foldProgress(progress, 'one-vs-rest cross-validation'),
  };
  if (values['label-column'] !== undefined) options.labelColumn = values['label-column'];
  if (values.data !== undefined && values.features !== undefined) options.features = values.features;
  if (values['text-column'] !== undefined) options.textColumn = values['text-column'];
  for (const key of ['folds', 'seed', 'c']) if (values[key] !== undefined) options[key] = Number(values[key]);
  if (values.impute) options.impute = true;
  try {
    return await ls.multiLabel.crossValProbs(input, options);
  } finally {
    progress.done();
  }
}

/**
 * The probabilities (CSV text) of `cross-val --multi-label`. files: [{role, path, size}];
 * `warn(result)` says the models' warnings (PROBS.csv has no place for them).
 */
export async function multiLabelCrossValCommand(ls, files, values, warn) {
  const r = await multiLabelCrossVal(ls, files, values);
  warn?.(r);
  const { probsCsv } = await import('../js/cross-val-result.js'); // loaded when used, as cross-val does
  return probsCsv({
    classNames: r.classNames,
    numClasses: r.numClasses,
    numExamples: r.numExamples,
    predProbs: r.probs,
  });
}
