// @ts-check
// Module Web Worker: owns the WebAssembly core and the datasets read into it, so parsing and
// analysis never block the page. Protocol: {id, method, args} in; {id, result} | {id, error} |
// {id, progress} out. Typed arrays travel both ways as transferred buffers.
import { LabelScopeError } from './errors.js';
import { createLabelScope } from './labelscope.js';
import { transferables } from './transfer.js';
import { packedBuffers } from './report-transfer.js';
import { methodSpec } from './worker-methods.js';

let ready = null;
const datasets = new Map();
const cancelled = new Set();
let nextDatasetId = 1;

function datasetFrom(args) {
  const dataset = datasets.get(args.datasetId);
  if (!dataset) throw new LabelScopeError({ code: 'freed', message: 'This dataset was freed.' });
  return dataset;
}

async function handle(id, method, args) {
  if (method === 'init') {
    const { lifeLock, firstDatasetId, ...options } = args ?? {};
    if (Number.isSafeInteger(firstDatasetId)) nextDatasetId = Math.max(nextDatasetId, firstDatasetId);
    ready ??= createLabelScope(options);
    const { threads } = await ready;
    // Held until this worker ends, however it ends: the client learns of its death when the lock frees.
    if (lifeLock && globalThis.navigator?.locks) {
      await new Promise((held) =>
        navigator.locks.request(lifeLock, () => {
          held(undefined);
          return new Promise(() => {});
        }),
      );
      return { threads, lifeLock: true };
    }
    return { threads };
  }
  ready ??= createLabelScope();
  const ls = await ready;
  // A WorkerDataset's own messages, in any namespace ('freeDataset', 'multiLabel.freeDataset').
  const own = method.slice(method.indexOf('.') + 1);
  if (own === 'freeDataset') {
    datasets.get(args.datasetId)?.free();
    datasets.delete(args.datasetId);
    return {};
  }
  if (own === 'probabilityRows') return { values: datasetFrom(args).probabilityRows(args.start, args.count) };
  return run(ls, id, method, args);
}

/** Calls a method of the API as its entry in worker-methods.js says. */
async function run(ls, id, method, args) {
  const { namespace, name, spec } = methodSpec(method);
  const api = namespace ? ls[namespace] : ls;
  const runs = spec.runs ?? name;
  const dataset = args.datasetId ? datasetFrom(args) : undefined;
  let result;
  if ((spec.form ?? 'args') === 'args') {
    const { datasetId, ...rest } = args;
    result = await api[runs](dataset ? { ...rest, dataset } : rest);
  } else {
    // The dataset was either the input itself (then no input was sent) or options.dataset.
    const input = 'input' in args ? args.input : dataset;
    let options = dataset && 'input' in args ? { ...args.options, dataset } : args.options;
    if (spec.task) {
      // A cancel message cannot arrive while training holds this thread: the client also raises a shared flag.
      const flag = /** @type {Int32Array | undefined} */ (args.cancelFlag);
      const signal = {
        get aborted() {
          return cancelled.has(id) || (flag != null && Atomics.load(flag, 0) !== 0);
        },
      };
      const onProgress = (progress) => self.postMessage({ id, progress });
      options = { ...options, signal, onProgress };
    }
    result = await api[runs](input, options);
  }
  if (spec.returns === 'dataset') {
    const datasetId = nextDatasetId++;
    datasets.set(datasetId, result);
    return { datasetId, info: { ...result } };
  }
  return spec.pack ? spec.pack(result) : result;
}

self.onmessage = async (event) => {
  const { id, method, args } = event.data;
  if (method === 'cancel') {
    cancelled.add(args.target);
    return;
  }
  try {
    const result = await handle(id, method, args);
    // A worker's postMessage(message, transfer); lib.dom types `self` as a Window.
    /** @type {any} */ (self).postMessage({ id, result }, transferables(result).concat(packedBuffers(result)));
  } catch (error) {
    const info =
      error instanceof LabelScopeError
        ? error.toJSON()
        : { code: 'internal_error', message: String(error?.message ?? error) };
    self.postMessage({ id, error: info });
  } finally {
    cancelled.delete(id);
  }
};
