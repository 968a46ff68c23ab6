// @ts-check
// Warnings about probabilities computed here (crossValProbs): what the model's held-out scores say
// about how far its flags can be trusted.

// Below this share of the way from always answering the most common class to a perfect model, the
// flags say more about the model's uncertainty than about the labels.
const WEAK_MODEL_SKILL = 0.25;

/**
 * A warning (as the reader's: {code, message, count}) when the held-out accuracy is close to that of
 * always answering the most common class: the model learned little from the columns, so most rows
 * look doubtful to it and many are flagged. The page and the CLI show it with the results.
 */
export function weakModelWarnings(folds, labels, classNames) {
  const n = labels.length;
  if (n === 0 || folds.length === 0) return [];
  const counts = new Map();
  for (const y of labels) counts.set(y, (counts.get(y) ?? 0) + 1);
  let common = -1;
  for (const [y, c] of counts)
    if (common < 0 || c > counts.get(common) || (c === counts.get(common) && y < common)) common = y;
  const majority = counts.get(common) / n;
  const accuracy = folds.reduce((s, f) => s + f.accuracy * f.testRows, 0) / n;
  if (majority >= 1 || (accuracy - majority) / (1 - majority) >= WEAK_MODEL_SKILL) return [];
  const percent = (x) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
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
