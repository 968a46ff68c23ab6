// The page's review controller without a browser: decisions, undo, start over, events and the
// decision exports, over an in-memory store.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReviewController } from '../../web/controllers/review.js';
import { Decisions } from '../../web/ui/decisions.js';

function memoryStore() {
  const saved = new Map();
  return {
    scope: 'default',
    enabled: true,
    changes: [],
    forgotten: [],
    exported: [],
    saved,
    async open(key) {
      return { decisions: saved.get(key) ?? new Decisions(), restored: null };
    },
    changed(key) {
      this.changes.push(key);
    },
    async forget(key) {
      this.forgotten.push(key);
    },
    markExported(key) {
      this.exported.push(key);
    },
    async saveSession() {},
    updateSession() {},
  };
}

const dataset = {
  fingerprint: 'abc',
  numExamples: 4,
  numClasses: 3,
  classNames: ['cat', 'dog', 'bird'],
  labels: Int32Array.of(0, 1, 2, 0),
  extraColumns: [{ name: 'id', values: ['img_01', 'IMG_02', 'c', 'd'] }],
  source: { labelsColumn: 2 },
};
const report = {
  numExamples: 4,
  issues: Int32Array.of(1, 3),
  suggestedLabel: Int32Array.of(0, 2, 2, 1),
  isLabelIssue: Uint8Array.of(0, 1, 0, 1),
  labelQuality: Float64Array.of(0.9, 0.1, 0.8, 0.2),
};

async function setup({ writeLabels } = {}) {
  const events = [];
  const store = memoryStore();
  const review = new ReviewController({
    store,
    context: () => ({ dataset, report }),
    emit: (type, detail) => events.push({ type, detail }),
    writeLabels,
  });
  review.use(
    await review.open(
      dataset,
      [{ role: 'combined', columns: ['id', 'label'], firstRow: ['img_01', 'cat'], file: { name: 'd.csv' } }],
      'd',
    ),
  );
  return { review, events, store };
}

test('decide, relabel, clear and undo: each fires one decision event with the counts', async () => {
  const { review, events, store } = await setup();
  const entry = review.decide(1, 'accept', undefined, 'click');
  assert.deepEqual({ decision: entry.decision, label: entry.label }, { decision: 'accept', label: 2 });
  review.decide(3, 'relabel', 2, 'key');
  assert.equal(review.clear(0, 'clear'), false, 'no decision to clear');
  assert.equal(review.undo(), 3);
  assert.deepEqual(
    review.list().map((e) => [e.index, e.decision, e.labelName]),
    [[1, 'accept', 'bird']],
  );
  assert.deepEqual(
    events.map((e) => [e.detail.index, e.detail.source, e.detail.numFlaggedReviewed]),
    [
      [1, 'click', 1],
      [3, 'key', 2],
      [3, 'undo', 1],
    ],
  );
  // ids keep their case in the event.
  assert.equal(events[0].detail.id, 'IMG_02');
  assert.equal(store.changes.length, 3);
});

test('bad decisions are refused with a message that says what to use', async () => {
  const { review } = await setup();
  assert.throws(() => review.decide(9, 'keep'), /There is no row 9/);
  assert.throws(() => review.decide(0, 'maybe'), /'maybe' is not a decision/);
  assert.throws(() => review.decide(0, 'relabel', 7), /There is no class 7: use 0 to 2/);
});

test('start over clears here and in the store and says how many', async () => {
  const { review, events, store } = await setup();
  review.decide(1, 'keep');
  review.decide(3, 'keep');
  assert.equal(await review.startOver(), 2);
  assert.equal(review.decisions.size, 0);
  assert.equal(store.forgotten.length, 1);
  assert.deepEqual(events.at(-1).detail, {
    numDecided: 0,
    numFlagged: 2,
    numFlaggedReviewed: 0,
    index: null,
    decision: null,
    cleared: 2,
    source: 'start-over',
  });
});

test('exports: decisions CSV and corrected labels by name, each marking the decisions exported', async () => {
  const { review, store } = await setup();
  review.decide(1, 'accept');
  const decisions = review.exportDecisions('d');
  assert.equal(decisions.fileName, 'd-decisions.csv');
  const text = await decisions.blob.text();
  assert.match(text.split('\n')[0], /^index,row,id,given_label,suggested_label,decision,final_label/);
  // row N is the N-th data row (1-based); index is the API's 0-based position.
  assert.match(text.split('\n')[1], /^1,2,IMG_02,dog,bird,accept,bird,/);
  const labels = await review.exportLabels('d');
  assert.equal(labels.fileName, 'd-corrected-labels.csv');
  assert.equal(await labels.blob.text(), 'label\ncat\nbird\nbird\ncat\n');
  assert.equal(store.exported.length, 2);
});

test("corrected labels through the worker's writer: the labels file itself, with the decisions applied", async () => {
  const calls = [];
  const writeLabels = async (file, { labels }) => {
    calls.push([file.name, Array.from(labels)]);
    return { parts: ['id,label,original_label\r\n', '...'], type: 'text/tab-separated-values' };
  };
  const { review } = await setup({ writeLabels });
  review.decide(1, 'accept');
  const out = await review.exportLabels('d');
  assert.deepEqual(calls, [['d.csv', [0, 2, 2, 0]]]);
  assert.equal(out.fileName, 'd-corrected-labels.tsv');
  assert.equal(await out.blob.text(), 'id,label,original_label\r\n...');
});

test('writtenRows: the table computed here, as its file wrote it; null for other datasets, at once', async () => {
  const text = 'id,size,label\nimg_01,1.0,cat\nIMG_02,2.50,dog\nc,1e-3,bird\nd,"4,0",cat\n';
  const file = new File([text], 'd.csv');
  const computed = {
    ...dataset,
    computed: {
      labelsFile: 'd.csv',
      featuresFile: 'd.csv',
      columns: [{ name: 'id' }, { name: 'size' }, { name: 'label' }],
    },
  };
  let shown = dataset;
  const review = new ReviewController({ store: memoryStore(), context: () => ({ dataset: shown, report }), emit() {} });
  const entries = [{ role: 'combined', columns: ['id', 'size', 'label'], firstRow: ['img_01', '1.0', 'cat'], file }];
  review.use(await review.open(dataset, entries));
  assert.equal(review.writtenRows(), null, 'probabilities given: the reader’s columns are the file’s');
  shown = computed;
  const written = await review.writtenRows();
  assert.deepEqual(
    (await written.namedCells(3)).map((c) => [c.name, c.value]),
    [
      ['id', 'd'],
      ['size', '4,0'],
      ['label', 'cat'],
    ],
  );
  assert.equal(review.writtenRows(), review.writtenRows(), 'indexed once per dataset');
  // A .npy of labels is no table.
  review.use(await review.open(computed, [{ role: 'labels', shape: [4], file }]));
  assert.equal(review.writtenRows(), null);
});
