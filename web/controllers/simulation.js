// Simulated label noise in <label-scope> (attributes simulate-noise, seed, noise-pair, noise-matrix,
// noise-probabilities): the data read
// gets a share of its labels flipped by the JS API's simulateNoise (same rows as the CLI and the
// API for the same rate and seed), the flips become the known truth, and the result event reports
// how the flags score against them. No DOM here.

const PROBABILITY_MODES = ['recompute', 'keep'];

const invalidAttr = (message) => Object.assign(new Error(message), { code: 'invalid_option' });

/** The noise-matrix attribute: K rows of K numbers as JSON (row = noisy label, column = true label). */
function matrixOf(text) {
  let m;
  try {
    m = JSON.parse(text);
  } catch {
    m = null;
  }
  if (
    !Array.isArray(m) ||
    m.length === 0 ||
    m.some((row) => !Array.isArray(row) || row.some((v) => typeof v !== 'number'))
  ) {
    throw invalidAttr(
      `noise-matrix is '${text.slice(0, 60)}'; give K rows of K numbers as JSON, row = noisy label, ` +
        'column = true label, each column summing to 1 (e.g. [[1,0.3],[0,0.7]]).',
    );
  }
  return m;
}

/**
 * {rate, seed, pair, matrix, probabilities, key} from the attributes, or null when neither
 * simulate-noise (a rate) nor noise-matrix is given. probabilities: noise-probabilities
 * ('recompute' | 'keep'), or null (recompute when the data has features).
 */
export function simulationRequest(attr) {
  const rateText = attr('simulate-noise');
  const matrixText = attr('noise-matrix');
  if (rateText == null && matrixText == null) return null;
  let rate = null;
  let matrix = null;
  if (matrixText != null) {
    if (rateText != null || attr('noise-pair')) {
      throw invalidAttr(
        'noise-matrix sets how many rows of each class flip and where: leave out simulate-noise and noise-pair.',
      );
    }
    matrix = matrixOf(matrixText);
  } else {
    rate = Number(rateText);
    if (rateText.trim() === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
      throw invalidAttr(
        `simulate-noise is '${rateText}'; give the fraction of labels to flip, from 0 to 1 (e.g. 0.1).`,
      );
    }
  }
  const seedText = attr('seed') ?? '0';
  const seed = Number(seedText);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw invalidAttr(`seed is '${seedText}'; give a whole number from 0 (e.g. seed="7").`);
  const pair = matrix ? null : attr('noise-pair') || null;
  const modeText = attr('noise-probabilities');
  const probabilities = modeText == null || modeText.trim() === '' ? null : modeText.trim().toLowerCase();
  if (probabilities != null && !PROBABILITY_MODES.includes(probabilities)) {
    throw invalidAttr(
      `noise-probabilities is '${modeText}'; give "recompute" (train again on the noisy labels, ` +
        'for data with features) or "keep" (the given probabilities).',
    );
  }
  const key = JSON.stringify(matrix ? [matrix, seed, probabilities] : [rate, seed, pair, probabilities]);
  return { rate, seed, pair, ...(matrix ? { matrix } : {}), probabilities, key };
}

/**
 * simulateNoise's arguments for a request: a rate (and pair), or a noise matrix.
 * @param {{rate: number|null, seed: number, pair?: string|null, matrix?: number[][]}} request
 */
function noiseArgs({ rate, seed, pair, matrix }) {
  return matrix ? { noiseMatrix: matrix, seed } : { rate, seed, ...(pair ? { pair } : {}) };
}

/**
 * The probabilities as a .npy file (N x K, little-endian float64 or float32): the same bits read back,
 * without turning millions of numbers into text.
 */
