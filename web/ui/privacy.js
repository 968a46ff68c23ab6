// What this browser keeps, said where it happens: the one question about keeping dropped files
// (asked once, default no) and the always-visible line saying what is stored, with "Forget
// everything". Texts only; the storing is persist.js's.
import { h, replace, uid } from './dom.js';
import { plural } from './format.js';

/**
 * handlers: onKeepFiles(yes: boolean), onForget(), and for the question before forgetting:
 * pending() -> {decisions (on the data shown), exported (and unchanged since)}, onExport() (the decisions file).
 */
export function createPrivacy({
  onKeepFiles,
  onForget,
  pending = () => ({ decisions: 0, exported: false }),
  onExport = null,
}) {
  const askId = uid('keep-files');
  const ask = h(
    'section',
    { class: 'keep-files', 'aria-labelledby': askId, hidden: true },
    h('p', { class: 'keep-files-title', id: askId }, 'Keep these files in this browser?'),
    h(
      'p',
      { class: 'help' },
      'Only if you want a reload to pick up where you left off. They would stay in this browser’s storage on ' +
        'this device ',
      '(never uploaded) until you press “Forget everything”. On a shared computer, choose “Don’t keep”.',
    ),
    h(
      'div',
      { class: 'keep-files-actions' },
      h('button', { type: 'button', class: 'keep-files-no', onclick: () => onKeepFiles(false) }, 'Don’t keep'),
      h(
        'button',
        { type: 'button', class: 'quiet keep-files-yes', onclick: () => onKeepFiles(true) },
        'Keep them here',
      ),
    ),
  );
  const text = h('span', { class: 'privacy-text' });
  const forget = h(
    'button',
    { type: 'button', class: 'quiet forget-everything', onclick: () => askForget() },
    'Forget everything',
  );
  // The question and the outcome are said here, beside the button, not at the top of the page.
  const confirm = h('div', {
    class: 'confirm forget-confirm',
    role: 'alertdialog',
    'aria-modal': 'false',
    hidden: true,
  });
  const result = h('p', { class: 'privacy-result', role: 'status' });
  const bar = h('div', { class: 'privacy', role: 'note', hidden: true }, text, ' ', forget, confirm, result);

  /** Decisions on the data shown: asked first (how many, export them first or forget); none: forgotten at once. */
  function askForget() {
    result.textContent = '';
    const { decisions, exported, exportable = true, saved = false } = pending();
    if (!decisions) {
      onForget();
      return;
    }
    const questionId = uid('forget');
    const question = h('p', { id: questionId });
    const say = (wasExported) => {
      const which = decisions === 1 ? 'your 1 decision' : `your ${plural(decisions, 'decision')}`;
      const where = saved
        ? 'saved from your last visit'
        : `on the data shown (${wasExported ? 'exported' : 'not exported yet'})`;
      question.textContent =
        `Forget everything? This deletes ${which} ${where} and everything else this browser ` +
        `keeps from labelscope: decisions on ` +
        'other files, kept files, your answer about keeping them. It cannot be undone.';
    };
    say(exported);
    const yes = h(
      'button',
      {
        type: 'button',
        class: 'danger forget-yes',
        onclick: () => {
          confirm.hidden = true;
          onForget();
        },
      },
      'Forget everything',
    );
    const no = h(
      'button',
      {
        type: 'button',
        class: 'quiet forget-no',
        onclick: () => {
          confirm.hidden = true;
          forget.focus();
        },
      },
      'Cancel',
    );
    const exportFirst =
      onExport && exportable && !exported
        ? h(
            'button',
            {
              type: 'button',
              class: 'forget-export',
              onclick: async () => {
                await onExport();
                say(pending().exported);
                exportFirst.remove();
                yes.focus();
              },
            },
            'Export decisions first',
          )
        : null;
    confirm.setAttribute('aria-labelledby', questionId);
    replace(confirm, question, h('div', { class: 'confirm-buttons' }, exportFirst, yes, no));
    confirm.hidden = false;
    (exportFirst ?? no).focus();
  }

  return {
    ask,
    bar,
    /** keeping: {decisions, files: 'yes' | 'no' | null, filesAllowed}; null hides the line (nothing is ever kept). */
    update(keeping) {
      bar.hidden = !keeping;
      if (!keeping) return;
      const files = !keeping.filesAllowed
        ? 'Dropped files are never stored.'
        : keeping.files === 'yes'
          ? 'The files you drop are kept too (your choice).'
          : 'The files you drop are not kept.';
      text.textContent = `This browser keeps your review decisions (row numbers and classes) and the columns you chose, on this device only. ${files}`;
    },
    /** Shows or hides the question. */
    asking(on) {
      ask.hidden = !on;
    },
    /** What forgetting did, said under the button the person pressed. */
    forgotten(message) {
      result.textContent = message;
    },
  };
}
