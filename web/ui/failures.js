// Failures that are no fault of the person's file, worded for people with what to do: the analysis
// engine (the worker) stopped and was restarted, or something labelscope did not expect. A raw
// JavaScript message ("Cannot read properties of undefined") is never the message itself: it is
// kept, folded away, as the technical detail for a bug report.
import { h } from './dom.js';

// Errors labelscope words itself: a LabelScopeError with a code, except the two that carry a raw
// message from inside the worker.
const RAW_CODES = new Set(['internal_error', 'worker_error']);

/** Whether `error`'s message is a JavaScript engine's rather than labelscope's own. */
export function isRawError(error) {
  if (error == null || typeof error !== 'object') return true;
  if (error.name === 'LabelScopeError' || typeof error.code === 'string') return RAW_CODES.has(error.code);
  return true; // TypeError, RangeError, DOMException, ...
}

/**
 * {title, message, hint, detail, reread} for a failure that is not about the file, or null.
 * reread: whether reading the same files again is the way on (the engine restarted).
 */
export function describeFailure(error, { hasFiles = false } = {}) {
  if (error?.code === 'engine_stopped') {
    return {
      title: 'The analysis engine stopped',
      message: error.message,
      hint: hasFiles
        ? 'Your files are still here: read them again. If it stops again, use smaller files (fewer rows or classes).'
        : 'Load the files again. If it stops again, use smaller files (fewer rows or classes).',
      detail: null,
      reread: hasFiles,
    };
  }
  if (!isRawError(error)) return null;
  const named = error?.name && !['Error', 'LabelScopeError'].includes(error.name) ? `${error.name}: ` : '';
  const detail = error?.message ? `${named}${error.message}` : String(error);
  return {
    title: 'Something went wrong inside labelscope',
    message: 'labelscope ran into a problem it did not expect; your files are not the cause.',
    hint: 'Reload the page and try again. If it happens again, please report it with the technical detail below.',
    detail,
    reread: false,
  };
}

/**
 * The way on for a failure that is not about the file ({title, shown, hint, element} as
 * plausibility.js's wayOn gives), or null. analysis: the AnalysisController (entries, reread()).
 */
export function failureWayOn(error, analysis) {
  const hasFiles = Boolean(analysis?.entries?.length) && typeof analysis?.reread === 'function';
  const failure = describeFailure(error, { hasFiles });
  if (!failure) return null;
  const again = failure.reread
    ? h('button', { type: 'button', class: 'read-again', onclick: () => analysis.reread() }, 'Read the files again')
    : null;
  const detail = failure.detail
    ? h('details', { class: 'technical-detail' }, h('summary', {}, 'Technical detail'), h('code', {}, failure.detail))
    : null;
  return {
    unexpected: failure.detail != null, // a JavaScript error, not the engine stopping
    title: failure.title,
    shown: { message: failure.message },
    hint: failure.hint,
    element: again || detail ? h('div', { class: 'failure-way' }, again, detail) : null,
  };
}
