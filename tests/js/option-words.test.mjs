// The core's table readers advise in the CLI's words ("choose it (--label-column)"): through the JS
// API the advice names the API's options (src/js/option-words.js), while the CLI prints its flags as
// before. LABELSCOPE_CORE=path/to/labelscope-core.mjs runs the API half on another build of the core.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { createLabelScope } from '../../src/js/index.js';
import { refusal } from './helpers.mjs';
import { apiWords, cliWords } from '../../src/js/option-words.js';

const CLI = fileURLToPath(new URL('../../src/cli/labelscope.mjs', import.meta.url));
const NO_LABEL = 'a,b,c\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n';
const PROBABILITIES = 'label,cat,dog\ncat,0.9,0.1\ndog,0.2,0.8\ncat,0.7,0.3\ndog,0.4,0.6\n';
const FLAGS = /--label-column|--features|--text-column|--data with/;

let ls;
before(async () => {
  const alt = process.env.LABELSCOPE_CORE;
  const moduleFactory = alt ? (await import(pathToFileURL(resolve(alt)).href)).default : undefined;
  ls = await createLabelScope({ moduleFactory, threads: false });
});

test("the JS API names its options in the readers' advice, single- and multi-label", async () => {
  const missing = await refusal(ls.crossValProbs({ combined: { name: 't.csv', data: NO_LABEL } }));
  assert.equal(missing.code, 'missing_column');
  assert.match(missing.message, /or choose it \(the labelColumn option\)\.$/);
  assert.doesNotMatch(missing.message, FLAGS);
  const sets = await refusal(ls.multiLabel.crossValProbs({ combined: { name: 't.csv', data: NO_LABEL } }));
  assert.match(sets.message, /\(the labelColumn option\)/);
  assert.doesNotMatch(sets.message, FLAGS);
  const probs = await refusal(ls.crossValProbs({ combined: { name: 'p.csv', data: PROBABILITIES } }));
  assert.equal(probs.code, 'not_features');
  assert.match(
    probs.message,
    /\(readDataset with \{ combined \}, then audit\), or name the feature columns \(the features option\)\./,
  );
  assert.doesNotMatch(probs.message, FLAGS);
});

test('the words go both ways; other text is untouched', () => {
  const core =
    'No label column found. Name it label, or choose it (--label-column). Use it as the text column ' +
    '(--text-column). Analyse it as it is (--data with find-issues or audit), or name the feature columns ' +
    '(--features).';
  assert.equal(cliWords(apiWords(core)), core);
  assert.doesNotMatch(apiWords(core), FLAGS);
  assert.equal(apiWords('--features all is a flag'), '--features all is a flag');
});

test('the CLI prints its own flags, as before', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ls-words-'));
  writeFileSync(join(dir, 't.csv'), NO_LABEL);
  writeFileSync(join(dir, 'p.csv'), PROBABILITIES);
  const run = (...args) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir });
  const missing = run('cross-val', '--data', 't.csv', '--out', 'o.csv');
  assert.equal(missing.status, 3, missing.stderr);
  assert.match(missing.stderr, /or choose it \(--label-column\)\.\n$/);
  const probs = run('cross-val', '--data', 'p.csv', '--out', 'o.csv');
  assert.equal(probs.status, 3, probs.stderr);
  assert.match(probs.stderr, /\(--data with find-issues or audit\), or name the feature columns \(--features\)\./);
});
