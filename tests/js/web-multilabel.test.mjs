// The page's multi-label controller (web/controllers/multilabel.js) under Node with the real JS API
// behind a fake worker client: which failed single-label reads it claims, the suggested sets,
// decisions on sets kept across a second read, and exports that read back in the input's notation.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { createLabelScope } from '../../src/js/index.js';
import { MultiLabelController } from '../../web/controllers/multilabel.js';
import { decisionsCsv, npyBytes, writeLabelSets } from '../../web/controllers/multilabel-files.js';
import { announcement, suggestedSet } from '../../web/controllers/multilabel-model.js';
import { looksMultiLabel } from '../../web/controllers/multilabel-sniff.js';

const DEMO = new URL('../../examples/multilabel/', import.meta.url);
const demoFile = (name) => ({ name, data: new Uint8Array(readFileSync(new URL(name, DEMO))) });
// LABELSCOPE_CORE: another build of the core (a helper's own dist) instead of dist/wasm.
const alt = process.env.LABELSCOPE_CORE;
const ls = await createLabelScope({
  moduleFactory: alt ? (await import(pathToFileURL(resolve(alt)).href)).default : undefined,
  threads: false,
});
const text = (parts) => parts.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))).join('');

// The worker client's multiLabel namespace, with promises, over the Node API.
const fakeClient = {
  crossValColumns: async (input, options) => ls.crossValColumns(input, options),
  multiLabel: {
    sniffLabelSets: async (source) => ls.multiLabel.sniffLabelSets(source),
    readDataset: async (input, options) => {
      const d = await ls.multiLabel.readDataset(input, options);
      return Object.assign(d, { free: async () => {} });
    },
    audit: async (dataset, options) => ls.multiLabel.audit(dataset, options),
    crossValProbs: async (input, options) => ls.multiLabel.crossValProbs(input, options),
    correctedLabelsFile: async (source, args) => ls.multiLabel.correctedLabelsFile(source, args),
  },
};
const readRequest = (entries) => {
  const by = (role) => entries.find((e) => e.role === role)?.file;
  return {
    input: by('combined') ? { combined: by('combined') } : { labels: by('labels'), predProbs: by('predProbs') },
    options: {},
  };
};

function memoryStore() {
  const saved = new Map();
  return {
    saved,
    load: async (key) => saved.get(key) ?? [],
    save: async (key, rows) => {
      saved.set(key, rows);
    },
  };
}

function fakeView() {
  const calls = [];
  const view = {};
  for (const name of ['progress', 'idle', 'show', 'failed', 'cancelled', 'offerCompute', 'decisionsChanged', 'clear']) {
    view[name] = (...args) => calls.push([name, ...args]);
  }
  return { view, calls };
}

const demoEntries = () => [
  { role: 'labels', file: demoFile('labels.csv') },
  { role: 'predProbs', file: demoFile('pred_probs.csv') },
];

test('failed single-label reads that multi-label data explains are claimed; others are not', () => {
  assert.ok(looksMultiLabel({ code: 'looks_multi_label', message: 'x' }));
  assert.ok(
    looksMultiLabel({
      code: 'missing_column',
      message: 'No label column found. The columns are: ' + "'label_news', 'label_sport'.",
    }),
  );
  assert.ok(
    looksMultiLabel({
      code: 'bad_npy',
      message: 'labels .npy must be 1-D (one label per example); this array has 2 dimensions.',
    }),
  );
  assert.ok(!looksMultiLabel({ code: 'missing_column', message: "No label column found. The columns are: 'a', 'b'." }));
  assert.ok(!looksMultiLabel({ code: 'unknown_class', message: "The label 'x'" }));
  assert.ok(!looksMultiLabel(null));
  // One table of features whose first label matched no class: maybe (take() checks for sets first).
  const c = new MultiLabelController({}, {});
  const table = [{ role: 'combined', looksLikeFeatures: true, file: {} }];
  assert.equal(c.claims({ code: 'unknown_class', message: "The label 'c1' matches no class." }, table), 'maybe');
  // Any one table: its label column may be one the person chose (take() checks it for sets).
  assert.equal(
    c.claims({ code: 'unknown_class', message: "The label 'c1' matches no class." }, [{ role: 'combined' }]),
    'maybe',
  );
  assert.equal(
    c.claims({ code: 'unknown_class', message: "The label 'c1' matches no class." }, [{ role: 'labels' }]),
    false,
  );
  assert.equal(c.claims({ code: 'looks_multi_label', message: '' }, table), true);
  assert.equal(announcement(312), 'Looks multi-label: 312 rows have more than one label');
  assert.equal(announcement(1), 'Looks multi-label: 1 row has more than one label');
  assert.deepEqual(suggestedSet({ given: [0, 2], missing: [1], extra: [2] }), [0, 1]);
});

