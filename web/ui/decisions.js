// Review decisions: what a person decided about each example's label — accept the suggested label,
// keep the given one, or relabel it to another class. Keyed by example index and independent of the
// analysis settings, so re-ranking keeps them. Pure (no DOM, no storage: see persist.js; the
// buttons and bar that show them: decision-controls.js), so the exports below can be tested in Node.
import { csvLine, decisionLine, decisionsHeader } from '../src/js/exports.js';

// Corrected labels as a .npy in the input's dtype: the library's writer (src/js/exports.js).
export { npyLabels as npyBytes } from '../src/js/exports.js';

export const DECISION_KINDS = ['accept', 'keep', 'relabel'];
/** How a decision reads in a sentence ("accepted cooking"). */
export const DECISION_PAST = { accept: 'accepted', keep: 'kept', relabel: 'relabelled' };

/**
 * The decisions on one dataset. Every change bumps `version` and can be undone (undo() restores
 * the row's previous state, decision or none).
 */
export class Decisions {
  #map = new Map(); // index -> {decision, label, at}
  #history = []; // [{index, before}] — most recent last
  version = 0;

  /** entries: [{index, decision, label, at}] (e.g. from storage). */
  constructor(entries = []) {
    for (const { index, decision, label, at } of entries) {
      if (DECISION_KINDS.includes(decision)) this.#map.set(index, { decision, label, at: at ?? 0 });
    }
  }

  get size() {
    return this.#map.size;
  }
  get canUndo() {
    return this.#history.length > 0;
  }
  get(index) {
    return this.#map.get(index) ?? null;
  }
  has(index) {
    return this.#map.has(index);
  }

  /**
   * Records a decision on row `index`. kind: 'accept' (the suggested label), 'keep' (the given
   * label) or 'relabel' (to `label`). A relabel to the given label is a keep, one to the suggested
   * label an accept; accepting a suggestion that is the given label is a keep. Returns the entry.
   */
  set(index, kind, { given, suggested, label }) {
    let decision = kind;
    let final = kind === 'accept' ? suggested : kind === 'keep' ? given : label;
    if (!DECISION_KINDS.includes(kind) || !Number.isInteger(final) || final < 0) {
      throw new RangeError(`Not a decision: ${kind} ${final}`);
    }
    if (final === given) decision = 'keep';
    else if (final === suggested) decision = 'accept';
    const entry = { decision, label: final, at: Date.now() };
    this.#remember(index);
    this.#map.set(index, entry);
    this.version++;
    return entry;
  }

