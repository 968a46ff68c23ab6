// `labelscope cross-val --multi-label`: one-vs-rest out-of-sample probabilities for a labelled
// table whose label column holds sets (ls.multiLabel.crossValProbs, src/learn/one_vs_rest.cpp),
// written as PROBS.csv: a header of the class names, one row of independent per-class
// probabilities per example, for `--multi-label --labels DATA --pred-probs PROBS.csv`.
import { LabelScopeError } from '../js/errors.js';
import { fileChunks } from './input.mjs';
import { foldProgress, progressLine } from './progress.mjs';

export const MULTI_LABEL_CROSS_VAL_HELP = `Multi-label data (a label column of sets: a;b, a|b or JSON arrays; [] for an empty set):
  --multi-label               one binary logistic regression per class, every class on the same
                              folds (stratified by each set's rarest class); PROBS.csv holds one
                              independent probability per class (rows need not sum to 1). Needs
                              --data (one table); then: labelscope audit --multi-label
                              --labels DATA --pred-probs PROBS.csv`;

/** The probabilities (CSV text) of `cross-val --multi-label`. files: [{role, path, size}]. */
export async function multiLabelCrossValCommand(ls, files, values) {
  const table = files.find((f) => f.role === 'combined');
  if (!table || files.length !== 1) {
    throw new LabelScopeError({
      code: 'invalid_option',
      message: 'cross-val --multi-label reads one labelled table: give it with --data (a column of label sets and '
        + 'feature columns).',
    });
  }
  const progress = progressLine(values.quiet);
  const options = {
    onProgress: foldProgress(progress, 'one-vs-rest cross-validation'),
  };
  if (values['label-column'] !== undefined) options.labelColumn = values['label-column'];
  if (values.features !== undefined) options.features = values.features;
  if (values['text-column'] !== undefined) options.textColumn = values['text-column'];
  for (const key of ['folds', 'seed', 'c']) if (values[key] !== undefined) options[key] = Number(values[key]);
  if (values.impute) options.impute = true;
  try {
    const r = await ls.multiLabel.crossValProbs({ combined: { name: table.path, size: table.size, data: fileChunks(table.path) } },
      options);
    const { probsCsv } = await import('../js/cross-val.js'); // loaded when used, as cross-val does
    return probsCsv({ classNames: r.classNames, numClasses: r.numClasses, numExamples: r.numExamples, predProbs: r.probs });
  } finally {
    progress.done();
  }
}
