// examples/lesson/find_issues.mjs prints what the lesson's cleanlab snippet prints.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { HEADLINES, jsonOf, npyBytes, readCsvPair, ROOT, runCli, tempDir } from './helpers.mjs';
import fs from 'node:fs';

const LESSON = path.join(ROOT, 'examples/lesson/find_issues.mjs');
const runLesson = (...args) => spawnSync(process.execPath, [LESSON, ...args], { encoding: 'utf8' });

test('the lesson example prints the two lines of the cleanlab snippet (headlines)', () => {
  const r = runLesson();
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'cleanlab found 6 label issues.\nTop 10 most likely label errors: \n [ 3  2 39  6 21  9]\n');
  const cli = jsonOf(
    runCli([
      'find-issues',
      '--labels',
      path.join(HEADLINES, 'labels.csv'),
      '--pred-probs',
      path.join(HEADLINES, 'pred_probs.csv'),
    ]),
  );
  assert.deepEqual(cli.indices, [3, 2, 39, 6, 21, 9]);
});

test('the lesson example takes other files: the top 10 of the CLI ranking, numpy-style', () => {
  const dir = path.join(ROOT, 'tests/fixtures/golden/typical_n2000_k5');
  const labels = path.join(dir, 'labels.csv');
  const probs = path.join(dir, 'pred_probs.csv');
  const { indices } = jsonOf(runCli(['find-issues', '--labels', labels, '--pred-probs', probs]));
  // an .npy pred_probs works too
  const { rows } = readCsvPair(labels, probs);
  const npy = path.join(tempDir(), 'pred_probs.npy');
  fs.writeFileSync(npy, npyBytes(rows.flat(), [rows.length, rows[0].length], '<f8'));
  const r = runLesson(labels, npy);
  assert.equal(r.status, 0, r.stderr);
  const [first, second, third] = r.stdout.split('\n');
  assert.equal(first, `cleanlab found ${indices.length} label issues.`);
  assert.equal(second, 'Top 10 most likely label errors: ');
  const top = indices.slice(0, 10);
  const width = Math.max(...top.map((i) => String(i).length));
  assert.equal(third, ` [${top.map((i) => String(i).padStart(width)).join(' ')}]`);
});
