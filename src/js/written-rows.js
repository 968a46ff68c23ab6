// @ts-check
// A table's rows exactly as its file wrote them ("36.0", "0.50", "1e-3", quoted cells as quoted),
// for the detail pane and the all-rows export of a CSV/TSV table whose probabilities were computed
// here: the reader keeps numbers as numbers and no text of the columns the trainer did not read.
// A Parquet table has typed values, no text: it is written out as CSV first (parquetTableCsv).
// One pass over the file keeps each data row's byte offset (4 bytes a row under 4 GiB, 8 above); a
// row's cells are then its bytes, read again from the File/Blob when asked. The rules are the
// reader's (src/io/csv_tokenizer.cpp, src/io/table_columns.cpp): a UTF-8 BOM, LF / CRLF / CR line
// ends, RFC 4180 quotes (a quote opens a cell only at its start), blank lines before the header and
// at the end skipped; the first line decides the delimiter (a tab, else a semicolon, else a comma).
import { invalid } from './errors.js';
import { isParquet, joinChunks, parquetTableCsv } from './parquet.js';
import { describeSource } from './sources.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const TAB = 9;
const SEMICOLON = 59;
const COMMA = 44;

/** The delimiter the reader takes from a header line (bytes): a tab, else a semicolon, else a comma. */
function delimiterOf(bytes) {
  let quoted = false;
  let tabs = 0;
  let semicolons = 0;
  for (const b of bytes) {
    if (b === QUOTE) quoted = !quoted;
    if (quoted) continue;
    if (b === TAB) tabs++;
    else if (b === SEMICOLON) semicolons++;
  }
  return tabs > 0 ? TAB : semicolons > 0 ? SEMICOLON : COMMA;
}

/** A Blob of the source (File, Blob, bytes, string, {name, data}), for reading a row again. */
export async function asBlob(source) {
  if (typeof Blob !== 'undefined' && source instanceof Blob) return source;
  const data = source && typeof source === 'object' && 'data' in source ? source.data : source;
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data;
  if (typeof data === 'string' || ArrayBuffer.isView(data) || data instanceof ArrayBuffer) {
    return new Blob([/** @type {BlobPart} */ (data)]);
  }
  const parts = [];
  for await (const chunk of describeSource(source, 'table').open()) parts.push(new Uint8Array(chunk));
  return new Blob(parts);
}

/**
 * Splits one row's text (no line end) into its cells: [{raw, value}] where raw is the cell as
 * written (quotes and all) and value its text (quotes removed, "" read as ").
 * @param {string} text @param {string} delimiter
 */
export function splitCells(text, delimiter) {
  const cells = [];
  let at = 0;
  for (;;) {
    let end;
    let value;
    if (text.charCodeAt(at) === QUOTE) {
      value = '';
      let j = at + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          value += text.slice(j);
          j = text.length;
          break;
        }
        value += text.slice(j, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      end = text.indexOf(delimiter, j);
      if (end < 0) end = text.length;
      value += text.slice(j, end); // the reader refuses text after a closing quote; kept if any
    } else {
      end = text.indexOf(delimiter, at);
      if (end < 0) end = text.length;
      value = text.slice(at, end);
    }
    cells.push({ raw: text.slice(at, end), value });
    if (end >= text.length) return cells;
    at = end + delimiter.length;
  }
}

/** Row bytes without their line end (LF, CRLF or CR). */
function withoutLineEnd(bytes) {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === LF) end--;
  if (end > 0 && bytes[end - 1] === CR) end--;
  return bytes.subarray(0, end);
}

/**
 * The byte offsets of a CSV/TSV table's data rows, found as the reader finds them.
 * Returns {offsets (numRows + 1: each data row's start, then the end of the last one), header:
 * [start, end), delimiter (a byte)}.
 */
