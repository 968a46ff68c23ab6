// Choosing one class among many: a text box that lists the few classes whose names match what is
// typed (an ARIA combobox). Above MAX_LISTED_CLASSES classes the page offers this instead of a
// <select> or a button per class, so 1,000 or 10,000 classes cost a dozen DOM nodes, not K.
import { h, uid } from './dom.js';

/** More classes than this: search, never list them all (selects, chips, grids). */
export const MAX_LISTED_CLASSES = 50;
const SHOWN = 8;

const lowered = new WeakMap(); // classNames -> lower-case names (built once per dataset)
function lowerNames(names) {
  let lower = lowered.get(names);
  if (!lower) {
    lower = names.map((n) => String(n).toLowerCase());
    lowered.set(names, lower);
  }
  return lower;
}

/**
 * Indices of the classes matching query, best first: the exact name, names starting with it,
 * names with a word starting with it, then names containing it (each in class order).
 * skip(c): classes to leave out. An empty query lists the first classes.
 * @param {string[]} names @param {string} query @param {number} [limit] @param {(c: number) => boolean} [skip]
 * @returns {number[]}
 */
export function matchClasses(names, query, limit = SHOWN, skip = (c) => c < 0) {
  const q = query.trim().toLowerCase();
  const lower = lowerNames(names);
  const tiers = [[], [], [], []];
  for (let c = 0; c < lower.length; c++) {
    if (skip(c)) continue;
    const name = lower[c];
    let tier = -1;
    if (!q || name === q) tier = 0;
    else if (name.startsWith(q)) tier = 1;
    else if (name.includes(` ${q}`) || name.includes(`_${q}`) || name.includes(`-${q}`)) tier = 2;
    else if (name.includes(q)) tier = 3;
    if (tier < 0) continue;
    tiers[tier].push(c);
    if (!q && tiers[0].length >= limit) break;
  }
  return tiers.flat().slice(0, limit);
}

/**
 * A combobox: { element, input, focus(), clear(), setClass(c) }. onPick(c, event) runs when a
 * class is chosen (Enter, click or tap). skip(c): classes not offered (e.g. the given label).
 * @param {{names: string[], label: string, placeholder?: string, onPick: (c: number, event: Event) => void,
 *   skip?: (c: number) => boolean, className?: string}} options
 */
export function createClassSearch({ names, label, placeholder = 'Type a class name…', onPick, skip, className = '' }) {
  const listId = uid('classes');
  const input = h('input', {
    type: 'search',
    class: 'class-search-input',
    role: 'combobox',
    'aria-label': label,
    placeholder,
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const list = h('ul', { class: 'class-search-list', role: 'listbox', id: listId, 'aria-label': label, hidden: true });
  const status = h('span', { class: 'visually-hidden', 'aria-live': 'polite' });
  const element = h('div', { class: `class-search ${className}`.trim() }, input, list, status);
  let matches = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const mark = (next) => {
    active = next;
    for (const [r, li] of [...list.children].entries()) li.setAttribute('aria-selected', String(r === active));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listId}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const pick = (c, event) => {
    input.value = names[c];
    close();
    onPick(c, event);
  };
  const show = () => {
    matches = matchClasses(names, input.value, SHOWN, skip);
    list.replaceChildren(
      ...matches.map((c, r) =>
        h(
          'li',
          {
            role: 'option',
            id: `${listId}-${r}`,
            class: 'class-search-option',
            'aria-selected': 'false',
            'data-class': c,
            // mousedown, not click: the input keeps focus (and the list stays) until the choice is made.
            onmousedown: (e) => {
              e.preventDefault();
              pick(c, e);
            },
          },
          names[c],
        ),
      ),
    );
    if (!matches.length)
      list.append(h('li', { class: 'class-search-none', role: 'presentation' }, 'No class matches.'));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = matches.length
      ? `${matches.length}${matches.length === SHOWN ? ' or more' : ''} classes match.`
      : 'No class matches.';
    mark(input.value.trim() && matches.length ? 0 : -1);
  };

  input.addEventListener('input', show);
  input.addEventListener('focus', () => {
    if (input.value) show();
  });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (list.hidden) show();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      if (matches.length) mark((active + step + matches.length) % matches.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (list.hidden || !matches.length) show();
      if (matches.length) pick(matches[Math.max(0, active)], event);
    } else if (event.key === 'Escape' && !list.hidden) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
    event.stopPropagation(); // letters typed here are not the table's shortcut keys
  });

  return {
    element,
    input,
    focus: () => input.focus(),
    clear: () => {
      input.value = '';
      close();
    },
    setClass: (c) => {
      input.value = c >= 0 ? names[c] : '';
      close();
    },
  };
}

/**
 * A form field choosing one class or none, whatever K: a <select> ('—' and every class) up to
 * MAX_LISTED_CLASSES classes, a class search above. { element, value ('' or the class index as
 * a string; '-1' for text naming no class), setNames(names), focus(), control }.
 */
export function createClassPicker({ id, label }) {
  const element = h('span', { class: 'class-picker' });
  let names = [];
  let select = null;
  let search = null;
  let picked = -1;
  const picker = {
    element,
    get control() {
      return select ?? search?.input ?? null;
    },
    get value() {
      if (select) return select.value;
      const text = search.input.value.trim();
      if (!text) return '';
      return String(picked >= 0 && names[picked] === search.input.value ? picked : names.indexOf(search.input.value));
    },
    set value(v) {
      if (select) select.value = v;
      else {
        picked = v === '' ? -1 : Number(v);
        search.setClass(picked);
      }
    },
    setNames(next) {
      const describedBy = picker.control?.getAttribute('aria-describedby');
      names = next;
      picked = -1;
      if (names.length <= MAX_LISTED_CLASSES) {
        search = null;
        select = h(
          'select',
          { id, 'aria-label': label },
          h('option', { value: '' }, '—'),
          names.map((n, c) => h('option', { value: String(c) }, n)),
        );
      } else {
        select = null;
        search = createClassSearch({
          names,
          label,
          placeholder: '— (type a class)',
          onPick: (c) => {
            picked = c;
          },
        });
        search.input.id = id;
      }
      if (describedBy) picker.control.setAttribute('aria-describedby', describedBy);
      element.replaceChildren(select ?? search.element);
    },
    focus: () => picker.control.focus(),
  };
  picker.setNames([]);
  return picker;
}
