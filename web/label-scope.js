// <label-scope>: drop labels + out-of-sample predicted probabilities, review the likely label
// errors — all in this browser tab. The labelscope page is this element; lessons embed it with
// one tag. Parsing and analysis run in a Web Worker (WebAssembly), so the page never freezes.
//
//   <script type="module" src="/label-scope.js"></script>
//   <label-scope demo></label-scope>                       headlines demo (demo="mnist" for MNIST)
//   <label-scope src="data.csv" compact max-rows="3">      a combined CSV, summary + top 3 only
//   <label-scope labels-src="y.csv" pred-probs-src="p.npy" truth-src="truth.csv" filter-by="both">
//
// Events (both bubble out of the shadow root):
//   labelscope-result  after every analysis or truth change; detail: see #resultDetail
//   labelscope-error   detail: {code, message, file, row, column}
// Styling: --label-scope-accent, --label-scope-font, --label-scope-bg, --label-scope-text, ...
// (ui/styles.js lists them all); light and dark follow prefers-color-scheme.
import { sharedClient } from './ui/core.js';
import { renderCompact } from './ui/compact.js';
import { demoUrls, fetchFiles } from './ui/demos.js';
import { h, replace } from './ui/dom.js';
import { download, flaggedRowsCsv, fullDatasetCsv } from './ui/export.js';
import { renderInsights } from './ui/insights.js';
import { createIntake } from './ui/intake.js';
import { ReviewPanel, displayColumns } from './ui/review.js';
import { checkRoles, DATA_ROLES, mergeFiles, sniffFile } from './ui/roles.js';
import { auditOptions, createSettings, DEFAULT_SETTINGS } from './ui/settings.js';
import { createStatus, renderWarnings } from './ui/status.js';
import { styleSheet } from './ui/styles.js';
import { renderSummary, renderTruth } from './ui/summary.js';
import { buildTruth, parseTruthFile, scoreFlags } from './ui/truth.js';

const SOURCE_ATTRIBUTES = ['demo', 'src', 'labels-src', 'pred-probs-src', 'truth-src'];
const DEFAULT_COMPACT_ROWS = 5;

export class LabelScopeElement extends HTMLElement {
  static observedAttributes = [...SOURCE_ATTRIBUTES, 'filter-by', 'rank-by', 'max-rows', 'compact'];

