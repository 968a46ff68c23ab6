// @ts-check
// Multi-label data (each example has a set of classes, possibly empty): the `ls.multiLabel`
// namespace. Every class is a one-vs-rest problem solved with the single-label machinery
// (docs/ALGORITHMS.md, multi-label section); pred_probs rows need not sum to 1.
import { LabelScopeError, invalid, unwrap } from './errors.js';
import { checkOptions, checkRowRange, toPredProbs } from './inputs.js';
import { fromCore } from './records.js';
import { datasetSources, describeSource } from './sources.js';
import { multiLabelCrossValProbs } from './multilabel-cross-val.js';
import { correctedLabelSetsFile } from './multilabel-files.js';

const DATA_KEYS = ['labels', 'predProbs', 'numClasses'];
const FIND_KEYS = ['filterBy', 'fracNoise', 'numToRemovePerClass', 'minExamplesPerClass'];
const AGGREGATOR_KEYS = ['aggregator', 'alpha', 'temperature'];
const OPTIONS = {
  findLabelIssues: [...FIND_KEYS, 'returnIndicesRankedBy', 'adjustPredProbs', ...AGGREGATOR_KEYS],
  findIssuesPerClass: [...FIND_KEYS, 'returnIndicesRankedBy', 'adjustPredProbs'],
  getLabelQualityScores: ['method', 'adjustPredProbs', ...AGGREGATOR_KEYS],
  getLabelQualityScoresPerClass: ['method', 'adjustPredProbs'],
  computeConfidentJoint: [],
  numLabelIssues: [],
  healthSummary: [],
  audit: [...FIND_KEYS, 'rankBy', 'adjustPredProbs', ...AGGREGATOR_KEYS],
  readDataset: ['onProgress', 'signal', 'classNames', 'float32', 'labelColumn'],
};

/**
 * Label sets as CSR Int32Arrays: an array of sets (arrays or iterables of class indices, cleanlab's
 * List[List[int]]), or { offsets, classes } already in that form.
 */
export function toLabelSets(labels) {
  if (labels && labels.offsets instanceof Int32Array && labels.classes instanceof Int32Array) return labels;
  if (labels == null || typeof labels.length !== 'number') {
    throw invalid('labels must be an array of label sets (e.g. [[0], [0, 2], []]) or { offsets, classes }.');
  }
  const offsets = new Int32Array(labels.length + 1);
  const classes = [];
  for (let i = 0; i < labels.length; i++) {
    const set = labels[i];
    if (set == null || typeof set === 'string' || typeof set[Symbol.iterator] !== 'function') {
      throw new LabelScopeError({
        code: 'bad_label',
        example: i,
        message: `labels[${i}] is ${JSON.stringify(set)}, not a set of class indices (an array such as [0, 2]).`,
      });
    }
    for (const c of set) {
      const v = Number(c);
      if (!Number.isInteger(v) || v < 0) {
        throw new LabelScopeError({
          code: 'bad_label',
          example: i,
          message: `labels[${i}] holds ${String(c)}, not a class index. Classes must be whole numbers 0..K-1.`,
        });
      }
      classes.push(v);
    }
    offsets[i + 1] = classes.length;
  }
  return { offsets, classes: Int32Array.from(classes) };
}

/**
 * Label sets of a CSR pair as arrays of class indices.
 * @param {{offsets: ArrayLike<number>, classes: Int32Array}} csr
 */
export function labelSetsOf({ offsets, classes }) {
  const out = new Array(offsets.length - 1);
  for (let i = 0; i < out.length; i++) out[i] = Array.from(classes.subarray(offsets[i], offsets[i + 1]));
  return out;
}

