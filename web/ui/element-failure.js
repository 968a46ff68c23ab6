// How the element shows a failure: the error on the status line with the way on when there is one
// (plausibility.js: a table of features is no broken file), the file list opened, and the detail
// of the labelscope-error event.
import { pageWords } from '../src/js/option-words.js';
import { failureWayOn } from './failures.js';
import { wayOn } from './plausibility.js';

/**
 * Shows `error` under `title` on the shell `ui`; returns the labelscope-error detail.
 * options: {openFiles = true, hint}: hint undefined is the hint about fixing files (none in the
 * compact view, which has no file list), null none. where: {compact, analysis, client}.
 */
export function showFailure(ui, error, title, options, { compact, analysis, client }) {
  const { openFiles = true } = options;
  ui.status.idle();
  const hint = 'hint' in options ? options.hint : compact ? null : undefined;
  // Not the file's fault (the engine stopped, an unexpected error): said so, never a raw JS message.
  // An unexpected error keeps the caller's title and hint when it gave one ("could not start: reload").
  const failure = failureWayOn(error, analysis);
  const callers = failure?.unexpected && typeof hint === 'string';
  const way = failure ?? (compact ? null : wayOn(error, analysis, client));
  // way.shown: what to say instead of the reader's message.
  const shownHint = way && !callers && (failure || hint === undefined) ? way.hint : hint;
  ui.status.error(
    way?.shown ?? inPageWords(error),
    callers ? title : (way?.title ?? title),
    typeof shownHint === 'string' ? pageWords(shownHint) : shownHint, // e.g. other refused files' reasons
    way?.element,
  );
  // A question (which column holds the labels?) rather than a failure: shown in the page's neutral colours.
  ui.status.element?.querySelector?.('.alert')?.classList.toggle('alert-question', Boolean(way?.question));
  if (openFiles) ui.intake.openFiles();
  // A table of features: computing the probabilities is the next step, brought to the top of the view.
  if (way?.reveal && !callers) way.element?.closest?.('.alert')?.scrollIntoView?.({ block: 'start' });
  return errorDetail(error);
}

/**
 * `error` as the page shows it: the API's options in its message named as the page's controls
 * (src/js/option-words.js pageWords), its place kept.
 */
export function inPageWords(error) {
  if (error == null || typeof error !== 'object') return { message: pageWords(String(error)) };
  const shown = { message: pageWords(error.message ?? String(error)) };
  for (const key of ['code', 'file', 'row', 'line', 'column']) if (error[key] != null) shown[key] = error[key];
  return shown;
}

/**
 * {code, message, file?, row?, column?} of any error (a LabelScopeError's where included): the labelscope-error
 * event's detail, its message as the element shows it (the page's words, not the JS API's options).
 */
export function errorDetail(error) {
  const detail = { code: error.code ?? 'error', message: pageWords(error.message ?? String(error)) };
  for (const key of ['file', 'row', 'column']) if (error[key] != null) detail[key] = error[key];
  return detail;
}
