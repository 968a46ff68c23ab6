// Normalises what callers pass (typed arrays, plain arrays, array of rows) into the typed arrays
// the WebAssembly core takes, and checks option names so a typo never silently means "default".
import { invalid, LabelScopeError } from './errors.js';

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
        code: 'bad_label', example: i,
        message: `${name}[${i}] is ${String(labels[i])}, not a class index. Labels must be whole numbers 0..K-1.`,
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
        code: 'ragged_row', example: i,
        message: `predProbs row ${i} has ${row?.length ?? 0} values but row 0 has ${k}. Every row needs one probability per class.`,
      });
    }
    for (let j = 0; j < k; j++) probs[i * k + j] = row[j];
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
}
