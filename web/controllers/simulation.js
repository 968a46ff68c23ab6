// Simulated label noise in <label-scope> (attributes simulate-noise, seed, noise-pair): the data read
// gets a share of its labels flipped by the JS API's simulateNoise (same rows as the CLI and the
// API for the same rate and seed), the flips become the known truth, and the result event reports
// how the flags score against them. No DOM here.

/** {rate, seed, pair, key} from the attributes, or null when simulate-noise is absent. */
export function simulationRequest(attr) {
  const rateText = attr('simulate-noise');
  if (rateText == null) return null;
  const rate = Number(rateText);
  if (rateText.trim() === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw Object.assign(new Error(`simulate-noise is '${rateText}'; give the fraction of labels to flip, from 0 to 1 (e.g. 0.1).`),
      { code: 'invalid_option' });
  }
  const seedText = attr('seed') ?? '0';
  const seed = Number(seedText);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw Object.assign(new Error(`seed is '${seedText}'; give a whole number from 0 (e.g. seed="7").`), { code: 'invalid_option' });
  }
  const pair = attr('noise-pair') || null;
  return { rate, seed, pair, key: JSON.stringify([rate, seed, pair]) };
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
  const { rate, seed, pair } = request;
  const sim = await client.simulateNoise({ dataset, rate, seed, ...(pair ? { pair } : {}) });
  const n = dataset.numExamples;
  const k = dataset.numClasses;
  const values = await dataset.probabilityRows(0, n);
  const noisy = await client.readDataset({
    labels: { name: 'labels (simulated noise)', data: `${Array.from(sim.noisyLabels).join('\n')}\n` },
    predProbs: { name: 'pred_probs.npy', data: npyBytes(values, n, k) },
  }, { classNames: [...dataset.classNames] });
  dataset.free().catch(() => {});
  const flippedRows = Array.from(sim.flipped); // the flipped rows' indices, ascending
  return {
    dataset: noisy,
    simulation: {
      rate, seed, pair: sim.pair, mode: sim.mode, flipped: flippedRows.length, flippedRows,
      isError: sim.isError, trueLabels: sim.trueLabels, noisyLabels: sim.noisyLabels, probabilities: 'kept',
    },
  };
}

export const PROBABILITIES_NOTE = 'The model’s probabilities were kept as given, not recomputed: they come from a '
  + 'model that learnt from the original labels, so it never saw the flipped ones. That makes the flips easier to '
  + 'spot than real mistakes would be — a teaching approximation. With features, the honest check retrains '
  + 'the model on the noisy labels (cross-validation) before looking for errors.';

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
  const source = `the simulated noise (rate ${simulation.rate}, seed ${simulation.seed})`;
  return { status, corrected, numErrors: simulation.flipped, numKnown: n, full: true, sources: [source], warnings: [] };
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
  return { status, corrected, numErrors, numKnown: decided.size, full: false, sources: ['the rows you decided'], warnings: [] };
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
