// "Simulate label noise": the learner makes the noise on any data shown (a demo or dropped
// files) — a share of the labels, optionally only between two classes, with a seed, and for data
// with features whether to train again on the noisy labels. It sets the element's own attributes
// (simulate-noise, seed, noise-pair, noise-probabilities), so the result is what an embedder
// would get with the same attributes. One form, kept across renders so typing is never lost.
import { createClassPicker } from './class-search.js';
import { h, replace } from './dom.js';

let uid = 0;

/**
 * host: the <label-scope> element (its attributes are set); status: the element's progress line
 * (ui/status.js: watch, cancel), mirrored beside the button. Returns {element, update(state)}:
 * state = {classNames, simulation (or null), canRecompute (the data has a features file)}.
 */
export function createNoiseForm(host, status = null) {
  const id = (name) => `lz-make-${name}-${++uid}`;
  const rate = h('input', {
    id: id('rate'),
    type: 'number',
    min: '0',
    max: '100',
    step: '1',
    value: '10',
    inputmode: 'numeric',
  });
  const seed = h('input', { id: id('seed'), type: 'number', min: '0', step: '1', value: '7', inputmode: 'numeric' });
  // A <select> of the classes, or a class search above 50 (ui/class-search.js: K may be 10,000).
  const classA = createClassPicker({ id: id('a'), label: 'First class of the pair' });
  const classB = createClassPicker({ id: id('b'), label: 'Second class of the pair' });
  const probs = h(
    'select',
    { id: id('probs') },
    h('option', { value: 'recompute' }, 'trained again on the noisy labels (honest)'),
    h('option', { value: 'keep' }, 'kept as they are (quicker, flatters the method)'),
  );
  const probsField = h('div', { class: 'lz-field' }, h('label', { for: probs.id }, 'Probabilities'), probs);
  const message = h('p', { class: 'lz-make-msg', role: 'alert' });
  const remove = h('button', { type: 'button', class: 'lz-secondary' }, 'Remove the noise');
  const flip = h('button', { type: 'submit', class: 'lz-reveal' }, 'Flip labels');
  // The run started here (retraining takes seconds to minutes): its progress and Cancel beside the button.
  const runText = h('span', { class: 'lz-run-text' });
  const runBar = h('progress', { max: '1' });
  const runCancel = h('button', { type: 'button', class: 'lz-secondary', onclick: () => status?.cancel() }, 'Cancel');
  const running = h('div', { class: 'lz-run', role: 'status', hidden: true }, runText, runBar, runCancel);
  const form = h(
    'form',
    { class: 'lz-make-form', novalidate: true },
    h('div', { class: 'lz-field' }, h('label', { for: rate.id }, 'Labels to flip (%)'), rate),
    h('div', { class: 'lz-field' }, h('label', { for: seed.id }, 'Seed'), seed),
    h(
      'div',
      { class: 'lz-field' },
      h('span', { id: id('pair') }, 'Only between (optional)'),
      h('div', { class: 'lz-pair-pick' }, classA.element, classB.element),
    ),
    probsField,
    h('div', { class: 'lz-make-actions' }, flip, remove),
    running,
    message,
  );
  const pairLabel = form.querySelector('.lz-field span').id;
  classA.control.setAttribute('aria-describedby', pairLabel);
  classB.control.setAttribute('aria-describedby', pairLabel);
  const element = h(
    'details',
    { class: 'lz-card lz-make' },
    h('summary', null, 'Simulate label noise: flip labels on purpose, then see how many the method finds'),
    h(
      'p',
      { class: 'help' },
      'The flips become the known truth; the same share, pair and seed flip the same rows as ' +
        'the CLI (labelscope simulate-noise) and the JS API (simulateNoise).',
    ),
    form,
  );
  let names = [];
  let shown = null; // the simulation the fields were last set from

  let started = false; // a run started by this form is in progress
  // Busy (aria-busy, ui/element-layout.js): no second Flip until the run in progress ends.
  const busy = () => {
    flip.disabled = host.getAttribute('aria-busy') === 'true';
    if (!flip.disabled) {
      started = false;
      running.hidden = true;
    }
  };
  new MutationObserver(busy).observe(host, { attributes: true, attributeFilter: ['aria-busy'] });
  status?.watch((state) => {
    running.hidden = !state || !started;
    if (!state || !started) return;
    runText.textContent = state.text;
    runCancel.hidden = !state.cancellable;
    if (state.fraction == null) runBar.removeAttribute('value');
    else runBar.value = Math.max(0, Math.min(1, state.fraction));
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (flip.disabled) return; // Enter in a field while a run is in progress
    const percent = Number(rate.value);
    const seedValue = Number(seed.value);
    replace(message);
    if (rate.value.trim() === '' || !(percent >= 0 && percent <= 100))
      return say('Give the share of labels to flip, from 0 to 100 %.', rate);
    if (!Number.isSafeInteger(seedValue) || seedValue < 0) return say('Give a whole number from 0 as the seed.', seed);
    const [a, b] = [classA.value, classB.value];
    if (a === '-1' || b === '-1') return say('Choose a class the list offers.', a === '-1' ? classA : classB);
    if ((a === '') !== (b === ''))
      return say('Choose both classes of the pair, or neither.', a === '' ? classA : classB);
    if (a !== '' && a === b) return say('Choose two different classes.', classB);
    set('noise-matrix', null); // a rate replaces a noise matrix given by the page
    set('noise-pair', a === '' ? null : `${names[Number(a)]},${names[Number(b)]}`);
    set('seed', String(seedValue));
    set('noise-probabilities', probsField.hidden ? null : probs.value);
    started = true;
    set('simulate-noise', String(percent / 100)); // last: the one change that always starts the run
    return undefined;
  });
  remove.addEventListener('click', () => {
    host.removeAttribute('noise-matrix');
    host.removeAttribute('simulate-noise');
  });

  function say(text, field) {
    replace(message, text);
    field.focus();
  }
  function set(name, value) {
    if (value == null) host.removeAttribute(name);
    else if (host.getAttribute(name) !== value || name === 'simulate-noise') host.setAttribute(name, value);
  }

  return {
    element,
    update({ classNames, simulation, canRecompute }) {
      if (classNames.join('\n') !== names.join('\n')) {
        names = [...classNames];
        classA.setNames(names);
        classB.setNames(names);
      }
      probsField.hidden = !canRecompute;
      remove.hidden = !simulation;
      if (simulation && simulation !== shown) {
        // The form shows the noise in force (once per simulation: typing in it is never overwritten).
        if (simulation.rate != null) rate.value = String(Math.round(simulation.rate * 10000) / 100);
        seed.value = String(simulation.seed);
        classA.value = simulation.pair ? String(simulation.pair[0]) : '';
        classB.value = simulation.pair ? String(simulation.pair[1]) : '';
        probs.value = simulation.probabilities === 'kept' ? 'keep' : 'recompute';
      }
      shown = simulation;
    },
  };
}