/** A multi-label dataset read from files (ls.multiLabel.readDataset). Free it when done. */
export class MultiLabelDataset {
  #handle;
  constructor(handle, info, warnings) {
    this.#handle = handle;
    Object.assign(this, info);
    this.warnings = warnings;
  }
  /** @internal */
  get handle() {
    if (!this.#handle) throw new LabelScopeError({ code: 'freed', message: 'This dataset was freed.' });
    return this.#handle;
  }
  /** The label set of every example, as arrays of class indices. */
  labelSets() {
    return labelSetsOf(/** @type {any} */ (this)); // offsets and classes come from the core's info
  }
  /** Probabilities of rows [start, start + count) as a flat Float64Array (count x numClasses). */
  probabilityRows(start, count) {
    const rows = checkRowRange(start, count, /** @type {any} */ (this).numExamples); // no 32-bit wrap of 2**32
    return unwrap(this.handle.probabilityRows(start, rows)).values;
  }
  free() {
    this.#handle?.delete();
    this.#handle = null;
  }
}

// K x 2 x 2 counts from a flat array: [class][given][guess], index 0 = absent, 1 = present.
function joints(flat) {
  const out = [];
  for (let k = 0; k < flat.length / 4; k++) {
    out.push([
      [flat[4 * k], flat[4 * k + 1]],
      [flat[4 * k + 2], flat[4 * k + 3]],
    ]);
  }
  return out;
}

function shapeResult(result) {
  for (const key of ['confidentJoint', 'confidentJointUncalibrated', 'joint']) {
    if (result[key] instanceof Float64Array) result[key] = joints(result[key]);
  }
  return fromCore(result);
}

/**
 * Per flagged example, the classes that look wrong: `missing` (not in the given set, but flagged
 * for that class) and `extra` (in the given set, but flagged). From an audit report and the sets.
 */
export function whatLooksWrong(report, labelSets) {
  const { offsets, classes } = labelSets;
  const flaggedFor = new Map();
  report.classIssues.forEach((examples, k) => {
    for (const i of examples) {
      if (!flaggedFor.has(i)) flaggedFor.set(i, []);
      flaggedFor.get(i).push(k);
    }
  });
  return Array.from(report.issues, (i) => {
    const given = classes.subarray(offsets[i], offsets[i + 1]);
    const missing = [];
    const extra = [];
    for (const k of flaggedFor.get(i) ?? []) (given.includes(k) ? extra : missing).push(k);
    return { example: i, given: Array.from(given), missing, extra };
  });
}

// The threaded core's helper (a worker started for a big file) must not keep a Node process alive
// once the work is done (as LabelScope does for single-label reads): unref'd as it appears.
function unrefHelpers(core) {
  const pthreads = core.PThread;
  if (pthreads === undefined) return;
  for (const worker of [...pthreads.unusedWorkers, ...pthreads.runningWorkers]) worker.unref?.();
}

class MultiLabel {
  #core;
  constructor(ls, core) {
    this.#core = core;
  }

  #call(method, args, coreName, extra = {}) {
    const { dataset, labels, predProbs, numClasses, ...options } = args ?? {};
    checkOptions(`multiLabel.${method}`, options, OPTIONS[method]);
    const all = { ...options, ...extra };
    if (dataset !== undefined) {
      if (!(dataset instanceof MultiLabelDataset)) throw invalid('dataset must come from ls.multiLabel.readDataset.');
      return shapeResult(unwrap(dataset.handle[coreName](all)));
    }
    const sets = toLabelSets(labels);
    const { probs, numClasses: k } = toPredProbs(predProbs, numClasses);
    return shapeResult(
      unwrap(
        this.#core[`ml${coreName[0].toUpperCase()}${coreName.slice(1)}`](sets.offsets, sets.classes, probs, k, all),
      ),
    );
  }

