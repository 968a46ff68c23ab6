// The analysis settings. Changing one re-runs the audit on the dataset already in the worker's
// memory: no file is read again. Option values are cleanlab's, so its users recognise them.
import { DEFAULT_SETTINGS, FILTER_METHODS, PRUNE_METHODS, RANK_METHODS, settingsHelp } from '../controllers/options.js';
import { h, uid } from './dom.js';

export { auditOptions, DEFAULT_SETTINGS, FILTER_METHODS, RANK_METHODS } from '../controllers/options.js';

function field(label, control, help, target = control) {
  const helpId = uid('help');
  target.setAttribute('aria-describedby', helpId);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: target.id }, label),
    control,
    h('p', { class: 'help', id: helpId }, help),
  );
}

/** Builds the settings form. onChange(settings) fires after each change (sliders: as they move). */
export function createSettings(onChange) {
  let values = { ...DEFAULT_SETTINGS };
  const filterBy = h(
    'select',
    { id: uid('filter') },
    FILTER_METHODS.map(([value, label]) => h('option', { value }, label)),
  );
  const rankBy = h(
    'select',
    { id: uid('rank') },
    RANK_METHODS.map(([value, label]) => h('option', { value }, label)),
  );
  const fracNoise = h('input', { id: uid('frac'), type: 'range', min: '0', max: '1', step: '0.05' });
  const fracOutput = h('output', { class: 'range-value', for: fracNoise.id });
  const minExamples = h('input', { id: uid('min'), type: 'number', min: '0', step: '1', inputmode: 'numeric' });
  const filterHelp = h('span');
  const rankHelp = h('span');
  const pruneNotes = [h('span'), h('span')];
  // The three fields' fixed lines, worded for single labels or for label sets (setMultiLabel).
  const fixed = { rankByField: h('span'), fracNoise: h('span'), minExamplesPerClass: h('span') };
  let sets = false;

  const sync = () => {
    filterBy.value = values.filterBy;
    rankBy.value = values.rankBy;
    fracNoise.value = String(values.fracNoise);
    fracOutput.value = values.fracNoise.toFixed(2);
    minExamples.value = String(values.minExamplesPerClass);
    const help = settingsHelp(values, sets);
    filterHelp.textContent = help.filterBy;
    rankHelp.textContent = help.rankBy;
    for (const [key, span] of Object.entries(fixed)) span.textContent = help[key];
    const prune = PRUNE_METHODS.has(values.filterBy);
    fracNoise.disabled = !prune;
    minExamples.disabled = !prune;
    for (const note of pruneNotes) note.textContent = prune ? '' : ' Used by the prune methods only.';
    current.textContent = [
      values.filterBy,
      `ranked by ${values.rankBy}`,
      ...(prune ? [`frac_noise ${values.fracNoise.toFixed(2)}`, `min ${values.minExamplesPerClass} per class`] : []),
    ].join(' · ');
  };
  const changed = (patch) => {
    values = { ...values, ...patch };
    sync();
    onChange(values);
  };
  filterBy.addEventListener('change', () => changed({ filterBy: filterBy.value }));
  rankBy.addEventListener('change', () => changed({ rankBy: rankBy.value }));
  fracNoise.addEventListener('input', () => changed({ fracNoise: Number(fracNoise.value) }));
  minExamples.addEventListener('change', () => {
    changed({ minExamplesPerClass: Math.max(0, Math.floor(Number(minExamples.value) || 0)) });
  });

  const current = h('span', { class: 'settings-current' });
  const form = h(
    'form',
    { class: 'settings', 'aria-label': 'Analysis settings', onsubmit: (e) => e.preventDefault() },
    field(['Find issues with ', h('code', {}, 'filter_by')], filterBy, filterHelp),
    field(['Rank by ', h('code', {}, 'rank_by')], rankBy, h('span', {}, fixed.rankByField, rankHelp)),
    field(
      ['Fraction of noise ', h('code', {}, 'frac_noise')],
      h('div', { class: 'range' }, fracNoise, fracOutput),
      h('span', {}, fixed.fracNoise, pruneNotes[0]),
      fracNoise,
    ),
    field(
      ['Min. examples per class ', h('code', {}, 'min_examples_per_class')],
      minExamples,
      h('span', {}, fixed.minExamplesPerClass, pruneNotes[1]),
    ),
  );
  // Folded by default: the current values show in the summary line, the form is one click away.
  const element = h(
    'details',
    { class: 'card settings-card' },
    h(
      'summary',
      {},
      h('h2', { class: 'section-title' }, 'Settings'),
      current,
      h('span', { class: 'settings-toggle', 'aria-hidden': 'true' }),
    ),
    h('p', { class: 'help settings-note' }, 'Changes apply at once, to the data already read — nothing is read again.'),
    form,
  );
  sync();
  return {
    element,
    get values() {
      return values;
    },
    /** Words the help texts for label sets (true: the multi-label panel shows the form) or single labels. */
    setMultiLabel(on) {
      sets = Boolean(on);
      sync();
    },
    /** Sets values without firing onChange (e.g. from the element's attributes). */
    set(patch) {
      values = { ...values, ...patch };
      sync();
    },
  };
}
