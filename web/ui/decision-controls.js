// The review workflow's controls: the decision buttons of the detail pane (accept the suggestion,
// keep the given label, relabel to another class, undo), the decision badge of a table row, and
// the bar above the table with the progress, how decisions are kept, Start over and the exports.
// The view of decisions; what they are (and their CSV) is decisions.js. Class names come from the
// person's files: they are only ever set as text.
import { DECISION_PAST, digitForClass } from './decisions.js';
import { createClassSearch, MAX_LISTED_CLASSES } from './class-search.js';
import { h, replace, uid } from './dom.js';
import { formatCount, formatWhen, isolate, plural } from './format.js';

const MAX_CHIPS = 12; // more classes than this: a list to choose from instead of one button each
function kbd(key) {
  return key ? h('kbd', { class: 'key', 'aria-hidden': 'true' }, key) : null;
}

const KIND_TITLES = { accept: 'Accepted', keep: 'Kept', relabel: 'Relabelled' };

/** The table cell of a row's decision (text only: class names are data). */
export function decisionBadge(entry, classNames) {
  if (!entry) return h('span', { class: 'decision-none', title: 'Not decided yet' }, '—');
  const name = classNames[entry.label];
  return h(
    'span',
    { class: `decision-badge ${entry.decision}`, title: `${KIND_TITLES[entry.decision]}: ${name}` },
    h('span', { class: 'decision-kind' }, KIND_TITLES[entry.decision]),
    ' ',
    h('span', { class: 'decision-label' }, name),
  );
}

/**
 * The decision buttons of the detail pane. They stay in place from row to row (only their labels
 * change), so focus survives a decision pressed by key that moves on to the next row (after a click,
 * the panel gives focus back to the table: review.js).
 * handlers: decide(kind, label, event), clear(event), undo(event): the click (or key) event that asked.
 */
