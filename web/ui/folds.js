// The number of folds the probabilities are computed with (crossValProbs's `folds`): a small select
// beside each "Compute" of the page, 5 by default as in the CLI. A class with fewer rows than folds
// needs fewer folds (plausibility.js offers its count under that error).
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

/** The folds asked for, as crossValProbs's options take them: {} for the default (the same bits as before). */
export function foldsOption(folds) {
  return Number.isInteger(folds) && folds >= 2 && folds !== DEFAULT_FOLDS ? { folds } : {};
}

export const FOLDS_CSS = `
.cv-folds-choice { display: inline-flex; align-items: center; gap: 0.4rem; font-size: 0.92rem; }
.cv-offer { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 0.9rem; }
.cv-offer .compute-probabilities { margin-top: 0; }`;
