// @ts-check
// A single-label table whose label cells hold sets ('news;politics', 'a|b', JSON arrays): found
// after reading for cross-validation, before any training, so that the person is told to read
// the data as multi-label (ls.multiLabel, the CLI's --multi-label) instead of being advised on
// folds for classes such as 'news;politics'.
import { LabelScopeError } from './errors.js';

/** How many labels a cell holds when read as a set (1 for a plain class name). */
function setSize(cell) {
  const text = cell.trim();
  if (text.startsWith('[') && text.endsWith(']')) {
    try {
      const items = JSON.parse(text);
      if (Array.isArray(items)) return items.length;
    } catch {
      return 1;
    }
  }
  const separator = text.includes(';') ? ';' : text.includes('|') ? '|' : null;
  return separator ? text.split(separator).filter((s) => s.trim() !== '').length : 1;
}

/** Whether any of these label texts (a table's classes as read, e.g. crossValColumns' classNames) is a set. */
export function holdsSets(classNames) {
  return classNames.some((name) => setSize(name) > 1);
}

/**
 * The looks_multi_label error for labels read as classes (info: a feature set's info from the
 * core: classNames, labels, labelsFile, featureReport), or null when no label holds a set.
 * @param {{classNames: string[], labels: ArrayLike<number>, labelsFile?: string,
 *   featureReport?: {columns?: {use: string, column: number}[]}}} info
 * @param {string} file the file named when the info names none
 */
export function looksMultiLabelTable(info, file) {
  const several = info.classNames.map((name) => setSize(name) > 1);
  if (!several.includes(true)) return null;
  let rows = 0;
  let first = -1;
  for (let i = 0; i < info.labels.length; i++) {
    if (!several[info.labels[i]]) continue;
    rows++;
    if (first < 0) first = i;
  }
  const example = info.classNames[info.labels[first]];
  const column = info.featureReport?.columns?.find((c) => c.use === 'label')?.column;
  return new LabelScopeError({
    code: 'looks_multi_label',
    message:
      `The labels look multi-label: ${rows} row${rows === 1 ? ' has' : 's have'} more than one label ` +
      `(e.g. '${example}'). Read them with ls.multiLabel.crossValProbs (in the CLI: add --multi-label).`,
    file: info.labelsFile || file,
    row: first + 1, // the N-th data row
    ...(column > 0 ? { column } : {}),
  });
}