export function createDecisionControls(handlers) {
  const state = h('span', { class: 'decide-state' });
  const accept = h('button', {
    type: 'button',
    class: 'decide-accept',
    'aria-keyshortcuts': 'A',
    onclick: (e) => handlers.decide('accept', undefined, e),
  });
  const keep = h('button', {
    type: 'button',
    class: 'decide-keep',
    'aria-keyshortcuts': 'K',
    onclick: (e) => handlers.decide('keep', undefined, e),
  });
  const chips = h('div', { class: 'decide-chips' });
  const relabelLabel = h('span', { class: 'decide-label', id: uid('relabel') }, 'Or relabel as');
  const relabel = h(
    'div',
    { class: 'decide-relabel', role: 'group', 'aria-labelledby': relabelLabel.id },
    relabelLabel,
    chips,
  );
  const clear = h(
    'button',
    {
      type: 'button',
      class: 'quiet decide-clear',
      'aria-keyshortcuts': 'Backspace',
      onclick: (e) => handlers.clear(e),
    },
    'Clear decision',
    kbd('⌫'),
  );
  const undo = h(
    'button',
    { type: 'button', class: 'quiet decide-undo', 'aria-keyshortcuts': 'U', onclick: (e) => handlers.undo(e) },
    'Undo',
    kbd('U'),
  );
  const element = h(
    'div',
    { class: 'decide', role: 'group', 'aria-label': 'Your decision on this row' },
    h('p', { class: 'decide-title' }, h('span', {}, 'Decision'), state),
    h('div', { class: 'decide-main' }, accept, keep),
    relabel,
    h('div', { class: 'decide-more' }, clear, undo),
  );

  let classNames = null;
  let chipButtons = [];
  let picker = null;
  let row = null;

  const buildChoices = (names) => {
    classNames = names;
    chipButtons = [];
    picker = null;
    if (names.length <= MAX_CHIPS) {
      chipButtons = names.map((name, c) => {
        const key = digitForClass(c, names);
        return h(
          'button',
          {
            type: 'button',
            class: 'chip',
            'data-class': c,
            'aria-keyshortcuts': key ?? undefined,
            onclick: (e) => handlers.decide('relabel', c, e),
          },
          key === name ? null : kbd(key),
          h('span', { class: 'chip-name' }, name),
        ); // "7" needs no key hint
      });
      replace(chips, chipButtons);
    } else if (names.length > MAX_LISTED_CLASSES) {
      // Many classes: type to find one (a dozen nodes, not one option per class); choosing it relabels.
      const search = createClassSearch({
        names,
        label: 'Class to relabel as',
        className: 'decide-search',
        skip: (c) => c === row?.given || c === row?.suggested,
        onPick: (c, e) => handlers.decide('relabel', c, e),
      });
      const apply = h(
        'button',
        {
          type: 'button',
          class: 'decide-apply',
          onclick: (e) => {
            const c = names.indexOf(search.input.value);
            if (c >= 0 && c !== row?.given && c !== row?.suggested) handlers.decide('relabel', c, e);
            else search.focus();
          },
        },
        'Relabel',
      );
      picker = { search, apply };
      replace(chips, search.element, apply);
    } else {
      const select = h('select', { class: 'decide-select', 'aria-label': 'Class to relabel as' });
      const apply = h(
        'button',
        {
          type: 'button',
          class: 'decide-apply',
          onclick: (e) => {
            if (select.value !== '') handlers.decide('relabel', Number(select.value), e);
          },
        },
        'Relabel',
      );
      picker = { select, apply };
      replace(chips, select, apply);
    }
  };

  return {
    element,
    /** row: {given, suggested, entry, canUndo, classNames} or null (nothing selected). */
    update(next) {
      row = next;
      element.hidden = !row;
      if (!row) return;
      if (row.classNames !== classNames) buildChoices(row.classNames);
      const { given, suggested, entry } = row;
      const names = classNames;
      const same = given === suggested;
      replace(
        accept,
        h('span', { class: 'decide-verb' }, 'Accept'),
        ' ',
        h('span', { class: 'decide-class' }, names[suggested]),
        kbd('A'),
      );
      accept.setAttribute('aria-label', `Accept the suggested label, ${isolate(names[suggested])}`);
      accept.hidden = same;
      replace(
        keep,
        h('span', { class: 'decide-verb' }, 'Keep'),
        ' ',
        h('span', { class: 'decide-class' }, names[given]),
        kbd('K'),
      );
      keep.setAttribute('aria-label', `Keep the given label, ${isolate(names[given])}`);
      accept.setAttribute('aria-pressed', String(entry?.decision === 'accept'));
      keep.setAttribute('aria-pressed', String(entry?.decision === 'keep'));
      if (picker?.search) {
        picker.search.setClass(entry?.decision === 'relabel' ? entry.label : -1);
      } else if (picker) {
        const { select } = picker;
        replace(
          select,
          h('option', { value: '', disabled: true }, 'Choose a class…'),
          names.map((name, c) => (c === given || c === suggested ? null : h('option', { value: String(c) }, name))),
        );
        select.value = entry?.decision === 'relabel' ? String(entry.label) : '';
      } else {
        chipButtons.forEach((chip, c) => {
          chip.hidden = c === given || c === suggested;
          chip.setAttribute('aria-pressed', String(entry?.decision === 'relabel' && entry.label === c));
        });
      }
      relabel.hidden = names.length <= 2;
      state.textContent = entry
        ? ` · ${DECISION_PAST[entry.decision]}: ${isolate(names[entry.label])}`
        : ' · not decided yet';
      state.classList.toggle('decided', Boolean(entry));
      clear.hidden = !entry;
      undo.hidden = !row.canUndo;
    },
    /** Moves focus to the class choices (the R key). */
    focusRelabel() {
      const first = picker ? (picker.search?.input ?? picker.select) : chipButtons.find((b) => !b.hidden);
      first?.focus();
      return Boolean(first);
    },
  };
}

/**
 * The bar above the table: progress, where decisions are kept, Start over (with a confirmation)
 * and the two decision exports. handlers: exportDecisions(), exportLabels(), startOver(),
 * advanceChanged(on).
 */
