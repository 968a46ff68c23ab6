// Which dropped files hold label sets (multi-label data): a failed single-label read that sets explain, and the
// page's sniffer taught to see sets in files it would take for probabilities, features or a labels column beside
// features. The multi-label controller (multilabel.js) reads what these claim. No DOM here.

/** The single-label read failed in a way multi-label data explains. */
export function looksMultiLabel(error) {
  if (!error || typeof error !== 'object') return false;
  const message = String(error.message ?? '');
  if (error.code === 'looks_multi_label') return true;
  if (error.code === 'missing_column') return /'label_[^']+'/.test(message);
  if (error.code === 'bad_npy') return /must be 1-D/.test(message) && /label/i.test(message);
  // A JSON set of one class (["news"]) is no class name: the first row of a JSON-array file.
  if (error.code === 'unknown_class' || error.code === 'bad_label') return /The label '\s*\[.*\]\s*'/.test(message);
  return false;
}

/**
 * Wraps the page's sniffer: a file it takes for probabilities or features that holds label sets instead (one
 * 0/1 label_<class> column per class, or a 2-D .npy of 0/1 whole numbers) is given the role of
 * labels, so the read that follows says it is multi-label. entry: the sniffer's {file, role, format,
 * columns, firstRow, shape, descr, ...}. client() (the worker client): a labels file of sets beside other columns
 * becomes a table (setsBesideColumns).
 */
export function sniffLabelSetsToo(sniff, client = null) {
  return async (file) => {
    const entry = await sniff(file);
    if (client && !entry.problem && entry.role === 'labels') return setsBesideColumns(entry, client);
    // Taken for probabilities, or (integers, rows not summing to 1) for features such as pixels.
    if (entry.problem || (entry.role !== 'predProbs' && entry.role !== 'features')) return entry;
    if (entry.namedAsProbabilities) return entry; // pred_probs.npy of integers: the reader says what is wrong
    const columns = entry.columns ?? [];
    if (
      entry.format === 'csv' &&
      columns.length > 0 &&
      columns.every((c) => /^label_./i.test(c)) &&
      (entry.firstRow ?? []).every((v) => v === '0' || v === '1')
    ) {
      return { ...entry, role: 'labels', reason: 'one 0/1 label_<class> column per class: label sets (multi-label)' };
    }
    if (
      entry.format === 'npy' &&
      entry.shape?.length === 2 &&
      /^[|<>=]?[biu][1248]?$/.test(entry.descr ?? '') &&
      (await npyHoldsZeroOne(file, entry.descr))
    ) {
      return { ...entry, role: 'labels', reason: `a ${entry.shape.join(' x ')} .npy of 0/1: label sets (multi-label)` };
    }
    return entry;
  };
}

// Columns that name a row, not describe it: no features to learn from.
const ID_COLUMNS = ['id', 'example_id', 'row_id', 'index', 'key', 'uid'];

/**
 * A labels file of sets beside other columns (news.csv: id, text, labels = politics;business) is a table of sets and
 * features: the role of one table, so that alone the one-vs-rest compute is offered (no probabilities to wait for);
 * beside a probabilities file the table still gives the labels (roles.js tableBesideProbabilities).
 */
async function setsBesideColumns(entry, client) {
  const columns = entry.columns ?? [];
  if ((entry.format !== 'csv' && entry.format !== 'tsv') || columns.length < 2) return entry;
  let sniffed;
  try {
    sniffed = await (await client()).multiLabel.sniffLabelSets(entry.file);
  } catch {
    return entry; // no sets the reader recognises: single-label labels, as sniffed
  }
  const others = columns.filter((c, i) => i !== sniffed.column - 1 && !ID_COLUMNS.includes(String(c).toLowerCase()));
  if (!(sniffed.rowsWithSeveral > 0) || others.length === 0) return entry;
  return {
    ...entry,
    role: 'combined',
    labelSets: true,
    looksLikeFeatures: true, // shown as labels + features, its label column the sniffer's
    labelColumn: entry.labelColumn ?? columns[sniffed.column - 1] ?? null,
    reason: `label sets (multi-label) beside ${listColumns(others)}: one table`,
  };
}

const listColumns = (names) =>
  names.length === 1 ? `a '${names[0]}' column` : `the columns ${names.map((n) => `'${n}'`).join(', ')}`;

// Whether the first 64 KB of a .npy's values are all 0 or 1 (pixels and counts are not).
async function npyHoldsZeroOne(file, descr) {
  const head = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  const start = head[6] === 1 ? 10 + head[8] + 256 * head[9] : 12 + head[8] + 256 * head[9] + 65536 * head[10];
  const bytes = new Uint8Array(await file.slice(start, start + 65536).arrayBuffer());
  const size = Number(/\d$/.test(descr) ? descr.slice(-1) : 1);
  const big = descr.startsWith('>');
  for (let at = 0; at + size <= bytes.length; at += size) {
    for (let b = 0; b < size; b++) {
      const v = bytes[at + b];
      const low = big ? b === size - 1 : b === 0;
      if (low ? v > 1 : v !== 0) return false;
    }
  }
  return true;
}
