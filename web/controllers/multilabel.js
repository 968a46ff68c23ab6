// Multi-label data on the page: files whose label cells hold sets (a;b, a|b, JSON arrays), one 0/1
// column per class (label_<class>) or an N x K .npy of 0/1. The single-label read refuses them
// (looks_multi_label, no label column among label_<class> columns, a 2-D labels .npy); this
// controller reads them again as multi-label (the worker's ls.multiLabel), audits them, keeps the
// person's decisions on sets and writes the corrected sets in the input's own notation.
// No DOM here: it tells a view what to show, so it runs under `node --test` with fakes.

import { holdsSets } from '../src/js/label-sets-hint.js';
import { decisionsCsv, issuesCsv, writeLabelSets } from './multilabel-files.js';

export { decisionsCsv, issuesCsv, npyBytes, writeLabelSets } from './multilabel-files.js';

// Notations a CSV or TSV file holds in one column: that file is written whole, the column replaced.
const IN_ONE_COLUMN = ['semicolon', 'pipe', 'json'];

/** The single-label read failed in a way multi-label data explains. */
export function looksMultiLabel(error) {
  if (!error || typeof error !== 'object') return false;
  const message = String(error.message ?? '');
  if (error.code === 'looks_multi_label') return true;
  if (error.code === 'missing_column') return /'label_[^']+'/.test(message);
  if (error.code === 'bad_npy') return /must be 1-D/.test(message) && /label/i.test(message);
  // A JSON set of one class (["news"]) is no class name: the first row of a JSON-array file.
  if (error.code === 'unknown_class' || error.code === 'bad_label') return /The label '\s*\[.*\]\s*'/.test(message);
  return false;
}

/**
 * Wraps the page's sniffer: a file it takes for probabilities or features that holds label sets instead (one
 * 0/1 label_<class> column per class, or a 2-D .npy of 0/1 whole numbers) is given the role of
 * labels, so the read that follows says it is multi-label. entry: the sniffer's {file, role, format,
 * columns, firstRow, shape, descr, ...}. client() (the worker client): a labels file of sets beside other columns
 * becomes a table (setsBesideColumns).
 */
export function sniffLabelSetsToo(sniff, client = null) {
  return async (file) => {
    const entry = await sniff(file);
    if (client && !entry.problem && entry.role === 'labels') return setsBesideColumns(entry, client);
    // Taken for probabilities, or (integers, rows not summing to 1) for features such as pixels.
    if (entry.problem || (entry.role !== 'predProbs' && entry.role !== 'features')) return entry;
    if (entry.namedAsProbabilities) return entry; // pred_probs.npy of integers: the reader says what is wrong
    const columns = entry.columns ?? [];
    if (
      entry.format === 'csv' &&
      columns.length > 0 &&
      columns.every((c) => /^label_./i.test(c)) &&
      (entry.firstRow ?? []).every((v) => v === '0' || v === '1')
    ) {
      return { ...entry, role: 'labels', reason: 'one 0/1 label_<class> column per class: label sets (multi-label)' };
    }
    if (
      entry.format === 'npy' &&
      entry.shape?.length === 2 &&
      /^[|<>=]?[biu][1248]?$/.test(entry.descr ?? '') &&
      (await npyHoldsZeroOne(file, entry.descr))
    ) {
      return { ...entry, role: 'labels', reason: `a ${entry.shape.join(' x ')} .npy of 0/1: label sets (multi-label)` };
    }
    return entry;
  };
}

// Columns that name a row, not describe it: no features to learn from.
const ID_COLUMNS = ['id', 'example_id', 'row_id', 'index', 'key', 'uid'];

/**
 * A labels file of sets beside other columns (news.csv: id, text, labels = politics;business) is a table of sets and
 * features: the role of one table, so that alone the one-vs-rest compute is offered (no probabilities to wait for);
 * beside a probabilities file the table still gives the labels (roles.js tableBesideProbabilities).
 */
async function setsBesideColumns(entry, client) {
  const columns = entry.columns ?? [];
  if ((entry.format !== 'csv' && entry.format !== 'tsv') || columns.length < 2) return entry;
  let sniffed;
  try {
    sniffed = await (await client()).multiLabel.sniffLabelSets(entry.file);
  } catch {
    return entry; // no sets the reader recognises: single-label labels, as sniffed
  }
  const others = columns.filter((c, i) => i !== sniffed.column - 1 && !ID_COLUMNS.includes(String(c).toLowerCase()));
  if (!(sniffed.rowsWithSeveral > 0) || others.length === 0) return entry;
  return {
    ...entry,
    role: 'combined',
    labelSets: true,
    looksLikeFeatures: true, // shown as labels + features, its label column the sniffer's
    labelColumn: entry.labelColumn ?? columns[sniffed.column - 1] ?? null,
    reason: `label sets (multi-label) beside ${listColumns(others)}: one table`,
  };
}