  /** Clears row `index`'s decision; false if it had none. */
  clear(index) {
    if (!this.#map.has(index)) return false;
    this.#remember(index);
    this.#map.delete(index);
    this.version++;
    return true;
  }

  /** Undoes the last change; returns the row it touched, or -1. */
  undo() {
    const last = this.#history.pop();
    if (!last) return -1;
    if (last.before) this.#map.set(last.index, last.before);
    else this.#map.delete(last.index);
    this.version++;
    return last.index;
  }

  /**
   * A change made in another tab on the same dataset (see persist.js): entry {decision, label, at}
   * or null (cleared). Not added to this tab's undo history. Returns whether anything changed.
   */
  applyRemote(index, entry) {
    const current = this.#map.get(index);
    if (!entry) {
      if (!current) return false;
      this.#map.delete(index);
    } else {
      if (!DECISION_KINDS.includes(entry.decision)) return false;
      if (current && current.decision === entry.decision && current.label === entry.label) return false;
      this.#map.set(index, { decision: entry.decision, label: entry.label, at: entry.at ?? 0 });
    }
    this.version++;
    return true;
  }

  /** Forgets every decision (Start over); not undoable. */
  clearAll() {
    this.#map.clear();
    this.#history = [];
    this.version++;
  }

  /** [{index, decision, label, at}] in row order. */
  entries() {
    return [...this.#map].sort((a, b) => a[0] - b[0]).map(([index, e]) => ({ index, ...e }));
  }

  /** How many of these rows (e.g. the flagged ones) have a decision. */
  countAmong(indices) {
    if (this.#map.size === 0) return 0;
    let n = 0;
    for (const i of indices) if (this.#map.has(i)) n++;
    return n;
  }

  #remember(index) {
    const before = this.#map.get(index);
    this.#history.push({ index, before: before ? { ...before } : null });
    if (this.#history.length > 1000) this.#history.shift();
  }

  /** A compact, structured-cloneable form for storage. */
  toRecord() {
    const entries = this.entries();
    return {
      indices: Int32Array.from(entries, (e) => e.index),
      labels: Int32Array.from(entries, (e) => e.label),
      kinds: Uint8Array.from(entries, (e) => DECISION_KINDS.indexOf(e.decision)),
      times: Float64Array.from(entries, (e) => e.at),
    };
  }

  /** From toRecord()'s form; rows outside [0, numExamples) and labels outside [0, numClasses) are dropped. */
  static fromRecord(record, numExamples, numClasses) {
    const entries = [];
    const n = record?.indices?.length ?? 0;
    for (let r = 0; r < n; r++) {
      const index = record.indices[r];
      const label = record.labels[r];
      const decision = DECISION_KINDS[record.kinds[r]];
      if (index >= 0 && index < numExamples && label >= 0 && label < numClasses && decision) {
        entries.push({ index, decision, label, at: record.times?.[r] ?? 0 });
      }
    }
    return new Decisions(entries);
  }
}

/** The given labels with every decision applied. */
export function correctedLabels(labels, decisions) {
  const out = Int32Array.from(labels);
  for (const { index, label } of decisions.entries()) out[index] = label;
  return out;
}

/**
 * The decisions as CSV lines, in the decisions export's columns (src/js/exports.js): row (1-based) and
 * index (0-based), the id / text columns if the data has them, given and suggested label (the current
 * analysis's), decision, final label, label quality and the current rank.
 */
export function decisionsCsvParts({ dataset, report, columns }, decisions) {
  const names = dataset.classNames;
  const extra = [columns?.id, columns?.text].filter(Boolean);
  const rank = new Map();
  report.issues.forEach((i, r) => rank.set(i, r + 1));
  const parts = [decisionsHeader(extra.map((c) => c.name))];
  for (const { index, decision, label, at } of decisions.entries()) {
    parts.push(
      decisionLine(
        index,
        extra.map((c) => c.values[index]),
        {
          given: names[dataset.labels[index]],
          suggested: names[report.suggestedLabel[index]],
          decision,
          final: names[label],
          labelQuality: report.labelQuality[index],
          rank: rank.get(index),
          at,
        },
      ),
    );
  }
  return parts;
}

const INTEGER = /^\s*[+-]?\d+(\.0*)?\s*$/;

/**
 * How the labels were given, so corrected labels come back in the same form: a .npy (its dtype and
 * whether it was N×1), or CSV with or without a header, with class names or class indices.
 * entry: the labels (or combined) file as sniffed by roles.js; labelsColumn: 1-based.
 */
export function labelsFormat(entry, labelsColumn = 1) {
  if (!entry) return { kind: 'csv', header: 'label', byName: true };
  if (entry.shape) {
    return { kind: 'npy', descr: entry.descr ?? '<i8', twoD: entry.shape.length === 2, fileName: entry.file?.name };
  }
  const column = Math.max(0, labelsColumn - 1);
  const header = entry.columns ? (entry.columns[column] ?? 'label') : null;
  const first = entry.firstRow?.[column];
  return {
    kind: 'csv',
    header,
    byName: first != null && first.trim() !== '' && !INTEGER.test(first),
    fileName: entry.file?.name,
  };
}

/** Corrected labels as CSV parts: the header and the names or indices, as in the input. */
export function correctedLabelsCsvParts(labels, classNames, format) {
  // Data for the next training run: written exactly (no spreadsheet guard: '+ve would be no class).
  const exact = () => true;
  const parts = format.header != null ? [csvLine([format.header], exact)] : [];
  let lines = [];
  for (let i = 0; i < labels.length; i++) {
    lines.push(csvLine([format.byName ? classNames[labels[i]] : labels[i]], exact));
    if (lines.length === 8192) {
      parts.push(lines.join(''));
      lines = [];
    }
  }
  parts.push(lines.join(''));
  return parts;
}

/**
 * The class a digit key picks: the class named by that digit if there is one (MNIST's "3"), else
 * the digit-th class (1 = the first). -1 if none.
 */
export function classForDigit(digit, classNames) {
  const named = classNames.indexOf(String(digit));
  if (named >= 0) return named;
  return digit >= 1 && digit <= classNames.length ? digit - 1 : -1;
}

/** The digit key that picks class c (inverse of classForDigit), or null. */
export function digitForClass(c, classNames) {
  for (let d = 0; d <= 9; d++) if (classForDigit(d, classNames) === c) return String(d);
  return null;
}

/** The digit keys that pick a class, in class order (10 look-ups, not one per class: K may be 10,000). */
export function digitKeys(classNames) {
  const byClass = new Map();
  for (let d = 0; d <= 9; d++) {
    const c = classForDigit(d, classNames);
    if (c >= 0 && !byClass.has(c)) byClass.set(c, String(d));
  }
  return [...byClass].sort((a, b) => a[0] - b[0]).map(([, d]) => d);
}
