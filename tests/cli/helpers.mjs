// Shared helpers of the CLI tests: run the CLI, read golden cases, compare numbers, parse CSV,
// write .npy files.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = path.join(ROOT, 'src/cli/labelscope.mjs');
export const GOLDEN = path.join(ROOT, 'tests/fixtures/golden');
export const HEADLINES = path.join(ROOT, 'examples/headlines');
// The native CLI (npm run build:native); LABELSCOPE_NATIVE_CLI points at another build of it.
export const NATIVE_CLI = process.env.LABELSCOPE_NATIVE_CLI || path.join(ROOT, 'dist/native/labelscope');
// LABELSCOPE_CLI=native runs the suites that use runCli/runCliAsync against the native CLI.
const DEFAULT_CLI = process.env.LABELSCOPE_CLI === 'native' ? 'native' : 'node';

/** [program, argv] that run the Node CLI ('node') or the native one ('native') with `args`. */
export function cliCommand(args, which = DEFAULT_CLI) {
  return which === 'native' ? [NATIVE_CLI, args] : [process.execPath, [CLI, ...args]];
}

/** Runs the CLI to completion: {status, stdout, stderr}. */
export function runCli(args, options = {}, which = DEFAULT_CLI) {
  const r = spawnSync(...cliCommand(args, which), { cwd: ROOT, encoding: 'utf8', ...options });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking, so independent runs overlap (the golden suite runs ~150). */
export function runCliAsync(args, which = DEFAULT_CLI, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(...cliCommand(args, which), { cwd: ROOT, ...options });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({
        status,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

/** Runs a successful command and returns its parsed JSON (fails with the stderr otherwise). */
export function jsonOf(result) {
  if (result.status !== 0) throw new Error(`exit ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** Limits how many promises from `tasks` (functions) run at once. */
export async function limited(tasks, concurrency = Math.max(2, os.availableParallelism())) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

function setPointer(root, pointer, value) {
  const keys = pointer
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  let at = root;
  for (const key of keys.slice(0, -1)) at = at[key];
  at[keys.at(-1)] = value;
}

/**
 * The single-label golden cases: {name, dir, labels, predProbs, expected}, where `expected` has
 * every tie_sensitive path replaced by its stable-sort value (docs/ALGORITHMS.md §17).
 */
export function goldenCases() {
  const cases = [];
  for (const name of fs.readdirSync(GOLDEN).sort()) {
    const dir = path.join(GOLDEN, name);
    const file = path.join(dir, 'expected.json');
    if (!fs.existsSync(file)) continue;
    const expected = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (name === 'multilabel_tiny_k3' || expected.meta?.multilabel) continue; // multilabel.test.mjs
    for (const pointer of expected.tie_sensitive ?? []) {
      setPointer(expected, pointer, expected.stable_sort_values[pointer]);
    }
    cases.push({
      name,
      dir,
      labels: path.join(dir, 'labels.csv'),
      predProbs: path.join(dir, 'pred_probs.csv'),
      expected,
    });
  }
  return cases;
}

const asNumber = (x) => (typeof x === 'string' ? Number(x) : x); // "NaN", "Infinity" in the oracle

/** True if a and b agree within `tol` relative (exactly equal, incl. both zero or both NaN). */
export function closeRel(a, b, tol) {
  a = asNumber(a);
  b = asNumber(b);
  if (Object.is(a, b) || a === b) return true;
  return Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b));
}

/** Throws with the first differing position if two numeric arrays (or matrices) disagree. */
export function assertAllClose(actual, expected, tol, what) {
  const flat = (m) => (Array.isArray(m[0]) ? m.flat() : m);
  const a = flat(actual);
  const e = flat(expected);
  if (a.length !== e.length) throw new Error(`${what}: length ${a.length}, expected ${e.length}`);
  for (let i = 0; i < a.length; i++) {
    if (!closeRel(a[i], e[i], tol)) throw new Error(`${what}[${i}]: ${a[i]}, expected ${e[i]} (rel. tol ${tol})`);
  }
}

/** Minimal RFC 4180 parser: rows of string fields (quoted fields may hold , " and newlines). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Bytes of a NumPy format 1.0 .npy file (little-endian '<f8' or '<i8', C order). */
export function npyBytes(values, shape, descr) {
  let header =
    `{'descr': '${descr}', 'fortran_order': False, 'shape': ` +
    `(${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const prefix = 10; // magic (6) + version (2) + header length (2)
  header += ' '.repeat(64 - ((prefix + header.length + 1) % 64)) + '\n';
  const head = Buffer.alloc(prefix + header.length);
  head.write('\x93NUMPY', 0, 'latin1');
  head[6] = 1;
  head[7] = 0;
  head.writeUInt16LE(header.length, 8);
  head.write(header, prefix, 'latin1');
  const data = descr === '<i8' ? new BigInt64Array(values.map(BigInt)) : new Float64Array(values);
  return Buffer.concat([head, Buffer.from(data.buffer)]);
}

/** Labels and probability rows of a labels.csv / pred_probs.csv pair (plain numeric CSV). */
export function readCsvPair(labelsFile, predProbsFile) {
  const body = (f) => fs.readFileSync(f, 'utf8').trim().split(/\r?\n/).slice(1);
  return {
    labels: body(labelsFile).map(Number),
    rows: body(predProbsFile).map((line) => line.split(',').map(Number)),
  };
}

export function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'labelscope-cli-'));
}
