#!/usr/bin/env node
// WASM-under-Node benchmark of one generated dataset through the public JS API (readDataset of the
// files in 1 MiB chunks read as the CLI reads them, then the analyses on the Dataset), plus the CLI end to end as a
// separate process. Prints one JSON object per line, like bench_native.
// Usage: node bench/bench_node.mjs DIR [REPS] [NAME]
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import createLabelScopeCore from '../dist/wasm/labelscope-core.mjs';
import { LabelScope } from '../src/js/index.js';
import { fileChunks } from '../src/cli/input.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const [dir, repsArg, nameArg] = process.argv.slice(2);
const reps = Math.max(1, Number(repsArg) || 5);
const name = nameArg ?? path.basename(dir);

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const emit = (obj) => console.log(JSON.stringify({ impl: 'wasm-node', dataset: name, ...obj }));
const round = (x) => Math.round(x * 1000) / 1000;

async function timed(step, bytes, fn, { impl } = {}) {
  const ms = [],
    cpu = [];
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const childCpu = await fn(r);
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push(typeof childCpu === 'number' ? childCpu : (c.user + c.system) / 1e3);
  }
  const med = median(ms);
  // cpu: this process's CPU time (all threads, so V8's compiler and GC threads count too), or
  // for the CLI the child's user + system time.
  const out = {
    step,
    reps,
    median_ms: round(med),
    min_ms: round(Math.min(...ms)),
    first_ms: round(ms[0]),
    median_cpu_ms: round(median(cpu)),
  };
  if (bytes) Object.assign(out, { bytes, mb_per_s: Math.round((bytes / 1e3 / med) * 10) / 10 });
  emit({ ...(impl && { impl }), ...out, all_ms: ms.map(round) });
}

// A fresh module per phase: WebAssembly memory only grows, so its size afterwards is the peak.
// LabelScope takes the module in its constructor, which lets us keep a handle on its heap.
async function freshCore() {
  const core = await createLabelScopeCore();
  return { core, ls: new LabelScope(core) };
}

const source = (p) => ({ name: path.basename(p), size: fs.statSync(p).size, data: fileChunks(p) });
const fileBytes = (...ps) => ps.reduce((s, p) => s + fs.statSync(p).size, 0);

function memory(phase, core, valueBytes) {
  const heap = core.HEAPU8.length;
  emit({
    step: 'wasm_heap',
    phase,
    mb: round(heap / 1e6),
    value_mb: round(valueBytes / 1e6),
    rss_peak_mb: round(process.resourceUsage().maxRSS / 1e3),
  });
}

async function readPhase(label, labelsPath, probsPath, options, analyse) {
  const { core, ls } = await freshCore();
  let dataset = null;
  await timed(label, fileBytes(labelsPath, probsPath), async () => {
    dataset?.free();
    dataset = await ls.readDataset({ labels: source(labelsPath), predProbs: source(probsPath) }, options);
  });
  await analyse(ls, dataset);
  const bytesPerValue = dataset.float32 ? 4 : 8;
  memory(label, core, dataset.numExamples * dataset.numClasses * bytesPerValue);
  dataset.free();
}

const files = (f) => path.join(dir, f);
const labelsCsv = files('labels.csv'),
  probsCsv = files('pred_probs.csv');

await readPhase('csv_read', labelsCsv, probsCsv, {}, async (ls, dataset) => {
  await timed('find_label_issues', 0, () => ls.findLabelIssues({ dataset }));
  for (const method of ['self_confidence', 'normalized_margin', 'confidence_weighted_entropy']) {
    await timed(`scores_${method}`, 0, () => ls.getLabelQualityScores({ dataset, method }));
  }
  await timed('audit', 0, () => ls.audit(dataset));
});
await readPhase('npy_read_f64', files('labels.npy'), files('pred_probs_f64.npy'), {}, async () => {});
await readPhase(
  'npy_read_f32',
  files('labels.npy'),
  files('pred_probs_f32.npy'),
  { float32: true },
  async (ls, dataset) => {
    await timed('audit_f32', 0, () => ls.audit(dataset));
  },
);

