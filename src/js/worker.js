// @ts-check
// Module Web Worker: owns the WebAssembly core and the datasets read into it, so parsing and
// analysis never block the page. Protocol: {id, method, args} in; {id, result} | {id, error} |
// {id, progress} out. Typed arrays travel both ways as transferred buffers.
import { LabelScopeError } from './errors.js';
import { createLabelScope } from './labelscope.js';
import { transferables } from './transfer.js';
import { packedBuffers, packReport } from './report-transfer.js';
import { handleMultiLabel } from './multilabel-worker.js';

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
      await new Promise((held) => navigator.locks.request(lifeLock, () => {
        held(undefined);
        return new Promise(() => {});
      }));
      return { threads, lifeLock: true };
    }
    return { threads };
  }
  ready ??= createLabelScope();
  const ls = await ready;
  switch (method) {
    case 'readDataset': {
      const signal = { get aborted() { return cancelled.has(id); } };
      const onProgress = (progress) => self.postMessage({ id, progress });
      const dataset = await ls.readDataset(args.input, { ...args.options, signal, onProgress });
      const datasetId = nextDatasetId++;
      datasets.set(datasetId, dataset);
      return { datasetId, info: { ...dataset } };
    }
    case 'freeDataset':
      datasets.get(args.datasetId)?.free();
      datasets.delete(args.datasetId);
      return {};
    case 'probabilityRows':
      return { values: datasetFrom(args).probabilityRows(args.start, args.count) };
    case 'audit': {
      // In stages, so a cancel message is seen between them and the worker stays free for the next call.
      const signal = { get aborted() { return cancelled.has(id); } };
      const onProgress = (progress) => self.postMessage({ id, progress });
      return ls.auditAsync(args.datasetId ? datasetFrom(args) : args.data, { ...args.options, signal, onProgress })
        .then(packReport); // matrices as flat buffers: cheap for the page's main thread (report-transfer.js)
    }
    case 'sniffFile': {
      const sniffed = await ls.sniffFile(args.source);
      return { ...sniffed, problem: sniffed.problem?.toJSON() };
    }
    case 'correctedLabelsFile':
      return ls.correctedLabelsFile(args.source, {
        dataset: datasetFrom(args), labels: args.labels, labelColumn: args.labelColumn, hasHeader: args.hasHeader,
      });
    case 'crossValProbs': {
      // A cancel message cannot arrive while the training runs: the client also raises a shared flag.
      const flag = /** @type {Int32Array | undefined} */ (args.cancelFlag);
      const signal = { get aborted() { return cancelled.has(id) || (flag != null && Atomics.load(flag, 0) !== 0); } };
      const onProgress = (progress) => self.postMessage({ id, progress });
      return ls.crossValProbs(args.input, { ...args.options, signal, onProgress });
    }
    case 'crossValColumns': {
      const signal = { get aborted() { return cancelled.has(id); } };
      const onProgress = (progress) => self.postMessage({ id, progress });
      return ls.crossValColumns(args.input, { ...args.options, signal, onProgress });
    }
    default: {
      if (method.startsWith('multiLabel.')) {
        const signal = { get aborted() { return cancelled.has(id); } };
        const onProgress = (progress) => self.postMessage({ id, progress });
        return handleMultiLabel(ls, method.slice('multiLabel.'.length), args,
          { datasets, newId: () => nextDatasetId++, signal, onProgress });
      }
      if (!['findLabelIssues', 'getLabelQualityScores', 'computeConfidentJoint', 'estimateLatent',
        'numLabelIssues', 'healthSummary', 'rankClassesByLabelQuality', 'findOverlappingClasses',
        'outOfDistributionScores', 'simulateNoise', 'scoreDetection', 'compareMethods',
        'sweepNoiseRate'].includes(method)) {
        throw new LabelScopeError({ code: 'invalid_option', message: `Unknown method '${method}'.` });
      }
      const { datasetId, ...rest } = args;
      return ls[method](datasetId ? { ...rest, dataset: datasetFrom(args) } : rest);
    }
  }
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
    const info = error instanceof LabelScopeError ? error.toJSON()
      : { code: 'internal_error', message: String(error?.message ?? error) };
    self.postMessage({ id, error: info });
  } finally {
    cancelled.delete(id);
  }
};
