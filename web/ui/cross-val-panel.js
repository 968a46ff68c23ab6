// The panel of probabilities computed in this tab (controllers/cross-val.js): what is being
// trained on, progress per fold with Cancel, then per-fold accuracy and log loss, how each column
// was used, the settings, and "Download probabilities" (the CLI's PROBS.csv format, src/js).
import { h, replace } from './dom.js';
import { containBidi, formatCount, formatPercentFixed, isolate, plural } from './format.js';
import { probsCsv } from '../src/js/cross-val-result.js';
import { changedRoles, COLUMN_ROLES_CSS, columnRolesTable, roleOf } from './column-roles.js';
import { DEFAULT_FOLDS, FOLDS_CSS, foldsSelect } from './folds.js';

// folds: as asked (null before the columns are chosen, when the folds are chosen with them).
const method = (folds = DEFAULT_FOLDS) =>
  `${folds ? `${folds}-fold cross-validated` : 'Cross-validated'} logistic regression, in your browser`;

const USE_NAMES = {
  label: 'the label',
  numeric: 'number',
  number: 'number',
  categorical: 'category (one-hot)',
  category: 'category (one-hot)',
  text: 'free text (word n-grams)',
  id: 'id — never a feature',
  truth: 'known truth — never a feature',
  embedding: 'embedding',
  vector: 'embedding',
  dropped: 'not used',
  constant: 'not used (constant)',
  probability: 'probability',
};

/**
 * handlers: {onCancel(), onDownload(), onAgain(), onCompute({columnRoles, impute, folds, foldCase}) (computes with
 * the roles chosen in the table of columns), onFoldCase(on) (the same again with class names that differ only in
 * capitals or spacing read as one class, or apart)}.
 */
