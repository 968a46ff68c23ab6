// @ts-check
// Every detector on the same known flips, for lessons: the seven filterBy methods scored by
// precision, recall and F1, and the three label quality rankings by precision at k.
import { invalid } from './errors.js';
import { checkOptions } from './inputs.js';

export const FILTER_BY_METHODS = [
  'prune_by_noise_rate',
  'prune_by_class',
  'both',
  'confident_learning',
  'predicted_neq_given',
  'low_normalized_margin',
  'low_self_confidence',
];
export const RANKINGS = ['self_confidence', 'normalized_margin', 'confidence_weighted_entropy'];
const KEYS = ['dataset', 'labels', 'predProbs', 'numClasses', 'simulation', 'isError', 'k'];

/** Known errors of a dataset read with true_label or is_error columns (every row known), else null. */
function datasetTruth(dataset, labels) {
  const known = dataset.knownErrors ?? dataset.trueLabels;
  if (known == null) return null;
  const isError = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    if (known[i] < 0) {
      throw invalid(`compareMethods: the truth of example ${i} (index) is unknown; give isError for every row.`, {
        example: i,
      });
    }
    isError[i] = dataset.knownErrors ? known[i] : Number(known[i] !== labels[i]);
  }
  return isError;
}

/** The data to analyse: { labels, predProbs, numClasses }, noisy labels first. */
function dataOf(args) {
  const { dataset, simulation } = args;
  if (dataset == null) {
    const labels = args.labels ?? simulation?.noisyLabels;
    if (labels == null) throw invalid('compareMethods needs labels (or a simulation) with predProbs, or a dataset.');
    return { labels, predProbs: args.predProbs, numClasses: args.numClasses };
  }
  if (args.labels != null || args.predProbs != null || args.numClasses != null) {
    throw invalid('compareMethods: give either dataset or labels with predProbs, not both.');
  }
  return {
    labels: simulation?.noisyLabels ?? dataset.labels,
    predProbs: dataset.probabilityRows(0, dataset.numExamples),
    numClasses: dataset.numClasses,
  };
}

/** Row indices by score, lowest first (most likely mislabelled); ties: lower index first. */
function ranked(scores) {
  const order = Int32Array.from(scores, (_, i) => i);
  return order.sort((a, b) => scores[a] - scores[b] || a - b);
}

/**
 * args: { dataset | labels + predProbs (+ numClasses), simulation | isError, k? }. A simulation's
 * noisy labels are analysed (with the dataset's probabilities). Returns { numExamples, flipped, k,
 * methods: [{ filterBy, flipped, found, flagged, precision, recall, f1 }], rankings: [{ rankBy, k,
 * found, precisionAtK }] }.
 */
export function compareMethods(ls, args = {}) {
  checkOptions('compareMethods', args, KEYS);
  if (args.simulation != null && args.isError != null) {
    throw invalid('compareMethods: give either simulation or isError, not both.');
  }
  const data = dataOf(args);
  const isError =
    args.simulation?.isError ?? args.isError ?? (args.dataset != null ? datasetTruth(args.dataset, data.labels) : null);
  if (isError == null) {
    throw invalid(
      'compareMethods needs the known errors: a simulation (simulateNoise), isError, or a dataset ' +
        'with true_label or is_error columns.',
    );
  }
  if (isError.length !== data.labels.length) {
    throw invalid(`isError has ${isError.length} entries but there are ${data.labels.length} labels.`);
  }
  const methods = FILTER_BY_METHODS.map((filterBy) => {
    const { indices } = ls.findLabelIssues({ ...data, filterBy });
    return { filterBy, ...ls.scoreDetection({ isError, flagged: indices }) };
  });
  const flipped = methods[0].flipped;
  const k = args.k ?? flipped;
  if (!Number.isInteger(k) || k < 0 || k > data.labels.length) {
    const n = data.labels.length;
    throw invalid(`k is ${String(args.k)}; it must be a whole number from 0 to the number of rows (${n}).`);
  }
  const rankings = RANKINGS.map((rankBy) => {
    const { scores } = ls.getLabelQualityScores({ ...data, method: rankBy });
    const top = ranked(scores).subarray(0, k);
    let found = 0;
    for (const i of top) found += isError[i] ? 1 : 0;
    return { rankBy, k, found, precisionAtK: k > 0 ? found / k : null };
  });
  return { numExamples: data.labels.length, flipped, k, methods, rankings };
}

const SWEEP_KEYS = ['dataset', 'labels', 'predProbs', 'numClasses', 'classNames', 'rates', 'seed', 'pair', 'filterBy'];
const DEFAULT_RATES = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3];

/**
 * One method's precision and recall as the noise grows: for each rate, flip that share of the
 * labels (simulateNoise: same seed, so each rate's flips contain the lower rates'), keep the given
 * probabilities (a teaching approximation) and score findLabelIssues against the flips. args:
 * { dataset | labels + predProbs (+ numClasses, classNames), rates = 0..0.3 by 0.05, seed = 0,
 * pair?, filterBy = 'prune_by_noise_rate' }. Returns [{ rate, seed, flipped, found, flagged,
 * precision, recall, f1 }].
 */
export function sweepNoiseRate(ls, args = {}) {
  checkOptions('sweepNoiseRate', args, SWEEP_KEYS);
  const { dataset, rates = DEFAULT_RATES, seed = 0, pair, filterBy = 'prune_by_noise_rate' } = args;
  if (!Array.isArray(rates) || rates.length === 0) {
    throw invalid('rates must be a non-empty array of fractions in [0, 1].');
  }
  const { labels, numClasses, classNames } = args;
  const source = dataset != null ? { dataset } : { labels, numClasses, classNames };
  if (dataset != null && (args.labels != null || args.predProbs != null || args.numClasses != null)) {
    throw invalid('sweepNoiseRate: give either dataset or labels with predProbs, not both.');
  }
  const predProbs = dataset != null ? dataset.probabilityRows(0, dataset.numExamples) : args.predProbs;
  return rates.map((rate) => {
    const simulation = ls.simulateNoise({ ...source, rate, seed, ...(pair != null ? { pair } : {}) });
    const k = dataset?.numClasses ?? numClasses;
    const { indices } = ls.findLabelIssues({ labels: simulation.noisyLabels, predProbs, numClasses: k, filterBy });
    return ls.scoreDetection({ simulation, flagged: indices });
  });
}
