// @ts-check
// The human-facing exports, shared by the CLI and the page: one CSV writer (RFC 4180, LF line
// ends, spreadsheet-safe cells), the flagged-rows format (which starts with the CLI's audit CSV
// columns) and the full-dataset format. Both load back with readDataset: the label column is
// given_label / label (or a computed table's own, found by its name), the probabilities are the
// p_<class> columns, is_error and true_label are known truth, and the other columns this writes
// (rank, row, suggested_label, ...) are ignored.
//
// Numbers are written in their shortest round-trip form (String(x)), so reading an export back
// gives the same bits. Text cells a spreadsheet would run as a formula get a leading ' (csv-safe.js);
// column headers built from class names (p_<class>) are written exactly, so the reader finds the
// class names as they were. Corrected labels (files.js correctedLabelsFile) and the cross-validated
// PROBS.csv are data files, written exactly: they do not use the guard.
import { spreadsheetSafe } from './csv-safe.js';
import { writtenTableCsv } from './written-export.js';

const QUOTE = /[",\r\n]/;

/** One CSV field: spreadsheet-safe unless `exact`, quoted when it holds , " CR or LF. */
export function csvField(value, exact = false) {
  const text = exact ? (value == null ? '' : String(value)) : spreadsheetSafe(value);
  return QUOTE.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One CSV line (LF-terminated) of `values`; `exact(position)` says which cells are written without
 * the spreadsheet guard (headers built from class names).
 */
export function csvLine(values, exact = null) {
  let line = '';
  for (let c = 0; c < values.length; c++) line += (c === 0 ? '' : ',') + csvField(values[c], exact?.(c) ?? false);
  return `${line}\n`;
}

/** The fixed columns of the flagged-rows format: exactly the CLI's `audit --format csv` columns. */
export const FLAGGED_FIELDS = [
  'rank',
  'index',
  'row',
  'given_label',
  'suggested_label',
  'label_quality',
  'given_probability',
  'suggested_probability',
];

const FULL_FIELDS = [
  'index',
  'row',
  'label',
  'true_label',
  'is_error',
  'suggested_label',
  'is_label_issue',
  'label_quality',
];

/**
 * A person's decision on a row, as every export writes it: decision (accept, keep or relabel) and
 * final_label (the label it leaves: a class name, or a set written a;b). The decisions export has
 * them for each decided row, the all-rows export for every row (blank when not decided).
 */
export const DECIDED_FIELDS = ['decision', 'final_label'];

/**
 * The decisions export's columns after index (from 0), row (1-based data row) and the data's id / text
 * columns (named as in the data): the same for the single-label and the multi-label review.
 */
export const DECISION_FIELDS = [
  'given_label',
  'suggested_label',
  ...DECIDED_FIELDS,
  'label_quality',
  'rank',
  'decided_at',
];

/** The decisions export's header line; `extraNames`: the id / text columns' names, in that order. */
export function decisionsHeader(extraNames) {
  return csvLine(['index', 'row', ...extraNames, ...DECISION_FIELDS]);
}

/**
 * Row i's decision cells (DECIDED_FIELDS): decision and final label's name, blank when not decided.
 * decisions: anything with get(i) -> {decision, label} or null (web/ui/decisions.js Decisions).
 */
export function decidedCells(decisions, i, names) {
  const entry = decisions?.get(i);
  return entry ? [entry.decision, names[entry.label]] : ['', ''];
}

/**
 * One decision as a line of the decisions export: `index`, its row with its id / text cells, the given and
 * suggested label (names, or sets written a;b), the decision, the final label, the label quality, its
 * rank among the flagged rows (null when not flagged) and when it was decided (ms; 0: not known).
 * @param {number} index
 * @param {unknown[]} extraValues
 * @param {{given: string, suggested: string, decision: string, final: string, labelQuality: number,
 *   rank: number | null | undefined, at: number}} decided
 */
export function decisionLine(index, extraValues, { given, suggested, decision, final, labelQuality, rank, at }) {
  return csvLine([
    index,
    index + 1,
    ...extraValues,
    given,
    suggested,
    decision,
    final,
    labelQuality,
    rank ?? '',
    at ? new Date(at).toISOString() : '',
  ]);
}

/**
 * A dataset's id/text columns as export columns: { key, values }. A name that clashes with one of
 * the export's own fields gets a "data_" prefix (the CLI's audit does the same).
 */
export function dataColumns(dataset, reserved = FLAGGED_FIELDS) {
  return (dataset.extraColumns ?? []).map((c) => ({
    key: reserved.includes(c.name) ? `data_${c.name}` : c.name,
    values: c.values,
  }));
}

// .npy integer stores (corrected labels in the input's dtype, multi-label 0/1 sets): setter and bytes per dtype.
const NPY_INTS = {
  i1: [1, 'setInt8'],
  i2: [2, 'setInt16'],
  i4: [4, 'setInt32'],
  i8: [8, 'setBigInt64'],
  u1: [1, 'setUint8'],
  u2: [2, 'setUint16'],
  u4: [4, 'setUint32'],
  u8: [8, 'setBigUint64'],
};

/**
 * A .npy (format 1.0) of integers `values` (row-major) with `shape` (default 1-D), in the dtype `descr`
 * names (little-endian ints, any byte order mark; anything else: int64). The header is padded so the
 * data starts at a multiple of 64 bytes. The one .npy writer of the library, the CLI and the page.
 * @param {ArrayLike<number>} values
 * @param {{descr?: string, shape?: number[]}} [options]
 */
export function npyInts(values, { descr = '<i8', shape = [values.length] } = {}) {
  const match = /^([<|=]?)([iu][1248])$/.exec(descr);
  const code = match ? match[2] : 'i8';
  const [size, setter] = NPY_INTS[code];
  const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let dict = `{'descr': '${size === 1 ? '|' : '<'}${code}', 'fortran_order': False, 'shape': ${tuple}, }`;
  dict += ' '.repeat((64 - ((10 + dict.length + 1) % 64)) % 64);
  dict += '\n';
  const bytes = new Uint8Array(10 + dict.length + values.length * size);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  const view = new DataView(bytes.buffer);
  view.setUint16(8, dict.length, true);
  for (let i = 0; i < dict.length; i++) bytes[10 + i] = dict.charCodeAt(i);
  const start = 10 + dict.length;
  if (size === 1)
    bytes.set(values, start); // 0/1 sets, uint8 labels: no conversion per value
  else
    for (let i = 0; i < values.length; i++)
      view[setter](start + i * size, size === 8 ? BigInt(values[i]) : values[i], true);
  return bytes;
}

/**
 * A .npy of integer labels (class indices) in the dtype the labels file had, N or N x 1 (`twoD`):
 * corrected labels written back as the input was.
 * @param {ArrayLike<number>} labels
 * @param {{descr?: string, twoD?: boolean}} [options]
 */
export function npyLabels(labels, { descr = '<i8', twoD = false } = {}) {
  return npyInts(labels, { descr, shape: twoD ? [labels.length, 1] : [labels.length] });
}

const CHUNK_ROWS = 16384; // probability rows asked for at a time
const LINES_PER_PART = 4096;

/**
 * Visits rows `wanted` (or every row, in order, when null) with their probabilities. `rows(start,
 * count)` may return the Float64Array or a promise of it (a worker's dataset).
 */
async function eachProbabilityRow(n, k, wanted, rows, visit, onProgress) {
  if (wanted && wanted.length < n / 64) {
    // A few rows: ask for each (cheaper than streaming the whole matrix through).
    for (let r = 0; r < wanted.length; r++) {
      visit(wanted[r], await rows(wanted[r], 1));
      if (r % 256 === 0) onProgress?.(r, wanted.length);
    }
    onProgress?.(wanted.length, wanted.length);
    return;
  }
  const keep = wanted ? new Set(wanted) : null;
  const kept = new Map();
  for (let start = 0; start < n; start += CHUNK_ROWS) {
    const count = Math.min(CHUNK_ROWS, n - start);
    const values = await rows(start, count);
    for (let r = 0; r < count; r++) {
      const i = start + r;
      if (!keep) visit(i, values.subarray(r * k, (r + 1) * k));
      else if (keep.has(i)) kept.set(i, values.slice(r * k, (r + 1) * k));
    }
    onProgress?.(start + count, n);
  }
  if (wanted) for (const i of wanted) visit(i, kept.get(i));
}

/** Known truth of row i as is_error: 1 (a confirmed error), 0 (checked, correct) or '' (unknown). */
const isErrorCell = (truth, i) => (truth.status[i] === 1 ? 1 : truth.status[i] === 0 ? 0 : '');

/** Gathers lines into parts of LINES_PER_PART lines (fewer, larger strings for a Blob or a write). */
function partsWriter(first) {
  const parts = [first];
  let lines = '';
  let count = 0;
  return {
    parts,
    push(line) {
      lines += line;
      if (++count === LINES_PER_PART) {
        parts.push(lines);
        lines = '';
        count = 0;
      }
    },
    done() {
      if (lines !== '') parts.push(lines);
      return parts;
    },
  };
}

/**
 * @typedef {{probabilityRows?: (start: number, count: number) => Float64Array,
 *   onProgress?: (progress: any) => void, probabilities?: boolean}} CsvExportOptions
 */
const rowsOf = (dataset, probabilityRows) => probabilityRows ?? ((s, c) => dataset.probabilityRows(s, c));

/**
 * The flagged rows in rank order: rank, index, row (= index + 1, the N-th data row), given_label,
 * suggested_label, label_quality, given_probability, suggested_probability, the dataset's id/text
 * columns, is_error (when `truth` is given: 1, 0 or blank) and p_<class> per class. Returns the
 * text as an array of string parts (a Blob of them, or join them). `probabilities: false` leaves
 * out the p_<class> columns (the CLI's audit CSV).
 * @param {{dataset: any, report: any, truth?: any}} data
 * @param {CsvExportOptions} [options]
 */
export async function flaggedRowsCsv(
  { dataset, report, truth = null },
  { probabilityRows, onProgress, probabilities = true } = {},
) {
  const names = dataset.classNames;
  const extras = dataColumns(dataset, [...FLAGGED_FIELDS, 'is_error']);
  const header = [...FLAGGED_FIELDS, ...extras.map((e) => e.key), ...(truth ? ['is_error'] : [])];
  const firstProbability = header.length;
  if (probabilities) header.push(...names.map((c) => `p_${c}`));
  const out = partsWriter(csvLine(header, (c) => c >= firstProbability));
  const rankOf = new Map();
  report.issues.forEach((i, r) => rankOf.set(i, r + 1));
  const line = (i, probs) =>
    csvLine([
      rankOf.get(i),
      i,
      i + 1,
      names[dataset.labels[i]],
      names[report.suggestedLabel[i]],
      report.labelQuality[i],
      report.givenProbability[i],
      report.suggestedProbability[i],
      ...extras.map((e) => e.values[i]),
      ...(truth ? [isErrorCell(truth, i)] : []),
      ...(probs ?? []),
    ]);
  const issues = Array.from(report.issues);
  if (!probabilities) {
    for (const i of issues) out.push(line(i, null));
    return out.done();
  }
  await eachProbabilityRow(
    dataset.numExamples,
    names.length,
    issues,
    rowsOf(dataset, probabilityRows),
    (i, probs) => out.push(line(i, probs)),
    onProgress,
  );
  return out.done();
}

/**
 * Every row: index, row, the dataset's own columns (in the table's order), label, p_<class> per class,
 * true_label and is_error (when known truth exists), suggested_label, is_label_issue (true/false),
 * label_quality, then the person's decision and final_label (blank when not decided; `decisions`:
 * anything with get(i) -> {decision, label}). true_label is the class the truth gives: the given label
 * for a row checked as correct, the corrected label for a confirmed error (blank when unknown).
 * `labelColumn` ({name, at, byName}): the table's own label column, written with the given labels in its
 * place among the dataset's columns (before the `at`-th), so the table reads as it was; written only there
 * when readDataset takes it as the label by itself: named `label`, or `byName` (the reader found it by its
 * name, as `species` or `category`, when the probabilities were computed, and finds it again here). A label
 * column the reader would not take (one the person chose) is followed by `label`, which the reader takes
 * first. `written` (a WrittenRows of the
 * table the dataset was computed from): the table's own columns are its rows as the file wrote them,
 * every column and every cell byte for byte, in its delimiter (written-export.js); Uint8Array parts.
 * Returns string parts otherwise, as flaggedRowsCsv.
 * @param {{dataset: any, report: any, truth?: any, decisions?: any}} data
 * @param {CsvExportOptions & {labelColumn?: {name: string, at: number, byName?: boolean} | null,
 *   written?: import('./written-rows.js').WrittenRows | null}} [options]
 * @returns {Promise<(string | Uint8Array)[]>}
 */
export async function fullDatasetCsv(
  { dataset, report, truth = null, decisions = null },
  { probabilityRows, onProgress, labelColumn = null, written = null } = {},
) {
  const names = dataset.classNames;
  const given = (i) => names[dataset.labels[i]];
  const trueLabel = trueLabelOf(dataset, truth);
  // After the table's own columns (and label): the probabilities, the truth, the audit, the decisions.
  const after = names.map((c) => `p_${c}`);
  if (trueLabel) after.push('true_label');
  if (truth) after.push('is_error');
  after.push('suggested_label', 'is_label_issue', 'label_quality', ...DECIDED_FIELDS);
  const audit = (i, probs) => {
    const cells = [...probs];
    if (trueLabel) cells.push(trueLabel(i));
    if (truth) cells.push(isErrorCell(truth, i));
    cells.push(
      names[report.suggestedLabel[i]],
      report.isLabelIssue[i] ? 'true' : 'false',
      report.labelQuality[i],
      ...decidedCells(decisions, i, names),
    );
    return cells;
  };
  // The table's label column is the one the reader takes: no `label` column repeats it.
  const labelInPlace = Boolean(labelColumn && (labelColumn.name === 'label' || labelColumn.byName));
  if (written) {
    if (written.numRows !== dataset.numExamples) {
      throw new RangeError(`The table has ${written.numRows} rows, the dataset ${dataset.numExamples}.`);
    }
    return writtenTableCsv(written, {
      before: ['index', 'row'],
      cellsBefore: (i) => [i, i + 1],
      after: [...(labelInPlace ? [] : ['label']), ...after],
      exactAfter: (c) => c - (labelInPlace ? 0 : 1) < names.length && c >= (labelInPlace ? 0 : 1),
      cellsAfter: (i, probs) => (labelInPlace ? audit(i, probs) : [given(i), ...audit(i, probs)]),
      rows: rowsOf(dataset, probabilityRows),
      numClasses: names.length,
      chunkRows: CHUNK_ROWS,
      onProgress,
    });
  }
  const extras = dataColumns(dataset, [...FULL_FIELDS, ...DECIDED_FIELDS]);
  if (labelColumn) {
    const own = labelColumn.name === 'label' || !FULL_FIELDS.includes(labelColumn.name);
    const key = own ? labelColumn.name : `data_${labelColumn.name}`;
    extras.splice(Math.min(Math.max(0, labelColumn.at), extras.length), 0, { key, values: null });
  }
  const header = ['index', 'row', ...extras.map((e) => e.key), ...(labelInPlace ? [] : ['label'])];
  const firstProbability = header.length;
  header.push(...after);
  const lastProbability = firstProbability + names.length;
  const out = partsWriter(csvLine(header, (c) => c >= firstProbability && c < lastProbability));
  await eachProbabilityRow(
    dataset.numExamples,
    names.length,
    null,
    rowsOf(dataset, probabilityRows),
    (i, probs) => {
      out.push(
        csvLine([
          i,
          i + 1,
          ...extras.map((e) => (e.values ? e.values[i] : given(i))),
          ...(labelInPlace ? [] : [given(i)]),
          ...audit(i, probs),
        ]),
      );
    },
    onProgress,
  );
  return out.done();
}

/** true_label of row i from the truth (or the dataset's true_label column), or null when none is known. */
function trueLabelOf(dataset, truth) {
  const names = dataset.classNames;
  if (truth) {
    const corrected = truth.corrected;
    if (!dataset.trueLabels && !(corrected && corrected.some((c) => c >= 0))) return null;
    return (i) => {
      if (truth.status[i] === 0) return names[dataset.labels[i]];
      if (truth.status[i] === 1 && corrected?.[i] >= 0) return names[corrected[i]];
      return '';
    };
  }
  if (!dataset.trueLabels) return null;
  return (i) => (dataset.trueLabels[i] >= 0 ? names[dataset.trueLabels[i]] : '');
}