  /** { mask, indices (rank order with returnIndicesRankedBy, else ascending), warnings }. */
  findLabelIssues(args) {
    return this.#call('findLabelIssues', args, 'findLabelIssues');
  }
  /** { perClass: Int32Array per class (the examples flagged for it), warnings }. */
  findIssuesPerClass(args) {
    return this.#call('findIssuesPerClass', args, 'findLabelIssues', { perClass: true });
  }
  /** { scores, warnings }: one aggregated score per example, lower = more likely mislabelled. */
  getLabelQualityScores(args) {
    return this.#call('getLabelQualityScores', args, 'getLabelQualityScores');
  }
  /** { perClass: N rows of K scores, warnings }. */
  getLabelQualityScoresPerClass(args) {
    return this.#call('getLabelQualityScoresPerClass', args, 'getLabelQualityScores', { perClass: true });
  }
  /** { confidentJoint, confidentJointUncalibrated, joint: K x 2 x 2; thresholds: K x [absent, present] }. */
  computeConfidentJoint(args) {
    return this.#call('computeConfidentJoint', args, 'computeConfidentJoint');
  }
  numLabelIssues(args) {
    return this.#call('numLabelIssues', args, 'numLabelIssues').numLabelIssues;
  }
  /** { overallLabelHealthScore, classesByLabelQuality, commonIssues, warnings }. */
  healthSummary(args) {
    return this.#call('healthSummary', args, 'healthSummary');
  }

