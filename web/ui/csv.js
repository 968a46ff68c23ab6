// The page's own small CSV needs: reading a truth file or the first lines of a file (RFC 4180
// quotes, CRLF), and writing exports. Big data files are parsed by the WebAssembly reader.

/** Guesses the delimiter from a header line: tab, semicolon or comma. */
export function detectDelimiter(line) {
  if (line.includes('\t')) return '\t';
  if (line.includes(';') && !line.includes(',')) return ';';
  return ',';
}

/**
 * Splits text into rows of cells. `limit` stops after that many rows (for sniffing a file's
 * start); a last line cut off mid-file is dropped when `complete` is false.
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
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
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

// Cells a spreadsheet would run as a formula (=, +, -, @, leading tab / CR) get a leading ' (OWASP
// "CSV injection"), unless the cell is a number. The same rule as src/js/csv-safe.js (the CLI's),
// kept here so the page's modules also load outside the served layout; tests check they agree.
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text of a cell, neutralised if a spreadsheet would treat it as a formula. */
export function spreadsheetSafe(value) {
  const text = value == null ? '' : String(value);
  if (typeof value === 'number' || typeof value === 'bigint' || !FORMULA_START.test(text) || NUMBER.test(text)) {
    return text;
  }
  return `'${text}`;
}

/**
 * One CSV field, quoted only when RFC 4180 requires it (or spaces at the ends would be lost); text a
 * spreadsheet would run as a formula gets a leading ' (spreadsheetSafe).
 */
export function csvField(value) {
  const text = spreadsheetSafe(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values) {
  return `${values.map(csvField).join(',')}\r\n`;
}