test('the demo: read, audited as the JS API does, decisions on sets kept across a second read', async () => {
  const store = memoryStore();
  const { view, calls } = fakeView();
  const c = new MultiLabelController({ client: async () => fakeClient, readRequest, store }, view);
  const model = await c.take(demoEntries(), { sourceName: 'labels' });
  assert.ok(model, JSON.stringify(calls.find((x) => x[0] === 'failed')?.[1]?.message));
  const d = await ls.multiLabel.readDataset({ labels: demoFile('labels.csv'), predProbs: demoFile('pred_probs.csv') });
  const expected = ls.multiLabel.audit(d, {});
  assert.deepEqual(
    model.rows.map((r) => r.example),
    Array.from(expected.issues),
  );
  assert.equal(model.rowsWithSeveral, d.rowsWithSeveral);
  assert.equal(model.announcement, announcement(d.rowsWithSeveral));
  assert.equal(model.notation, 'semicolon');
  assert.ok(model.rows.length > 0);
  assert.ok(model.rows.some((r) => r.missing.length > 0) && model.rows.some((r) => r.extra.length > 0));
  for (const k of model.classIssues.keys()) assert.deepEqual(model.classIssues[k], Array.from(expected.classIssues[k]));
  assert.equal(model.health.overall, expected.health.overallLabelHealthScore);

  const [first, second] = model.rows;
  assert.deepEqual(c.decide(first.example, 'accept').set, first.suggested);
  assert.deepEqual(c.decide(second.example, 'edit', [3, 1, 1]).set, [1, 3]);
  assert.throws(() => c.decide(second.example, 'edit', [99]), /not one of the 7 classes/);
  assert.throws(() => c.decide(9999, 'keep'), RangeError);
  assert.equal(c.decisions.length, 2);

  // A second read of the same files gets the decisions back (the store), as single-label ones.
  const again = new MultiLabelController({ client: async () => fakeClient, readRequest, store }, fakeView().view);
  await again.take(demoEntries());
  assert.deepEqual(
    again.decisions.map((x) => [x.index, x.decision, x.set]),
    c.decisions.map((x) => [x.index, x.decision, x.set]),
  );

  // The corrected labels read back (same notation) give the decided sets, every other row as given; the
  // labels file comes back whole, with the sets as given in an original_label column.
  const file = await c.exportLabels();
  assert.equal(file.name, 'labels-corrected.csv');
  const written = text(file.parts);
  assert.equal(written.split('\n')[0], 'labels,original_label');
  assert.equal(written.split('\n')[1].split(',')[1], readFileSync(new URL('labels.csv', DEMO), 'utf8').split('\n')[1]);
  const back = await ls.multiLabel.readDataset({
    labels: { name: file.name, data: written },
    predProbs: demoFile('pred_probs.csv'),
  });
  assert.equal(back.notation, 'semicolon');
  const sets = back.labelSets();
  const given = d.labelSets();
  for (let i = 0; i < sets.length; i++) {
    const decided = c.decisionOf(i);
    assert.deepEqual(sets[i], decided ? decided.set : given[i], `row ${i + 1}`);
  }
  assert.match(
    c.exportIssues().data,
    /^rank,index,row,given_label,suggested_label,probably_missing,probably_extra,label_quality,decision,final_label\n/,
  );
});

