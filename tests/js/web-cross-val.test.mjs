// The page's "compute out-of-sample probabilities here" without a browser: CrossValController on
// the real AnalysisController, with a fake worker client whose training the test releases by hand.
// The computed dataset is analysed like one read from files; Cancel and a newer request drop it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnalysisController } from '../../web/controllers/analysis.js';
import {
  CrossValController,
  crossValInput,
  imageShape,
  looksLikeFeatures,
  sniffParquetToo,
} from '../../web/controllers/cross-val.js';
import { DEFAULT_SETTINGS } from '../../web/controllers/options.js';
import { changedRoles, chooseRole, columnDetail, roleOf } from '../../web/ui/column-roles.js';

const DATA_ROLES = ['labels', 'predProbs', 'combined'];
const cancelled = () => Object.assign(new Error('Cross-validation was cancelled.'), { code: 'cancelled' });

function setup({ fetchFiles = async () => [] } = {}) {
  const log = [];
  const training = [];
  const freed = [];
  const client = {
    async crossValColumns(input) {
      log.push(['crossValColumns', Object.keys(input).join('+')]);
      return {
        columns: [
          { name: 'x', use: 'numeric' },
          { name: 'y', use: 'label' },
        ],
      };
    },
    crossValProbs(input, { signal, onProgress, ...options }) {
      log.push(['crossValProbs', Object.keys(input).join('+'), options]);
      return new Promise((resolve, reject) => {
        signal.addEventListener('abort', () => reject(cancelled()));
        training.push({ resolve, reject, onProgress });
      });
    },
    async datasetFromCrossVal(result) {
      const dataset = {
        name: `cv-${result.id}`,
        numExamples: 2,
        classNames: ['a', 'b'],
        labels: Int32Array.of(0, 1),
        async free() {
          freed.push(this.name);
        },
      };
      return dataset;
    },
    async audit(dataset) {
      log.push(['audit', dataset.name]);
      return { numExamples: 2, issues: Int32Array.of(1), of: dataset.name };
    },
  };
  // A view that records what it is told; only the answers the controller reads are given.
  const answers = { settings: () => DEFAULT_SETTINGS, progressShowing: () => false, openDecisions: async () => ({}) };
  const view = new Proxy(
    {},
    {
      get:
        (_, name) =>
        (...args) => {
          log.push([`view.${name}`, ...args]);
          return answers[name]?.(...args);
        },
    },
  );
  const analysis = new AnalysisController(
    {
      client: async () => client,
      fetchFiles: async () => [],
      sniff: async (file) => ({ file, role: 'combined' }),
      checkRoles: () => ({ ready: true }),
      mergeFiles: (a, b) => [...a, ...b],
      dataRoles: DATA_ROLES,
      parseTruth: () => null,
      buildTruth: () => null,
    },
    view,
  );
  const panel = [];
  const panelView = new Proxy(
    {},
    {
      get:
        (_, name) =>
        (...args) =>
          panel.push([name, ...args]),
    },
  );
  const deps = { client: async () => client, analysis, fetchFiles };
  const crossVal = new CrossValController(deps, panelView);
  return { log, training, freed, analysis, crossVal, panel };
}

const file = (name) => ({ name, size: 10 });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

test('which input the files make, and whether they look like features', () => {
  const table = file('iris.csv');
  assert.deepEqual(crossValInput([{ file: table, role: 'combined' }]), { combined: table });
  const [labels, pixels] = [file('labels.csv'), file('pixels.npy')];
  assert.deepEqual(
    crossValInput([
      { file: labels, role: 'labels' },
      { file: pixels, role: 'predProbs' },
    ]),
    { labels, features: pixels },
  );
  assert.equal(crossValInput([{ file: labels, role: 'labels' }]), null);
  assert.equal(looksLikeFeatures([{ role: 'combined', looksLikeFeatures: true }]), true);
  assert.equal(looksLikeFeatures([{ role: 'combined', format: 'parquet' }]), true);
  assert.equal(looksLikeFeatures([{ role: 'combined', format: 'csv' }]), false);
});

test('a Parquet file the text sniffer calls binary is a labelled table; other binary files stay refused', async () => {
  const notText = async (f) => ({ file: f, problem: { code: 'not_text', message: 'binary' } });
  const sniff = sniffParquetToo(notText);
  const parquet = new File([new Uint8Array([0x50, 0x41, 0x52, 0x31, 0, 0])], 'data.bin');
  assert.deepEqual((({ role, format, problem }) => ({ role, format, problem }))(await sniff(parquet)), {
    role: 'combined',
    format: 'parquet',
    problem: undefined,
  });
  const other = new File([new Uint8Array([0, 1, 2, 3])], 'x.bin');
  assert.equal((await sniff(other)).problem.code, 'not_text');
});