  /**
   * Everything a UI shows, computed once, plus `rows`: per flagged example its given set and the
   * classes that are probably missing or extra. `data` is a MultiLabelDataset or
   * { labels, predProbs, numClasses? }.
   */
  audit(data, options = {}) {
    checkOptions('multiLabel.audit', options, OPTIONS.audit);
    let report;
    let sets;
    if (data instanceof MultiLabelDataset) {
      report = unwrap(data.handle.audit(options));
      sets = data;
    } else {
      checkOptions('multiLabel.audit', data ?? {}, DATA_KEYS);
      sets = toLabelSets(data?.labels);
      const { probs, numClasses } = toPredProbs(data?.predProbs, data?.numClasses);
      report = unwrap(this.#core.mlAudit(sets.offsets, sets.classes, probs, numClasses, options));
    }
    report = shapeResult(report);
    report.rows = whatLooksWrong(report, sets);
    return report;
  }

  /**
   * Reads { labels, predProbs } (File, Blob, bytes, string or async iterable of chunks): a labels
   * file of sets (a;b, a|b, JSON arrays, label_<class> 0/1 columns, or .npy N x K of 0/1) and a
   * pred_probs file with one independent probability per class; or { combined }: one CSV with the
   * set column (labelColumn, default labels/label/...) or label_<class> columns, and p_<class> (or
   * numeric) probability columns.
   */
  async readDataset(input, options = {}) {
    checkOptions('multiLabel.readDataset', options, OPTIONS.readDataset);
    const { onProgress, signal, ...readOptions } = options;
    const sources = datasetSources(input);
    const totalBytes = sources.reduce((sum, s) => sum + (s.size || 0), 0);
    const reader = new this.#core.MultiLabelReader(readOptions);
    let bytesRead = 0;
    try {
      for (const source of sources) {
        unwrap(reader.beginFile(source.role, source.name, source.size || 0));
        for await (const chunk of source.open()) {
          if (signal?.aborted) throw new LabelScopeError({ code: 'cancelled', message: 'Reading was cancelled.' });
          unwrap(reader.feed(chunk));
          unrefHelpers(this.#core);
          bytesRead += chunk.byteLength;
          onProgress?.({ file: source.name, bytesRead, totalBytes });
        }
        unwrap(reader.endFile());
      }
      const { dataset, warnings } = unwrap(reader.finish());
      return new MultiLabelDataset(dataset, dataset.info(), warnings);
    } finally {
      reader.delete();
      unrefHelpers(this.#core);
    }
  }

  /**
   * One-vs-rest out-of-sample probabilities from a table's own features (src/js/multilabel-cross-val.js):
   * { combined } with a column of label sets; the result's probs and labels feed audit().
   */
  crossValProbs(input, options = {}) {
    return multiLabelCrossValProbs(this.#core, input, options);
  }

  /**
   * The labels file or labelled table (CSV, TSV; Parquet as CSV) written again with corrected sets:
   * { labels (sets), classNames, notation ('semicolon' | 'pipe' | 'json'), labelColumn?, hasHeader? }
   * -> { parts, type } (src/js/multilabel-files.js).
   */
  correctedLabelsFile(source, args) {
    const setsColumn = async (file) => (await this.sniffLabelSets(file)).column;
    return correctedLabelSetsFile(this.#core, source, args ?? {}, setsColumn);
  }

  /**
   * How many rows of a labels file hold more than one class (0 if it reads as single labels or
   * not at all): what a single-label read of multi-label data reports.
   */
  async countMultiLabelRows(labelsSource) {
    return (await this.sniffLabelSets(labelsSource)).rowsWithSeveral;
  }

  /**
   * { rowsWithSeveral, firstRow, column }: the count, and where the first such set is (file row,
   * column). role 'combined': one table holding the labels and the probability columns.
   */
  async sniffLabelSets(labelsSource, role = 'labels') {
    const source = describeSource(labelsSource, 'labels');
    const sniffer = new this.#core.LabelSetSniffer();
    try {
      unwrap(
        role === 'combined'
          ? sniffer.beginFile(source.name, source.size || 0, 'combined')
          : sniffer.beginFile(source.name, source.size || 0),
      );
      for await (const chunk of source.open()) unwrap(sniffer.feed(chunk));
      unwrap(sniffer.endFile());
      const { rowsWithSeveral, firstRow, column } = unwrap(sniffer.result());
      return { rowsWithSeveral, firstRow, column };
    } catch (e) {
      if (e instanceof LabelScopeError) return { rowsWithSeveral: 0, firstRow: 0, column: 0 };
      throw e;
    } finally {
      sniffer.delete();
    }
  }
}

const namespaces = new WeakMap();

/** The multi-label namespace of a LabelScope instance (one per instance). */
export function multiLabelOf(ls, core) {
  if (!namespaces.has(ls)) namespaces.set(ls, new MultiLabel(ls, core));
  return namespaces.get(ls);
}

/**
 * A single-label read failed on a label such as 'news;sport' (unknown class, or a label that is not
 * one): the error to raise instead, with
 * code 'looks_multi_label', the labels file, row and column.
 */
export async function looksMultiLabelError(error, ml, input) {
  if (!(error instanceof LabelScopeError) || !['unknown_class', 'bad_label'].includes(error.code)) return error;
  const label = /The label '([^']*)'/.exec(error.message)?.[1] ?? '';
  if (!/[;|]|^\s*\[.*,/.test(label)) return error;
  let sniffed = { rowsWithSeveral: 0, firstRow: 0, column: 0 };
  try {
    if (input?.labels !== undefined) sniffed = await ml.sniffLabelSets(input.labels);
  } catch {
    // a source that cannot be read twice (a stream): the message goes without the count
  }
  const rows = sniffed.rowsWithSeveral;
  const count =
    rows > 0 ? `${rows} row${rows === 1 ? ' has' : 's have'} more than one label` : `'${label}' is a set of labels`;
  // Where the reader stopped (set by LabelScopeError's constructor when known).
  const at = /** @type {{file?: string, row?: number, column?: number}} */ (/** @type {unknown} */ (error));
  return new LabelScopeError({
    code: 'looks_multi_label',
    message:
      `The labels look multi-label: ${count} (e.g. '${label}'). Read them with ls.multiLabel.readDataset ` +
      '(in the CLI: add --multi-label).',
    file: at.file,
    row: rows > 0 && sniffed.firstRow > 0 ? sniffed.firstRow : at.row,
    column: rows > 0 && sniffed.column > 0 ? sniffed.column : at.column,
  });
}