test('every notation is written as it was read, and reads back to the same sets', async () => {
  const classNames = ['news', 'sport', 'a "quoted", name'];
  const sets = [[0], [0, 1], [], [2], [1, 2]];
  const probs = 'news,sport,x\n0.9,0.1,0.1\n0.8,0.7,0.2\n0.1,0.1,0.1\n0.2,0.1,0.9\n0.2,0.9,0.9\n';
  for (const notation of ['semicolon', 'pipe', 'json', 'columns', 'npy']) {
    const file = writeLabelSets(sets, { classNames, notation });
    const d = await ls.multiLabel.readDataset(
      { labels: { name: file.name, data: file.data }, predProbs: probs },
      { classNames },
    );
    if (notation !== 'npy') assert.equal(d.notation, notation, notation);
    assert.deepEqual(d.labelSets(), sets, notation);
  }
  // The .npy header is padded to a multiple of 64 bytes and says uint8, N x K.
  const bytes = npyBytes(sets, 3);
  const headerLength = bytes[8] + 256 * bytes[9];
  assert.equal((10 + headerLength) % 64, 0);
  assert.match(new TextDecoder().decode(bytes.subarray(10, 10 + headerLength)), /'descr': '\|u1'.*'shape': \(5, 3\)/);
});

test('Cancel while reading: the read is told to stop, the view says cancelled, nothing is shown', async () => {
  const { view, calls } = fakeView();
  let seen = null;
  const client = {
    multiLabel: {
      readDataset: (input, options) =>
        new Promise((resolve, reject) => {
          seen = options.signal;
          options.signal.addEventListener('abort', () =>
            reject(Object.assign(new Error('Reading was cancelled.'), { code: 'cancelled' })),
          );
        }),
    },
  };
  const c = new MultiLabelController({ client: async () => client, readRequest, store: memoryStore() }, view);
  const taking = c.take(demoEntries());
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(seen && !seen.aborted);
  c.cancel();
  assert.equal(await taking, null);
  assert.ok(seen.aborted);
  assert.deepEqual(
    calls.filter((x) => ['cancelled', 'failed', 'show'].includes(x[0])).map((x) => x[0]),
    ['cancelled'],
  );
  assert.equal(c.model, null);
});

test("the page's settings steer the audit; a settings change audits again without reading, decisions kept", async () => {
  const store = memoryStore();
  const { view, calls } = fakeView();
  let options = { filterBy: 'confident_learning', rankBy: 'normalized_margin' };
  const analysed = [];
  view.analysed = (model, how) => analysed.push([model, how]);
  let reads = 0;
  const client = {
    multiLabel: {
      ...fakeClient.multiLabel,
      readDataset: (...a) => {
        reads++;
        return fakeClient.multiLabel.readDataset(...a);
      },
    },
  };
  const c = new MultiLabelController({ client: async () => client, readRequest, store, options: () => options }, view);
  const entries = demoEntries();
  const model = await c.take(entries, { sourceName: 'labels' });
  const d = await ls.multiLabel.readDataset({
    labels: demoFile('labels.csv'),
    predProbs: demoFile('pred_probs.csv'),
  });
  assert.deepEqual(
    model.rows.map((r) => r.example),
    Array.from(ls.multiLabel.audit(d, options).issues),
  );
  assert.deepEqual(model.options, options);
  // The first show of data read from files is a session a reload can resume.
  assert.equal(analysed.length, 1);
  assert.deepEqual(analysed[0][1], { entries, labelColumn: null, computed: false });
  c.decide(model.rows[0].example, 'keep');
  options = { filterBy: 'low_self_confidence', rankBy: 'self_confidence' };
  const again = await c.settingsChanged({ filterBy: 'low_self_confidence' });
  assert.deepEqual(
    again.rows.map((r) => r.example),
    Array.from(ls.multiLabel.audit(d, options).issues),
  );
  assert.equal(reads, 1, 'nothing read again');
  assert.equal(analysed.length, 1, 'not a new session');
  assert.equal(c.decisions.length, 1);
  assert.equal(calls.filter((x) => x[0] === 'show').length, 2);
  d.free();
});