// The CLI as a user runs it: a whole process, cold (module compile, file read, analysis, output),
// with its default core (a helper thread warms fresh memory, src/io/page_warmer.hpp) and with
// --single-thread, alternating so both see the same machine load. GNU time (when installed)
// reports the child's CPU time on its last stderr line.
const gnuTime = fs.existsSync('/usr/bin/time');
// The native CLI (npm run build:native) the same way, in the same loop: its ratio to the Node CLI.
const nativeCli = path.join(repo, 'dist/native/labelscope');
// LABELSCOPE_BENCH_REALTIME=1: each timed process runs at real-time priority (chrt -f 10, as root),
// so other work on a shared machine does not take its cores: its wall time is then close to a quiet
// machine's (1M x 10 Node CLI at load 13: 1.3-1.9 s plain, 0.54 s so; 0.55 s on an idle machine).
const realtime = process.env.LABELSCOPE_BENCH_REALTIME === '1' ? ['chrt', '-f', '10'] : [];
// native: true for the native CLI, 'cleanlab' for cleanlab's process (bench/cleanlab_find_issues.py).
function runCli(extra, native = false) {
  const program = native ? [nativeCli] : [process.execPath, path.join(repo, 'src/cli/labelscope.mjs')];
  const cli =
    native === 'cleanlab'
      ? [cleanlabPython, path.join(repo, 'bench/cleanlab_find_issues.py'), labelsCsv, probsCsv, '/dev/null']
      : [
          ...program,
          'find-issues',
          '--labels',
          labelsCsv,
          '--pred-probs',
          probsCsv,
          '--format',
          'json',
          '--out',
          '/dev/null',
          ...extra,
        ];
  const [cmd, ...args] = gnuTime ? ['/usr/bin/time', '-f', 'cpu %U %S', ...realtime, ...cli] : [...realtime, ...cli];
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`labelscope find-issues exited ${r.status}: ${r.stderr}`);
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return m ? (Number(m[1]) + Number(m[2])) * 1e3 : undefined;
}
const cliModes = [
  ['cli_find_issues', []],
  ['cli_find_issues_single_thread', ['--single-thread']],
];
if (fs.existsSync(nativeCli)) cliModes.push(['native_cli_find_issues', [], true]);
// cleanlab in the same loop (issue 17: compare in one run), when a Python with cleanlab and pandas is
// found: LABELSCOPE_CLEANLAB_PYTHON, else python3. LABELSCOPE_CLEANLAB=0 leaves it out.
const cleanlabPython =
  process.env.LABELSCOPE_CLEANLAB === '0'
    ? null
    : ([process.env.LABELSCOPE_CLEANLAB_PYTHON, 'python3']
        .filter(Boolean)
        .find((py) => spawnSync(py, ['-c', 'import cleanlab, pandas'], { stdio: 'ignore' }).status === 0) ?? null);
if (cleanlabPython) cliModes.push(['cleanlab_find_issues', [], 'cleanlab']);
const cliTimes = cliModes.map(() => ({ ms: [], cpu: [] }));
for (let r = 0; r < reps; r++) {
  cliModes.forEach(([, extra, native], i) => {
    const t0 = performance.now();
    const cpu = runCli(extra, native);
    cliTimes[i].ms.push(performance.now() - t0);
    cliTimes[i].cpu.push(cpu);
  });
}
cliModes.forEach(([step], i) => {
  const { ms, cpu } = cliTimes[i];
  const med = median(ms);
  const bytes = fileBytes(labelsCsv, probsCsv);
  emit({
    impl: 'cli',
    step,
    reps,
    median_ms: round(med),
    min_ms: round(Math.min(...ms)),
    first_ms: round(ms[0]),
    ...(cpu.every((c) => c != null) && { median_cpu_ms: round(median(cpu)) }),
    // How many times faster than the Node CLI (wall, median), measured in the same loop.
    ...(i > 0 && { node_cli_ratio: round(median(cliTimes[0].ms) / med) }),
    bytes,
    mb_per_s: Math.round((bytes / 1e3 / med) * 10) / 10,
    all_ms: ms.map(round),
  });
});
