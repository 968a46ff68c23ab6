// @ts-check
// Simulated noise with the probabilities to look for it with: the flips of simulateNoise, then
// either the probabilities computed again by the cross-validated trainer on the noisy labels (the
// honest check: the model learns from the flipped labels, as it would from real mistakes) or the
// given ones kept (a teaching approximation: they come from a model that never saw the flips, so
// flips are easier to find). Works on a LabelScope or a worker client alike (every call awaited).
import { invalid, LabelScopeError } from './errors.js';
import { checkOptions } from './inputs.js';

export const PROBABILITIES = ['recompute', 'keep'];
const KEYS = [
  'dataset',
  'labels',
  'numClasses',
  'classNames',
  'predProbs',
  'rate',
  'seed',
  'pair',
  'noiseMatrix',
  'features',
  'probabilities',
  'crossVal',
  'returnDataset',
  'signal',
  'onProgress',
  'combined',
];
const NOISE_KEYS = [
  'dataset',
  'labels',
  'numClasses',
  'classNames',
  'predProbs',
  'rate',
  'seed',
  'pair',
  'noiseMatrix',
];
const CROSS_VAL_KEYS = [
  'folds',
  'seed',
  'c',
  'balancedClassWeight',
  'maxIterations',
  'tolerance',
  'impute',
  'labelColumn',
  'features',
  'textColumn',
  'columnRoles',
]; // the last four: a combined table's columns

/** The probabilities of `args` as one flat array of N x K numbers. */
async function givenProbabilities(args, n, k) {
  if (args.dataset != null) return args.dataset.probabilityRows(0, n);
  const p = args.predProbs;
  if (p == null) throw invalid("simulateNoisyData with probabilities: 'keep' needs predProbs (or a dataset).");
  if (ArrayBuffer.isView(p)) {
    const { length } = /** @type {Float64Array} */ (p);
    if (length !== n * k) throw invalid(`predProbs has ${length} values; ${n} rows x ${k} classes need ${n * k}.`);
    return p;
  }
  if (!Array.isArray(p) || p.length !== n) throw invalid(`predProbs must be ${n} rows of ${k} probabilities.`);
  const flat = new Float64Array(n * k);
  p.forEach((row, i) => {
    if (row?.length !== k) throw invalid(`predProbs[${i}] has ${row?.length ?? 0} values; it needs ${k}.`);
    for (let j = 0; j < k; j++) flat[i * k + j] = Number(row[j]);
  });
  return flat;
}

