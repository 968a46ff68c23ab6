// The native CLI (dist/native/labelscope, `npm run build:native`) against the Node CLI: the golden
// cases, the bad-input catalogue, usage errors and awkward text (formula-like class
// names, quotes, commas, newlines, invalid UTF-8, tiny numbers) run through both, which must give
// the same stdout bytes, the same exit code and the same stderr.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { badCases } from '../fixtures/bad/catalogue.mjs';
import { cliCommand, GOLDEN, goldenCases, HEADLINES, limited, NATIVE_CLI, ROOT, tempDir } from './helpers.mjs';

const TIMEOUT_MS = 120_000;
const CONCURRENCY = Math.max(2, Math.min(4, os.availableParallelism()));
const FILTERS = [
  'prune_by_noise_rate',
  'prune_by_class',
  'both',
  'confident_learning',
  'predicted_neq_given',
  'low_normalized_margin',
  'low_self_confidence',
];
const METHODS = ['self_confidence', 'normalized_margin', 'confidence_weighted_entropy'];
const H = ['--labels', path.join(HEADLINES, 'labels.csv'), '--pred-probs', path.join(HEADLINES, 'pred_probs.csv')];
const H_DATA = path.join(HEADLINES, 'dataset.csv');

function requireNative() {
  if (!fs.existsSync(NATIVE_CLI)) {
    assert.fail(`${NATIVE_CLI} is missing: run \`npm run build:native\` first (it builds the native CLI).`);
  }
}

/** Runs one CLI: {status, signal, stdout: Buffer, stderr: Buffer}. */
function runRaw(args, which, cwd) {
  return new Promise((resolve, reject) => {
    const [program, argv] = cliCommand(args, which);
    const child = spawn(program, argv, { cwd, timeout: TIMEOUT_MS, killSignal: 'SIGKILL' });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (status, signal) =>
      resolve({
        status,
        signal,
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err),
      }),
    );
  });
}

/** Where two outputs first differ, for the failure message. */
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (buf) => JSON.stringify(buf.subarray(Math.max(0, i - 60), i + 60).toString('latin1'));
  return `byte ${i}: node ${show(a)}\n        native ${show(b)}`;
}

/** Runs `args` through both CLIs (cwd: the repository unless given) and asserts the same result. */
async function assertSame(args, { cwd = ROOT, label = args.join(' ') } = {}) {
  const [node, native] = await Promise.all([runRaw(args, 'node', cwd), runRaw(args, 'native', cwd)]);
  assert.equal(native.signal, null, `${label}: the native CLI was killed (${native.signal})`);
  assert.equal(native.status, node.status, `${label}: exit code\nnode: ${node.stderr}\nnative: ${native.stderr}`);
  assert.ok(native.stdout.equals(node.stdout), `${label}: stdout, ${firstDifference(node.stdout, native.stdout)}`);
  assert.ok(native.stderr.equals(node.stderr), `${label}: stderr, ${firstDifference(node.stderr, native.stderr)}`);
  return node;
}

/** Runs many argument lists through both CLIs, a few at a time; returns the Node CLI's results. */
async function assertAllSame(runs, options = {}) {
  requireNative();
  return limited(
    runs.map((args) => () => assertSame(args, options)),
    CONCURRENCY,
  );
}

test('the native CLI is built (npm run build:native)', () => {
  requireNative();
});

test('golden cases: every command, --filter-by, --rank-by, --method and format give the same bytes', async () => {
  const runs = [];
  for (const c of goldenCases()) {
    const input = ['--labels', c.labels, '--pred-probs', c.predProbs];
    for (const f of FILTERS) {
      runs.push(['find-issues', ...input, '--filter-by', f, '--rank-by', 'none']);
      runs.push(['audit', ...input, '--filter-by', f, '--format', 'csv']);
    }
    for (const m of [...METHODS, 'none']) {
      runs.push(['find-issues', ...input, '--rank-by', m]);
      runs.push(['find-issues', ...input, '--rank-by', m, '--format', 'csv']);
      runs.push(['find-issues', ...input, '--rank-by', m, '--adjust-pred-probs']);
      runs.push(['audit', ...input, '--rank-by', m]);
    }
    for (const m of METHODS) {
      runs.push(['scores', ...input, '--method', m]);
      runs.push(['scores', ...input, '--method', m, '--adjust-pred-probs', '--format', 'csv']);
    }
    runs.push(['find-issues', ...input, '--frac-noise', '0.5', '--min-examples-per-class', '3']);
    runs.push(['audit', ...input, '--frac-noise', '0.25', '--filter-by', 'both', '--format', 'csv']);
    runs.push(['health', ...input]);
  }
  const results = await assertAllSame(runs);
  assert.ok(results.filter((r) => r.status === 0).length > runs.length / 2, 'most golden runs succeed');
});

