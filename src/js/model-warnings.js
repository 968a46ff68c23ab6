// @ts-check
// Warnings about probabilities computed here (crossValProbs): what the model's held-out scores say
// about how far its flags can be trusted.

// Below this share of the way from always answering the most common class to a perfect model, the
// flags say more about the model's uncertainty than about the labels.
const WEAK_MODEL_SKILL = 0.25;

/** "34.7%": a share as the warning words it (one decimal), and the CLI's summary of the model too. */
export const percent = (/** @type {number} */ x) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

/**
 * A warning (as the reader's: {code, message, count}) when the held-out accuracy is close to that of
 * always answering the most common class: the model learned little from the columns, so most rows
 * look doubtful to it and many are flagged. The page and the CLI show it with the results.
 */
export function weakModelWarnings(folds, labels, classNames) {
  const scores = heldOutScores(folds, labels);
  if (scores === null) return [];
  const { accuracy, majority, common } = scores;
  if (majority >= 1 || (accuracy - majority) / (1 - majority) >= WEAK_MODEL_SKILL) return [];
  return [
    {
      code: 'weak_model',
      count: 1,
      example: -1,
      classIndex: common,
      message:
        `The model computed here learned little from these columns: its held-out accuracy is ${percent(accuracy)}, ` +
        `against ${percent(majority)} for always answering the most common class ('${classNames[common]}'). ` +
        'Many rows look doubtful to such a model, so the flags say more about its uncertainty than about the ' +
        'labels: read them with care, or add rows or more informative columns.',
    },
  ];
}

/**
 * The held-out accuracy of the folds (each fold weighted by its rows) and that of always answering
 * the most common class (`common`, the lowest index on a tie), or null without labels or folds:
 * the numbers weakModelWarnings judges, also shown by the CLI's summary of the model.
 * @param {ArrayLike<{ accuracy: number, testRows: number }>} folds
 * @param {ArrayLike<number>} labels
 * @returns {{ accuracy: number, majority: number, common: number } | null}
 */
export function heldOutScores(folds, labels) {
  const n = labels.length;
  if (n === 0 || folds.length === 0) return null;
  const counts = new Map();
  for (let i = 0; i < n; i++) counts.set(labels[i], (counts.get(labels[i]) ?? 0) + 1);
  let common = -1;
  for (const [y, c] of counts)
    if (common < 0 || c > counts.get(common) || (c === counts.get(common) && y < common)) common = y;
  const majority = counts.get(common) / n;
  const accuracy = Array.from(folds).reduce((s, f) => s + f.accuracy * f.testRows, 0) / n;
  return { accuracy, majority, common };
}

// At or above this held-out accuracy no given label looks wrong to the model: a column probably carries the label.
const PERFECT_ACCURACY = 0.995;
// A column with more distinct values than this many per class is not read as a copy of the label.
const LEAK_LEVELS_PER_CLASS = 2;

/**
 * A warning when the model's answers cannot be trusted to question the labels because the features give the label
 * away: 'label_leak' when a column used as a feature determines the label (every value of it goes with one class,
 * and it has at most two values per class: a copy or a recoding of the label, 'pclass' beside 'class'), naming the
 * columns; else 'perfect_model' when the held-out accuracy is 99.5% or more. Either way no row looks mislabelled,
 * 0 flagged and a health of 1 say nothing about the labels.
 * @param {ArrayLike<{ accuracy: number, testRows: number }>} folds
 * @param {ArrayLike<number>} labels
 * @param {string[]} classNames
 * @param {{ name: string, values: string[] }[]} columns the table's columns as read (crossValProbs' extraColumns)
 * @param {{ name: string, use: string, reason?: string }[]} uses each column's use (featureReport.columns)
 */