// A table of label sets, id and headline columns and numeric features (as a person's articles table):
// x<c> is high when class c is in the set; every 9th row has a class missing from its given set.
function articlesTable() {
  const tags = ['news', 'sport', 'tech'];
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const lines = ['id,headline,x0,x1,x2,labels'];
  const given = [];
  for (let i = 0; i < 150; i++) {
    let set = [0, 1, 2].filter(() => rand() < 0.45);
    if (set.length === 0) set = [i % 3];
    const x = [0, 1, 2].map((c) => ((set.includes(c) ? 2 : 0) + rand()).toFixed(3));
    const g = i % 9 === 4 && set.length > 1 ? set.slice(1) : set;
    given.push(g);
    lines.push(`A${100 + i},"Headline ${i}, today",${x.join(',')},${g.map((c) => tags[c]).join(';')}`);
  }
  return { csv: `${lines.join('\n')}\n`, given, tags };
}

test(
  "a table of sets and features: the compute is offered (not the reader's error); id/text shown and exported; " +
    'the corrected table is the whole table in its notation with original_label; the decisions export',
  async () => {
    const { csv } = articlesTable();
    const file = { name: 'articles.csv', data: new TextEncoder().encode(csv) };
    const entries = [
      { role: 'combined', file, format: 'csv', looksLikeFeatures: true, columns: csv.split('\n')[0].split(',') },
    ];
    const { view, calls } = fakeView();
    const c = new MultiLabelController({ client: async () => fakeClient, readRequest, store: memoryStore() }, view);
    assert.equal(await c.take(entries, { sourceName: 'articles' }), null);
    const offer = calls.find((x) => x[0] === 'offerCompute');
    assert.ok(offer, `offered: ${JSON.stringify(calls.map((x) => x[0]))}`);
    assert.ok(!calls.some((x) => x[0] === 'failed'));
    const model = await offer[2]();
    assert.ok(model && model.rows.length > 0, 'flagged rows');
    // The id and text columns come with the rows, as in single-label reviews.
    assert.deepEqual(
      model.extraColumns.map((col) => col.name),
      ['id', 'headline'],
    );
    const lines = csv.trim().split('\n');
    const [first, second] = model.rows;
    c.decide(first.example, 'accept');
    c.decide(second.example, 'edit', [0, 2]);

    const out = await c.exportLabels();
    assert.equal(out.name, 'articles-corrected.csv');
    const written = text(out.parts).trim().split('\n');
    assert.equal(written[0], `${lines[0]},original_label`);
    assert.equal(written.length, lines.length);
    const sets = c.correctedSets();
    for (let i = 1; i < lines.length; i++) {
      const before = lines[i].split(',');
      const after = written[i].split(',');
      assert.deepEqual(after.slice(0, before.length - 1), before.slice(0, -1), `row ${i}: other cells as read`);
      assert.equal(
        after[before.length - 1],
        sets[i - 1].map((k) => model.classNames[k]).join(';'),
        `row ${i}: the set`,
      );
      assert.equal(after[before.length], before[before.length - 1], `row ${i}: original_label`);
    }
    // It reads back to the decided sets.
    const back = await ls.multiLabel.crossValProbs({ combined: { name: 'back.csv', data: text(out.parts) } });
    const names = (i, cls) =>
      Array.from(cls.subarray(back.labels.offsets[i], back.labels.offsets[i + 1]), (k) => back.classNames[k]).sort();
    for (let i = 0; i < sets.length; i++) {
      assert.deepEqual(names(i, back.labels.classes), sets[i].map((k) => model.classNames[k]).sort(), `row ${i + 1}`);
    }

    // The flagged rows carry the id and headline columns.
    const issues = c.exportIssues().data.trim().split('\n');
    assert.equal(
      issues[0],
      'rank,index,row,given_label,suggested_label,probably_missing,probably_extra,label_quality,id,headline,decision,final_label',
    );
    assert.ok(issues[1].startsWith(`1,${first.example},${first.example + 1},`));
    assert.ok(issues[1].includes(`,A${100 + first.example},"Headline ${first.example},`), issues[1]);
    assert.ok(issues[1].endsWith(',accept,' + first.suggested.map((k) => model.classNames[k]).join(';')));

    // The decisions, with the single-label decisions export's columns.
    const decisions = c.exportDecisions();
    assert.equal(decisions.name, 'articles-decisions.csv');
    assert.equal(
      decisions.data,
      decisionsCsv(model, new Map(c.decisions.map((d) => [d.index, { decision: d.decision, set: d.set, at: d.at }]))),
    );
    const rows = decisions.data.trim().split('\n');
    assert.equal(
      rows[0],
      'index,row,id,headline,given_label,suggested_label,decision,final_label,label_quality,rank,decided_at',
    );
    assert.equal(rows.length, 3);
    const edited = rows.find((r) => r.startsWith(`${second.example},${second.example + 1},A${100 + second.example},`));
    assert.ok(edited && edited.includes(`,edit,${model.classNames[0]};${model.classNames[2]},`), edited);
  },
);

