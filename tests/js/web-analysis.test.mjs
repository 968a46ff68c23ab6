// The page's analysis controller without a browser: load → read → analyse → cancel as one state
// machine in which the latest request wins. The worker client, fetch and sniffing are fakes whose
// answers the test releases by hand, so every interleaving is deterministic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnalysisController } from '../../web/controllers/analysis.js';

/** A promise the test settles, that also rejects like the worker does when its signal aborts. */
function held(
  signal,
  abortError = () => Object.assign(new Error('The operation was cancelled.'), { code: 'cancelled' }),
) {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // abortError null: a worker that does not stop (its answer arrives after all).
  if (abortError) signal?.addEventListener('abort', () => reject(abortError()));
  return { promise, resolve, reject };
}

const DATA_ROLES = ['labels', 'predProbs', 'combined'];

function fakeDataset(name) {
  return {
    name,
    numExamples: 3,
    numClasses: 2,
    classNames: ['a', 'b'],
    labels: Int32Array.of(0, 1, 0),
    notes: [],
    freed: false,
    async free() {
      this.freed = true;
    },
  };
}

/** A fake world: calls are recorded; reads, audits and fetches wait for the test. */
function setup({ abortError, recall } = {}) {
  const log = [];
  const pending = { fetch: [], read: [], audit: [] };
  const client = {
    readDataset(input, { signal, allowUnnormalized, labelColumn }) {
      const h = held(signal, abortError);
      pending.read.push({ input, allowUnnormalized, labelColumn, ...h });
      return h.promise;
    },
    audit(dataset, { signal, filterBy }) {
      const h = held(signal, abortError);
      pending.audit.push({ dataset, filterBy, ...h });
      return h.promise;
    },
  };
  let settings = { filterBy: 'prune_by_noise_rate', rankBy: 'self_confidence', fracNoise: 1, minExamplesPerClass: 1 };
  const deps = {
    client: async () => client,
    fetchFiles(urls, signal) {
      const h = held(signal, abortError);
      pending.fetch.push({ urls, ...h });
      return h.promise;
    },
    sniff: async (file) =>
      file.size === 0
        ? { file, role: 'labels', problem: { code: 'empty_input', message: 'The file is empty.' } }
        : { file, role: 'combined', reason: 'test' },
    checkRoles: (entries) => ({ ready: entries.some((e) => e.role === 'combined'), problem: 'add data' }),
    mergeFiles: (current, incoming) => incoming,
    dataRoles: DATA_ROLES,
    parseTruth: (text, file) => ({ file, entries: [] }),
    buildTruth: () => null,
    ...(recall ? { recall } : {}),
  };
  const view = {
    setState: (phase) => log.push(['state', phase]),
    progress: () => {},
    readProgress: () => {},
    idle: () => {},
    progressShowing: () => false,
    clearError: () => {},
    note: (text, action) => log.push(['note', text, action?.label ?? null]),
    showFiles: () => {},
    failed: (error, title) => log.push(['failed', title ?? null, error.message]),
    hideResults: () => log.push(['hide']),
    render: (how) => log.push(['render', how.newDataset]),
    announce: () => log.push(['announce']),
    settings: () => settings,
    restoreSettings: (values) => {
      settings = values;
      log.push(['restore', values.filterBy]);
    },
    openDecisions: async () => ({ restored: null }),
    useDecisions: () => {},
    analysed: ({ origin }) => log.push(['analysed', origin.kind]),
  };
  const controller = new AnalysisController(deps, view);
  return {
    controller,
    log,
    pending,
    setSettings: (patch) => {
      settings = { ...settings, ...patch };
    },
    failures: () => log.filter((e) => e[0] === 'failed'),
  };
}

const file = (name) => new File(['x'], name);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Waits until the fake has a request of this kind waiting (the controller awaits a few microtasks first). */
async function next(pending, kind, count = 1) {
  for (let i = 0; i < 100 && pending[kind].length < count; i++) await tick();
  assert.ok(pending[kind].length >= count, `a ${kind} request is waiting`);
  return pending[kind][count - 1];
}

