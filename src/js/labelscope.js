// @ts-check
// The public API on the main thread (or in a worker, or in Node): plain objects and typed arrays
// in and out; Module, heap views and .delete() stay hidden.
import createLabelScopeCore from '../../dist/wasm/labelscope-core.mjs';
import { LabelScopeError, unwrap } from './errors.js';
import { checkOptions, checkRowRange, toLabels, toPredProbs } from './inputs.js';
import { fromCore } from './records.js';
import { datasetSources } from './sources.js';
import { correctedLabelsFile, sniffFile } from './files.js';
import { compareMethods, sweepNoiseRate } from './compare.js';
import { scoreDetection, simulateNoise } from './simulate.js';
import { simulateNoisyData, sweepNoisyData } from './simulate-data.js';
import { crossValColumns, crossValProbs } from './cross-val.js';
import { auditInput, datasetFromCrossVal } from './cross-val-result.js';
import { parquetAsCsv } from './parquet.js';
import { looksMultiLabelError, multiLabelOf } from './multilabel.js';
import { readFailure } from './read-errors.js';
import { caseVariantWarningsOfLabels } from './class-warnings.js';

const DATA_KEYS = ['labels', 'predProbs', 'numClasses'];
const FIND_KEYS = ['filterBy', 'fracNoise', 'numToRemovePerClass', 'minExamplesPerClass', 'confidentJoint'];
const OPTIONS = {
  findLabelIssues: [...DATA_KEYS, ...FIND_KEYS, 'returnIndicesRankedBy', 'adjustPredProbs'],
  getLabelQualityScores: [...DATA_KEYS, 'method', 'adjustPredProbs'],
  computeConfidentJoint: [...DATA_KEYS, 'calibrate'],
  estimateLatent: [...DATA_KEYS, 'pyMethod', 'convergeLatentEstimates', 'calibrate'],
  numLabelIssues: [...DATA_KEYS, 'estimationMethod', 'confidentJoint'],
  healthSummary: [...DATA_KEYS, 'asymmetric'],
  outOfDistributionScores: [...DATA_KEYS, 'method', 'adjustPredProbs'],
  audit: [...FIND_KEYS, 'rankBy', 'adjustPredProbs', 'asymmetric', 'matrices'],
  readDataset: [
    'onProgress',
    'signal',
    'labelColumn',
    'probabilityColumns',
    'classNames',
    'float32',
    'allowUnnormalized',
    'fingerprint',
  ],
};

const IN_NODE = typeof process === 'object' && typeof process.versions?.node === 'string';
// Browsers allow threads (SharedArrayBuffer) only on cross-origin isolated pages, and waiting for
// one (Atomics.wait) only in a worker.
const IN_ISOLATED_WORKER =
  !IN_NODE &&
  globalThis.crossOriginIsolated === true &&
  typeof WorkerGlobalScope === 'function' &&
  globalThis instanceof WorkerGlobalScope;

// The core with a helper thread (dist/wasm/threads): it takes part of the page faults of reading
// a big file into fresh memory (bench/ has the numbers). The default in Node and in a cross-origin
// isolated page's worker; elsewhere (an embedding page that is not isolated, the main thread) the
// single-threaded core.
async function threadedFactory(threads) {
  if (threads === false || (!IN_NODE && !IN_ISOLATED_WORKER && threads !== true)) return null;
  try {
    return (await import('../../dist/wasm/threads/labelscope-core.mjs')).default;
  } catch (e) {
    if (threads !== true) return null; // not built: one thread
    throw new LabelScopeError({
      code: 'invalid_option',
      message: `threads: true, but the threaded core cannot be loaded (${e.message}).`,
    });
  }
}

/**
 * Loads the WebAssembly core. Options: { wasmBinary } (bytes of labelscope-core.wasm, e.g. when
 * the page bundles it) or { locateFile } (maps 'labelscope-core.wasm' to a URL), and
 * { moduleFactory } (the default export of another build of labelscope-core.mjs, e.g. one with a
 * smaller memory limit; default: dist/wasm/labelscope-core.mjs), or { threads } (default: the
 * core with a helper thread in Node and in a cross-origin isolated page's worker).
 */
