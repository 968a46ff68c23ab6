// The analysis session of one <label-scope>: files (dropped, or fetched from URLs) → roles → read
// in the worker → analyse → report, with Cancel. One explicit state machine in which the latest
// request wins: every load, read and analysis of new data takes a token, and an await that
// resumes with a token that is no longer current drops its results and its errors silently — a
// newer action (another file, a demo, an attribute) took over, and the person must see only that.
// Settings changes re-analyse the data already read; changes made while an analysis runs fold
// into one follow-up run with the latest settings.
//
// No DOM here: the controller tells a view what to show (see the View typedef), so it runs under
// `node --test` with a fake view and a fake worker client. (The View typedef is in files.js.)

import { FLOAT32_ABOVE_BYTES, parseClassNames, sameData } from './files.js';
import { auditOptions } from './options.js';

export { FLOAT32_ABOVE_BYTES, sameData };

export class AnalysisController {
  #deps;
  #view;
  #token = 0;           // the current request; older ones drop what they were doing
  #abort = null;        // AbortController of the current request (Cancel, or superseded)
  #auditing = 0;        // token of the analysis in flight, 0 when none
  #auditAgain = false;  // settings changed while it ran: one more run when it ends
  #phase = 'idle';
  #entries = [];        // files and the role of each
  #readEntries = [];    // the files behind the current dataset
  #labelColumn = null;  // combined CSV: the person's choice, or null for the reader's guess
  #dataset = null;
  #truth = null;
  #report = null;
  #reportFor = null;    // the dataset #report was made from, and with which settings
  #reportSettings = null;
  #origin = { kind: 'files' };
  #stats = { reads: 0, audits: 0 };
  #allowUnnormalized = false; // the person said: these are probabilities, analyse anyway

  /**
   * deps: {client() -> Promise<worker client>, fetchFiles(urls, signal) -> File[],
   *   sniff(file) -> entry {file, role, reason, columns, problem (a file refused at once: message or error)}, checkRoles(entries) -> {ready, problem}, mergeFiles(current, incoming, wasRead),
   *   dataRoles: string[], parseTruth(text, fileName, dataset), buildTruth(dataset, parsed[])}.
   * view: see View.
   */
  constructor(deps, view) {
    this.#deps = deps;
    this.#view = view;
  }