/** The .npy bytes of N x K float64 (or float32) values: read back bit for bit. */
function npy(values, n, k) {
  const descr = values instanceof Float32Array ? '<f4' : '<f8';
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${n}, ${k}), }`;
  header += ' '.repeat((64 - ((10 + header.length + 1) % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + header.length + values.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  out.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), 10 + header.length);
  return out;
}

/** Noisy labels as the trainer reads them: a `label` column of class indices. */
function labelsCsv(labels) {
  let text = 'label\n';
  for (let i = 0; i < labels.length; i++) text += `${labels[i]}\n`;
  return text;
}

/**
 * Flips labels (as simulateNoise) and gives the probabilities to analyse the noisy labels with.
 * args: simulateNoise's (dataset | labels + numClasses + classNames?, rate or noiseMatrix, seed,
 * pair?) and: features (N x D .npy or numeric CSV, rows in the labels' order) or combined (the
 * labelled table the labels were read from: its own feature columns, trained on with the noisy
 * labels in place of its label column; crossVal's labelColumn, features, columnRoles, ... as
 * crossValProbs reads it), probabilities
 * ('recompute': cross-validate on the noisy labels, the default with features; 'keep': the
 * given ones, the default without), crossVal (folds, seed, c, ... as crossValProbs), predProbs
 * (keep without a dataset), returnDataset (also read the result as a Dataset), signal, onProgress
 * (crossValProbs' progress). Returns { simulation, probabilities: 'recomputed' | 'kept', labels,
 * predProbs (flat N x K), numClasses, classNames, crossVal (the crossValProbs result or null),
 * dataset? }.
 */
export async function simulateNoisyData(ls, args = {}) {
  checkOptions('simulateNoisyData', args, KEYS);
  if (args.features != null && args.combined != null) {
    throw invalid('Give either features (an N x D file beside the labels) or combined (a labelled table), not both.');
  }
  const trainable = args.features != null || args.combined != null;
  const mode = args.probabilities ?? (trainable ? 'recompute' : 'keep');
  if (!PROBABILITIES.includes(mode)) {
    throw invalid(
      `probabilities is '${String(mode)}'; it must be 'recompute' (cross-validate on the noisy labels, ` +
        "needs features) or 'keep' (the given probabilities).",
    );
  }
  if (mode === 'recompute' && !trainable) {
    throw invalid(
      "probabilities: 'recompute' needs the data's features (features: an N x D .npy or numeric CSV, " +
        'one row per example, or combined: the labelled table of feature columns); without them, use ' +
        "probabilities: 'keep' (a teaching approximation).",
    );
  }
  if (args.crossVal != null) checkOptions('crossVal', args.crossVal, CROSS_VAL_KEYS);
  const noiseArgs = Object.fromEntries(
    NOISE_KEYS.filter((key) => args[key] !== undefined).map((key) => [key, args[key]]),
  );
  const simulation = await ls.simulateNoise(noiseArgs);
  const n = simulation.noisyLabels.length;
  const k =
    args.dataset?.numClasses ??
    args.numClasses ??
    args.classNames?.length ??
    (Array.isArray(args.predProbs) ? args.predProbs[0]?.length : undefined);
  const classNames = [
    ...(args.dataset?.classNames ?? args.classNames ?? Array.from({ length: k }, (_, c) => String(c))),
  ];
  const { signal, onProgress } = args;
  if (signal?.aborted) throw new LabelScopeError({ code: 'cancelled', message: 'The simulation was cancelled.' });
  let predProbs;
  let crossVal = null;
  if (mode === 'keep') {
    predProbs = await givenProbabilities(args, n, k);
  } else {
    const cv = { ...(args.crossVal ?? {}), signal, onProgress };
    // A table: its label column gives way to the noisy labels (class indices in the table's order).
    crossVal =
      args.combined != null
        ? await ls.crossValProbs(
            { combined: args.combined },
            { ...cv, labels: Int32Array.from(simulation.noisyLabels) },
          )
        : await ls.crossValProbs(
            {
              labels: { name: 'labels (simulated noise).csv', data: labelsCsv(simulation.noisyLabels) },
              features: args.features,
            },
            cv,
          );
    if (crossVal.numClasses !== k || crossVal.numExamples !== n) {
      throw new LabelScopeError({
        code: 'bad_input',
        message:
          `After flipping, the labels hold ${crossVal.numClasses} of the ${k} classes (or the features do not ` +
          `have one row per label: ${crossVal.numExamples} rows for ${n} labels). Lower the rate, or keep the ` +
          'probabilities.',
      });
    }
    const got = crossVal.labels;
    const noisy = simulation.noisyLabels;
    for (let i = 0; i < n; i++) {
      if (got[i] !== noisy[i]) {
        throw new LabelScopeError({
          code: 'internal',
          message: `The trainer read label ${i} as ${got[i]}, not ${noisy[i]}.`,
        });
      }
    }
    crossVal = { ...crossVal, classNames };
    predProbs = crossVal.predProbs;
  }
  const out = {
    simulation,
    probabilities: mode === 'keep' ? 'kept' : 'recomputed',
    labels: simulation.noisyLabels,
    predProbs,
    numClasses: k,
    classNames,
    crossVal,
  };
  if (!args.returnDataset) return out;
  const dataset =
    crossVal != null
      ? await ls.datasetFromCrossVal(crossVal)
      : await ls.readDataset(
          {
            labels: { name: 'labels (simulated noise)', data: `${Array.from(simulation.noisyLabels).join('\n')}\n` },
            predProbs: { name: 'pred_probs.npy', data: npy(predProbs, n, k) },
          },
          { classNames, allowUnnormalized: true },
        );
  return { ...out, dataset };
}

const SWEEP_KEYS = [
  'dataset',
  'labels',
  'numClasses',
  'classNames',
  'predProbs',
  'rates',
  'seed',
  'pair',
  'filterBy',
  'features',
  'probabilities',
  'crossVal',
  'signal',
  'onProgress',
  'combined',
];
const DEFAULT_RATES = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3];

/**
 * sweepNoiseRate with the probabilities chosen as simulateNoisyData chooses them: for each rate,
 * flip that share of the labels (same seed: each rate's flips contain the lower rates'), then
 * with features train again on those noisy labels ('recompute': one cross-validation per rate) or
 * keep the given probabilities ('keep': sweepNoiseRate's numbers), and score one filterBy method.
 * onProgress gets crossValProbs' progress with {rate, rateIndex, numRates}. Returns
 * [{ rate, seed, flipped, found, flagged, precision, recall, f1, probabilities }].
 * @param {any} ls
 * @param {Record<string, any>} [args] checked against SWEEP_KEYS
 */
export async function sweepNoisyData(ls, args = {}) {
  checkOptions('sweepNoisyData', args, SWEEP_KEYS);
  const { rates = DEFAULT_RATES, filterBy = 'prune_by_noise_rate', onProgress, ...rest } = args;
  if (!Array.isArray(rates) || rates.length === 0) {
    throw invalid('rates must be a non-empty array of fractions in [0, 1].');
  }
  const out = [];
  for (let rateIndex = 0; rateIndex < rates.length; rateIndex++) {
    const rate = rates[rateIndex];
    const progress = onProgress ? (p) => onProgress({ ...p, rate, rateIndex, numRates: rates.length }) : undefined;
    // Copies: a worker client transfers (detaches) typed arrays, and every rate needs them again.
    const copies = {};
    if (ArrayBuffer.isView(rest.labels)) copies.labels = /** @type {Int32Array} */ (rest.labels).slice();
    const r = await simulateNoisyData(ls, { ...rest, ...copies, rate, onProgress: progress });
    const predProbs = r.predProbs === rest.predProbs ? r.predProbs.slice() : r.predProbs;
    const { indices } = await ls.findLabelIssues({
      labels: Int32Array.from(r.labels),
      predProbs,
      numClasses: r.numClasses,
      filterBy,
    });
    const score = await ls.scoreDetection({ simulation: r.simulation, flagged: indices });
    out.push({ ...score, probabilities: r.probabilities });
  }
  return out;
}
