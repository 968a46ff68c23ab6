// <label-scope>: drop labels + out-of-sample predicted probabilities, review the likely label
// errors — all in this browser tab. The labelscope page is this element; lessons embed it with
// one tag. Parsing and analysis run in a Web Worker (WebAssembly), so the page never freezes.
//
//   <script type="module" src="/label-scope.js"></script>
//   <label-scope demo></label-scope>                       headlines demo (demo="mnist" for MNIST)
//   <label-scope src="data.csv" compact max-rows="3">      a combined CSV, summary + top 3 only
//   <label-scope labels-src="y.csv" pred-probs-src="p.npy" truth-src="truth.csv" filter-by="both">
//
//   <label-scope demo save-decisions="lesson-3">            review decisions kept in this browser
//
// Review decisions (the full view, not `compact`): accept the suggested label, keep the given one
// or relabel — buttons in the detail pane, keys in the table (A, K, 1–9, R, U, Backspace, J/↓).
// They are kept in memory by default. `save-decisions` saves them in this browser (IndexedDB, on
// this device only) keyed by the fingerprint of the files' bytes, so the same files find their
// decisions again after a reload; its value names a separate store (default "default"). The
// labelscope page sets it and also keeps the dropped files so a reload can resume.
//
// Events (all bubble out of the shadow root):
//   labelscope-result  after every analysis or truth change; detail: see #resultDetail
//   labelscope-error   detail: {code, message, file, row, column}
//   decision           a decision was made, changed or cleared; detail: see #decisionDetail
// Styling: --label-scope-accent, --label-scope-font, --label-scope-bg, --label-scope-text, ...
// (ui/styles.js lists them all); light and dark follow prefers-color-scheme.
import { sharedClient } from './ui/core.js';
import { renderCompact } from './ui/compact.js';
import { DEMOS, demoUrls, fetchFiles } from './ui/demos.js';
import { h, replace } from './ui/dom.js';
import { formatWhen } from './ui/decide.js';
import {
  correctedLabels, correctedLabelsCsvParts, Decisions, decisionsCsvParts, labelsFormat, npyBytes,
} from './ui/decisions.js';
import { download, flaggedRowsCsv, fullDatasetCsv } from './ui/export.js';
import { formatBytes, listPhrase, plural } from './ui/format.js';
import { renderInsights } from './ui/insights.js';
import { createIntake } from './ui/intake.js';
import { decisionsKey, ReviewStore } from './ui/persist.js';
import { ReviewPanel, displayColumns } from './ui/review.js';
import { checkRoles, DATA_ROLES, mergeFiles, sniffFile } from './ui/roles.js';
import { auditOptions, createSettings, DEFAULT_SETTINGS } from './ui/settings.js';
import { createStatus, renderWarnings } from './ui/status.js';
import { styleSheet } from './ui/styles.js';
import { renderSummary, renderTruth } from './ui/summary.js';

// Probability files larger than this are stored as float32 (see #read).
const FLOAT32_ABOVE_BYTES = 256 * 2 ** 20;
import { buildTruth, parseTruthFile, scoreFlags } from './ui/truth.js';

const SOURCE_ATTRIBUTES = ['demo', 'src', 'labels-src', 'pred-probs-src', 'truth-src'];
const DEFAULT_COMPACT_ROWS = 5;

export class LabelScopeElement extends HTMLElement {
  static observedAttributes = [...SOURCE_ATTRIBUTES, 'filter-by', 'rank-by', 'max-rows', 'compact', 'save-decisions'];

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
  #analysis = null;     // AbortController of the audit in flight (the Cancel button)
  #reportFor = null;    // the dataset #report was made from, and with which settings
  #reportSettings = null;
  #auditAgain = null;   // one more audit wanted when it ends (the latest settings win)
  #stats = { reads: 0, audits: 0 };
  #matrixKind = 'counts';
  #sourceName = 'labelscope';
  #loadedSources = null;
  #pendingAttributes = false;
  #store = new ReviewStore({ onState: (state) => this.#ui?.review.setStorage(state) });
  #decisions = new Decisions(); // of the current dataset
  #decisionsKey = null;
  #note = null;                 // decisions restored when the dataset was read
  #labelsFormat = null;         // how the labels were given (for "Export corrected labels")
  #origin = { kind: 'files' };  // where the files came from: files, demo (name) or url
  #unsavedKeys = 0;
  #beforeUnload = (event) => {
    // Saving was wanted but failed, and some decisions were not exported since: ask before leaving.
    if (!this.#store.atRisk()) return;
    event.preventDefault();
    event.returnValue = '';
  };

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
  /** Review decisions on the current dataset: [{index, decision, label, labelName, at}] in row order. */
  get decisions() {
    const names = this.#dataset?.classNames ?? [];
    return this.#decisions.entries().map((e) => ({ ...e, labelName: names[e.label] }));
  }
  /** How decisions are kept: {mode: 'off' | 'saved' | 'saving' | 'failed', error}. */
  get saveState() {
    const { mode, error } = this.#store.state;
    return { mode, error: error ? error.message : null };
  }