export function leakWarnings(folds, labels, classNames, columns = [], uses = []) {
  const scores = heldOutScores(folds, labels);
  if (scores === null) return [];
  const used = new Set(uses.filter((u) => FEATURE_USES.has(u.use)).map((u) => u.name));
  const leaks = columns.filter((c) => used.has(c.name) && determinesLabel(c.values, labels, classNames.length));
  // The label column, when it was a guess among candidates (its reason names them): another may be the label.
  const label = uses.find((u) => u.use === 'label');
  const guessed = label?.reason?.includes('a guess by its name')
    ? ` ('${label.name}' was a guess: ${guessWords(label.reason)})`
    : '';
  const accuracy = `its held-out accuracy is ${percent(scores.accuracy)}`;
  if (leaks.length > 0) {
    const names = leaks.map((c) => `'${c.name}'`);
    const list =
      names.length === 1 ? `column ${names[0]}` : `columns ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    return [
      {
        code: 'label_leak',
        count: leaks.length,
        example: -1,
        classIndex: -1,
        columns: leaks.map((c) => c.name),
        message:
          `The ${list} ${leaks.length === 1 ? 'determines' : 'each determine'} the label exactly: every value goes ` +
          `with one class, so ${leaks.length === 1 ? 'it is' : 'they are'} probably a copy of the label. ` +
          `The model computed here reads the label from ${leaks.length === 1 ? 'it' : 'them'} (${accuracy}), ` +
          'so no row can look mislabelled: 0 flagged and a health near 1 say nothing about the labels. ' +
          `Leave ${leaks.length === 1 ? 'it' : 'them'} out of the features, or choose another label column${guessed}.`,
      },
    ];
  }
  if (scores.accuracy < PERFECT_ACCURACY) return [];
  return [
    {
      code: 'perfect_model',
      count: 1,
      example: -1,
      classIndex: -1,
      message:
        `The model computed here predicts the labels almost perfectly: ${accuracy}. Either the classes are that ` +
        'easy to tell apart, or a column gives the label away (a copy of it, or something decided from it): ' +
        'then no row can look mislabelled, and few flags and a high health say little about the labels. ' +
        `Check the columns used; leave out any that holds the label, or choose another label column${guessed}.`,
    },
  ];
}

const FEATURE_USES = new Set(['numeric', 'categorical', 'text']);

// "'survived' (the first column, 2 values) could be the label too": the candidates of a label reason (label_column.hpp).
const guessWords = (reason) =>
  reason.replace(/^.*?a guess by its name: /, '').replace(/; if (it|one) is, choose it .*$/, '');

/** Whether every present value of a column goes with one class, with at most two values per class. */
function determinesLabel(values, labels, numClasses) {
  const classOf = new Map();
  const limit = LEAK_LEVELS_PER_CLASS * numClasses;
  let present = 0;
  for (let i = 0; i < labels.length; i++) {
    const v = values[i];
    if (v === '' || v === undefined) continue;
    present++;
    const c = classOf.get(v);
    if (c === undefined) {
      if (classOf.size === limit) return false;
      classOf.set(v, labels[i]);
    } else if (c !== labels[i]) {
      return false;
    }
  }
  // A value seen once says nothing: most rows must share a value with another row.
  return present > 0 && classOf.size * 2 <= present;
}

/**
 * The weak_model rule for one-vs-rest probabilities (ls.multiLabel.crossValProbs): the held-out accuracy per
 * (row, class) against that of answering, for every class, whichever of present or absent is more common for it
 * (for most classes: always absent, an empty set for every row). Less than a quarter of the way from it to 1, the
 * models learned little. `offsets`, `classes`: the label sets in CSR form.
 * @param {ArrayLike<{ accuracy: number, testRows: number }>} folds
 * @param {{ offsets: ArrayLike<number>, classes: ArrayLike<number> }} sets
 * @param {string[]} classNames
 */
export function multiLabelWeakModelWarnings(folds, sets, classNames) {
  const n = sets.offsets.length - 1;
  const k = classNames.length;
  if (n <= 0 || k === 0 || folds.length === 0 || !Array.from(folds).some((f) => f.testRows > 0)) return [];
  const present = new Array(k).fill(0);
  for (let j = 0; j < sets.classes.length; j++) present[sets.classes[j]]++;
  const majority = present.reduce((s, p) => s + Math.max(p, n - p), 0) / (n * k);
  const tested = Array.from(folds).reduce((s, f) => s + f.testRows, 0);
  const accuracy = Array.from(folds).reduce((s, f) => s + f.accuracy * f.testRows, 0) / tested;
  if (majority >= 1 || (accuracy - majority) / (1 - majority) >= WEAK_MODEL_SKILL) return [];
  const mostlyAbsent = present.filter((p) => p * 2 < n).length;
  return [
    {
      code: 'weak_model',
      count: 1,
      example: -1,
      classIndex: -1,
      message:
        `The one-vs-rest models computed here learned little from these columns: their held-out accuracy per ` +
        `(row, class) is ${percent(accuracy)}, against ${percent(majority)} for answering, for every class, ` +
        `whichever of in the set or not is more common (not in the set for ${mostlyAbsent} of ${k} classes: ` +
        'an empty set for most rows). Many rows look doubtful to such models, so the flags say more about their ' +
        'uncertainty than about the labels: read them with care, or add rows or more informative columns.',
    },
  ];
}
