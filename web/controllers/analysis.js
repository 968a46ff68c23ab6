// The analysis session of one <label-scope>: files (dropped, or fetched from URLs) → roles → read
// in the worker → analyse → report, with Cancel. One explicit state machine in which the latest
// request wins (requests.js); what it holds is session.js's, what it reads is built in reading.js,
// what comes in is decided in incoming.js, the choices kept about it are looked up by recall.js while it is
// read, the analyses are run by audit-runs.js (settings changed while one runs fold into one follow-up run)
// and how each request ends is shown by analysis-screen.js.
// No DOM here: the controller tells a view what to show (the View typedef, in files.js), so it runs
// under `node --test` with fakes.
import { AnalysisScreen } from './analysis-screen.js';
import { AuditRuns } from './audit-runs.js';
import { parseClassNames } from './files.js';
import { readForIntake } from './first-rows.js';
import { recallsChoices, sniffAll, startsOwnSet } from './incoming.js';
import { featuresFile, FLOAT32_NOTE, parseTruthFiles, readRequest, refusal } from './reading.js';
import { RecallWhileReading } from './recall.js';
import { LatestRequest } from './requests.js';
import { AnalysisSession } from './session.js';

export class AnalysisController {
  #deps;
  #view;
  #requests = new LatestRequest();
  #session; // what the session holds (session.js)
  #screen; // what it shows as a request ends (analysis-screen.js)
  #audits; // the analyses of the data read (audit-runs.js)
  #recall = null; // the choices kept about the files dropped, looked up while they are read (recall.js)

