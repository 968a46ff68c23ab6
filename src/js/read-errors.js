// @ts-check
// What went wrong while a file was read, worded for people and naming the file: the browser
// refusing to read a File (too large, moved or changed since it was chosen) or memory running out
// in JavaScript. Errors of the reader itself (LabelScopeError) only get the file's name if missing.
import { LabelScopeError } from './errors.js';

// Browsers read Files in one piece up to about 2 GB (Chromium's blob limits); larger ones fail
// with a NotReadableError that talks of "permission problems".
const BROWSER_FILE_LIMIT = 2e9;

/** "3.6 GB" */
function size(bytes) {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${bytes} bytes`;
}

const TOO_LARGE_ADVICE =
  'Split it into smaller files, save the probabilities as a float32 .npy file ' +
  '(a fraction of the size of CSV text), or use the command-line tool (npx labelscope audit), which reads ' +
  'files of any size.';

/**
 * The error to throw for `error`, raised while `source` ({name, size}) was read.
 * @param {any} error
 * @param {{name: string, size?: number}} source
 */
export function readFailure(error, source) {
  const { name } = source;
  const bytes = source.size || 0;
  if (error instanceof LabelScopeError) {
    const located = /** @type {LabelScopeError & {file?: string}} */ (error);
    if (located.file === undefined && error.code !== 'cancelled') located.file = name;
    return error;
  }
  const kind = error?.name ?? '';
  const text = String(error?.message ?? error);
  if (kind === 'NotReadableError' || kind === 'NotFoundError' || kind === 'SecurityError') {
    if (bytes > BROWSER_FILE_LIMIT) {
      return new LabelScopeError({
        code: 'file_too_large',
        file: name,
        message:
          `${name} is ${size(bytes)}: too large for this browser to read ` +
          `(about ${size(BROWSER_FILE_LIMIT)} at most). ${TOO_LARGE_ADVICE}`,
      });
    }
    return new LabelScopeError({
      code: 'file_unreadable',
      file: name,
      message:
        `${name} could not be read: it was moved, renamed, changed or deleted since it was chosen, ` +
        'or this browser lost access to it. Choose the file again.',
    });
  }
  if (kind === 'RangeError' || /out of memory|allocation failed|cannot allocate/i.test(text)) {
    return new LabelScopeError({
      code: 'out_of_memory',
      file: name,
      message:
        `${name}${bytes ? ` (${size(bytes)})` : ''} does not fit in the memory available here while it is read. ` +
        'Use fewer rows or classes, keep the probabilities as float32, or use the command-line tool ' +
        '(npx labelscope).',
    });
  }
  return error;
}