export function createDecisionBar(handlers) {
  const progressText = h('p', { class: 'review-progress-text', role: 'status', 'aria-live': 'polite' });
  const meter = h('progress', { class: 'review-meter', max: '1', value: '0', 'aria-hidden': 'true' });
  const saveState = h('p', { class: 'save-state' });
  const restored = h('p', { class: 'restored-note', role: 'status', hidden: true });
  const warning = h('div', { class: 'save-warning', role: 'alert', hidden: true });
  const confirm = h('div', { class: 'confirm', role: 'alertdialog', 'aria-modal': 'false', hidden: true });
  const exportDecisions = h(
    'button',
    { type: 'button', class: 'export-decisions', onclick: () => handlers.exportDecisions() },
    'Export decisions (CSV)',
  );
  const exportLabels = h(
    'button',
    { type: 'button', class: 'export-labels', onclick: () => handlers.exportLabels() },
    'Export corrected labels',
  );
  const startOver = h(
    'button',
    { type: 'button', class: 'quiet start-over', onclick: () => askStartOver() },
    'Start over',
  );
  const advanceId = uid('advance');
  const advance = h('input', {
    type: 'checkbox',
    id: advanceId,
    checked: true,
    onchange: () => handlers.advanceChanged(advance.checked),
  });
  const shortcuts = h('p', { class: 'shortcuts help' });
  const element = h(
    'div',
    { class: 'decision-bar', role: 'region', 'aria-label': 'Your review' },
    h(
      'div',
      { class: 'decision-top' },
      h('div', { class: 'review-progress' }, progressText, meter, saveState),
      h(
        'div',
        { class: 'decision-side' },
        h('div', { class: 'decision-actions' }, exportDecisions, exportLabels, startOver),
        h('span', { class: 'advance' }, advance, h('label', { for: advanceId }, 'Go to the next row after deciding')),
      ),
    ),
    restored,
    warning,
    confirm,
  );

  let count = 0;
  let storedToo = false; // decisions are (meant to be) in this browser's storage as well
  let returnFocus = null;

  function askStartOver() {
    returnFocus = startOver;
    const yes = h(
      'button',
      {
        type: 'button',
        class: 'danger confirm-yes',
        onclick: () => {
          confirm.hidden = true;
          handlers.startOver();
        },
      },
      `Clear ${plural(count, 'decision')}`,
    );
    const no = h(
      'button',
      {
        type: 'button',
        class: 'quiet confirm-no',
        onclick: () => {
          confirm.hidden = true;
          returnFocus?.focus();
        },
      },
      'Keep them',
    );
    const questionId = uid('confirm');
    confirm.setAttribute('aria-labelledby', questionId);
    const which = count === 1 ? 'the 1 decision' : `all ${plural(count, 'decision')}`;
    replace(
      confirm,
      h(
        'p',
        { id: questionId },
        `Start over? This clears ${which} on these ` +
          `files${storedToo ? ', here and in this browser’s storage' : ''}. It cannot be undone.`,
      ),
      h('div', { class: 'confirm-buttons' }, yes, no),
    );
    confirm.hidden = false;
    no.focus();
  }

  return {
    element,
    /** The keyboard help, placed by the panel (under the table). */
    shortcuts,
    /**
     * progress: {flagged, reviewed, decided}; storage: {mode, error}; note: {count, savedAt, from}
     * or null; labelsKind: 'csv' | 'npy' | 'parquet' (written as CSV); keys: {relabel: '1–4'}.
     */
    update({ progress, storage, note, labelsKind, keys }) {
      const { flagged, reviewed, decided } = progress;
      count = decided;
      const others = decided - reviewed;
      progressText.textContent =
        `${formatCount(reviewed)} of ${plural(flagged, 'flagged row')} reviewed` +
        (others > 0 ? ` · ${plural(others, 'decision')} on other rows` : '');
      meter.value = flagged ? reviewed / flagged : 0;
      startOver.hidden = decided === 0;
      if (decided === 0) confirm.hidden = true;
      // labelscope writes no Parquet: a Parquet table comes back as a CSV of the whole table.
      exportLabels.textContent = `Export corrected labels (${{ npy: '.npy', parquet: 'Parquet as CSV' }[labelsKind] ?? 'CSV'})`;

      saveState.dataset.mode = storage.mode;
      storedToo = storage.mode !== 'off';
      saveState.textContent = {
        off: 'Decisions are kept while this page is open; export them to keep them.',
        saved: 'Decisions are saved in this browser as you make them (on this device only).',
        saving: 'Saving…',
        failed: 'Decisions are not being saved.',
      }[storage.mode];
      if (storage.mode === 'saved' && storage.savedAt)
        saveState.textContent = 'All decisions saved in this browser (on this device only).';

      warning.hidden = storage.mode !== 'failed';
      if (storage.mode === 'failed') {
        replace(
          warning,
          h('p', { class: 'save-warning-title' }, 'Your decisions are not being saved'),
          h(
            'p',
            {},
            `${storage.error?.message ?? 'This browser’s storage is not available.'} `,
            'They are kept while this tab stays open: export them (Export decisions) before you close it or reload.',
          ),
        );
      }
      restored.hidden = !note;
      if (note) {
        // The person's choices about these files, kept with the decisions (ui/choices.js), came back too.
        const choices = note.choices ? `Restored your choices: ${note.choices}.` : '';
        const decided = !note.count
          ? ''
          : note.from === 'memory'
            ? `Your ${plural(note.count, 'decision')} on these files from earlier in this tab are back.`
            : `Restored ${plural(note.count, 'decision')} saved on ${formatWhen(note.savedAt)}.`;
        restored.textContent = [choices, decided].filter(Boolean).join(' ');
      }
      shortcuts.replaceChildren(
        'Keys in the table: ',
        kbd('A'),
        ' accept · ',
        kbd('K'),
        ' keep · ',
        ...(keys.relabel ? [kbd(keys.relabel), ' relabel · '] : []),
        kbd('R'),
        ' choose a class · ',
        kbd('U'),
        ' undo · ',
        kbd('⌫'),
        ' clear · ',
        kbd('↓'),
        '/',
        kbd('J'),
        ' next row',
      );
      for (const k of shortcuts.querySelectorAll('kbd')) k.removeAttribute('aria-hidden');
    },
  };
}
