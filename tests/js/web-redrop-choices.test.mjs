// The person's choices about dropped files, kept with the decisions (web/ui/choices.js): the same bytes dropped
// again (another File, another name) get them back, in words; other bytes, a demo, or a page that keeps nothing
// get none. A fake review store stands in for IndexedDB (persist.js saveChoices / loadChoices).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChoicesMemory, choicesPhrase, setsChoice } from '../../web/ui/choices.js';
import { fileFingerprint } from '../../web/ui/fingerprint.js';

function fakeStore({ enabled = true } = {}) {
  const records = new Map();
  return {
    enabled,
    records,
    async saveChoices(set, record) {
      if (record) records.set(set, structuredClone(record));
      else records.delete(set);
    },
    async loadChoices(set) {
      return records.get(set) ?? null;
    },
  };
}

const TABLE = 'visit_id,age,outcome\nV1,40,admitted\nV2,,discharged\n';
const table = (name, text = TABLE) => ({ file: new File([text], name), role: 'combined', looksLikeFeatures: true });
const FILES = { kind: 'files' };
const COMPUTED = { labelColumn: 'outcome', impute: true, folds: 3, columnRoles: { visit_id: 'id' } };

test('the same bytes under another name: the label column and how the probabilities were computed come back', async () => {
  const store = fakeStore();
  const memory = new ChoicesMemory(() => store);
  await memory.remember(FILES, [{ ...table('triage.csv'), chosenLabelColumn: 'outcome' }], COMPUTED);
  assert.equal(store.records.size, 1);
  const [record] = store.records.values();
  assert.ok(!JSON.stringify(record).includes('triage.csv'), 'no file name is kept');
  const recalled = await memory.recall([table('copy of triage.csv')]);
  assert.equal(recalled.entries[0].chosenLabelColumn, 'outcome');
  assert.deepEqual(recalled.computed, COMPUTED);
  assert.equal(recalled.said, 'label column ‘outcome’, missing values filled, the columns’ roles you set and 3 folds');
  assert.equal(recalled.entries[0].restoredChoices, recalled.said);
});

test('other bytes (one cell changed) inherit nothing; neither does a demo nor a page that keeps nothing', async () => {
  const store = fakeStore();
  const memory = new ChoicesMemory(() => store);
  await memory.remember(FILES, [{ ...table('triage.csv'), chosenLabelColumn: 'outcome' }], COMPUTED);
  assert.equal(await memory.recall([table('triage.csv', TABLE.replace('V2,,', 'V2,41,'))]), null);
  await memory.remember(
    { kind: 'demo', name: 'headlines' },
    [{ ...table('other.csv', 'a,b\n1,2\n'), role: 'labels' }],
    COMPUTED,
  );
  assert.equal(store.records.size, 1);
  const off = new ChoicesMemory(() => fakeStore({ enabled: false }));
  await off.remember(FILES, [{ ...table('triage.csv'), chosenLabelColumn: 'outcome' }], COMPUTED);
  assert.equal(await off.recall([table('triage.csv')]), null);
});

test('nothing chosen: the record goes (choices made before and undone are not brought back)', async () => {
  const store = fakeStore();
  const memory = new ChoicesMemory(() => store);
  await memory.remember(FILES, [{ ...table('t.csv'), chosenLabelColumn: 'outcome' }], null);
  assert.equal(store.records.size, 1);
  await memory.remember(FILES, [table('t.csv')], null);
  assert.equal(store.records.size, 0);
});

test('a pair of files: each file its own choices, whatever order they are dropped in', async () => {
  const store = fakeStore();
  const memory = new ChoicesMemory(() => store);
  const labels = { file: new File(['y\n0\n1\n'], 'a.csv'), role: 'predProbs', chosenBy: 'swap' };
  const probs = { file: new File(['0.9,0.1\n0.2,0.8\n'], 'b.csv'), role: 'labels', chosenBy: 'swap' };
  await memory.remember(FILES, [labels, probs], null);
  const recalled = await memory.recall([
    { file: new File(['0.9,0.1\n0.2,0.8\n'], 'b.csv'), role: 'predProbs' },
    { file: new File(['y\n0\n1\n'], 'a.csv'), role: 'labels' },
  ]);
  assert.deepEqual(
    recalled.entries.map((e) => [e.file.name, e.role]),
    [
      ['b.csv', 'labels'],
      ['a.csv', 'predProbs'],
    ],
  );
  assert.equal(recalled.said, 'labels ⇄ probabilities swapped');
});

