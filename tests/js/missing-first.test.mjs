// A missing feature value is named where a person reading the file meets it first (row order, then column order),
// not in the first column that has one; the advice to ask for imputation names each audience's control: the CLI's
// --impute, the JS API's impute option, the page's button (src/js/option-words.js).
// LABELSCOPE_CORE=path/to/labelscope-core.mjs runs it on another build of the core.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { before, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { createLabelScope, LabelScopeError } from '../../src/js/index.js';
import { apiWords, cliWords, pageWords } from '../../src/js/option-words.js';

// Column 'age' misses a value on data row 9, 'heart_rate' on row 4: the first met is heart_rate's.
const rows = Array.from({ length: 12 }, (_, i) => {
  const age = i === 8 ? '' : String(30 + i * 3);
  const rate = i === 3 ? '' : String(70 + ((i * 7) % 20));
  return `${age},${rate},${i % 2 ? 'cardio' : 'ortho'},${i % 2 ? 'admitted' : 'discharged'}`;
});
const TABLE = `age,heart_rate,ward,label\n${rows.join('\n')}\n`;

let ls;
before(async () => {
  const alt = process.env.LABELSCOPE_CORE;
  const moduleFactory = alt ? (await import(pathToFileURL(resolve(alt)).href)).default : undefined;
  ls = await createLabelScope({ moduleFactory, threads: false });
});

test('the first missing value in row order is the one named', async () => {
  let error = null;
  try {
    await ls.crossValProbs({ combined: { name: 'triage.csv', data: TABLE } }, { folds: 2 });
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof LabelScopeError, String(error));
  assert.equal(error.code, 'missing_value');
  assert.equal(error.row, 4);
  assert.equal(error.column, 2);
  assert.match(error.message, /column 'heart_rate'/);
  // The API's words; the CLI prints its flag (cliWords), the page its button (pageWords).
  assert.match(error.message, /\(the impute option\)/);
  assert.doesNotMatch(error.message, /--impute/);
  assert.match(cliWords(error.message), /ask for imputation \(--impute\)/);
  assert.match(pageWords(error.message), /\(“Compute with missing values replaced by the mean”\)/);
});

test('the impute advice goes both ways', () => {
  const core = 'A value is missing. Fill it in, or ask for imputation (--impute), which replaces it by the mean';
  assert.equal(apiWords(core), core.replace('(--impute)', '(the impute option)'));
  assert.equal(cliWords(apiWords(core)), core);
});
