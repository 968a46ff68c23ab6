// What the CLI says about a model it trained itself (--features, --text-column, cross-val): the
// facts a person needs to judge the ranked rows, as the page shows them. modelFacts is the JSON's
// "model" object; modelSummary words the same facts for standard error. The model's judgement
// (weak_model) has one home, the output's warnings: labelscope.mjs prints it after the summary.
import { heldOutScores, percent } from '../js/model-warnings.js';

// Uses of a table's column that make features (src/io/table_builder.cpp), with the summary's words.
const USED = { numeric: 'numbers', categorical: 'categories', text: 'free text' };
const CONSTANT = 'the same value on every row';
const LISTED = 10; // the summary names this many columns of a features file's constant ones, then counts

/**
 * The "model" object of the JSON output from a crossValProbs result: method, folds, seed, c and
 * whether it was chosen, the held-out accuracy against always answering the most common class,
 * and how each column was used ({name, use, reason}, file order; a constant column is 'ignored')
 * or, for a features file (--labels L --features X), its shape and type and its constant columns
 * (not its name: a Parquet file and its CSV give the same bytes).
 */
export function modelFacts(result) {
  const s = result.settings;
  const report = result.featureReport ?? {};
  const scores = heldOutScores(result.folds, result.labels);
  const constant = new Set(report.droppedConstant ?? []);
  const model = {
    method: s.model,
    folds: s.foldsUsed ?? s.folds,
    seed: s.seed,
    c: s.c,
    c_chosen: s.cChosen,
    held_out_accuracy: scores?.accuracy,
    majority_class: scores ? result.classNames[scores.common] : undefined,
    majority_class_accuracy: scores?.majority,
  };
  if (report.columns?.length) {
    model.label_column = report.labelColumn;
    model.columns = report.columns.map(({ name, use, reason }) =>
      USED[use] && constant.has(name) ? { name, use: 'ignored', reason: CONSTANT } : { name, use, reason },
    );
  } else {
    model.feature_shape = report.denseShape;
    model.feature_type = report.denseType;
    model.constant_columns = [...constant];
  }
  return model;
}

const quoted = (name) => `'${name}'`;

/** The summary for standard error: a few lines (without the "labelscope: " prefix), from modelFacts' object. */
export function modelSummary(model) {
  const c = `C = ${model.c} (${model.c_chosen ? 'chosen on held-out rows' : 'as given'})`;
  const lines = [
    `probabilities computed here: logistic regression, ${model.folds}-fold cross-validation (each row is ` +
      `scored by a model trained without it), regularisation ${c}.`,
    `held-out accuracy ${percent(model.held_out_accuracy)}, against ${percent(model.majority_class_accuracy)} ` +
      `for always answering the most common class (${quoted(model.majority_class)}).`,
  ];
  if (model.columns) {
    const used = Object.entries(USED).flatMap(([use, words]) => {
      const names = model.columns.filter((col) => col.use === use).map((col) => col.name);
      const which = use === 'text' ? ` (${names.map(quoted).join(', ')})` : ''; // one: which one was taken
      return names.length ? [`${names.length} with ${words}${which}`] : [];
    });
    lines.push(`columns used: ${used.join(', ')}; labels from ${quoted(model.label_column)}.`);
    const unused = model.columns.filter((col) => !USED[col.use] && col.use !== 'label');
    if (unused.length)
      lines.push(`not used: ${unused.map((col) => `${quoted(col.name)} (${col.reason})`).join('; ')}.`);
  } else {
    const [rows, columns] = model.feature_shape ?? [];
    const constant = model.constant_columns;
    lines.push(
      `features: ${rows} rows x ${columns} numbers (${model.feature_type})` +
        `${constant.length ? `; ${columns - constant.length} used` : ''}.`,
    );
    if (constant.length) {
      const some = constant.slice(0, LISTED).join(', ');
      const more = constant.length > LISTED ? `, and ${constant.length - LISTED} more` : '';
      lines.push(`not used (${CONSTANT}): ${some}${more}.`);
    }
  }
  return lines;
}
