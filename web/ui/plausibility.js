// When the reader refuses probabilities that look like features ('implausible_probabilities'):
// the way on, under its message. "These are probabilities — analyse anyway" re-reads with the
// reader's allowUnnormalized option (the warning stays with the results); "Compute out-of-sample
// probabilities here" runs cross-validation in this browser — shown only where it is wired
// (canCompute), since the probabilities must come from a model that did not train on those rows.
import { h, uid } from './dom.js';
import { computeWithFolds, fewerFoldsButton, fewerFoldsFor } from './folds.js';

/** handlers: onAnalyseAnyway(on), onCompute() or null; checked: the current choice. */
export function plausibilityChoice({ onAnalyseAnyway, onCompute, checked = false }) {
  const id = uid('anyway');
  const box = h('input', {
    type: 'checkbox',
    id,
    class: 'analyse-anyway',
    checked,
    onchange: () => onAnalyseAnyway(box.checked),
  });
  // The reader's message already says what the columns look like and how to get probabilities.
  return h(
    'div',
    { class: 'plausibility' },
    h('p', { class: 'plausibility-choice' }, box, h('label', { for: id }, 'These are probabilities — analyse anyway')),
    onCompute
      ? h(
          'button',
          { type: 'button', class: 'compute-probabilities', onclick: () => onCompute() },
          'Compute out-of-sample probabilities here — 5-fold cross-validated logistic regression, in your browser',
        )
      : null,
  );
}

// A .npy file's element type in the words numpy users know.
const NPY_TYPES = { '|u1': 'uint8', '<f4': 'float32', '<f8': 'float64', '<i4': 'int32', '<i8': 'int64' };

// A labelled table of features (the sniffer said so, or a Parquet table the reader found no
// probabilities in): whatever the reader's error, the way on is to compute them here.
function featuresWayOn(error, analysis, canCompute) {
  const entry = analysis.entries?.find(
    (e) => (e.role === 'combined' && (e.looksLikeFeatures || e.format === 'parquet')) || e.role === 'features',
  );
  if (!entry || !canCompute || error.code === 'cancelled') return null;
  // No label column found: the reader's message says to choose one (in the list of files) first. A
  // label column found by name with no probability columns beside it (id,text,label) is a table to learn from.
  const labelColumn = analysis.labelColumn ?? entry.labelColumn;
  if (error.code === 'missing_column' && entry.role === 'combined' && !labelColumn) return labelQuestion(entry);
  if (error.code === 'missing_value' || emptyCell(error, entry)) return missingWayOn(error, entry, analysis);
  // The number of folds, beside the button (the reader's 5 by default): a small class may need fewer.
  const folds = computeWithFolds({
    text: (n) =>
      `Compute out-of-sample probabilities here — ${n}-fold cross-validated logistic regression, in your browser`,
    onCompute: (n) => analysis.computeProbabilities({ folds: n }),
  });
  // Which column is used as what, each changeable, before computing (web/ui/column-roles.js).
  const choose = h(
    'button',
    {
      type: 'button',
      class: 'quiet choose-columns',
      onclick: () => analysis.computeProbabilities({ chooseColumns: true, folds: folds.value() }),
    },
    'Choose the columns first',
  );
  // A class with fewer rows than folds (the trainer's too_few_examples): computing with as many folds as it has rows.
  const small = fewerFoldsFor(error);
  const names = entry.columns ?? [];
  const columns =
    names.length === 0
      ? ''
      : ` (${names.length > 8 ? `${names.slice(0, 6).join(', ')}, … ${names.length} columns` : names.join(', ')})`;
  // The label column the person chose (over the sniffer's, if it named one): what makes it a labelled table.
  const chosen = entry.role === 'combined' && analysis.labelColumn;
  const why = chosen
    ? `the label column '${analysis.labelColumn}' next to columns that look like features`
    : (entry.reason ?? 'a label column next to features');
  // The sniffer saw features: the reader's complaint that the labels name no probability column would
  // only confuse — for a labelled table, and for a features file beside a labels file (e.g. two Parquet files).
  // A features file (pixels.npy beside labels.csv, say) read as probabilities: whatever the probability reader says
  // of it (integers, not one column per class) is about probabilities it never held.
  const featuresRead = entry.role === 'features' && (error.code === 'unknown_class' || error.file === entry.file.name);
  // A label column beside text or categories and no numbers (id,text,label): 'no probability columns found'.
  const noProbabilityColumns = error.code === 'missing_column' && entry.role === 'combined' && !!labelColumn;
  const unknownClass = error.code === 'unknown_class' || featuresRead || noProbabilityColumns;
  const type = NPY_TYPES[entry.descr] ?? entry.descr;
  const shape = entry.shape?.length ? ` (${entry.shape.join(' × ')}${type ? ` ${type}` : ''})` : '';
  // The computation that failed (its columns' roles, imputation) with fewer folds.
  const fewer = fewerFoldsButton(error, (n) => analysis.computeProbabilities({ folds: n, again: true }));
  // The small class a spelling of another ('Billing' beside 'billing'): the same computation, each group one class.
  const spellings =
    error.code === 'too_few_examples' && /differ only in capitals or spacing are read apart here/.test(error.message)
      ? h(
          'button',
          {
            type: 'button',
            class: 'compute-probabilities compute-fold-case',
            onclick: () => analysis.computeProbabilities({ foldCase: true }),
          },
          'Read these spellings as one class',
        )
      : null;
  return {
    title: small
      ? `${small.what} too few rows for ${small.folds} folds`
      : 'These columns look like features, not probabilities',
    // Any other error (a bad cell, say, or pixels that hold integers) keeps the reader's message.
    shown:
      entry.looksLikeFeatures && entry.role === 'combined' && unknownClass
        ? { message: `${entry.file.name} is a labelled table${columns}: ${why}.` }
        : entry.role === 'features' && unknownClass
          ? { message: `${entry.file.name} holds features${columns || shape}, not one probability per class.` }
          : null,
    // The action right under the message, the why after it: on a phone the button stays in view.
    hint: null,
    element: h(
      'div',
      { class: 'plausibility' },
      spellings,
      fewer,
      small ? null : h('div', { class: 'cv-offer' }, folds.button, folds.select),
      entry.role === 'features' ? null : choose,
      small
        ? null
        : h(
            'p',
            { class: 'alert-hint' },
            `${entry.role === 'features' ? 'These files have' : `${entry.file.name} has`} labels and columns to ` +
              `learn from, ` +
              'but no out-of-sample predicted probabilities. ' +
              'labelscope can compute them in this tab: each row’s probabilities from a model trained without it. ' +
              'Nothing is uploaded.',
          ),
    ),
    reveal: true,
    // The message is ours (a labelled table, features): the next step of a normal path, not a failure.
    question: unknownClass && !small,
  };
}

