// The person's decisions on label sets (accept the suggested set, keep the given one, or edit it), kept in the
// review's store under the dataset's key, and what they make: the corrected sets and the three downloads
// (multilabel-files.js writes them). The multi-label controller (multilabel.js) owns one; no DOM here.
import { decisionsCsv, issuesCsv, writeLabelSets } from './multilabel-files.js';

// Notations a CSV or TSV file holds in one column: that file is written whole, the column replaced.
const IN_ONE_COLUMN = ['semicolon', 'pipe', 'json'];

export class SetDecisions {
  #store;
  #onSaveFailed;
  #rows = new Map(); // example -> {decision: 'accept' | 'keep' | 'edit', set: number[], at}
  #key = null;

  /** store: {load(key, meta), save(key, record)}; onSaveFailed(error) when saving failed. */
  constructor(store, onSaveFailed) {
    this.#store = store;
    this.#onSaveFailed = onSaveFailed;
  }

  /** The storage key of the decisions (the review store's, without its scope), or null. */
  get key() {
    return this.#key;
  }

  /** The decisions kept for `dataset` (loaded from the store); false when `stillWanted()` said no meanwhile. */
  async open(dataset, stillWanted) {
    const key = `ml:${dataset.fingerprint}:${dataset.numClasses}`;
    const meta = { numExamples: dataset.numExamples, numClasses: dataset.numClasses };
    let saved = await this.#store.load(key, meta);
    // Decisions kept under the key the dataset had before (dataset.legacyFingerprint) are not lost: found there.
    if (!saved?.length && dataset.legacyFingerprint && dataset.legacyFingerprint !== dataset.fingerprint) {
      saved = await this.#store.load(`ml:${dataset.legacyFingerprint}:${dataset.numClasses}`, meta);
    }
    if (!stillWanted()) return false;
    this.#key = key;
    this.#rows = new Map((saved ?? []).map(([index, decision, set, at]) => [index, { decision, set, at }]));
    return true;
  }

  /** Another dataset is shown: none of these apply. */
  clear() {
    this.#rows = new Map();
  }

  get size() {
    return this.#rows.size;
  }

  /** Decisions in row order: [{index, decision, set, labels (class names), at}]. */
  list(model) {
    return [...this.#rows]
      .sort((a, b) => a[0] - b[0])
      .map(([index, d]) => ({
        index,
        decision: d.decision,
        set: [...d.set],
        labels: d.set.map((k) => model.classNames[k]),
        at: d.at,
      }));
  }

  of(index) {
    const d = this.#rows.get(index);
    return d ? { decision: d.decision, set: [...d.set] } : null;
  }

  /**
   * A decision on row `index` of `model`: 'accept' (the suggested set), 'keep' (the given set), 'edit' with a set
   * of class indices, or null to clear it. Saved at once.
   */
  decide(model, index, decision, set) {
    if (!model || !Number.isInteger(index) || index < 0 || index >= model.numExamples) {
      throw new RangeError(`There is no row ${index} to decide on.`);
    }
    if (decision == null) {
      this.#rows.delete(index);
    } else {
      let chosen;
      if (decision === 'accept') chosen = model.rowOf.get(index)?.suggested ?? model.given(index);
      else if (decision === 'keep') chosen = model.given(index);
      else if (decision === 'edit') chosen = checkedSet(set, model.numClasses);
      else throw new RangeError(`Unknown decision '${decision}': use accept, keep or edit.`);
      this.#rows.set(index, { decision, set: chosen, at: Date.now() });
    }
    this.#save();
    return this.of(index);
  }

  /** Every row's set of `model` with the decisions applied. */
  correctedSets(model) {
    const out = new Array(model.numExamples);
    for (let i = 0; i < model.numExamples; i++) out[i] = this.#rows.get(i)?.set ?? model.given(i);
    return out;
  }

  /**
   * The corrected labels, in the notation the input used: {name, type, parts}. A CSV or TSV file of sets
   * (a labels file or the labelled table, a set column or label_<class> 0/1 columns) comes back whole, the
   * sets corrected and an original_label column added (the worker's multiLabel.correctedLabelsFile);
   * otherwise the sets alone. client(): the worker client.
   */
  async exportLabels(model, client) {
    const m = model;
    const sets = this.correctedSets(m);
    const place = m.labelsFile;
    // label_<class> 0/1 columns too: every other column kept, original_label the given set (a;b).
    const columns = m.notation === 'columns';
    if (place && (IN_ONE_COLUMN.includes(m.notation) || columns)) {
      const { parts, type } = await (
        await client()
      ).multiLabel.correctedLabelsFile(place.file, {
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
  exportIssues(model) {
    return { name: `${model.sourceName}-multilabel-issues.csv`, type: 'text/csv', data: issuesCsv(model, this.#rows) };
  }

  /** The decisions, one row each, as the single-label decisions export: {name, type, data}. */
  exportDecisions(model) {
    return { name: `${model.sourceName}-decisions.csv`, type: 'text/csv', data: decisionsCsv(model, this.#rows) };
  }

  #save() {
    const record = [...this.#rows].map(([index, d]) => [index, d.decision, d.set, d.at]);
    Promise.resolve(this.#store.save(this.#key, record)).catch((error) => this.#onSaveFailed?.(error));
  }
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
