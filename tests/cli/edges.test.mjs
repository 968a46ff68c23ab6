// The CLI at its edges: a flag given twice, --out naming an input, --float32, running out of
// memory while a file is read, and output larger than one JavaScript string (written in pieces;
// any failure while writing is one line and exit code 3). Runs the Node CLI, or the native one with
// LABELSCOPE_CLI=native (helpers.mjs) for the flags both have.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { readInput } from '../../src/cli/input.mjs';
import { progressLine } from '../../src/cli/progress.mjs';
import { csvChunks, jsonChunks, toCsv, toJson } from '../../src/cli/output.mjs';
import { OutputError, writeOutput } from '../../src/cli/write.mjs';
import { createLabelScope } from '../../src/js/index.js';
import { cliWords } from '../../src/js/option-words.js';
import { ROOT, runCli, tempDir } from './helpers.mjs';

const dir = tempDir();
const P = [
  [0.8, 0.1, 0.1],
  [0.1, 0.8, 0.1],
  [0.1, 0.1, 0.8],
  [0.3, 0.3, 0.4],
  [0.6, 0.3, 0.1],
  [0.2, 0.7, 0.1],
];
const LABELS = join(dir, 'labels.csv');
const PROBS = join(dir, 'probs.csv');
fs.writeFileSync(LABELS, 'label\n0\n1\n2\n2\n1\n1\n');
fs.writeFileSync(PROBS, `a,b,c\n${P.map((r) => r.join(',')).join('\n')}\n`);
const IN = ['--labels', LABELS, '--pred-probs', PROBS];

