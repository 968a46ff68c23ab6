// Which column of a labelled table is used as what, shown before and after computing
// probabilities here, each with a role that can be changed: the label, a number, a category
// (one-hot, its levels listed), the free text, or not used. Columns the reader never uses as a
// feature keep their reason (an id, known truth, probabilities); a constant column is marked
// dropped. The choices go to crossValProbs as its columnRoles option (src/js/cross-val.js).
import { h, uid } from './dom.js';

/** The role names offered, by the value crossValProbs' columnRoles takes. */
export const ROLE_LABELS = {
  label: 'Label',
  numeric: 'Number',
  categorical: 'Category (one-hot)',
  text: 'Free text (words)',
  ignore: 'Not used',
};

// Uses the reader may choose that no person can (shown as the column's own, unchangeable role).
const FIXED_LABELS = {
  truth: 'Known truth — never a feature',
};
// Automatic uses that mean "not a feature", shown as such with the reason, but changeable.
const EXCLUDED_LABELS = {
  id: 'Id-like — not used',
  probability: 'Probability — not used',
  ignored: 'Not used',
};

/** The role value a column has now: the reader's use, in columnRoles' words. */
export function roleOf(column) {
  if (column.use === 'ignored') return 'ignore';
  return column.use;
}

/**
 * columnRoles for crossValProbs: the roles that differ from the reader's choice. columns: the
 * report's columns; chosen: {name: role} as selected.
 */
export function changedRoles(columns, chosen) {
  const out = {};
  for (const c of columns) {
    const role = chosen[c.name];
    if (role === undefined || role === roleOf(c)) continue;
    // Choosing "not used" for an id or probability column is what the reader did already.
    if (role === 'ignore' && (c.use === 'id' || c.use === 'probability')) continue;
    out[c.name] = role;
  }
  return out;
}

/**
 * Selecting a role that only one column can have (label, text) moves it: the column that had it
 * becomes "not used". Returns the new {name: role}.
 */
export function chooseRole(columns, chosen, name, role) {
  const next = { ...chosen, [name]: role };
  if (role === 'label' || role === 'text') {
    for (const c of columns) {
      if (c.name !== name && (next[c.name] ?? roleOf(c)) === role) next[c.name] = 'ignore';
    }
  }
  return next;
}

/** A few words about a column: why it has its use, its levels, missing cells, constant. */
export function columnDetail(c) {
  const parts = [];
  if (c.reason) parts.push(c.reason);
  if (c.levels) parts.push(`levels: ${c.levels}`);
  if (c.constant) parts.push('the same value on every row: dropped');
  if (c.missing) parts.push(`${c.missing} missing`);
  return parts.join('; ');
}

/**
 * The table: one row per column with a role select. columns: the report's; chosen: {name: role}
 * (the selections so far, over the report's); onChange(nextChosen, name) after every selection.
 */
export function columnRolesTable(columns, chosen, onChange) {
  const caption = h('caption', {}, 'Which column is used as what — change a role, then compute');
  const rows = columns.map((c) => {
    const id = uid('role');
    const current = chosen[c.name] ?? roleOf(c);
    let control;
    if (FIXED_LABELS[c.use]) {
      control = h('span', { class: 'cv-role-fixed', id }, FIXED_LABELS[c.use]);
    } else {
      const options = Object.entries(ROLE_LABELS).map(([value, text]) => h('option', { value }, text));
      if (EXCLUDED_LABELS[c.use] && c.use !== 'ignored') {
        options.unshift(h('option', { value: c.use }, EXCLUDED_LABELS[c.use]));
      }
      control = h(
        'select',
        {
          id,
          class: 'cv-role',
          'data-column': c.name,
          'aria-label': `Role of column ${c.name}`,
          onchange: (event) => onChange(chooseRole(columns, chosen, c.name, event.target.value), c.name),
        },
        options,
      );
      control.value = current;
    }
    const changed = current !== roleOf(c);
    return h(
      'tr',
      { 'data-column': c.name, class: changed ? 'cv-role-changed' : null },
      h('th', { scope: 'row' }, h('label', { for: id, class: 'cv-col' }, c.name)),
      h('td', {}, control),
      h('td', { class: 'cv-role-detail' }, changed ? 'changed by you' : columnDetail(c)),
    );
  });
  return h(
    'table',
    { class: 'cv-roles' },
    caption,
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Column', 'Used as', 'Why'].map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h('tbody', {}, rows),
  );
}

/** The table's styles (part of the panel's sheet). */
export const COLUMN_ROLES_CSS = `
.cv-roles { border-collapse: collapse; margin: 0.5rem 0; width: 100%; font-size: 0.92rem; }
.cv-roles caption { text-align: left; color: var(--ls-muted); font-size: 0.88rem; padding-bottom: 0.25rem; }
.cv-roles th, .cv-roles td { padding: 0.25rem 0.6rem 0.25rem 0; text-align: left; vertical-align: middle;
  border-bottom: 1px solid var(--ls-border); }
.cv-roles thead th { font-weight: 600; }
.cv-roles select { max-width: 100%; font: inherit; color: var(--ls-text); background: var(--ls-bg);
  border: 1px solid var(--ls-border); border-radius: 6px; padding: 0.15rem 0.3rem; }
.cv-roles .cv-role-detail { color: var(--ls-muted); font-size: 0.86rem; overflow-wrap: anywhere; }
.cv-roles .cv-role-fixed { color: var(--ls-muted); }
.cv-roles tr.cv-role-changed th, .cv-roles tr.cv-role-changed .cv-role-detail { color: var(--ls-accent); }
@media (max-width: 600px) {
  .cv-roles thead { display: none; }
  .cv-roles tr { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.3fr); gap: 0.15rem 0.5rem;
    padding: 0.35rem 0; border-bottom: 1px solid var(--ls-border); }
  .cv-roles th, .cv-roles td { border: none; padding: 0; }
  .cv-roles .cv-role-detail { grid-column: 1 / -1; }
}
`;
