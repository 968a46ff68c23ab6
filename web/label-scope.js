// <label-scope>: drop labels + out-of-sample predicted probabilities, review the likely label
// errors — all in this browser tab. The labelscope page is this element; lessons embed it with
// one tag (README "Embedding <label-scope>": attributes, events, what is stored, what a host reads).
//
//   <label-scope demo></label-scope>                       headlines demo (demo="mnist" for MNIST)
//   <label-scope src="data.csv" compact max-rows="3">      a combined CSV, summary + top 3 only
//   <label-scope src="table.csv">                          features + labels: probabilities computed here first
//   <label-scope src="data.csv" allow-drop>                the page's data, and the learner may drop files too
//   <label-scope labels-src="y.csv" pred-probs-src="p.npy" truth-src="truth.csv" filter-by="both">
//   <label-scope save-decisions="lesson-3" store-files>    decisions kept here; files if the person says so
//   <label-scope demo theme="light">                       light whatever the system (auto: as the system)
//
// This file is the thin shell: attributes, events (labelscope-result, labelscope-error, decision),
// the public API and rendering. The session lives in controllers/analysis.js (load → read →
// analyse → cancel; the latest request wins) and controllers/review.js (decisions, undo, exports,
// the session to resume); neither touches the DOM. Parsing and analysis run in a Web Worker.
// Beside it: ui/element-wiring.js builds the controllers, ui/element-render.js renders and fills
// the result event, ui/element-exports.js runs exports and downloads, ui/element-failure.js shows errors,
// ui/element-layout.js says what compact, max-rows, filter-by and rank-by mean and sets data-state.
import { baseName, requestedSources, SOURCE_ATTRIBUTES } from './controllers/attributes.js';
import { DEFAULT_SETTINGS } from './controllers/options.js';
import { sharedClient } from './ui/shared-client.js';
import { crossValStyles } from './ui/cross-val-panel.js';
import { DEMOS, demoUrls } from './ui/demos.js';
import { replace } from './ui/dom.js';
import { ChoicesMemory } from './ui/choices.js';
import { computedSession } from './ui/computed.js';
import { offeredComputation } from './ui/element-compute.js';
import { ExportActions } from './ui/element-exports.js';
import { showFailure } from './ui/element-failure.js';
import {
  applyLayout,
  attributeSettings,
  authorsDataOnly,
  layoutStyles,
  maxRows,
  showState,
} from './ui/element-layout.js';
import { renderAll, renderContext, resultEventDetail } from './ui/element-render.js';
import { createAnalysis, createCrossVal, createReview } from './ui/element-wiring.js';
import { KeepingUi } from './ui/keeping.js';
import { LESSON_ATTRIBUTES, LessonMode } from './ui/lesson-mode.js';
import { createMultiLabel, multiLabelStyles } from './ui/multilabel-wiring.js';
import { buildShell } from './ui/shell.js';
import { styleSheet } from './ui/styles.js';

export class LabelScopeElement extends HTMLElement {
  static observedAttributes = [
    ...SOURCE_ATTRIBUTES,
    'filter-by',
    'rank-by',
    'max-rows',
    'compact',
    'save-decisions',
    'store-files',
    'allow-drop',
    ...LESSON_ATTRIBUTES,
  ];

