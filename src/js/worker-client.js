// @ts-check
// The same API as createLabelScope, with promises, running in a module Web Worker so the page stays
// responsive. Typed-array inputs are transferred to the worker (they are detached afterwards).
import { LabelScopeError } from './errors.js';
import { datasetFromCrossVal, isCrossValResult } from './cross-val.js';
import { transferables } from './transfer.js';
import { unpackReport } from './report-transfer.js';
import { multiLabelClient } from './multilabel-worker.js';
import { simulateNoisyData, sweepNoisyData } from './simulate-data.js';

/** A dataset that lives in the worker's memory. */
class WorkerDataset {
  #client;
  constructor(client, datasetId, info) {
    this.#client = client;
    this.datasetId = datasetId;
    Object.assign(this, info);
  }
  probabilityRows(start, count) {
    return this.#client.call('probabilityRows', { datasetId: this.datasetId, start, count }).then((r) => r.values);
  }
  free() {
    return this.#client.call('freeDataset', { datasetId: this.datasetId });
  }
}

// The worker's core cannot go on after these (an Emscripten abort, a trap): start a fresh worker.
const BROKEN_CORE = /\bAborted\(|RuntimeError|unreachable|memory access out of bounds/;

function engineStopped(what) {
  return new LabelScopeError({
    code: 'engine_stopped',
    message: `The analysis engine stopped (probably out of memory) and was restarted; ${what}`,
  });
}

class LabelScopeWorker {
  #worker = null;         // null once it died: the next call starts another
  #url;
  #init;
  #pending = new Map();
  #nextId = 1;
  #terminated = false;
  #generation = 0;        // one per worker started
  #liveIds = new Set();   // dataset ids held by the current worker
  #staleIds = new Set();  // ... and by workers that died
  #maxDatasetId = 0;
  /** Threads the worker's core reads files with (2: the threaded core of an isolated page). */
  threads = 1;
  #multiLabel = null;
  /** ls.multiLabel with promises (src/js/multilabel-worker.js). */
  get multiLabel() {
    this.#multiLabel ??= multiLabelClient(this);
    return this.#multiLabel;
  }

  /** @param {string | URL} url @param {object} init the init message's options (wasmBinary) */
  constructor(url, init) {
    this.#url = url;
    this.#init = init;
  }

  /** A client whose worker has started and loaded the core. */
  static async started(url, init) {
    const client = new LabelScopeWorker(url, init);
    await client.#start();
    return client;
  }

  /** Starts a worker and loads the core in it; resolves to the init answer. */
  #start() {
    const worker = new Worker(this.#url, { type: 'module' });
    const generation = ++this.#generation;
    this.#worker = worker;
    worker.onmessage = (event) => this.#receive(event.data, generation);
    worker.onerror = (event) => this.#failAll(event.message || 'The labelscope worker failed to start.');
    // A worker that dies (out of memory, closed, crashed) says nothing: it holds a Web Lock for its
    // whole life, and the lock coming free to us is the news that it is gone.
    const locks = /** @type {any} */ (globalThis.navigator)?.locks;
    const lifeLock = locks ? `labelscope-worker-${generation}-${Math.random().toString(36).slice(2)}` : undefined;
    const firstDatasetId = this.#maxDatasetId + 1; // ids never repeat across workers
    return this.call('init', { ...this.#init, lifeLock, firstDatasetId }).then((answer) => {
      if (answer.lifeLock && lifeLock) locks.request(lifeLock, () => this.#died(generation));
      this.threads = answer.threads;
      return answer;
    });
  }

  /** The worker `generation` is gone: what it held is lost; pending calls fail, the next call restarts it. */
  #died(generation) {
    if (generation !== this.#generation || this.#terminated || !this.#worker) return;
    this.#worker.terminate();
    this.#worker = null;
    for (const id of this.#liveIds) this.#staleIds.add(id);
    this.#liveIds.clear();
    const error = engineStopped('what it was doing is lost. Read the files again; smaller files (fewer rows or classes) need less memory.');
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
    this.#start().catch(() => {}); // ready for the next call (a failed start shows on that call)
  }

  #receive({ id, result, error, progress }, generation) {
    if (generation !== this.#generation) return;
    if (result?.datasetId) {
      this.#liveIds.add(result.datasetId);
      this.#maxDatasetId = Math.max(this.#maxDatasetId, result.datasetId);
    }
    const pending = this.#pending.get(id);
    if (!pending) {
      // Cancelled: the answer is no longer wanted. A dataset read for it would stay in the
      // worker's memory with no WorkerDataset to free it, so free it now.
      if (!progress && result?.datasetId) {
        this.#worker?.postMessage({ id: 0, method: 'freeDataset', args: { datasetId: result.datasetId } });
      }
      return;
    }
    if (progress) return pending.onProgress?.(progress);
    this.#pending.delete(id);
    if (error?.code === 'internal_error' && BROKEN_CORE.test(error.message)) {
      pending.reject(engineStopped('what it was doing is lost. Read the files again.'));
      this.#died(generation);
    } else if (error) pending.reject(new LabelScopeError(error));
    else pending.resolve(pending.shape ? pending.shape(result) : result);
  }

  #failAll(message) {
    for (const { reject } of this.#pending.values()) reject(new LabelScopeError({ code: 'worker_error', message }));
    this.#pending.clear();
  }

  /**
   * @internal
   * @param {string} method
   * @param {any} args
   * @param {{onProgress?: (progress: any) => void, signal?: AbortSignal, transfer?: Transferable[],
   *   shape?: (result: any) => any}} [options] shape: applied to the result before the promise resolves
   */
  call(method, args, { onProgress, signal, transfer = [], shape } = {}) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      if (this.#terminated) {
        return reject(new LabelScopeError({ code: 'worker_error', message: 'The labelscope worker was terminated.' }));
      }
      if (args?.datasetId != null && this.#staleIds.has(args.datasetId)) {
        // Held by a worker that died: nothing left to free, nothing left to analyse.
        if (/(^|\.)freeDataset$/.test(method)) return resolve({});
        return reject(engineStopped('the data it held is gone. Read the files again.'));
      }
      if (signal?.aborted) return reject(cancelledError());
      if (!this.#worker) this.#start().catch(() => {}); // died earlier: this call goes to a new worker
      const worker = /** @type {Worker} */ (this.#worker);
      this.#pending.set(id, { resolve, reject, onProgress, shape });
      signal?.addEventListener('abort', () => {
        if (!this.#pending.delete(id)) return;
        worker.postMessage({ method: 'cancel', args: { target: id } });
        reject(cancelledError());
      }, { once: true });
      worker.postMessage({ id, method, args }, transfer);
    });
  }

  #compute(method, args = {}) {
    const { dataset, ...rest } = args;
    const payload = dataset instanceof WorkerDataset ? { ...rest, datasetId: dataset.datasetId } : rest;
    return this.call(method, payload, { transfer: transferables(rest) });
  }

  findLabelIssues(args) { return this.#compute('findLabelIssues', args); }
  getLabelQualityScores(args) { return this.#compute('getLabelQualityScores', args); }
  computeConfidentJoint(args) { return this.#compute('computeConfidentJoint', args); }
  estimateLatent(args) { return this.#compute('estimateLatent', args); }
  numLabelIssues(args) { return this.#compute('numLabelIssues', args); }
  healthSummary(args) { return this.#compute('healthSummary', args); }
  rankClassesByLabelQuality(args) { return this.#compute('rankClassesByLabelQuality', args); }
  findOverlappingClasses(args) { return this.#compute('findOverlappingClasses', args); }
  outOfDistributionScores(args) { return this.#compute('outOfDistributionScores', args); }
  simulateNoise(args) { return this.#compute('simulateNoise', args); }
  scoreDetection(args) { return this.#compute('scoreDetection', args); }
  compareMethods(args) { return this.#compute('compareMethods', args); }
  sweepNoiseRate(args) { return this.#compute('sweepNoiseRate', args); }
  /** As LabelScope.simulateNoisyData: the flips and the training run in the worker (progress, cancel). */
  simulateNoisyData(args) { return simulateNoisyData(this, args); }
  /** As LabelScope.sweepNoisyData: one training per rate in the worker (progress, cancel). */
  sweepNoisyData(args) { return sweepNoisyData(this, args); }

  async readDataset(input, options = {}) {
    const { onProgress, signal, ...readOptions } = options;
    const { datasetId, info } = await this.call('readDataset', { input, options: readOptions },
      { onProgress, signal, transfer: transferables(input) });
    return new WorkerDataset(this, datasetId, info);
  }

  /** Options as audit(), plus signal (cancels between stages) and onProgress({ stagesDone, numStages }). */
  audit(data, options = {}) {
    const { signal, onProgress, ...auditOptions } = options;
    if (data instanceof WorkerDataset) {
      return this.call('audit', { datasetId: data.datasetId, options: auditOptions }, { signal, onProgress, shape: unpackReport });
    }
    // A crossValProbs result is copied, not transferred: the caller keeps its probabilities.
    const transfer = isCrossValResult(data) ? [] : transferables(data);
    return this.call('audit', { data, options: auditOptions }, { signal, onProgress, transfer, shape: unpackReport });
  }

  /** As LabelScope.sniffFile: the file (a File or Blob is cloned, not moved) is sniffed in the worker. */
  async sniffFile(source) {
    const sniffed = await this.call('sniffFile', { source });
    return { ...sniffed, problem: sniffed.problem ? new LabelScopeError(sniffed.problem) : undefined };
  }

  /** As LabelScope.correctedLabelsFile, on a dataset read by this worker. */
  correctedLabelsFile(source, { dataset, labels, labelColumn, hasHeader }) {
    if (!(dataset instanceof WorkerDataset)) {
      return Promise.reject(new LabelScopeError({ code: 'invalid_option', message: 'correctedLabelsFile needs a dataset read by this worker.' }));
    }
    return this.call('correctedLabelsFile', {
      source, datasetId: dataset.datasetId, labels: Int32Array.from(labels), labelColumn, hasHeader,
    });
  }

  /** As LabelScope.crossValProbs; signal also stops the training between optimiser steps. */
  crossValProbs(input, options = {}) {
    const { onProgress, signal, ...rest } = options;
    // Training runs without a break for messages: a shared flag carries the cancel where allowed.
    const cancelFlag = typeof SharedArrayBuffer === 'function' && (globalThis.crossOriginIsolated
      || typeof process === 'object') ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    signal?.addEventListener('abort', () => cancelFlag && Atomics.store(cancelFlag, 0, 1), { once: true });
    return this.call('crossValProbs', { input, options: rest, cancelFlag },
      { onProgress, signal, transfer: transferables(input) });
  }

  /** As LabelScope.crossValColumns: which column would be used as what, read in the worker. */
  crossValColumns(input, options = {}) {
    const { onProgress, signal, ...rest } = options;
    return this.call('crossValColumns', { input, options: rest }, { onProgress, signal });
  }

  /** As LabelScope.datasetFromCrossVal: a WorkerDataset of a crossValProbs result. */
  datasetFromCrossVal(result) {
    return datasetFromCrossVal(this, result);
  }

  terminate() {
    this.#terminated = true;
    this.#worker?.terminate();
    this.#failAll('The labelscope worker was terminated.');
  }
}

function cancelledError() {
  return new LabelScopeError({ code: 'cancelled', message: 'The operation was cancelled.' });
}

/**
 * Starts the worker and loads the WebAssembly core in it. Options: { wasmBinary, workerUrl }.
 * Browser only (module workers); in Node use createLabelScope.
 */
export async function createLabelScopeWorker(options = {}) {
  if (typeof Worker === 'undefined') {
    throw new LabelScopeError({ code: 'unsupported', message: 'Web Workers are not available here; use createLabelScope().' });
  }
  const url = options.workerUrl ?? new URL('./worker.js', import.meta.url);
  const init = options.wasmBinary ? { wasmBinary: options.wasmBinary } : {};
  return LabelScopeWorker.started(url, init);
}
