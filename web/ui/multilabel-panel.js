// The multi-label review (controllers/multilabel.js): a title naming the label sets and a note on why
// they are read as sets, the class quality table (the multi-label health tables), a per-class filter,
// and per flagged row its given set as chips, what probably is missing or extra, and decisions on the
// set (accept the suggested set, keep the given one, or edit it), with exports in the input's own notation.
import { pageWords } from '../src/js/option-words.js';
import { displayColumns } from '../controllers/columns.js';
import { h, replace, userText } from './dom.js';
import { computeWithFolds, fewerFoldsButton, fewerFoldsFor } from './folds.js';
import { formatCount, formatPercent, formatRow, plural } from './format.js';

const MAX_ROWS = 200; // rows drawn at once; the filter narrows them

const NOTATION_TEXT = {
  semicolon: 'as a;b',
  pipe: 'as a|b',
  json: 'as JSON arrays',
  columns: 'as one 0/1 column per class',
  npy: 'as an N x K .npy of 0/1',
};
const EXPORT_TEXT = {
  semicolon: 'sets as a;b',
  pipe: 'sets as a|b',
  json: 'JSON arrays',
  columns: '0/1 columns',
  npy: '.npy',
};

const DECISION_TEXT = { accept: 'Suggested set accepted', keep: 'Given set kept', edit: 'Set edited' };

/**
 * handlers: {decide(index, decision, set), exportLabels(), exportIssues(), exportDecisions(), cancel()}. Returns
 * {element, progress(text), idle(), show(model, decisions), decisionsChanged(decisions), failed(error),
 * exportFailed(error), clear()}.
 */