  get phase() { return this.#phase; }
  get entries() { return this.#entries; }
  get labelColumn() { return this.#labelColumn; }
  get dataset() { return this.#dataset; }
  get report() { return this.#report; }
  get truth() { return this.#truth; }
  get origin() { return this.#origin; }
  get stats() { return { ...this.#stats }; }
  /** Whether the reader was told to take probabilities it found implausible (the person's choice). */
  get allowUnnormalized() { return this.#allowUnnormalized; }
  /** Fetching or reading: a settings change waits for the analysis that follows. */
  get loading() { return this.#phase === 'loading' || this.#phase === 'reading' || this.#phase === 'computing'; }
  /** The dataset read from the files listed now (null while they differ). */
  get shownDataset() { return this.#dataset && this.#sameData(this.#entries, this.#readEntries) ? this.#dataset : null; }

  // ---- requests -------------------------------------------------------------------------------

  /** Fetches same-origin URLs and uses them as the whole file set. */
  async loadUrls(urls, { message = 'Loading data…', origin = { kind: 'url' } } = {}) {
    const { token, signal } = this.#begin('loading');
    this.#view.clearError();
    this.#view.note('');
    this.#view.progress(message);
    let files;
    try {
      files = await this.#deps.fetchFiles(urls, signal);
    } catch (error) {
      if (!this.#live(token)) return undefined;
      if (error.code === 'cancelled') return this.#cancelled();
      return this.#fail(error, 'Could not load the data', { hint: 'Check the address of the data file; it must be on this site.' });
    }
    if (!this.#live(token)) return undefined;
    return this.addFiles(files, { replace: true, origin });
  }

  /** Adds files as if dropped: roles are guessed, and the data is read once it is complete. */
  async addFiles(files, { replace = false, origin = { kind: 'files' } } = {}) {
    const { token } = this.#begin();
    this.#origin = origin;
    this.#view.clearError();
    let incoming;
    try {
      incoming = await Promise.all([...files].map((file) => this.#deps.sniff(file)));
    } catch (error) {
      if (!this.#live(token)) return undefined;
      this.#view.idle();
      return this.#fail(error);
    }
    if (!this.#live(token)) return undefined;
    // A file the sniffer already knows is unusable (empty, binary, ...) is refused at once, with the
    // reader's message, instead of waiting in the list for a second file.
    const refused = incoming.filter((e) => e.problem);
    incoming = incoming.filter((e) => !e.problem);
    const refuse = () => {
      const { file, problem } = refused[0];
      // The worker's problem is a LabelScopeError (code, message, where); a plain text is wrapped.
      const error = typeof problem === 'string' ? { code: 'bad_file', message: problem } : problem;
      if (error.file == null) error.file = file.name;
      this.#fail(error, `Could not use ${file.name}`, {
        keepResults: Boolean(this.#report),
        hint: `${file.name} was not added. Fix it and drop it again${refused.length > 1 ? ` (${refused.length} files were refused)` : ''}.`,
      });
    };
    if (refused.length && incoming.length === 0) return refuse();
    const dataChanged = incoming.some((e) => this.#deps.dataRoles.includes(e.role));
    this.#entries = replace ? incoming : this.#deps.mergeFiles(this.#entries, incoming, Boolean(this.#dataset));
    if (replace || dataChanged) {
      this.#labelColumn = null;
      this.#allowUnnormalized = false; // other data: the reader's plausibility check applies again
    }
    const report = await this.#entriesChanged(token);
    // Said after the good files were read, so reading them does not clear it.
    if (refused.length && this.#live(token)) refuse();
    return report;
  }

  /** The person changed how file `index` is used. */
  setRole(index, role) {
    const { token } = this.#begin();
    // A label column chosen for a combined table means nothing for another file.
    if (role === 'combined' || this.#entries[index].role === 'combined') this.#labelColumn = null;
    this.#entries = this.#entries.map((e, i) => (i === index ? { ...e, role, reason: 'your choice' } : e));
    return this.#entriesChanged(token);
  }

  setLabelColumn(column) {
    const { token } = this.#begin();
    this.#labelColumn = column;
    return this.#entriesChanged(token, { force: true });
  }

  swapRoles() {
    const { token } = this.#begin();
    const swapped = { labels: 'predProbs', predProbs: 'labels' };
    this.#entries = this.#entries.map((e) => (swapped[e.role] ? { ...e, role: swapped[e.role], reason: 'swapped' } : e));
    return this.#entriesChanged(token);
  }

  /** Files kept from an earlier visit (Resume). */
  resume(entries, labelColumn = null) {
    const { token } = this.#begin();
    this.#origin = { kind: 'files' };
    this.#entries = entries;
    this.#labelColumn = labelColumn;
    return this.#entriesChanged(token, { force: true });
  }

  /**
   * The reader refused the probabilities as implausible (they look like features); the person
   * says they are probabilities: read again with the reader's allowUnnormalized option (its
   * warning is shown with the results). false goes back to the check.
   */
  setAllowUnnormalized(on) {
    const { token } = this.#begin();
    this.#allowUnnormalized = Boolean(on);
    return this.#entriesChanged(token, { force: true });
  }

  /** Reads the same files again (a lesson's simulated noise changed). */
  reread() {
    if (!this.#entries.length) return undefined;
    const { token } = this.#begin();
    return this.#entriesChanged(token, { force: true });
  }

  /** Settings changed: analyse the data already read again (no file is read). */
  settingsChanged() {
    if (!this.#dataset || this.loading) return undefined; // the read in progress analyses with them
    if (this.#auditing && this.#live(this.#auditing)) {
      this.#auditAgain = true;
      return undefined;
    }
    const { token, signal } = this.#begin();
    return this.#analyse(token, signal);
  }

  /** Runs the analysis on the data already read (the "Analyse" button after a Cancel). */
  analyse() {
    if (!this.#dataset) return undefined;
    const { token, signal } = this.#begin();
    return this.#analyse(token, signal);
  }

  /** The person's Cancel: stops the load, read or analysis in flight. */
  cancel() {
    this.#abort?.abort();
  }

  // ---- probabilities computed in this tab (controllers/cross-val.js drives these) ----------------

  /** "Compute out-of-sample probabilities here" for the files listed (deps.computeProbabilities). */
  computeProbabilities() {
    return this.#deps.computeProbabilities?.();
  }

  /** Starts computing as a request like any other (a newer one supersedes it); entries: the files, or null to keep them. */
  beginCompute(entries, origin = null) {
    const { token, signal } = this.#begin('computing');
    if (entries) this.#entries = entries;
    if (origin) this.#origin = origin; // a demo is not offered to be kept as files
    this.#view.clearError();
    this.#view.note('');
    this.#view.showFiles(null);
    return { token, signal, live: () => this.#live(token) };
  }

  /** The computed probabilities as a dataset (client.datasetFromCrossVal): analysed as if read from the files listed. */
  async useComputed(token, dataset) {
    if (!this.#live(token)) {
      dataset.free().catch(() => {});
      return undefined;
    }
    const entries = this.#entries;
    const review = await this.#view.openDecisions(dataset, entries);
    if (!this.#live(token)) {
      dataset.free().catch(() => {});
      return undefined;
    }
    if (this.#dataset !== dataset) this.#dataset?.free().catch(() => {});
    this.#dataset = dataset;
    this.#readEntries = entries;
    this.#stats.reads++;
    this.#view.useDecisions(review);
    await this.#applyTruthFiles(token);
    if (!this.#live(token)) return undefined;
    return this.#analyse(token, this.#abort.signal);
  }

  /** Computing ended without data: cancelled (a note) or failed (error); the results shown before stay. */
  endCompute(note, error = null) {
    this.#view.idle();
    if (error) return this.#fail(error, 'Could not compute probabilities', { keepResults: Boolean(this.#report), hint: null });
    this.#view.note(note ?? '');
    this.#setPhase(this.#report ? 'ready' : 'idle');
    return undefined;
  }

  /** The element left the page: drop everything (an answer still in flight is ignored). */
  dispose() {
    this.#begin();
    this.#dataset?.free().catch(() => {});
    this.#dataset = null;
    this.#report = null;
    this.#reportFor = null;
    this.#truth = null;
    this.#entries = [];
    this.#readEntries = [];
    this.#setPhase('idle');
  }

  // ---- the state machine ------------------------------------------------------------------------

  #begin(phase) {
    this.#abort?.abort();
    this.#abort = new AbortController();
    this.#auditAgain = false;
    const token = ++this.#token;
    if (phase) this.#setPhase(phase);
    return { token, signal: this.#abort.signal };
  }

  #live(token) {
    return token === this.#token;
  }

  #setPhase(phase) {
    this.#phase = phase;
    this.#view.setState(phase);
  }

  #sameData(a, b) {
    return sameData(a, b, this.#deps.dataRoles);
  }

  async #entriesChanged(token, { force = false } = {}) {
    const { ready, problem } = this.#deps.checkRoles(this.#entries);
    this.#view.showFiles(ready ? null : problem);
    if (!ready) {
      // Results of other files would be misleading next to an unfinished set.
      if (!this.#sameData(this.#entries, this.#readEntries)) this.#view.hideResults();
      this.#view.idle();
      this.#setPhase('waiting');
      return undefined;
    }
    if (!force && this.#dataset && this.#sameData(this.#entries, this.#readEntries)) {
      // The data read last is still what the files say (only truth files changed, or a role was
      // changed back): no need to read it again.
      this.#view.clearError();
      await this.#applyTruthFiles(token);
      if (!this.#live(token)) return undefined;
      if (this.#reportFor !== this.#dataset) return this.#analyse(token, this.#abort.signal);
      this.#view.idle();
      this.#view.render({ newDataset: false, truthChanged: true });
      this.#setPhase('ready');
      this.#view.announce();
      return this.#report;
    }
    return this.#read(token, this.#abort.signal);
  }

  async #read(token, signal) {
    const entries = this.#entries;
    const byRole = (role) => entries.find((e) => e.role === role)?.file;
    const input = byRole('combined') ? { combined: byRole('combined') } : { labels: byRole('labels'), predProbs: byRole('predProbs') };
    const options = { signal, onProgress: (p) => { if (this.#live(token)) this.#view.readProgress(p); } };
    if (this.#labelColumn) options.labelColumn = this.#labelColumn;
    if (this.#allowUnnormalized) options.allowUnnormalized = true;
    const probsBytes = (byRole('combined') ?? byRole('predProbs'))?.size ?? 0;
    if (probsBytes > FLOAT32_ABOVE_BYTES) options.float32 = true;
    this.#setPhase('reading');
    this.#view.clearError();
    this.#view.note('');
    this.#view.progress('Reading…', 0);
    let dataset;
    try {
      const classNamesFile = byRole('classNames');
      if (classNamesFile) options.classNames = parseClassNames(await classNamesFile.text());
      const client = await this.#deps.client();
      if (!this.#live(token)) return undefined;
      this.#stats.reads++;
      dataset = await client.readDataset(input, options);
      // A lesson's simulated noise (controllers/simulation.js): the data analysed has some labels flipped.
      if (this.#deps.prepareDataset) dataset = await this.#deps.prepareDataset(dataset, { client, signal });
    } catch (error) {
      if (!this.#live(token)) return undefined; // superseded: a newer request shows its own outcome
      if (error.code === 'cancelled') return this.#cancelled();
      this.#view.hideResults();
      this.#view.idle();
      return this.#fail(error);
    }
    if (!this.#live(token)) {
      dataset.free().catch(() => {});
      return undefined;
    }
    // The decisions kept for these files come with them (the old table stays usable meanwhile).
    const review = await this.#view.openDecisions(dataset, entries);
    if (!this.#live(token)) {
      dataset.free().catch(() => {});
      return undefined;
    }
    if (dataset.float32) {
      dataset.notes.push(`The probabilities were kept as 32-bit floats to halve the memory this tab needs (inputs over ${FLOAT32_ABOVE_BYTES / 2 ** 20} MB). Scores can differ from a 64-bit run (the CLI) in the last digits.`);
    }
    if (this.#dataset !== dataset) this.#dataset?.free().catch(() => {});
    this.#dataset = dataset;
    this.#readEntries = entries;
    this.#view.useDecisions(review);
    await this.#applyTruthFiles(token);
    if (!this.#live(token)) return undefined;
    return this.#analyse(token, signal);
  }

  async #applyTruthFiles(token) {
    const parsed = [];
    for (const entry of this.#entries.filter((e) => e.role === 'truth')) {
      try {
        parsed.push(this.#deps.parseTruth(await entry.file.text(), entry.file.name, this.#dataset));
      } catch (error) {
        if (!this.#live(token)) return;
        this.#fail(error, `Could not use ${entry.file.name} as known truth`, {
          keepResults: true, hint: 'The analysis below ignores this file. Fix it and drop it again.',
        });
      }
    }
    if (this.#live(token)) this.#truth = this.#deps.buildTruth(this.#dataset, parsed);
  }

  /** Analyses the current dataset; a settings change meanwhile runs once more afterwards. */
  async #analyse(token, signal) {
    this.#auditing = token;
    let report;
    try {
      report = await this.#runAudit(token, signal);
    } finally {
      if (this.#auditing === token) this.#auditing = 0;
    }
    if (this.#live(token) && this.#auditAgain) {
      const next = this.#begin();
      return this.#analyse(next.token, next.signal);
    }
    return report;
  }

  async #runAudit(token, signal) {
    const dataset = this.#dataset;
    const origin = this.#origin;
    const entries = this.#readEntries;
    this.#setPhase('analysing');
    // Re-running on a small dataset takes milliseconds: a progress bar flashing in and out would
    // only shake the page. It appears when the analysis takes a noticeable time.
    let fraction = null; // stages done / stages, as the worker reports them
    const show = () => { if (this.#live(token)) this.#view.progress('Analysing…', fraction); };
    const slow = this.#view.progressShowing() ? (show(), null) : setTimeout(show, 250);
    const settings = this.#view.settings();
    const onProgress = ({ stagesDone, numStages }) => {
      fraction = stagesDone / numStages;
      if (this.#view.progressShowing()) show();
    };
    let report;
    try {
      const client = await this.#deps.client();
      if (!this.#live(token)) return null;
      this.#stats.audits++;
      report = await client.audit(dataset, { ...auditOptions(settings), signal, onProgress });
    } catch (error) {
      if (!this.#live(token)) return null;
      if (error.code === 'cancelled') {
        this.#analysisCancelled(dataset);
        return null;
      }
      this.#view.idle();
      this.#fail(error, 'The analysis failed', { hint: null });
      return null;
    } finally {
      clearTimeout(slow);
    }
    if (!this.#live(token) || dataset !== this.#dataset) return null;
    const first = this.#reportFor !== dataset;
    this.#report = report;
    this.#reportFor = dataset;
    this.#reportSettings = settings;
    this.#view.idle();
    this.#view.render({ newDataset: first });
    this.#setPhase('ready');
    this.#view.announce();
    if (first) this.#view.analysed({ origin, entries });
    return report;
  }

  /** The person's Cancel while loading or reading: back to the files read before. */
  #cancelled() {
    this.#entries = this.#readEntries;
    this.#view.idle();
    this.#view.showFiles(null);
    this.#view.note(this.#report ? 'Cancelled. Showing the previous results.' : 'Cancelled.');
    this.#setPhase(this.#report ? 'ready' : 'idle');
    return undefined;
  }

  /** The person's Cancel while the analysis ran (the worker stops after its current stage). */
  #analysisCancelled(dataset) {
    this.#auditAgain = false; // no follow-up run for settings changed meanwhile either
    this.#view.idle();
    if (this.#report && this.#reportFor === dataset) {
      // A re-run for new settings: the results shown still hold for the settings they came from.
      this.#view.restoreSettings(this.#reportSettings);
      this.#view.note('Cancelled. Showing the results of the previous settings.');
      this.#setPhase('ready');
      return;
    }
    // The first analysis of newly read files: the results shown were those of the files before.
    this.#report = null;
    this.#reportFor = null;
    this.#view.hideResults();
    this.#view.showFiles(null, true);
    this.#view.note('Analysis cancelled. The files are read; nothing was lost.', { label: 'Analyse', run: () => this.analyse() });
    this.#setPhase('idle');
  }

  #fail(error, title, options = {}) {
    this.#view.failed(error, title, options);
    if (!options.keepResults) this.#setPhase('error');
    return undefined;
  }
}
