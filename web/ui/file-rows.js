// One row of the Files list (intake.js): a file's name (wrapping at _ - . /), size, role and why,
// with its label-column menu (asking first when that would change results with decisions) and the
// role menu.
import { h, uid } from './dom.js';
import { containBidi, formatBytes, formatCount, isolate, listPhrase } from './format.js';
import { ROLE_NAMES } from './roles.js';

/** The column the reader actually took as labels (source.labelsColumn is 1-based), if known. */
export function readLabelColumn(entry, dataset) {
  // Computed here: the dataset's source is the computed table, the label column the trainer's.
  if (dataset?.computed) return entry.role === 'combined' ? dataset.computed.labelColumnName || null : null;
  const column = dataset?.source?.labelsColumn;
  return (entry.role === 'combined' || pickable(entry)) && column > 0 ? (entry.columns?.[column - 1] ?? null) : null;
}

/**
 * A labels file that is a table (several named columns, e.g. beside a probabilities file): its label column can be
 * chosen.
 */
function pickable(entry) {
  return entry.role === 'labels' && (entry.columns?.length ?? 0) > 1;
}

export function canSwap(entries) {
  return (
    entries.filter((e) => e.role === 'labels').length === 1 &&
    entries.filter((e) => e.role === 'predProbs').length === 1
  );
}

export function fileRow(entry, index, handlers, labelColumn, dataset) {
  const roleId = uid('role');
  // A table of features (the sniffer's guess, or probabilities computed from it) is not one of probabilities.
  const featuresTable = dataset?.computed || (!dataset && entry.looksLikeFeatures);
  const roleName = (value, label) => (value === 'combined' && featuresTable ? 'Labels + features (one table)' : label);
  const role = h(
    'select',
    { id: roleId, onchange: (e) => handlers.onRole(index, e.target.value) },
    Object.entries(ROLE_NAMES).map(([value, label]) =>
      h('option', { value, selected: value === entry.role }, roleName(value, label)),
    ),
  );
  let columnPicker = null;
  if ((entry.role === 'combined' || pickable(entry)) && entry.columns) {
    const columnId = uid('labelcol');
    // The column the reader took (or the person chose); before a read, none is claimed, except the
    // one a labels table names as such (sniffFile's labelColumn).
    const named = pickable(entry) && entry.columns.includes(entry.labelColumn) ? entry.labelColumn : null;
    const current = labelColumn ?? named ?? '';
    const select = h(
      'select',
      {
        id: columnId,
        class: 'label-column',
        onchange: () => askColumn(li, select, current, () => handlers.onLabelColumn(select.value, index), handlers),
      },
      current ? null : h('option', { value: '', selected: true, disabled: true }, 'Choose…'),
      entry.columns.map((c) => h('option', { value: c, selected: c === current }, c)),
    );
    columnPicker = h('span', { class: 'file-field' }, h('label', { for: columnId }, 'Label column'), select);
  }
  const li = h(
    'li',
    { class: 'file' },
    h('span', { class: 'file-name' }, wrappableName(entry.file.name)),
    h('span', { class: 'file-size' }, formatBytes(entry.file.size)),
    h('span', { class: 'file-field' }, h('label', { for: roleId }, 'Used as'), role),
    columnPicker ?? h('span', { class: 'file-field' }),
    h('span', { class: 'file-reason' }, reasonText(entry, Boolean(columnPicker))),
  );
  return li;
}

/**
 * A file name as text that may wrap after _ - . / (a <wbr> after each; not after the extension's dot), so a
 * narrow column breaks "tickets_probs_" / "short.csv", never inside a word. Its text stays the name; a name with
 * direction controls stays one piece (contained as a whole, dom.js).
 */
export function wrappableName(name) {
  if (containBidi(name) !== name) return name;
  const extension = name.lastIndexOf('.');
  const parts = [];
  let start = 0;
  for (let i = 0; i < name.length - 1; i++) {
    if (i === extension || !'_-./'.includes(name[i])) continue;
    parts.push(name.slice(start, i + 1), h('wbr'));
    start = i + 1;
  }
  parts.push(name.slice(start));
  return parts;
}

/**
 * Another label column chosen while results with the person's decisions are shown: asked first, under the file
 * (the results go; the decisions stay kept under the column they were made on, and come back with it). read(): the
 * change, once confirmed; without decisions at stake it is made at once (choosing the column back reads the same).
 */
function askColumn(li, select, current, read, handlers) {
  li.querySelector('.column-ask')?.remove();
  const decided = current ? (handlers.decisionsShown?.() ?? 0) : 0;
  if (!decided || select.value === current) return read();
  const next = select.value;
  const keep = () => {
    select.value = current;
    question.remove();
    select.focus();
  };
  const question = h(
    'div',
    { class: 'column-ask', role: 'group', 'aria-label': 'Change the label column?' },
    h(
      'p',
      {},
      `Read the labels from ‘${isolate(next)}’ instead of ‘${isolate(current)}’? The results below go. ` +
        (decided === 1
          ? `Your decision on them is kept with ‘${isolate(current)}’ and comes back when you choose it again.`
          : `Your ${formatCount(decided)} decisions on them are kept with ‘${isolate(current)}’ and come back ` +
            'when you choose it again.'),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'column-ask-read',
        onclick: () => {
          question.remove();
          read();
        },
      },
      `Read ‘${isolate(next)}’`,
    ),
    h('button', { type: 'button', class: 'quiet column-ask-keep', onclick: keep }, `Keep ‘${isolate(current)}’`),
  );
  li.append(question);
  question.querySelector('button')?.focus();
  return undefined;
}

/**
 * Why a file is used as it is: what the person chose (its role, a swap, its label column) says so; otherwise the
 * reader's guess and what it was guessed from.
 */
export function reasonText(entry, hasPicker) {
  const chosen = [];
  if (entry.chosenBy === 'you') chosen.push('its use');
  if (entry.chosenBy === 'swap') chosen.push('labels ⇄ probabilities swapped');
  if (hasPicker && entry.chosenLabelColumn != null)
    chosen.push(`the label column ‘${isolate(entry.chosenLabelColumn)}’`);
  if (chosen.length) return `Chosen by you: ${listPhrase(chosen)}`;
  return entry.reason ? `Guessed from: ${entry.reason}` : '';
}
