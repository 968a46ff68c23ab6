// Seeded many-class datasets (ImageNet-sized: 50,000 x 1,000; K = 10,000): labels.npy (<i8),
// pred_probs.npy (<f4, N x K, dense softmax rows as a real classifier gives), class_names.txt.
// No CSV: at these sizes people bring .npy, and a 50,000 x 1,000 CSV would be ~550 MB.
// ~8% of labels are flipped (half to the class's "confusable" partner, as in ImageNet's
// near-duplicate classes), so the confused pairs have a clear top.
// Used by bench/many-classes.mjs and tests/e2e/many-classes.spec.mjs (in memory, smaller).
import fs from 'node:fs';
import path from 'node:path';

export const MANY_CLASSES_VERSION = 1;

// xorshift32: seedable and the same on every platform (enough for test data).
function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

function npyHeader(descr, shape) {
  const dict =
    `{'descr': '${descr}', 'fortran_order': False, 'shape': ` +
    `(${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const padded = Math.ceil((10 + dict.length + 1) / 64) * 64;
  const header = Buffer.alloc(padded, 0x20);
  header.write('\x93NUMPY', 0, 'latin1');
  header[6] = 1;
  header.writeUInt16LE(padded - 10, 8);
  header.write(dict, 10, 'latin1');
  header[padded - 1] = 10;
  return header;
}

/** Class names like ImageNet's: a word and a number, all distinct ("heron 17"). */
export function manyClassNames(k) {
  const words = [
    'tabby',
    'heron',
    'kite',
    'mantis',
    'violin',
    'teapot',
    'lynx',
    'otter',
    'canoe',
    'lemon',
    'beagle',
    'mitten',
    'geyser',
    'anvil',
    'puffin',
    'yurt',
    'banjo',
    'quail',
    'tulip',
    'walrus',
  ];
  return Array.from({ length: k }, (_, c) => `${words[c % words.length]} ${c}`);
}

/**
 * In memory: { labels: Int32Array, probs: Float32Array (N x K), classNames, partner, truth }.
 * Each row: small noise on every class, a strong true class, some mass on its partner; a flipped
 * row's given label leaks a little (models partly memorise noisy labels).
 */
export function manyClasses({ n, k, seed = 7 }) {
  const r = rng(seed ^ (n * 31 + k));
  const partner = Int32Array.from({ length: k }, (_, c) => (c + 1 + Math.floor(r() * (k - 1))) % k);
  const labels = new Int32Array(n);
  const truth = new Int32Array(n);
  const probs = new Float32Array(n * k);
  const z = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const t = Math.floor(r() * k);
    let y = t;
    if (r() < 0.08) y = r() < 0.5 ? partner[t] : (t + 1 + Math.floor(r() * (k - 1))) % k;
    truth[i] = t;
    labels[i] = y;
    let sum = 0;
    for (let c = 0; c < k; c++) sum += z[c] = 0.2 + r();
    const top = sum * (2 + 8 * r());
    z[t] += top;
    z[partner[t]] += top * 0.6 * r();
    if (y !== t) z[y] += top * 0.3 * r();
    sum = 0;
    for (let c = 0; c < k; c++) sum += z[c];
    const row = i * k;
    for (let c = 0; c < k; c++) probs[row + c] = z[c] / sum;
  }
  return { labels, truth, probs, classNames: manyClassNames(k), partner };
}

/** The three files' bytes: labels.npy, pred_probs.npy, class_names.txt. */
export function manyClassFiles(data) {
  const { labels, probs, classNames } = data;
  const n = labels.length;
  const k = classNames.length;
  const l64 = BigInt64Array.from(labels, (v) => BigInt(v));
  return {
    'labels.npy': Buffer.concat([npyHeader('<i8', [n]), new Uint8Array(l64.buffer)]),
    'pred_probs.npy': Buffer.concat([
      npyHeader('<f4', [n, k]),
      new Uint8Array(probs.buffer, probs.byteOffset, probs.byteLength),
    ]),
    'class_names.txt': Buffer.from(`${classNames.join('\n')}\n`),
  };
}

/** Writes (or reuses, when its manifest matches) the dataset in root/<n>x<k>-many; returns its folder. */
export function ensureManyClasses({ n, k, seed = 7 }, root, log = console.error) {
  const dir = path.join(root, `${n}x${k}-many`);
  const manifestPath = path.join(dir, 'manifest.json');
  try {
    const m = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    if (
      m.version === MANY_CLASSES_VERSION &&
      m.n === n &&
      m.k === k &&
      m.seed === seed &&
      Object.entries(m.bytes).every(([f, b]) => fs.statSync(path.join(dir, f)).size === b)
    )
      return dir;
  } catch {
    /* missing or stale */
  }
  fs.mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  log(`generating ${n} x ${k} (many classes) into ${dir} ...`);
  const files = manyClassFiles(manyClasses({ n, k, seed }));
  const bytes = {};
  for (const [name, buffer] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), buffer);
    bytes[name] = buffer.length;
  }
  fs.writeFileSync(manifestPath, JSON.stringify({ version: MANY_CLASSES_VERSION, n, k, seed, bytes }, null, 1));
  log(`  ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return dir;
}
