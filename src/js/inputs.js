// @ts-check
// Normalises what callers pass (typed arrays, plain arrays, array of rows) into the typed arrays
// the WebAssembly core takes, and checks option names so a typo never silently means "default".
import { invalid, LabelScopeError } from './errors.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** A value as a message shows it: null, '5', {}, [1, 2]. */
function describe(v) {
  if (typeof v === 'string') return `'${v}' (text)`;
  if (v === null || typeof v !== 'object') return String(v);
  return Array.isArray(v) ? 'an array' : 'an object';
}

/** labels: Int32Array, any typed array or number[] of class indices. */
export function toLabels(labels, name = 'labels') {
  if (labels instanceof Int32Array) return labels;
  if (labels == null || typeof labels.length !== 'number') {
    throw invalid(`${name} must be an Int32Array or an array of class indices.`);
  }
  const out = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const v = Number(labels[i]);
    if (!Number.isInteger(v)) {
      throw new LabelScopeError({
        code: 'bad_label',
        example: i,
        message: `${name}[${i}] is ${String(labels[i])}, not a class index. Labels must be whole numbers 0..K-1.`,
      });
    }
    // Int32Array would wrap 2**31 to -2147483648: a silent change of label.
    if (v < INT32_MIN || v > INT32_MAX) {
      throw new LabelScopeError({
        code: 'label_out_of_range',
        example: i,
        message: `${name}[${i}] is ${v}, outside the class indices 0..K-1 (and beyond 32-bit integers).`,
      });
    }
    out[i] = v;
  }
  return out;
}

/**
 * predProbs: a flat Float64Array/Float32Array (row-major, with numClasses), or an array of rows.
 * Returns { probs, numClasses }.
 */
export function toPredProbs(predProbs, numClasses) {
  if (predProbs instanceof Float64Array || predProbs instanceof Float32Array) {
    if (!Number.isInteger(numClasses) || numClasses < 1) {
      throw invalid('A flat predProbs array needs numClasses (the number of columns).');
    }
    // The core takes K as a 32-bit count: 2**32 + 3 would silently become 3.
    if (numClasses > INT32_MAX || predProbs.length % numClasses !== 0) {
      throw invalid(
        `numClasses is ${numClasses}, but predProbs has ${predProbs.length} values: ` +
          'give the number of columns (a whole divisor of the length, below 2**31).',
      );
    }
    return { probs: predProbs, numClasses };
  }
  if (!Array.isArray(predProbs) || predProbs.length === 0 || typeof predProbs[0]?.length !== 'number') {
    throw invalid('predProbs must be a Float64Array/Float32Array with numClasses, or an array of rows.');
  }
  const k = predProbs[0].length;
  const probs = new Float64Array(predProbs.length * k);
  predProbs.forEach((row, i) => {
    if (row?.length !== k) {
      throw new LabelScopeError({
        code: 'ragged_row',
        example: i,
        message:
          `predProbs[${i}] has ${row?.length ?? 0} values but predProbs[0] has ${k}. ` +
          'Every row needs one probability per class.',
      });
    }
    for (let j = 0; j < k; j++) {
      // Float64Array would turn null into 0 and '0.5' into 0.5: only numbers are probabilities.
      if (typeof row[j] !== 'number') {
        throw new LabelScopeError({
          code: 'non_finite',
          example: i,
          classIndex: j,
          message: `predProbs[${i}][${j}] is ${describe(row[j])}, not a number. Every probability must be a number.`,
        });
      }
      probs[i * k + j] = row[j];
    }
  });
  return { probs, numClasses: k };
}

/** Throws for option names the method does not know (camelCase; cleanlab's snake_case gets a hint). */
export function checkOptions(method, options, allowed) {
  for (const key of Object.keys(options)) {
    if (allowed.includes(key)) continue;
    const camel = key.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
    const hint = allowed.includes(camel) ? ` Did you mean '${camel}'?` : ` Options: ${allowed.join(', ')}.`;
    throw invalid(`${method}: unknown option '${key}'.${hint}`);
  }
  checkOptionValues(method, options);
}

// The type of every option the core reads: without this check the core's conversion of a value
// of another type throws an Embind BindingError (no code) or silently converts it.
const OPTION_TYPES = {
  filterBy: 'string',
  returnIndicesRankedBy: 'string',
  rankBy: 'string',
  method: 'string',
  pyMethod: 'string',
  estimationMethod: 'string',
  labelColumn: 'string',
  fracNoise: 'number',
  minExamplesPerClass: 'number',
  adjustPredProbs: 'boolean',
  calibrate: 'boolean',
  convergeLatentEstimates: 'boolean',
  asymmetric: 'boolean',
  float32: 'boolean',
  allowUnnormalized: 'boolean',
  classNames: 'string[]',
  probabilityColumns: 'string[]',
  numToRemovePerClass: 'count[]',
  confidentJoint: 'counts',
  onProgress: 'function',
};

function typeProblem(type, value) {
  switch (type) {
    case 'string[]':
    case 'count[]': {
      if (!Array.isArray(value)) return `must be an array, not ${describe(value)}`;
      const item = type === 'string[]' ? (v) => typeof v === 'string' : (v) => Number.isSafeInteger(v) && v >= 0;
      const bad = value.findIndex((v) => !item(v));
      if (bad < 0) return null;
      return `[${bad}] is ${describe(value[bad])}, not ${type === 'string[]' ? 'text' : 'a whole number >= 0'}`;
    }
    case 'counts':
      return countsProblem(value);
    case 'number':
      return typeof value === 'number' && !Number.isNaN(value) ? null : `must be a number, not ${describe(value)}`;
    default:
      return typeof value === type
        ? null
        : `must be ${type === 'boolean' ? 'true or false' : `a ${type}`}, not ${describe(value)}`;
  }
}

// A confident joint: K rows of K whole, non-negative counts.
/** @param {ArrayLike<any>} rows */
function countsProblem(rows) {
  if (!Array.isArray(rows) && !ArrayBuffer.isView(rows)) return `must be a K x K array of rows, not ${describe(rows)}`;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row == null || typeof row.length !== 'number' || row.length !== rows.length) {
      return 'must be a square K x K matrix (an array of K rows of K counts)';
    }
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
        return `[${r}][${c}] is ${describe(v)}: counts must be whole numbers >= 0`;
      }
    }
  }
  return null;
}

/** Throws an invalid_option LabelScopeError naming the option whose value has the wrong type. */
export function checkOptionValues(method, options) {
  for (const [key, value] of Object.entries(options ?? {})) {
    const type = method === 'crossValProbs' && key === 'labelColumn' ? 'any' : OPTION_TYPES[key];
    if (type === undefined || type === 'any' || value === undefined || value === null) continue;
    const problem = typeProblem(type, value);
    if (problem) throw invalid(`${method}: ${key}${problem.startsWith('[') ? '' : ' '}${problem}.`);
  }
}

/**
 * start and count of Dataset.probabilityRows: whole numbers >= 0, start at most numExamples (the
 * core takes 32-bit sizes: 2**32 would wrap to row 0). Returns count limited to the rows there are.
 */
export function checkRowRange(start, count, numExamples) {
  for (const [name, v] of [
    ['start', start],
    ['count', count],
  ]) {
    if (!Number.isSafeInteger(v) || v < 0) {
      throw invalid(`probabilityRows: ${name} must be a whole number >= 0, not ${describe(v)}.`);
    }
  }
  if (start > numExamples) {
    throw invalid(`probabilityRows: start is ${start}, past the dataset's ${numExamples} rows.`);
  }
  return Math.min(count, numExamples - start);
}