/** One line on stderr that says `what`. */
function oneLine(r, what) {
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line: ${r.stderr}`);
  assert.match(r.stderr, what);
}

describe('a flag given twice exits 2 naming the flag', () => {
  test('--labels a --labels b', () => {
    const r = runCli(['scores', '--labels', LABELS, '--labels', PROBS, '--pred-probs', PROBS]);
    assert.equal(r.status, 2, r.stderr);
    oneLine(r, /'--labels' is given more than once/);
    assert.equal(r.stdout, '');
  });
  test('--format csv --format json, and --format=csv --format json', () => {
    for (const args of [
      ['--format', 'csv', '--format', 'json'],
      ['--format=csv', '--format', 'json'],
    ]) {
      const r = runCli(['scores', ...IN, ...args]);
      assert.equal(r.status, 2, r.stderr);
      oneLine(r, /'--format' is given more than once/);
    }
  });
  test('a boolean flag twice', () => {
    const r = runCli(['scores', ...IN, '--adjust-pred-probs', '--adjust-pred-probs']);
    assert.equal(r.status, 2, r.stderr);
    oneLine(r, /'--adjust-pred-probs' is given more than once/);
  });
});

describe('--out naming an input file is refused (exit 2) and the file is untouched', () => {
  const before = fs.readFileSync(LABELS, 'utf8');
  test('the same path, spelled differently', () => {
    for (const out of [LABELS, join(dir, '.', 'labels.csv'), join(dir, 'x', '..', 'labels.csv')]) {
      const r = runCli(['scores', ...IN, '--out', out]);
      assert.equal(r.status, 2, r.stderr);
      oneLine(r, /is an input file \(--labels\)/);
    }
    assert.equal(fs.readFileSync(LABELS, 'utf8'), before);
  });
  test('a symbolic link to an input, and a hard link', () => {
    fs.symlinkSync(PROBS, join(dir, 'link.csv'));
    fs.linkSync(PROBS, join(dir, 'hard.csv'));
    for (const out of ['link.csv', 'hard.csv']) {
      const r = runCli(['health', ...IN, '--out', join(dir, out)]);
      assert.equal(r.status, 2, r.stderr);
      oneLine(r, /is an input file \(--pred-probs\)/);
    }
    assert.match(fs.readFileSync(PROBS, 'utf8'), /^a,b,c\n/);
  });
  test('--data too; another file is written', () => {
    const data = join(dir, 'data.csv');
    fs.writeFileSync(data, `label,a,b,c\n${P.map((r, i) => [[0, 1, 2, 2, 1, 1][i], ...r].join(',')).join('\n')}\n`);
    const r = runCli(['audit', '--data', data, '--out', data]);
    assert.equal(r.status, 2, r.stderr);
    oneLine(r, /is an input file \(--data\)/);
    const ok = runCli(['audit', '--data', data, '--out', join(dir, 'audit.json')]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.ok(JSON.parse(fs.readFileSync(join(dir, 'audit.json'), 'utf8')).issues);
  });
});

test('--float32 keeps the probabilities as float32: scores are the float32-rounded values', () => {
  const r = runCli(['scores', ...IN, '--float32']);
  assert.equal(r.status, 0, r.stderr);
  const { scores } = JSON.parse(r.stdout);
  assert.deepEqual(
    scores,
    [0, 1, 2, 2, 1, 1].map((y, i) => Math.fround(P[i][y])),
  );
  const plain = JSON.parse(runCli(['scores', ...IN]).stdout).scores;
  assert.deepEqual(
    plain,
    [0, 1, 2, 2, 1, 1].map((y, i) => P[i][y]),
  );
});

describe('output in pieces', () => {
  test('jsonChunks and csvChunks give exactly the text of toJson and toCsv', () => {
    const k = 40;
    const matrix = Array.from({ length: k }, (_, r) => Array.from({ length: k }, (_, c) => (r * k + c) / 7));
    const value = {
      n: 3,
      k,
      name: 'x "y"',
      matrix,
      empty: [],
      nothing: {},
      nan: [NaN, 1],
      classes: [
        { class: 'a', score: 0.5 },
        { class: 'b', nested: [1, [2]] },
      ],
      typed: new Float64Array([0.1, 2]),
    };
    assert.equal([...jsonChunks(value)].join(''), toJson(value));
    assert.ok([...jsonChunks(value)].length > k, 'a piece per matrix row at least');
    const rows = [
      [1, '=cmd', 'a,b'],
      [2, 'x"y', 3.5],
    ];
    assert.equal([...csvChunks(['i', 'v', 'w'], rows)].join(''), toCsv(['i', 'v', 'w'], rows));
  });

  test('output longer than the longest JavaScript string is written without building it', async () => {
    const piece = 'x'.repeat(1 << 20);
    const count = 600; // 629 MB: over V8's string limit (~537 M characters)
    function* pieces() {
      for (let i = 0; i < count; i++) yield piece;
    }
    assert.throws(() => piece.repeat(count), RangeError, 'this size is indeed too large for one string');
    await writeOutput(pieces(), '/dev/null');
  });

  test('a failure while building or writing is an OutputError', async () => {
    function* failing() {
      yield '{"a": ';
      throw new RangeError('Invalid string length');
    }
    const out = join(dir, 'partial.json');
    await assert.rejects(
      writeOutput(failing(), out),
      (e) =>
        e instanceof OutputError &&
        /cannot write the output: the output is too large/.test(e.message) &&
        e.file === out,
    );
    assert.ok(!fs.existsSync(out), 'no half-written file is left');
    await assert.rejects(
      writeOutput('text', join(dir, 'no-such-folder', 'x.json')),
      (e) => e instanceof OutputError && /no such folder/.test(e.message),
    );
  });

  test('writing fails (a full disk, a folder): one line, exit 3', () => {
    const full = fs.openSync('/dev/full', 'w');
    try {
      const r = runCli(['health', ...IN], { stdio: ['ignore', full, 'pipe'] });
      assert.equal(r.status, 3, r.stderr);
      oneLine(r, /cannot write/);
    } finally {
      fs.closeSync(full);
    }
    const r = runCli(['health', ...IN, '--out', dir]);
    assert.equal(r.status, 3, r.stderr);
    oneLine(r, /cannot write the output/);
    const dev = runCli(['health', ...IN, '--out', '/dev/full']);
    assert.equal(dev.status, 3, dev.stderr);
    oneLine(dev, /cannot write the output: ENOSPC/);
    assert.ok(fs.statSync('/dev/full').isCharacterDevice(), 'a device that fails a write is never removed');
  });

  test('after a failure only a file this run created is removed', async () => {
    function* failing() {
      yield 'partial';
      throw new RangeError('Invalid string length');
    }
    const existing = join(dir, 'existing.json');
    fs.writeFileSync(existing, 'old');
    await assert.rejects(writeOutput(failing(), existing), OutputError);
    assert.ok(fs.existsSync(existing), 'a file that was there before stays');
  });
});

// Runs on the module built with a 64 MB memory limit (as tests/js/out-of-memory.test.mjs).
const WASM_BUILD = resolve(process.env.LABELSCOPE_WASM_BUILD ?? join(ROOT, 'build-wasm'));
const SMALL = join(WASM_BUILD, 'small-memory', 'labelscope-core.mjs');
async function smallCore() {
  assert.ok(fs.existsSync(SMALL), `${SMALL} is missing: build it with 'bash scripts/build.sh wasm'`);
  return createLabelScope({ moduleFactory: (await import(pathToFileURL(SMALL).href)).default });
}

describe('out of memory while reading', () => {
  test('--labels /dev/zero names /dev/zero, not the probabilities file', async () => {
    const ls = await smallCore();
    const files = [
      { role: 'labels', path: '/dev/zero', size: 0 },
      { role: 'predProbs', path: PROBS, size: 0 },
    ];
    await assert.rejects(readInput(ls, files, {}, progressLine()), (e) => {
      assert.equal(e.code, 'out_of_memory', e.message);
      assert.equal(e.file, '/dev/zero');
      return true;
    });
  });

  test('the advice suggests float32 only when it is not on already', async () => {
    const ls = await smallCore();
    const big = join(dir, 'big.csv');
    const row = `${Array.from({ length: 200 }, (_, c) => (c === 0 ? 0.5 : 0.5 / 199)).join(',')}\n`;
    fs.writeFileSync(big, row.repeat(30000)); // 30,000 x 200: 48 MB as float64, 24 MB as float32
    fs.writeFileSync(join(dir, 'big-labels.csv'), '0\n1\n'.repeat(15000));
    const files = [
      { role: 'labels', path: join(dir, 'big-labels.csv'), size: 0 },
      { role: 'predProbs', path: big, size: 0 },
    ];
    for (const float32 of [false, true]) {
      await assert.rejects(readInput(ls, files, { float32 }, progressLine()), (e) => {
        assert.equal(e.code, 'out_of_memory', e.message);
        assert.equal(/keep the probabilities as float32/.test(e.message), !float32, e.message);
        if (float32) assert.match(e.message, /float32 already/);
        // The CLI prints the advice with its own flag, not the JS API's option.
        else assert.match(cliWords(e.message), /keep the probabilities as float32 \(--float32\)/);
        return true;
      });
    }
  });
});