export function createCrossValPanel({ onCancel, onDownload, onAgain, onCompute, onFoldCase }) {
  const title = h('p', { class: 'cv-title' });
  const what = h('p', { class: 'cv-what' });
  const bar = h('progress', { max: '1' });
  const label = h('span', { class: 'cv-progress-label' });
  const cancel = h('button', { type: 'button', class: 'quiet cv-cancel', onclick: () => onCancel() }, 'Cancel');
  const progress = h(
    'div',
    { class: 'cv-progress', role: 'status' },
    h('div', { class: 'cv-progress-text' }, label, cancel),
    bar,
  );
  const body = h('div', { class: 'cv-body' });
  const element = h(
    'section',
    { class: 'cv-panel', hidden: true, 'aria-label': 'Probabilities computed here' },
    title,
    what,
    progress,
    body,
  );

  // The table of columns with a role select each: before computing, and after (to compute again).
  let choices = null; // {columns, chosen, impute, holder}
  const renderChoices = () => {
    const { columns, chosen, base, impute, holder, computed, folds } = choices;
    const roles = changedRoles(columns, chosen);
    const missing = columns.some(
      (c) => c.missing > 0 && ['numeric', 'categorical'].includes(chosen[c.name] ?? roleOf(c)),
    );
    const imputeId = `cv-impute-${Math.random().toString(36).slice(2)}`;
    const imputeBox = h('input', {
      type: 'checkbox',
      id: imputeId,
      class: 'cv-impute',
      checked: impute,
      onchange: () => {
        choices.impute = imputeBox.checked;
      },
    });
    const changed = Object.keys(roles).length > 0;
    // The number of folds beside the button: chosen before (under an error, or for the last computation).
    const foldsChoice = foldsSelect({
      value: folds,
      onChange: (n) => {
        choices.folds = n;
        if (computed) renderChoices();
      },
    });
    replace(
      holder,
      columnRolesTable(columns, chosen, (next, name) => {
        choices.chosen = next;
        renderChoices();
        // The table was drawn again: the keyboard stays on the select just changed.
        [...holder.querySelectorAll('select.cv-role')].find((s) => s.dataset.column === name)?.focus();
      }),
      missing || impute
        ? h(
            'p',
            { class: 'cv-impute-line' },
            imputeBox,
            h('label', { for: imputeId }, ' Fill missing values with the training fold’s mean'),
          )
        : null,
      h(
        'p',
        { class: 'cv-actions' },
        h(
          'button',
          {
            type: 'button',
            class: computed ? 'cv-compute-again' : 'cv-compute',
            disabled: computed && !changed && impute === choices.imputed && folds === choices.foldsUsed,
            onclick: () =>
              onCompute?.({
                columnRoles: { ...base, ...roles },
                impute: choices.impute,
                folds: choices.folds,
                ...(choices.foldCase ? { foldCase: true } : {}),
              }),
          },
          computed ? 'Compute again with these columns' : 'Compute with these columns',
        ),
        ' ',
        foldsChoice.element,
        changed ? h('span', { class: 'cv-note' }, ` ${plural(Object.keys(roles).length, 'column')} changed.`) : null,
      ),
    );
    if (computed) imputeBox.addEventListener('change', renderChoices);
  };
  // base: the roles already applied (the last computation's columnRoles): kept, changes added.
  // chosen: selections made before (kept for the columns this table has).
  const showChoices = (
    columns,
    { base = {}, impute = false, computed = false, chosen = {}, folds = DEFAULT_FOLDS, foldCase = false } = {},
  ) => {
    const holder = h('div', { class: 'cv-choices' });
    const names = new Set(columns.map((c) => c.name));
    const kept = Object.fromEntries(Object.entries(chosen).filter(([name]) => names.has(name)));
    // foldCase: the spellings read as one class (foldCaseLine), kept when computing again with other columns.
    choices = {
      columns,
      chosen: kept,
      base,
      impute,
      imputed: impute,
      holder,
      computed,
      folds,
      foldsUsed: folds,
      foldCase,
    };
    renderChoices();
    return holder;
  };

  // A features file (pixels, say): nothing to choose but the number of folds.
  const denseChoice = (report, folds) => {
    const foldsChoice = foldsSelect({ value: folds });
    return h(
      'p',
      {},
      `${report.featuresFile}: ${report.denseShape?.join(' × ') ?? ''} ${report.denseType ?? ''} ` + `features.`,
      h(
        'button',
        { type: 'button', class: 'cv-compute', onclick: () => onCompute?.({ folds: foldsChoice.value() }) },
        'Compute',
      ),
      ' ',
      foldsChoice.element,
    );
  };

  const setProgress = (text, fraction) => {
    progress.hidden = false;
    label.textContent = containBidi(text);
    if (fraction == null) bar.removeAttribute('value');
    else bar.value = fraction;
  };

  return {
    element,
    start({ input, title: name, fetching = false, columnsOnly = false, folds = DEFAULT_FOLDS }) {
      element.hidden = false;
      element.dataset.state = columnsOnly ? 'columns-reading' : 'running';
      title.textContent = columnsOnly
        ? 'Reading the columns…'
        : `${name ? `${isolate(name)}: computing` : 'Computing'} out-of-sample probabilities`;
      const files = input
        ? Object.values(input)
            .map((f) => isolate(f.name))
            .join(' + ')
        : '';
      what.textContent =
        `${method(columnsOnly ? null : folds)}${files ? ` — from ${files}` : ''}. ` +
        'Each row’s probabilities come from a model that never saw it; nothing leaves this tab.';
      replace(body);
      setProgress(fetching ? 'Loading the data…' : 'Reading…', null);
      // Under the guide on a first visit: bring the progress (and its Cancel) into view.
      const below = element.getBoundingClientRect().bottom > (globalThis.innerHeight ?? Infinity);
      if (below) element.scrollIntoView({ block: 'nearest' });
    },
    progress(p) {
      if (p.stage === 'reading') {
        setProgress(`Reading ${p.file}…`, p.totalBytes ? p.bytesRead / p.totalBytes : null);
      } else if (p.stage === 'training') {
        const next = Math.min(p.foldsDone + 1, p.numFolds);
        const text =
          p.foldsDone >= p.numFolds
            ? `Trained ${p.numFolds} folds; analysing…`
            : `Training fold ${next} of ${p.numFolds}…`;
        setProgress(text, p.foldsDone / p.numFolds);
        element.dataset.foldsDone = String(p.foldsDone);
      }
    },
    /**
     * Before computing: which column would be used as what (crossValColumns), each changeable. previous: the choice
     * the table showed before ({chosen, impute}, currentChoice), selected again.
     */
    columns(report, previous = null) {
      element.dataset.state = 'columns';
      progress.hidden = true;
      title.textContent = 'Choose how each column is used, then compute';
      replace(
        body,
        report.columns?.length
          ? showChoices(report.columns, {
              chosen: previous?.chosen ?? {},
              impute: Boolean(previous?.impute),
              folds: previous?.folds ?? DEFAULT_FOLDS,
            })
          : denseChoice(report, previous?.folds ?? DEFAULT_FOLDS),
      );
    },
    /**
     * first: with simulated noise, the model trained on the original labels (this result was trained
     * again on the noisy ones, and is what is analysed): its accuracy is said beside, not shown as this one's.
     */
    done(result, { first = null } = {}) {
      element.dataset.state = 'done';
      element.dataset.model = first ? 'noisy-labels' : 'given-labels';
      progress.hidden = true;
      const accuracyOf = (r) => r.folds.reduce((s, f) => s + f.accuracy * f.testRows, 0) / r.numExamples;
      const accuracy = accuracyOf(result);
      title.textContent = first
        ? `Out-of-sample probabilities computed here, trained on the noisy labels: ${formatPercentFixed(accuracy)} ` +
          'accuracy against them'
        : `Out-of-sample probabilities computed here: ${formatPercentFixed(accuracy)} accuracy`;
      if (first) {
        what.textContent =
          `${method(result.settings.foldsUsed ?? result.settings.folds)}, trained again on the labels with ` +
          'simulated noise: these are the probabilities analysed ' +
          `below. The model trained on the original labels scored ${formatPercentFixed(accuracyOf(first))}; ` +
          'its probabilities are not used. Each row’s probabilities come from a model that never saw it; nothing ' +
          'leaves this tab.';
      }
      replace(
        body,
        first ? null : foldCaseLine(result, onFoldCase),
        foldTable(result),
        featureList(result, showChoices),
        settingsLine(result, Boolean(first)),
        h(
          'p',
          { class: 'cv-actions' },
          h('button', { type: 'button', class: 'cv-download', onclick: () => onDownload() }, 'Download probabilities'),
          h(
            'span',
            { class: 'cv-note' },
            ` A CSV of ${formatCount(result.numExamples)} rows × ${result.numClasses} ` +
              'classes, as the CLI’s cross-val writes it' +
              `${first ? ': the probabilities analysed (trained on the noisy labels)' : ''}.`,
          ),
        ),
      );
    },
    cancelled() {
      element.dataset.state = 'cancelled';
      progress.hidden = true;
      title.textContent = 'Cancelled: no probabilities were computed';
      replace(
        body,
        h(
          'p',
          { class: 'cv-actions' },
          'Nothing else changed. ',
          h('button', { type: 'button', class: 'cv-again', onclick: () => onAgain() }, 'Compute again'),
        ),
      );
    },
    failed() {
      element.hidden = true; // the error is shown in the status line, with what to do
      element.dataset.state = 'failed';
    },
    clear() {
      element.hidden = true;
      element.dataset.state = '';
      choices = null;
      replace(body);
    },
    /**
     * The roles the table of columns shows now ({columnRoles: as crossValProbs takes them, impute, chosen: the
     * selections}), or null when the panel shows no table.
     */
    currentChoice() {
      if (!choices || element.hidden || !choices.holder.isConnected) return null;
      const { columns, chosen, base, impute, folds, foldCase } = choices;
      const roles = { ...base, ...changedRoles(columns, chosen) };
      return { columnRoles: roles, impute, chosen: { ...chosen }, folds, ...(foldCase ? { foldCase: true } : {}) };
    },
  };
}