  #ui = null;
  #analysis = null;
  #review = null;
  #sourceName = 'labelscope';
  #loadedSources = null;
  #computed = new Set(); // the computations taken on their own, each once per set of sources: `${sources} ${how}`
  #pendingAttributes = false;
  #client = null; // the worker client once started (to know which methods it offers)
  #keeping = null; // what this browser keeps, on screen (ui/keeping.js)
  #lesson = null; // simulate-noise, seed, noise-pair, lesson, hide-truth (ui/lesson-mode.js)
  #crossVal = null; // probabilities computed here (controllers/cross-val.js) and its panel
  #crossValPanel = null;
  #multiLabel = null; // label sets (controllers/multilabel.js): a failed single-label read it explains
  #choices = new ChoicesMemory(() => this.#review?.store ?? null); // the person's choices, kept with the decisions
  #exports = new ExportActions({
    ui: () => this.#ui,
    review: () => this.#review,
    report: () => this.report,
    context: () => renderContext(this.#parts),
    sourceName: () => this.#sourceName,
    fail: (error, title, options) => this.#fail(error, title, options),
  });
  #beforeUnload = (event) => {
    // Saving was wanted but failed, and some decisions were not exported since: ask before leaving.
    if (!this.#review?.store.atRisk()) return;
    event.preventDefault();
    event.returnValue = '';
  };

  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [
      styleSheet(),
      crossValStyles(),
      multiLabelStyles(),
      layoutStyles(),
    ];
  }

  // ---- public API -----------------------------------------------------------------------------

  /**
   * The audit report of the single labels shown (see the JS API's audit()), or null: null too while label sets
   * are shown (multi-label data: read `multiLabel`), so a host never reads the report of data no longer shown.
   */
  get report() {
    if (this.#multiLabel?.active) return null;
    return this.#analysis?.report ?? null;
  }
  /**
   * The single-label dataset shown (WorkerDataset), or null: null too while label sets are shown (their data:
   * `multiLabel.model`), as `report` is.
   */
  get data() {
    if (this.#multiLabel?.active) return null;
    return this.#analysis?.dataset ?? null;
  }
  /**
   * The simulated noise behind the data shown (simulate-noise): {rate, seed, pair, flipped, flippedRows, ...}, or null.
   */
  get simulation() {
    return this.#lesson?.simulation ?? null;
  }
  /**
   * Multi-label data shown: its controller (model, decisions, decide(index, 'accept' | 'keep' | 'edit', set)), or null.
   */
  get multiLabel() {
    return this.#multiLabel?.active ? this.#multiLabel : null;
  }
  /** Known truth per row of the single labels shown ({status, corrected, ...}), or null (label sets shown: null). */
  get truth() {
    if (this.#multiLabel?.active) return null;
    return this.#analysis?.truth ?? null;
  }
  /** How many times files were read and audits run (settings changes must not re-read). */
  get stats() {
    return this.#analysis?.stats ?? { reads: 0, audits: 0 };
  }
  get settings() {
    return this.#ui?.settings.values ?? { ...DEFAULT_SETTINGS };
  }
  /** Review decisions on the current dataset: [{index, decision, label, labelName, at}] in row order. */
  get decisions() {
    return this.#review?.list() ?? [];
  }
  /** How decisions are kept: {mode: 'off' | 'saved' | 'saving' | 'failed', error}. */
  get saveState() {
    this.#ensureBuilt();
    const { mode, error } = this.#review.store.state;
    return { mode, error: error ? error.message : null };
  }

  /**
   * Records a decision on row `index` as a person would: 'accept' (the suggested label), 'keep'
   * (the given label), 'relabel' with a class index, or null to clear it. Fires `decision`. Throws while label sets
   * are shown (their decisions: `multiLabel.decide`).
   */
  decide(index, decision, label) {
    if (this.#multiLabel?.active) {
      throw new Error('Label sets are shown: decide on them with el.multiLabel.decide(index, decision, set).');
    }
    const report = this.report;
    if (!report || !Number.isInteger(index) || index < 0 || index >= report.numExamples) {
      throw new RangeError(`There is no row ${index} to decide on.`);
    }
    const done =
      decision == null ? this.#review.clear(index, 'api') : this.#review.decide(index, decision, label, 'api');
    this.#ui.review.decisionsChanged();
    return done;
  }

  /** Adds files as if dropped: roles are guessed, and the data is read once it is complete. */
  async loadFiles(files, { replace: replaceAll = false, origin = { kind: 'files' } } = {}) {
    this.#ensureBuilt();
    this.#ui.intake.setResume(null);
    const list = [...files];
    if (!replaceAll && list.length) this.#sourceName = baseName(list[0].name);
    // The panel of probabilities computed here stays while its files stay listed (#showFiles asks).
    this.#multiLabel.clear();
    return this.#analysis.addFiles(list, { replace: replaceAll, origin });
  }

  /** Loads a bundled demo: 'headlines', 'mnist' or 'fashion' (probabilities computed here). */
  async loadDemo(name = 'headlines') {
    this.#ensureBuilt();
    let urls;
    try {
      urls = demoUrls(name);
    } catch (error) {
      return this.#fail(error, 'Unknown demo');
    }
    this.#sourceName = `${name}-demo`;
    this.#crossValPanel.clear();
    this.#multiLabel.clear();
    if (DEMOS[name].crossVal) {
      // Pixels in: the probabilities are computed in this tab, then analysed (controllers/cross-val.js).
      this.#ui.intake.setResume(null);
      return this.#crossVal.demo(urls, { image: DEMOS[name].crossVal.image, title: DEMOS[name].title, name });
    }
    return this.#loadUrls(urls, `Loading the ${name} demo…`, { kind: 'demo', name });
  }

  // ---- lifecycle --------------------------------------------------------------------------------

  connectedCallback() {
    this.#ensureBuilt();
    this.#configureStore();
    window.addEventListener('beforeunload', this.#beforeUnload);
    this.#keeping.offerResume();
    // Start the worker and its WebAssembly now, so that once the page has loaded nothing more
    // needs the network.
    sharedClient().then(
      (client) => {
        this.#client = client;
        this.dataset.core = 'ready';
        this.dataset.threads = String(client.threads); // 2 where the page is cross-origin isolated
      },
      (error) =>
        this.#fail(error, 'labelscope could not start', {
          hint:
            'Reload the page. labelscope needs WebAssembly and module workers (a recent Chrome, Edge, Firefox ' +
            'or Safari).',
        }),
    );
    this.#attributesChanged();
  }

  disconnectedCallback() {
    // Moving the element fires disconnect + connect; only a real removal frees the dataset.
    queueMicrotask(() => {
      if (this.isConnected) return;
      window.removeEventListener('beforeunload', this.#beforeUnload);
      this.#analysis.dispose();
      this.#loadedSources = null;
      this.#ui.results.hidden = true;
      this.#ui.compact.replaceChildren();
      this.#showFiles(null);
    });
  }

  attributeChangedCallback(name) {
    if (!this.#ui) return; // connectedCallback reads every attribute
    if (name === 'save-decisions' || name === 'store-files') {
      this.#configureStore();
    } else if (name === 'filter-by' || name === 'rank-by') {
      this.#ui.settings.set(attributeSettings(this));
      if (this.#multiLabel.active) this.#multiLabel.settingsChanged(this.#ui.settings.values);
      else this.#analysis.settingsChanged();
    } else if (['simulate-noise', 'seed', 'noise-pair', 'noise-matrix', 'noise-probabilities'].includes(name)) {
      // The same data, other flips: probabilities computed here are computed again (features in, not probabilities).
      if (this.#lesson.computed && this.#crossVal.again) this.#crossVal.again();
      else this.#analysis.reread();
    } else if (name === 'allow-drop') {
      this.#applyLayout();
    } else if (name === 'lesson' || name === 'hide-truth') {
      this.#applyLayout(); // single labels only: label sets have no simulated noise or known truth to hide
      if (this.report) this.#render({ newDataset: false });
    } else if (name === 'compact' || name === 'max-rows') {
      this.#applyLayout();
      if (this.report) this.#render({ newDataset: true });
      // Label sets: shown again with the new layout (audited again, with the same settings: the same rows).
      else if (this.#multiLabel.active) this.#multiLabel.settingsChanged(this.#ui.settings.values);
    } else {
      this.#applyLayout(); // src, labels-src: the author's data, shown without the demos (authorsDataOnly)
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
    const wanted = requestedSources((name) => this.getAttribute(name));
    if (wanted.key === this.#loadedSources) return;
    this.#loadedSources = wanted.key;
    if (wanted.urls) {
      this.#sourceName = wanted.sourceName;
      this.#loadUrls(wanted.urls, 'Loading data…', { kind: 'url' });
    } else if (wanted.demo) {
      this.loadDemo(wanted.demo);
    }
  }

  get #compact() {
    return this.hasAttribute('compact');
  }

  // ---- building the UI --------------------------------------------------------------------------

  #ensureBuilt() {
    if (this.#ui) return;
    const analysis = () => this.#analysis;
    const ui = buildShell({
      intake: {
        onFiles: (files) => this.loadFiles(files),
        onDemo: async (name, { keyboard = false } = {}) => {
          await this.loadDemo(name);
          // Chosen by keyboard: go where the results are, not 14 tabs away (the table, with its keys).
          if (keyboard && this.report && !this.#compact) this.#ui.review.focusTable();
        },
        onRole: (index, role) => analysis().setRole(index, role),
        onLabelColumn: (column, index) => analysis().setLabelColumn(column, index),
        // Decisions on the results shown: another label column is asked about first (ui/intake.js).
        decisionsShown: () =>
          this.multiLabel ? this.multiLabel.decisions.length : this.report ? this.decisions.length : 0,
        onSwap: () => analysis().swapRoles(),
      },
      onCancel: () => analysis().cancel(),
      onSettings: (values) => {
        if (this.#multiLabel?.active) return this.#multiLabel.settingsChanged(values); // label sets: audited again
        if (!analysis().dataset) return;
        analysis().settingsChanged();
        this.#review.settingsChanged(values);
      },
      privacy: {
        onKeepFiles: (keep) => this.#keeping.keepFiles(keep),
        onForget: () => this.#keeping.forgetEverything(),
        pending: () => this.#keeping.pending(),
        onExport: () => this.#exports.decisions(),
      },
      review: {
        onExport: (kind) => this.#exports.table(kind),
        decide: (index, kind, label, source) => this.#review.decide(index, kind, label, source),
        clear: (index, source) => this.#review.clear(index, source),
        undo: () => this.#review.undo(),
        startOver: () => this.#exports.startOver(),
        exportDecisions: () => this.#exports.decisions(),
        exportLabels: () => this.#exports.labels(),
      },
    });
    ui.settings.set(attributeSettings(this));
    this.#ui = ui;
    this.#analysis = createAnalysis(ui, {
      lesson: () => this.#lesson,
      crossVal: () => this.#crossVal,
      choices: () => this.#choices,
      view: {
        setState: (phase) => this.#setState(phase),
        showFiles: (problem, open) => this.#showFiles(problem, open),
        fail: (error, title, options) => this.#fail(error, title, options),
        render: (how) => this.#render(how),
        announce: () => this.#emit('labelscope-result', resultEventDetail(this.#parts, this.#sourceName)),
        review: () => this.#review,
        resultsHidden: () => {
          this.#keeping.filesReplaced();
          this.#lesson.hide();
        },
        analysed: (origin, entries) => {
          this.#choices.remember(origin, entries, computedSession(this.#analysis.dataset)?.options ?? null);
          return this.#keeping.analysed(origin, entries, {
            settings: ui.settings.values,
            sourceName: this.#sourceName,
            labelColumn: this.#analysis.labelColumn,
            computed: computedSession(this.#analysis.dataset),
          });
        },
      },
    });
    ({ crossVal: this.#crossVal, panel: this.#crossValPanel } = createCrossVal(ui, this.#analysis, {
      onDownload: (result) => this.#exports.probabilities(result),
    }));
    this.#multiLabel = createMultiLabel(ui, {
      reviewStore: () => this.#review.store,
      setState: (phase) => this.#setState(phase),
      emit: (type, detail) => this.#emit(type, detail),
      keeping: () => this.#keeping,
      choices: () => this.#choices, // the person's choices about label sets, kept as single labels' are
      origin: () => this.#analysis.origin,
      compact: () => this.#compact,
      maxRows: () => maxRows(this),
      resultsHidden: () => this.#lesson.hide(),
    });
    this.#review = createReview({
      onState: (state) => this.#ui?.review.setStorage(state),
      // Another tab decided on these rows: show it here too (merged per row).
      onRemote: (key) => {
        if (key === this.#review.key && this.report) this.#ui.review.decisionsChanged();
      },
      context: () => ({ dataset: this.data, report: this.report }),
      emit: (type, detail) => this.#emit(type, detail),
    });
    this.#keeping = new KeepingUi({
      ui,
      review: this.#review,
      host: {
        compact: () => this.#compact,
        storeFiles: () => this.hasAttribute('store-files'),
        canOffer: () => {
          const a = this.#analysis;
          return (
            !this.#compact &&
            !this.#hasSourceAttributes &&
            this.isConnected &&
            !a.dataset &&
            !a.loading &&
            !a.entries.length
          );
        },
        loadDemo: (name) => this.loadDemo(name),
        resumeFiles: (session) => {
          this.#sourceName = session.sourceName ?? baseName(session.entries[0]?.file.name);
          // Probabilities computed here: computed again (the file holds features, not probabilities).
          if (session.computed) return this.#crossVal.resume(session.entries, session.computed.options);
          if (session.multiLabel?.computed) this.#multiLabel.computeOnResume(session.multiLabel.folds); // sets: again
          return this.#analysis.resume(session.entries, session.labelColumn ?? null);
        },
        fail: (error, title, options) => this.#fail(error, title, options),
      },
    });
    this.#lesson = new LessonMode({
      attr: (name) => this.getAttribute(name),
      has: (name) => this.hasAttribute(name),
      emit: (type, detail) => this.#emit(type, detail),
      rerender: () => {
        if (this.report) this.#render({ newDataset: false });
      },
    });
    // hide-truth: a decision may be the last one the truth waited for.
    this.addEventListener('decision', () => {
      if (this.hasAttribute('hide-truth') && this.report) this.#render({ newDataset: false });
    });
    this.shadowRoot.replaceChildren(ui.root);
    this.#lesson.attach(this.shadowRoot, ui);
    this.#applyLayout();
    this.#setState('idle');
  }

  #applyLayout() {
    // hide-truth or lesson on data the page names is an exercise (or a lesson's step) on that data: no drop zone,
    // demos or file list in the middle of the lesson.
    const exercise =
      (this.hasAttribute('hide-truth') || this.hasAttribute('lesson')) &&
      SOURCE_ATTRIBUTES.some((a) => this.hasAttribute(a));
    applyLayout(this.#ui, {
      compact: this.#compact,
      hasReport: Boolean(this.report),
      exercise,
      authorsData: authorsDataOnly(this),
      allowDrop: this.hasAttribute('allow-drop'),
    });
  }

  #setState(state) {
    showState(this, state);
  }

  #loadUrls(urls, message, origin) {
    this.#ensureBuilt();
    this.#ui.intake.setResume(null);
    return this.#analysis.loadUrls(urls, { message, origin });
  }

  // open: fold the file list open (something to fix) or shut (all read); undefined keeps it.
  #showFiles(problem, open) {
    const a = this.#analysis;
    this.#crossVal?.listed(a.entries); // columns chosen for a table stay while it is listed
    this.#ui.intake.showFiles(a.entries, {
      problem,
      open: problem ? true : open,
      labelColumn: a.labelColumn,
      dataset: a.shownDataset,
    });
    // files read: no beginner's guide
    this.#ui.intake.element.classList.toggle('has-data', Boolean(a.report || a.dataset));
  }

  // ---- rendering ----------------------------------------------------------------------------------

  /** The collaborators rendering reads (ui/element-render.js). */
  get #parts() {
    return { ui: this.#ui, analysis: this.#analysis, review: this.#review, lesson: this.#lesson, client: this.#client };
  }

  #render({ newDataset, truthChanged = false }) {
    this.#multiLabel.clear(); // single-label results: the label sets shown before were other data
    this.#showFiles(null, newDataset ? false : undefined);
    this.#applyLayout();
    renderAll(this.#parts, { compact: this.#compact, maxRows: maxRows(this), newDataset: newDataset || truthChanged });
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }

  // ---- decisions kept -------------------------------------------------------------------------------

  #configureStore() {
    const store = this.#review.store;
    const enabled = this.hasAttribute('save-decisions');
    store.configure({
      enabled,
      scope: this.getAttribute('save-decisions') || 'default',
      files: this.hasAttribute('store-files'),
    });
    this.#ui.review.setStorage(store.state);
    this.#keeping.show();
    // Find out now whether saving works, so a warning shows before any decision depends on it.
    if (enabled) store.probe();
  }

  get #hasSourceAttributes() {
    return SOURCE_ATTRIBUTES.some((a) => this.hasAttribute(a));
  }

  // ---- errors -------------------------------------------------------------------------------------

  #fail(error, title, options = {}) {
    this.#ensureBuilt();
    // Sets of labels (a;b, label_<class> columns, an N x K .npy): read again as multi-label data.
    const claim = this.#multiLabel.claims(error, this.#analysis.entries);
    if (claim) {
      const how = { labelColumn: this.#analysis.labelColumn, sourceName: this.#sourceName, check: claim === 'maybe' };
      return this.#multiLabel.take(this.#analysis.entries, how).then((taken) => {
        if (taken === false) this.#computeOrFail(error, title, options); // no sets after all
      });
    }
    return this.#computeOrFail(error, title, options);
  }

  #computeOrFail(error, title, options) {
    // The page's own table of features (src): computed here, as the person's Compute would (each once per set of
    // files: imputed, then with fewer folds for a small class, as the page offers them one after the other).
    const how = this.#analysis.origin?.kind === 'url' ? offeredComputation(error, this.#analysis, this.#client) : null;
    const tried = how && `${this.#loadedSources} ${JSON.stringify(how)}`;
    if (how && !this.#computed.has(tried)) {
      this.#computed.add(tried);
      // The page chose the columns, not the learner: the table of them folded (open, to change a role and compute).
      return Promise.resolve(this.#analysis.computeProbabilities(how)).then(() => {
        const columns = this.#crossValPanel.element.querySelector('details.cv-columns');
        if (columns) columns.open = false;
        // Folded, the table no longer shows the imputation: said where it is seen.
        if (this.#crossVal.choice.impute && this.report) {
          this.#ui.status.note(
            `${this.#analysis.entries[0]?.file.name ?? this.#sourceName} has missing values: each was replaced by ` +
              'the training fold’s mean to compute the probabilities.',
          );
        }
      });
    }
    return this.#failNow(error, title, options);
  }

  #failNow(error, title, options) {
    const compact = this.#compact;
    const detail = showFailure(this.#ui, error, title, options, {
      compact,
      analysis: this.#analysis,
      client: this.#client,
    });
    if (!options.keepResults) this.#setState('error');
    this.#emit('labelscope-error', detail);
    if (compact) replace(this.#ui.compact);
    return undefined;
  }
}

if (!customElements.get('label-scope')) customElements.define('label-scope', LabelScopeElement);
