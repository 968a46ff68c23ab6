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

/**
 * What the person can do about this error beyond fixing the file: {title, hint, element}, or
 * null. analysis: the AnalysisController; client: the worker client (which methods it offers).
 */
export function wayOn(error, analysis, client) {
  if (error.code !== 'implausible_probabilities') return null;
  // Cross-validation in the browser: shown once the worker has it and the controller is wired for it.
  const canCompute = typeof analysis.computeProbabilities === 'function' && typeof client?.crossValProbs === 'function';
  return {
    title: 'These columns do not look like predicted probabilities',
    hint: 'Drop out-of-sample probabilities instead — or, if these are probabilities, say so below.',
    element: plausibilityChoice({
      checked: analysis.allowUnnormalized,
      onAnalyseAnyway: (on) => analysis.setAllowUnnormalized(on),
      onCompute: canCompute ? () => analysis.computeProbabilities() : null,
    }),
  };
}
