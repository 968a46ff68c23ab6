// @ts-check
// ls.multiLabel through the Web Worker: the client side (promises, datasets kept in the worker)
// and the worker side (messages named 'multiLabel.<method>').
import { LabelScopeError } from './errors.js';
import { transferables } from './transfer.js';

const COMPUTE = ['findLabelIssues', 'findIssuesPerClass', 'getLabelQualityScores', 'getLabelQualityScoresPerClass',
  'computeConfidentJoint', 'numLabelIssues', 'healthSummary'];

/** A multi-label dataset that lives in the worker's memory. */
class WorkerMultiLabelDataset {
  #client;
  constructor(client, datasetId, info) {
    this.#client = client;
    this.datasetId = datasetId;
    Object.assign(this, info);
  }
  probabilityRows(start, count) {
    return this.#client.call('multiLabel.probabilityRows', { datasetId: this.datasetId, start, count })
      .then((r) => r.values);
  }
  free() {
    return this.#client.call('multiLabel.freeDataset', { datasetId: this.datasetId });
  }
}

/** The `multiLabel` namespace of a worker client (`client.call(method, args, opts)`). */
export function multiLabelClient(client) {
  const compute = (method, args = {}) => {
    const { dataset, ...rest } = args;
    const payload = dataset instanceof WorkerMultiLabelDataset ? { ...rest, datasetId: dataset.datasetId } : rest;
    return client.call(`multiLabel.${method}`, payload, { transfer: transferables(rest) });
  };
  const api = {
    async readDataset(input, options = {}) {
      const { onProgress, signal, ...readOptions } = options;
      const { datasetId, info } = await client.call('multiLabel.readDataset', { input, options: readOptions },
        { onProgress, signal, transfer: transferables(input) });
      return new WorkerMultiLabelDataset(client, datasetId, info);
    },
    sniffLabelSets(labels) {
      return client.call('multiLabel.sniffLabelSets', { labels });
    },
    crossValProbs(input, options = {}) {
      const { onProgress, signal, ...rest } = options;
      return client.call('multiLabel.crossValProbs', { input, options: rest },
        { onProgress, signal, transfer: transferables(input) });
    },
    audit(data, options = {}) {
      if (data instanceof WorkerMultiLabelDataset) {
        return client.call('multiLabel.audit', { datasetId: data.datasetId, options });
      }
      return client.call('multiLabel.audit', { data, options }, { transfer: transferables(data) });
    },
  };
  for (const method of COMPUTE) api[method] = (args) => compute(method, args);
  return api;
}

/**
 * Worker side of a 'multiLabel.<method>' message. `datasets` is the worker's id -> dataset map,
 * `newId()` hands out dataset ids.
 */
export async function handleMultiLabel(ls, method, args, { datasets, newId, signal, onProgress }) {
  const ml = ls.multiLabel;
  const datasetFrom = () => {
    const d = datasets.get(args.datasetId);
    if (!d) throw new LabelScopeError({ code: 'freed', message: 'This dataset was freed.' });
    return d;
  };
  switch (method) {
    case 'readDataset': {
      const dataset = await ml.readDataset(args.input, { ...args.options, signal, onProgress });
      const datasetId = newId();
      datasets.set(datasetId, dataset);
      return { datasetId, info: { ...dataset } };
    }
    case 'freeDataset':
      datasets.get(args.datasetId)?.free();
      datasets.delete(args.datasetId);
      return {};
    case 'probabilityRows':
      return { values: datasetFrom().probabilityRows(args.start, args.count) };
    case 'audit':
      return ml.audit(args.datasetId ? datasetFrom() : args.data, args.options);
    case 'sniffLabelSets':
      return ml.sniffLabelSets(args.labels);
    case 'crossValProbs':
      return ml.crossValProbs(args.input, { ...args.options, signal, onProgress });
    default: {
      if (!COMPUTE.includes(method)) {
        throw new LabelScopeError({ code: 'invalid_option', message: `Unknown method 'multiLabel.${method}'.` });
      }
      const { datasetId, ...rest } = args;
      return ml[method](datasetId ? { ...rest, dataset: datasetFrom() } : rest);
    }
  }
}
