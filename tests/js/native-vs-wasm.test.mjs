// Native and WebAssembly builds give identical results (docs/ARCHITECTURE.md §3): the same seeded random data
// through the native core (build-native/labelscope_audit_dump, tests/tools/audit_dump.cpp) and
// through the public JS API on the WASM module (audit on arrays, auditAsync, readDataset + audit;
// out-of-distribution scores),
// compared exactly: every double bit for bit (the tool prints %.17g), every index, count and
// warning. The dump has the shape of the JS API's audit() result, so nothing is re-encoded here
// except typed arrays (to arrays) and non-finite numbers (to the strings the tool prints).
//
// LABELSCOPE_NATIVE_BUILD overrides build-native/; LABELSCOPE_CORE names another build of
// labelscope-core.mjs to compare (default: the one the API loads, dist/wasm/).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { createLabelScope } from '../../src/js/index.js';
import { npyBytes, ROOT } from './helpers.mjs';

const NATIVE_BUILD = resolve(process.env.LABELSCOPE_NATIVE_BUILD ?? join(ROOT, 'build-native'));
const TOOL = join(NATIVE_BUILD, 'labelscope_audit_dump');

// ---- seeded data ------------------------------------------------------------------------------

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * n x k softmax outputs of a simulated classifier, ~20% of labels flipped. ties: probabilities
 * rounded to 2 decimals (rows then need not sum to 1: warnings) and ~10% exact duplicate rows.
 * unused: one class never appears as a label (absent-class paths).
 */
function makeData({ seed, n, k, ties = false, unused = false }) {
  const rand = mulberry32(seed);
  const labelClasses = unused ? k - 1 : k;
  const labels = new Int32Array(n);
  const probs = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    if (ties && i > 0 && rand() < 0.1) {
      const j = Math.floor(rand() * i);
      labels[i] = labels[j];
      probs.copyWithin(i * k, j * k, (j + 1) * k);
      continue;
    }
    const truth = Math.floor(rand() * k);
    const logits = Array.from(
      { length: k },
      (_, c) => (rand() + rand() + rand()) * 2 + (c === truth ? 1 + rand() * 4 : 0),
    );
    const max = Math.max(...logits);
    const e = logits.map((x) => Math.exp(x - max));
    const sum = e.reduce((s, x) => s + x, 0);
    for (let c = 0; c < k; c++) probs[i * k + c] = ties ? Math.round((e[c] / sum) * 100) / 100 : e[c] / sum;
    let label = truth < labelClasses ? truth : Math.floor(rand() * labelClasses);
    if (rand() < 0.2) label = Math.floor(rand() * labelClasses);
    labels[i] = label;
  }
  return { labels, probs, k };
}

// ---- comparing --------------------------------------------------------------------------------

/** The JS result as the JSON the native tool prints: typed arrays as arrays, NaN/inf as strings. */
function plain(value) {
  if (ArrayBuffer.isView(value)) return Array.from(value, plain);
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (value === Infinity) return 'Infinity';
    if (value === -Infinity) return '-Infinity';
    return value;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, plain(v)]));
  }
  return value;
}

/** First place where a and b differ (Object.is for numbers, so 0 and -0 differ), or null. */
function firstDifference(a, b, path = '') {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) {
    return `${path || '(root)'}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
  }
  if (Array.isArray(a)) {
    if (a.length !== b.length) return `${path}: length ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && typeof a === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.join() !== kb.join()) return `${path || '(root)'}: keys [${ka}] vs [${kb}]`;
    for (const key of ka) {
      const d = firstDifference(a[key], b[key], `${path}.${key}`);
      if (d) return d;
    }
    return null;
  }
  if (Object.is(a, b)) return null;
  return `${path}: ${typeof a === 'number' ? a.toPrecision(17) : JSON.stringify(a)} vs ${
    typeof b === 'number' ? b.toPrecision(17) : JSON.stringify(b)
  }`;
}

