// What one analysis session holds — the files and their roles, the person's choices about them,
// the dataset read from them, its known truth and its report — and the edits that keep these
// consistent. The analysis controller (analysis.js) runs the requests that change it; no DOM here.
import { sameData } from './files.js';

export class AnalysisSession {
  /** @type {{file: File, role: string, reason?: string}[]} files and the role of each */
  entries = [];
  /** @type {{file: File, role: string}[]} the files behind the current dataset */
  readEntries = [];
  /** @type {string|null} combined CSV: the person's choice, or null for the reader's guess */
  labelColumn = null;
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
  stats = { reads: 0, audits: 0 };
  #dataRoles;

  /** dataRoles: the roles that make the dataset (labels, probabilities, combined). */
  constructor(dataRoles) {
    this.#dataRoles = dataRoles;
  }

  /** Whether the files listed now are the ones the current dataset was read from (truth files may differ). */
  get readIsListed() {
    return sameData(this.entries, this.readEntries, this.#dataRoles);
  }

  /** The dataset read from the files listed now (null while they differ). */
  get shownDataset() {
    return this.dataset && this.readIsListed ? this.dataset : null;
  }

  /** Files sniffed in: the whole set (replace) or merged into it; other data resets the choices made about the old. */
  add(incoming, replace, mergeFiles) {
    const dataChanged = incoming.some((e) => this.#dataRoles.includes(e.role));
    this.entries = replace ? incoming : mergeFiles(this.entries, incoming, Boolean(this.dataset));
    if (replace || dataChanged) {
      this.labelColumn = null;
      this.allowUnnormalized = false; // other data: the reader's plausibility check applies again
    }
  }

  /** The person changed how file `index` is used. */
  setRole(index, role) {
    // A label column chosen for a combined table means nothing for another file.
    if (role === 'combined' || this.entries[index].role === 'combined') this.labelColumn = null;
    this.entries = this.entries.map((e, i) => (i === index ? { ...e, role, reason: 'your choice' } : e));
  }

  swapRoles() {
    const swapped = { labels: 'predProbs', predProbs: 'labels' };
    this.entries = this.entries.map((e) => (swapped[e.role] ? { ...e, role: swapped[e.role], reason: 'swapped' } : e));
  }

  /** `dataset`, read from `entries`, becomes the current one (the one before is freed). */
  adopt(dataset, entries) {
    if (this.dataset !== dataset) this.dataset?.free().catch(() => {});
    this.dataset = dataset;
    this.readEntries = entries;
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