export function createMultiLabelPanel(handlers) {
  const element = h('section', {
    class: 'ml-panel',
    hidden: true,
    'aria-label': 'Multi-label review',
    'data-testid': 'multilabel',
  });
  const status = h('p', { class: 'ml-announce', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { class: 'ml-body' });
  element.append(status, body);
  let model = null;
  /** @type {(index: number) => ({decision: string, set: number[]} | null)} */
  let decisionOf = () => null;
  let filter = null; // class index shown, or null for all flagged rows
  let editing = null; // row index whose set is being edited

  const chip = (k, kind = 'given') =>
    h(
      'span',
      { class: `ml-chip ml-${kind}`, 'data-class': model.classNames[k] },
      kind === 'missing' ? '+ ' : kind === 'extra' ? '− ' : '',
      userText(model.classNames[k]),
    );
  const chips = (set, kind) =>
    set.length ? set.map((k) => chip(k, kind)) : [h('span', { class: 'ml-chip ml-empty' }, 'no label')];

  function classTable() {
    const byClass = new Map(model.health.classes.map((c) => [c.classIndex, c]));
    const head = h(
      'tr',
      {},
      ['Class', 'In sets', 'Flagged', 'Label issues', 'Inverse label issues', 'Label noise', 'Label quality'].map((t) =>
        h('th', { scope: 'col' }, t),
      ),
    );
    // The health table's order: the lowest label quality first (cleanlab's row order).
    const rows = model.health.classes.map(({ classIndex: k }) => {
      const c = byClass.get(k);
      return h(
        'tr',
        { class: filter === k ? 'ml-current' : null },
        h(
          'th',
          { scope: 'row' },
          h(
            'button',
            {
              type: 'button',
              class: 'quiet ml-class-link',
              'aria-pressed': String(filter === k),
              onclick: () => setFilter(filter === k ? null : k),
            },
            userText(model.classNames[k]),
          ),
        ),
        h('td', {}, formatCount(model.labelCounts[k] ?? 0)),
        h('td', {}, formatCount(model.classIssues[k].length)),
        h('td', {}, formatCount(Math.round(c.labelIssues))),
        h('td', {}, formatCount(Math.round(c.inverseLabelIssues))),
        h('td', {}, formatPercent(c.labelNoise)),
        h('td', {}, c.labelQualityScore.toFixed(3)),
      );
    });
    return h(
      'div',
      {},
      h(
        'p',
        { class: 'ml-caption', id: 'ml-class-caption' },
        'Class quality — lowest first. Choose a class to see its issues.',
      ),
      h(
        'div',
        { class: 'ml-table-wrap' },
        h(
          'table',
          { class: 'ml-classes', 'data-testid': 'ml-class-table', 'aria-describedby': 'ml-class-caption' },
          h('thead', {}, head),
          h('tbody', {}, rows),
        ),
      ),
    );
  }

  function commonIssues() {
    const items = model.health.common
      .filter((c) => c.numExamples > 0)
      .slice(0, 6)
      .map((c) =>
        h(
          'li',
          {},
          userText(model.classNames[c.classIndex]),
          c.inSuggestedLabel ? ' probably missing in ' : ' probably extra in ',
          plural(c.numExamples, 'row'),
          ` (${formatPercent(c.issueProbability)} of the data)`,
        ),
      );
    return items.length
      ? h('div', { class: 'ml-common' }, h('h4', {}, 'Most common issues'), h('ul', {}, items))
      : null;
  }

  function filterBar() {
    const button = (k, text, count) =>
      h(
        'button',
        {
          type: 'button',
          class: 'ml-filter',
          'aria-pressed': String(filter === k),
          onclick: () => setFilter(k),
        },
        text,
        h('span', { class: 'ml-count' }, formatCount(count)),
      );
    return h(
      'div',
      { class: 'ml-filters', role: 'group', 'aria-label': 'Show issues of one class' },
      button(null, 'All flagged rows', model.rows.length),
      model.classNames.map((name, k) => button(k, userText(name), model.classIssues[k].length)),
    );
  }

  // The id and text columns people see, as the single-label review shows them (controllers/columns.js).
  let columns = { id: null, text: null };

  function editor(row) {
    const current = decisionOf(row.example)?.set ?? row.given;
    const boxes = model.classNames.map((name, k) =>
      h(
        'label',
        { class: 'ml-check' },
        h('input', { type: 'checkbox', value: String(k), checked: current.includes(k) }),
        ' ',
        userText(name),
      ),
    );
    const save = () => {
      const set = boxes
        .map((b) => b.querySelector('input'))
        .filter((i) => i.checked)
        .map((i) => Number(i.value));
      editing = null;
      handlers.decide(row.example, 'edit', set);
    };
    return h(
      'fieldset',
      { class: 'ml-editor' },
      h('legend', {}, `Classes of row ${formatRow(row.example)}`),
      boxes,
      h(
        'div',
        { class: 'ml-actions' },
        h('button', { type: 'button', class: 'primary', onclick: save }, 'Save set'),
        h(
          'button',
          {
            type: 'button',
            class: 'quiet',
            onclick: () => {
              editing = null;
              drawRows();
            },
          },
          'Cancel',
        ),
      ),
    );
  }

  // readOnly: the compact view's rows (a lesson's summary): what is wrong, no decisions to make.
  function rowCard(row, { readOnly = false } = {}) {
    const decided = readOnly ? null : decisionOf(row.example);
    const text = columns.text ? columns.text.values[row.example] : null;
    const id = columns.id
      ? h('span', { class: 'ml-id' }, userText(`${columns.id.name} ${columns.id.values[row.example]}`))
      : null;
    const wrong = [];
    if (row.missing.length)
      wrong.push(h('p', { class: 'ml-wrong ml-missing-text' }, 'probably missing: ', chips(row.missing, 'missing')));
    if (row.extra.length)
      wrong.push(h('p', { class: 'ml-wrong ml-extra-text' }, 'probably extra: ', chips(row.extra, 'extra')));
    const act = (decision, label) =>
      h(
        'button',
        {
          type: 'button',
          'aria-pressed': String(decided?.decision === decision),
          onclick: () => {
            if (decision === 'edit') {
              editing = editing === row.example ? null : row.example;
              drawRows();
            } else handlers.decide(row.example, decided?.decision === decision ? null : decision);
          },
        },
        label,
      );
    return h(
      'article',
      { class: `ml-row${decided ? ' ml-decided' : ''}`, 'data-row': String(row.example + 1) },
      h(
        'header',
        { class: 'ml-row-head' },
        h('span', { class: 'ml-rownum' }, `Row ${formatRow(row.example)}`, id ? [' · ', id] : null),
        h(
          'span',
          { class: 'ml-quality', title: 'Label quality score: lower = more likely wrong' },
          `quality ${model.labelQuality[row.example].toFixed(3)}`,
        ),
      ),
      text != null ? h('p', { class: 'ml-text' }, userText(text)) : null,
      h('p', { class: 'ml-given' }, h('span', { class: 'ml-key' }, 'Given: '), chips(row.given, 'given')),
      wrong,
      h('p', { class: 'ml-suggest' }, h('span', { class: 'ml-key' }, 'Suggested: '), chips(row.suggested, 'suggested')),
      decided
        ? h(
            'p',
            { class: 'ml-decision', 'data-testid': 'ml-decision' },
            `${DECISION_TEXT[decided.decision]}: `,
            chips(decided.set, 'decided'),
          )
        : null,
      readOnly
        ? null
        : h(
            'div',
            { class: 'ml-actions', role: 'group', 'aria-label': `Decide on row ${formatRow(row.example)}` },
            act('accept', 'Accept suggested set'),
            act('keep', 'Keep given set'),
            act('edit', 'Edit set…'),
          ),
      editing === row.example ? editor(row) : null,
    );
  }

  const rowsSlot = h('div', { class: 'ml-rows' });
  const filterSlot = h('div', {});
  const tableSlot = h('div', {});
  const countSlot = h('p', { class: 'ml-decided-count', 'aria-live': 'polite' });
  const exportNote = h('p', { class: 'ml-export-note', role: 'alert', hidden: true });
  // The page's settings card (filter_by, rank_by, ...) is placed here while sets are shown.
  const settingsSlot = h('div', { class: 'ml-settings' });

  function drawRows() {
    const shown = filter == null ? model.rows : model.rows.filter((r) => model.classIssues[filter].includes(r.example));
    const heading =
      filter == null
        ? `${plural(shown.length, 'flagged row')}, most likely wrong first`
        : `${plural(shown.length, 'row')} flagged for ${model.classNames[filter]}`;
    replace(
      rowsSlot,
      h('h4', { class: 'ml-rows-title' }, heading),
      shown.length === 0 ? h('p', { class: 'help' }, 'Nothing flagged here.') : null,
      shown.slice(0, MAX_ROWS).map(rowCard),
      shown.length > MAX_ROWS
        ? h('p', { class: 'help' }, `Showing the first ${MAX_ROWS} of ${formatCount(shown.length)}.`)
        : null,
    );
    const n = model.decidedCount?.() ?? 0;
    countSlot.textContent = n ? `${plural(n, 'decision')} on sets` : 'No decisions yet';
  }

  function setFilter(k) {
    filter = k;
    replace(filterSlot, filterBar());
    replace(tableSlot, classTable());
    drawRows();
  }

  return {
    element,
    settingsSlot,
    progress(text) {
      element.hidden = false;
      status.textContent = text;
      if (!body.querySelector('.ml-cancel')) {
        replace(
          body,
          h('button', { type: 'button', class: 'quiet ml-cancel', onclick: () => handlers.cancel() }, 'Cancel'),
        );
      }
    },
    cancelled() {
      element.hidden = false;
      status.textContent = 'Cancelled. Drop the files again, or choose a demo.';
      body.replaceChildren();
    },
    idle() {},
    /** compact: the summary and the first maxRows flagged rows only (the element's compact attribute). */
    show(m, { decision, count, compact = false, maxRows = 5 }) {
      model = { ...m, decidedCount: count };
      columns = displayColumns(m);
      decisionOf = decision;
      filter = null;
      editing = null;
      element.hidden = false;
      const flagged = m.rows.length;
      // The title says what the card is; the detection that led here is a plain note below it.
      status.textContent =
        `Label sets: ${plural(m.numExamples, 'row')}, ${plural(m.numClasses, 'class', 'classes')}, ` +
        `${formatCount(flagged)} flagged`;
      const several = m.rowsWithSeveral ?? 0;
      element.classList.toggle('ml-compact', compact);
      const summary = h(
        'p',
        { class: 'ml-summary' },
        several
          ? `${plural(several, 'row')} ${several === 1 ? 'has' : 'have'} more than one label, so the ` +
              `labels are ` +
              'read as sets. '
          : '',
        `Sets written ${NOTATION_TEXT[m.notation]}. Overall label health `,
        h('strong', {}, m.health.overall.toFixed(3)),
        '.',
      );
      if (compact) {
        const top = m.rows.slice(0, Math.min(m.rows.length, maxRows));
        replace(
          body,
          summary,
          h(
            'div',
            { class: 'ml-rows' },
            h('h4', { class: 'ml-rows-title' }, `The ${plural(top.length, 'row')} most likely wrong`),
            top.map((row) => rowCard(row, { readOnly: true })),
          ),
          m.rows.length > top.length
            ? h('p', { class: 'help' }, `…and ${formatCount(m.rows.length - top.length)} more.`)
            : null,
        );
        return;
      }
      replace(
        body,
        summary,
        // The person's choices about these files came back with them (ui/choices.js).
        m.restored
          ? h('p', { class: 'restored-note ml-restored', role: 'status' }, `Restored your choices: ${m.restored}.`)
          : null,
        m.computed
          ? h(
              'p',
              { class: 'ml-computed', 'data-testid': 'ml-computed' },
              `Probabilities computed here: one logistic regression per class on ` +
                `${plural(m.computed.folds.length, 'fold')} `,
              `(C = ${m.computed.c}); mean held-out accuracy per (row, class) `,
              formatPercent(m.computed.folds.reduce((a, f) => a + f.accuracy, 0) / m.computed.folds.length),
              '.',
            )
          : null,
        m.warnings.length
          ? h(
              'ul',
              { class: 'ml-warnings' },
              m.warnings.map((w) => h('li', {}, w.message ?? String(w))),
            )
          : null,
        h('div', { class: 'ml-overview' }, tableSlot, commonIssues()),
        settingsSlot,
        filterSlot,
        rowsSlot,
        h(
          'div',
          { class: 'ml-exports' },
          countSlot,
          h(
            'button',
            { type: 'button', class: 'primary', onclick: () => handlers.exportLabels() },
            // A Parquet table comes back as a CSV of the whole table (labelscope writes no Parquet).
            `Download corrected labels (${
              m.labelsFile?.format === 'parquet'
                ? `Parquet as CSV, ${EXPORT_TEXT[m.notation]}`
                : EXPORT_TEXT[m.notation]
            })`,
          ),
          h('button', { type: 'button', onclick: () => handlers.exportIssues() }, 'Download flagged rows (CSV)'),
          h('button', { type: 'button', onclick: () => handlers.exportDecisions() }, 'Download decisions (CSV)'),
          exportNote,
        ),
      );
      exportNote.hidden = true;
      setFilter(null);
    },
    decisionsChanged() {
      if (model) drawRows();
    },
    /**
     * The table's other columns are features: say why, and offer to compute probabilities here, with the page's
     * Folds control (ui/folds.js). Under the trainer's too_few_examples: "Compute with N folds". compute(folds).
     */
    offerCompute(error, compute) {
      element.hidden = false;
      const small = fewerFoldsFor(error);
      if (small) {
        status.textContent = `${small.what} too few rows for ${small.folds} folds`;
        replace(
          body,
          h('p', { class: 'ml-summary' }, pageWords(error.message)),
          fewerFoldsButton(error, compute, 'primary ml-compute compute-fewer-folds'),
        );
        return;
      }
      status.textContent = 'Looks multi-label, without probabilities';
      const offer = computeWithFolds({
        className: 'primary ml-compute',
        text: (folds) =>
          `Compute one-vs-rest probabilities here — ${folds}-fold cross-validated logistic regression per class, ` +
          'in your browser',
        onCompute: compute,
      });
      replace(
        body,
        // Not the reader's error: for a table of sets and features it is no fault, only why this is offered.
        h(
          'p',
          { class: 'ml-summary' },
          'The label column holds sets, and the other columns are no probabilities: ',
          'they can be features, and labelscope can compute out-of-sample probabilities from them here.',
        ),
        h('div', { class: 'cv-offer' }, offer.button, offer.select),
      );
    },
    /** A download that could not be written (the file changed since it was read): said, the review stays. */
    exportFailed(error) {
      exportNote.hidden = false;
      exportNote.textContent = `The download failed: ${error?.message ?? String(error)}`;
    },
    failed(error) {
      element.hidden = false;
      status.textContent = `Could not read the multi-label data: ${pageWords(error?.message ?? String(error))}`;
      body.replaceChildren();
    },
    clear() {
      model = null;
      element.hidden = true;
      status.textContent = '';
      body.replaceChildren();
    },
  };
}
