// What this browser keeps, said where it happens: the one question about keeping dropped files
// (asked once, default no) and the always-visible line saying what is stored, with "Forget
// everything". Texts only; the storing is persist.js's.
import { h, uid } from './dom.js';

/** handlers: onKeepFiles(yes: boolean), onForget(). */
export function createPrivacy({ onKeepFiles, onForget }) {
  const askId = uid('keep-files');
  const ask = h('section', { class: 'keep-files', 'aria-labelledby': askId, hidden: true },
    h('p', { class: 'keep-files-title', id: askId }, 'Keep these files in this browser?'),
    h('p', { class: 'help' },
      'Only if you want a reload to pick up where you left off. They would stay in this browser’s storage on this device ',
      '(never uploaded) until you press “Forget everything”. On a shared computer, choose “Don’t keep”.'),
    h('div', { class: 'keep-files-actions' },
      h('button', { type: 'button', class: 'keep-files-no', onclick: () => onKeepFiles(false) }, 'Don’t keep'),
      h('button', { type: 'button', class: 'quiet keep-files-yes', onclick: () => onKeepFiles(true) }, 'Keep them here')));
  const text = h('span', { class: 'privacy-text' });
  const forget = h('button', { type: 'button', class: 'quiet forget-everything', onclick: () => onForget() }, 'Forget everything');
  const bar = h('p', { class: 'privacy', role: 'note', hidden: true }, text, ' ', forget);
  return {
    ask,
    bar,
    /** keeping: {decisions, files: 'yes' | 'no' | null, filesAllowed}; null hides the line (nothing is ever kept). */
    update(keeping) {
      bar.hidden = !keeping;
      if (!keeping) return;
      const files = !keeping.filesAllowed ? 'Dropped files are never stored.'
        : keeping.files === 'yes' ? 'The files you drop are kept too (your choice).'
          : 'The files you drop are not kept.';
      text.textContent = `This browser keeps your review decisions (row numbers and classes, on this device only). ${files}`;
    },
    /** Shows or hides the question. */
    asking(on) {
      ask.hidden = !on;
    },
  };
}
