// @ts-check
// An audit report crossing from the worker to the page: its K x K matrices travel as flat
// Float64Arrays (transferred, not copied) and its K(K-1)/2 overlapping class pairs as columns.
// Cloned as nested arrays and records they cost the page's main thread ~0.7 s at K = 1,000
// (5 matrices of 1M numbers, 499,500 records). The page gets the documented shapes back, built on
// first read of each property, so what it never reads (most matrices) is never built.

import { flatPart } from './records.js';

const PACKED = Symbol('packed');
const MATRIX_KEYS = ['confidentJoint', 'confidentJointUncalibrated', 'joint', 'noiseMatrix', 'inverseNoiseMatrix'];

/** @param {number[][]} rows @returns {{ shape: [number, number], values: Float64Array }} */
function flatMatrix(rows) {
  const k = rows.length;
  const cols = k ? rows[0].length : 0;
  const values = new Float64Array(k * cols);
  for (let r = 0; r < k; r++) values.set(rows[r], r * cols);
  return { shape: [k, cols], values };
}

/** @param {{ shape: [number, number], values: Float64Array }} m @returns {number[][]} */
function nestedMatrix({ shape: [k, cols], values }) {
  const out = new Array(k);
  for (let r = 0; r < k; r++) out[r] = Array.from(values.subarray(r * cols, (r + 1) * cols));
  return out;
}

/** @param {any[]} records */
function overlapColumns(records) {
  const n = records.length;
  const classA = new Int32Array(n),
    classB = new Int32Array(n);
  const numOverlappingExamples = new Float64Array(n),
    jointProbability = new Float64Array(n);
  records.forEach((o, i) => {
    classA[i] = o.classA;
    classB[i] = o.classB;
    numOverlappingExamples[i] = o.numOverlappingExamples;
    jointProbability[i] = o.jointProbability;
  });
  return { classA, classB, numOverlappingExamples, jointProbability };
}

/** @param {any} c */
function overlapRecords(c) {
  return Array.from(c.classA, (a, i) => ({
    classA: a,
    classB: c.classB[i],
    numOverlappingExamples: c.numOverlappingExamples[i],
    jointProbability: c.jointProbability[i],
  }));
}

/**
 * In the worker: the report with its matrices and overlaps packed (marked `packed`). Returns
 * { report, transfer } (the buffers to transfer).
 * @param {any} report
 */
export function packReport(report) {
  if (!report || typeof report !== 'object') return report;
  const packed = { packed: {} };
  for (const key of Object.keys(report)) {
    // Not shaped yet (src/js/records.js, K > 100): forwarded as the core gave it, never built.
    const flat = flatPart(report, key);
    if (flat && (MATRIX_KEYS.includes(key) || key === 'overlappingClasses')) packed.packed[key] = flat;
    else if (MATRIX_KEYS.includes(key) && isSparseMatrix(report[key]))
      packed.packed[key] = report[key]; // as it is
    else if (MATRIX_KEYS.includes(key) && Array.isArray(report[key])) packed.packed[key] = flatMatrix(report[key]);
    else if (key === 'overlappingClasses' && Array.isArray(report[key]))
      packed.packed[key] = overlapColumns(report[key]);
    else packed[key] = report[key];
  }
  return packed;
}

/** The buffers of a packed report's matrices and columns (to transfer with it). @param {any} report */
export function packedBuffers(report) {
  const buffers = new Set();
  for (const value of Object.values(report?.packed ?? {})) {
    for (const part of Object.values(value)) {
      if (ArrayBuffer.isView(part) && part.buffer instanceof ArrayBuffer) buffers.add(part.buffer);
    }
  }
  return [...buffers];
}

/**
 * On the page: the documented report, each packed property unpacked when first read (then a plain
 * property). A report that was not packed is returned as it is.
 * @param {any} report
 */
export function unpackReport(report) {
  if (!report?.packed) return report;
  const { packed } = report;
  delete report.packed;
  Object.defineProperty(report, PACKED, { value: packed }); // for matrixCells
  for (const [key, value] of Object.entries(packed)) {
    if (isSparseMatrix(value)) {
      // audit's matrices: 'sparse' stays sparse; its buffers were only transferred
      report[key] = value;
      continue;
    }
    const build = key === 'overlappingClasses' ? () => overlapRecords(value) : () => nestedMatrix(value);
    Object.defineProperty(report, key, {
      configurable: true,
      enumerable: true,
      get() {
        const built = build();
        Object.defineProperty(report, key, { value: built, writable: true, configurable: true, enumerable: true });
        return built;
      },
      set(v) {
        Object.defineProperty(report, key, { value: v, writable: true, configurable: true, enumerable: true });
      },
    });
  }
  return report;
}

/**
 * Whether a report's matrix is in the sparse form of audit's `matrices: 'sparse'`:
 * { shape: [K, K], row, col, value }, its non-zero cells in row-major order.
 * @param {any} m
 */
export function isSparseMatrix(m) {
  return m !== null && typeof m === 'object' && m.row instanceof Int32Array && m.value instanceof Float64Array;
}

/**
 * A sparse matrix as cells: { k, at(i, j), sparse: { row, col, value, rowStart } } (rowStart[i]:
 * where row i's cells begin; cells not listed are 0).
 * @param {{ shape: [number, number], row: Int32Array, col: Int32Array, value: Float64Array }} m
 */
export function sparseCells({ shape: [k], row, col, value }) {
  const rowStart = new Int32Array(k + 1);
  for (let e = 0; e < row.length; e++) rowStart[row[e] + 1]++;
  for (let i = 0; i < k; i++) rowStart[i + 1] += rowStart[i];
  const at = (i, j) => {
    let lo = rowStart[i],
      hi = rowStart[i + 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (col[mid] < j) lo = mid + 1;
      else hi = mid;
    }
    return lo < rowStart[i + 1] && col[lo] === j ? value[lo] : 0;
  };
  return { k, at, sparse: { row, col, value, rowStart } };
}

/**
 * A report's matrix as nested rows whatever its form (a sparse one is made dense: K x K numbers).
 * @param {any} m @returns {number[][]}
 */
export function denseRows(m) {
  if (!isSparseMatrix(m)) return m;
  const [k, cols] = m.shape;
  const rows = Array.from({ length: k }, () => new Array(cols).fill(0));
  for (let e = 0; e < m.row.length; e++) rows[m.row[e]][m.col[e]] = m.value[e];
  return rows;
}

/**
 * A report's K x K matrix as { k, at(i, j) }, read from the flat values while the property is still
 * packed (K = 10,000: 100M numbers never become nested arrays), from the listed cells of a sparse
 * matrix (audit's `matrices: 'sparse'`), else from the nested rows.
 * @param {any} report @param {string} key
 */
export function matrixCells(report, key) {
  const packed = report[PACKED]?.[key];
  const own = Object.getOwnPropertyDescriptor(report, key);
  if (packed && own?.get) {
    const {
      shape: [k, cols],
      values,
    } = packed;
    return { k, at: (i, j) => values[i * cols + j], values, cols };
  }
  const rows = report[key];
  if (isSparseMatrix(rows)) return sparseCells(rows);
  return { k: rows.length, at: (i, j) => rows[i][j] };
}
