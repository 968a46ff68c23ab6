// @ts-check
// Simulated label noise for lessons: flip a share of the labels with a seed (the flips are known
// truth), then score a detector's flags against them. The flipping itself is the core's
// (src/core/simulate_noise.hpp), so the CLI, this API and the page flip the same rows.
import { invalid, LabelScopeError, unwrap } from './errors.js';
import { checkOptions, toLabels } from './inputs.js';

const SIMULATE_KEYS = [
  'labels',
  'dataset',
  'numClasses',
  'classNames',
  'predProbs',
  'rate',
  'seed',
  'pair',
  'noiseMatrix',
];
const SCORE_KEYS = ['isError', 'simulation', 'flagged'];

/** The class index `value` names: a class name (exact, then ignoring case and blanks) or an index. */
export function classIndexOf(value, classNames, numClasses, what = 'class') {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0 && value < numClasses) return value;
    throw invalid(`${what} is ${value}; class indices are 0..${numClasses - 1}.`);
  }
  if (typeof value !== 'string') throw invalid(`${what} must be a class index or a class name.`);
  const names = classNames ?? [];
  let c = names.indexOf(value);
  if (c >= 0) return c;
  const folded = value.trim().toLowerCase();
  c = names.findIndex((n) => n.trim().toLowerCase() === folded);
  if (c >= 0) return c;
  if (/^\s*\d+\s*$/.test(value) && Number(value) < numClasses) return Number(value);
  const list = `${names.slice(0, 20).join(', ')}${names.length > 20 ? ', ...' : ''}`;
  const known = names.length > 0 ? ` The classes are: ${list}.` : ` Class indices are 0..${numClasses - 1}.`;
  throw invalid(`${what} '${value}' matches no class.${known}`);
}

/** Whether `value` names a class (no error). */
function namesClass(value, classNames, numClasses) {
  try {
    classIndexOf(value, classNames, numClasses);
    return true;
  } catch {
    return false;
  }
}

/**
 * 'A,B' split at its one comma; with more commas (class names that contain one), at the one comma
 * where both sides name classes.
 */
function splitPair(pair, classNames, numClasses) {
  const commas = [...pair.matchAll(/,/g)].map((m) => m.index);
  if (commas.length === 1) return [pair.slice(0, commas[0]), pair.slice(commas[0] + 1)];
  const fits = commas
    .map((c) => [pair.slice(0, c), pair.slice(c + 1)])
    .filter(([a, b]) => namesClass(a, classNames, numClasses) && namesClass(b, classNames, numClasses));
  if (fits.length === 1) return fits[0];
  throw invalid(
    `pair '${pair}' must name two classes separated by a comma, e.g. 'Shirt,T-shirt'` +
      (fits.length > 1 ? ' (it can be split in more than one way: give an array [a, b]).' : '.'),
  );
}

/** [a, b] from [a, b] (indices or names) or 'A,B'. */
function pairOf(pair, classNames, numClasses) {
  const parts = typeof pair === 'string' ? splitPair(pair, classNames, numClasses) : pair;
  if (!Array.isArray(parts) || parts.length !== 2) {
    throw invalid("pair must be two classes: [a, b] (class indices or names) or the text 'A,B'.");
  }
  const a = classIndexOf(parts[0], classNames, numClasses, 'The first class of the pair');
  const b = classIndexOf(parts[1], classNames, numClasses, 'The second class of the pair');
  if (a === b) throw invalid(`pair names class ${classNames?.[a] ?? a} twice; give two different classes.`);
  return [a, b];
}

/** K rows of K numbers -> one flat Float64Array (row = noisy label, column = true label). */
function flatMatrix(matrix, k) {
  if (!Array.isArray(matrix) || matrix.length !== k) {
    throw invalid(`noiseMatrix must be ${k} rows of ${k} numbers (row = noisy label, column = true label).`);
  }
  const flat = new Float64Array(k * k);
  matrix.forEach((row, i) => {
    if (row?.length !== k) throw invalid(`noiseMatrix row ${i} has ${row?.length ?? 0} values; it needs ${k}.`);
    for (let j = 0; j < k; j++) {
      if (typeof row[j] !== 'number') throw invalid(`noiseMatrix[${i}][${j}] is not a number.`);
      flat[i * k + j] = row[j];
    }
  });
  return flat;
}

/**
 * Flips labels with a seed. args: { labels + numClasses (or predProbs rows, for K) (+ classNames) |
 * dataset, rate, seed = 0, pair?: [a, b] | 'A,B', noiseMatrix? }. Returns { noisyLabels, isError,
 * flipped, trueLabels, mode, rate, seed, pair }.
 */