  #ui = null;
  #entries = [];        // files and the role of each
  #readEntries = [];    // the files behind the current dataset
  #labelColumn = null;  // combined CSV: the person's choice, or null for the reader's guess
  #dataset = null;
  #truthFiles = [];
  #truth = null;
  #report = null;
  #busy = null;         // AbortController of the running load/read
  #generation = 0;      // newer audits win over older ones still in flight
  #auditing = null;     // the audit in flight
  #auditAgain = null;   // one more audit wanted when it ends (the latest settings win)
  #stats = { reads: 0, audits: 0 };
  #matrixKind = 'counts';
  #sourceName = 'labelscope';
  #loadedSources = null;
  #pendingAttributes = false;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [styleSheet()];
  }

  // ---- public API -----------------------------------------------------------------------------

  /** The last audit report (see the JS API's audit()), or null. */
  get report() { return this.#report; }
  /** The dataset in the worker (WorkerDataset), or null. */
  get data() { return this.#dataset; }
  /** Known truth per row ({status, corrected, ...}), or null. */
  get truth() { return this.#truth; }
  /** How many times files were read and audits run (settings changes must not re-read). */
  get stats() { return { ...this.#stats }; }
  get settings() { return this.#ui?.settings.values ?? { ...DEFAULT_SETTINGS }; }

  /** Adds files as if dropped: roles are guessed, and the data is read once it is complete. */
  async loadFiles(files, { replace: replaceAll = false } = {}) {
    this.#ensureBuilt();
    this.#ui.status.clearError();
    let incoming;
    try {
      incoming = await Promise.all([...files].map(sniffFile));
    } catch (error) {
      return this.#fail(error);
    }
    const dataChanged = incoming.some((e) => DATA_ROLES.includes(e.role));
    this.#entries = replaceAll ? incoming : mergeFiles(this.#entries, incoming, Boolean(this.#dataset));
    if (replaceAll || dataChanged) this.#labelColumn = null;
    if (!replaceAll) this.#sourceName = baseName(incoming[0]?.file.name);
    return this.#entriesChanged();
  }

  /** Loads a bundled demo: 'headlines' or 'mnist'. */
  async loadDemo(name = 'headlines') {
    this.#ensureBuilt();
    let urls;
    try {
      urls = demoUrls(name);
    } catch (error) {
      return this.#fail(error, 'Unknown demo');
    }
    this.#sourceName = `${name}-demo`;
    return this.#loadUrls(urls, `Loading the ${name} demo…`);
  }

  // ---- lifecycle --------------------------------------------------------------------------------

  connectedCallback() {
    this.#ensureBuilt();
    // Start the worker and its WebAssembly now, so that once the page has loaded nothing more
    // needs the network.
    sharedClient().then(
      () => { this.dataset.core = 'ready'; },
      (error) => this.#fail(error, 'labelscope could not start', {
        hint: 'Reload the page. labelscope needs WebAssembly and module workers (a recent Chrome, Edge, Firefox or Safari).',
      }),
    );
    this.#attributesChanged();
  }

  disconnectedCallback() {
    // Moving the element fires disconnect + connect; only a real removal frees the dataset.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#busy?.abort();
      this.#dataset?.free().catch(() => {});
      this.#dataset = null;
      this.#report = null;
      this.#entries = [];
      this.#readEntries = [];
      this.#loadedSources = null;
      this.#ui.results.hidden = true;
      this.#ui.compact.replaceChildren();
      this.#showFiles(null);
      this.#setState('idle');
    });
  }

  attributeChangedCallback(name) {
    if (!this.#ui) return; // connectedCallback reads every attribute
    if (name === 'filter-by' || name === 'rank-by') {
      this.#ui.settings.set(this.#attributeSettings());
      if (this.#dataset) this.#audit();
    } else if (name === 'compact' || name === 'max-rows') {
      this.#applyLayout();
      if (this.#report) this.#render({ newDataset: true });
    } else {
      this.#attributesChanged();
    }
  }

  // Several attributes set in a row cause one load.
  #attributesChanged() {
    if (this.#pendingAttributes) return;
    this.#pendingAttributes = true;
    queueMicrotask(() => {
      this.#pendingAttributes = false;
      if (this.isConnected) this.#loadFromAttributes();
    });
  }

  #loadFromAttributes() {
    const sources = Object.fromEntries(SOURCE_ATTRIBUTES.map((a) => [a, this.getAttribute(a)]));
    const key = JSON.stringify(sources);
    if (key === this.#loadedSources) return;
    this.#loadedSources = key;
    const truth = sources['truth-src'] ? [sources['truth-src']] : [];
    if (sources.src) {
      this.#sourceName = baseName(sources.src);
      this.#loadUrls([sources.src, ...truth], 'Loading data…');
    } else if (sources['labels-src'] || sources['pred-probs-src']) {
      this.#sourceName = baseName(sources['labels-src'] ?? sources['pred-probs-src']);
      this.#loadUrls([sources['labels-src'], sources['pred-probs-src'], ...truth].filter(Boolean), 'Loading data…');
    } else if (sources.demo != null) {
      this.loadDemo(sources.demo || 'headlines');
    }
  }

  #attributeSettings() {
    const patch = {};
    if (this.hasAttribute('filter-by')) patch.filterBy = this.getAttribute('filter-by');
    if (this.hasAttribute('rank-by')) patch.rankBy = this.getAttribute('rank-by');
    return patch;
  }

  get #compact() { return this.hasAttribute('compact'); }

  get #maxRows() {
    const value = Number.parseInt(this.getAttribute('max-rows') ?? '', 10);
    if (Number.isFinite(value) && value > 0) return value;
    return this.#compact ? DEFAULT_COMPACT_ROWS : Infinity;
  }

  // ---- building the UI --------------------------------------------------------------------------

  #ensureBuilt() {
    if (this.#ui) return;
    const intake = createIntake({
      onFiles: (files) => this.loadFiles(files),
      onDemo: (name) => this.loadDemo(name),
      onRole: (index, role) => {
        // A label column chosen for a combined table means nothing for another file.
        if (role === 'combined' || this.#entries[index].role === 'combined') this.#labelColumn = null;
        this.#entries = this.#entries.map((e, i) => (i === index ? { ...e, role, reason: 'your choice' } : e));
        this.#entriesChanged();
      },
      onLabelColumn: (column) => {
        this.#labelColumn = column;
        this.#entriesChanged({ force: true });
      },
      onSwap: () => {
        const swapped = { labels: 'predProbs', predProbs: 'labels' };
        this.#entries = this.#entries.map((e) => (swapped[e.role] ? { ...e, role: swapped[e.role], reason: 'swapped' } : e));
        this.#entriesChanged();
      },
    });
    const status = createStatus({ onCancel: () => this.#busy?.abort() });
    const settings = createSettings(() => { if (this.#dataset) this.#audit(); });
    settings.set(this.#attributeSettings());
    const review = new ReviewPanel({ onExport: (kind) => this.#export(kind) });
    const ui = {
      intake, status, settings, review,
      summary: h('div', { class: 'summary-slot' }),
      truth: h('div', { class: 'truth-slot' }),
      warnings: h('div', { class: 'warnings-slot' }),
      insights: h('div', { class: 'insights-slot' }),
      compact: h('div', { class: 'compact-slot', 'aria-live': 'polite' }),
    };
    ui.results = h('div', { class: 'results', hidden: true },
      ui.summary, ui.truth, ui.warnings,
      h('div', { class: 'workspace' }, settings.element, review.element),
      ui.insights);
    ui.root = h('div', { class: 'ls', part: 'root' },
      intake.element, status.element, ui.results, ui.compact,
      h('p', { class: 'compact-footer' }, 'Analysed in your browser by labelscope; nothing was uploaded.'));
    this.#ui = ui;
    this.shadowRoot.replaceChildren(ui.root);
    this.#applyLayout();
    this.#setState('idle');
  }

  #applyLayout() {
    const compact = this.#compact;
    this.#ui.root.classList.toggle('compact', compact);
    this.#ui.intake.element.hidden = compact;
    this.#ui.results.hidden = compact || !this.#report;
    this.#ui.compact.hidden = !compact;
  }

  #setState(state) {
    this.dataset.state = state;
    if (state === 'loading' || state === 'reading' || state === 'analysing') this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
  }

  // ---- loading and reading ----------------------------------------------------------------------

  async #loadUrls(urls, message) {
    this.#ensureBuilt();
    const controller = this.#startBusy();
    this.#setState('loading');
    this.#ui.status.clearError();
    this.#ui.status.note('');
    this.#ui.status.progress(message);
    let files;
    try {
      files = await fetchFiles(urls, controller.signal);
    } catch (error) {
      this.#endBusy(controller);
      if (error.code === 'cancelled') return this.#busy ? undefined : this.#cancelled();
      return this.#fail(error, 'Could not load the data', { hint: 'Check the address of the data file; it must be on this site.' });
    }
    this.#endBusy(controller);
    if (this.#busy) return undefined; // a newer load took over
    return this.loadFiles(files, { replace: true });
  }

  #startBusy() {
    this.#busy?.abort();
    const controller = new AbortController();
    this.#busy = controller;
    return controller;
  }

  #endBusy(controller) {
    if (this.#busy === controller) this.#busy = null;
  }

  async #entriesChanged({ force = false } = {}) {
    const { ready, problem } = checkRoles(this.#entries);
    this.#showFiles(ready ? null : problem);
    if (!ready) {
      // Results of other files would be misleading next to an unfinished set.
      if (!sameData(this.#entries, this.#readEntries)) this.#ui.results.hidden = true;
      this.#setState('waiting');
      return;
    }
    if (!force && this.#dataset && sameData(this.#entries, this.#readEntries)) {
      // The data read last is still what the files say (only truth files changed, or a role was
      // changed back): no need to read it again.
      this.#ui.status.clearError();
      await this.#applyTruthFiles();
      this.#render({ newDataset: false, truthChanged: true });
      this.#setState('ready');
      this.#announce();
      return;
    }
    await this.#read();
  }

  // open: fold the file list open (something to fix) or shut (all read); undefined keeps it.
  #showFiles(problem, open) {
    this.#ui.intake.showFiles(this.#entries, {
      problem,
      open: problem ? true : open,
      labelColumn: this.#labelColumn,
      dataset: this.#dataset && sameData(this.#entries, this.#readEntries) ? this.#dataset : null,
    });
    this.#ui.intake.element.classList.toggle('has-data', Boolean(this.#report));
  }

  async #read() {
    const controller = this.#startBusy();
    const entries = this.#entries;
    const byRole = (role) => entries.find((e) => e.role === role)?.file;
    const input = byRole('combined') ? { combined: byRole('combined') } : { labels: byRole('labels'), predProbs: byRole('predProbs') };
    const options = { signal: controller.signal, onProgress: (p) => this.#ui.status.readProgress(p) };
    if (this.#labelColumn) options.labelColumn = this.#labelColumn;
    this.#setState('reading');
    this.#ui.status.clearError();
    this.#ui.status.note('');
    this.#ui.status.progress('Reading…', 0);
    let dataset;
    try {
      const classNamesFile = byRole('classNames');
      if (classNamesFile) options.classNames = parseClassNames(await classNamesFile.text());
      const client = await sharedClient();
      this.#stats.reads++;
      dataset = await client.readDataset(input, options);
    } catch (error) {
      this.#endBusy(controller);
      if (error.code === 'cancelled') return this.#busy ? undefined : this.#cancelled(); // superseded, or the person's Cancel
      this.#ui.results.hidden = true;
      this.#ui.compact.replaceChildren();
      return this.#fail(error);
    }
    this.#endBusy(controller);
    if (this.#busy) { // a newer load started while this one finished
      dataset.free().catch(() => {});
      return undefined;
    }
    this.#dataset?.free().catch(() => {});
    this.#dataset = dataset;
    this.#readEntries = entries;
    await this.#applyTruthFiles();
    return this.#audit({ newDataset: true });
  }

  async #applyTruthFiles() {
    this.#truthFiles = [];
    for (const entry of this.#entries.filter((e) => e.role === 'truth')) {
      try {
        this.#truthFiles.push(parseTruthFile(await entry.file.text(), entry.file.name, this.#dataset));
      } catch (error) {
        this.#fail(error, `Could not use ${entry.file.name} as known truth`, {
          keepResults: true, hint: 'The analysis below ignores this file. Fix it and drop it again.',
        });
      }
    }
    this.#truth = buildTruth(this.#dataset, this.#truthFiles);
  }

  #cancelled() {
    this.#entries = this.#readEntries;
    this.#ui.status.idle();
    this.#showFiles(null);
    this.#ui.status.note(this.#report ? 'Cancelled. Showing the previous results.' : 'Cancelled.');
    this.#setState(this.#report ? 'ready' : 'idle');
    return undefined;
  }

  // ---- analysis -----------------------------------------------------------------------------------

  /** Runs an audit; settings changed while one runs fold into a single follow-up run. */
  async #audit({ newDataset = false } = {}) {
    if (this.#auditing) {
      this.#auditAgain = { newDataset: newDataset || Boolean(this.#auditAgain?.newDataset) };
      return this.#auditing;
    }
    this.#auditing = this.#runAudit({ newDataset });
    try {
      await this.#auditing;
    } finally {
      this.#auditing = null;
    }
    if (this.#auditAgain) {
      const next = this.#auditAgain;
      this.#auditAgain = null;
      return this.#audit(next);
    }
    return this.#report;
  }

  async #runAudit({ newDataset }) {
    const generation = ++this.#generation;
    const dataset = this.#dataset;
    this.#setState('analysing');
    // Re-running on a small dataset takes milliseconds: a progress bar flashing in and out would
    // only shake the page. It appears when the analysis takes a noticeable time.
    const showProgress = () => this.#ui.status.progress('Analysing…', null, { cancellable: false });
    const slow = this.#ui.status.showing ? (showProgress(), null) : setTimeout(showProgress, 250);
    let report;
    try {
      const client = await sharedClient();
      this.#stats.audits++;
      report = await client.audit(dataset, auditOptions(this.#ui.settings.values));
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#fail(error, 'The analysis failed', { hint: null });
      return;
    } finally {
      clearTimeout(slow);
    }
    if (generation !== this.#generation || dataset !== this.#dataset) return;
    this.#report = report;
    this.#ui.status.idle();
    this.#render({ newDataset });
    this.#setState('ready');
    this.#announce();
  }

  /** Tells the page (a quiz, a lesson) about the current result. */
  #announce() {
    this.dispatchEvent(new CustomEvent('labelscope-result', { bubbles: true, composed: true, detail: this.#resultDetail() }));
  }

  #context() {
    const dataset = this.#dataset;
    return { dataset, report: this.#report, truth: this.#truth, classNames: dataset.classNames, labels: dataset.labels };
  }

  #render({ newDataset, truthChanged = false }) {
    const ctx = this.#context();
    this.#showFiles(null, newDataset ? false : undefined);
    this.#applyLayout();
    if (this.#compact) {
      replace(this.#ui.compact, renderCompact(ctx, this.#maxRows));
      return;
    }
    const scores = ctx.truth ? scoreFlags(ctx.truth, ctx.report.issues) : null;
    replace(this.#ui.summary, renderSummary(ctx));
    replace(this.#ui.truth, scores ? renderTruth(scores, ctx.truth, ctx.report.numExamples) : null);
    replace(this.#ui.warnings, renderWarnings(uniqueWarnings([
      ...(ctx.dataset.warnings ?? []), ...(ctx.report.warnings ?? []), ...(ctx.truth?.warnings ?? [])])));
    this.#ui.review.setData(ctx, { newDataset: newDataset || truthChanged, maxRows: this.#maxRows });
    this.#renderInsights();
  }

  #renderInsights() {
    replace(this.#ui.insights, renderInsights(this.#context(), {
      kind: this.#matrixKind,
      onKind: (kind) => {
        this.#matrixKind = kind;
        this.#renderInsights();
      },
      onPickCell: (given, suggested) => this.#ui.review.filterTo(given, suggested),
    }));
  }

  /** What a lesson or quiz page needs to check an answer. */
  #resultDetail() {
    const { dataset, report, truth } = this.#context();
    const { id } = displayColumns(dataset);
    const issues = Array.from(report.issues);
    const detail = {
      numExamples: report.numExamples,
      numClasses: report.numClasses,
      classNames: [...dataset.classNames],
      numIssues: issues.length,
      issues,
      ids: id ? issues.map((i) => id.values[i]) : null,
      numLabelIssues: report.numLabelIssues,
      estimatedNoiseRate: report.numLabelIssues / report.numExamples,
      healthScore: report.healthScore,
      filterBy: report.filterBy,
      rankBy: report.rankBy,
      source: this.#sourceName,
      truth: null,
    };
    if (truth) {
      const s = scoreFlags(truth, report.issues);
      detail.truth = { numErrors: s.numErrors, numReviewed: s.numKnown, flaggedConfirmed: s.confirmed, flaggedCorrect: s.correct, flaggedUnknown: s.unknown, precision: s.precision, recall: s.recall };
    }
    return detail;
  }

  // ---- export -------------------------------------------------------------------------------------

  async #export(kind) {
    if (!this.#report) return;
    const ctx = this.#context();
    const build = kind === 'flagged' ? flaggedRowsCsv : fullDatasetCsv;
    const fileName = `${this.#sourceName}-${kind === 'flagged' ? 'flagged' : 'audited'}.csv`;
    // Progress only for exports that take a while (big files); small ones just download.
    let visible = false;
    const show = (fraction) => this.#ui.status.progress(`Preparing ${fileName}…`, fraction, { cancellable: false });
    const timer = setTimeout(() => { visible = true; show(null); }, 250);
    try {
      const blob = await build(ctx, (done, total) => { if (visible) show(done / total); });
      download(blob, fileName);
    } catch (error) {
      this.#fail(error, 'The export failed', { keepResults: true, hint: null });
    } finally {
      clearTimeout(timer);
      if (visible) this.#ui.status.idle();
    }
  }

  // ---- errors -------------------------------------------------------------------------------------

  #fail(error, title, options = {}) {
    const { keepResults = false } = options;
    this.#ensureBuilt();
    this.#ui.status.idle();
    // undefined: the hint about fixing files — except in the compact view, which has no file list.
    const hint = 'hint' in options ? options.hint : this.#compact ? null : undefined;
    this.#ui.status.error(error, title, hint);
    this.#ui.intake.openFiles();
    if (!keepResults) this.#setState('error');
    const detail = { code: error.code ?? 'error', message: error.message ?? String(error) };
    for (const key of ['file', 'row', 'column']) if (error[key] != null) detail[key] = error[key];
    this.dispatchEvent(new CustomEvent('labelscope-error', { bubbles: true, composed: true, detail }));
    if (this.#compact) replace(this.#ui.compact);
    return undefined;
  }
}

function baseName(name) {
  const last = String(name ?? 'labelscope').split(/[\\/]/).pop();
  return last.replace(/\.[^.]+$/, '') || 'labelscope';
}

function parseClassNames(text) {
  return text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
}

/** The same files in the same data roles (truth files may differ). */
function sameData(a, b) {
  const data = (entries) => entries.filter((e) => DATA_ROLES.includes(e.role) || e.role === 'classNames');
  const x = data(a);
  const y = data(b);
  return x.length === y.length && x.every((e, i) => e.file === y[i].file && e.role === y[i].role);
}

function uniqueWarnings(warnings) {
  const seen = new Set();
  return warnings.filter((w) => {
    const text = typeof w === 'string' ? w : w.message;
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

if (!customElements.get('label-scope')) customElements.define('label-scope', LabelScopeElement);
