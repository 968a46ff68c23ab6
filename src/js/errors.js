// @ts-check
// The one error type of the JS API: a bad file, a bad value or a bad option, with where it is.
export class LabelScopeError extends Error {
  /**
   * @param {{code: string, message: string, file?: string, row?: number, column?: number,
   *          example?: number, classIndex?: number}} info
   */
  constructor(info) {
    super(info.message);
    this.name = 'LabelScopeError';
    this.code = info.code;
    for (const key of ['file', 'row', 'column', 'example', 'classIndex']) {
      if (info[key] !== undefined) this[key] = info[key];
    }
  }

  /** Plain data, for postMessage and JSON. */
  toJSON() {
    const out = { code: this.code, message: this.message };
    for (const key of ['file', 'row', 'column', 'example', 'classIndex']) {
      if (this[key] !== undefined) out[key] = this[key];
    }
    return out;
  }
}

/** Core results are either a value or {error}: turn the latter into a thrown LabelScopeError. */
export function unwrap(result) {
  if (result && result.error) throw new LabelScopeError(result.error);
  return result;
}

export function invalid(message, extra = {}) {
  return new LabelScopeError({ code: 'invalid_option', message, ...extra });
}
