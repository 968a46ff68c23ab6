// @ts-check
// Known truth: which rows are confirmed label errors — from the data's own columns (true_label,
// is_error) and/or truth files (index, is_error [, corrected_label], like MNIST's truth.csv) — and
// how the flags score against it. Rows nobody checked stay unknown: never counted as right or wrong.
// The page and the CLI ask these; the page has no parser of its own. A truth file is small (one
// line per checked row), so it is read here as text, with RFC 4180 quotes, CRLF and a BOM.
import { LabelScopeError } from './errors.js';

/** Guesses the delimiter from a header line: tab, semicolon or comma. */
export function detectDelimiter(line) {
  if (line.includes('\t')) return '\t';
  if (line.includes(';') && !line.includes(',')) return ';';
  return ',';
}

/**
 * Splits text into rows of cells. `limit` stops after that many rows (for sniffing a file's
 * start); a last line cut off mid-file is dropped when `complete` is false.
 * @param {string} text
 * @param {{delimiter?: string, limit?: number, complete?: boolean}} [options]
 */
export function parseCsv(text, { delimiter, limit = Infinity, complete = true } = {}) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // byte-order mark
  if (delimiter == null) {
    const end = text.indexOf('\n');
    delimiter = detectDelimiter(end < 0 ? text : text.slice(0, end));
  }
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  for (; i < text.length && rows.length < limit; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (complete && rows.length < limit && (cell !== '' || row.length > 0)) {
    row.push(cell);
    rows.push(row);
  }
  // Blank lines carry no data.
  return rows.filter((r) => r.length > 1 || r[0].trim() !== '');
}

const INDEX_NAMES = ['index', 'idx', 'example', 'row_index', 'example_index']; // from 0
const ROW_NAME = 'row'; // row N = the N-th data row, from 1 (labelscope's exports write both)
const ERROR_NAMES = ['is_error', 'is_label_error'];
const CORRECTED_NAMES = ['corrected_label', 'true_label'];
const UNKNOWN = -1;
const CORRECT = 0;
const ERROR = 1;

// row N = the N-th data row of the truth file (header not counted); an error in the header names no row.
function truthError(file, message, row, column) {
  return new LabelScopeError({ code: 'bad_truth_file', message, file, row, column });
}

/**
 * Parses a truth file (its text) against the dataset it describes: { file, entries: [{ index,
 * isError, corrected (class index or -1) }] }. Throws a LabelScopeError (code bad_truth_file) naming
 * the file, data row and column.
 */
export function parseTruthFile(text, file, dataset) {
  const rows = parseCsv(text);
  const header = (rows[0] ?? []).map((c) => c.trim().toLowerCase());
  let indexCol = header.findIndex((c) => INDEX_NAMES.includes(c));
  const base = indexCol < 0 && header.includes(ROW_NAME) ? 1 : 0;
  if (base === 1) indexCol = header.indexOf(ROW_NAME);
  const errorCol = header.findIndex((c) => ERROR_NAMES.includes(c));
  const correctedCol = header.findIndex((c) => CORRECTED_NAMES.includes(c));
  if (indexCol < 0 || errorCol < 0) {
    throw truthError(
      file,
      "A truth file needs an 'index' column (the row's position in the data, from 0) and an " +
        "'is_error' column (1 = confirmed label error, 0 = checked and correct). " +
        `Its columns are: ${rows[0]?.join(', ') || 'none'}.`,
    );
  }
  const n = dataset.numExamples;
  const entries = [];
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r];
    const indexText = (cells[indexCol] ?? '').trim();
    const index = Number(indexText) - base;
    if (indexText === '' || !Number.isInteger(index) || index < 0 || index >= n) {
      const range = base
        ? `1 to ${n} (row N = the N-th data row)`
        : `0 to ${n - 1} (the row's position in the labels file, counting from 0)`;
      throw truthError(file, `'${indexText}' is not a row of the data: use ${range}.`, r, indexCol + 1);
    }
    const flag = (cells[errorCol] ?? '').trim().toLowerCase();
    if (!['0', '1', 'true', 'false'].includes(flag)) {
      throw truthError(
        file,
        `is_error is '${cells[errorCol] ?? ''}': use 1 (a confirmed label error) or 0 (checked, label correct).`,
        r,
        errorCol + 1,
      );
    }
    entries.push({ index, isError: flag === '1' || flag === 'true', corrected: classOf(cells[correctedCol], dataset) });
  }
  return { file, entries };
}