  /**
   * Records a decision on row `index` as a person would: 'accept' (the suggested label), 'keep'
   * (the given label), 'relabel' with a class index, or null to clear it. Fires `decision`.
   */
  decide(index, decision, label) {
    if (!this.#report || !Number.isInteger(index) || index < 0 || index >= this.#report.numExamples) {
      throw new RangeError(`There is no row ${index} to decide on.`);
    }
    const done = decision == null ? this.#clearRow(index, 'api') : this.#decideRow(index, decision, label, 'api');
    this.#ui.review.decisionsChanged();
    return done;
  }

  /** Adds files as if dropped: roles are guessed, and the data is read once it is complete. */
  async loadFiles(files, { replace: replaceAll = false, origin = { kind: 'files' } } = {}) {
    this.#ensureBuilt();
    this.#origin = origin;
    this.#ui.intake.setResume(null);
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
    return this.#loadUrls(urls, `Loading the ${name} demo…`, { kind: 'demo', name });
  }

  // ---- lifecycle --------------------------------------------------------------------------------

  connectedCallback() {
    this.#ensureBuilt();
    this.#configureStore();
    window.addEventListener('beforeunload', this.#beforeUnload);
    this.#offerResume();
    // Start the worker and its WebAssembly now, so that once the page has loaded nothing more
    // needs the network.
    sharedClient().then(
      (client) => {
        this.dataset.core = 'ready';
        this.dataset.threads = String(client.threads); // 2 where the page is cross-origin isolated
      },
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
      window.removeEventListener('beforeunload', this.#beforeUnload);
      this.#busy?.abort();
      this.#dataset?.free().catch(() => {});
      this.#dataset = null;
      this.#report = null;
      this.#reportFor = null;
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
    if (name === 'save-decisions') {
      this.#configureStore();
    } else if (name === 'filter-by' || name === 'rank-by') {
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
      this.#loadUrls([sources.src, ...truth], 'Loading data…', { kind: 'url' });
    } else if (sources['labels-src'] || sources['pred-probs-src']) {
      this.#sourceName = baseName(sources['labels-src'] ?? sources['pred-probs-src']);
      this.#loadUrls([sources['labels-src'], sources['pred-probs-src'], ...truth].filter(Boolean), 'Loading data…', { kind: 'url' });
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
    const status = createStatus({
      onCancel: () => {
        this.#busy?.abort();
        this.#analysis?.abort();
      },
    });
    const settings = createSettings((values) => {
      if (!this.#dataset) return;
      this.#audit();
      this.#store.updateSession({ settings: values, key: this.#decisionsKey });
    });
    settings.set(this.#attributeSettings());
    const review = new ReviewPanel({
      onExport: (kind) => this.#export(kind),
      decide: (index, kind, label, source) => this.#decideRow(index, kind, label, source),
      clear: (index, source) => this.#clearRow(index, source),
      undo: () => this.#undo(),
      startOver: () => this.#startOver(),
      exportDecisions: () => this.#exportDecisions(),
      exportLabels: () => this.#exportLabels(),
    });
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

  async #loadUrls(urls, message, origin) {
    this.#ensureBuilt();
    this.#ui.intake.setResume(null);
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
    return this.loadFiles(files, { replace: true, origin });
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
    this.#ui.intake.element.classList.toggle('has-data', Boolean(this.#report || this.#dataset)); // files read: no beginner's guide
  }

  async #read() {
    const controller = this.#startBusy();
    const entries = this.#entries;
    const byRole = (role) => entries.find((e) => e.role === role)?.file;
    const input = byRole('combined') ? { combined: byRole('combined') } : { labels: byRole('labels'), predProbs: byRole('predProbs') };
    const options = { signal: controller.signal, onProgress: (p) => this.#ui.status.readProgress(p) };
    if (this.#labelColumn) options.labelColumn = this.#labelColumn;
    // Big inputs keep their probabilities as float32: half the memory, so 1M x 100 fits in a tab.
    const probsBytes = (byRole('combined') ?? byRole('predProbs'))?.size ?? 0;
    if (probsBytes > FLOAT32_ABOVE_BYTES) options.float32 = true;
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
    // The decisions kept for these files come with them (the old table stays usable meanwhile).
    const review = await this.#openDecisions(dataset, entries);
    if (this.#busy) { // a newer load started meanwhile
      dataset.free().catch(() => {});
      return undefined;
    }
    if (dataset.float32) {
      dataset.notes.push(`The probabilities were kept as 32-bit floats to halve the memory this tab needs (inputs over ${FLOAT32_ABOVE_BYTES / 2 ** 20} MB). Scores can differ from a 64-bit run (the CLI) in the last digits.`);
    }
    this.#dataset?.free().catch(() => {});
    this.#dataset = dataset;
    this.#readEntries = entries;
    this.#useDecisions(review);
    await this.#applyTruthFiles();
    const origin = this.#origin;
    const report = await this.#audit({ newDataset: true });
    if (report && this.#dataset === dataset) this.#saveSession(origin, entries);
    return report;
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
    let fraction = null; // stages done / stages, as the worker reports them
    const showProgress = () => this.#ui.status.progress('Analysing…', fraction);
    const slow = this.#ui.status.showing ? (showProgress(), null) : setTimeout(showProgress, 250);
    const controller = new AbortController();
    this.#analysis = controller;
    const settings = this.#ui.settings.values;
    const onProgress = ({ stagesDone, numStages }) => {
      fraction = stagesDone / numStages;
      if (this.#ui.status.showing) showProgress();
    };
    let report;
    try {
      const client = await sharedClient();
      this.#stats.audits++;
      report = await client.audit(dataset, { ...auditOptions(settings), signal: controller.signal, onProgress });
    } catch (error) {
      if (generation !== this.#generation) return;
      if (error.code === 'cancelled') {
        this.#analysisCancelled(dataset);
        return;
      }
      this.#fail(error, 'The analysis failed', { hint: null });
      return;
    } finally {
      clearTimeout(slow);
      if (this.#analysis === controller) this.#analysis = null;
    }
    if (generation !== this.#generation || dataset !== this.#dataset) return;
    this.#report = report;
    this.#reportFor = dataset;
    this.#reportSettings = settings;
    this.#ui.status.idle();
    this.#render({ newDataset });
    this.#setState('ready');
    this.#announce();
  }

  /** The person pressed Cancel while the analysis ran (the worker stops after its current stage). */
  #analysisCancelled(dataset) {
    this.#auditAgain = null; // no follow-up run for settings changed meanwhile either
    this.#ui.status.idle();
    if (this.#report && this.#reportFor === dataset) {
      // A re-run for new settings: the results shown still hold for the settings they came from.
      this.#ui.settings.set(this.#reportSettings);
      this.#store.updateSession({ settings: this.#reportSettings, key: this.#decisionsKey });
      this.#ui.status.note('Cancelled. Showing the results of the previous settings.');
      this.#setState('ready');
      return;
    }
    // The first analysis of newly read files: the results shown were those of the files before.
    this.#report = null;
    this.#reportFor = null;
    this.#ui.results.hidden = true;
    this.#ui.compact.replaceChildren();
    this.#showFiles(null, true);
    const origin = this.#origin;
    const entries = this.#readEntries;
    this.#ui.status.note('Analysis cancelled. The files are read; nothing was lost.', {
      label: 'Analyse',
      run: async () => {
        const report = await this.#audit({ newDataset: true });
        if (report && this.#dataset === dataset) this.#saveSession(origin, entries); // as #read would have
      },
    });
    this.#setState('idle');
  }

  /** Tells the page (a quiz, a lesson) about the current result. */
  #announce() {
    this.dispatchEvent(new CustomEvent('labelscope-result', { bubbles: true, composed: true, detail: this.#resultDetail() }));
  }

  #context() {
    const dataset = this.#dataset;
    return {
      dataset, report: this.#report, truth: this.#truth, classNames: dataset.classNames, labels: dataset.labels,
      decisions: this.#decisions, labelsKind: this.#labelsFormat?.kind ?? 'csv',
    };
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
      numDecided: this.#decisions.size,
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

  // ---- review decisions ---------------------------------------------------------------------------

  #configureStore() {
    const enabled = this.hasAttribute('save-decisions');
    this.#store.configure({ enabled, scope: this.getAttribute('save-decisions') || 'default' });
    this.#ui?.review.setStorage(this.#store.state);
    // Find out now whether saving works, so a warning shows before any decision depends on it.
    if (enabled) this.#store.probe();
  }

  /** The decisions kept for these files (made earlier in this tab, or saved in this browser). */
  async #openDecisions(dataset, entries) {
    const key = dataset.fingerprint ? decisionsKey(this.#store.scope, dataset) : `unsaved:${++this.#unsavedKeys}`;
    const meta = {
      fingerprint: dataset.fingerprint ?? null, numExamples: dataset.numExamples, numClasses: dataset.numClasses,
      classNames: [...dataset.classNames], name: this.#sourceName,
    };
    const { decisions, restored } = await this.#store.open(key, meta);
    const labelsEntry = entries.find((e) => e.role === 'combined') ?? entries.find((e) => e.role === 'labels');
    return { key, decisions, restored, format: labelsFormat(labelsEntry, dataset.source?.labelsColumn ?? 1) };
  }

  #useDecisions({ key, decisions, restored, format }) {
    this.#decisionsKey = key;
    this.#decisions = decisions;
    this.#note = restored;
    this.#labelsFormat = format;
    this.#ui.review.setStorage(this.#store.state, restored);
  }

  #changed() {
    if (!this.#decisionsKey?.startsWith('unsaved:')) this.#store.changed(this.#decisionsKey);
  }

  #decideRow(index, kind, label, source) {
    if (!this.#report) return null;
    const given = this.#dataset.labels[index];
    const suggested = this.#report.suggestedLabel[index];
    if (kind === 'relabel' && !(Number.isInteger(label) && label >= 0 && label < this.#dataset.numClasses)) {
      throw new RangeError(`There is no class ${label}: use 0 to ${this.#dataset.numClasses - 1}.`);
    }
    if (!['accept', 'keep', 'relabel'].includes(kind)) throw new RangeError(`'${kind}' is not a decision: use accept, keep or relabel.`);
    const entry = this.#decisions.set(index, kind, { given, suggested, label });
    this.#changed();
    this.#announceDecision(index, source);
    return entry;
  }

  #clearRow(index, source) {
    if (!this.#decisions.clear(index)) return false;
    this.#changed();
    this.#announceDecision(index, source);
    return true;
  }

  #undo() {
    const index = this.#decisions.undo();
    if (index < 0) return -1;
    this.#changed();
    this.#announceDecision(index, 'undo');
    return index;
  }

  async #startOver() {
    const cleared = this.#decisions.size;
    await this.#store.forget(this.#decisionsKey);
    this.#decisions.clearAll(); // also when storage failed: Start over is what the person asked for
    this.#note = null;
    this.#ui.review.setStorage(this.#store.state, null);
    this.#ui.review.decisionsChanged();
    this.#ui.status.note(`Started over: ${plural(cleared, 'decision')} cleared.`);
    this.dispatchEvent(new CustomEvent('decision', {
      bubbles: true, composed: true, detail: { ...this.#decisionCounts(), index: null, decision: null, cleared, source: 'start-over' },
    }));
  }

  #decisionCounts() {
    const issues = this.#report?.issues ?? [];
    return { numDecided: this.#decisions.size, numFlagged: issues.length, numFlaggedReviewed: this.#decisions.countAmong(issues) };
  }

  /** What a quiz page needs about one decision. */
  #decisionDetail(index, source) {
    const { dataset, report } = this.#context();
    const names = dataset.classNames;
    const entry = this.#decisions.get(index);
    const { id } = displayColumns(dataset);
    const given = dataset.labels[index];
    const finalLabel = entry ? entry.label : given;
    return {
      index,
      id: id ? id.values[index] : null,
      given,
      givenName: names[given],
      suggested: report.suggestedLabel[index],
      suggestedName: names[report.suggestedLabel[index]],
      decision: entry?.decision ?? null,
      finalLabel,
      finalName: names[finalLabel],
      flagged: Boolean(report.isLabelIssue[index]),
      source,
      ...this.#decisionCounts(),
    };
  }

  #announceDecision(index, source) {
    this.dispatchEvent(new CustomEvent('decision', { bubbles: true, composed: true, detail: this.#decisionDetail(index, source) }));
  }

  async #exportDecisions() {
    if (!this.#report) return;
    const fileName = `${this.#sourceName}-decisions.csv`;
    try {
      const ctx = this.#context();
      const parts = decisionsCsvParts({ ...ctx, columns: displayColumns(ctx.dataset) }, this.#decisions);
      download(new Blob(parts, { type: 'text/csv;charset=utf-8' }), fileName);
      this.#store.markExported(this.#decisionsKey);
    } catch (error) {
      this.#exportFailed(error, fileName);
    }
  }

  async #exportLabels() {
    if (!this.#report) return;
    const format = this.#labelsFormat ?? labelsFormat(null);
    const npy = format.kind === 'npy';
    const fileName = `${this.#sourceName}-corrected-labels.${npy ? 'npy' : 'csv'}`;
    try {
      const labels = correctedLabels(this.#dataset.labels, this.#decisions);
      const blob = npy
        ? new Blob([npyBytes(labels, format)], { type: 'application/octet-stream' })
        : new Blob(correctedLabelsCsvParts(labels, this.#dataset.classNames, format), { type: 'text/csv;charset=utf-8' });
      download(blob, fileName);
      this.#store.markExported(this.#decisionsKey);
    } catch (error) {
      this.#exportFailed(error, fileName);
    }
  }

  #exportFailed(error, fileName) {
    this.#fail(error, `Could not export ${fileName}`, {
      keepResults: true, openFiles: false,
      hint: `Your ${plural(this.#decisions.size, 'decision')} are unchanged. Try the export again.`,
    });
  }

  /** Keeps what was loaded (the files themselves, or the demo's name) so a reload can resume. */
  async #saveSession(origin, entries) {
    if (!this.#store.enabled || (origin.kind !== 'files' && origin.kind !== 'demo')) return;
    const common = { key: this.#decisionsKey, settings: this.#ui.settings.values, sourceName: this.#sourceName, labelColumn: this.#labelColumn };
    if (origin.kind === 'demo') await this.#store.saveSession({ kind: 'demo', demo: origin.name, ...common });
    else await this.#store.saveSession({ kind: 'files', entries, ...common });
  }

  get #hasSourceAttributes() {
    return SOURCE_ATTRIBUTES.some((a) => this.hasAttribute(a));
  }

  /** "Pick up where you left off": offered when the page opens with nothing loaded. */
  async #offerResume() {
    if (!this.#store.enabled || this.#compact || this.#hasSourceAttributes) return;
    const session = await this.#store.loadSession();
    if (!session || this.#dataset || this.#busy || this.#entries.length || this.#hasSourceAttributes || !this.isConnected) return;
    const decisions = session.decisionCount
      ? `${plural(session.decisionCount, 'decision')}, saved ${formatWhen(session.decisionsSavedAt)}`
      : 'no decisions yet';
    const forget = async () => {
      await this.#store.forgetSession();
      this.#ui.intake.setResume(null);
    };
    let what;
    let canResume = true;
    if (session.kind === 'demo') {
      what = `the ${DEMOS[session.demo]?.title ?? session.demo} demo`;
    } else {
      what = listPhrase(session.names ?? []);
      canResume = Array.isArray(session.entries) && session.entries.length > 0;
    }
    this.#ui.intake.setResume({
      title: canResume ? `Resume ${what} — ${decisions}` : `Last time: ${what} (${formatBytes(session.totalBytes ?? 0)})`,
      text: canResume
        ? (session.kind === 'demo' ? 'Your decisions are kept in this browser, on this device.'
          : 'These files are kept in this browser’s storage on this device, so you can pick up where you left off. They were never uploaded.')
        : `${session.filesError ? 'They could not be kept in this browser' : 'They are too large to keep in this browser'}. Drop the same files again to get your ${decisions.startsWith('no') ? 'review' : plural(session.decisionCount, 'decision')} back.`,
      resume: canResume ? () => this.#resume(session) : null,
      forget,
      forgetLabel: session.kind === 'files' && canResume ? 'Forget these files' : 'Dismiss',
    });
  }

  async #resume(session) {
    this.#ui.intake.setResume(null);
    if (session.settings) this.#ui.settings.set(session.settings);
    if (session.kind === 'demo') return this.loadDemo(session.demo);
    this.#origin = { kind: 'files' };
    this.#sourceName = session.sourceName ?? baseName(session.entries[0]?.file.name);
    this.#entries = session.entries;
    this.#labelColumn = session.labelColumn ?? null;
    return this.#entriesChanged({ force: true });
  }

  // ---- errors -------------------------------------------------------------------------------------

  #fail(error, title, options = {}) {
    const { keepResults = false, openFiles = true } = options;
    this.#ensureBuilt();
    this.#ui.status.idle();
    // undefined: the hint about fixing files — except in the compact view, which has no file list.
    const hint = 'hint' in options ? options.hint : this.#compact ? null : undefined;
    this.#ui.status.error(error, title, hint);
    if (openFiles) this.#ui.intake.openFiles();
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
