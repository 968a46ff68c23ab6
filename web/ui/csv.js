// The CSV writer of the review modules (decisions.js), which also load under `node --test` from
// the source tree, where src/js/ is not beside web/ as it is when served. It is src/js/exports.js's
// csvField/csvLine, the one CSV writer, restated: tests/js/exports.test.mjs checks they write the
// same bytes. No parsing here: files are read by src/js (truth files: src/js/truth.js).
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text of a cell, neutralised (a leading ') if a spreadsheet would run it as a formula. */
function spreadsheetSafe(value) {
  const text = value == null ? '' : String(value);
  if (typeof value === 'number' || typeof value === 'bigint' || !FORMULA_START.test(text) || NUMBER.test(text)) {
    return text;
  }
  return `'${text}`;
}

/** One CSV field: spreadsheet-safe unless `exact`, quoted when it holds , " CR or LF. */
export function csvField(value, exact = false) {
  const text = exact ? (value == null ? '' : String(value)) : spreadsheetSafe(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One LF-terminated CSV line; `exact(position)` says which cells skip the spreadsheet guard. */
export function csvLine(values, exact = null) {
  let line = '';
  for (let c = 0; c < values.length; c++) line += (c === 0 ? '' : ',') + csvField(values[c], exact?.(c) ?? false);
  return `${line}\n`;
}