/** A corrected label given as a class index or a class name; -1 when absent or unknown. */
function classOf(text, dataset) {
  const value = (text ?? '').trim();
  if (value === '') return -1;
  const byName = dataset.classNames.indexOf(value);
  if (byName >= 0) return byName;
  // '=x: the class =x as a spreadsheet-safe export wrote it.
  if (/^'[=+\-@]/.test(value) && dataset.classNames.includes(value.slice(1))) {
    return dataset.classNames.indexOf(value.slice(1));
  }
  const index = Number(value);
  return Number.isInteger(index) && index >= 0 && index < dataset.numClasses ? index : -1;
}

/**
 * Combines every source of truth into one status per row (-1 unknown, 0 correct, 1 error).
 * Returns null when there is none.
 */
export function buildTruth(dataset, truthFiles) {
  const n = dataset.numExamples;
  const status = new Int8Array(n).fill(UNKNOWN);
  const corrected = new Int32Array(n).fill(-1);
  const sources = [];
  let conflicts = 0;
  const mark = (i, isError, fix = -1) => {
    const next = isError ? ERROR : CORRECT;
    if (status[i] !== UNKNOWN && status[i] !== next) conflicts++;
    if (status[i] !== ERROR) status[i] = next; // an error reported by any source stands
    if (isError && fix >= 0) corrected[i] = fix;
  };
  if (dataset.trueLabels) {
    sources.push('the true_label column');
    dataset.trueLabels.forEach((t, i) => {
      if (t >= 0) mark(i, t !== dataset.labels[i], t);
    });
  }
  if (dataset.knownErrors) {
    sources.push('the is_error column');
    dataset.knownErrors.forEach((k, i) => {
      if (k >= 0) mark(i, k === 1);
    });
  }
  for (const { file, entries } of truthFiles) {
    sources.push(file);
    for (const e of entries) mark(e.index, e.isError, e.corrected);
  }
  if (sources.length === 0) return null;
  let numErrors = 0;
  let numKnown = 0;
  for (const s of status) {
    if (s !== UNKNOWN) numKnown++;
    if (s === ERROR) numErrors++;
  }
  const warnings = conflicts
    ? [
        `${conflicts} row(s) are marked as an error by one source and as correct by another; ` +
          'they are counted as errors.',
      ]
    : [];
  return { status, corrected, numErrors, numKnown, full: numKnown === n, sources, warnings };
}

/**
 * How the flagged rows score against the truth. precision is over flags whose truth is known, and
 * only when the truth says which rows are correct too: a list of errors alone cannot tell a wrong
 * flag from an unchecked one (then only `confirmed / flagged`, a lower bound, is known).
 */
export function scoreFlags(truth, issues) {
  let confirmed = 0;
  let correct = 0;
  let unknown = 0;
  for (const i of issues) {
    const s = truth.status[i];
    if (s === ERROR) confirmed++;
    else if (s === CORRECT) correct++;
    else unknown++;
  }
  return {
    numErrors: truth.numErrors,
    numKnown: truth.numKnown,
    flagged: issues.length,
    confirmed,
    correct,
    unknown,
    missed: truth.numErrors - confirmed,
    precision: truth.numKnown > truth.numErrors && confirmed + correct > 0 ? confirmed / (confirmed + correct) : null,
    recall: truth.numErrors > 0 ? confirmed / truth.numErrors : null,
    full: truth.full,
  };
}
