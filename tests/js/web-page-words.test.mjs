// The page speaks its own language: a message of the JS API that names an option ("choose it (the
// labelColumn option)") is shown on the page naming the page's control instead (src/js/option-words.js
// pageWords, used by web/ui/element-failure.js for every error the page shows). The messages are the
// API's own, from the core; LABELSCOPE_CORE=path/to/labelscope-core.mjs runs them on another build.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { before, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { createLabelScope, LabelScopeError } from '../../src/js/index.js';
import { refusal } from './helpers.mjs';
import { apiWords, cliWords, PAGE_WORDED, pageWords } from '../../src/js/option-words.js';
import { errorDetail, inPageWords, showFailure } from '../../web/ui/element-failure.js';

const NO_LABEL = 'a,b,c\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n';
const PROBABILITIES = 'label,cat,dog\ncat,0.9,0.1\ndog,0.2,0.8\ncat,0.7,0.3\ndog,0.4,0.6\n';
const SCORES = 'label,cat,dog\ncat,0.9,0.4\ndog,0.2,0.5\ncat,0.7,0.6\ndog,0.4,0.8\n';
// Words that mean nothing to a person on the page: an API option or method, a CLI flag.
const NOT_PAGE = /\boption\b|--[a-z]|readDataset|labelColumn|textColumn|allowUnnormalized/;

let ls;
before(async () => {
  const alt = process.env.LABELSCOPE_CORE;
  const moduleFactory = alt ? (await import(pathToFileURL(resolve(alt)).href)).default : undefined;
  ls = await createLabelScope({ moduleFactory, threads: false });
});

test("the readers' advice through the API names options; on the page, the page's controls", async () => {
  const missing = await refusal(ls.crossValProbs({ combined: { name: 't.csv', data: NO_LABEL } }));
  assert.match(missing.message, /\(the labelColumn option\)/);
  assert.match(pageWords(missing.message), /or choose it \(with the “Label column” menu in the list of files\)\.$/);
  assert.doesNotMatch(pageWords(missing.message), NOT_PAGE);
  const sets = await refusal(ls.multiLabel.crossValProbs({ combined: { name: 't.csv', data: NO_LABEL } }));
  assert.doesNotMatch(pageWords(sets.message), NOT_PAGE);
  const probs = await refusal(ls.crossValProbs({ combined: { name: 'p.csv', data: PROBABILITIES } }));
  const shown = pageWords(probs.message);
  assert.match(shown, /Analyse it as it is \(used as one table in the list of files\)/);
  assert.match(shown, /name the feature columns \(“Choose the columns first”, then set how each column is used\)/);
  assert.doesNotMatch(shown, NOT_PAGE);
  // Said for the CLI and the API at once: the page's own checkbox and button, offered under the message.
  const implausible = await refusal(ls.readDataset({ combined: { name: 's.csv', data: SCORES } }));
  assert.equal(implausible.code, 'implausible_probabilities');
  assert.match(implausible.message, /allowUnnormalized option/);
  const page = pageWords(implausible.message);
  assert.match(page, /\(“These are probabilities — analyse anyway”, below\)/);
  // The way to compute them is named as the page names it already (not always offered below: not for a bad label).
  assert.match(page, /"Compute out-of-sample probabilities" on the page/);
  assert.doesNotMatch(page, NOT_PAGE);
});

test('every option and flag in the table has page words; the CLI and API words are unchanged', () => {
  for (const words of PAGE_WORDED) {
    const shown = pageWords(`Do this ${words}.`);
    assert.notEqual(shown, `Do this ${words}.`, words);
    assert.doesNotMatch(shown, NOT_PAGE, words);
  }
  const core = 'Name it label, or choose it (--label-column). Name the feature columns (--features).';
  assert.equal(cliWords(apiWords(core)), core);
  assert.equal(pageWords(core), pageWords(apiWords(core))); // a flag that reached the page is worded too
  assert.equal(pageWords('No options here: the file is empty.'), 'No options here: the file is empty.');
});

test("an error shown on the page: its message in the page's words, its place and code kept", () => {
  const error = new LabelScopeError({
    code: 'missing_column',
    file: 't.csv',
    line: 1,
    column: 2,
    message: 'No label column found, or choose it (the labelColumn option).',
  });
  assert.deepEqual(inPageWords(error), {
    code: 'missing_column',
    file: 't.csv',
    line: 1,
    column: 2,
    message: 'No label column found, or choose it (with the “Label column” menu in the list of files).',
  });
  assert.equal(error.message, 'No label column found, or choose it (the labelColumn option).'); // not changed
  assert.deepEqual(inPageWords('boom'), { message: 'boom' });
  // The labelscope-error event says it as the element shows it.
  assert.deepEqual(errorDetail(error), {
    code: 'missing_column',
    file: 't.csv',
    column: 2,
    message: 'No label column found, or choose it (with the “Label column” menu in the list of files).',
  });
});

test("the status line shows the error and its hint in the page's words", () => {
  const shown = [];
  const ui = { status: { idle() {}, error: (...args) => shown.push(args) }, intake: { openFiles() {} } };
  const error = new LabelScopeError({
    code: 'constant_features',
    file: 't.csv',
    message: 'No column can be used as a feature. Name the feature columns (the features option) or a text column.',
  });
  const hint = 'Also refused: u.csv (no label column: choose it (the labelColumn option)).';
  const detail = showFailure(ui, error, 'Could not compute', { hint }, { compact: false, analysis: { entries: [] } });
  const [[message, title, shownHint]] = shown;
  assert.equal(title, 'Could not compute');
  assert.equal(message.file, 't.csv');
  assert.match(message.message, /Name the feature columns \(“Choose the columns first”, then set how each column/);
  assert.match(shownHint, /choose it \(with the “Label column” menu in the list of files\)/);
  assert.doesNotMatch(`${message.message} ${shownHint} ${detail.message}`, NOT_PAGE);
});
