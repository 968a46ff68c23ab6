// The review of one <label-scope>: the decisions on the current dataset (accept, keep, relabel,
// clear, undo, start over), where they are kept (a ReviewStore: memory, or this browser's
// IndexedDB when the page asks for it), resuming a session, and the decision exports. No DOM: the
// element renders what this holds and downloads what it builds, so it runs under `node --test`.
import { displayColumns } from './columns.js';
import {
  correctedLabels,
  correctedLabelsCsvParts,
  Decisions,
  decisionsCsvParts,
  labelsFormat,
  npyBytes,
} from '../ui/decisions.js';
import { labelsPlace } from '../ui/computed.js';
import { decisionsKey } from '../ui/persist.js';
import { rowsAsWritten } from '../src/js/parquet-rows.js';

const DECISION_KINDS = ['accept', 'keep', 'relabel'];

export class ReviewController {
  #store;
  #context;
  #emit;
  #decisions = new Decisions(); // of the current dataset
  #key = null;
  #note = null; // decisions restored when the dataset was read
  #labelsFormat = null; // how the labels were given (for "Export corrected labels")
  #labelsFile = null; // the file the labels came from (rewritten with the corrections)
  #labelsPlace = null; // {labelColumn, hasHeader} in that file, for computed probabilities
  #writeLabels;
  #unsavedKeys = 0;
  #labelsTable = false; // the labels file is a table (CSV, TSV or Parquet; not .npy)
  #written = null; // {dataset, stop, rows: Promise<WrittenRows | null>}: the computed table's rows as written

  /**
   * store: a ReviewStore (ui/persist.js) or anything with its methods; context() -> {dataset,
   * report} of the analysis; emit(type, detail) dispatches an event ('decision');
   * writeLabels(file, {dataset, labels}) -> {parts, type}: the labels file written again with the
   * corrected labels, every other column and cell as read (the worker's correctedLabelsFile).
   */
  constructor({ store, context, emit, writeLabels = null }) {
    this.#writeLabels = writeLabels;
    this.#store = store;
    this.#context = context;
    this.#emit = emit;
  }

  get store() {
    return this.#store;
  }
  get decisions() {
    return this.#decisions;
  }
  get key() {
    return this.#key;
  }
  get note() {
    return this.#note;
  }
  get labelsKind() {
    return this.#labelsFormat?.kind ?? 'csv';
  }

  /** Public list: [{index, decision, label, labelName, at}] in row order. */
  list() {
    const names = this.#context().dataset?.classNames ?? [];
    return this.#decisions.entries().map((e) => ({ ...e, labelName: names[e.label] }));
  }

  // ---- one dataset's decisions ------------------------------------------------------------------