  /**
   * @param {import('./files.js').Deps} deps what the controller works with
   * @param {import('./files.js').View} view what it shows through
   */
  constructor(deps, view) {
    this.#deps = deps;
    this.#view = view;
    this.#session = new AnalysisSession(deps.dataRoles);
    this.#screen = new AnalysisScreen(view, this.#session);
    this.#audits = new AuditRuns({
      begin: () => this.#begin(),
      live: (token) => this.#live(token),
      session: this.#session,
      screen: this.#screen,
      view,
      client: deps.client,
      analyse: () => this.analyse(),
    });
    if (deps.recall) {
      this.#recall = new RecallWhileReading({
        recall: deps.recall,
        computeAgain: deps.computeAgain,
        session: this.#session,
        dataRoles: deps.dataRoles,
        live: (token) => this.#live(token),
        cancelled: () => this.#requests.signal.aborted,
        reread: () => {
          const { token } = this.#begin();
          return { token, request: this.#entriesChanged(token) };
        },
      });
    }
  }

  get phase() {
    return this.#screen.phase;
  }
  get entries() {
    return this.#session.entries;
  }
  get labelColumn() {
    return this.#session.labelColumn;
  }
  get dataset() {
    return this.#session.dataset;
  }
  get report() {
    return this.#session.report;
  }
  get truth() {
    return this.#session.truth;
  }
  get origin() {
    return this.#session.origin;
  }
  get stats() {
    return { ...this.#session.stats };
  }
  /** Whether the reader was told to take probabilities it found implausible (the person's choice). */
  get allowUnnormalized() {
    return this.#session.allowUnnormalized;
  }
  /** Fetching or reading: a settings change waits for the analysis that follows. */
  get loading() {
    const phase = this.#screen.phase;
    return phase === 'loading' || phase === 'reading' || phase === 'computing';
  }
  /** The dataset read from the files listed now (null while they differ). */
  get shownDataset() {
    return this.#session.shownDataset;
  }

  // ---- requests -------------------------------------------------------------------------------

  /** Fetches same-origin URLs and uses them as the whole file set. */
  async loadUrls(urls, { message = 'Loading data…', origin = { kind: 'url' } } = {}) {
    const { token, signal } = this.#begin('loading');
    this.#view.clearError();
    this.#view.note('');
    this.#stale(true); // other data is on its way: the results shown are not of it
    this.#view.progress(message);
    let files;
    try {
      files = await this.#deps.fetchFiles(urls, signal);
    } catch (error) {
      if (!this.#live(token)) return undefined;
      if (error.code === 'cancelled') return this.#cancelled();
      return this.#fail(error, 'Could not load the data', {
        hint: 'Check the address of the data file; it must be on this site.',
      });
    }
    if (!this.#live(token)) return undefined;
    return this.addFiles(files, { replace: true, origin });
  }

  /** Adds files as if dropped: roles are guessed, and the data is read once it is complete. */
  async addFiles(files, { replace = false, origin = { kind: 'files' } } = {}) {
    const { token } = this.#begin();
    this.#view.clearError();
    let incoming, refused;
    try {
      ({ usable: incoming, refused } = await sniffAll(files, this.#deps.sniff));
    } catch (error) {
      return this.#readFailed(token, error);
    }
    if (!this.#live(token)) return undefined;
    const refuse = () => {
      const { error, title, hint } = refusal(refused);
      this.#fail(error, title, { keepResults: Boolean(this.#session.report), hint });
    };
    if (refused.length && incoming.length === 0) return refuse();
    const listed = { listedOrigin: this.#session.origin, listed: this.#session.entries.length };
    const fresh = startsOwnSet({ replace, origin, ...listed });
    this.#session.origin = origin;
    this.#session.add(incoming, fresh, this.#deps.mergeFiles);
    // The same bytes dropped again: the person's choices about them (label column, roles, how the probabilities were
    // computed here) come back with them, looked up while the files are read (recall.js).
    const recall = recallsChoices(origin, incoming) ? this.#recall?.start(token) : null;
    let report = await this.#entriesChanged(token);
    const replaced = await recall;
    if (replaced) report = await replaced.request;
    // Said after the good files were read, so reading them does not clear it.
    if (refused.length && this.#live(replaced?.token ?? token)) refuse();
    return report;
  }

  /** Before request `token` shows what it read: the choices kept were applied (recall.js). False: superseded. */
  #recallSettled(token) {
    return this.#recall ? this.#recall.settled(token) : this.#live(token);
  }

  /** The person changed how file `index` is used. */
  setRole(index, role) {
    return this.#edit(() => this.#session.setRole(index, role));
  }

  /**
   * The label column of a table (file `index`; default: the one that gives the labels), the person's choice over
   * the reader's guess. It stays with that file while other files come and go.
   */
  setLabelColumn(column, index = null) {
    return this.#edit(
      () => {
        if (index == null) this.#session.labelColumn = column;
        else this.#session.chooseLabelColumn(index, column);
      },
      { force: true },
    );
  }

  swapRoles() {
    return this.#edit(() => this.#session.swapRoles());
  }

  /** Files kept from an earlier visit (Resume). */
  resume(entries, labelColumn = null) {
    return this.#edit(
      () => {
        Object.assign(this.#session, { origin: { kind: 'files' }, entries });
        // Sessions kept before the choice went with its file name it beside the files.
        if (labelColumn != null && this.#session.labelColumn == null) this.#session.labelColumn = labelColumn;
      },
      { force: true },
    );
  }

  /** "These are probabilities — analyse anyway": the reader's allowUnnormalized (its warning shown); false: checked. */
  setAllowUnnormalized(on) {
    return this.#edit(
      () => {
        this.#session.allowUnnormalized = Boolean(on);
      },
      { force: true },
    );
  }

  /** Reads the same files again (a lesson's simulated noise changed). */
  reread() {
    if (!this.#session.entries.length) return undefined;
    return this.#edit(() => {}, { force: true });
  }

  /** A request that changes the files or the choices about them, then reads (force: even the same files). */
  #edit(change, { force = false } = {}) {
    const { token } = this.#begin();
    change();
    return this.#entriesChanged(token, { force });
  }

  /** Settings changed: analyse the data already read again (no file is read). */
  settingsChanged() {
    if (!this.#session.dataset || this.loading) return undefined; // the read in progress analyses with them
    return this.#audits.settingsChanged();
  }

  /**
   * Runs the analysis on the data already read (the "Analyse" button after a Cancel) — only while those are the
   * files listed: after other files were added, it would analyse data the screen no longer shows.
   */
  analyse() {
    return this.#session.dataset && this.#session.readIsListed ? this.#audits.again() : undefined;
  }

  /** The person's Cancel: stops the load, read or analysis in flight. */
  cancel() {
    this.#requests.cancel();
  }

  // ---- probabilities computed in this tab (controllers/cross-val.js drives these) ----------------

  /** "Compute out-of-sample probabilities here" (deps.computeProbabilities); how.chooseColumns: the roles first. */
  computeProbabilities(how) {
    return this.#deps.computeProbabilities?.(how);
  }

  /**
   * Starts computing as a request like any other (a newer one supersedes it); entries: the files, or null to keep them.
   */
  beginCompute(entries, origin = null) {
    const { token, signal } = this.#begin('computing');
    if (entries) this.#session.entries = entries;
    if (origin) this.#session.origin = origin; // a demo is not offered to be kept as files
    this.#view.clearError();
    this.#view.note('');
    this.#view.showFiles(null);
    // Computing for other files (or a demo being fetched): the results shown are not of them.
    this.#stale(!entries || !this.#session.readIsListed);
    return { token, signal, live: () => this.#live(token) };
  }

  /**
   * The computed probabilities as a dataset (client.datasetFromCrossVal): analysed as if read from the files listed.
   * training: what a simulation trains on again ({combined, crossVal} for a labelled table), else the features file.
   */
  async useComputed(token, dataset, training = null) {
    if (this.#superseded(token, dataset)) return undefined;
    this.#session.stats.reads++;
    if (this.#deps.prepareDataset) {
      // A lesson's simulated noise (controllers/simulation.js): flips, and the probabilities computed
      // again on the noisy labels from the features file.
      const features = training ?? featuresFile(this.#session.entries);
      const progress = (text, fraction) => {
        if (this.#live(token)) this.#view.progress(text, fraction);
      };
      try {
        const client = await this.#deps.client();
        dataset = await this.#deps.prepareDataset(dataset, {
          client,
          signal: this.#requests.signal,
          computed: true,
          features,
          progress,
        });
      } catch (error) {
        return this.#readFailed(token, error);
      }
      if (this.#superseded(token, dataset)) return undefined;
    }
    return this.#adopt(token, this.#requests.signal, dataset, this.#session.entries);
  }

  /**
   * Computing ended without data: cancelled (a note) or failed (error). The results shown before stay where they are
   * of the files listed; cancelled, the files listed go back to those; failed on other files, the results go.
   */
  endCompute(note, error = null) {
    return this.#screen.computeEnded(note, error);
  }

  /** The element left the page: drop everything (an answer still in flight is ignored). */
  dispose() {
    this.#begin();
    this.#session.clear();
    this.#setPhase('idle');
  }

  // ---- the state machine ------------------------------------------------------------------------

  #begin(phase) {
    const request = this.#requests.begin();
    this.#audits.superseded();
    if (phase) this.#setPhase(phase);
    return request;
  }

  #live(token) {
    return this.#requests.live(token);
  }

  #setPhase(phase) {
    this.#screen.setPhase(phase);
  }

  async #entriesChanged(token, { force = false } = {}) {
    // A note about the files before ("Cancelled…", its "Analyse" button) no longer holds.
    this.#view.note('');
    const { ready, problem } = this.#deps.checkRoles(this.#session.entries);
    if (!ready && !(await this.#recallSettled(token))) return undefined; // the choices kept may complete the set
    this.#view.showFiles(ready ? null : problem);
    if (!ready) {
      // Results of other files would be misleading next to an unfinished set.
      if (!this.#session.readIsListed) this.#view.hideResults();
      this.#view.idle();
      this.#setPhase('waiting');
      return undefined;
    }
    if (!force && this.#session.dataset && this.#session.readIsListed) {
      // The data read last is still what the files say (only truth files changed, or a role was
      // changed back): no need to read it again.
      if (!(await this.#recallSettled(token))) return undefined;
      this.#view.clearError();
      await this.#applyTruthFiles(token);
      if (!this.#live(token)) return undefined;
      if (this.#session.reportFor !== this.#session.dataset) return this.#audits.run(token, this.#requests.signal);
      this.#screen.show({ newDataset: false, truthChanged: true });
      return this.#session.report;
    }
    return this.#read(token, this.#requests.signal);
  }

  async #read(token, signal) {
    const { entries, labelColumn, allowUnnormalized } = this.#session;
    const onProgress = (p) => {
      if (this.#live(token)) this.#view.readProgress(p);
    };
    const request = { labelColumn, allowUnnormalized, signal, onProgress };
    const { input, options, classNamesFile } = readRequest(entries, request);
    this.#setPhase('reading');
    this.#view.clearError();
    this.#view.note('');
    this.#stale(!this.#session.readIsListed); // other files: the results shown are of the files read before
    this.#view.progress('Reading…', 0);
    let dataset;
    try {
      if (classNamesFile) options.classNames = parseClassNames(await classNamesFile.text());
      const client = await this.#deps.client();
      if (!this.#live(token)) return undefined;
      this.#session.stats.reads++;
      // A big table of features: its first rows say it holds no probabilities (first-rows.js).
      dataset = await readForIntake(client, input, options, entries);
      // A lesson's simulated noise (controllers/simulation.js): the data analysed has some labels flipped.
      if (this.#deps.prepareDataset) dataset = await this.#deps.prepareDataset(dataset, { client, signal });
    } catch (error) {
      return this.#readFailed(token, error, { hideResults: true });
    }
    // Read while the choices kept about the files were looked up: they may have asked for another read.
    await this.#recallSettled(token);
    if (this.#superseded(token, dataset)) return undefined;
    return this.#adopt(token, signal, dataset, entries, dataset.float32 ? FLOAT32_NOTE : null);
  }

  /** Reading (or preparing) the data failed: said unless a newer request took over; Cancel goes back. */
  async #readFailed(token, error, { hideResults = false } = {}) {
    // The choices kept about the files, looked up meanwhile, may read them otherwise: then this failure is not shown.
    if (!(await this.#recallSettled(token))) return undefined; // superseded: a newer request shows its own outcome
    if (error.code === 'cancelled') return this.#cancelled();
    if (hideResults) this.#view.hideResults();
    this.#view.idle();
    return this.#fail(error);
  }

  /** Whether `token` was superseded; then `dataset` (its late answer) is freed, never shown. */
  #superseded(token, dataset) {
    if (this.#live(token)) return false;
    dataset?.free().catch(() => {});
    return true;
  }

  /**
   * A dataset read from (or computed for) `entries` becomes the current one, with its decisions and truth; analysed.
   */
  async #adopt(token, signal, dataset, entries, note = null) {
    // The decisions kept for these files come with them (the old table stays usable meanwhile).
    const review = await this.#view.openDecisions(dataset, entries);
    if (this.#superseded(token, dataset)) return undefined;
    if (note) dataset.notes.push(note);
    this.#session.adopt(dataset, entries);
    this.#view.useDecisions(review);
    await this.#applyTruthFiles(token);
    if (!this.#live(token)) return undefined;
    return this.#audits.run(token, signal);
  }

  async #applyTruthFiles(token) {
    const parsed = await parseTruthFiles(
      this.#session.entries,
      this.#session.dataset,
      this.#deps.parseTruth,
      (error, entry) => {
        if (!this.#live(token)) return;
        this.#fail(error, `Could not use ${entry.file.name} as known truth`, {
          keepResults: true,
          hint: 'The analysis below ignores this file. Fix it and drop it again.',
        });
      },
    );
    if (this.#live(token)) this.#session.truth = this.#deps.buildTruth(this.#session.dataset, parsed);
  }

  #cancelled() {
    return this.#screen.cancelled();
  }

  #stale(on) {
    this.#screen.stale(on);
  }

  #fail(error, title, options = {}) {
    return this.#screen.fail(error, title, options);
  }
}