/**
 * The probability reader's "The cell is empty" in a table that looks like features (or a features file): a missing
 * feature value, with its ways on (missingWayOn), not a probability that is not a number.
 */
function emptyCell(error, entry) {
  const read = error.code === 'bad_number' && /^The cell is empty/.test(String(error.message ?? ''));
  return read && (!error.file || error.file === entry.file.name) && error.row > 0 && error.column > 0;
}

/**
 * A table to learn from whose label column has no known name (e.g. `outcome`): no broken file, a question — which
 * column holds the labels — answered with the Label column menu in the list of files. `question`: shown as one.
 */
function labelQuestion(entry) {
  const names = entry.columns ?? [];
  const columns = names.length > 8 ? `${names.slice(0, 6).join(', ')}, … ${names.length} columns` : names.join(', ');
  const choose = h(
    'button',
    {
      type: 'button',
      class: 'choose-label-column',
      onclick: () => {
        const menu = choose.getRootNode().querySelector?.('select.label-column');
        menu?.scrollIntoView?.({ block: 'nearest' });
        menu?.focus();
      },
    },
    'Choose the label column',
  );
  return {
    title: 'Which column holds the labels?',
    shown: {
      message:
        `${entry.file.name} looks like a table to learn from${columns ? ` (${columns})` : ''}. ` +
        'Choose its label column with the Label column menu in the list of files: labelscope then computes ' +
        'out-of-sample probabilities from the other columns, in this tab.',
    },
    hint: null,
    element: h('div', { class: 'plausibility' }, choose),
    question: true,
  };
}

/**
 * A missing value found while computing: where it is (once), and the three ways on — fill it in,
 * leave the column out (the table of columns), or compute with missing values imputed, offered here.
 */
function missingWayOn(error, entry, analysis) {
  const name = error.column > 0 ? entry.columns?.[error.column - 1] : null;
  const where = [
    error.row > 0 ? `row ${error.row}` : '',
    name ? `column '${name}'` : error.column > 0 ? `column ${error.column}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const file = error.file || entry.file.name;
  const impute = h(
    'button',
    {
      type: 'button',
      class: 'compute-probabilities compute-imputed',
      onclick: () => analysis.computeProbabilities({ impute: true }),
    },
    'Compute with missing values replaced by the mean',
  );
  const choose = h(
    'button',
    {
      type: 'button',
      class: 'quiet choose-columns',
      onclick: () => analysis.computeProbabilities({ chooseColumns: true }),
    },
    'Choose the columns first',
  );
  return {
    title: `A value is missing in ${file}`,
    shown: {
      message:
        `${where ? `${where[0].toUpperCase()}${where.slice(1)}: a` : 'A'} value is missing. ` +
        'Fill it in and drop the file again, leave the column out of the features (Choose the columns first), ' +
        'or compute with each missing value replaced by the mean of its column in the training folds.',
    },
    hint: null,
    element: h('div', { class: 'plausibility' }, impute, entry.role === 'features' ? null : choose),
    reveal: true,
    question: true, // a table's missing cells are common: a choice to make, not a broken file
  };
}

/**
 * What the person can do about this error beyond fixing the file: {title, hint, element}, or
 * null. analysis: the AnalysisController; client: the worker client (which methods it offers).
 */
export function wayOn(error, analysis, client) {
  // Cross-validation in the browser: shown once the worker has it and the controller is wired for it.
  const canCompute = typeof analysis.computeProbabilities === 'function' && typeof client?.crossValProbs === 'function';
  if (error.code !== 'implausible_probabilities') return featuresWayOn(error, analysis, canCompute);
  return {
    title: canCompute
      ? 'These columns look like features, not probabilities'
      : 'These columns do not look like predicted probabilities',
    hint: canCompute
      ? 'Compute out-of-sample probabilities from them here, drop probabilities instead — or, if these are ' +
        'probabilities, ' +
        'say so below.'
      : 'Drop out-of-sample probabilities instead — or, if these are probabilities, say so below.',
    element: plausibilityChoice({
      checked: analysis.allowUnnormalized,
      onAnalyseAnyway: (on) => analysis.setAllowUnnormalized(on),
      onCompute: canCompute ? () => analysis.computeProbabilities() : null,
    }),
  };
}
