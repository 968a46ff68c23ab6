// Every case of the bad-input catalogue (tests/fixtures/bad) through the CLI: exit 3 and exactly one
// stderr line naming file, row and column for errors; exit 0 and the warnings for warning-only
// cases; never a crash or a hang (each run has a timeout).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { badCases, cliLine } from '../fixtures/bad/catalogue.mjs';
import { cliCommand, limited } from './helpers.mjs';

const TIMEOUT_MS = 60_000;

function run(args, cwd) {
  return new Promise((resolve, reject) => {
    // The Node CLI, or the native one with LABELSCOPE_CLI=native (helpers.mjs).
    const child = spawn(...cliCommand(args), { cwd, timeout: TIMEOUT_MS, killSignal: 'SIGKILL' });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (status, signal) =>
      resolve({
        status,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

const cases = badCases();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'labelscope-bad-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));

function folder(c) {
  const dir = path.join(work, c.name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, c.files.labels), c.bytes.labels);
  fs.writeFileSync(path.join(dir, c.files.predProbs), c.bytes.predProbs);
  return dir;
}

test('the catalogue covers the cases of issue 5', () => {
  assert.ok(cases.length >= 34, `${cases.length} cases`);
  assert.equal(new Set(cases.map((c) => c.name)).size, cases.length);
});

test('every bad input: exit 3 and one stderr line with file/row/column, or exit 0 with its warnings', async () => {
  const results = await limited(
    cases.map((c) => async () => {
      const dir = folder(c);
      const base = ['--labels', c.files.labels, '--pred-probs', c.files.predProbs];
      // CSV output too for the warning-only cases (warnings go to stderr) and a few errors.
      const csv = !c.error || ['nan', 'ragged_row', 'png_as_csv'].includes(c.name);
      return {
        c,
        json: await run(['find-issues', ...base], dir),
        csv: csv ? await run(['find-issues', ...base, '--format', 'csv'], dir) : null,
      };
    }),
    Math.max(2, Math.min(8, os.availableParallelism())),
  );
  for (const { c, json, csv } of results) {
    const label = `${c.name}: ${json.stderr}`;
    assert.equal(json.signal, null, `${c.name} was killed (hang or crash)`);
    if (c.error) {
      assert.equal(json.status, 3, label);
      assert.equal(json.stdout, '', label);
      const lines = json.stderr.split('\n');
      assert.equal(lines.length, 2, `${c.name}: one line expected:\n${json.stderr}`);
      assert.equal(lines[0], cliLine(c.error), c.name);
      assert.ok(c.error.file, `${c.name}: the error names a file`);
      if (csv) {
        assert.equal(csv.status, 3, c.name);
        assert.equal(csv.stderr, json.stderr, c.name);
      }
    } else {
      assert.equal(json.status, 0, label);
      assert.equal(json.stderr, '', label);
      const out = JSON.parse(json.stdout);
      assert.equal(out.n, c.numExamples, c.name);
      assert.deepEqual(
        out.warnings.map((w) => ({ code: w.code, message: w.message })),
        c.warnings,
        c.name,
      );
      // CSV output: the warnings go to stderr, one line each.
      assert.equal(csv.status, 0, c.name);
      assert.deepEqual(
        csv.stderr.split('\n').filter(Boolean),
        c.warnings.map((w) => `labelscope: warning: ${w.message}`),
        c.name,
      );
    }
  }
});

test('a Fortran-order .npy gives the same result as the C-order CSV of the same numbers', async () => {
  const fortran = folder(cases.find((c) => c.name === 'npy_fortran_order'));
  const plain = folder(cases.find((c) => c.name === 'bom_crlf'));
  const a = await run(['scores', '--labels', 'labels.csv', '--pred-probs', 'pred_probs.npy'], fortran);
  const b = await run(['scores', '--labels', 'labels.csv', '--pred-probs', 'pred_probs.csv'], plain);
  assert.equal(a.status, 0, a.stderr);
  assert.deepEqual(JSON.parse(a.stdout).scores, JSON.parse(b.stdout).scores);
});