const listColumns = (names) =>
  names.length === 1 ? `a '${names[0]}' column` : `the columns ${names.map((n) => `'${n}'`).join(', ')}`;

// Whether the first 64 KB of a .npy's values are all 0 or 1 (pixels and counts are not).
async function npyHoldsZeroOne(file, descr) {
  const head = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  const start = head[6] === 1 ? 10 + head[8] + 256 * head[9] : 12 + head[8] + 256 * head[9] + 65536 * head[10];
  const bytes = new Uint8Array(await file.slice(start, start + 65536).arrayBuffer());
  const size = Number(/\d$/.test(descr) ? descr.slice(-1) : 1);
  const big = descr.startsWith('>');
  for (let at = 0; at + size <= bytes.length; at += size) {
    for (let b = 0; b < size; b++) {
      const v = bytes[at + b];
      const low = big ? b === size - 1 : b === 0;
      if (low ? v > 1 : v !== 0) return false;
    }
  }
  return true;
}

// Multi-label reads of one table that say its other columns are no probabilities (features).
const COMPUTABLE = ['unknown_class', 'implausible_probabilities', 'missing_column', 'bad_number', 'row_count_mismatch'];

/** The set a flagged row probably should have: given, without the extra classes, with the missing ones. */
export function suggestedSet(row) {
  const out = row.given.filter((k) => !row.extra.includes(k));
  for (const k of row.missing) if (!out.includes(k)) out.push(k);
  return out.sort((a, b) => a - b);
}

/** "Looks multi-label: 312 rows have more than one label". */
export function announcement(rowsWithSeveral) {
  const n = rowsWithSeveral.toLocaleString('en-US');
  return `Looks multi-label: ${n} ${rowsWithSeveral === 1 ? 'row has' : 'rows have'} more than one label`;
}

/**
 * The multi-label session of one <label-scope>. deps: {client() -> worker client,
 * readRequest(entries, opts) -> {input, options}, store: {load(key, meta), save(key, record)},
 * options?() -> audit options from the page's settings (filterBy, rankBy, fracNoise, ...)}.
 * view: {progress(text), idle(), show(model), failed(error), cancelled(), offerCompute(error, compute), decisionsChanged(),
 * clear(), analysed?(model, how)}: analysed follows the first show of data read from files, with
 * how = {entries, labelColumn, computed} (what a reload needs to read them again: Resume).
 */
export class MultiLabelController {
  #deps;
  #view;
  #dataset = null;
  #model = null;
  #decisions = new Map(); // example -> {decision: 'accept' | 'keep' | 'edit', set: number[], at}
  #key = null;
  #token = 0;
  #abort = null; // AbortController of the read or computation in flight
  #shown = null; // what the model shown was audited from: audited again when the settings change
  #computeNext = false; // Resume of computed probabilities: compute without asking again

  constructor(deps, view) {
    this.#deps = deps;
    this.#view = view;
  }

