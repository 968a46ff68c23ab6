#!/usr/bin/env node
// Deterministic synthetic datasets for the benchmarks: N examples, K classes, ~10% flipped labels,
// probabilities from a simulated classifier. Written as labels.csv/.npy, pred_probs.csv (%.6g, as
// pandas' to_csv(float_format='%.6g') would) and pred_probs_f64/f32.npy into a cache outside the
// repo, reused when the manifest (generator version, seed, N, K) matches.
// Usage: node bench/generate.mjs [--quick] [--large] [--out DIR] [--seed S]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20240601;
export const dataRoot = () => process.env.LABELSCOPE_BENCH_DATA || '/tmp/labelscope-bench';

export const SIZES = {
  quick: [{ n: 10_000, k: 10 }],
  default: [
    { n: 10_000, k: 10 },
    { n: 100_000, k: 10 },
    { n: 1_000_000, k: 10 },
    { n: 10_000, k: 100 },
    { n: 100_000, k: 100 },
  ],
  large: [{ n: 1_000_000, k: 100 }],
};

export const sizeName = ({ n, k }) => `${n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`}x${k}`;

// sfc32: small, fast, and identical on every platform (Math.random is not seedable).
function rng(seed) {
  let a = 0x9e3779b9,
    b = 0x243f6a88,
    c = 0xb7e15162,
    d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  let spare = NaN;
  const normal = () => {
    // Box-Muller, both values used
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = NaN;
      return s;
    }
    const u = 1 - next(),
      v = next(),
      r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  return { next, normal };
}

const POW10 = Array.from({ length: 40 }, (_, i) => 10 ** i);
const DIGITS = new Int32Array(6);
const ZERO = 48,
  DOT = 46,
  E = 101,
  MINUS = 45,
  COMMA = 44,
  NL = 10;

// Rounds x in (0, 1] to 6 significant digits and writes it as C's %.6g into buf at pos.
// Returns [new pos, the double nearest to the written decimal] so the .npy files hold exactly
// what a correct CSV reader gets back (m / 10^s is correctly rounded: m < 2^53, 10^s exact).
function writeG6(buf, pos, x) {
  let e = Math.floor(Math.log10(x));
  let m = Math.round(x * POW10[5 - e]);
  if (m >= 1e6) {
    e += 1;
    m = Math.round(x * POW10[5 - e]);
  }
  if (m < 1e5) {
    e -= 1;
    m = Math.round(x * POW10[5 - e]);
  }
  const value = m / POW10[5 - e];
  const digits = DIGITS;
  for (let i = 5, t = m; i >= 0; i--, t = (t - (t % 10)) / 10) digits[i] = t % 10;
  let last = 5;
  while (last > 0 && digits[last] === 0) last--; // %g strips trailing zeros
  if (e >= -4) {
    if (e === 0) {
      buf[pos++] = ZERO + digits[0];
      if (last > 0) buf[pos++] = DOT;
      for (let i = 1; i <= last; i++) buf[pos++] = ZERO + digits[i];
    } else {
      buf[pos++] = ZERO;
      buf[pos++] = DOT;
      for (let i = 1; i < -e; i++) buf[pos++] = ZERO;
      for (let i = 0; i <= last; i++) buf[pos++] = ZERO + digits[i];
    }
  } else {
    buf[pos++] = ZERO + digits[0];
    if (last > 0) buf[pos++] = DOT;
    for (let i = 1; i <= last; i++) buf[pos++] = ZERO + digits[i];
    buf[pos++] = E;
    buf[pos++] = MINUS;
    const ex = -e;
    if (ex >= 100) buf[pos++] = ZERO + Math.floor(ex / 100);
    buf[pos++] = ZERO + (Math.floor(ex / 10) % 10);
    buf[pos++] = ZERO + (ex % 10);
  }
  return [pos, value];
}

function npyHeader(descr, shape) {
  const dict =
    `{'descr': '${descr}', 'fortran_order': False, 'shape': ` +
    `(${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const unpadded = 10 + dict.length + 1;
  const padded = Math.ceil(unpadded / 64) * 64;
  const header = Buffer.alloc(padded, 0x20);
  header.write('\x93NUMPY', 0, 'latin1');
  header[6] = 1;
  header[7] = 0;
  header.writeUInt16LE(padded - 10, 8);
  header.write(dict, 10, 'latin1');
  header[padded - 1] = NL;
  return header;
}

// The simulated classifier: the true class gets a strong but variable logit, each class has one
// "confusable" partner that gets some mass, and a flipped example's given label leaks a little
// (models partly memorise noisy labels).
function makeModel(r, k) {
  const prior = Float64Array.from({ length: k }, () => 0.5 + r.next());
  const cum = new Float64Array(k);
  let total = 0;
  for (let c = 0; c < k; c++) cum[c] = total += prior[c];
  const partner = Int32Array.from({ length: k }, (_, c) => (c + 1 + Math.floor(r.next() * (k - 1))) % k);
  const drawClass = () => {
    const u = r.next() * total;
    let lo = 0,
      hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return { drawClass, partner };
}

function generateFiles(dir, { n, k, seed }) {
  const r = rng(seed ^ (n * 31 + k));
  const model = makeModel(r, k);
  const labels = new Int32Array(n);
  const truth = new Int32Array(n);
  const csv = fs.openSync(path.join(dir, 'pred_probs.csv.tmp'), 'w');
  const f64 = fs.openSync(path.join(dir, 'pred_probs_f64.npy.tmp'), 'w');
  const f32 = fs.openSync(path.join(dir, 'pred_probs_f32.npy.tmp'), 'w');
  fs.writeSync(csv, Array.from({ length: k }, (_, c) => `class_${c}`).join(',') + '\n');
  fs.writeSync(f64, npyHeader('<f8', [n, k]));
  fs.writeSync(f32, npyHeader('<f4', [n, k]));
  const BLOCK = 4096;
  const text = Buffer.alloc(BLOCK * k * 13 + 16);
  const v64 = new Float64Array(BLOCK * k),
    v32 = new Float32Array(BLOCK * k);
  const z = new Float64Array(k);
  let flipped = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const rows = Math.min(BLOCK, n - start);
    let pos = 0;
    for (let i = 0; i < rows; i++) {
      const t = model.drawClass();
      let y = t;
      if (r.next() < 0.1) {
        y = r.next() < 0.5 ? model.partner[t] : (t + 1 + Math.floor(r.next() * (k - 1))) % k;
        flipped++;
      }
      truth[start + i] = t;
      labels[start + i] = y;
      for (let c = 0; c < k; c++) z[c] = 0.9 * r.normal();
      z[t] += Math.max(0, 3.2 + 1.3 * r.normal());
      z[model.partner[t]] += 1.2 * Math.abs(r.normal());
      if (y !== t) z[y] += 0.6 * Math.abs(r.normal());
      let max = -Infinity,
        sum = 0;
      for (let c = 0; c < k; c++) max = Math.max(max, z[c]);
      for (let c = 0; c < k; c++) sum += z[c] = Math.exp(z[c] - max);
      for (let c = 0; c < k; c++) {
        const at = i * k + c;
        let value;
        [pos, value] = writeG6(text, pos, Math.max(z[c] / sum, 1e-30));
        text[pos++] = c + 1 < k ? COMMA : NL;
        v64[at] = value;
        v32[at] = value;
      }
    }
    fs.writeSync(csv, text, 0, pos);
    fs.writeSync(f64, new Uint8Array(v64.buffer, 0, rows * k * 8));
    fs.writeSync(f32, new Uint8Array(v32.buffer, 0, rows * k * 4));
  }
  for (const fd of [csv, f64, f32]) fs.closeSync(fd);
  fs.writeFileSync(path.join(dir, 'labels.csv.tmp'), `label\n${labels.join('\n')}\n`);
  const l64 = BigInt64Array.from(labels, (v) => BigInt(v));
  fs.writeFileSync(
    path.join(dir, 'labels.npy.tmp'),
    Buffer.concat([npyHeader('<i8', [n]), new Uint8Array(l64.buffer)]),
  );
  fs.writeFileSync(
    path.join(dir, 'truth.npy.tmp'),
    Buffer.concat([npyHeader('<i4', [n]), new Uint8Array(truth.buffer)]),
  );
  return flipped;
}

const FILES = ['labels.csv', 'labels.npy', 'truth.npy', 'pred_probs.csv', 'pred_probs_f64.npy', 'pred_probs_f32.npy'];

function estimateBytes({ n, k }) {
  return n * k * (11 + 8 + 4) + n * 30; // CSV ~10-11 B per value, two .npy, labels
}

function checkSpace(dir, size) {
  const need = estimateBytes(size) * 1.1 + 256e6;
  const st = fs.statfsSync(dir);
  const free = st.bavail * st.bsize;
  if (free < need) {
    throw new Error(
      `Not enough disk space in ${dir} for ${sizeName(size)}: need ~${(need / 1e9).toFixed(1)} GB, ` +
        `${(free / 1e9).toFixed(1)} GB free. Set LABELSCOPE_BENCH_DATA to a larger disk.`,
    );
  }
}

/** Returns the dataset's folder and file paths, generating it unless a matching one is cached. */
export function ensureDataset(size, { root = dataRoot(), seed = DEFAULT_SEED, log = console.error } = {}) {
  const { n, k } = size;
  const dir = path.join(root, `${sizeName(size)}-s${seed}`);
  const manifestPath = path.join(dir, 'manifest.json');
  const files = Object.fromEntries(FILES.map((f) => [f, path.join(dir, f)]));
  try {
    const m = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    const intact = FILES.every((f) => fs.statSync(files[f]).size === m.bytes[f]);
    if (m.version === GENERATOR_VERSION && m.seed === seed && m.n === n && m.k === k && intact) {
      return { ...size, name: sizeName(size), dir, files, manifest: m };
    }
  } catch {
    /* missing or stale: regenerate */
  }
  fs.mkdirSync(dir, { recursive: true });
  checkSpace(dir, size);
  const t0 = performance.now();
  log(`generating ${sizeName(size)} into ${dir} ...`);
  const flipped = generateFiles(dir, { n, k, seed });
  for (const f of FILES) fs.renameSync(files[f] + '.tmp', files[f]);
  const bytes = Object.fromEntries(FILES.map((f) => [f, fs.statSync(files[f]).size]));
  const manifest = { version: GENERATOR_VERSION, seed, n, k, flipped, bytes };
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 1));
  log(
    `  ${sizeName(size)}: ${(bytes['pred_probs.csv'] / 1e6).toFixed(1)} MB CSV, ${flipped} flipped, ` +
      `${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return { ...size, name: sizeName(size), dir, files, manifest };
}

export function sizesFor({ quick = false, large = false } = {}) {
  if (quick) return SIZES.quick;
  return large ? [...SIZES.default, ...SIZES.large] : SIZES.default;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      large: { type: 'boolean' },
      out: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const root = values.out ?? dataRoot();
  const seed = values.seed ? Number(values.seed) : DEFAULT_SEED;
  for (const size of sizesFor(values)) {
    const d = ensureDataset(size, { root, seed });
    console.log(`${d.name}\t${d.dir}`);
  }
}

/**
 * JSON text for a committed results file without this machine's paths (a clone has neither the
 * checkout's place nor its temp folder): the repository becomes '', the data folder '<data>'.
 */
export function withoutMachinePaths(text) {
  const repoDir = fileURLToPath(new URL('..', import.meta.url));
  return text
    .replaceAll(pathToFileURL(repoDir).href, '')
    .replaceAll(repoDir, '')
    .replaceAll(dataRoot(), '<data>')
    .replaceAll(os.tmpdir(), '<tmp>');
}