test('a set column the person named (tags): the offered compute reads that column, and a Resume computes it again', async () => {
  const { csv } = articlesTable();
  const renamed = csv.replace('id,headline,x0,x1,x2,labels', 'id,headline,x0,x1,x2,tags');
  const file = { name: 'tagged.csv', data: new TextEncoder().encode(renamed) };
  const entries = [{ role: 'combined', file, format: 'csv', columns: renamed.split('\n')[0].split(',') }];
  const { view, calls } = fakeView();
  const analysed = [];
  view.analysed = (model, how) => analysed.push(how);
  const c = new MultiLabelController({ client: async () => fakeClient, readRequest, store: memoryStore() }, view);
  assert.equal(await c.take(entries, { sourceName: 'tagged', labelColumn: 'tags' }), null);
  const offer = calls.find((x) => x[0] === 'offerCompute');
  assert.ok(offer, `offered: ${JSON.stringify(calls.map((x) => [x[0], x[1]?.message]))}`);
  const model = await offer[2]();
  assert.ok(model, JSON.stringify(calls.find((x) => x[0] === 'failed')?.[1]?.message));
  assert.equal(model.rowsWithSeveral > 0, true);
  assert.deepEqual(analysed[0], { entries, labelColumn: 'tags', computed: true, folds: 5 });
  // The corrected table keeps the column's name and writes the sets into it.
  const out = text((await c.exportLabels()).parts);
  assert.equal(out.split('\n')[0], 'id,headline,x0,x1,x2,tags,original_label');
  // Resume: computed again without asking, from the same column.
  const again = new MultiLabelController(
    { client: async () => fakeClient, readRequest, store: memoryStore() },
    fakeView().view,
  );
  again.computeOnResume();
  const resumed = await again.take(entries, { sourceName: 'tagged', labelColumn: 'tags' });
  assert.deepEqual(
    resumed?.rows.map((r) => r.example),
    model.rows.map((r) => r.example),
  );
});