test('a demo switched to src while it loads ends showing src, with no error (finding 11)', async () => {
  // Worst case: the superseded fetch fails with the browser's raw abort message.
  const w = setup({ abortError: () => new DOMException('signal is aborted without reason', 'AbortError') });
  const demo = w.controller.loadUrls(['mnist/labels.csv'], { origin: { kind: 'demo', name: 'mnist' } });
  const demoFetch = await next(w.pending, 'fetch');
  const src = w.controller.loadUrls(['data.csv']);
  const srcFetch = await next(w.pending, 'fetch', 2);
  // The demo's files arrive after all (a fetch that finished just before its abort): ignored.
  demoFetch.resolve([file('labels.csv')]);
  srcFetch.resolve([file('data.csv')]);
  const read = await next(w.pending, 'read');
  assert.equal(read.input.combined.name, 'data.csv');
  read.resolve(fakeDataset('src'));
  const audit = await next(w.pending, 'audit');
  audit.resolve({ issues: [] });
  await Promise.all([demo, src]);
  assert.equal(w.controller.dataset.name, 'src');
  assert.equal(w.pending.read.length, 1, 'the demo was never read');
  assert.deepEqual(w.failures(), []);
  assert.equal(w.controller.phase, 'ready');
  assert.deepEqual(
    w.log.filter((e) => e[0] === 'analysed'),
    [['analysed', 'url']],
  );
});

test('a read superseded by a newer drop: its late result is freed, never shown', async () => {
  const w = setup({ abortError: null });
  const first = w.controller.addFiles([file('first.csv')]);
  const firstRead = await next(w.pending, 'read');
  const second = w.controller.addFiles([file('second.csv')]);
  const secondRead = await next(w.pending, 'read', 2);
  secondRead.resolve(fakeDataset('second'));
  (await next(w.pending, 'audit')).resolve({ issues: [] });
  await second;
  assert.equal(w.controller.dataset.name, 'second');
  assert.deepEqual(w.failures(), []);
  // A late success of the first read (a worker that finished anyway) is freed, not shown.
  const late = fakeDataset('first');
  firstRead.resolve(late);
  await first;
  assert.equal(w.controller.dataset.name, 'second');
  assert.equal(late.freed, true);
  assert.equal(w.controller.phase, 'ready');
});

test("a superseded load that fails for real still shows nothing; the current one's error shows", async () => {
  const w = setup();
  const first = w.controller.addFiles([file('first.csv')]);
  const firstRead = await next(w.pending, 'read');
  const second = w.controller.addFiles([file('bad.csv')]);
  const secondRead = await next(w.pending, 'read', 2);
  firstRead.reject(Object.assign(new Error('row 3: not a number'), { code: 'parse_error' }));
  await first;
  assert.deepEqual(w.failures(), []);
  secondRead.reject(Object.assign(new Error('The file is empty.'), { code: 'empty_input' }));
  await second;
  assert.deepEqual(w.failures(), [['failed', null, 'The file is empty.']]);
  assert.equal(w.controller.phase, 'error');
});

