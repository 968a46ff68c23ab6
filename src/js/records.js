// @ts-check
// The core hands matrices and lists of small records over as typed arrays, which costs a few
// calls instead of one per element or field (a K = 100 audit has five 100 x 100 matrices and
// 4,950 overlapping class pairs); here they become the documented nested arrays and objects.

/** { shape: [rows, cols], values: Float64Array } -> an array of row arrays. */
function isMatrix(value) {
  return value !== null && typeof value === 'object' && Array.isArray(value.shape) && value.values instanceof Float64Array;
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
    classA: a, classB: classB[i], numOverlappingExamples: numOverlappingExamples[i], jointProbability: jointProbability[i],
  }));
}

/** A core result (audit report, health summary, confident joint, ...) in its documented shape. */
export function fromCore(result) {
  if (result === null || typeof result !== 'object') return result;
  for (const [key, value] of Object.entries(result)) {
    if (isMatrix(value)) result[key] = matrixRows(value);
  }
  const overlaps = result.overlappingClasses;
  if (overlaps && !Array.isArray(overlaps)) result.overlappingClasses = overlapRecords(overlaps);
  return result;
}