test(
  'a table whose set column has a name of its own (tags), chosen by the person: the sets are found and the ' +
    'compute offered; a single-label table with an unknown class is left to the single-label error',
  async () => {
    const { csv } = articlesTable();
    const renamed = csv.replace('id,headline,x0,x1,x2,labels', 'id,headline,x0,x1,x2,tags');
    const file = { name: 'tagged.csv', data: new TextEncoder().encode(renamed) };
    // The sniffer saw no label column, so it did not take the other columns for features.
    const entries = [{ role: 'combined', file, format: 'csv', looksLikeFeatures: false }];
    const single = { code: 'unknown_class', message: "The label 'sport' matches no class." };
    const { view, calls } = fakeView();
    const c = new MultiLabelController({ client: async () => fakeClient, readRequest, store: memoryStore() }, view);
    const claim = c.claims(single, entries);
    assert.equal(claim, 'maybe');
    assert.equal(await c.take(entries, { labelColumn: 'tags', check: true }), null);
    assert.ok(
      calls.some((x) => x[0] === 'offerCompute'),
      JSON.stringify(calls.map((x) => [x[0], x[1]?.message])),
    );
    // One label per row next to features: not taken (the single-label error stands).
    const plain = renamed
      .split('\n')
      .map((line, i) => (i === 0 || !line ? line : line.replace(/,[^,]*$/, `,${line.split(',').pop().split(';')[0]}`)))
      .join('\n');
    const other = new MultiLabelController(
      { client: async () => fakeClient, readRequest, store: memoryStore() },
      fakeView().view,
    );
    const plainEntries = [{ role: 'combined', file: { name: 'plain.csv', data: plain }, format: 'csv' }];
    assert.equal(await other.take(plainEntries, { labelColumn: 'tags', check: true }), false);
  },
);

test('the choices kept about a table of sets come back: settings restored, computed at once with their folds, said', async () => {
  const { csv } = articlesTable();
  const renamed = csv.replace('id,headline,x0,x1,x2,labels', 'id,headline,x0,x1,x2,tags');
  const file = { name: 'tagged (copy).csv', data: new TextEncoder().encode(renamed) };
  const entries = [{ role: 'combined', file, format: 'csv', chosenLabelColumn: 'tags' }];
  const { view, calls } = fakeView();
  view.restoreSettings = (values) => calls.push(['restoreSettings', values]);
  const remembered = [];
  const said = 'label column ‘tags’, one-vs-rest probabilities computed here with 3 folds and filter_by both';
  const choices = {
    recall: async (asked) => {
      assert.equal(asked, entries);
      return { entries, multiLabel: { computed: true, folds: 3, settings: { filterBy: 'both' } }, said };
    },
    remember: (how) => remembered.push(how),
  };
  const c = new MultiLabelController(
    { client: async () => fakeClient, readRequest, store: memoryStore(), choices, fingerprint: async () => 'ab12' },
    view,
  );
  const model = await c.take(entries, { sourceName: 'tagged', labelColumn: 'tags' });
  assert.ok(model, JSON.stringify(calls.map((x) => [x[0], x[1]?.message])));
  assert.ok(!calls.some((x) => x[0] === 'offerCompute'), 'computed without asking');
  assert.deepEqual(calls.find((x) => x[0] === 'restoreSettings')?.[1], { filterBy: 'both' });
  assert.equal(model.computed.folds.length, 3);
  assert.equal(model.restored, said);
  assert.deepEqual(remembered, [{ entries, labelColumn: 'tags', computed: true, folds: 3 }]);
  // The decisions are keyed by the file's bytes (deps.fingerprint), not its name: found again under another name.
  assert.equal(c.key, `ml:computed:ab12:tags:${model.numClasses}`);
});

test('a table of sets with fewer rows than folds: offered again with as many folds as rows, and computed', async () => {
  const tiny = 'id,headline,x0,labels\n1,vote match,1,x;y\n2,chip app,0,y\n3,vaccine study,1,x\n4,coach league,0,x;y\n';
  const file = { name: 'tiny.csv', data: new TextEncoder().encode(tiny) };
  const { view, calls } = fakeView();
  const c = new MultiLabelController({ client: async () => fakeClient, readRequest, store: memoryStore() }, view);
  assert.equal(await c.compute(file, { sourceName: 'tiny' }), null);
  const offer = calls.find((x) => x[0] === 'offerCompute');
  assert.ok(offer, JSON.stringify(calls.map((x) => [x[0], x[1]?.message])));
  assert.equal(offer[1].code, 'too_few_examples');
  const model = await offer[2](4);
  assert.ok(model, JSON.stringify(calls.find((x) => x[0] === 'failed')?.[1]?.message));
  assert.equal(model.computed.folds.length, 4);
});