test('Cancel while reading goes back to the results before; Cancel of a first analysis offers Analyse', async () => {
  const w = setup();
  const load = w.controller.addFiles([file('a.csv')]);
  (await next(w.pending, 'read')).resolve(fakeDataset('a'));
  (await next(w.pending, 'audit')).resolve({ issues: [] });
  await load;
  const again = w.controller.addFiles([file('b.csv')]);
  await next(w.pending, 'read', 2);
  w.controller.cancel();
  await again;
  assert.equal(w.controller.phase, 'ready');
  assert.equal(w.controller.dataset.name, 'a');
  assert.ok(w.log.some((e) => e[0] === 'note' && e[1] === 'Cancelled. Showing the previous results.'));

  const third = w.controller.addFiles([file('c.csv')]);
  (await next(w.pending, 'read', 3)).resolve(fakeDataset('c'));
  await next(w.pending, 'audit', 2);
  w.controller.cancel();
  await third;
  assert.equal(w.controller.report, null);
  assert.equal(w.controller.phase, 'idle');
  assert.ok(w.log.some((e) => e[0] === 'note' && e[2] === 'Analyse'));
  const analysed = w.controller.analyse();
  (await next(w.pending, 'audit', 3)).resolve({ issues: [1] });
  await analysed;
  assert.equal(w.controller.phase, 'ready');
  assert.deepEqual(w.failures(), []);
});

test('settings changed during an analysis fold into one follow-up run with the latest settings', async () => {
  const w = setup();
  const load = w.controller.addFiles([file('a.csv')]);
  (await next(w.pending, 'read')).resolve(fakeDataset('a'));
  const firstAudit = await next(w.pending, 'audit');
  w.setSettings({ filterBy: 'both' });
  w.controller.settingsChanged();
  w.setSettings({ filterBy: 'predicted_neq_given' });
  w.controller.settingsChanged();
  firstAudit.resolve({ issues: [] });
  const followUp = await next(w.pending, 'audit', 2);
  assert.equal(followUp.filterBy, 'predicted_neq_given');
  followUp.resolve({ issues: [2] });
  await load;
  await tick();
  assert.equal(w.pending.audit.length, 2);
  assert.deepEqual(w.controller.stats, { reads: 1, audits: 2 });
  assert.deepEqual(w.controller.report.issues, [2]);
  // The first report rendered as new data, the follow-up as a re-rank of the same data.
  assert.deepEqual(
    w.log.filter((e) => e[0] === 'render'),
    [
      ['render', true],
      ['render', false],
    ],
  );
});

test('Cancel of a re-analysis restores the settings the shown results came from', async () => {
  const w = setup();
  const load = w.controller.addFiles([file('a.csv')]);
  (await next(w.pending, 'read')).resolve(fakeDataset('a'));
  (await next(w.pending, 'audit')).resolve({ issues: [] });
  await load;
  w.setSettings({ filterBy: 'both' });
  const rerun = w.controller.settingsChanged();
  await next(w.pending, 'audit', 2);
  w.controller.cancel();
  await rerun;
  assert.deepEqual(
    w.log.filter((e) => e[0] === 'restore'),
    [['restore', 'prune_by_noise_rate']],
  );
  assert.equal(w.controller.phase, 'ready');
});

test('a settings change while a read is in flight waits for the read (no audit of the old data)', async () => {
  const w = setup();
  const load = w.controller.addFiles([file('a.csv')]);
  (await next(w.pending, 'read')).resolve(fakeDataset('a'));
  (await next(w.pending, 'audit')).resolve({ issues: [] });
  await load;
  const second = w.controller.addFiles([file('b.csv')]);
  const read = await next(w.pending, 'read', 2);
  w.setSettings({ filterBy: 'both' });
  w.controller.settingsChanged();
  await tick();
  assert.equal(w.pending.audit.length, 1);
  read.resolve(fakeDataset('b'));
  const audit = await next(w.pending, 'audit', 2);
  assert.equal(audit.filterBy, 'both');
  audit.resolve({ issues: [] });
  await second;
  assert.equal(w.controller.dataset.name, 'b');
});