test('the bad-input catalogue: the same exit code, stdout and stderr line for every case and command', async () => {
  requireNative();
  const work = tempDir();
  const runs = [];
  for (const c of badCases()) {
    const dir = path.join(work, c.name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, c.files.labels), c.bytes.labels);
    fs.writeFileSync(path.join(dir, c.files.predProbs), c.bytes.predProbs);
    const base = ['--labels', c.files.labels, '--pred-probs', c.files.predProbs];
    for (const args of [
      ['find-issues', ...base],
      ['find-issues', ...base, '--format', 'csv'],
      ['scores', ...base],
      ['health', ...base],
      ['audit', ...base, '--format', 'csv'],
    ]) {
      runs.push(() => assertSame(args, { cwd: dir, label: `${c.name}: ${args.join(' ')}` }));
    }
  }
  const results = await limited(runs, CONCURRENCY);
  assert.ok(results.some((r) => r.status === 3) && results.some((r) => r.status === 0));
  fs.rmSync(work, { recursive: true, force: true });
});

test('usage errors and version: the same text and exit code', async () => {
  const tiny = path.join(GOLDEN, 'tiny_k3_a');
  const T = ['--labels', path.join(tiny, 'labels.csv'), '--pred-probs', path.join(tiny, 'pred_probs.csv')];
  // The help texts differ: each CLI's says what it runs (tests/cli/help-behaviour.test.mjs).
  const runs = [
    [],
    ['--version'],
    ['-V'],
    ['bogus'],
    ['-x'],
    ['--bogus'],
    ['find-issues'],
    ['find-issues', '--labels', H[1]],
    ['find-issues', '--pred-probs', H[3]],
    ['find-issues', '--labels', '-x', '--pred-probs', H[3]],
    ['find-issues', '--labels', '--pred-probs', H[3]],
    ['find-issues', '--labels', '/nonexistent.csv', '--pred-probs', H[3]],
    ['find-issues', '--labels', HEADLINES, '--pred-probs', H[3]],
    ['audit', '--data', H_DATA, '--label-column', ''],
    ['audit', '--data', H_DATA, '--label-column', 'nope'],
    ['audit', '--data', H_DATA, '--out', ''],
    ['find-issues', ...T, '--out', '/nonexistent-folder/out.json'],
    ['scores', ...T, '--single-thread'],
  ];
  const flags = [
    ['--bogus'],
    ['--bogus=3'],
    ['-x'],
    ['-hx'],
    ['-xh'],
    ['-h=3'],
    ['--single-thread=1'],
    ['--help=1'],
    ['--adjust-pred-probs=no'],
    ['extra'],
    ["it's"],
    ['--', 'x'],
    ['--'],
    ['-'],
    ['--pred-probs'],
    ['--=x'],
    ['---x'],
    ['--labels='],
    ['--format', ''],
    ['--format', 'xml'],
    ['--data', H_DATA],
    ['--label-column', 'label'],
    ['--frac-noise', 'abc'],
    ['--frac-noise', '0'],
    ['--frac-noise', ' '],
    ['--frac-noise', '2'],
    ['--frac-noise', '0x1'],
    ['--frac-noise', ' .5e0 '],
    ['--frac-noise', 'Infinity'],
    ['--frac-noise', '1_0'],
    ['--frac-noise=-0.5'],
    ['--min-examples-per-class', '2.5'],
    ['--min-examples-per-class=-1'],
    ['--min-examples-per-class', ' 3 '],
    ['--min-examples-per-class', '9007199254740993'],
    ['--min-examples-per-class', '100000'],
    ['--filter-by', 'bogus'],
    ['--rank-by', 'bogus'],
    ['--rank-by', 'confidence_weighted_entropy', '--adjust-pred-probs'],
  ];
  for (const extra of flags) runs.push(['find-issues', ...H, ...extra]);
  for (const extra of [
    ['--method', 'bogus'],
    ['--filter-by', 'both'],
    ['--method', 'confidence_weighted_entropy', '--adjust-pred-probs'],
  ])
    runs.push(['scores', ...H, ...extra]);
  for (const extra of [
    ['--filter-by', 'nope'],
    ['--rank-by', 'nope'],
  ])
    runs.push(['audit', ...H, ...extra]);
  runs.push(['health', ...H, '--format', 'csv']);
  // A flag given twice, --out naming an input (tests/cli/edges.test.mjs), --float32.
  runs.push(
    ['scores', ...H, '--labels', H[1]],
    ['scores', ...H, '--format', 'csv', '--format=json'],
    ['health', ...H, '--single-thread', '--single-thread'],
    ['scores', ...H, '--out', H[3]],
    ['audit', '--data', H_DATA, '--out', H_DATA],
    ['scores', ...H, '--float32'],
    ['audit', ...H, '--float32'],
  );
  await assertAllSame(runs);
});