test('fingerprints: by bytes, not names; cached per File', async () => {
  const a = new File(['x'.repeat(10)], 'a');
  assert.equal(await fileFingerprint(a), await fileFingerprint(new File(['x'.repeat(10)], 'b')));
  assert.notEqual(await fileFingerprint(a), await fileFingerprint(new File(['x'.repeat(11)], 'a')));
  assert.equal(fileFingerprint(a), fileFingerprint(a));
  assert.equal(choicesPhrase({ files: [{}], computed: null }), '');
});

test('label sets: the set column, the one-vs-rest compute with its folds and changed settings come back, in words', async () => {
  const store = fakeStore();
  const memory = new ChoicesMemory(() => store);
  const sets = 'id,text,tags\n1,a,x;y\n2,b,y\n';
  const defaults = { filterBy: 'prune_by_noise_rate', rankBy: 'self_confidence', fracNoise: 1, minExamplesPerClass: 1 };
  assert.equal(setsChoice({ computed: false, settings: defaults }), null, 'nothing chosen: nothing kept');
  const chosen = setsChoice({ computed: true, folds: 3, settings: { ...defaults, filterBy: 'both' } });
  assert.deepEqual(chosen, { computed: true, folds: 3, settings: { filterBy: 'both' } });
  const entry = { file: new File([sets], 'articles.csv'), role: 'combined', chosenLabelColumn: 'tags' };
  await memory.remember(FILES, [entry], null, chosen);
  const recalled = await memory.recall([{ file: new File([sets], 'copy.csv'), role: 'combined' }]);
  assert.deepEqual(recalled.multiLabel, chosen);
  assert.equal(recalled.entries[0].chosenLabelColumn, 'tags');
  assert.equal(
    recalled.said,
    'label column ‘tags’, one-vs-rest probabilities computed here with 3 folds and filter_by both',
  );
  // The settings changed back and nothing else chosen: the record goes.
  await memory.remember(FILES, [{ ...entry, chosenLabelColumn: undefined }], null, setsChoice({ settings: defaults }));
  assert.equal(store.records.size, 0);
});

test('part of a set dropped again: each file keeps its own label column, not the choices of the set', async () => {
  const store = fakeStore();
  const memory = new ChoicesMemory(() => store);
  const probs = 'a,b\n0.9,0.1\n0.2,0.8\n';
  // The table dropped with a probabilities file, its label column chosen and the two swapped back and forth.
  await memory.remember(
    FILES,
    [
      { ...table('triage.csv'), role: 'labels', chosenLabelColumn: 'outcome', chosenBy: 'swap' },
      { file: new File([probs], 'p.csv'), role: 'predProbs', chosenBy: 'swap' },
    ],
    null,
  );
  // The table alone: its label column comes back (the swap was about the pair); the probabilities alone: nothing.
  const alone = await memory.recall([table('triage (copy).csv')]);
  assert.equal(alone.entries[0].chosenLabelColumn, 'outcome');
  assert.equal(alone.entries[0].role, 'combined');
  assert.equal(alone.entries[0].chosenBy, undefined);
  assert.equal(alone.computed, null);
  assert.equal(alone.said, 'label column ‘outcome’');
  assert.equal(await memory.recall([{ file: new File([probs], 'p.csv'), role: 'predProbs' }]), null);

  // The other way round: a table chosen for alone (and computed), dropped again with another file.
  const other = fakeStore();
  const second = new ChoicesMemory(() => other);
  await second.remember(FILES, [{ ...table('triage.csv'), chosenLabelColumn: 'outcome' }], COMPUTED);
  const pair = await second.recall([table('triage.csv'), { file: new File([probs], 'p.csv'), role: 'predProbs' }]);
  assert.equal(pair.entries[0].chosenLabelColumn, 'outcome');
  assert.equal(pair.entries[1].chosenLabelColumn, undefined);
  assert.equal(pair.computed, null, 'how it was computed alone is no choice about the pair');

  // The label column chosen back to none in the pair: the table alone no longer gets one.
  await memory.remember(
    FILES,
    [
      { ...table('triage.csv'), role: 'labels' },
      { file: new File([probs], 'p.csv'), role: 'predProbs' },
    ],
    null,
  );
  assert.equal(await memory.recall([table('triage.csv')]), null);
});