export function simulateNoise(core, args = {}) {
  checkOptions('simulateNoise', args, SIMULATE_KEYS);
  const { dataset, rate, seed = 0, pair, noiseMatrix } = args;
  let labels;
  let numClasses;
  let classNames;
  if (dataset != null) {
    if (args.labels != null || args.numClasses != null || args.classNames != null || args.predProbs != null) {
      throw invalid('simulateNoise: give either dataset or labels (with numClasses), not both.');
    }
    ({ labels, numClasses, classNames } = dataset);
  } else {
    labels = toLabels(args.labels);
    classNames = args.classNames;
    if (classNames != null && !Array.isArray(classNames)) throw invalid('classNames must be an array of names.');
    // predProbs (rows) are only looked at for K, so the arguments of findLabelIssues work here too.
    const rowLength = Array.isArray(args.predProbs) ? args.predProbs[0]?.length : undefined;
    numClasses = args.numClasses ?? classNames?.length ?? rowLength;
    if (!Number.isInteger(numClasses)) {
      throw invalid('simulateNoise: labels need numClasses (the number of classes a label can flip to).');
    }
    if (classNames != null && classNames.length !== numClasses) {
      throw invalid(`classNames has ${classNames.length} names but numClasses is ${numClasses}.`);
    }
  }
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) {
    throw invalid(`seed is ${String(seed)}; it must be a whole number from 0 to 2^53 - 1.`);
  }
  const options = { seed };
  let mode = 'uniform';
  if (noiseMatrix != null) {
    if (rate != null || pair != null) {
      throw invalid('noiseMatrix sets how many rows of each class flip and where: leave out rate and pair.');
    }
    mode = 'matrix';
    options.noiseMatrix = flatMatrix(noiseMatrix, numClasses);
  } else {
    if (typeof rate !== 'number') {
      throw invalid('simulateNoise needs rate, the fraction of labels to flip in [0, 1] (e.g. 0.1), or a noiseMatrix.');
    }
    options.rate = rate;
    if (pair != null) {
      mode = 'pair';
      [options.classA, options.classB] = pairOf(pair, classNames, numClasses);
    }
  }
  options.mode = mode;
  const r = unwrap(core.simulateNoise(labels, numClasses, options));
  return {
    noisyLabels: r.noisyLabels,
    isError: r.isError,
    flipped: r.flipped,
    trueLabels: Int32Array.from(labels),
    mode,
    rate: mode === 'matrix' ? null : rate,
    seed,
    pair: mode === 'pair' ? [options.classA, options.classB] : null,
  };
}

/** 0/1 per row as a Uint8Array; anything else is an error naming the row. */
function toMask(isError) {
  if (isError == null || typeof isError.length !== 'number') {
    throw invalid('isError must be one 0/1 value per row (e.g. simulateNoise(...).isError).');
  }
  if (isError instanceof Uint8Array) {
    const bad = isError.findIndex((v) => v > 1);
    if (bad < 0) return isError;
  }
  const out = new Uint8Array(isError.length);
  for (let i = 0; i < isError.length; i++) {
    const v = isError[i];
    if (v === 1 || v === true) out[i] = 1;
    else if (v !== 0 && v !== false) {
      throw new LabelScopeError({
        code: 'invalid_option',
        example: i,
        message:
          `isError[${i}] is ${String(v)}; it must be 1 (flipped) or 0 (kept). ` +
          'Rows of unknown truth cannot be scored.',
      });
    }
  }
  return out;
}

/** Row indices from an array, a findLabelIssues result ({indices}) or an audit report ({issues}). */
function toFlagged(flagged) {
  const list = flagged?.indices ?? flagged?.issues ?? flagged;
  if (list == null || typeof list.length !== 'number' || typeof list === 'string') {
    throw invalid('flagged must be the flagged row indices (e.g. findLabelIssues(...).indices).');
  }
  if (list instanceof Int32Array) return list;
  const out = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) {
    if (!Number.isInteger(list[i])) throw invalid(`flagged[${i}] is ${String(list[i])}, not a row index.`);
    out[i] = list[i];
  }
  return out;
}

/**
 * How a detector's flags compare with the flips: { flipped, found, flagged, precision, recall, f1 }
 * (+ rate and seed when given the simulation). found = flipped rows that were flagged; precision =
 * found / flagged, recall = found / flipped, f1 = 2 found / (flagged + flipped); null when the
 * denominator is 0. args: { isError | simulation, flagged }.
 */
export function scoreDetection(core, args = {}) {
  checkOptions('scoreDetection', args, SCORE_KEYS);
  const { simulation } = args;
  if ((simulation == null) === (args.isError == null)) {
    throw invalid('scoreDetection needs isError (one 0/1 per row) or simulation (a simulateNoise result), not both.');
  }
  const isError = toMask(simulation != null ? simulation.isError : args.isError);
  const score = unwrap(core.scoreDetection(isError, toFlagged(args.flagged)));
  if (simulation == null) return score;
  return { rate: simulation.rate, seed: simulation.seed, ...score };
}
