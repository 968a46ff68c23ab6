// @ts-check
// Exported CSV cells that a spreadsheet would run as a formula (=, +, -, @, or a leading tab / CR)
// get a leading single quote (OWASP "CSV injection"), unless the cell is a number: -0.25 stays a
// number. Shared by the page's exports and the CLI's CSV output.

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