/**
 * Class names that differ only in capitals or spacing ('billing', 'Billing'): the way to read each group as one class
 * (crossValProbs' foldCase), right under the title; once read so, what was merged and the way back.
 */
function foldCaseLine(result, onFoldCase) {
  if (!onFoldCase) return null;
  if (result.settings.foldCase) {
    return h(
      'p',
      { class: 'cv-fold-case', 'data-fold-case': 'merged' },
      'Class names that differ only in capitals or spacing were read as one class each, named by the most common ' +
        `spelling: ${plural(result.numClasses, 'class', 'classes')}. `,
      h(
        'button',
        { type: 'button', class: 'quiet cv-fold-apart', onclick: () => onFoldCase(false) },
        'Read them apart again',
      ),
    );
  }
  const groups = (result.warnings ?? []).filter((w) => w.code === 'classes_differ_in_case');
  if (!groups.length) return null;
  const spellings = groups.reduce((n, w) => n + (w.classes?.length ?? 0), 0);
  return h(
    'p',
    { class: 'cv-fold-case', 'data-fold-case': 'apart' },
    `${plural(spellings, 'class name')} differ only in capitals or spacing ` +
      `(${plural(groups.length, 'group')}, in the warnings below): read apart, as written. `,
    h(
      'button',
      { type: 'button', class: 'cv-fold', onclick: () => onFoldCase(true) },
      'Read these spellings as one class',
    ),
  );
}