test('compute: progress per fold, then the computed dataset is analysed and rendered', async () => {
  const { log, training, analysis, crossVal, panel } = setup();
  await analysis.addFiles([file('iris.csv')]); // read fails or not: the entries are what matter here
  const done = crossVal.compute();
  await tick();
  assert.equal(analysis.phase, 'computing');
  assert.equal(analysis.loading, true); // a settings change waits for the analysis that follows
  training[0].onProgress({ stage: 'training', foldsDone: 1, numFolds: 5 });
  training[0].resolve({ id: 1, folds: [] });
  const report = await done;
  assert.equal(report.of, 'cv-1');
  assert.equal(analysis.phase, 'ready');
  assert.equal(analysis.dataset.name, 'cv-1');
  assert.deepEqual(
    panel.map((p) => p[0]),
    ['start', 'progress', 'done'],
  );
  assert.ok(log.some(([name, how]) => name === 'view.render' && how.newDataset === true));
  assert.equal(crossVal.result.id, 1);
});

test('Cancel: nothing is analysed, the panel says so, and Compute again runs it once more', async () => {
  const { training, analysis, crossVal, panel, log } = setup();
  await analysis.addFiles([file('iris.csv')]);
  const audits = log.filter(([n]) => n === 'audit').length;
  const first = crossVal.compute();
  await tick();
  analysis.cancel();
  assert.equal(await first, undefined);
  assert.equal(panel.at(-1)[0], 'cancelled');
  assert.notEqual(analysis.phase, 'computing');
  assert.equal(log.filter(([n]) => n === 'audit').length, audits);
  const again = crossVal.again();
  await tick();
  training[1].resolve({ id: 2, folds: [] });
  assert.equal((await again).of, 'cv-2');
});

test('a newer request supersedes the computation: only the newest result is analysed', async () => {
  const { training, freed, analysis, crossVal } = setup();
  await analysis.addFiles([file('iris.csv')]);
  const first = crossVal.compute();
  await tick();
  const second = crossVal.compute(); // e.g. the person pressed the button twice
  await tick();
  assert.equal(await first, undefined); // aborted by the second
  training[1].resolve({ id: 2, folds: [] });
  assert.equal((await second).of, 'cv-2');
  assert.deepEqual(freed, []);
  assert.equal(analysis.dataset.name, 'cv-2');
});

test("column roles: the reader's use in columnRoles' words, only changes sent, label and text move", () => {
  const columns = [
    { name: 'id', use: 'id', reason: 'an id column by its name' },
    { name: 'h', use: 'numeric', missing: 2 },
    { name: 'c', use: 'categorical', levels: 'a, b' },
    { name: 'note', use: 'text' },
    { name: 'y', use: 'label' },
    { name: 'k', use: 'numeric', constant: true },
    { name: 'p_a', use: 'probability' },
    { name: 'z', use: 'ignored' },
  ];
  assert.deepEqual(columns.map(roleOf), [
    'id',
    'numeric',
    'categorical',
    'text',
    'label',
    'numeric',
    'probability',
    'ignore',
  ]);
  assert.deepEqual(changedRoles(columns, {}), {});
  assert.deepEqual(changedRoles(columns, { h: 'numeric', id: 'ignore', p_a: 'ignore', c: 'ignore' }), { c: 'ignore' });
  assert.deepEqual(changedRoles(columns, { id: 'numeric', z: 'categorical' }), { id: 'numeric', z: 'categorical' });
  // One label, one text column: choosing another moves the role, the old one is left out.
  assert.deepEqual(chooseRole(columns, {}, 'c', 'label'), { c: 'label', y: 'ignore' });
  assert.deepEqual(chooseRole(columns, {}, 'h', 'text'), { h: 'text', note: 'ignore' });
  assert.deepEqual(chooseRole(columns, {}, 'h', 'ignore'), { h: 'ignore' });
  assert.equal(columnDetail(columns[1]), '2 missing');
  assert.equal(columnDetail(columns[2]), 'levels: a, b');
  assert.match(columnDetail(columns[5]), /dropped/);
});

