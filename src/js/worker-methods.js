// @ts-check
// How each method of the API crosses to the Web Worker and back: one table read by both sides,
// src/js/worker-client.js (the promise API on the page) and src/js/worker.js (the LabelScope in the
// worker). A LabelScope method is available through the worker once it has an entry here (and its
// types in src/js/types/). Messages: { id, method, args } with method 'name' or 'multiLabel.name'.
import { LabelScopeError } from './errors.js';
import { datasetFromCrossVal, isCrossValResult } from './cross-val-result.js';
import { packReport, unpackReport } from './report-transfer.js';
import { simulateNoisyData, sweepNoisyData } from './simulate-data.js';

/**
 * How one method crosses. Typed arrays in the arguments are transferred (detached on the caller's
 * side) unless `transfer` says otherwise; a dataset read by the worker travels as its id.
 * @typedef {object} MethodSpec
 * @property {'args' | 'input'} [form] 'args' (the default): method(args), one object such as
 *   { labels, predProbs, ...options } or { dataset, ...options }. 'input': method(input, options),
 *   where the input (files, arrays) or options.dataset may be a dataset read by the worker.
 * @property {boolean} [task] 'input' form: options.onProgress and options.signal stay on the
 *   client; the method runs in the worker with its own, fed by progress and cancel messages.
 * @property {boolean} [sharedCancel] a task that holds the worker's thread (training) also reads a
 *   flag in shared memory, where the page may share it, so a cancel reaches it mid-computation.
 * @property {boolean | ((input: any) => boolean)} [transfer] false: the input is copied, not moved.
 * @property {boolean} [needsDataset] options.dataset must be a dataset read by this worker.
 * @property {(input: any, options: any) => [any, any]} [prepare] the client's last word on the
 *   arguments before they are posted.
 * @property {string} [runs] the LabelScope method the worker calls (default: the same name).
 * @property {'dataset'} [returns] the result is a dataset: it stays in the worker, the client gets
 *   a WorkerDataset.
 * @property {(result: any) => any} [pack] in the worker: the result made ready for postMessage.
 * @property {(result: any) => any} [unpack] on the client: the result as the caller gets it.
 * @property {(client: any, ...params: any[]) => any} [local] runs on the client, calling the
 *   client's other methods (each of them crosses on its own).
 */

const ARGS = /** @type {MethodSpec} */ ({ form: 'args' });

/** LabelScope's methods (src/js/labelscope.js). @type {Record<string, MethodSpec>} */
export const METHODS = {
  findLabelIssues: ARGS,
  getLabelQualityScores: ARGS,
  computeConfidentJoint: ARGS,
  estimateLatent: ARGS,
  numLabelIssues: ARGS,
  healthSummary: ARGS,
  rankClassesByLabelQuality: ARGS,
  findOverlappingClasses: ARGS,
  outOfDistributionScores: ARGS,
  simulateNoise: ARGS,
  scoreDetection: ARGS,
  compareMethods: ARGS,
  sweepNoiseRate: ARGS,
  readDataset: { form: 'input', task: true, returns: 'dataset' },
  // In stages, so a cancel message is seen between them and the worker stays free for the next call;
  // the report's matrices travel as flat buffers, cheap for the page's main thread (report-transfer.js).
  // A crossValProbs result is copied, not transferred: the caller keeps its probabilities.
  audit: {
    form: 'input',
    task: true,
    runs: 'auditAsync',
    transfer: (data) => !isCrossValResult(data),
    pack: packReport,
    unpack: unpackReport,
  },
  // A File or Blob is cloned, not moved; a problem crosses as JSON and becomes a LabelScopeError again.
  sniffFile: {
    form: 'input',
    transfer: false,
    pack: (sniffed) => ({ ...sniffed, problem: sniffed.problem?.toJSON() }),
    unpack: (sniffed) => ({ ...sniffed, problem: sniffed.problem ? new LabelScopeError(sniffed.problem) : undefined }),
  },
  // On the dataset read from the labels file in this worker; the labels cross as one typed array.
  correctedLabelsFile: {
    form: 'input',
    transfer: false,
    needsDataset: true,
    prepare: (source, { labels, labelColumn, hasHeader }) => [
      source,
      { labels: Int32Array.from(labels), labelColumn, hasHeader },
    ],
  },
  crossValProbs: { form: 'input', task: true, sharedCancel: true },
  crossValColumns: { form: 'input', task: true, transfer: false },
  datasetFromCrossVal: { local: datasetFromCrossVal },
  simulateNoisyData: { local: simulateNoisyData }, // the flips and the training run in the worker
  sweepNoisyData: { local: sweepNoisyData }, // one training per rate in the worker
};

/** ls.multiLabel's methods (src/js/multilabel.js), sent as 'multiLabel.<name>'. @type {Record<string, MethodSpec>} */
export const MULTI_LABEL_METHODS = {
  findLabelIssues: ARGS,
  findIssuesPerClass: ARGS,
  getLabelQualityScores: ARGS,
  getLabelQualityScoresPerClass: ARGS,
  computeConfidentJoint: ARGS,
  numLabelIssues: ARGS,
  healthSummary: ARGS,
  readDataset: { form: 'input', task: true, returns: 'dataset' },
  sniffLabelSets: { form: 'input', transfer: false },
  crossValProbs: { form: 'input', task: true },
  audit: { form: 'input' },
  correctedLabelsFile: { form: 'input', transfer: false }, // the sets cross as arrays (cloned)
};

/** Namespaces of the API: '' is LabelScope itself. */
export const NAMESPACES = { '': METHODS, multiLabel: MULTI_LABEL_METHODS };

/** A message's method name split into its namespace and the table entry; throws for an unknown one. */
export function methodSpec(method) {
  const dot = method.indexOf('.');
  const namespace = dot < 0 ? '' : method.slice(0, dot);
  const name = method.slice(dot + 1);
  const spec =
    Object.hasOwn(NAMESPACES, namespace) && Object.hasOwn(NAMESPACES[namespace], name)
      ? NAMESPACES[namespace][name]
      : undefined;
  if (!spec || spec.local) {
    throw new LabelScopeError({ code: 'invalid_option', message: `Unknown method '${method}'.` });
  }
  return { namespace, name, spec };
}
