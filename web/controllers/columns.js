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
  const uses = dataset.computed?.columnUses ?? {};
  const id = named(uses.id) ?? find(ID_NAMES) ?? null;
  const text = named(uses.text) ?? find(TEXT_NAMES) ?? dataset.extraColumns.find((c) => c !== id) ?? null;
  return { id, text };
}