async function indexRows(blob, { expectedRows = 0, signal = null, chunkSize = 0 } = {}) {
  // Offsets as 4 bytes each below 4 GiB (1M rows: 4 MB), else 8.
  const Offsets = blob.size < 2 ** 32 ? Uint32Array : Float64Array;
  let offsets = new Offsets(Math.max(16, expectedRows + 1));
  let numRows = 0;
  let header = null; // [start, end) of the header line
  let delimiter = -1;
  const headBytes = []; // the first line, until the delimiter is known
  // Scanner state, carried across chunks.
  let inQuotes = false;
  let quoteInQuotes = false; // a quote seen inside a quoted cell: "" or its end, decided by the next byte
  let cellStart = true;
  let pendingCr = false; // a CR ended the last row: an LF right after it belongs to it
  let rowStart = 0;
  let rowHasDelimiter = false;
  let lastEnd = 0;
  let base = 0; // file offset of the chunk

  const endRow = (end) => {
    // The header is the first line that is not blank (a table for cross-validation has 2+ columns, so
    // every row of it holds a delimiter); after it, a line without one is blank (only at the end).
    if (rowHasDelimiter) {
      if (!header) header = [rowStart, end];
      else {
        if (numRows + 1 >= offsets.length) {
          const grown = new Offsets(offsets.length * 2);
          grown.set(offsets);
          offsets = grown;
        }
        offsets[numRows++] = rowStart;
        lastEnd = end;
      }
    }
    rowStart = end;
    rowHasDelimiter = false;
    cellStart = true;
  };

  for await (const piece of pieces(blob, chunkSize)) {
    if (signal?.aborted) throw signal.reason ?? new Error('cancelled');
    let bytes = piece instanceof Uint8Array ? piece : new Uint8Array(piece);
    let i = 0;
    if (delimiter < 0) {
      // The first line decides the delimiter: held until it is complete (or the file ends).
      headBytes.push(bytes);
      const all = headBytes.length === 1 ? bytes : concat(headBytes);
      rowStart = bomLength(all);
      const lineEnd = firstLineEnd(all, rowStart);
      if (lineEnd < 0) continue;
      delimiter = delimiterOf(all.subarray(rowStart, lineEnd));
      bytes = all;
      base = 0;
      i = rowStart; // past a BOM
    }
    // Where the next quote, CR, LF and delimiter are (-2: not looked for yet, -1: none in this chunk).
    let nextQuote = -2;
    let nextCr = -2;
    let nextLf = -2;
    let nextDelimiter = -2;
    const size = bytes.length;
    while (i < size) {
      if (pendingCr) {
        pendingCr = false;
        if (bytes[i] === LF) {
          i++;
          if (rowStart === base + i - 1) rowStart++;
          if (lastEnd === base + i - 1) lastEnd++;
          continue;
        }
      }
      if (nextQuote !== -1 && nextQuote < i) nextQuote = bytes.indexOf(QUOTE, i);
      if (inQuotes && !quoteInQuotes) {
        // Inside quotes only a quote matters.
        if (nextQuote < 0) break;
        i = nextQuote + 1;
        quoteInQuotes = true;
        continue;
      }
      if (!quoteInQuotes) {
        // Outside quotes: the bytes up to the next quote, CR or LF are plain (delimiters noted).
        if (nextCr !== -1 && nextCr < i) nextCr = bytes.indexOf(CR, i);
        if (nextLf !== -1 && nextLf < i) nextLf = bytes.indexOf(LF, i);
        let special = size;
        for (const at of [nextQuote, nextCr, nextLf]) if (at >= 0 && at < special) special = at;
        if (special > i) {
          if (!rowHasDelimiter) {
            if (nextDelimiter !== -1 && nextDelimiter < i) nextDelimiter = bytes.indexOf(delimiter, i);
            rowHasDelimiter = nextDelimiter >= 0 && nextDelimiter < special;
          }
          cellStart = bytes[special - 1] === delimiter;
          i = special;
          continue;
        }
      }
      // Byte by byte: quotes, lone CRs, a row cut by the chunk's end.
      const b = bytes[i++];
      if (quoteInQuotes) {
        quoteInQuotes = false;
        if (b === QUOTE) continue; // "" inside quotes
        inQuotes = false; // the quote closed the cell: this byte is after it
      } else if (inQuotes) {
        if (b === QUOTE) quoteInQuotes = true;
        continue;
      }
      if (b === QUOTE && cellStart) {
        inQuotes = true;
        cellStart = false;
      } else if (b === delimiter) {
        rowHasDelimiter = true;
        cellStart = true;
      } else if (b === LF) {
        endRow(base + i);
      } else if (b === CR) {
        endRow(base + i);
        pendingCr = true;
      } else {
        cellStart = false;
      }
    }
    base += size;
  }
  if (delimiter < 0 && headBytes.length) {
    const all = concat(headBytes);
    rowStart = bomLength(all);
    delimiter = delimiterOf(all.subarray(rowStart));
    // A single line, never ended: the header alone.
    rowHasDelimiter = all.subarray(rowStart).includes(delimiter);
    endRow(all.length);
  } else if (rowStart < base) {
    // The last row has no line end (or ends inside quotes): it ends with the file.
    endRow(base);
  }
  offsets[numRows] = lastEnd;
  const kept = offsets.length === numRows + 1 ? offsets : offsets.slice(0, numRows + 1);
  return { offsets: kept, header, delimiter: delimiter < 0 ? COMMA : delimiter };
}

/** The blob's bytes in the pieces its stream gives, or in pieces of chunkSize bytes (tests: every cut). */
async function* pieces(blob, chunkSize) {
  if (!chunkSize) {
    yield* describeSource(blob, 'table').open();
    return;
  }
  const bytes = new Uint8Array(await blob.arrayBuffer());
  for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
}