test('probabilities refused as implausible: "analyse anyway" reads again with allowUnnormalized, new data resets it', async () => {
  const w = setup();
  const load = w.controller.addFiles([file('features.csv')]);
  const refused = await next(w.pending, 'read');
  assert.equal(refused.allowUnnormalized, undefined);
  refused.reject(Object.assign(new Error('These columns look like features.'), { code: 'implausible_probabilities' }));
  await load;
  assert.deepEqual(w.failures(), [['failed', null, 'These columns look like features.']]);
  const anyway = w.controller.setAllowUnnormalized(true);
  const again = await next(w.pending, 'read', 2);
  assert.equal(again.allowUnnormalized, true);
  again.resolve(fakeDataset('features'));
  (await next(w.pending, 'audit')).resolve({ issues: [] });
  await anyway;
  assert.equal(w.controller.phase, 'ready');
  // Other files: the check applies again.
  const other = w.controller.addFiles([file('other.csv')]);
  const third = await next(w.pending, 'read', 3);
  assert.equal(third.allowUnnormalized, undefined);
  third.resolve(fakeDataset('other'));
  (await next(w.pending, 'audit', 2)).resolve({ issues: [] });
  await other;
});

test('a file the sniffer refuses is rejected at once with its message; good files dropped with it go on', async () => {
  const w = setup();
  await w.controller.addFiles([new File([], 'empty.csv')]);
  assert.deepEqual(w.failures(), [['failed', 'Could not use empty.csv', 'The file is empty.']]);
  assert.deepEqual(w.controller.entries, []);
  assert.equal(w.pending.read.length, 0);
  assert.equal(w.controller.phase, 'error');
  const both = w.controller.addFiles([new File([], 'empty.csv'), file('good.csv')]);
  const read = await next(w.pending, 'read');
  assert.equal(read.input.combined.name, 'good.csv');
  read.resolve(fakeDataset('good'));
  (await next(w.pending, 'audit')).resolve({ issues: [] });
  await both;
  assert.deepEqual(
    w.controller.entries.map((e) => e.file.name),
    ['good.csv'],
  );
  // Said after the good file was read (reading clears the alert), beside its results.
  assert.deepEqual(w.failures()[1], ['failed', 'Could not use empty.csv', 'The file is empty.']);
  assert.equal(w.controller.phase, 'ready');
});

test('the choices kept about dropped files are looked up while they are read; shown only once answered', async () => {
  const answers = []; // the recall's answers, released by the test
  const recall = () => {
    const h = held(null);
    answers.push(h);
    return h.promise;
  };
  // Nothing kept (a first drop): the read starts before the answer, is shown after it, and is not read again.
  const w = setup({ recall });
  const dropped = w.controller.addFiles([file('table.csv')]);
  const read = await next(w.pending, 'read');
  assert.equal(answers.length, 1, 'the recall was asked');
  read.resolve(fakeDataset('table'));
  for (let i = 0; i < 5; i++) await tick();
  assert.equal(w.pending.audit.length, 0, 'nothing read is shown before the answer');
  answers[0].resolve(null);
  (await next(w.pending, 'audit')).resolve({ issues: [] });
  await dropped;
  assert.equal(w.pending.read.length, 1, 'read once');
  assert.equal(w.controller.phase, 'ready');

  // A label column kept: the read in flight gives way to one with it; its failure is never shown.
  const again = setup({ recall });
  const redrop = again.controller.addFiles([file('table.csv')]);
  const first = await next(again.pending, 'read');
  assert.equal(first.labelColumn, undefined);
  first.reject(Object.assign(new Error('Which column holds the labels?'), { code: 'missing_column' }));
  for (let i = 0; i < 5; i++) await tick();
  assert.deepEqual(again.failures(), [], 'not said before the answer');
  const entries = again.controller.entries.map((e) => ({ ...e, chosenLabelColumn: 'outcome' }));
  answers[1].resolve({ entries, computed: null, said: 'label column ‘outcome’' });
  const second = await next(again.pending, 'read', 2);
  assert.equal(second.labelColumn, 'outcome');
  second.resolve(fakeDataset('table'));
  (await next(again.pending, 'audit')).resolve({ issues: [] });
  await redrop;
  assert.deepEqual(again.failures(), []);
  assert.equal(again.controller.phase, 'ready');
  assert.equal(again.controller.labelColumn, 'outcome');
});