  get model() {
    return this.#model;
  }
  /** The storage key of the decisions shown (the review store's, without its scope), or null. */
  get key() {
    return this.#model ? this.#key : null;
  }
  get active() {
    return this.#model != null;
  }
  /** Decisions in row order: [{index, decision, set, labels (class names), at}]. */
  get decisions() {
    return [...this.#decisions]
      .sort((a, b) => a[0] - b[0])
      .map(([index, d]) => ({
        index,
        decision: d.decision,
        set: [...d.set],
        labels: d.set.map((k) => this.#model.classNames[k]),
        at: d.at,
      }));
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
      const sets = await this.#holdsSets(entries[0].file, labelColumn);
      if (token !== this.#token || !sets) return false;
    }
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
      return await this.#present(token, { data: dataset, dataset, sourceName, how }, true);
    } catch (error) {
      if (token !== this.#token) return null;
      this.#view.idle();
      // One table of label sets whose other columns are features, not probabilities: offer to
      // compute them here, one-vs-rest (ls.multiLabel.crossValProbs); on Resume, compute again.
      const table = entries.length === 1 && entries[0].role === 'combined' ? entries[0].file : null;
      const again = this.#computeNext;
      this.#computeNext = false;
      const how = { sourceName, entries, labelColumn };
      // A Parquet table holds no probabilities the reader of sets could take: only features.
      const computable =
        COMPUTABLE.includes(error?.code) || (entries[0]?.format === 'parquet' && error?.code !== 'cancelled');
      if (table && computable && again) return this.compute(table, how);
      if (table && computable) {
        this.#view.offerCompute(error, () => this.compute(table, how));
      } else if (error?.code === 'cancelled') this.#view.cancelled();
      else this.#view.failed(error);
      return null;
    }
  }

  // Whether a table's label column holds sets: the labels sniffer (a column named like a label column),
  // else the classes the trainer's reader finds in the column chosen (a column named 'tags').
  async #holdsSets(file, labelColumn) {
    const client = await this.#deps.client();
    try {
      if ((await client.multiLabel.sniffLabelSets(file)).rowsWithSeveral > 0) return true;
    } catch {
      // unreadable as a labels file: ask the table reader
    }
    try {
      const columns = await client.crossValColumns({ combined: file }, labelColumn ? { labelColumn } : {});
      return holdsSets(columns.classNames ?? []);
    } catch {
      return false; // no table of features either: single-label data
    }
  }

  /**
   * Out-of-sample probabilities for a table of label sets and features, computed in the worker
   * (one binary logistic regression per class, the same folds for every class), then audited.
   */
  async compute(
    file,
    { sourceName = 'labels', folds = 5, entries = [{ role: 'combined', file }], labelColumn = null } = {},
  ) {
    const token = ++this.#token;
    this.#free();
    this.#view.progress('Computing one-vs-rest probabilities: reading…');
    try {
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
        fingerprint: `computed:${file.name}:${file.size}:${file.lastModified ?? 0}`,
        warnings: [],
      };
      const computed = { folds: r.folds, c: r.c, notes: r.notes };
      const how = { entries, labelColumn, computed: true };
      return await this.#present(token, { data, dataset, sourceName, computed, how }, true);
    } catch (error) {
      if (token !== this.#token) return null;
      this.#view.idle();
      if (error?.code === 'cancelled') this.#view.cancelled();
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
    Promise.resolve(this.#deps.store.settingsChanged?.(this.#key, settings)).catch(() => {});
    const token = ++this.#token;
    try {
      return await this.#present(token, this.#shown, false);
    } catch (error) {
      if (token === this.#token) this.#view.failed(error);
      return null;
    }
  }

  /** Resume of a session whose probabilities were computed here: the next take() computes them again. */
  computeOnResume() {
    this.#computeNext = true;
  }

  // Audits `shown` with the current options and shows it; first: a new dataset (its decisions loaded).
  async #present(token, shown, first) {
    const client = await this.#deps.client();
    const options = { ...(this.#deps.options?.() ?? {}) };
    const report = await client.multiLabel.audit(shown.data, options);
    if (token !== this.#token) return null;
    const { dataset } = shown;
    const model = buildModel(dataset, report, shown.sourceName);
    model.options = options;
    if (shown.computed) model.computed = shown.computed;
    model.labelsFile = labelsFileOf(shown.how?.entries ?? [], dataset);
    if (first) {
      const key = `ml:${dataset.fingerprint}:${dataset.numClasses}`;
      const meta = { numExamples: dataset.numExamples, numClasses: dataset.numClasses };
      const saved = await this.#deps.store.load(key, meta);
      if (token !== this.#token) return null;
      this.#key = key;
      this.#decisions = new Map((saved ?? []).map(([index, decision, set, at]) => [index, { decision, set, at }]));
    }
    this.#shown = shown;
    this.#model = model;
    this.#view.idle();
    this.#view.show(model);
    if (first) this.#view.analysed?.(model, shown.how);
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
    this.#computeNext = false;
    this.#free();
    this.#model = null;
    this.#decisions = new Map();
    this.#view.clear();
  }

  decisionOf(index) {
    const d = this.#decisions.get(index);
    return d ? { decision: d.decision, set: [...d.set] } : null;
  }

  /**
   * A decision on row `index`: 'accept' (the suggested set), 'keep' (the given set), 'edit' with a
   * set of class indices, or null to clear it.
   */
  decide(index, decision, set) {
    const model = this.#model;
    if (!model || !Number.isInteger(index) || index < 0 || index >= model.numExamples) {
      throw new RangeError(`There is no row ${index} to decide on.`);
    }
    if (decision == null) {
      this.#decisions.delete(index);
    } else {
      let chosen;
      if (decision === 'accept') chosen = model.rowOf.get(index)?.suggested ?? model.given(index);
      else if (decision === 'keep') chosen = model.given(index);
      else if (decision === 'edit') chosen = checkedSet(set, model.numClasses);
      else throw new RangeError(`Unknown decision '${decision}': use accept, keep or edit.`);
      this.#decisions.set(index, { decision, set: chosen, at: Date.now() });
    }
    this.#save();
    this.#view.decisionsChanged();
    return this.decisionOf(index);
  }

  /** Every row's set with the decisions applied. */
  correctedSets() {
    const model = this.#model;
    const out = new Array(model.numExamples);
    for (let i = 0; i < model.numExamples; i++) out[i] = this.#decisions.get(i)?.set ?? model.given(i);
    return out;
  }

  /**
   * The corrected labels, in the notation the input used: {name, type, parts}. A CSV or TSV file of sets
   * (a labels file or the labelled table, a set column or label_<class> 0/1 columns) comes back whole, the
   * sets corrected and an original_label column added (the worker's multiLabel.correctedLabelsFile);
   * otherwise the sets alone.
   */
  async exportLabels() {
    const m = this.#model;
    const sets = this.correctedSets();
    const place = m.labelsFile;
    // label_<class> 0/1 columns too: every other column kept, original_label the given set (a;b).
    const columns = m.notation === 'columns';
    if (place && (IN_ONE_COLUMN.includes(m.notation) || columns)) {
      const client = await this.#deps.client();
      const { parts, type } = await client.multiLabel.correctedLabelsFile(place.file, {
        labels: sets,
        classNames: m.classNames,
        notation: m.notation,
        labelColumn: place.labelColumn,
        ...(columns ? { originalLabels: Array.from({ length: m.numExamples }, (_, i) => m.given(i)) } : {}),
      });
      const ext = type.includes('tab-separated') ? 'tsv' : 'csv';
      return { name: `${m.sourceName}-corrected.${ext}`, type, parts };
    }
    const file = writeLabelSets(sets, { classNames: m.classNames, notation: m.notation, baseName: m.sourceName });
    return { name: file.name, type: file.type, parts: [file.data] };
  }

  /** The flagged rows with what looks wrong, the id/text columns and the decisions, as CSV. */
  exportIssues() {
    return {
      name: `${this.#model.sourceName}-multilabel-issues.csv`,
      type: 'text/csv',
      data: issuesCsv(this.#model, this.#decisions),
    };
  }

  /** The decisions, one row each, as the single-label decisions export: {name, type, data}. */
  exportDecisions() {
    return {
      name: `${this.#model.sourceName}-decisions.csv`,
      type: 'text/csv',
      data: decisionsCsv(this.#model, this.#decisions),
    };
  }

  #save() {
    const record = [...this.#decisions].map(([index, d]) => [index, d.decision, d.set, d.at]);
    Promise.resolve(this.#deps.store.save(this.#key, record)).catch((error) => this.#view.saveFailed?.(error));
  }

  #free() {
    this.#dataset?.free?.().catch?.(() => {});
    this.#dataset = null;
    this.#shown = null;
  }
}

/**
 * The CSV, TSV or Parquet file the sets came from (a Parquet table comes back as CSV), and their column
 * in it (a number from 1, or the name the one-vs-rest reader found), or null (.npy, no file: the sets
 * are written alone).
 */
function labelsFileOf(entries, dataset) {
  const entry = entries.find((e) => e.role === 'combined') ?? entries.find((e) => e.role === 'labels');
  if (!entry?.file || !['csv', 'tsv', 'parquet'].includes(entry.format ?? 'csv')) return null;
  const labelColumn = dataset.labelColumn || dataset.source?.labelsColumn || undefined;
  return { file: entry.file, labelColumn, format: entry.format ?? 'csv' };
}

function checkedSet(set, numClasses) {
  if (!Array.isArray(set)) throw new RangeError('An edited set must be an array of class indices.');
  const out = [...new Set(set)].sort((a, b) => a - b);
  for (const k of out) {
    if (!Number.isInteger(k) || k < 0 || k >= numClasses)
      throw new RangeError(`Class ${k} is not one of the ${numClasses} classes.`);
  }
  return out;
}

/** What the panel shows: classes, flagged rows (ranked) with suggestions, per-class issues, health. */
export function buildModel(dataset, report, sourceName = 'labels') {
  const { offsets, classes } = dataset;
  const given = (i) => Array.from(classes.subarray(offsets[i], offsets[i + 1]));
  const rows = report.rows.map((r) => ({ ...r, suggested: suggestedSet(r) }));
  const rowOf = new Map(rows.map((r) => [r.example, r]));
  const health = report.health;
  return {
    sourceName,
    numExamples: dataset.numExamples,
    numClasses: dataset.numClasses,
    classNames: dataset.classNames,
    notation: dataset.notation === 'none' ? 'semicolon' : dataset.notation,
    rowsWithSeveral: dataset.rowsWithSeveral,
    announcement: announcement(dataset.rowsWithSeveral),
    given,
    rows,
    rowOf,
    numLabelIssues: report.numLabelIssues,
    classIssues: report.classIssues.map((list) => Array.from(list)),
    labelCounts: report.labelCounts,
    labelQuality: report.labelQuality,
    health: {
      overall: health.overallLabelHealthScore,
      classes: health.classesByLabelQuality,
      common: health.commonIssues,
    },
    extraColumns: dataset.extraColumns ?? [],
    warnings: [...(dataset.warnings ?? []), ...(report.warnings ?? [])],
  };
}
