// Multi-label data on the page: files whose label cells hold sets (a;b, a|b, JSON arrays), one 0/1
// column per class (label_<class>) or an N x K .npy of 0/1. The single-label read refuses them
// (looks_multi_label, no label column among label_<class> columns, a 2-D labels .npy); this
// controller reads them again as multi-label (the worker's ls.multiLabel) and audits them. Beside it:
// multilabel-sniff.js says which files hold sets, multilabel-model.js builds what the panel shows,
// multilabel-decisions.js keeps the person's decisions on sets and writes the downloads.
// No DOM here: it tells a view what to show, so it runs under `node --test` with fakes.

import { holdsSets } from '../src/js/label-sets-hint.js';
import { DEFAULT_FOLDS } from '../ui/folds.js';
import { firstRows } from './first-rows.js';
import { SetDecisions } from './multilabel-decisions.js';
import { buildModel, labelsFileOf, announcement } from './multilabel-model.js';
import { looksMultiLabel } from './multilabel-sniff.js';

// Multi-label reads of one table that say its other columns are no probabilities (features).
const COMPUTABLE = ['unknown_class', 'implausible_probabilities', 'missing_column', 'bad_number', 'row_count_mismatch'];

/**
 * The multi-label session of one <label-scope>. deps: {client() -> worker client,
 * readRequest(entries, opts) -> {input, options}, store: {load(key, meta), save(key, record)},
 * options?() -> audit options from the page's settings (filterBy, rankBy, fracNoise, ...),
 * choices?: {recall(entries) -> ChoicesMemory.recall's answer or null, remember(how)} (ui/choices.js: the person's
 * choices about these files, kept like decisions)}.
 * view: {progress(text), idle(), show(model), failed(error), cancelled(), offerCompute(error, compute(folds)),
 * decisionsChanged(), clear(), restoreSettings?(values), analysed?(model, how)}: analysed follows the first show of
 * data read from files, with how = {entries, labelColumn, computed, folds} (what a reload needs to read them
 * again: Resume).
 */
export class MultiLabelController {
  #deps;
  #view;
  #dataset = null;
  #model = null;
  #decisions; // the person's decisions on the sets shown (multilabel-decisions.js)
  #token = 0;
  #abort = null; // AbortController of the read or computation in flight
  #shown = null; // what the model shown was audited from: audited again when the settings change
  #computeNext = null; // {folds}: probabilities computed before (Resume, or the same files dropped again), not asked

  constructor(deps, view) {
    this.#deps = deps;
    this.#view = view;
    this.#decisions = new SetDecisions(deps.store, (error) => view.saveFailed?.(error));
  }

  get model() {
    return this.#model;
  }
  /** The storage key of the decisions shown (the review store's, without its scope), or null. */
  get key() {
    return this.#model ? this.#decisions.key : null;
  }
  get active() {
    return this.#model != null;
  }
  /** Decisions in row order: [{index, decision, set, labels (class names), at}]. */
  get decisions() {
    return this.#decisions.list(this.#model);
  }

  /**
   * Whether a failed single-label read is multi-label data this controller reads instead: true,
   * 'maybe' (one table whose first label matched no class, such as 'sport' next to features: take()
   * checks the label column for sets first), or false.
   */
  claims(error, entries = []) {
    if (looksMultiLabel(error)) return true;
    // A table of sets (sniffLabelSetsToo) read as single-label: no probabilities found there, as expected.
    if (entries.length === 1 && entries[0].role === 'combined' && entries[0].labelSets) return true;
    const table = entries.length === 1 && entries[0].role === 'combined' ? entries[0] : null;
    return table && error?.code === 'unknown_class' ? 'maybe' : false;
  }

