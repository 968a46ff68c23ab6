// The review table's view — which rows it shows and in which order (TableView, its default) —
// and the controls of the toolbar above it (ui/review.js builds the toolbar from these).
import { createClassSearch, MAX_LISTED_CLASSES } from './class-search.js';
import { h, uid } from './dom.js';

export const SORT_NAMES = {
  rank: 'Rank',
  index: 'Row',
  given: 'Given label',
  suggested: 'Suggested label',
  quality: 'Label quality',
  pGiven: 'p(given)',
  pSuggested: 'p(suggested)',
};
export const DECIDED_MODES = { any: 'any', undecided: 'not decided yet', decided: 'decided' };
/**
 * What the table shows: which rows (show, given, suggested: a class or -1 for any, decided) and in which order.
 * @typedef {{show: string, given: number, suggested: number, decided: 'any'|'undecided'|'decided',
 *   sortKey: string, descending: boolean}} TableView
 */
/** @type {Readonly<TableView>} */
export const DEFAULT_VIEW = Object.freeze({
  show: 'flagged',
  given: -1,
  suggested: -1,
  decided: 'any',
  sortKey: 'rank',
  descending: false,
});

/** A labelled <select> of [value, text] options for the toolbar. */
export function select(label, options, onChange, extra = {}) {
  const id = uid('sel');
  const control = h(
    'select',
    { id, onchange: (e) => onChange(e.target.value), ...extra },
    options.map(([value, text]) => h('option', { value }, text)),
  );
  return { control, field: h('span', { class: 'toolbar-field' }, h('label', { for: id }, label), control) };
}

/** A class filter: a <select> of every class, or above MAX_LISTED_CLASSES a search (ui/class-search.js). */
export function classFilter(label, names, value, onChange) {
  if (names.length <= MAX_LISTED_CLASSES) {
    const field = select(label, [['-1', 'any'], ...names.map((name, c) => [String(c), name])], (v) =>
      onChange(Number(v)),
    );
    field.control.value = String(value);
    return field;
  }
  const search = createClassSearch({
    names,
    label: `${label} label`,
    placeholder: 'any (type a class)',
    className: 'toolbar-search',
    onPick: (c) => onChange(c),
  });
  search.setClass(value);
  // Emptied: any class again.
  search.input.addEventListener('input', () => {
    if (!search.input.value && value >= 0) onChange(-1);
  });
  const id = uid('sel');
  search.input.id = id;
  return {
    control: search.input,
    field: h('span', { class: 'toolbar-field' }, h('label', { for: id }, label), search.element),
  };
}