test('a command or flag of the Node CLI only: one line pointing to it, exit code 2', () => {
  requireNative();
  const cases = [
    [['cross-val', '--help'], /^labelscope: 'cross-val' is available in the Node CLI: npx labelscope cross-val /],
    [['simulate-noise'], /^labelscope: 'simulate-noise' is available in the Node CLI: npx labelscope simulate-noise /],
    [
      ['find-issues', '--data', H_DATA, '--features', 'all'],
      /^labelscope: '--features' is available in the Node CLI: npx labelscope find-issues --features /,
    ],
    [['audit', '--data', H_DATA, '-q'], /^labelscope: '-q' is available in the Node CLI: npx labelscope audit -q /],
    // --multi-label with features: one-vs-rest probabilities are computed by the Node CLI only.
    [
      ['find-issues', '--multi-label', '--data', H_DATA, '--features', 'all'],
      /^labelscope: '--features' is available in the Node CLI: npx labelscope find-issues --features /,
    ],
    [
      ['audit', '--multi-label', '--data', H_DATA, '--text-column', 'text', '--per-class'],
      /^labelscope: '--text-column' is available in the Node CLI: npx labelscope audit --text-column /,
    ],
  ];
  for (const [args, pattern] of cases) {
    const [program, argv] = cliCommand(args, 'native');
    const r = spawnSync(program, argv, { encoding: 'utf8' });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stdout, '');
    const lines = r.stderr.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], pattern);
  }
});

test('--multi-label: golden multilabel_tiny_k3 with every flag, and usage errors, give the same bytes', async () => {
  const dir = path.join(GOLDEN, 'multilabel_tiny_k3');
  const input = [
    '--multi-label',
    '--labels',
    path.join(dir, 'labels.csv'),
    '--pred-probs',
    path.join(dir, 'pred_probs.csv'),
  ];
  const runs = [];
  for (const f of FILTERS) {
    runs.push(['find-issues', ...input, '--filter-by', f, '--rank-by', 'none']);
    runs.push(['find-issues', ...input, '--per-class', '--filter-by', f]);
    runs.push(['audit', ...input, '--filter-by', f, '--format', 'csv']);
  }
  for (const m of [...METHODS, 'none']) {
    runs.push(['find-issues', ...input, '--rank-by', m]);
    runs.push(['find-issues', ...input, '--rank-by', m, '--format', 'csv']);
    runs.push(['find-issues', ...input, '--rank-by', m, '--adjust-pred-probs']);
    runs.push(['find-issues', ...input, '--per-class', '--rank-by', m, '--format', 'csv']);
    runs.push(['audit', ...input, '--rank-by', m]);
  }
  for (const m of METHODS) {
    runs.push(['scores', ...input, '--method', m]);
    runs.push(['scores', ...input, '--method', m, '--adjust-pred-probs', '--format', 'csv']);
  }
  for (const agg of [
    ['--aggregator', 'softmin', '--temperature', '0.5'],
    ['--alpha', 'none'],
    ['--alpha', ' NONE '],
    ['--alpha', '0.25'],
    ['--aggregator', 'min'],
    ['--aggregator', 'max'],
    ['--aggregator', 'mean'],
  ]) {
    runs.push(['scores', ...input, ...agg], ['find-issues', ...input, ...agg], ['audit', ...input, ...agg]);
  }
  runs.push(
    ['find-issues', ...input, '--frac-noise', '0.5', '--min-examples-per-class', '3'],
    ['health', ...input],
    ['audit', ...input],
    ['audit', ...input, '--float32', '--single-thread'],
  );
  // Usage errors: a bad value, a flag that needs --multi-label, one that goes with find-issues only.
  for (const extra of [
    ['--alpha', '2'],
    ['--alpha', ''],
    ['--temperature', '0'],
    ['--temperature', 'x'],
    ['--aggregator', 'bogus'],
    ['--filter-by', 'bogus'],
    ['--rank-by', 'bogus'],
    ['--method', 'bogus'],
    ['--format', 'xml'],
    ['--rank-by', 'confidence_weighted_entropy', '--adjust-pred-probs'],
  ]) {
    runs.push(['find-issues', ...input, ...extra], ['scores', ...input, ...extra]);
  }
  runs.push(
    ['scores', ...input, '--per-class'],
    ['health', ...input, '--format', 'csv'],
    ['scores', ...input.slice(1), '--aggregator', 'softmin'],
    ['find-issues', ...input.slice(1), '--per-class'],
    ['audit', '--multi-label', '--labels', path.join(dir, 'labels.csv')],
  );
  await assertAllSame(runs);
});