function foldTable(result) {
  return h(
    'table',
    { class: 'cv-folds' },
    h(
      'caption',
      {},
      `Held-out accuracy per fold (${plural(result.settings.foldsUsed ?? result.folds.length, 'fold')})`,
    ),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Fold', 'Rows tested', 'Accuracy', 'Log loss'].map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h(
      'tbody',
      {},
      result.folds.map((f, k) =>
        h(
          'tr',
          { 'data-fold': String(k + 1) },
          h('th', { scope: 'row' }, String(k + 1)),
          h('td', {}, formatCount(f.testRows)),
          h('td', { class: 'cv-accuracy' }, formatPercentFixed(f.accuracy)), // one precision down the column
          h('td', {}, f.logLoss.toFixed(3)),
        ),
      ),
    ),
  );
}

function featureList(result, showChoices) {
  const report = result.featureReport ?? {};
  const columns = report.columns ?? [];
  if (columns.length) {
    // A table: its columns with their roles, changeable, to compute again.
    const roles = result.settings.columnRoles ?? {};
    return h(
      'details',
      { class: 'cv-columns', open: true },
      h('summary', {}, 'Which columns were used, and how'),
      showChoices(withTrainerReport(columns, report), {
        base: roles,
        impute: result.settings.impute,
        computed: true,
        folds: result.settings.folds ?? DEFAULT_FOLDS,
        foldCase: Boolean(result.settings.foldCase),
      }),
      h(
        'ul',
        {},
        (report.notes ?? []).filter((n) => !/^'/.test(n)).map((n) => h('li', { class: 'cv-note' }, n)),
      ),
    );
  }
  const items = columns.length
    ? columns.map((c) => {
        const use = USE_NAMES[c.use] ?? c.use;
        // The reader's reason where it adds something ("an id column by its name"), not "numbers" again.
        const reason = c.reason && !use.startsWith(c.reason.replace(/s$/, '')) ? ` (${c.reason})` : '';
        return h('li', {}, h('span', { class: 'cv-col' }, c.name), ` — ${use}${reason}`);
      })
    : (report.used ?? []).map((u) =>
        h(
          'li',
          {},
          `${u}${report.featuresFile ? ` of ${report.featuresFile}` : ''}` +
            `${report.denseType ? ` (${report.denseType})` : ''}`,
        ),
      );
  const notes = [...(report.notes ?? [])];
  return h(
    'details',
    { class: 'cv-columns', open: true },
    h('summary', {}, 'Which columns were used, and how'),
    h(
      'ul',
      {},
      items,
      notes.map((n) => h('li', { class: 'cv-note' }, n)),
    ),
  );
}

// The result's columns as crossValColumns gives them: constant ones and one-hot levels marked.
function withTrainerReport(columns, report) {
  const dropped = new Set(report.droppedConstant ?? []);
  const levels = new Map((report.oneHot ?? []).map((s) => [s.slice(0, s.indexOf(':')), s.slice(s.indexOf(':') + 2)]));
  return columns.map((c) => ({
    ...c,
    ...(dropped.has(c.name) ? { constant: true } : {}),
    ...(levels.has(c.name) ? { levels: levels.get(c.name) } : {}),
  }));
}

// noisy: trained on labels with simulated noise, which the CLI's cross-val of the files would not be.
function settingsLine(result, noisy = false) {
  const s = result.settings;
  const c = `C = ${s.c}${s.cChosen ? ' (chosen on held-out data)' : ''}`;
  const same = !s.columnRoles && !noisy;
  const flags = `${s.impute ? ' --impute' : ''}${s.foldCase ? ' --fold-case' : ''}`;
  return h(
    'p',
    { class: 'cv-settings' },
    `Logistic regression, ${s.foldsUsed ?? s.folds} folds, seed ${s.seed}, ${c}`,
    s.columnRoles ? `, ${plural(Object.keys(s.columnRoles).length, 'column role')} chosen above. ` : '',
    same ? '. Same as ' : s.columnRoles ? '' : '. ',
    same ? h('code', {}, `labelscope cross-val --folds ${s.folds} --seed ${s.seed}${flags}`) : null,
    same ? '.' : null,
  );
}

/** The panel's styles (adopted by the element's shadow root). */
export function crossValStyles() {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`${COLUMN_ROLES_CSS}
${FOLDS_CSS}
/* A question (which column holds the labels?, plausibility.js), not a failure: neutral colours. */
.alert.alert-question { border-color: var(--ls-border); border-left-color: var(--ls-accent);
  background: var(--ls-surface); }
.alert-question .choose-label-column { align-self: flex-start; }
.cv-panel { border: 1px solid var(--ls-border); border-radius: var(--ls-radius); background: var(--ls-surface);
  padding: 0.9rem 1rem; margin: 0.75rem 0; color: var(--ls-text); }
.cv-title { font-weight: 600; margin: 0 0 0.25rem; }
.cv-fold-case { margin: 0.25rem 0 0.5rem; }
.cv-fold-case button { margin-left: 0.25rem; }
.cv-what { color: var(--ls-muted); margin: 0 0 0.5rem; font-size: 0.92rem; }
.cv-progress-text { display: flex; gap: 0.75rem; align-items: center; justify-content: space-between; }
.cv-progress progress { width: 100%; }
.cv-folds { border-collapse: collapse; margin: 0.5rem 0; font-variant-numeric: tabular-nums; }
.cv-folds caption { text-align: left; color: var(--ls-muted); font-size: 0.88rem; padding-bottom: 0.25rem; }
.cv-folds th, .cv-folds td { padding: 0.2rem 0.8rem 0.2rem 0; text-align: right;
  border-bottom: 1px solid var(--ls-border); }
.cv-folds th:first-child { text-align: left; }
.cv-columns ul { margin: 0.25rem 0; padding-left: 1.2rem; }
.cv-columns summary { cursor: pointer; }
.cv-col { font-family: ui-monospace, monospace; }
.cv-note, .cv-settings { color: var(--ls-muted); font-size: 0.88rem; }
.cv-settings code { overflow-wrap: anywhere; }
.cv-actions { margin: 0.5rem 0 0; }
.cv-actions .cv-folds-choice { margin-left: 0.6rem; }
/* Three demos beside the drop zone once data is shown: the demos wrap, the drop zone keeps its room. */
.intake.has-data { grid-template-columns: minmax(260px, 1fr) minmax(0, max-content); }
@media (max-width: 900px) { .intake.has-data { grid-template-columns: minmax(0, 1fr); } }
.plausibility .choose-columns { align-self: flex-start; }
.cv-panel .cv-compute, .cv-panel .cv-compute-again:not([disabled]) { background: var(--ls-accent);
  color: var(--ls-on-accent); border-color: var(--ls-accent); font-weight: 600; }
.cv-impute-line { margin: 0.25rem 0; font-size: 0.92rem; }
.plausibility .compute-probabilities { align-self: flex-start; max-width: 100%; margin-top: 0.25rem;
  white-space: normal; text-align: left; font-weight: 600;
  background: var(--ls-accent); color: var(--ls-on-accent); border-color: var(--ls-accent); }
.thumb { image-rendering: pixelated; border-radius: 3px; flex: none; background: #000; }
.thumb-row { display: flex; align-items: center; gap: 0.6rem; min-width: 0; }
`);
  return sheet;
}

/** The probabilities as the CLI's PROBS.csv (one home for that format: src/js/cross-val-result.js). */
export function probabilitiesBlob(result) {
  return new Blob([probsCsv(result)], { type: 'text/csv' });
}
