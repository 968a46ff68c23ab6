// @ts-check
// The same API as createLabelScope, with promises, running in a module Web Worker so the page stays
// responsive. Typed-array inputs are transferred to the worker (they are detached afterwards).
import { invalid, LabelScopeError } from './errors.js';
import { transferables } from './transfer.js';
import { NAMESPACES } from './worker-methods.js';

/** A dataset that lives in the worker's memory (from readDataset, or multiLabel.readDataset). */
class WorkerDataset {
  #client;
  #namespace;
  constructor(client, namespace, datasetId, info) {
    this.#client = client;
    this.#namespace = namespace;
    this.datasetId = datasetId;
    Object.assign(this, info);
  }
  /** Whether `value` is a dataset of this namespace ('' or 'multiLabel') read by a worker. */
  static of(value, namespace) {
    return value instanceof WorkerDataset && value.#namespace === namespace;
  }
  probabilityRows(start, count) {
    return this.#client
      .call(qualified(this.#namespace, 'probabilityRows'), { datasetId: this.datasetId, start, count })
      .then((r) => r.values);
  }
  free() {
    return this.#client.call(qualified(this.#namespace, 'freeDataset'), { datasetId: this.datasetId });
  }
}

const qualified = (namespace, name) => (namespace ? `${namespace}.${name}` : name);

/**
 * Calls `name` of `namespace` in the worker with the caller's `params`, as its entry in
 * worker-methods.js says: what is transferred, which dataset travels as its id, where progress
 * and cancel go, and how the result comes back.
 * @param {LabelScopeWorker} client
 * @param {string} namespace
 * @param {string} name
 * @param {import('./worker-methods.js').MethodSpec} spec
 * @param {any[]} params
 */
function send(client, namespace, name, spec, params) {
  if (spec.local) return spec.local(client, ...params);
  const ours = (value) => WorkerDataset.of(value, namespace);
  const method = qualified(namespace, name);
  const shape =
    spec.returns === 'dataset'
      ? ({ datasetId, info }) => new WorkerDataset(client, namespace, datasetId, info)
      : spec.unpack;
  if ((spec.form ?? 'args') === 'args') {
    const { dataset, ...rest } = params[0] ?? {};
    const args = ours(dataset) ? { ...rest, datasetId: dataset.datasetId } : rest;
    return client.call(method, args, { transfer: transferables(rest), shape });
  }
  let [input, options] = params;
  let onProgress;
  let signal;
  if (spec.task) ({ onProgress, signal, ...options } = options ?? {});
  const args = {};
  if (ours(options?.dataset)) {
    const { dataset, ...rest } = options;
    options = rest;
    args.datasetId = dataset.datasetId;
  } else if (spec.needsDataset) {
    return Promise.reject(invalid(`${name} needs a dataset read by this worker.`));
  }
  if (spec.prepare) [input, options] = spec.prepare(input, options);
  if (ours(input))
    args.datasetId = input.datasetId; // the worker puts the dataset in its place
  else args.input = input;
  args.options = options;
  if (spec.sharedCancel) args.cancelFlag = sharedCancelFlag(signal);
  const moves = !ours(input) && (typeof spec.transfer === 'function' ? spec.transfer(input) : spec.transfer !== false);
  return client.call(method, args, { onProgress, signal, shape, transfer: moves ? transferables(input) : [] });
}

// Training runs without a break for messages: a shared flag carries the cancel where allowed.
function sharedCancelFlag(signal) {
  const flag =
    typeof SharedArrayBuffer === 'function' && (globalThis.crossOriginIsolated || typeof process === 'object')
      ? new Int32Array(new SharedArrayBuffer(4))
      : undefined;
  signal?.addEventListener('abort', () => flag && Atomics.store(flag, 0, 1), { once: true });
  return flag;
}

/** The methods of a namespace's table, bound to `client` (LabelScopeWorker's own, and its multiLabel). */
function methodsOf(client, namespace) {
  const api = {};
  for (const [name, spec] of Object.entries(NAMESPACES[namespace])) {
    api[name] = (...params) => send(client, namespace, name, spec, params);
  }
  return api;
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
  #worker = null; // null once it died: the next call starts another
  #url;
  #init;
  #pending = new Map();
  #nextId = 1;
  #terminated = false;
  #generation = 0; // one per worker started
  #liveIds = new Set(); // dataset ids held by the current worker
  #staleIds = new Set(); // ... and by workers that died
  #maxDatasetId = 0;
  /** Threads the worker's core reads files with (2: the threaded core of an isolated page). */
  threads = 1;
  #multiLabel = null;
  /** ls.multiLabel with promises (the multiLabel methods of worker-methods.js). */
  get multiLabel() {
    this.#multiLabel ??= methodsOf(this, 'multiLabel');
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
    const error = engineStopped(
      'what it was doing is lost. Read the files again; smaller files (fewer rows or classes) need less memory.',
    );
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
      signal?.addEventListener(
        'abort',
        () => {
          if (!this.#pending.delete(id)) return;
          worker.postMessage({ method: 'cancel', args: { target: id } });
          reject(cancelledError());
        },
        { once: true },
      );
      worker.postMessage({ id, method, args }, transfer);
    });
  }

  terminate() {
    this.#terminated = true;
    this.#worker?.terminate();
    this.#failAll('The labelscope worker was terminated.');
  }
}

// The API's methods, each crossing as worker-methods.js says.
for (const [name, spec] of Object.entries(NAMESPACES[''])) {
  Object.defineProperty(LabelScopeWorker.prototype, name, {
    value(...params) {
      return send(this, '', name, spec, params);
    },
    writable: true,
    configurable: true,
  });
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
    throw new LabelScopeError({
      code: 'unsupported',
      message: 'Web Workers are not available here; use createLabelScope().',
    });
  }
  const url = options.workerUrl ?? new URL('./worker.js', import.meta.url);
  const init = options.wasmBinary ? { wasmBinary: options.wasmBinary } : {};
  return LabelScopeWorker.started(url, init);
}