// Multi-label inputs with one problem each (tests/io/test_io_multilabel.cpp has the reader's side):
// the same exit code and error line from both CLIs, with and without --multi-label.
test('--multi-label bad inputs and the looks-multi-label hint: the same error line and exit code', async () => {
  requireNative();
  const work = tempDir();
  const probs = 'news,sport,tech\n0.9,0.1,0.2\n0.8,0.7,0.1\n0.1,0.2,0.3\n0.2,0.9,0.8\n';
  const cases = {
    unknown_class_in_set: ['labels\nnews\nnews;sprot\n""\nsport\n', probs],
    malformed_json_array: ['id,labels\n1,news\n2,"[""news"", ""sport"""\n3,\n4,tech\n', probs],
    mixed_notations: ['labels\nnews;sport\nnews\nnews|tech\ntech\n', probs],
    mixed_json_and_semicolon: ['labels\nnews\n["news"]\nsport;tech\n""\n', probs],
    class_column_not_0_1: ['label_news,label_sport\n1,0\n1,2\n0,0\n0,1\n', probs],
    row_count_mismatch: ['labels\nnews\n', probs],
    class_index_out_of_range: ['labels\n0\n0;5\n""\n1\n', probs.replace('news,sport,tech', 'a,b,c')],
    probability_above_1: ['labels\nnews\nnews;sport\n""\ntech\n', probs.replace('0.7', '1.7')],
    probability_not_a_number: ['labels\nnews\nsport\n""\ntech\n', probs.replace('0.7', 'x')],
    every_class_in_every_set: ['labels\nnews;sport;tech\nnews;sport;tech\nnews;sport;tech\nnews;sport;tech\n', probs],
    sets_read_as_single_labels: ['label\nnews\nnews;sport\ntech\nsport;tech\n', probs],
    one_set_read_as_single_label: ['label\nnews\nnews|sport\ntech\nsport\n', probs],
    json_sets_read_as_single_labels: ['label\nnews\n"[""news"",""sport""]"\ntech\nsport\n', probs],
  };
  const runs = [];
  for (const [name, [labels, predProbs]] of Object.entries(cases)) {
    const dir = path.join(work, name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'labels.csv'), labels);
    fs.writeFileSync(path.join(dir, 'pred_probs.csv'), predProbs);
    const base = ['--labels', 'labels.csv', '--pred-probs', 'pred_probs.csv'];
    for (const args of [
      ['find-issues', ...base],
      ['scores', ...base, '--format', 'csv'],
      ['health', ...base],
      ['audit', ...base, '--format', 'csv'],
      ['find-issues', ...base, '--per-class'],
    ]) {
      const label = `${name}: ${args.join(' ')} --multi-label`;
      runs.push(() => assertSame([...args, '--multi-label'], { cwd: dir, label }));
    }
    for (const args of [
      ['find-issues', ...base],
      ['audit', ...base, '--format', 'csv'],
    ]) {
      runs.push(() => assertSame(args, { cwd: dir, label: `${name}: ${args.join(' ')}` }));
    }
  }
  // One combined file: the sets and the probabilities (p_<class>), with and without --multi-label.
  const combined = path.join(work, 'combined.csv');
  fs.writeFileSync(
    combined,
    'id,labels,p_news,p_sport,p_tech\n1,news,0.9,0.1,0.2\n2,news;sport,0.8,0.7,0.1\n' +
      '3,,0.1,0.2,0.3\n4,tech,0.2,0.9,0.8\n5,sport;tech,0.1,0.8,0.9\n',
  );
  // No empty set: read as single labels, the hint counts the rows with several (the last run).
  const combinedSets = path.join(work, 'combined-sets.csv');
  fs.writeFileSync(
    combinedSets,
    'id,labels,p_news,p_sport,p_tech\n1,news,0.9,0.1,0.2\n2,news;sport,0.8,0.7,0.1\n' +
      '3,tech,0.1,0.2,0.7\n4,sport;tech,0.1,0.8,0.9\n',
  );
  for (const args of [
    ['audit', '--data', combined, '--multi-label'],
    ['audit', '--data', combined, '--multi-label', '--format', 'csv'],
    ['health', '--data', combined, '--multi-label'],
    ['audit', '--data', combined],
    ['find-issues', '--data', combinedSets],
  ]) {
    runs.push(() => assertSame(args));
  }
  const results = await limited(runs, CONCURRENCY);
  assert.ok(results.some((r) => r.status === 3) && results.some((r) => r.status === 0));
  assert.ok(results.some((r) => /looks multi-label: 2 rows have more than one label/.test(r.stderr.toString())));
  // A combined table read as single labels says it with the count too (both CLIs).
  assert.match(
    results.at(-1).stderr.toString(),
    /row 2, column 2: looks multi-label: 2 rows have more than one label \(e\.g\. 'news;sport'\): add --multi-label/,
  );
  fs.rmSync(work, { recursive: true, force: true });
});

