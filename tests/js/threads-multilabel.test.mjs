// Multi-label data on the threaded core (dist/wasm/threads, Node's default): reading a big file of
// label sets and probabilities in chunks (the helper thread warms fresh memory) and every
// multi-label analysis give the same bits as the single-threaded core.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { before, test } from 'node:test';

import { createLabelScope } from '../../src/js/index.js';

let threaded;
let single;
before(async () => {
  threaded = await createLabelScope();
  single = await createLabelScope({ threads: false });
});

// 200,000 rows x 12 classes: 19 MB of probabilities, above the helper's 8 MiB minimum.
const ROWS = 200000;
const K = 12;
const NAMES = Array.from({ length: K }, (_, k) => `topic${k}`);

function bigFiles() {
  const labels = ['labels'];
  const probs = [NAMES.join(',')];
  for (let r = 0; r < ROWS; r++) {
    const set = [];
    const row = [];
    for (let k = 0; k < K; k++) {
      const h = (r * 7919 + k * 104729 + ((r * k) % 97)) % 1000;
      const inSet = h < 180 + 20 * (k % 3);
      if (inSet) set.push(NAMES[k]);
      // Mostly agreeing probabilities, with about 3% of the cells contradicting the set.
      const flip = (r * 31 + k * 17) % 33 === 0;
      const p = inSet !== flip ? 0.55 + (h % 440) / 1000 : 0.005 + (h % 430) / 1000;
      row.push(p.toFixed(6));
    }
    labels.push(set.join(';'));
    probs.push(row.join(','));
  }
  const enc = new TextEncoder();
  return { labels: enc.encode(`${labels.join('\n')}\n`), probs: enc.encode(`${probs.join('\n')}\n`) };
}

async function* inChunks(bytes, size = 1 << 20) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
const input = ({ labels, probs }) => ({
  labels: { name: 'labels.csv', size: labels.length, data: inChunks(labels) },
  predProbs: { name: 'probs.csv', size: probs.length, data: inChunks(probs) },
});

const bits = (typed) => Buffer.from(typed.buffer, typed.byteOffset, typed.byteLength);

/** Deep equality where every typed array must match byte for byte (NaN and -0 included). */
function sameBits(a, b, path = 'result') {
  if (ArrayBuffer.isView(a)) {
    assert.ok(ArrayBuffer.isView(b), `${path}: typed array vs ${typeof b}`);
    assert.equal(a.constructor.name, b.constructor.name, path);
    assert.ok(bits(a).equals(bits(b)), `${path}: different bits`);
  } else if (typeof a === 'number') {
    assert.ok(Object.is(a, b), `${path}: ${a} vs ${b}`);
  } else if (a && typeof a === 'object') {
    assert.deepEqual(Object.keys(a).sort(), Object.keys(b).sort(), path);
    for (const key of Object.keys(a)) sameBits(a[key], b[key], `${path}.${key}`);
  } else {
    assert.equal(a, b, path);
  }
}

test('the default core in Node has 2 threads on a multi-core machine, the other 1', () => {
  assert.equal(threaded.threads, os.cpus().length > 1 ? 2 : 1);
  assert.equal(single.threads, 1);
});

test('a big multi-label file reads the same with and without the helper thread, and audits the same', async () => {
  const files = bigFiles();
  const [a, b] = [
    await threaded.multiLabel.readDataset(input(files)),
    await single.multiLabel.readDataset(input(files)),
  ];
  try {
    assert.equal(a.numExamples, ROWS);
    assert.equal(a.numClasses, K);
    assert.ok(a.rowsWithSeveral > 1000, `${a.rowsWithSeveral} rows with several labels`);
    assert.equal(a.fingerprint, b.fingerprint);
    assert.ok(bits(a.offsets).equals(bits(b.offsets)));
    assert.ok(bits(a.classes).equals(bits(b.classes)));
    assert.ok(bits(a.probabilityRows(0, ROWS)).equals(bits(b.probabilityRows(0, ROWS))));

    const ra = threaded.multiLabel.audit(a);
    const rb = single.multiLabel.audit(b);
    assert.ok(ra.issues.length > 100, `${ra.issues.length} issues`);
    sameBits(ra, rb, 'audit');
    for (const filterBy of ['prune_by_class', 'both', 'confident_learning', 'predicted_neq_given']) {
      sameBits(
        threaded.multiLabel.findLabelIssues({ dataset: a, filterBy }),
        single.multiLabel.findLabelIssues({ dataset: b, filterBy }),
        filterBy,
      );
    }
    sameBits(
      threaded.multiLabel.findIssuesPerClass({ dataset: a }),
      single.multiLabel.findIssuesPerClass({ dataset: b }),
      'perClass',
    );
    for (const aggregator of ['exponential_moving_average', 'softmin', 'min']) {
      sameBits(
        threaded.multiLabel.getLabelQualityScores({ dataset: a, method: 'normalized_margin', aggregator }),
        single.multiLabel.getLabelQualityScores({ dataset: b, method: 'normalized_margin', aggregator }),
        aggregator,
      );
    }
    sameBits(
      threaded.multiLabel.healthSummary({ dataset: a }),
      single.multiLabel.healthSummary({ dataset: b }),
      'health',
    );
  } finally {
    a.free();
    b.free();
  }
});

test('the golden multi-label case (multilabel_tiny_k3) gives the same bits on both cores', () => {
  const dir = new URL('../fixtures/golden/multilabel_tiny_k3/', import.meta.url);
  const parse = (name) => readFileSync(new URL(name, dir), 'utf8').trim().split(/\r?\n/).slice(1);
  const sets = parse('labels.csv').map((line) => {
    const cell = line.replace(/^"|"$/g, '').replace(/""/g, '"');
    if (cell.startsWith('[')) return JSON.parse(cell);
    return cell === '' ? [] : cell.split(/[;|]/).map(Number);
  });
  const predProbs = parse('pred_probs.csv').map((line) => line.split(',').map(Number));
  const data = { labels: sets, predProbs };
  sameBits(threaded.multiLabel.audit(data), single.multiLabel.audit(data), 'audit');
  sameBits(threaded.multiLabel.computeConfidentJoint(data), single.multiLabel.computeConfidentJoint(data), 'joint');
});
