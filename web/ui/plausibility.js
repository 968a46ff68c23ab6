// When the reader refuses probabilities that look like features ('implausible_probabilities'):
// the way on, under its message. "These are probabilities — analyse anyway" re-reads with the
// reader's allowUnnormalized option (the warning stays with the results); "Compute out-of-sample
// probabilities here" runs cross-validation in this browser — shown only where it is wired
// (canCompute), since the probabilities must come from a model that did not train on those rows.
import { h, uid } from './dom.js';

/** handlers: onAnalyseAnyway(on), onCompute() or null; checked: the current choice. */
export function plausibilityChoice({ onAnalyseAnyway, onCompute, checked = false }) {
  const id = uid('anyway');
  const box = h('input', { type: 'checkbox', id, class: 'analyse-anyway', checked, onchange: () => onAnalyseAnyway(box.checked) });
  // The reader's message already says what the columns look like and how to get probabilities.
  return h('div', { class: 'plausibility' },
    h('p', { class: 'plausibility-choice' }, box, h('label', { for: id }, 'These are probabilities — analyse anyway')),
    onCompute
      ? h('button', { type: 'button', class: 'compute-probabilities', onclick: () => onCompute() }, 'Compute out-of-sample probabilities here')
      : null);
}