const bomLength = (bytes) => (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);

function firstLineEnd(bytes, from) {
  // Quotes may hold line breaks; the reader's first line is found the same way (its start, before quotes).
  const lf = bytes.indexOf(LF, from);
  const cr = bytes.indexOf(CR, from);
  if (lf < 0) return cr;
  return cr >= 0 && cr < lf ? cr : lf;
}

function concat(parts) {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const decoder = new TextDecoder();

/**
 * The rows of one CSV/TSV table as written. `await WrittenRows.read(file, {expectedRows})` indexes
 * the file (one pass); then `cells(i)` gives data row i's cells (index from 0) and `range(start,
 * count)` the bytes of rows start..start+count-1 for the export.
 */
export class WrittenRows {
  #blob;
  #offsets;
  #headerCells;
  /** The delimiter, as a string (',', '\t' or ';'). */
  delimiter;
  /** The file's own name, when it has one. */
  name;

  constructor(blob, { offsets, delimiter }, headerText, name = '') {
    this.#blob = blob;
    this.#offsets = offsets;
    this.delimiter = String.fromCharCode(delimiter);
    this.#headerCells = splitCells(headerText, this.delimiter);
    this.name = name;
  }

  /** The names of the table's columns, as the reader names them (an empty header cell: column N). */
  get names() {
    return this.#headerCells.map((c, k) => c.value.trim() || `column ${k + 1}`);
  }

  /**
   * Indexes a table: source a File, Blob, bytes, string or {name, data}. expectedRows: the rows the
   * dataset has; the file must still hold exactly that many (else a LabelScopeError: read it again).
   * @param {any} source
   * chunkSize: read in pieces of that many bytes (tests), else as the file's stream gives them.
   * @param {{expectedRows?: number, signal?: AbortSignal | null, chunkSize?: number}} [options]
   */
  static async read(source, { expectedRows, signal = null, chunkSize = 0 } = {}) {
    let blob = await asBlob(source);
    const name = /** @type {File} */ (blob).name || source?.name || 'the table';
    if (isParquet(new Uint8Array(await blob.slice(0, 4).arrayBuffer()))) {
      // Parquet: its typed values are the truth, written out as CSV (numbers in their shortest form).
      const bytes = joinChunks([new Uint8Array(await blob.arrayBuffer())], name);
      blob = new Blob([await parquetTableCsv(bytes, name)]);
    }
    if (signal?.aborted) throw signal.reason ?? new Error('cancelled');
    const index = await indexRows(blob, { expectedRows: expectedRows ?? 0, signal, chunkSize });
    if (!index.header) throw invalid(`${name} has no header row: its rows cannot be shown as written.`);
    if (expectedRows != null && index.offsets.length - 1 !== expectedRows) {
      throw invalid(
        `${name} now has ${index.offsets.length - 1} data rows, not the ${expectedRows} it had when read. ` +
          'Drop the file again.',
      );
    }
    const headerBytes = new Uint8Array(await blob.slice(index.header[0], index.header[1]).arrayBuffer());
    return new WrittenRows(blob, index, decoder.decode(withoutLineEnd(headerBytes)), name);
  }

  /** The whole table as written (this: it is). */
  async table() {
    return this;
  }

  /** How many data rows the table has. */
  get numRows() {
    return this.#offsets.length - 1;
  }

  /** The header's cells: [{raw, value}]. */
  get header() {
    return this.#headerCells;
  }

  /** Data row i's cells as written: [{raw, value}] (index from 0: row i + 1 of the file's data rows). */
  async cells(i) {
    if (!(i >= 0 && i < this.numRows)) throw invalid(`There is no row ${i + 1} in ${this.name || 'the table'}.`);
    const bytes = await this.#bytes(this.#offsets[i], this.#offsets[i + 1]);
    return splitCells(decoder.decode(withoutLineEnd(bytes)), this.delimiter);
  }

  /** Data row i's cells with their columns' names: [{name, value, raw}]. */
  async namedCells(i) {
    const names = this.names;
    return (await this.cells(i)).map((c, k) => ({ name: names[k] ?? `column ${k + 1}`, ...c }));
  }

  /**
   * Rows start..start+count-1 as written: {bytes, row(r) -> the bytes of row start + r without its line end}.
   * @param {number} start @param {number} count
   */
  async range(start, count) {
    const from = this.#offsets[start];
    const bytes = await this.#bytes(from, this.#offsets[start + count]);
    const offsets = this.#offsets;
    return {
      bytes,
      row: (r) => withoutLineEnd(bytes.subarray(offsets[start + r] - from, offsets[start + r + 1] - from)),
    };
  }

  async #bytes(from, to) {
    return new Uint8Array(await this.#blob.slice(from, to).arrayBuffer());
  }
}
