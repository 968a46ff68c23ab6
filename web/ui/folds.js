// The number of folds the probabilities are computed with (crossValProbs's `folds`): a small select
// beside each "Compute" of the page, 5 by default as in the CLI, and "Compute with N folds" under the
// trainer's too_few_examples (a class, or the table, with fewer rows than folds). The one home of that
// control: the single-label offer (plausibility.js), the columns' panel and the label sets' offer use it.
import { h, uid } from './dom.js';

export const DEFAULT_FOLDS = 5;
const CHOICES = [2, 3, 4, 5, 6, 8, 10];

/** {element, value()}: a labelled "Folds" select. onChange(folds) is called with each new choice. */
export function foldsSelect({ value = DEFAULT_FOLDS, onChange = null } = {}) {
  const id = uid('folds');
  const values = CHOICES.includes(value) ? CHOICES : [...CHOICES, value].sort((a, b) => a - b);
  const select = h(
    'select',
    { id, class: 'cv-folds-select', onchange: () => onChange?.(Number(select.value)) },
    values.map((n) => h('option', { value: String(n), selected: n === value }, String(n))),
  );
  const element = h('span', { class: 'cv-folds-choice' }, h('label', { for: id }, 'Folds'), select);
  return { element, value: () => Number(select.value) };
}

/**
 * A Compute button and its Folds select: the button's words name the folds chosen (text(folds)); onCompute(folds).
 * Returns {button, select (the labelled select's element), value()}.
 */
export function computeWithFolds({ text, onCompute, className = 'compute-probabilities', value = DEFAULT_FOLDS }) {
  const folds = foldsSelect({
    value,
    onChange: (n) => {
      button.textContent = text(n);
    },
  });
  const button = h(
    'button',
    { type: 'button', class: className, onclick: () => onCompute(folds.value()) },
    text(value),
  );
  return { button, select: folds.element, value: folds.value };
}

/**
 * Under the trainer's too_few_examples ("Class x has 3 examples, fewer than the 5 folds", "There are 3 examples, ..."):
 * {what, rows, folds}, the computation possible with as many folds as there are rows; null for another error.
 */
export function fewerFoldsFor(error) {
  if (error?.code !== 'too_few_examples') return null;
  const match = /(?:Class (.+) has|There are) (\d+) examples?, fewer than the (\d+) folds/.exec(
    String(error.message ?? ''),
  );
  if (!match || Number(match[2]) < 2) return null;
  return {
    what: match[1] ? `Class ${match[1]} has` : 'The table has',
    rows: Number(match[2]),
    folds: Number(match[3]),
  };
}

/** "Compute with N folds" under too_few_examples (fewerFoldsFor), or null; onCompute(folds). */
export function fewerFoldsButton(error, onCompute, className = 'compute-probabilities compute-fewer-folds') {
  const small = fewerFoldsFor(error);
  if (!small) return null;
  return h(
    'button',
    { type: 'button', class: className, onclick: () => onCompute(small.rows) },
    `Compute with ${small.rows} folds`,
  );
}

/** The folds asked for, as crossValProbs's options take them: {} for the default (the same bits as before). */
export function foldsOption(folds) {
  return Number.isInteger(folds) && folds >= 2 && folds !== DEFAULT_FOLDS ? { folds } : {};
}

export const FOLDS_CSS = `
.cv-folds-choice { display: inline-flex; align-items: center; gap: 0.4rem; font-size: 0.92rem; }
.cv-offer { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 0.9rem; }
.cv-offer .compute-probabilities { margin-top: 0; }`;