  /** The decisions kept for these files (made earlier in this tab, or saved in this browser). */
  async open(dataset, entries) {
    const key = dataset.fingerprint ? decisionsKey(this.#store.scope, dataset) : `unsaved:${++this.#unsavedKeys}`;
    // No file name and no class name: a record says which rows got which class index, nothing more.
    const meta = {
      fingerprint: dataset.fingerprint ?? null,
      numExamples: dataset.numExamples,
      numClasses: dataset.numClasses,
    };
    const { decisions, restored: kept } = await this.#store.open(key, meta);
    const labelsEntry = entries.find((e) => e.role === 'combined') ?? entries.find((e) => e.role === 'labels');
    // The person's choices about these files came back with them (ui/choices.js): said beside the decisions.
    const choices = entries.find((e) => e.restoredChoices)?.restoredChoices ?? null;
    const restored = choices ? { count: 0, ...kept, choices } : kept;
    // Probabilities computed here: the dataset's source is the computed table, not the file.
    // A Parquet table's label column goes by its name (correctedLabelsFile writes the table as a CSV).
    const parquet = labelsEntry?.format === 'parquet';
    const named = parquet && dataset.computed?.labelColumnName;
    const computedPlace = labelsPlace(dataset);
    const place = computedPlace ?? (named ? { labelColumnName: named } : null);
    const format = labelsFormat(labelsEntry, computedPlace?.labelColumn ?? dataset.source?.labelsColumn ?? 1);
    return {
      key,
      decisions,
      restored,
      labelsTable: Boolean(labelsEntry) && !labelsEntry.shape,
      labelsFile: labelsEntry?.file ?? null,
      labelsPlace: place,
      format: parquet ? { ...format, kind: 'parquet' } : format,
    };
  }

  /** Makes an opened set current (once the dataset it belongs to is shown). */
  use({ key, decisions, restored, format, labelsFile = null, labelsPlace: place = null, labelsTable = false }) {
    this.#labelsFile = labelsFile;
    this.#labelsTable = labelsTable;
    this.#written?.stop.abort(); // another dataset: the file being indexed is no longer wanted
    this.#written = null;
    this.#labelsPlace = place;
    this.#key = key;
    this.#decisions = decisions;
    this.#note = restored;
    this.#labelsFormat = format;
  }

  /**
   * Records a decision on row `index` as a person would: 'accept' (the suggested label), 'keep'
   * (the given label), 'relabel' with a class index. Fires `decision`. Throws RangeError on
   * anything else.
   */
  decide(index, kind, label, source) {
    const { dataset, report } = this.#context();
    if (!report) return null;
    this.#checkRow(index);
    if (!DECISION_KINDS.includes(kind))
      throw new RangeError(`'${kind}' is not a decision: use accept, keep or relabel.`);
    if (kind === 'relabel' && !(Number.isInteger(label) && label >= 0 && label < dataset.numClasses)) {
      throw new RangeError(`There is no class ${label}: use 0 to ${dataset.numClasses - 1}.`);
    }
    const entry = this.#decisions.set(index, kind, {
      given: dataset.labels[index],
      suggested: report.suggestedLabel[index],
      label,
    });
    this.#changed(index, source);
    return entry;
  }

  /** Clears row `index`'s decision; false if it had none. */
  clear(index, source) {
    if (!this.#decisions.clear(index)) return false;
    this.#changed(index, source);
    return true;
  }

  /** Undoes the last change; the row it touched, or -1. */
  undo() {
    const index = this.#decisions.undo();
    if (index >= 0) this.#changed(index, 'undo');
    return index;
  }

  /** Start over: every decision on these files, here and in storage. Returns how many were cleared. */
  async startOver() {
    const cleared = this.#decisions.size;
    await this.#store.forget(this.#key);
    this.#decisions.clearAll(); // also when storage failed: Start over is what the person asked for
    this.#note = null;
    this.#emit('decision', { ...this.counts(), index: null, decision: null, cleared, source: 'start-over' });
    return cleared;
  }

  /** {numDecided, numFlagged, numFlaggedReviewed}. */
  counts() {
    const issues = this.#context().report?.issues ?? [];
    return {
      numDecided: this.#decisions.size,
      numFlagged: issues.length,
      numFlaggedReviewed: this.#decisions.countAmong(issues),
    };
  }

  /** What a quiz page needs about one decision (the `decision` event's detail). */
  detail(index, source) {
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
      ...this.counts(),
    };
  }

  #checkRow(index) {
    const { report } = this.#context();
    if (!report || !Number.isInteger(index) || index < 0 || index >= report.numExamples) {
      throw new RangeError(`There is no row ${index} to decide on.`);
    }
  }

  #changed(index, source) {
    if (!this.#key?.startsWith('unsaved:')) this.#store.changed(this.#key, index);
    this.#emit('decision', this.detail(index, source));
  }

  /**
   * The rows of the table the probabilities were computed from, as its file wrote them (a WrittenRows:
   * every cell, "36.0" as 36.0; a Parquet table's ParquetRows: its typed values written out), for the detail
   * pane and the all-rows export; null when the dataset is not such a table (labels and features apart) or
   * the file cannot be read again. Indexed once
   * per dataset, when first asked. null at once when the dataset is not such a table.
   * @returns {Promise<import('../src/js/written-rows.js').WrittenRows | import('../src/js/parquet-rows.js').ParquetRows
   *   | null> | null}
   */
  writtenRows() {
    const { dataset } = this.#context();
    const computed = dataset?.computed;
    const table = computed?.columns?.length && computed.labelsFile === computed.featuresFile;
    if (!table || !this.#labelsTable || !this.#labelsFile) return null;
    if (this.#written?.dataset !== dataset) {
      this.#written?.stop.abort();
      const stop = new AbortController();
      const rows = rowsAsWritten(this.#labelsFile, { expectedRows: dataset.numExamples, signal: stop.signal });
      this.#written = { dataset, stop, rows: rows.catch(() => null) };
    }
    return this.#written.rows;
  }

  // ---- exports ---------------------------------------------------------------------------------

  /** The decisions as CSV: {blob, fileName}. */
  exportDecisions(sourceName) {
    const { dataset, report } = this.#context();
    const parts = decisionsCsvParts({ dataset, report, columns: displayColumns(dataset) }, this.#decisions);
    this.#store.markExported(this.#key);
    return { blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }), fileName: `${sourceName}-decisions.csv` };
  }

  /**
   * The given labels with every decision applied, in the form they came in: {blob, fileName}. With
   * the worker's writer: the labels file itself, every other column kept, the label replaced and
   * an original_label column added; without it (node tests, a dataset from no file): the labels alone.
   */
  async exportLabels(sourceName) {
    const { dataset } = this.#context();
    const format = this.#labelsFormat ?? labelsFormat(null);
    const npy = format.kind === 'npy';
    const labels = correctedLabels(dataset.labels, this.#decisions);
    if (this.#writeLabels && this.#labelsFile) {
      const { parts, type } = await this.#writeLabels(this.#labelsFile, { dataset, labels, ...this.#labelsPlace });
      this.#store.markExported(this.#key);
      const ext = npy ? 'npy' : type.includes('tab-separated') ? 'tsv' : 'csv';
      return { blob: new Blob(parts, { type }), fileName: `${sourceName}-corrected-labels.${ext}` };
    }
    const blob = npy
      ? new Blob([npyBytes(labels, format)], { type: 'application/octet-stream' })
      : new Blob(correctedLabelsCsvParts(labels, dataset.classNames, format), { type: 'text/csv;charset=utf-8' });
    this.#store.markExported(this.#key);
    return { blob, fileName: `${sourceName}-corrected-labels.${npy ? 'npy' : 'csv'}` };
  }

  // ---- the session (what a reload can resume) -----------------------------------------------------

  /** Keeps what was loaded (the files themselves, or the demo's name) so a reload can resume. */
  // key and multiLabel: a multi-label session's decision key and {computed} (ui/multilabel-wiring.js).
  async saveSession(
    origin,
    entries,
    { settings, sourceName, labelColumn, computed = null, key = this.#key, multiLabel = null },
  ) {
    if (!this.#store.enabled || (origin.kind !== 'files' && origin.kind !== 'demo')) return;
    const common = { key, settings, sourceName, labelColumn, computed, ...(multiLabel ? { multiLabel } : {}) };
    if (origin.kind === 'demo') await this.#store.saveSession({ kind: 'demo', demo: origin.name, ...common });
    else await this.#store.saveSession({ kind: 'files', entries, ...common });
  }

  /** Settings changed: the stored session opens with them next time. */
  settingsChanged(settings) {
    this.#store.updateSession({ settings, key: this.#key });
  }
}