export async function createLabelScope(options = {}) {
  const moduleOptions = {};
  if (options.wasmBinary) moduleOptions.wasmBinary = options.wasmBinary;
  if (options.locateFile) moduleOptions.locateFile = options.locateFile;
  if (options.threads !== undefined && typeof options.threads !== 'boolean') {
    throw new LabelScopeError({ code: 'invalid_option', message: 'threads must be true or false.' });
  }
  // A given wasmBinary or locateFile is for the single-threaded core, unless threads: true says otherwise.
  const custom = options.wasmBinary || options.locateFile;
  const threads = options.threads ?? (custom ? false : undefined);
  const factory = options.moduleFactory ?? (await threadedFactory(threads)) ?? createLabelScopeCore;
  if (typeof factory !== 'function') {
    throw new LabelScopeError({
      code: 'invalid_option',
      message: 'moduleFactory must be the default export of a labelscope-core.mjs build (a function).',
    });
  }
  return new LabelScope(await factory(moduleOptions));
}

/** A dataset read into WebAssembly memory: analyse it many times without re-parsing; free() it. */
export class Dataset {
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

// One turn of the event loop, so messages from a worker get through: setImmediate in Node, a
// message to ourselves in browsers (no timer clamping).
let selfChannel = null;
function yieldToEventLoop() {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (!selfChannel) {
    selfChannel = { channel: new MessageChannel(), waiting: [] };
    selfChannel.channel.port1.onmessage = () => selfChannel.waiting.shift()?.();
  }
  return new Promise((resolve) => {
    selfChannel.waiting.push(resolve);
    selfChannel.channel.port2.postMessage(null);
  });
}

// Lets messages (a cancel) and rendering in between two stages of a long computation.
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

export class LabelScope {
  #core;
  constructor(core) {
    this.#core = core;
  }
  // Whether the threaded core's helper (a worker it starts for a big file) is still loading. Its
  // worker must not keep a Node process alive once the work is done: unref'd here, as it appears.
  #helperLoading() {
    const pthreads = this.#core.PThread;
    if (pthreads === undefined) return false;
    const workers = [...pthreads.unusedWorkers, ...pthreads.runningWorkers];
    for (const worker of workers) worker.unref?.();
    return workers.some((worker) => !worker.loaded);
  }
  /** Multi-label data (each example has a set of classes): src/js/multilabel.js. */
  get multiLabel() {
    return multiLabelOf(this, this.#core);
  }
  /** Threads used to read files: 2 with the threaded core on a machine with 2+ cores, else 1. */
  get threads() {
    return this.#core.readerThreads();
  }

  // Compute on arrays, or on a Dataset already in memory (audit, findLabelIssues, scores, health).
  #run(method, args, extra = []) {
    checkOptions(method, args ?? {}, OPTIONS[method]);
    const { labels, predProbs, numClasses, ...options } = args ?? {};
    const y = extra.includes('noLabels') && labels == null ? null : toLabels(labels);
    const { probs, numClasses: k } = toPredProbs(predProbs, numClasses);
    return fromCore(unwrap(this.#core[method](y, probs, k, options)));
  }

  /** Flagged examples: { mask, indices (rank order if returnIndicesRankedBy, else ascending), warnings }. */
  findLabelIssues(args) {
    if (args?.dataset instanceof Dataset) return this.#onDataset('findLabelIssues', args);
    return this.#run('findLabelIssues', args);
  }
  /** { scores, warnings }: lower = more likely mislabelled. */
  getLabelQualityScores(args) {
    if (args?.dataset instanceof Dataset) return this.#onDataset('getLabelQualityScores', args);
    return this.#run('getLabelQualityScores', args);
  }
  computeConfidentJoint(args) {
    return this.#run('computeConfidentJoint', args);
  }
  /** estimate_py_and_noise_matrices_from_probabilities: { py, noiseMatrix, inverseNoiseMatrix, confidentJoint }. */
  estimateLatent(args) {
    return this.#run('estimateLatent', args);
  }
  numLabelIssues(args) {
    return this.#run('numLabelIssues', args).numLabelIssues;
  }
  healthSummary(args) {
    if (args?.dataset instanceof Dataset) return this.#onDataset('healthSummary', args);
    return this.#run('healthSummary', args);
  }
  rankClassesByLabelQuality(args) {
    return this.healthSummary(args).classesByLabelQuality;
  }
  findOverlappingClasses(args) {
    return this.healthSummary(args).overlappingClasses;
  }
  /** { scores }: higher = more in-distribution. labels are needed when adjustPredProbs (default true). */
  outOfDistributionScores(args) {
    return this.#run('outOfDistributionScores', args, ['noLabels']);
  }

  /**
   * Everything a UI shows, computed once. `data` is a Dataset from readDataset, or
   * { labels, predProbs, numClasses? }.
   */
  audit(data, options = {}) {
    checkOptions('audit', options, OPTIONS.audit);
    data = auditInput(data); // a crossValProbs result
    if (data instanceof Dataset) return fromCore(unwrap(data.handle.audit(options)));
    checkOptions('audit', data ?? {}, DATA_KEYS);
    const { probs, numClasses } = toPredProbs(data?.predProbs, data?.numClasses);
    return fromCore(unwrap(this.#core.audit(toLabels(data?.labels), probs, numClasses, options)));
  }

  /**
   * The same report as audit(), computed in stages with a pause for the event loop between them:
   * options.signal (an AbortSignal) cancels between stages (the promise rejects with code
   * 'cancelled'), options.onProgress({ stagesDone, numStages }) reports after each stage.
   */
  async auditAsync(data, options = {}) {
    const { signal, onProgress, ...auditOptions } = options;
    checkOptions('audit', auditOptions, OPTIONS.audit);
    data = auditInput(data); // a crossValProbs result
    let started;
    if (data instanceof Dataset) {
      started = data.handle.startAudit(auditOptions);
    } else {
      checkOptions('audit', data ?? {}, DATA_KEYS);
      const { probs, numClasses } = toPredProbs(data?.predProbs, data?.numClasses);
      started = this.#core.startAudit(toLabels(data?.labels), probs, numClasses, auditOptions);
    }
    const { job } = unwrap(started);
    try {
      for (;;) {
        if (signal?.aborted) throw new LabelScopeError({ code: 'cancelled', message: 'The analysis was cancelled.' });
        const { done, stagesDone, numStages } = unwrap(job.step());
        onProgress?.({ stagesDone, numStages });
        if (done) return fromCore(unwrap(job.report()));
        await nextTask();
      }
    } finally {
      job.delete();
    }
  }

  /**
   * Out-of-sample predicted probabilities computed from the data's own features by k-fold
   * cross-validation (src/js/cross-val.js): data is { combined } or { labels, features }.
   */
  crossValProbs(data, options = {}) {
    return crossValProbs(this.#core, data, options);
  }

  /** Which column crossValProbs would use as what, before training (src/js/cross-val.js). */
  crossValColumns(data, options = {}) {
    return crossValColumns(this.#core, data, options);
  }

  /**
   * What a file is, from its first 64 KB (src/js/files.js): { format, role, reason, columns,
   * firstRow, shape, descr, looksLikeFeatures, problem (a LabelScopeError: the file cannot be read) }.
   */
  sniffFile(source) {
    return sniffFile(this.#core, source);
  }
  /** The labels' own file written again with corrected labels: { parts, type } (src/js/files.js). */
  correctedLabelsFile(source, args) {
    return correctedLabelsFile(this.#core, source, args);
  }

  /** A Dataset holding a crossValProbs result (labels, probabilities, class names). */
  datasetFromCrossVal(result) {
    return datasetFromCrossVal(this, result);
  }

  /**
   * Flips a share of the labels with a seed (src/js/simulate.js): { labels + numClasses | dataset,
   * rate, seed, pair?, noiseMatrix? } -> { noisyLabels, isError, flipped, trueLabels, ... }.
   */
  simulateNoise(args) {
    return simulateNoise(this.#core, args);
  }
  /** A detector's flags against the flips: { flipped, found, flagged, precision, recall, f1 }. */
  scoreDetection(args) {
    return scoreDetection(this.#core, args);
  }
  /** All seven filterBy methods and three rankings on the same known flips (src/js/compare.js). */
  compareMethods(args) {
    return compareMethods(this, args);
  }
  /** Precision and recall of one method as the simulated noise rate grows (src/js/compare.js). */
  sweepNoiseRate(args) {
    return sweepNoiseRate(this, args);
  }
  /**
   * Flips labels and gives the probabilities to analyse them with (src/js/simulate-data.js):
   * probabilities 'recompute' (cross-validated on the noisy labels, with features) or 'keep'.
   */
  simulateNoisyData(args) {
    return simulateNoisyData(this, args);
  }
  /** sweepNoiseRate with recomputed (one training per rate) or kept probabilities (src/js/simulate-data.js). */
  sweepNoisyData(args) {
    return sweepNoisyData(this, args);
  }

  #onDataset(method, { dataset, ...options }) {
    checkOptions(method, options, OPTIONS[method]);
    return fromCore(unwrap(dataset.handle[method](options)));
  }

  /**
   * Reads { labels, predProbs } or { combined } (File, Blob, bytes, string or async iterable of
   * chunks) in chunks. Options: onProgress({file, bytesRead, totalBytes}), signal (AbortSignal),
   * labelColumn, probabilityColumns, classNames, float32, allowUnnormalized.
   */
  async readDataset(input, options = {}) {
    checkOptions('readDataset', options, OPTIONS.readDataset);
    const { onProgress, signal, ...readOptions } = options;
    const sources = datasetSources(input).map(parquetAsCsv); // a Parquet file is read as CSV text
    // Checked before reading too, so an already-aborted signal cancels even an empty input.
    if (signal?.aborted) throw new LabelScopeError({ code: 'cancelled', message: 'Reading was cancelled.' });
    const totalBytes = sources.reduce((sum, s) => sum + (s.size || 0), 0);
    const reader = new this.#core.Reader(readOptions);
    let bytesRead = 0;
    try {
      for (const source of sources) {
        try {
          unwrap(reader.beginFile(source.role, source.name, source.size || 0));
          for await (const chunk of source.open()) {
            if (signal?.aborted) throw new LabelScopeError({ code: 'cancelled', message: 'Reading was cancelled.' });
            unwrap(reader.feed(chunk));
            // A WebAssembly thread starts only once this thread's event loop has run.
            if (this.#helperLoading()) await yieldToEventLoop();
            bytesRead += chunk.byteLength;
            onProgress?.({ file: source.name, bytesRead, totalBytes });
          }
          unwrap(reader.endFile());
        } catch (e) {
          throw readFailure(e, source); // names this file (out of memory; a File the browser cannot read)
        }
      }
      const { dataset, warnings } = unwrap(reader.finish());
      const info = dataset.info();
      if (info.error) {
        dataset.delete();
        unwrap(info);
      }
      // Classes that differ only in capitals ('billing', 'Billing') are read apart, as written: said with the reader's.
      return new Dataset(dataset, info, [...warnings, ...caseVariantWarningsOfLabels(info.classNames, info.labels)]);
    } catch (e) {
      throw await looksMultiLabelError(e, this.multiLabel, input); // 'a;b' labels: say so
    } finally {
      reader.delete();
      this.#helperLoading(); // unrefs a helper started by a read that failed
    }
  }
}
