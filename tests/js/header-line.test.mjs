// Row numbers people see (README: row N = the N-th data row, header not counted): an error in the
// header line is no data row, so it names the file's line ("line 1 (the header)") and has no row;
// a header with no data rows names no row. The same words from errorWhere for the CLI and the page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorWhere, LabelScopeError } from '../../src/js/errors.js';
import { assertLabelScopeError, labelScope } from './helpers.mjs';

const ls = await labelScope();
const labels = 'label\n0\n1\n2\n';
const rows = '0.5,0.5\n0.2,0.8\n0.9,0.1\n';

test('errorWhere: file, row or the header line, column', () => {
  assert.equal(errorWhere({ file: 'p.csv', row: 5, column: 2 }), 'p.csv, row 5, column 2');
  assert.equal(errorWhere({ file: 'p.csv', line: 1, column: 3 }), 'p.csv, line 1 (the header), column 3');
  assert.equal(errorWhere({ file: 'p.csv', row: 0, column: 0 }), 'p.csv');
  assert.equal(errorWhere({}), '');
  const e = new LabelScopeError({ code: 'duplicate_column', message: 'm', file: 'p.csv', line: 1, column: 2 });
  assert.deepEqual(e.toJSON(), { code: 'duplicate_column', message: 'm', file: 'p.csv', line: 1, column: 2 });
});

test('a duplicate column, a bad quote or a bad byte in the header line: line 1, no row', async () => {
  for (const [header, code, column] of [
    ['a,a', 'duplicate_column', 2],
    ['a,"b"x', 'bad_quote', 2],
    [Buffer.from('caf\u00e9,b', 'latin1'), 'not_utf8', 1],
  ]) {
    const data = Buffer.concat([Buffer.from(header), Buffer.from(`\n${rows}`)]);
    const e = await assertLabelScopeError(
      () => ls.readDataset({ labels, predProbs: { name: 'p.csv', data: new Uint8Array(data) } }),
      code,
      { file: 'p.csv', row: undefined, line: 1, column },
    );
    assert.equal(errorWhere(e), `p.csv, line 1 (the header), column ${column}`);
  }
});

test('combined: no label column in the header names its line; data rows still count from 1', async () => {
  await assertLabelScopeError(
    () => ls.readDataset({ combined: { name: 'd.csv', data: 'id,a,b\n1,0.5,0.5\n' } }),
    'missing_column',
    { file: 'd.csv', row: undefined, line: 1 },
  );
  await assertLabelScopeError(
    () => ls.readDataset({ combined: { name: 'd.csv', data: 'label,a,b\n0,"0.5"x,0.5\n' } }),
    'bad_quote',
    { file: 'd.csv', row: 1, line: undefined, column: 2 },
  );
});

test('a header and no data rows names no row', async () => {
  const e = await assertLabelScopeError(
    () => ls.readDataset({ labels, predProbs: { name: 'p.csv', data: 'a,b\n' } }),
    'no_data_rows',
    { file: 'p.csv', row: undefined, line: undefined },
  );
  assert.equal(errorWhere(e), 'p.csv');
});

test('the sniffer says a header-line problem as the reader does', async () => {
  const data = new Uint8Array(Buffer.from(`caf\u00e9,b\n${rows}`, 'latin1'));
  const sniffed = await ls.sniffFile({ name: 'pred_probs.csv', data });
  assert.equal(sniffed.problem.code, 'not_utf8');
  assert.equal(sniffed.problem.row, undefined);
  assert.equal(sniffed.problem.line, 1);
});

test('array inputs name a row by its index, labelled as one (predProbs[i]), never as a 0-based "row"', async () => {
  const e = await assertLabelScopeError(
    () => ls.findLabelIssues({ labels: [0, 1, 1], predProbs: [[0.5, 0.5], [0.5], [0.2, 0.8]] }),
    'ragged_row',
    { example: 1 },
  );
  assert.match(e.message, /^predProbs\[1\] has 1 values but predProbs\[0\] has 2\./);
});
