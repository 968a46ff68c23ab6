// Which passthrough columns of a dataset people see: an id column and a text column, if the data
// has them. Shared by the table, the detail pane, the compact view and the events (no DOM).

const TEXT_NAMES = [
  'text',
  'sentence',
  'title',
  'headline',
  'content',
  'description',
  'caption',
  'name',
  'item',
  'filename',
  'file',
  'path',
  'image',
  'url',
];
const ID_NAMES = ['id', 'example_id', 'row_id', 'key', 'uid'];

/**
 * {id, text}: each a column {name, values} of dataset.extraColumns, or null. Probabilities computed
 * here: the columns the trainer used as an id and as free text (dataset.computed.columnUses, from its
 * feature report), whatever their names; otherwise, or when it found none, by name.
 */
export function displayColumns(dataset) {
  const find = (names) => dataset.extraColumns.find((c) => names.includes(c.name.toLowerCase()));
  const named = (name) => (name ? (dataset.extraColumns.find((c) => c.name === name) ?? null) : null);
  const uses = dataset.computed?.columnUses;
  // Computed here, every column the trainer read is kept (numbers, categories too): its own id and text only.
  if (uses && dataset.computed.columns?.length) return { id: named(uses.id), text: named(uses.text) };
  const id = named(uses?.id) ?? find(ID_NAMES) ?? null;
  const text = named(uses?.text) ?? find(TEXT_NAMES) ?? dataset.extraColumns.find((c) => c !== id) ?? null;
  return { id, text };
}

/**
 * Whether an id column only repeats the row numbers (row N holds N, as a 1..N id does): the Row column
 * already says it, so the table and the compact view leave it out.
 */
export function idIsRowNumber(column) {
  if (!column) return false;
  // Asked on every render of the table and the detail pane: one pass over the ids per column.
  let answer = ROW_NUMBER_IDS.get(column);
  if (answer === undefined) {
    const values = column.values;
    answer = values.length > 0;
    for (let i = 0; i < values.length && answer; i++) if (String(values[i]).trim() !== String(i + 1)) answer = false;
    ROW_NUMBER_IDS.set(column, answer);
  }
  return answer;
}
const ROW_NUMBER_IDS = new WeakMap();

// What the trainer did with each column of a table computed here, in a reviewer's words (short: the pane is narrow).
const USE_WORDS = {
  label: 'the label',
  numeric: 'number',
  categorical: 'category',
  text: 'words',
  id: 'id · not used',
  truth: 'truth · not used',
  probability: 'not used',
  ignored: 'not used',
};

/**
 * Row i's own cells, in file order: [{name, value, use, used, note}]. value: the cell as its file wrote
 * it when `written` (the row's named cells, src/js/written-rows.js namedCells) is given, else as kept (numbers in their
 * shortest form, '' when missing), or null when the column's values were not kept (a column the trainer
 * did not read). use: the trainer's use in words (a table computed here), else ''; used: whether the
 * model learned from it; note: why, for a title. The label column holds the given label.
 * @param {any} dataset @param {number} i @param {{name: string, value: string}[] | null} [written]
 */
export function rowCells(dataset, i, written = null) {
  const computed = dataset.computed?.columns;
  if (!computed?.length)
    return dataset.extraColumns.map((c) => ({ name: c.name, value: c.values[i], use: '', used: false, note: '' }));
  const kept = new Map(dataset.extraColumns.map((c) => [c.name, c]));
  // The file's cells by their columns' names.
  const asWritten = written ? new Map(written.map((c) => [c.name, c.value])) : null;
  const cells = computed.map((c) => {
    const label = c.use === 'label';
    const feature = ['numeric', 'categorical', 'text'].includes(c.use) && !c.constant;
    const use = c.constant ? 'constant · not used' : (USE_WORDS[c.use] ?? c.use);
    const given = label ? dataset.classNames[dataset.labels[i]] : null;
    // The label cell as written while it names the given label (simulated noise may have flipped it).
    const cell = asWritten?.get(c.name);
    const writtenLabel = label && cell?.trim() !== given ? null : cell;
    return {
      name: c.name,
      value: writtenLabel ?? (label ? given : (kept.get(c.name)?.values[i] ?? null)),
      use,
      used: feature,
      note: feature
        ? `The model learned from this column (${c.reason})`
        : c.constant
          ? 'The same on every row'
          : c.reason,
    };
  });
  // Columns of the file the trainer's report does not list (none in a CSV): shown after, as written.
  const listed = new Set(computed.map((c) => c.name));
  for (const c of written ?? []) {
    if (!listed.has(c.name)) cells.push({ name: c.name, value: c.value, use: 'not used', used: false, note: '' });
  }
  return cells;
}

/**
 * Where a table computed here had its label column among the dataset's own columns: {name, at} (before
 * the at-th of dataset.extraColumns), for the full-dataset export; null when the labels came apart.
 */
export function labelPlace(dataset) {
  const computed = dataset.computed;
  if (!computed?.columns?.length || !computed.labelColumnName || computed.labelsFile !== computed.featuresFile)
    return null;
  const kept = new Set(dataset.extraColumns.map((c) => c.name));
  let at = 0;
  for (const c of computed.columns) {
    if (c.use === 'label') return { name: c.name, at };
    if (kept.has(c.name)) at++;
  }
  return null;
}