  /**
   * Reads `entries` (the files with their roles) as multi-label data and audits them. check: first
   * make sure the label column holds sets (claims() said 'maybe'); false = it does not (not taken).
   */
  async take(entries, { labelColumn = null, sourceName = 'labels', check = false } = {}) {
    const token = ++this.#token;
    this.#free();
    if (check) {
      const sets = await this.#holdsSets(entries[0].file, labelColumn, entries);
      if (token !== this.#token || !sets) return false;
    }
    const restored = await this.#recall(entries);
    if (token !== this.#token) return null;
    const { input, options } = this.#deps.readRequest(entries, { labelColumn });
    const readOptions = {};
    if (options.labelColumn) readOptions.labelColumn = options.labelColumn;
    if (options.float32) readOptions.float32 = true;
    this.#view.progress('Looks multi-label: reading the label sets…');
    try {
      const client = await this.#deps.client();
      const dataset = await client.multiLabel.readDataset(input, { ...readOptions, signal: this.#signal() });
      if (token !== this.#token) {
        dataset.free().catch(() => {});
        return null;
      }
      this.#dataset = dataset;
      this.#view.progress(announcement(dataset.rowsWithSeveral) + ' — analysing…');
      const how = { entries, labelColumn, computed: false };
      return await this.#present(token, { data: dataset, dataset, sourceName, how, restored }, true);
    } catch (error) {
      if (token !== this.#token) return null;
      this.#view.idle();
      // One table of label sets whose other columns are features, not probabilities: offer to
      // compute them here, one-vs-rest (ls.multiLabel.crossValProbs); on Resume, compute again.
      const table = entries.length === 1 && entries[0].role === 'combined' ? entries[0].file : null;
      const again = this.#computeNext;
      this.#computeNext = null;
      const how = { sourceName, entries, labelColumn, restored };
      // A Parquet table holds no probabilities the reader of sets could take: only features.
      const computable =
        COMPUTABLE.includes(error?.code) || (entries[0]?.format === 'parquet' && error?.code !== 'cancelled');
      if (table && computable && again) return this.compute(table, { ...how, folds: again.folds });
      if (table && computable) {
        this.#view.offerCompute(error, (folds) => this.compute(table, { ...how, folds }));
      } else if (error?.code === 'cancelled') this.#view.cancelled();
      else this.#view.failed(error);
      return null;
    }
  }

  /**
   * The person's choices kept about these very files (deps.choices, ui/choices.js): the settings come back now,
   * computed probabilities are computed again with their folds. Returns them in words, or null.
   */
  async #recall(entries) {
    const recalled = (await this.#deps.choices?.recall(entries)) ?? null;
    const sets = recalled?.multiLabel;
    if (sets?.settings) this.#view.restoreSettings?.(sets.settings);
    if (sets?.computed) this.#computeNext ??= { folds: sets.folds ?? DEFAULT_FOLDS };
    return recalled?.said || null;
  }

  // Whether a table's label column holds sets: the labels sniffer (a column named like a label column),
  // else the classes the trainer's reader finds in the column chosen (a column named 'tags').
  // A big table of features: its first rows only (first-rows.js). Sets further down are found when its probabilities
  // are computed (crossValProbs says looks_multi_label, which brings it here): the table is parsed whole once.
  async #holdsSets(file, labelColumn, entries) {
    const client = await this.#deps.client();
    const table = (await firstRows(file, entries).catch(() => null))?.file ?? file;
    try {
      if ((await client.multiLabel.sniffLabelSets(table)).rowsWithSeveral > 0) return true;
    } catch {
      // unreadable as a labels file: ask the table reader
    }
    try {
      const columns = await client.crossValColumns({ combined: table }, labelColumn ? { labelColumn } : {});
      return holdsSets(columns.classNames ?? []);
    } catch {
      return false; // no table of features either: single-label data
    }
  }

  /**
   * Out-of-sample probabilities for a table of label sets and features, computed in the worker
   * (one binary logistic regression per class, the same folds for every class), then audited.
   * restored: the person's choices that came back with the file, in words. Fewer rows than folds: offered again
   * with as many folds as rows (view.offerCompute).
   */
  async compute(
    file,
    {
      sourceName = 'labels',
      folds = DEFAULT_FOLDS,
      entries = [{ role: 'combined', file }],
      labelColumn = null,
      restored = null,
    } = {},
  ) {
    const token = ++this.#token;
    this.#free();
    this.#view.progress('Computing one-vs-rest probabilities: reading…');
    try {
      const legacy = `computed:${file.name}:${file.size}:${file.lastModified ?? 0}`;
      const client = await this.#deps.client();
      const r = await client.multiLabel.crossValProbs(
        { combined: file },
        {
          folds,
          ...(labelColumn ? { labelColumn } : {}), // the column the person chose
          signal: this.#signal(),
          onProgress: (p) => {
            if (token !== this.#token) return;
            this.#view.progress(
              p.stage === 'reading'
                ? 'Computing one-vs-rest probabilities: reading…'
                : `Computing one-vs-rest probabilities: ${p.foldsDone} of ${p.numFolds} folds done`,
            );
          },
        },
      );
      // The decisions' key: the file's bytes (deps.fingerprint), so the same table dropped again finds them.
      const print = await this.#deps.fingerprint?.(file);
      if (token !== this.#token) return null;
      const data = { labels: r.labels, predProbs: r.probs, numClasses: r.numClasses };
      const dataset = {
        numExamples: r.numExamples,
        numClasses: r.numClasses,
        classNames: r.classNames,
        notation: r.notation,
        rowsWithSeveral: r.rowsWithSeveral,
        offsets: r.labels.offsets,
        classes: r.labels.classes,
        extraColumns: r.extraColumns ?? [], // the table's id and text columns (cores that return them)
        labelColumn: r.labelColumn, // the set column's name: the corrected table is written into it
        // The set column too: decisions on one column of sets never show on another (as single labels' keys).
        fingerprint: print ? `computed:${print}:${r.labelColumn ?? ''}` : legacy,
        legacyFingerprint: legacy, // the key of decisions kept before the bytes made it

        warnings: r.warnings ?? [], // the one-vs-rest models' (weak_model, classes_differ_in_case)
      };
      const computed = { folds: r.folds, c: r.c, notes: r.notes };
      const how = { entries, labelColumn, computed: true, folds };
      return await this.#present(token, { data, dataset, sourceName, computed, how, restored }, true);
    } catch (error) {
      if (token !== this.#token) return null;
      this.#view.idle();
      const how = { sourceName, entries, labelColumn };
      if (error?.code === 'too_few_examples')
        this.#view.offerCompute(error, (n) => this.compute(file, { ...how, folds: n }));
      else if (error?.code === 'cancelled') this.#view.cancelled();
      else this.#view.failed(error);
      return null;
    }
  }

  /**
   * The page's settings changed (deps.options; `settings` their values, kept with the session): the
   * data shown is audited again with them (nothing is read again; the decisions stay).
   */
  async settingsChanged(settings) {
    if (!this.#shown) return null;
    Promise.resolve(this.#deps.store.settingsChanged?.(this.#decisions.key, settings)).catch(() => {});
    const token = ++this.#token;
    try {
      const model = await this.#present(token, this.#shown, false);
      if (model) this.#deps.choices?.remember(this.#shown.how); // the settings are among the choices kept
      return model;
    } catch (error) {
      if (token === this.#token) this.#view.failed(error);
      return null;
    }
  }

  /** Resume of a session whose probabilities were computed here: the next take() computes them again (folds). */
  computeOnResume(folds = DEFAULT_FOLDS) {
    this.#computeNext = { folds };
  }

  // Audits `shown` with the current options and shows it; first: a new dataset (its decisions loaded).
  async #present(token, shown, first) {
    const client = await this.#deps.client();
    const options = { ...(this.#deps.options?.() ?? {}) };
    // Probabilities computed here travel to the worker as a transferred buffer: each audit sends a copy, so a
    // settings change can audit them again.
    const predProbs = /** @type {Float64Array|Float32Array|undefined} */ (shown.data.predProbs);
    const data = ArrayBuffer.isView(predProbs) ? { ...shown.data, predProbs: predProbs.slice() } : shown.data;
    const report = await client.multiLabel.audit(data, options);
    if (token !== this.#token) return null;
    const { dataset } = shown;
    const model = buildModel(dataset, report, shown.sourceName);
    model.options = options;
    if (shown.computed) model.computed = shown.computed;
    if (shown.restored) model.restored = shown.restored;
    model.labelsFile = labelsFileOf(shown.how?.entries ?? [], dataset);
    if (first && !(await this.#decisions.open(dataset, () => token === this.#token))) return null;
    this.#shown = shown;
    this.#model = model;
    this.#view.idle();
    this.#view.show(model);
    if (first) {
      this.#view.analysed?.(model, shown.how);
      this.#deps.choices?.remember(shown.how);
    }
    return model;
  }

  /** The person's Cancel: stops the read or computation in flight (the page stays usable). */
  cancel() {
    this.#abort?.abort();
  }

  #signal() {
    this.#abort = new AbortController();
    return this.#abort.signal;
  }

  /** Another dataset (or single-label data) is shown: forget this one. */
  clear() {
    this.#token++;
    this.#computeNext = null;
    this.#free();
    this.#model = null;
    this.#decisions.clear();
    this.#view.clear();
  }

  decisionOf(index) {
    return this.#decisions.of(index);
  }

  /**
   * A decision on row `index`: 'accept' (the suggested set), 'keep' (the given set), 'edit' with a
   * set of class indices, or null to clear it.
   */
  decide(index, decision, set) {
    const done = this.#decisions.decide(this.#model, index, decision, set);
    this.#view.decisionsChanged();
    return done;
  }

  /** Every row's set with the decisions applied. */
  correctedSets() {
    return this.#decisions.correctedSets(this.#model);
  }

  /** The corrected labels, in the notation the input used: {name, type, parts} (multilabel-decisions.js). */
  exportLabels() {
    return this.#decisions.exportLabels(this.#model, this.#deps.client);
  }

  /** The flagged rows with what looks wrong, the id/text columns and the decisions, as CSV. */
  exportIssues() {
    return this.#decisions.exportIssues(this.#model);
  }

  /** The decisions, one row each, as the single-label decisions export: {name, type, data}. */
  exportDecisions() {
    return this.#decisions.exportDecisions(this.#model);
  }

  #free() {
    this.#dataset?.free?.().catch?.(() => {});
    this.#dataset = null;
    this.#shown = null;
  }
}
