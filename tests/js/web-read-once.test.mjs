// A big labelled table of features dropped on the page, then computed: parsed once (web/controllers/first-rows.js).
// The page's analysis and cross-validation controllers on the real engine (in this process instead of the worker);
// the client counts the bytes each request parses. LABELSCOPE_CORE=path/to/labelscope-core.mjs: another core build.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { before, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { createLabelScope } from '../../src/js/index.js';
import { AnalysisController } from '../../web/controllers/analysis.js';
import { CrossValController } from '../../web/controllers/cross-val.js';
import { FIRST_ROWS_BYTES } from '../../web/controllers/first-rows.js';
import { MultiLabelController } from '../../web/controllers/multilabel.js';
import { checkRoles, DATA_ROLES, mergeFiles } from '../../web/ui/roles.js';

let ls;
before(async () => {
  const alt = process.env.LABELSCOPE_CORE;
  const moduleFactory = alt ? (await import(pathToFileURL(resolve(alt)).href)).default : undefined;
  ls = await createLabelScope({ moduleFactory, threads: false });
});

/** A CSV of `n` rows: id, a label c0..c2 (some at random), four numeric features, deterministic. */
function table(n, { labels = (i) => `c${i % 3}` } = {}) {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  const lines = ['id,label,x0,x1,x2,x3'];
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    const x = [0, 1, 2, 3].map((j) => (c * (j % 2) + random()).toFixed(4));
    lines.push(`${i},${labels(i)},${x.join(',')}`);
  }
  return new File([`${lines.join('\n')}\n`], 'big.csv', { type: 'text/csv' });
}

/** The page's two controllers, with a client that records the bytes each read parses (a "Reading" pass each). */
function page() {
  const parsed = [];
  const client = {
    sniffFile: (file) => ls.sniffFile(file),
    readDataset(input, options) {
      parsed.push(['readDataset', input.combined.size, options.labelColumn]);
      return ls.readDataset(input, options);
    },
    crossValProbs(input, options) {
      parsed.push(['crossValProbs', input.combined.size]);
      return ls.crossValProbs(input, options);
    },
    datasetFromCrossVal: (result) => ls.datasetFromCrossVal(result),
    audit: (dataset, options) => ls.audit(dataset, options),
  };
  const failed = [];
  const view = {
    setState: () => {},
    progress: () => {},
    readProgress: () => {},
    idle: () => {},
    progressShowing: () => false,
    clearError: () => {},
    note: () => {},
    showFiles: () => {},
    failed: (error) => failed.push(error),
    hideResults: () => {},
    render: () => {},
    announce: () => {},
    settings: () => ({}),
    restoreSettings: () => {},
    openDecisions: async () => ({ restored: null }),
    useDecisions: () => {},
    analysed: () => {},
  };
  let crossVal;
  const analysis = new AnalysisController(
    {
      client: async () => client,
      fetchFiles: async () => [],
      sniff: async (file) => ({ ...(await ls.sniffFile(file)), file }),
      checkRoles,
      mergeFiles,
      dataRoles: DATA_ROLES,
      parseTruth: () => null,
      buildTruth: () => null,
      computeProbabilities: (how) => crossVal.ask(how),
    },
    view,
  );
  const panel = { start() {}, progress() {}, columns() {}, done() {}, cancelled() {}, failed() {}, clear() {} };
  crossVal = new CrossValController({ client: async () => client, analysis }, panel);
  return { analysis, crossVal, parsed, failed };
}

/** The requests that parsed the whole file. */
const whole = (parsed, size) => parsed.filter(([, bytes]) => bytes === size).map(([method]) => method);

test('a big table of features dropped and computed is parsed whole once: by the cross-validation', async () => {
  const file = table(60_000);
  assert.ok(file.size > 2 * FIRST_ROWS_BYTES, 'big enough to be read first in part');
  const { analysis, parsed, failed } = page();
  await analysis.addFiles([file]);
  // The prompt: the reader's own refusal, as the whole file gives it (the label 'c0' at row 1).
  assert.equal(failed.length, 1);
  assert.equal(failed[0].code, 'unknown_class');
  assert.equal(failed[0].row, 1);
  assert.equal(failed[0].file, 'big.csv');
  assert.deepEqual(whole(parsed, file.size), [], 'only its first rows were parsed before Compute');
  await analysis.computeProbabilities({ folds: 2 });
  assert.deepEqual(whole(parsed, file.size), ['crossValProbs']);
  assert.equal(analysis.dataset.numExamples, 60_000, 'the whole table was computed and analysed');
  assert.equal(analysis.dataset.computed != null, true);
});

test('the whole file decides when its first rows are no proof: the error is the whole file’s', async () => {
  // Labels 0..2 name classes by index among the four columns: the first rows read; row 59,000's label does not.
  const file = table(60_000, { labels: (i) => (i === 59_000 ? 'z' : String(i % 3)) });
  const { analysis, parsed, failed } = page();
  await analysis.addFiles([file]);
  assert.equal(failed.length, 1);
  assert.equal(failed[0].code, 'unknown_class');
  assert.equal(failed[0].row, 59_001, 'the row the whole file names');
  assert.deepEqual(whole(parsed, file.size), ['readDataset']);
});

test('another label column chosen reads again, with that column', async () => {
  const file = table(60_000);
  const { analysis, parsed, failed } = page();
  await analysis.addFiles([file]);
  await analysis.setLabelColumn('id', 0);
  assert.equal(failed.length, 2, 'read again: the ids as labels name no class either');
  assert.equal(parsed.at(-1)[2], 'id', 'with the column chosen');
  // Back to the label column: its first rows refuse it again, and Compute reads it whole once, with that column.
  const before = parsed.length;
  await analysis.setLabelColumn('label', 0);
  assert.equal(failed.length, 3);
  assert.equal(failed[2].code, 'unknown_class');
  await analysis.computeProbabilities({ folds: 2 });
  assert.deepEqual(whole(parsed.slice(before), file.size), ['crossValProbs']);
  assert.deepEqual(analysis.dataset.classNames, ['c0', 'c1', 'c2']);
});

test('whether a big table of features holds label sets is asked of its first rows (the multi-label check)', async () => {
  const file = table(60_000);
  const asked = [];
  const client = {
    multiLabel: {
      sniffLabelSets(source) {
        asked.push(['sniffLabelSets', source.size]);
        return ls.multiLabel.sniffLabelSets(source);
      },
    },
    crossValColumns(input, options) {
      asked.push(['crossValColumns', input.combined.size]);
      return ls.crossValColumns(input, options);
    },
  };
  const sets = new MultiLabelController({ client: async () => client }, {});
  const entry = { ...(await ls.sniffFile(file)), file };
  assert.equal(await sets.take([entry], { check: true }), false, 'no sets: the single-label prompt shows');
  assert.ok(asked.length > 0);
  assert.deepEqual(
    asked.filter(([, bytes]) => bytes === file.size),
    [],
  );
});