// Everything is compared bit for bit, log-based scores included: the core's log/exp/pow are its
// own (src/core/portable_math.hpp), not the C library's (glibc's may use FMA, musl's does not).
function assertSame(actual, expected, what) {
  const d = firstDifference(plain(actual), expected);
  if (d) assert.fail(`${what}: results differ at ${d} (first: this side, second: the reference)`);
}

function nativeOod(labelsFile, probsFile, adjustPredProbs, float32) {
  const args = [
    ...(float32 ? ['--float32'] : []),
    '--ood',
    '--options',
    JSON.stringify({ adjustPredProbs }),
    labelsFile,
    probsFile,
  ];
  return JSON.parse(execFileSync(TOOL, args, { encoding: 'utf8', maxBuffer: 1 << 30 }));
}

function nativeAudit(labelsFile, probsFile, options, float32) {
  const args = [...(float32 ? ['--float32'] : []), '--options', JSON.stringify(options), labelsFile, probsFile];
  const out = execFileSync(TOOL, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const report = JSON.parse(out);
  assert.ok(!report.error, `native audit failed: ${JSON.stringify(report.error)}`);
  return report;
}

// ---- the cases --------------------------------------------------------------------------------

const SHAPES = [
  { name: '1k x 3', seed: 101, n: 1000, k: 3 },
  { name: '5k x 10 with ties', seed: 202, n: 5000, k: 10, ties: true },
  { name: '2k x 50, one class unused', seed: 303, n: 2000, k: 50, unused: true },
  // Big enough for the single-threaded WebAssembly core to run its passes in pieces one after
  // another (tiered_pieces, src/core/parallel.hpp: from 2^19 values), which native runs in one.
  { name: '120k x 10, passes in pieces', seed: 404, n: 120000, k: 10, ties: true, options: [0, 1, 2, 5] },
];

const OPTIONS = [
  {},
  {
    filterBy: 'both',
    minExamplesPerClass: 30,
    fracNoise: 0.6,
    rankBy: 'normalized_margin',
    adjustPredProbs: true,
    asymmetric: true,
  },
  { filterBy: 'low_self_confidence', rankBy: 'confidence_weighted_entropy' },
  { filterBy: 'both', rankBy: 'confidence_weighted_entropy', asymmetric: true },
  { filterBy: 'confident_learning', rankBy: 'none' },
  { filterBy: 'prune_by_class', numToRemovePerClass: 'tenth' },
  { filterBy: 'predicted_neq_given', rankBy: 'self_confidence', adjustPredProbs: true },
];

function optionsFor(template, labels, k) {
  if (template.numToRemovePerClass !== 'tenth') return template;
  const counts = new Array(k).fill(0);
  for (const y of labels) counts[y]++;
  return { ...template, numToRemovePerClass: counts.map((c) => Math.floor(c / 10)) };
}

let dir;
let ls;

before(async () => {
  assert.ok(
    existsSync(TOOL),
    `${TOOL} is missing: build it with 'bash scripts/build.sh native' (npm test does this before the node tests)`,
  );
  const alt = process.env.LABELSCOPE_CORE;
  const moduleFactory = alt ? (await import(pathToFileURL(resolve(alt)).href)).default : undefined;
  ls = await createLabelScope({ moduleFactory });
  dir = mkdtempSync(join(tmpdir(), 'labelscope-native-wasm-'));
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

for (const shape of SHAPES) {
  for (const float32 of [false, true]) {
    describe(`native vs wasm: ${shape.name}, ${float32 ? 'float32' : 'float64'}`, () => {
      const data = makeData(shape);
      const stem = `${shape.seed}-${float32 ? 'f4' : 'f8'}`;
      const probs = float32 ? Float32Array.from(data.probs) : data.probs;
      let labelsFile;
      let npyFile;
      let dataset;

      before(async () => {
        labelsFile = join(dir, `${stem}-labels.csv`);
        npyFile = join(dir, `${stem}-pred_probs.npy`);
        writeFileSync(labelsFile, `label\n${Array.from(data.labels).join('\n')}\n`);
        writeFileSync(npyFile, npyBytes(probs, data.labels.length, data.k, float32 ? '<f4' : '<f8'));
        dataset = await ls.readDataset(
          {
            labels: { name: 'labels.csv', data: new Uint8Array(readFileSync(labelsFile)) },
            predProbs: { name: 'pred_probs.npy', data: new Uint8Array(readFileSync(npyFile)) },
          },
          { float32, allowUnnormalized: true },
        ); // rows off 1 on purpose, as the native tool takes them
        assert.equal(dataset.float32, float32, 'dataset storage');
      });

      after(() => dataset?.free());

      // exp and pow (GEN), log (entropy): the portable functions again, so the same bits.
      test('out-of-distribution scores, every method, adjusted and not', () => {
        for (const adjustPredProbs of [true, false]) {
          const native = nativeOod(labelsFile, npyFile, adjustPredProbs, float32);
          const wasm = {};
          for (const method of ['entropy', 'least_confidence', 'gen']) {
            wasm[method] = ls.outOfDistributionScores({
              labels: data.labels,
              predProbs: probs,
              numClasses: data.k,
              method,
              adjustPredProbs,
            }).scores;
          }
          assertSame(wasm, native, `WASM vs native OOD scores, adjustPredProbs ${adjustPredProbs}`);
        }
      });

      for (const template of shape.options?.map((o) => OPTIONS[o]) ?? OPTIONS) {
        test(`audit ${JSON.stringify(template)}`, async () => {
          const options = optionsFor(template, data.labels, data.k);
          const native = nativeAudit(labelsFile, npyFile, options, float32);
          assert.equal(native.numExamples, data.labels.length);
          const input = { labels: data.labels, predProbs: probs, numClasses: data.k };
          const arrays = ls.audit(input, options);
          assertSame(arrays, native, 'WASM audit on typed arrays vs native');
          assertSame(await ls.auditAsync(input, options), plain(arrays), 'WASM auditAsync vs audit');
          assertSame(ls.audit(dataset, options), plain(arrays), 'WASM readDataset(.npy) + audit vs audit on arrays');
        });
      }
    });
  }
}

describe('native vs wasm: CSV text through both readers', () => {
  // Shortest round-trip decimals (JS), and rounded ones with ties: both correctly rounded parsers
  // must produce the same doubles as the text's exact value, so the same report as the arrays.
  for (const [shape, float32] of [
    [SHAPES[0], false],
    [SHAPES[1], false],
    [SHAPES[1], true],
  ]) {
    test(`${shape.name}, ${float32 ? 'float32' : 'float64'} storage`, async () => {
      const data = makeData(shape);
      const stem = `${shape.seed}-csv-${float32 ? 'f4' : 'f8'}`;
      const labelsText = `label\n${Array.from(data.labels).join('\n')}\n`;
      const rows = [Array.from({ length: data.k }, (_, c) => `p${c}`).join(',')];
      for (let i = 0; i < data.labels.length; i++) {
        rows.push(Array.from(data.probs.subarray(i * data.k, (i + 1) * data.k)).join(','));
      }
      const probsText = `${rows.join('\n')}\n`;
      const labelsFile = join(dir, `${stem}-labels.csv`);
      const probsFile = join(dir, `${stem}-pred_probs.csv`);
      writeFileSync(labelsFile, labelsText);
      writeFileSync(probsFile, probsText);
      const native = nativeAudit(labelsFile, probsFile, {}, float32);
      const d = await ls.readDataset(
        { labels: { name: 'labels.csv', data: labelsText }, predProbs: { name: 'pred_probs.csv', data: probsText } },
        { float32, allowUnnormalized: true },
      );
      try {
        assertSame(ls.audit(d), native, 'WASM readDataset(CSV) + audit vs native');
      } finally {
        d.free();
      }
      if (!float32) {
        // float64: the text is the shortest round trip of the doubles, so the arrays give the same.
        assertSame(
          ls.audit({ labels: data.labels, predProbs: data.probs, numClasses: data.k }),
          native,
          'WASM audit on the arrays vs native audit of their CSV text',
        );
      }
    });
  }
});
