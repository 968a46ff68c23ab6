// @ts-check
// The all-rows export of a table kept as written (written-rows.js): each line is the row's own
// bytes — every cell as the file wrote it, quotes and all — with labelscope's columns before
// (index, row) and after (the audit, the decisions), in the file's own delimiter, LF line ends.
// Two things change bytes, as in the other exports: a header name that would clash with an added
// column (or read back as probabilities, p_ / prob_) gets a "data_" prefix, and a text cell a
// spreadsheet would run as a formula (csv-safe.js) gets its leading ' (its row is written again
// cell by cell; every other row is copied). Returns Uint8Array parts for a Blob.
import { spreadsheetSafe } from './csv-safe.js';
import { splitCells } from './written-rows.js';

const [LF, CR, QUOTE, TAB, PLUS, MINUS, DOT] = [10, 13, 34, 9, 43, 45, 46];
const isDigit = (b) => b >= 48 && b <= 57;

/** Whether bytes[at] (a sign) starts a whole number: [+-](digits[.digits] | .digits)([eE][+-]digits), then the cell ends. */
function signedNumber(bytes, at, d) {
  let i = at + 1;
  let digits = 0;
  while (isDigit(bytes[i])) (i++, digits++);
  if (bytes[i] === DOT) {
    i++;
    while (isDigit(bytes[i])) (i++, digits++);
  }
  if (digits === 0) return false;
  if (bytes[i] === 101 || bytes[i] === 69) {
    i++;
    if (bytes[i] === PLUS || bytes[i] === MINUS) i++;
    if (!isDigit(bytes[i])) return false;
    while (isDigit(bytes[i])) i++;
  }
  const end = bytes[i];
  return end === undefined || end === d || end === LF || end === CR || end === QUOTE;
}

/**
 * Offsets in `bytes` of cells that may be formulas: a cell starting (after an optional quote) with = @
 * (a tab when the delimiter is not one), a quoted CR, or + / - that does not start a whole number. One
 * pass over the bytes; inside quoted text a match is only a candidate: its row is then split and
 * checked cell by cell.
 */
function formulaCells(bytes, d) {
  const marks = new Uint8Array(256);
  for (const mark of [61, 64, PLUS, MINUS, CR]) marks[mark] = 1;
  if (d !== TAB) marks[TAB] = 1;
  const found = [];
  const startsCell = (at) => {
    let before = at - 1;
    if (bytes[before] === QUOTE) before--;
    const b = bytes[before];
    return before < 0 || b === d || b === LF || b === CR;
  };
  const size = bytes.length;
  for (let at = 0; at < size; at++) {
    const mark = bytes[at];
    if (marks[mark] === 0) continue;
    if (mark === CR ? bytes[at - 1] !== QUOTE || !startsCell(at) : !startsCell(at)) continue;
    if ((mark === PLUS || mark === MINUS) && signedNumber(bytes, at, d)) continue;
    found.push(at);
  }
  return found;
}

/** One field in delimiter d: quoted when it holds d, a quote, CR or LF. */
export function fieldIn(d, text) {
  return text.includes(d) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A byte buffer that grows; strings are written as UTF-8. */
class Bytes {
  #out;
  #size = 0;
  #encoder = new TextEncoder();
  constructor(capacity) {
    this.#out = new Uint8Array(Math.max(1024, capacity));
  }
  #room(n) {
    if (this.#size + n <= this.#out.length) return;
    const grown = new Uint8Array(Math.max(this.#out.length * 2, this.#size + n));
    grown.set(this.#out.subarray(0, this.#size));
    this.#out = grown;
  }
  text(s) {
    this.#room(s.length * 3);
    this.#size += this.#encoder.encodeInto(s, this.#out.subarray(this.#size)).written;
  }
  bytes(b) {
    this.#room(b.length);
    this.#out.set(b, this.#size);
    this.#size += b.length;
  }
  done() {
    // A copy only when much of the buffer is unused.
    return this.#size > this.#out.length * 0.75 ? this.#out.subarray(0, this.#size) : this.#out.slice(0, this.#size);
  }
}

/**
 * @param {import('./written-rows.js').WrittenRows} written the table
 * @param {{before: string[], after: string[], exactAfter: (c: number) => boolean,
 *   cellsBefore: (i: number) => unknown[], cellsAfter: (i: number, probs: Float64Array) => unknown[],
 *   rows: (start: number, count: number) => Float64Array | Promise<Float64Array>, numClasses: number,
 *   chunkRows: number, onProgress?: (done: number, total: number) => void}} how
 */
export async function writtenTableCsv(written, how) {
  const { before, after, exactAfter, cellsBefore, cellsAfter, rows, numClasses, chunkRows, onProgress } = how;
  const d = written.delimiter;
  const added = new Set([...before, ...after].map((n) => n.toLowerCase()));
  const own = written.header.map((c) => {
    const name = c.value.trim();
    const clash = added.has(name.toLowerCase()) || /^(p|prob)_./i.test(name);
    return clash ? fieldIn(d, `data_${name}`) : c.raw;
  });
  const line = (cells) => cells.join(d);
  // Numbers (index, row, probabilities, label quality) need neither the guard nor quotes.
  const safe = (v) => (typeof v === 'number' ? String(v) : fieldIn(d, spreadsheetSafe(v)));
  const header = line([...before.map(safe), ...own, ...after.map((n, c) => (exactAfter(c) ? fieldIn(d, n) : safe(n)))]);
  const parts = [new TextEncoder().encode(`${header}\n`)];
  const delimiterByte = d.charCodeAt(0);
  const utf8 = new TextDecoder();
  const n = written.numRows;
  for (let start = 0; start < n; start += chunkRows) {
    const count = Math.min(chunkRows, n - start);
    const probs = await rows(start, count);
    const { bytes, row } = await written.range(start, count);
    // Rows that may hold a formula cell.
    const suspects = formulaCells(bytes, delimiterByte);
    const starts = suspects.length ? rowStarts(row, count) : null;
    const flagged = new Set();
    if (starts) for (const at of suspects) flagged.add(rowAt(starts, at));
    const out = new Bytes(bytes.length + count * (16 + 24 * (numClasses + 8)));
    for (let r = 0; r < count; r++) {
      const i = start + r;
      out.text(`${line(cellsBefore(i).map(safe))}${d}`);
      const own = row(r);
      if (flagged.has(r)) {
        const cells = splitCells(utf8.decode(own), d);
        out.text(line(cells.map((c) => (spreadsheetSafe(c.value) === c.value ? c.raw : safe(c.value)))));
      } else out.bytes(own);
      const p = probs.subarray(r * numClasses, (r + 1) * numClasses);
      out.text(`${d}${line(cellsAfter(i, p).map(safe))}\n`);
    }
    parts.push(out.done());
    onProgress?.(start + count, n);
  }
  return parts;
}

/** Each row's start offset within the range's bytes (row(r) is a subarray of them). */
function rowStarts(row, count) {
  const starts = new Float64Array(count);
  const base = row(0).byteOffset;
  for (let r = 0; r < count; r++) starts[r] = row(r).byteOffset - base;
  return starts;
}

/** The row whose bytes hold offset `at`. */
function rowAt(starts, at) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
