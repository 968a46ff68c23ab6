// Spreadsheet formula injection: CSV output neutralises text cells starting with = + - @ (or tab/CR)
// with a leading ' (OWASP), unless the cell is a number.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { spreadsheetSafe } from '../../src/js/csv-safe.js';
import { parseCsv, runCli } from './helpers.mjs';

test('spreadsheetSafe: formulas get a quote, numbers and plain text do not', () => {
  for (const [input, output] of [
    ['=1+2', "'=1+2"],
    ['+cmd', "'+cmd"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['-0.5', '-0.5'],
    ['+3', '+3'],
    ['-1e-3', '-1e-3'],
    ['-.5', '-.5'],
    [-0.25, '-0.25'],
    [3, '3'],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    ['-', "'-"],
    ['-1-1', "'-1-1"],
  ]) {
    assert.equal(spreadsheetSafe(input), output, JSON.stringify(input));
  }
});

test('CLI audit --format csv neutralises formula-like text and class names', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'labelscope-csvsafe-'));
  const data = path.join(dir, 'data.csv');
  fs.writeFileSync(
    data,
    [
      'id,text,label,=cat,@dog',
      '1,=HYPERLINK("http://x"),=cat,0.1,0.9', // flagged: labelled =cat, predicted @dog
      '2,+cmd,=cat,0.9,0.1',
      '3,-0.5,@dog,0.1,0.9',
      '4,plain,@dog,0.2,0.8',
      '5,@me,=cat,0.8,0.2',
      '6,-cmd,@dog,0.95,0.05', // flagged
    ].join('\n'),
  );
  try {
    const r = runCli(['audit', '--data', data, '--format', 'csv']);
    assert.equal(r.status, 0, r.stderr);
    const [header, ...rows] = parseCsv(r.stdout);
    assert.ok(rows.length >= 1, r.stdout);
    const col = (name) => header.indexOf(name);
    for (const row of rows) {
      const text = row[col('text')];
      assert.ok(!/^[=+@\t\r]/.test(text) && !/^-(?![\d.])/.test(text), text);
      for (const c of ['given_label', 'suggested_label']) assert.match(row[col(c)], /^'[=@](cat|dog)$/);
    }
    const byId = Object.fromEntries(rows.map((row) => [row[col('id')], row[col('text')]]));
    assert.deepEqual(byId, { 1: '\'=HYPERLINK("http://x")', 6: "'-cmd" });
    // Numbers stay numbers.
    for (const row of rows) assert.ok(Number.isFinite(Number(row[col('label_quality')])));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
