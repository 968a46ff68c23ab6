// @ts-check
// The one error type of the JS API: a bad file, a bad value or a bad option, with where it is.
import { apiWords } from './option-words.js';

export class LabelScopeError extends Error {
  /**
   * row: the N-th data row (header not counted); line: the file's line of an error in the header
   * line, which is no data row (then there is no row).
   * @param {{code: string, message: string, file?: string, row?: number, column?: number, line?: number,
   *          example?: number, classIndex?: number}} info
   */
  constructor(info) {
    super(info.message);
    this.name = 'LabelScopeError';
    this.code = info.code;
    for (const key of ['file', 'row', 'line', 'column', 'example', 'classIndex']) {
      if (info[key] !== undefined) this[key] = info[key];
    }
  }

  /** Plain data, for postMessage and JSON. */
  toJSON() {
    const out = { code: this.code, message: this.message };
    for (const key of ['file', 'row', 'line', 'column', 'example', 'classIndex']) {
      if (this[key] !== undefined) out[key] = this[key];
    }
    return out;
  }
}

/**
 * Where an error is, as people read it: "pred_probs.csv, row 12, column 3", or for the header line
 * "pred_probs.csv, line 1 (the header), column 3"; '' when the error knows no place. The CLI, the
 * page and the native CLI (src/native/main.cpp located_text) all say it this way.
 * @param {{file?: string, row?: number, line?: number, column?: number}} error
 */
export function errorWhere(error) {
  const parts = [];
  if (error.file) parts.push(error.file);
  if (error.row > 0) parts.push(`row ${error.row}`);
  else if (error.line > 0) parts.push(`line ${error.line} (the header)`);
  if (error.column > 0) parts.push(`column ${error.column}`);
  return parts.join(', ');
}

/** Core results are either a value or {error}: turn the latter into a thrown LabelScopeError. */
export function unwrap(result) {
  // The core's advice names the CLI's flags: through the API, its options (option-words.js).
  if (result && result.error) {
    const { message } = result.error;
    throw new LabelScopeError({ ...result.error, message: typeof message === 'string' ? apiWords(message) : message });
  }
  return result;
}

export function invalid(message, extra = {}) {
  return new LabelScopeError({ code: 'invalid_option', message, ...extra });
}
