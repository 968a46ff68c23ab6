// Shared by the tests/js suites: one loaded core, golden-case loading and tolerant comparisons.
// (Not a test file itself: node --test only runs *.test.mjs here.)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker as NodeWorker } from 'node:worker_threads';

import { createLabelScope, LabelScopeError } from '../../src/js/index.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const GOLDEN = `${ROOT}tests/fixtures/golden/`;

let corePromise = null;
/** One LabelScope per test file (the module takes ~100 ms to instantiate). */
export function labelScope() {
  corePromise ??= createLabelScope();
  return corePromise;
}

// Relative tolerances (docs/ALGORITHMS.md §2.3, §16.2): outputs of + - * / only, and outputs through log/exp.
export const REL_ARITH = 1e-12;
export const REL_LOGEXP = 1e-10;

/** Every golden case directory name, sorted. */
export function goldenCaseNames() {
  return readdirSync(GOLDEN)
    .filter((name) => statSync(GOLDEN + name).isDirectory())
    .sort();
}

/** Parses a small CSV of numbers with a header row (the golden files: plain decimal text). */
function parseNumberCsv(text, file) {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const header = lines.shift().split(',');
  return {
    header,
    rows: lines.map((line, i) => {
      const cells = line.split(',');
      assert.equal(cells.length, header.length, `${file}: row ${i + 2} has ${cells.length} cells`);
      return cells.map((cell) => {
        const v = Number(cell); // ECMAScript number parsing is correctly rounded for <= 20 digits
        assert.ok(cell.trim() !== '' && !Number.isNaN(v), `${file}: row ${i + 2}: '${cell}' is not a number`);
        return v;
      });
    }),
  };
}

/** JSON paths like "/dataset/find_overlapping_classes__asymmetric" (RFC 6901). */
function setPointer(root, pointer, value) {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = root;
  for (const part of parts.slice(0, -1)) {
    assert.ok(node[part] !== undefined, `stable_sort_values path ${pointer} does not exist in expected.json`);
    node = node[part];
  }
  node[parts.at(-1)] = value;
}

/**
 * Loads a golden case: labels (Int32Array), predProbs as rows (number[][]) and flat (Float64Array),
 * and expected.json with every tie_sensitive path replaced by its stable-sort value (docs/ALGORITHMS.md §17).
 * Throws (so the test fails) if any file is missing or malformed.
 */
export function loadGoldenCase(name) {
  const dir = `${GOLDEN}${name}/`;
  const expected = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8'));
  const labelsCsv = parseNumberCsv(readFileSync(`${dir}labels.csv`, 'utf8'), `${name}/labels.csv`);
  const probsCsv = parseNumberCsv(readFileSync(`${dir}pred_probs.csv`, 'utf8'), `${name}/pred_probs.csv`);
  assert.deepEqual(labelsCsv.header, ['label'], `${name}/labels.csv header`);
  const labels = Int32Array.from(labelsCsv.rows, (r) => r[0]);
  const rows = probsCsv.rows;
  const k = probsCsv.header.length;
  const flat = new Float64Array(rows.length * k);
  rows.forEach((row, i) => flat.set(row, i * k));
  assert.equal(labels.length, expected.meta.N, `${name}: N`);
  assert.equal(rows.length, expected.meta.N, `${name}: pred_probs rows`);
  assert.equal(k, expected.meta.K, `${name}: K`);
  for (const path of expected.tie_sensitive ?? []) {
    assert.ok(path in (expected.stable_sort_values ?? {}), `${name}: no stable_sort_values for ${path}`);
  }
  for (const [path, value] of Object.entries(expected.stable_sort_values ?? {})) setPointer(expected, path, value);
  return {
    name,
    dir,
    expected,
    labels,
    rows,
    flat,
    numClasses: k,
    n: rows.length,
    labelsText: readFileSync(`${dir}labels.csv`),
    probsText: readFileSync(`${dir}pred_probs.csv`),
  };
}

/** Recorded non-finite floats are strings. */
export function num(v) {
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return v;
}

/** true if a and b agree within rel (relative to the larger magnitude); NaN equals NaN. */
export function closeRel(a, b, rel) {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
}

/** Element-wise relative comparison of two number lists (typed arrays or arrays). */
export function assertClose(actual, expected, rel, what) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const e = num(expected[i]);
    assert.ok(
      closeRel(actual[i], e, rel),
      `${what}[${i}]: got ${actual[i]}, expected ${e} (relative tolerance ${rel})`,
    );
  }
}

/** K x K matrices (number[][]), element-wise. */
export function assertMatrixClose(actual, expected, rel, what) {
  assert.ok(Array.isArray(actual), `${what}: not an array of rows`);
  assert.equal(actual.length, expected.length, `${what}: rows`);
  expected.forEach((row, r) => assertClose(actual[r], row, rel, `${what}[${r}]`));
}

