// @ts-check
// The same API as createLabelScope, with promises, running in a module Web Worker so the page stays
// responsive. Typed-array inputs are transferred to the worker (they are detached afterwards).
import { LabelScopeError } from './errors.js';
import { datasetFromCrossVal, isCrossValResult } from './cross-val.js';
import { transferables } from './transfer.js';
import { multiLabelClient } from './multilabel-worker.js';
import { simulateNoisyData } from './simulate-data.js';

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

class LabelScopeWorker {
  #worker;
  #pending = new Map();
  #nextId = 1;
  #terminated = false;
  /** Threads the worker's core reads files with (2: the threaded core of an isolated page). */
  threads = 1;
  #multiLabel = null;
  /** ls.multiLabel with promises (src/js/multilabel-worker.js). */
  get multiLabel() {
    this.#multiLabel ??= multiLabelClient(this);
    return this.#multiLabel;
  }

  constructor(worker) {
    this.#worker = worker;
    worker.onmessage = (event) => this.#receive(event.data);
    worker.onerror = (event) => this.#failAll(event.message || 'The labelscope worker failed to start.');
  }

  #receive({ id, result, error, progress }) {
    const pending = this.#pending.get(id);
    if (!pending) {
      // Cancelled: the answer is no longer wanted. A dataset read for it would stay in the
      // worker's memory with no WorkerDataset to free it, so free it now.
      if (!progress && result?.datasetId) {
        this.#worker.postMessage({ id: 0, method: 'freeDataset', args: { datasetId: result.datasetId } });
      }
      return;
    }
    if (progress) return pending.onProgress?.(progress);
    this.#pending.delete(id);
    if (error) pending.reject(new LabelScopeError(error));
    else pending.resolve(result);
  }

  #failAll(message) {
    for (const { reject } of this.#pending.values()) reject(new LabelScopeError({ code: 'worker_error', message }));
    this.#pending.clear();
  }

  /**
   * @internal
   * @param {string} method
   * @param {any} args
   * @param {{onProgress?: (progress: any) => void, signal?: AbortSignal, transfer?: Transferable[]}} [options]
   */
  call(method, args, { onProgress, signal, transfer = [] } = {}) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      if (this.#terminated) {
        return reject(new LabelScopeError({ code: 'worker_error', message: 'The labelscope worker was terminated.' }));
      }
      if (signal?.aborted) return reject(cancelledError());
      this.#pending.set(id, { resolve, reject, onProgress });
      signal?.addEventListener('abort', () => {
        if (!this.#pending.delete(id)) return;
        this.#worker.postMessage({ method: 'cancel', args: { target: id } });
        reject(cancelledError());
      }, { once: true });
      this.#worker.postMessage({ id, method, args }, transfer);
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
      return this.call('audit', { datasetId: data.datasetId, options: auditOptions }, { signal, onProgress });
    }
    // A crossValProbs result is copied, not transferred: the caller keeps its probabilities.
    const transfer = isCrossValResult(data) ? [] : transferables(data);
    return this.call('audit', { data, options: auditOptions }, { signal, onProgress, transfer });
  }

  /** As LabelScope.sniffFile: the file (a File or Blob is cloned, not moved) is sniffed in the worker. */
  async sniffFile(source) {
    const sniffed = await this.call('sniffFile', { source });
    return { ...sniffed, problem: sniffed.problem ? new LabelScopeError(sniffed.problem) : undefined };
  }

  /** As LabelScope.correctedLabelsFile, on a dataset read by this worker. */
  correctedLabelsFile(source, { dataset, labels }) {
    if (!(dataset instanceof WorkerDataset)) {
      return Promise.reject(new LabelScopeError({ code: 'invalid_option', message: 'correctedLabelsFile needs a dataset read by this worker.' }));
    }
    return this.call('correctedLabelsFile', { source, datasetId: dataset.datasetId, labels: Int32Array.from(labels) });
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

  /** As LabelScope.datasetFromCrossVal: a WorkerDataset of a crossValProbs result. */
  datasetFromCrossVal(result) {
    return datasetFromCrossVal(this, result);
  }

  terminate() {
    this.#terminated = true;
    this.#worker.terminate();
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
  const client = new LabelScopeWorker(new Worker(url, { type: 'module' }));
  const init = options.wasmBinary ? { wasmBinary: options.wasmBinary } : {};
  client.threads = (await client.call('init', init)).threads;
  return client;
}
