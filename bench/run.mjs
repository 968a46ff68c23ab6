#!/usr/bin/env node
// npm run bench: generate the datasets, build the native bench, run native / WASM-in-Node /
// Chromium benches, print one table against the targets of issue 6 and write bench/results.json.
// Usage: node bench/run.mjs [--quick] [--large] [--no-browser] [--no-page] [--out FILE]
//   --quick   10k x 10 only, one repetition per browser step: a smoke test (< 30 s); writes to a
//             temp file unless --out is given, so the committed reference run stays as it is.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dataRoot, ensureDataset, sizesFor, withoutMachinePaths } from './generate.mjs';
import { evaluateTargets } from './targets.mjs';
import { renderTable } from './table.mjs';
import { snapshot } from './snapshot.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    large: { type: 'boolean' },
    'no-browser': { type: 'boolean' },
    'no-page': { type: 'boolean' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (opts.help) {
  console.log(`Usage: node bench/run.mjs [--quick] [--large] [--no-browser] [--no-page] [--out FILE]
  --quick        10k x 10 only, one repetition per browser step (a smoke test; npm test runs it)
  --large        adds 1M x 100 (~1.1 GB of CSV; free disk space is checked first)
  --no-browser   skip Chromium;  --no-page: skip only the real page
  --out FILE     where to write the results (default bench/results.json; temp file with --quick)`);
  process.exit(0);
}

// Repetitions per size (medians are taken): fewer for the big ones, which are slow and steadier.
function repsFor({ n, k }) {
  if (opts.quick) return { native: 3, node: 3, browser: 1, page: 1 };
  const cells = n * k;
  if (cells <= 1e5) return { native: 9, node: 9, browser: 5, page: 3 };
  if (cells <= 1e6) return { native: 7, node: 7, browser: 3, page: 3 };
  if (cells <= 1e7) return { native: 5, node: 5, browser: 3, page: 3 };
  return { native: 3, node: 3, browser: 1, page: 1 };
}

const log = (text) => process.stderr.write(`${text}\n`);

// A bench that fails is reported and the run goes on: its rows are missing, the rest still count.
function run(cmd, args, cwd) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.stderr.trim()) log(r.stderr.trim());
  const rows = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
  const error = r.status === 0 ? undefined : `${path.basename(args[0] ?? cmd)} exited ${r.status ?? r.signal}`;
  if (error) log(`FAILED: ${error}`);
  return { rows, seconds: (performance.now() - t0) / 1000, error };
}

// Incremental builds of what is measured, so a stale dist/wasm or bench binary is never timed.
function ensureBuilds() {
  const build = (args) => execFileSync(args[0], args.slice(1), { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  if (fs.existsSync(path.join(repo, 'build-wasm/CMakeCache.txt'))) {
    build(['cmake', '--build', 'build-wasm', '--target', 'labelscope_wasm', '-j2']);
  } else {
    log('building the WASM module (scripts/build.sh wasm) ...');
    build(['bash', 'scripts/build.sh', 'wasm']);
  }
  if (!fs.existsSync(path.join(repo, 'build-native/CMakeCache.txt'))) {
    build(['cmake', '-S', '.', '-B', 'build-native', '-DCMAKE_BUILD_TYPE=Release']);
  }
  build(['cmake', '--build', 'build-native', '--target', 'labelscope_bench', '-j2']);
  build(['bash', 'scripts/build.sh', 'native-cli']); // dist/native/labelscope, timed beside the Node CLI
  return path.join(repo, 'build-native/labelscope_bench');
}

function machine() {
  const version = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .split('\n')[0]
        .trim();
    } catch {
      return null;
    }
  };
  return {
    cpu: os.cpus()[0]?.model,
    cores: os.cpus().length,
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    kernel: os.release(),
    node: process.version,
    cxx: version('c++', ['--version']),
    emcc: version('emcc', ['--version']),
    chromium: version('/usr/bin/chromium', ['--version']),
  };
}

const loadavg = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

const startedAt = new Date();
const info = { machine: machine(), started: startedAt.toISOString(), load_at_start: loadavg(), data_root: dataRoot() };
const sizes = sizesFor(opts);
const datasets = sizes.map((s) => ensureDataset(s, { log }));
const snap = snapshot(repo, ensureBuilds());

const results = [];
const runs = [];
for (const d of datasets) {
  const reps = repsFor(d);
  const record = (impl, r) => {
    for (const row of r.rows) results.push({ ...row, dataset: d.name, n: d.n, k: d.k });
    runs.push({
      dataset: d.name,
      impl,
      seconds: Math.round(r.seconds * 10) / 10,
      load_after: loadavg(),
      ...(r.error && { error: r.error }),
    });
  };
  log(`${d.name}: native (${reps.native} reps) ...`);
  record('native', run(snap.bench, [d.dir, String(reps.native), d.name], snap.root));
  log(`${d.name}: wasm-node + cli (${reps.node} reps) ...`);
  record('wasm-node', run(process.execPath, ['bench/bench_node.mjs', d.dir, String(reps.node), d.name], snap.root));
  if (!opts['no-browser']) {
    log(`${d.name}: chromium (${reps.browser} reps, page ${reps.page}) ...`);
    const args = ['bench/bench_browser.mjs', d.dir, String(reps.browser), d.name, '--page-reps', String(reps.page)];
    if (opts['no-page']) args.push('--no-page');
    // 1M x 100 as .npy would hold ~2 GB of files in the page next to the CSV: CSV only there.
    if (d.n * d.k > 1e7) args.push('--no-npy');
    record('chromium', run(process.execPath, args, snap.root));
  }
}

snap.remove();
const targets = evaluateTargets(results, datasets);
console.log(renderTable(results, datasets, targets));
for (const f of runs.filter((x) => x.error)) console.log(`FAILED: ${f.dataset} ${f.impl}: ${f.error}`);
console.log(
  `\nload average (1, 5, 15 min): start ${info.load_at_start.join(', ')}; end ${loadavg().join(', ')} ` +
    `on ${info.machine.cores} cores`,
);

const out =
  opts.out ??
  (opts.quick ? path.join(os.tmpdir(), 'labelscope-bench-quick.json') : path.join(repo, 'bench/results.json'));
fs.writeFileSync(
  out,
  withoutMachinePaths(
    JSON.stringify(
      {
        ...info,
        finished: new Date().toISOString(),
        load_at_end: loadavg(),
        options: opts,
        sizes: datasets.map(({ name, n, k, manifest }) => ({ name, n, k, bytes: manifest.bytes })),
        runs,
        targets,
        results,
      },
      null,
      1,
    ),
  ) + '\n',
);
log(`wrote ${path.relative(process.cwd(), out) || out}`);
// A failed bench is reported above and the other benches still run; the exit code tells scripts
// (npm test's smoke run) that something failed.
if (runs.some((x) => x.error)) process.exitCode = 1;