test('headlines: --data, --out and every format give the same bytes', async () => {
  const dir = tempDir();
  const out = path.join(dir, 'out');
  await assertAllSame([
    ['audit', '--data', H_DATA],
    ['audit', '--data', H_DATA, '--format', 'csv', '--filter-by', 'predicted_neq_given'],
    ['find-issues', '--data', H_DATA, '--format', 'csv'],
    ['health', '--data', H_DATA],
    ['scores', '--data', H_DATA],
    ['audit', ...H, '--format', 'csv'],
  ]);
  for (const format of ['json', 'csv']) {
    requireNative();
    const args = (which) => ['audit', '--data', H_DATA, '--format', format, '--out', `${out}.${which}`];
    const node = await runRaw(args('node'), 'node', dir);
    const native = await runRaw(args('native'), 'native', dir);
    assert.equal(native.status, node.status);
    assert.equal(native.stdout.length + node.stdout.length, 0);
    assert.ok(fs.readFileSync(`${out}.native`).equals(fs.readFileSync(`${out}.node`)), format);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

// Class names and data columns that need JSON escapes, CSV quotes or the spreadsheet guard; numbers
// small and large enough for exponents; column names that clash with fields or are array indices in
// JS. (Bytes that are not UTF-8 are refused by the reader: the next test.)
function awkwardFiles(dir) {
  const classes = ['=cmd', 'a,b', 'q"uote', 'ünï 😀'];
  const rows = [];
  const labels = [];
  for (let i = 0; i < 40; i++) {
    const given = i % 4;
    const predicted = i % 7 === 0 ? (given + 1) % 4 : given;
    const p = [0.0000001, 1.5e-7, 0.000001, 0.1];
    p[predicted] = 1 - 0.1 - 0.000001 - 1.5e-7 - 0.0000001 + p[predicted];
    rows.push(p.map((x) => String(x)));
    labels.push(classes[given]);
  }
  const quote = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const header = ['id', 'rank', '0', 'text', 'label', ...classes].map(quote).join(',');
  const longUtf8 = Buffer.from('a long cell in UTF-8: caf\u00e9 au lait \u{1F600}');
  const texts = [
    '@SUM(1)',
    '\tindented',
    'line\nbreak',
    '-12.5',
    '+x',
    'comma, "quoted"',
    'tab\tinside',
    '\u2028sep',
    '\ufeffbom',
  ];
  const lines = [Buffer.from(`${header}\n`)];
  for (let i = 0; i < 40; i++) {
    const text = i % 11 === 7 ? longUtf8 : Buffer.from(quote(texts[i % texts.length]));
    lines.push(
      Buffer.from(`${i % 5 === 0 ? `=ID${i}` : i},r${i},z${i},`),
      text,
      Buffer.from(`,${quote(labels[i])},${rows[i].join(',')}\n`),
    );
  }
  const data = path.join(dir, 'awkward.csv');
  fs.writeFileSync(data, Buffer.concat(lines));
  // The same as a labels + pred_probs pair, class names from the pred_probs header.
  fs.writeFileSync(path.join(dir, 'labels.csv'), `label\n${labels.map(quote).join('\n')}\n`);
  const probsText = `${classes.map(quote).join(',')}\n${rows.map((r) => r.join(',')).join('\n')}\n`;
  fs.writeFileSync(path.join(dir, 'pred_probs.csv'), probsText);
  return data;
}

test('awkward text and numbers: the same bytes from both CLIs', async () => {
  const dir = tempDir();
  const data = awkwardFiles(dir);
  const pair = ['--labels', path.join(dir, 'labels.csv'), '--pred-probs', path.join(dir, 'pred_probs.csv')];
  const runs = [];
  for (const input of [['--data', data], pair]) {
    for (const format of ['json', 'csv']) {
      runs.push(['audit', ...input, '--format', format, '--filter-by', 'predicted_neq_given']);
      runs.push(['audit', ...input, '--format', format, '--rank-by', 'normalized_margin']);
      runs.push(['find-issues', ...input, '--format', format]);
      runs.push(['scores', ...input, '--format', format, '--method', 'normalized_margin']);
      runs.push(['scores', ...input, '--format', format]);
    }
    runs.push(['health', ...input]);
  }
  const results = await assertAllSame(runs);
  assert.ok(
    results.every((r) => r.status === 0),
    results.map((r) => r.stderr.toString()).join('\n'),
  );
  // The awkward cases were really in the output.
  const audit = results[0].stdout.toString('utf8');
  assert.match(audit, /"data_rank"/);
  assert.match(audit, /e-7/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a bad cell with bytes that are not UTF-8: the same error line', async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'labels.csv'), 'label\n0\n1\n0\n1\n');
  const bad = Buffer.concat([
    Buffer.from('a,b\n0.9,0.1\n0.2,0.8\n0.'),
    Buffer.from([0xe9, 0xff]),
    Buffer.from(',0.5\n0.3,0.7\n'),
  ]);
  fs.writeFileSync(path.join(dir, 'pred_probs.csv'), bad);
  const long = Buffer.concat([
    Buffer.from('a,b\n0.9,0.1\n0.2,0.8\n0.0000000000000000000'),
    Buffer.from([0xc3]),
    Buffer.from(',0.5\n0.3,0.7\n'),
  ]);
  fs.writeFileSync(path.join(dir, 'long.csv'), long);
  await assertAllSame(
    [
      ['scores', '--labels', 'labels.csv', '--pred-probs', 'pred_probs.csv'],
      ['scores', '--labels', 'labels.csv', '--pred-probs', 'long.csv'],
    ],
    { cwd: dir },
  );
  fs.rmSync(dir, { recursive: true, force: true });
});

test('numbers of every size print as JavaScript prints them (scores of random probabilities)', async () => {
  const dir = tempDir();
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const probs = [5e-324, 1e-300, 1e-7, 9.999999e-7, 1e-6, 0.000001234, 1.5e-7, 0.1, 0.3, 1 / 3, 0.5, 1];
  for (let i = 0; i < 3000; i++) probs.push(random() * 10 ** -Math.floor(random() * 12));
  const rows = probs.map((p) => `${p},${1 - p}`);
  fs.writeFileSync(path.join(dir, 'labels.csv'), `label\n${probs.map((_, i) => (i % 3 === 2 ? 1 : 0)).join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'pred_probs.csv'), `a,b\n${rows.join('\n')}\n`);
  const input = ['--labels', 'labels.csv', '--pred-probs', 'pred_probs.csv'];
  const results = await assertAllSame(
    [
      ['scores', ...input],
      ['scores', ...input, '--format', 'csv'],
      ['scores', ...input, '--method', 'normalized_margin', '--format', 'csv'],
      ['health', ...input],
      ['audit', ...input, '--filter-by', 'predicted_neq_given', '--format', 'csv'],
    ],
    { cwd: dir },
  );
  assert.ok(
    results.every((r) => r.status === 0),
    results.map((r) => r.stderr.toString()).join('\n'),
  );
  assert.match(results[0].stdout.toString(), /5e-324/);
  fs.rmSync(dir, { recursive: true, force: true });
});
