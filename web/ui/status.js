// Progress (with Cancel), errors and warnings, in the page where a person sees them — never only
// in the console. An error keeps the rest of the page usable: the next file is accepted as usual.
import { h, replace } from './dom.js';
import { containBidi, formatBytes, isolate } from './format.js';
import { errorWhere } from '../src/js/errors.js';
import { pageWords } from '../src/js/option-words.js';

/** "pred_probs.csv, row 12, column 3" (or "line 1 (the header)") from a LabelScopeError's location fields. */
export const errorLocation = errorWhere;

export function createStatus({ onCancel }) {
  const bar = h('progress', { max: '1' });
  const label = h('span', { class: 'progress-label' });
  const cancel = h('button', { type: 'button', class: 'quiet', onclick: () => onCancel() }, 'Cancel');
  const progress = h(
    'div',
    { class: 'progress', hidden: true, role: 'status' },
    h('div', { class: 'progress-text' }, label, cancel),
    bar,
  );
  const alert = h('div', { class: 'alert', role: 'alert', hidden: true });
  const notice = h('p', { class: 'notice', role: 'status', hidden: true });
  const element = h('div', { class: 'status' }, progress, alert, notice);
  const watchers = new Set(); // fn({text, fraction, cancellable} | null): progress shown elsewhere too
  const tell = (state) => {
    for (const fn of watchers) fn(state);
  };

  return {
    element,
    /** fraction null = indeterminate; cancellable shows the Cancel button. */
    progress(text, fraction = null, { cancellable = true } = {}) {
      tell({ text: containBidi(text), fraction, cancellable });
      progress.hidden = false;
      cancel.hidden = !cancellable;
      label.textContent = containBidi(text);
      if (fraction == null) bar.removeAttribute('value');
      else bar.value = Math.max(0, Math.min(1, fraction));
    },
    readProgress({ file, bytesRead, totalBytes }) {
      const of = totalBytes ? ` of ${formatBytes(totalBytes)}` : '';
      this.progress(
        `Reading ${isolate(file)}… ${formatBytes(bytesRead)}${of}`,
        totalBytes ? bytesRead / totalBytes : null,
      );
    },
    idle() {
      progress.hidden = true;
      tell(null);
    },
    /** Calls fn with every progress shown ({text, fraction, cancellable}) and null when it ends; returns an unwatch. */
    watch(fn) {
      watchers.add(fn);
      return () => watchers.delete(fn);
    },
    /** The Cancel beside the progress, pressed from elsewhere (e.g. beside the button that started the run). */
    cancel() {
      onCancel();
    },
    get showing() {
      return !progress.hidden;
    },
    /** extra: a node shown under the message (e.g. a way on, ui/plausibility.js). */
    error(
      error,
      title = 'Could not read these files',
      hint = 'Fix the file and drop it again, or change how a file is used above.',
      extra = null,
    ) {
      const where = errorLocation(error);
      replace(
        alert,
        h('p', { class: 'alert-title' }, title),
        where ? h('p', { class: 'alert-where' }, `${where}:`) : null,
        h('p', { class: 'alert-message' }, error.message || String(error)),
        hint ? h('p', { class: 'alert-hint' }, hint) : null,
        extra,
      );
      alert.hidden = false;
      // Below the fold (under the guide on a first drop): bring it into view, or it goes unseen.
      if (alert.getBoundingClientRect().top > (globalThis.innerHeight ?? Infinity))
        alert.scrollIntoView({ block: 'nearest' });
    },
    clearError() {
      alert.hidden = true;
      alert.replaceChildren();
    },
    /** action: { label, run } adds a button after the text (e.g. to run a cancelled analysis). */
    note(text, action = null) {
      notice.textContent = containBidi(text);
      if (action) {
        notice.append(
          ' ',
          h(
            'button',
            {
              type: 'button',
              class: 'quiet',
              onclick: () => {
                this.note('');
                action.run();
              },
            },
            action.label,
          ),
        );
      }
      notice.hidden = !text;
    },
  };
}

const MAX_WARNINGS = 8;

/** Warnings from the reader and the core: shown, never swallowed. */
export function renderWarnings(warnings) {
  if (!warnings.length) return null;
  return h(
    'div',
    { class: 'warnings', role: 'note' },
    h('p', { class: 'warnings-title' }, warnings.length === 1 ? 'Warning' : `${warnings.length} warnings`),
    h(
      'ul',
      {},
      warnings.slice(0, MAX_WARNINGS).map((w) => h('li', {}, pageWords(typeof w === 'string' ? w : w.message))),
      // One per small class can mean thousands (K = 10,000): the first few say what they are.
      warnings.length > MAX_WARNINGS
        ? h(
            'li',
            { class: 'warnings-more' },
            `… and ${(warnings.length - MAX_WARNINGS).toLocaleString('en-US')} more (all in the report's warnings).`,
          )
        : null,
    ),
  );
}
