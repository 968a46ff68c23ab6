// The panel of probabilities computed in this tab (controllers/cross-val.js): what is being
// trained on, progress per fold with Cancel, then per-fold accuracy and log loss, how each column
// was used, the settings, and "Download probabilities" (the CLI's PROBS.csv format, src/js).
import { h, replace } from './dom.js';
import { formatCount, formatPercent, plural } from './format.js';
import { probsCsv } from '../src/js/cross-val.js';

const METHOD = '5-fold cross-validated logistic regression, in your browser';

const USE_NAMES = {
  label: 'the label', numeric: 'number', number: 'number',
  categorical: 'category (one-hot)', category: 'category (one-hot)',
  text: 'free text (word n-grams)', id: 'id — never a feature', truth: 'known truth — never a feature',
  embedding: 'embedding', vector: 'embedding', dropped: 'not used', constant: 'not used (constant)',
  probability: 'probability',
};

/** handlers: {onCancel(), onDownload(), onAgain()}. */
export function createCrossValPanel({ onCancel, onDownload, onAgain }) {
  const title = h('p', { class: 'cv-title' });
  const what = h('p', { class: 'cv-what' });
  const bar = h('progress', { max: '1' });
  const label = h('span', { class: 'cv-progress-label' });
  const cancel = h('button', { type: 'button', class: 'quiet cv-cancel', onclick: () => onCancel() }, 'Cancel');
  const progress = h('div', { class: 'cv-progress', role: 'status' },
    h('div', { class: 'cv-progress-text' }, label, cancel), bar);
  const body = h('div', { class: 'cv-body' });
  const element = h('section', { class: 'cv-panel', hidden: true, 'aria-label': 'Probabilities computed here' },
    title, what, progress, body);

  const setProgress = (text, fraction) => {
    progress.hidden = false;
    label.textContent = text;
    if (fraction == null) bar.removeAttribute('value');
    else bar.value = fraction;
  };

  return {
    element,
    start({ input, title: name, fetching = false }) {
      element.hidden = false;
      element.dataset.state = 'running';
      title.textContent = `${name ? `${name}: computing` : 'Computing'} out-of-sample probabilities`;
      const files = input ? Object.values(input).map((f) => f.name).join(' + ') : '';
      what.textContent = `${METHOD}${files ? ` — from ${files}` : ''}. Each row’s probabilities come from a model `
        + 'that never saw it; nothing leaves this tab.';
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
        const text = p.foldsDone >= p.numFolds ? `Trained ${p.numFolds} folds; analysing…`
          : `Training fold ${next} of ${p.numFolds}…`;
        setProgress(text, p.foldsDone / p.numFolds);
        element.dataset.foldsDone = String(p.foldsDone);
      }
    },
    done(result) {
      element.dataset.state = 'done';
      progress.hidden = true;
      const accuracy = result.folds.reduce((s, f) => s + f.accuracy * f.testRows, 0) / result.numExamples;
      title.textContent = `Out-of-sample probabilities computed here: ${formatPercent(accuracy)} accuracy`;
      replace(body,
        foldTable(result),
        featureList(result),
        settingsLine(result),
        h('p', { class: 'cv-actions' },
          h('button', { type: 'button', class: 'cv-download', onclick: () => onDownload() }, 'Download probabilities'),
          h('span', { class: 'cv-note' }, ` A CSV of ${formatCount(result.numExamples)} rows × ${result.numClasses} `
            + 'classes, as the CLI’s cross-val writes it.')));
    },
    cancelled() {
      element.dataset.state = 'cancelled';
      progress.hidden = true;
      title.textContent = 'Cancelled: no probabilities were computed';
      replace(body, h('p', { class: 'cv-actions' }, 'Nothing else changed. ',
        h('button', { type: 'button', class: 'cv-again', onclick: () => onAgain() }, 'Compute again')));
    },
    failed() {
      element.hidden = true; // the error is shown in the status line, with what to do
      element.dataset.state = 'failed';
    },
    clear() {
      element.hidden = true;
      element.dataset.state = '';
      replace(body);
    },
  };
}

function foldTable(result) {
  return h('table', { class: 'cv-folds' },
    h('caption', {},
      `Held-out accuracy per fold (${plural(result.settings.foldsUsed ?? result.folds.length, 'fold')})`),
    h('thead', {}, h('tr', {},
      ['Fold', 'Rows tested', 'Accuracy', 'Log loss'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, result.folds.map((f, k) => h('tr', { 'data-fold': String(k + 1) },
      h('th', { scope: 'row' }, String(k + 1)),
      h('td', {}, formatCount(f.testRows)),
      h('td', { class: 'cv-accuracy' }, formatPercent(f.accuracy)),
      h('td', {}, f.logLoss.toFixed(3))))));
}

function featureList(result) {
  const report = result.featureReport ?? {};
  const columns = report.columns ?? [];
  const items = columns.length
    ? columns.map((c) => {
      const use = USE_NAMES[c.use] ?? c.use;
      // The reader's reason where it adds something ("an id column by its name"), not "numbers" again.
      const reason = c.reason && !use.startsWith(c.reason.replace(/s$/, '')) ? ` (${c.reason})` : '';
      return h('li', {}, h('span', { class: 'cv-col' }, c.name), ` — ${use}${reason}`);
    })
    : (report.used ?? []).map((u) => h('li', {},
      `${u}${report.featuresFile ? ` of ${report.featuresFile}` : ''}`
        + `${report.denseType ? ` (${report.denseType})` : ''}`));
  const notes = [...(report.notes ?? [])];
  return h('details', { class: 'cv-columns', open: true },
    h('summary', {}, 'Which columns were used, and how'),
    h('ul', {}, items, notes.map((n) => h('li', { class: 'cv-note' }, n))));
}

function settingsLine(result) {
  const s = result.settings;
  const c = `C = ${s.c}${s.cChosen ? ' (chosen on held-out data)' : ''}`;
  return h('p', { class: 'cv-settings' },
    `Logistic regression, ${s.foldsUsed ?? s.folds} folds, seed ${s.seed}, ${c}. Same as `,
    h('code', {}, `labelscope cross-val --folds ${s.folds} --seed ${s.seed}`), '.');
}

/** The panel's styles (adopted by the element's shadow root). */
export function crossValStyles() {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`
.cv-panel { border: 1px solid var(--ls-border); border-radius: var(--ls-radius); background: var(--ls-surface);
  padding: 0.9rem 1rem; margin: 0.75rem 0; color: var(--ls-text); }
.cv-title { font-weight: 600; margin: 0 0 0.25rem; }
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
/* Three demos beside the drop zone once data is shown: the demos wrap, the drop zone keeps its room. */
.intake.has-data { grid-template-columns: minmax(260px, 1fr) minmax(0, max-content); }
@media (max-width: 900px) { .intake.has-data { grid-template-columns: minmax(0, 1fr); } }
.plausibility .compute-probabilities { align-self: flex-start; max-width: 100%; margin-top: 0.25rem;
  white-space: normal; text-align: left; font-weight: 600;
  background: var(--ls-accent); color: var(--ls-on-accent); border-color: var(--ls-accent); }
.thumb { image-rendering: pixelated; border-radius: 3px; flex: none; background: #000; }
.thumb-row { display: flex; align-items: center; gap: 0.6rem; min-width: 0; }
`);
  return sheet;
}

/** The probabilities as the CLI's PROBS.csv (one home for that format: src/js/cross-val.js). */
export function probabilitiesBlob(result) {
  return new Blob([probsCsv(result)], { type: 'text/csv' });
}
