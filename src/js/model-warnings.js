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
