// @ts-check
// The core hands matrices and lists of small records over as typed arrays, which costs a few
// calls instead of one per element or field (a K = 100 audit has five 100 x 100 matrices and
// 4,950 overlapping class pairs); here they become the documented nested arrays and objects.

/** { shape: [rows, cols], values: Float64Array } -> an array of row arrays. */
function isMatrix(value) {
  return (
    value !== null && typeof value === 'object' && Array.isArray(value.shape) && value.values instanceof Float64Array
  );
}

function matrixRows({ shape: [rows, cols], values }) {
  const out = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const row = new Array(cols);
    for (let c = 0; c < cols; c++) row[c] = values[r * cols + c];
    out[r] = row;
  }
  return out;
}

/** { classA: Int32Array, classB, numOverlappingExamples, jointProbability } -> [{ classA, ... }]. */
function overlapRecords(columns) {
  const { classA, classB, numOverlappingExamples, jointProbability } = columns;
  return Array.from(classA, (a, i) => ({
    classA: a,
    classB: classB[i],
    numOverlappingExamples: numOverlappingExamples[i],
    jointProbability: jointProbability[i],
  }));
}

// Above these sizes (K > 100) a matrix or the overlapping pairs are shaped when first read: an
// audit at K = 5,000 holds five 25M-cell matrices and 12.5M pairs that a worker only forwards
// flat (src/js/report-transfer.js) and a page mostly never reads.
const LAZY_CELLS = 10_000;
const LAZY_PAIRS = 5_000;
const FLAT = Symbol('flat');

/**
 * The flat core form ({shape, values} or pair columns) of result[key] while it is not yet shaped,
 * else undefined.
 * @param {any} result @param {string} key
 */
export function flatPart(result, key) {
  return Object.getOwnPropertyDescriptor(result, key)?.get ? result[FLAT]?.[key] : undefined;
}

/** @param {any} result @param {string} key @param {any} flat @param {(flat: any) => any} shape */
function shapeWhenRead(result, key, flat, shape) {
  if (!Object.prototype.hasOwnProperty.call(result, FLAT)) Object.defineProperty(result, FLAT, { value: {} });
  result[FLAT][key] = flat;
  const plain = (value) =>
    Object.defineProperty(result, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  Object.defineProperty(result, key, {
    enumerable: true,
    configurable: true,
    get() {
      return plain(shape(flat))[key];
    },
    set(value) {
      plain(value);
    },
  });
}

/** A core result (audit report, health summary, confident joint, ...) in its documented shape. */
export function fromCore(result) {
  if (result === null || typeof result !== 'object') return result;
  for (const [key, value] of Object.entries(result)) {
    if (!isMatrix(value)) continue;
    if (value.values.length > LAZY_CELLS) shapeWhenRead(result, key, value, matrixRows);
    else result[key] = matrixRows(value);
  }
  const overlaps = result.overlappingClasses;
  if (overlaps && !Array.isArray(overlaps)) {
    if (overlaps.classA.length > LAZY_PAIRS) shapeWhenRead(result, 'overlappingClasses', overlaps, overlapRecords);
    else result.overlappingClasses = overlapRecords(overlaps);
  }
  return result;
}
