// What one analysis session holds — the files and their roles, the person's choices about them,
// the dataset read from them, its known truth and its report — and the edits that keep these
// consistent. The analysis controller (analysis.js) runs the requests that change it; no DOM here.
import { tableBesideProbabilities } from '../ui/roles.js';
import { sameData } from './files.js';

export class AnalysisSession {
  /**
   * Files and the role of each: the reader's guess and why (reason), or the person's choice (chosenBy: 'you' or
   * 'swap'), and the label column they chose for a table (chosenLabelColumn).
   * restoredChoices: the choices kept about the file, in words, when they came back with it (ui/choices.js).
   * @type {{file: File, role: string, reason?: string, chosenBy?: string, chosenLabelColumn?: string,
   *   restoredChoices?: string}[]}
   */
  entries = [];
  /** @type {{file: File, role: string}[]} the files behind the current dataset */
  readEntries = [];
  /** The person said: these are probabilities, analyse anyway (the reader's allowUnnormalized). */
  allowUnnormalized = false;
  /** @type {any} the dataset in the worker */
  dataset = null;
  /** @type {any} */
  truth = null;
  /** @type {any} */
  report = null;
  /** @type {any} the dataset `report` was made from, and with which settings */
  reportFor = null;
  /** @type {object|null} */
  reportSettings = null;
  /** @type {{kind: string, name?: string}} */
  origin = { kind: 'files' };
  /** @type {{kind: string, name?: string}} where the files behind the current dataset came from */
  readOrigin = { kind: 'files' };
  stats = { reads: 0, audits: 0 };
  #dataRoles;

  /** dataRoles: the roles that make the dataset (labels, probabilities, combined). */
  constructor(dataRoles) {
    this.#dataRoles = dataRoles;
  }

  /**
   * The label column the person chose for the table that gives the labels now (a combined table, or a
   * labels table beside probabilities), or null for the reader's guess. The choice belongs to that file
   * (its entry's chosenLabelColumn): it stays while other files are added, removed or change roles, and
   * goes with the file when the file is replaced or removed.
   */
  get labelColumn() {
    return labelsEntry(this.entries)?.chosenLabelColumn ?? null;
  }

  /** Chooses `column` (null: back to the reader's guess) for the table that gives the labels now. */
  set labelColumn(column) {
    this.chooseLabelColumn(this.entries.indexOf(labelsEntry(this.entries)), column);
  }

  /** The person chose `column` as the label column of file `index` (null: the reader's guess again). */
  chooseLabelColumn(index, column) {
    if (!this.entries[index]) return;
    this.entries = this.entries.map((e, i) => {
      if (i !== index) return e;
      const { chosenLabelColumn, restoredChoices, ...rest } = e; // chosen now: no longer what was restored
      return column == null ? rest : { ...rest, chosenLabelColumn: column };
    });
  }

  /** Whether the files listed now are the ones the current dataset was read from (truth files may differ). */
  get readIsListed() {
    return sameData(this.entries, this.readEntries, this.#dataRoles);
  }

  /** The dataset read from the files listed now (null while they differ). */
  get shownDataset() {
    return this.dataset && this.readIsListed ? this.dataset : null;
  }

  /**
   * Files sniffed in: the whole set (replace) or merged into it. Other data makes the reader check the
   * probabilities again; a label column chosen for a table that stays listed stays chosen (its entry keeps it).
   */
  add(incoming, replace, mergeFiles) {
    const dataChanged = incoming.some((e) => this.#dataRoles.includes(e.role));
    // A table and a probabilities file loaded together make a pair whether they replace the set or join it.
    this.entries = replace
      ? tableBesideProbabilities(incoming)
      : mergeFiles(this.entries, incoming, Boolean(this.dataset));
    if (replace || dataChanged) this.allowUnnormalized = false; // other data: the plausibility check applies again
  }

  /** The person changed how file `index` is used (chosenBy: shown as their choice, not the reader's guess). */
  setRole(index, role) {
    this.entries = this.entries.map((e, i) =>
      i === index ? { ...e, role, chosenBy: 'you', restoredChoices: undefined } : e,
    );
  }

  swapRoles() {
    const swapped = { labels: 'predProbs', predProbs: 'labels' };
    this.entries = this.entries.map((e) => (swapped[e.role] ? { ...e, role: swapped[e.role], chosenBy: 'swap' } : e));
  }

  /** `dataset`, read from `entries`, becomes the current one (the one before is freed). */
  adopt(dataset, entries) {
    if (this.dataset !== dataset) this.dataset?.free().catch(() => {});
    this.dataset = dataset;
    this.readEntries = entries;
    this.readOrigin = this.origin;
  }

  /** Back to the files the current dataset was read from (a Cancel of other files' read or computation). */
  backToRead() {
    this.entries = this.readEntries;
    this.origin = this.readOrigin;
  }

  /** A report of `dataset` with `settings`; returns whether it is the dataset's first. */
  reported(report, dataset, settings) {
    const first = this.reportFor !== dataset;
    this.report = report;
    this.reportFor = dataset;
    this.reportSettings = settings;
    return first;
  }

  forgetReport() {
    this.report = null;
    this.reportFor = null;
  }

  /** Drops everything (the dataset is freed in the worker). */
  clear() {
    this.dataset?.free().catch(() => {});
    this.dataset = null;
    this.forgetReport();
    this.truth = null;
    this.entries = [];
    this.readEntries = [];
  }
}

/** The entry whose file gives the labels: the combined table, else the labels file; null if none. */
export function labelsEntry(entries) {
  return entries.find((e) => e.role === 'combined') ?? entries.find((e) => e.role === 'labels') ?? null;
}