/** Exact integer list (Int32Array / number[]) equality against a recorded list. */
export function assertIndices(actual, expected, what) {
  assert.deepEqual(Array.from(actual), expected, what);
}

/** A 0/1 mask of length n whose set positions are exactly `expectedIndices` (sorted). */
export function assertMask(mask, expectedIndices, n, what) {
  assert.ok(mask instanceof Uint8Array, `${what}: mask is a Uint8Array`);
  assert.equal(mask.length, n, `${what}: mask length`);
  const set = [];
  mask.forEach((v, i) => {
    assert.ok(v === 0 || v === 1, `${what}: mask[${i}] = ${v}`);
    if (v) set.push(i);
  });
  assert.deepEqual(set, expectedIndices, `${what}: flagged set`);
}

/**
 * A ranking by scores computed through log/exp: the same examples, in an order that may differ
 * from the recorded one only by swapping examples whose scores agree within `rel`.
 */
export function assertRankedByScores(actual, expected, scores, rel, what) {
  const got = Array.from(actual);
  assert.deepEqual(
    [...got].sort((a, b) => a - b),
    [...expected].sort((a, b) => a - b),
    `${what}: flagged set`,
  );
  for (let i = 0; i < got.length; i++) {
    if (got[i] === expected[i]) continue;
    assert.ok(
      closeRel(scores[got[i]], scores[expected[i]], rel),
      `${what}: position ${i} holds ${got[i]} (score ${scores[got[i]]}) but cleanlab has ${expected[i]} ` +
        `(score ${scores[expected[i]]}); only near-equal scores may swap`,
    );
  }
  // Within our own ranking, scores never decrease.
  for (let i = 1; i < got.length; i++) {
    assert.ok(scores[got[i - 1]] <= scores[got[i]], `${what}: ranking not ascending at position ${i}`);
  }
}

/** Asserts `fn` throws a LabelScopeError with `code` (and the given location fields, if any). */
export async function assertLabelScopeError(fn, code, fields = {}) {
  let error = null;
  try {
    await fn();
  } catch (e) {
    error = e;
  }
  assert.ok(error, `expected a LabelScopeError with code '${code}', but nothing was thrown`);
  assert.ok(error instanceof LabelScopeError, `expected a LabelScopeError, got ${error?.name}: ${error?.message}`);
  assert.equal(error.code, code, `error code (message: ${error.message})`);
  for (const [key, value] of Object.entries(fields)) {
    assert.equal(error[key], value, `error.${key} (message: ${error.message})`);
  }
  return error;
}

/** The LabelScopeError a promise is refused with (fails when it resolves or throws anything else). */
export async function refusal(promise) {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof LabelScopeError, String(e));
    return e;
  }
  return assert.fail('not refused');
}

/** An async iterable that yields `bytes` in pieces of `size` bytes (chunk-boundary tests). */
export async function* chunked(bytes, size) {
  for (let at = 0; at < bytes.byteLength; at += size) yield bytes.slice(at, at + size);
}

/** The bytes of a .npy v1.0 file holding a C-order float64 (or float32) N x K array. */
export function npyBytes(flat, rows, cols, dtype = '<f8') {
  const header0 = `{'descr': '${dtype}', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
  const unpadded = 10 + header0.length + 1; // magic(6) version(2) len(2) + header + '\n'
  const pad = (64 - (unpadded % 64)) % 64;
  const header = header0 + ' '.repeat(pad) + '\n';
  const itemSize = dtype.endsWith('8') ? 8 : 4;
  const out = new Uint8Array(10 + header.length + rows * cols * itemSize);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0); // \x93NUMPY v1.0
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(new TextEncoder().encode(header), 10);
  const body = new DataView(out.buffer, 10 + header.length);
  for (let i = 0; i < rows * cols; i++) {
    if (itemSize === 8) body.setFloat64(i * 8, flat[i], true);
    else body.setFloat32(i * 4, flat[i], true);
  }
  return out;
}

/**
 * Just enough of the browser's module Worker for worker-client.js: worker.js runs in a
 * worker_threads thread (node-worker-shim.mjs). onStart(url, options) sees each construction.
 */
export function moduleWorkerInNode(onStart = () => {}) {
  return class ModuleWorkerInNode {
    constructor(url, options) {
      onStart(String(url), options);
      this.thread = new NodeWorker(new URL('./node-worker-shim.mjs', import.meta.url), {
        workerData: { url: String(url) },
      });
      this.thread.on('message', (data) => this.onmessage?.({ data }));
      this.thread.on('error', (error) => this.onerror?.({ message: error.message }));
    }
    postMessage(message, transfer) {
      this.thread.postMessage(message, transfer);
    }
    terminate() {
      this.thread.terminate();
    }
  };
}