export function npyBytes(values, n, k) {
  const descr = values instanceof Float32Array ? '<f4' : '<f8';
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${n}, ${k}), }`;
  const unpadded = 10 + header.length + 1; // magic, version, length; the header ends with a newline
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + header.length + values.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0); // \x93NUMPY v1.0
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  out.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), 10 + header.length);
  return out;
}

/**
 * Flips labels of `dataset` (a WorkerDataset) in the worker and reads the noisy labels with the
 * same probabilities into a new WorkerDataset. The given probabilities are kept: a teaching
 * approximation (see PROBABILITIES_NOTE). Returns {dataset, simulation}; the original is freed.
 */
export async function simulateOn(client, dataset, request) {
  const { rate, seed } = request;
  const sim = await client.simulateNoise({ dataset, ...noiseArgs(request) });
  const n = dataset.numExamples;
  const k = dataset.numClasses;
  const values = await dataset.probabilityRows(0, n);
  const noisy = await client.readDataset(
    {
      labels: { name: 'labels (simulated noise)', data: `${Array.from(sim.noisyLabels).join('\n')}\n` },
      predProbs: { name: 'pred_probs.npy', data: npyBytes(values, n, k) },
    },
    { classNames: [...dataset.classNames] },
  );
  dataset.free().catch(() => {});
  const flippedRows = Array.from(sim.flipped); // the flipped rows' indices, ascending
  return {
    dataset: noisy,
    simulation: {
      rate,
      seed,
      pair: sim.pair,
      mode: sim.mode,
      flipped: flippedRows.length,
      flippedRows,
      isError: sim.isError,
      trueLabels: sim.trueLabels,
      noisyLabels: sim.noisyLabels,
      probabilities: 'kept',
    },
  };
}

const KEEP_LIMIT = 4_000_000; // values of the first probabilities kept for the sweep (32 MB)

/**
 * What simulateNoisyData / sweepNoisyData train on: a features file, or {combined, crossVal} (a
 * labelled table, read with the options it was computed with; the noisy labels replace its label column).
 */
export function trainingArgs(features) {
  return features?.combined ? { combined: features.combined, crossVal: { ...features.crossVal } } : { features };
}

/**
 * Flips labels of `dataset` (a WorkerDataset of probabilities computed from `features`) and computes
 * the probabilities again by cross-validation on the noisy labels (client.simulateNoisyData, in the
 * worker: progress per fold, cancel by `signal`). Also scores the default method with the first
 * probabilities kept, so the page can show what keeping them would have changed. Returns
 * {dataset, simulation}; the original is freed.
 * @param {any} client
 * @param {any} dataset
 * @param {ReturnType<typeof simulationRequest>} request
 * @param {any} features
 * @param {{signal?: AbortSignal, onProgress?: (progress: object) => void}} [options]
 */
export async function recomputeOn(client, dataset, request, features, { signal, onProgress } = {}) {
  const { rate, seed } = request;
  const r = await client.simulateNoisyData({
    dataset,
    ...noiseArgs(request),
    ...trainingArgs(features),
    probabilities: 'recompute',
    returnDataset: true,
    signal,
    onProgress,
  });
  const sim = r.simulation;
  let kept = null;
  let keptProbs = null;
  try {
    // The same flips against the first probabilities (a model that never saw them): what 'keep' would find.
    const predProbs = await dataset.probabilityRows(0, dataset.numExamples);
    if (predProbs.length <= KEEP_LIMIT) keptProbs = Float64Array.from(predProbs); // the sweep's (the original is freed)
    const { indices } = await client.findLabelIssues({
      labels: Int32Array.from(sim.noisyLabels),
      predProbs,
      numClasses: dataset.numClasses,
    });
    kept = await client.scoreDetection({ isError: Uint8Array.from(sim.isError), flagged: indices });
  } catch {
    kept = null; // only a comparison: the simulation stands without it
  }
  dataset.free().catch(() => {});
  const flippedRows = Array.from(sim.flipped);
  const { folds, settings } = r.crossVal;
  // The probabilities analysed are these (trained on the noisy labels): the panel of probabilities
  // computed here shows them and downloads them, not the first ones (controllers/cross-val.js).
  r.dataset.retrained = { result: r.crossVal, from: dataset };
  return {
    dataset: r.dataset,
    simulation: {
      rate,
      seed,
      pair: sim.pair,
      mode: sim.mode,
      flipped: flippedRows.length,
      flippedRows,
      isError: sim.isError,
      trueLabels: sim.trueLabels,
      noisyLabels: sim.noisyLabels,
      probabilities: 'recomputed',
      crossVal: {
        folds: settings.foldsUsed ?? settings.folds,
        accuracy:
          folds.reduce((a, f) => a + f.accuracy * f.testRows, 0) /
          Math.max(
            1,
            folds.reduce((a, f) => a + f.testRows, 0),
          ),
      },
      kept,
      keptProbs,
    },
  };
}

/** What the page says about the probabilities a simulation was analysed with, and why it matters. */
export function probabilitiesNote(simulation) {
  if (simulation.probabilities === 'recomputed') {
    const cv = simulation.crossVal;
    const acc = cv
      ? ` (${cv.folds}-fold cross-validated logistic regression, accuracy ` +
        `${(cv.accuracy * 100).toFixed(1)}% against the noisy labels)`
      : '';
    return (
      `The probabilities were computed again on the noisy labels${acc}: the model learnt from the flipped labels, ` +
      'as it would from real mistakes, so this is the honest check. Keeping the first probabilities ' +
      '(noise-probabilities="keep") is quicker but flatters the method: that model never saw the flips.'
    );
  }
  if (simulation.canRecompute) {
    return (
      'The model’s probabilities were kept as given (noise-probabilities="keep"), not recomputed: they come ' +
      'from a ' +
      'model that learnt from the original labels, so it never saw the flipped ones. That makes the flips easier to ' +
      'spot than real mistakes would be — a teaching approximation. Leave out noise-probabilities="keep" to train ' +
      'again on the noisy labels (the honest check).'
    );
  }
  if (simulation.computedTable) {
    return (
      'The probabilities computed from this table were kept for the noisy labels, not computed again: that model ' +
      'learnt from the original labels and never saw the flips, so they are easier to spot than real mistakes — a ' +
      'teaching approximation. Retraining on the noisy labels needs the labels and the features as two files.'
    );
  }
  return PROBABILITIES_NOTE;
}

export const PROBABILITIES_NOTE =
  'The model’s probabilities were kept as given, not recomputed: they come from a ' +
  'model that learnt from the original labels, so it never saw the flipped ones. That makes the flips easier to ' +
  'spot than real mistakes would be — a teaching approximation. These data have no features to train on again; ' +
  'with features (e.g. pixels), the page retrains the model on the noisy labels before looking for errors — ' +
  'the honest check.';

/** The known truth of a simulation, shaped as ui/truth.js buildTruth gives it: every row known. */
export function simulationTruth(simulation) {
  const n = simulation.isError.length;
  const status = new Int8Array(n);
  const corrected = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (simulation.isError[i]) {
      status[i] = 1;
      corrected[i] = simulation.trueLabels[i];
    }
  }
  const how = simulation.rate == null ? 'a noise matrix' : `rate ${simulation.rate}`;
  const source = `the simulated noise (${how}, seed ${simulation.seed})`;
  // simulated: the truth is only which rows were flipped; a row not flipped may still be wrong in the original.
  return {
    status,
    corrected,
    numErrors: simulation.flipped,
    numKnown: n,
    full: true,
    simulated: true,
    sources: [source],
    warnings: [],
  };
}

/**
 * The truth as far as the learner may see it (hide-truth): rows decided so far only, and never
 * the totals. Returns null when nothing is decided.
 */
export function truthSoFar(truth, decided) {
  if (!truth || decided.size === 0) return null;
  const n = truth.status.length;
  const status = new Int8Array(n).fill(-1);
  const corrected = new Int32Array(n).fill(-1);
  let numErrors = 0;
  for (const i of decided) {
    status[i] = truth.status[i];
    corrected[i] = truth.corrected[i];
    if (status[i] === 1) numErrors++;
  }
  return {
    status,
    corrected,
    numErrors,
    numKnown: decided.size,
    full: false,
    // Simulated noise: a decided row shows "flipped" / "not flipped", as after the reveal, never "error".
    ...(truth.simulated ? { simulated: true } : {}),
    hidden: true, // the other rows' truth waits: their badge says so (ui/cells.js)
    sources: ['the rows you decided'],
    warnings: [],
  };
}

/**
 * detail.simulation of labelscope-result: {rate, seed, flipped, found, precision, recall}, with
 * found = flipped rows that were flagged, precision = found / flagged, recall = found / flipped
 * (null when the denominator is 0), as the JS API's scoreDetection counts them.
 */
export function simulationScores(simulation, issues) {
  let found = 0;
  for (const i of issues) found += simulation.isError[i] ? 1 : 0;
  const flagged = issues.length;
  return {
    rate: simulation.rate,
    seed: simulation.seed,
    flipped: simulation.flipped,
    found,
    precision: flagged > 0 ? found / flagged : null,
    recall: simulation.flipped > 0 ? found / simulation.flipped : null,
  };
}