test('choose columns first: the columns are read, nothing trained; compute then sends the roles chosen', async () => {
  const { log, training, analysis, crossVal, panel } = setup();
  await analysis.addFiles([file('iris.csv')]);
  const report = await crossVal.chooseColumns();
  assert.deepEqual(
    report.columns.map((c) => c.name),
    ['x', 'y'],
  );
  assert.deepEqual(
    panel.map((p) => p[0]),
    ['start', 'columns'],
  );
  assert.equal(panel[0][1].columnsOnly, true);
  assert.ok(!log.some(([name]) => name === 'crossValProbs'));
  assert.notEqual(analysis.phase, 'computing');
  const done = crossVal.compute({ columnRoles: { x: 'categorical' }, impute: true });
  await tick();
  assert.deepEqual(log.find(([name]) => name === 'crossValProbs')[2], {
    columnRoles: { x: 'categorical' },
    impute: true,
  });
  analysis.cancel();
  assert.equal(await done, undefined);
  // Compute again (after a Cancel) keeps the roles.
  const again = crossVal.again();
  await tick();
  assert.deepEqual(log.filter(([name]) => name === 'crossValProbs')[1][2], {
    columnRoles: { x: 'categorical' },
    impute: true,
  });
  training[1].resolve({ id: 3, folds: [] });
  assert.equal((await again).of, 'cv-3');
});

test('computed again for the same files and choices (simulated noise asked for): the first result is reused', async () => {
  const { log, training, analysis, crossVal } = setup();
  await analysis.addFiles([file('iris.csv')]);
  const trainings = () => log.filter(([name]) => name === 'crossValProbs').length;
  const first = crossVal.compute({ impute: true });
  await tick();
  training[0].resolve({ id: 1, folds: [] });
  assert.equal((await first).of, 'cv-1');
  // The element runs the last computation again when simulate-noise changes: no second training.
  assert.equal((await crossVal.again()).of, 'cv-1');
  assert.equal((await crossVal.compute({ impute: true })).of, 'cv-1');
  assert.equal(trainings(), 1);
  assert.equal(crossVal.result.id, 1);
  // Other choices, or other files, are trained on.
  const other = crossVal.compute({ impute: true, columnRoles: { x: 'ignore' } });
  await tick();
  assert.equal(trainings(), 2);
  training[1].resolve({ id: 2, folds: [] });
  assert.equal((await other).of, 'cv-2');
  await analysis.addFiles([file('iris.csv')], { replace: true }); // dropped again: another File
  const dropped = crossVal.compute({ impute: true, columnRoles: { x: 'ignore' } });
  await tick();
  assert.equal(trainings(), 3);
  training[2].resolve({ id: 3, folds: [] });
  assert.equal((await dropped).of, 'cv-3');
});

test('a demo run again (its noise changed) fetches and trains once', async () => {
  const fetched = [];
  const fetchFiles = async (urls) => {
    fetched.push(urls);
    return urls.map((u) => file(u));
  };
  const { log, training, crossVal } = setup({ fetchFiles });
  const first = crossVal.demo(['l.csv', 'p.npy'], { image: null, title: 'Demo', name: 'demo' });
  for (let i = 0; i < 5 && training.length === 0; i++) await tick();
  training[0].resolve({ id: 1, folds: [] });
  assert.equal((await first).of, 'cv-1');
  assert.equal((await crossVal.again()).of, 'cv-1');
  assert.equal(fetched.length, 1);
  assert.equal(log.filter(([name]) => name === 'crossValProbs').length, 1);
});

test("labels + a features file (pixels, embeddings) make the trainer's input", () => {
  const [labels, pixels] = [file('labels.csv'), file('pixels.npy')];
  assert.deepEqual(
    crossValInput([
      { file: labels, role: 'labels' },
      { file: pixels, role: 'features' },
    ]),
    { labels, features: pixels },
  );
  // Thumbnails: uint8 images as saved (N x H x W), or square rows of pixels (N x 784 = 28 x 28).
  const npy = (shape, descr = '|u1') => ({ role: 'features', format: 'npy', descr, shape });
  assert.deepEqual(imageShape(npy([60, 6, 6])), [6, 6]);
  assert.deepEqual(imageShape(npy([10000, 784])), [28, 28]);
  assert.equal(imageShape(npy([100, 30])), null);
  assert.equal(imageShape(npy([100, 49])), null); // 7 x 7: too small to be taken for an image
  assert.equal(imageShape(npy([100, 784], '<f4')), null);
  assert.equal(imageShape({ role: 'features', format: 'csv' }), null);
});
