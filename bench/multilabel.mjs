// Multi-label read + audit through the JS API (WASM in Node, single-threaded core), beside the
// single-label read + audit of the same N x K probabilities.
//   node bench/multilabel.mjs [N] [K] [REPS]     (default 1000000 20 3)
// Data: seeded, ~30% of classes per example, ~5% of memberships flipped, per-class probabilities
// from a simulated one-vs-rest classifier (%.4g CSV). Written to $LABELSCOPE_BENCH_DATA or
// /tmp/labelscope-bench/multilabel-N-K and reused. Prints one JSON line per measurement.
import fs from 'node:fs';
import path from 'node:path';
import { createLabelScope } from '../src/js/index.js';
import { fileChunks } from '../src/cli/input.mjs';

const [n = 1_000_000, k = 20, reps = 3] = process.argv.slice(2).map(Number);
const dir = path.join(process.env.LABELSCOPE_BENCH_DATA ?? '/tmp/labelscope-bench', `multilabel-${n}-${k}`);

function generate() {
  if (fs.existsSync(path.join(dir, 'done'))) return;
  fs.mkdirSync(dir, { recursive: true });
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const sets = fs.openSync(path.join(dir, 'labels.csv'), 'w');
  const single = fs.openSync(path.join(dir, 'single_labels.csv'), 'w');
  const probs = fs.openSync(path.join(dir, 'pred_probs.csv'), 'w');
  fs.writeSync(sets, 'labels\n');
  fs.writeSync(single, 'label\n');
  fs.writeSync(probs, `${Array.from({ length: k }, (_, c) => `c${c}`).join(',')}\n`);
  let a = '',
    b = '',
    p = '';
  for (let i = 0; i < n; i++) {
    const given = [];
    const row = [];
    let best = 0;
    for (let c = 0; c < k; c++) {
      const truth = random() < 0.3;
      const flip = random() < 0.05;
      if (truth !== flip) given.push(`c${c}`);
      row.push((truth ? 0.55 + 0.44 * random() : 0.01 + 0.4 * random()).toPrecision(4));
      if (+row[c] > +row[best]) best = c;
    }
    a += `${given.length ? given.join(';') : '""'}\n`;
    b += `c${random() < 0.9 ? best : Math.floor(random() * k)}\n`;
    p += `${row.join(',')}\n`;
    if (i % 20000 === 19999 || i === n - 1) {
      fs.writeSync(sets, a);
      fs.writeSync(single, b);
      fs.writeSync(probs, p);
      a = b = p = '';
    }
  }
  for (const fd of [sets, single, probs]) fs.closeSync(fd);
  fs.writeFileSync(path.join(dir, 'done'), '');
}

const input = (labels) => ({
  labels: { name: labels, size: fs.statSync(path.join(dir, labels)).size, data: fileChunks(path.join(dir, labels)) },
  predProbs: {
    name: 'pred_probs.csv',
    size: fs.statSync(path.join(dir, 'pred_probs.csv')).size,
    data: fileChunks(path.join(dir, 'pred_probs.csv')),
  },
});

function timed(fn) {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = fn();
  return Promise.resolve(result).then((value) => {
    const used = process.cpuUsage(cpu);
    return { value, wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
  });
}

generate();
const ls = await createLabelScope({ threads: false });
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const rows = { 'multi-label read': [], 'multi-label audit': [], 'single-label read': [], 'single-label audit': [] };
for (let r = 0; r < reps; r++) {
  const read = await timed(() => ls.multiLabel.readDataset(input('labels.csv')));
  const audit = await timed(() => ls.multiLabel.audit(read.value));
  rows['multi-label read'].push(read);
  rows['multi-label audit'].push(audit);
  read.value.free();
  const sread = await timed(() => ls.readDataset(input('single_labels.csv'), { allowUnnormalized: true }));
  const saudit = await timed(() => ls.audit(sread.value));
  rows['single-label read'].push(sread);
  rows['single-label audit'].push(saudit);
  sread.value.free();
}
for (const [step, runs] of Object.entries(rows)) {
  console.log(
    JSON.stringify({
      step,
      n,
      k,
      reps,
      wall_ms: Math.round(median(runs.map((x) => x.wall))),
      cpu_ms: Math.round(median(runs.map((x) => x.cpu))),
    }),
  );
}
