// The person's choices about the files are what the page reads, whatever else changes: a label column
// chosen for a table stays chosen (and is what is read) while other files are added, removed or change
// roles, goes with the file when that file is replaced, and the file list says it is the person's choice,
// not the reader's guess. The analysis controller (web/controllers/analysis.js) with the page's own roles
// (web/ui/roles.js) and a fake worker that records what it is asked to read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnalysisController } from '../../web/controllers/analysis.js';
import { reasonText } from '../../web/ui/file-rows.js';
import { checkRoles, DATA_ROLES, mergeFiles } from '../../web/ui/roles.js';

const COLUMNS = ['ticket_id', 'wait', 'label', 'reviewed'];
// What the sniffer says of each file, by name.
const SNIFFED = {
  'tickets.csv': {
    role: 'combined',
    reason: "a 'label' column next to numbers",
    columns: COLUMNS,
    labelColumn: 'label',
  },
  'probs.csv': { role: 'predProbs', reason: '3 numeric columns', columns: ['a', 'b', 'c'] },
  'truth.csv': { role: 'truth', reason: 'index and is_error columns', columns: ['index', 'is_error'] },
  'classes.txt': { role: 'classNames', reason: 'one name per line', columns: null },
};

function setup() {
  const reads = [];
  const client = {
    async readDataset(input, options) {
      reads.push({ input, labelColumn: options.labelColumn ?? null });
      return { numExamples: 3, classNames: ['a', 'b', 'c'], notes: [], async free() {} };
    },
    async audit() {
      return { issues: [], numExamples: 3 };
    },
  };
  const shown = [];
  const view = {
    setState: () => {},
    progress: () => {},
    readProgress: () => {},
    idle: () => {},
    progressShowing: () => false,
    clearError: () => {},
    note: () => {},
    showFiles: () => shown.push(controller.shownDataset),
    failed: (error) => {
      throw error;
    },
    hideResults: () => {},
    render: () => {},
    announce: () => {},
    settings: () => ({ filterBy: 'prune_by_noise_rate', rankBy: 'self_confidence' }),
    restoreSettings: () => {},
    openDecisions: async () => ({ restored: null }),
    useDecisions: () => {},
    analysed: () => {},
  };
  const deps = {
    client: async () => client,
    fetchFiles: async () => [],
    sniff: async (file) => ({ ...SNIFFED[file.name], file }),
    checkRoles,
    mergeFiles,
    dataRoles: DATA_ROLES,
    parseTruth: (text, fileName) => ({ file: fileName, entries: [] }),
    buildTruth: () => null,
  };
  const controller = new AnalysisController(deps, view);
  const lastRead = () => reads.at(-1);
  const entry = (name) => controller.entries.find((e) => e.file.name === name);
  return { controller, reads, lastRead, entry, shown };
}

const file = (name, text = 'x') => new File([text], name);

test('a label column chosen in a table stays chosen, and read, when a probabilities file is added', async () => {
  const { controller, lastRead, entry } = setup();
  await controller.addFiles([file('tickets.csv')]);
  assert.equal(lastRead().labelColumn, null); // the reader's guess
  await controller.setLabelColumn('reviewed', 0);
  assert.equal(lastRead().labelColumn, 'reviewed');
  await controller.addFiles([file('probs.csv')]);
  assert.equal(entry('tickets.csv').role, 'labels'); // a table beside probabilities: its labels
  assert.equal(controller.labelColumn, 'reviewed');
  assert.equal(lastRead().input.labels.name, 'tickets.csv');
  assert.equal(lastRead().input.predProbs.name, 'probs.csv');
  assert.equal(lastRead().labelColumn, 'reviewed');
});

test('the choice survives known truth and class names added, and another file removed or re-roled', async () => {
  const { controller, reads, lastRead } = setup();
  await controller.addFiles([file('tickets.csv'), file('probs.csv')]);
  await controller.setLabelColumn('reviewed', 0);
  await controller.addFiles([file('truth.csv')]);
  await controller.addFiles([file('classes.txt')]);
  assert.equal(lastRead().labelColumn, 'reviewed');
  const n = reads.length;
  // The probabilities set aside, then used again: the table's label column is still the person's.
  const probs = controller.entries.findIndex((e) => e.file.name === 'probs.csv');
  await controller.setRole(probs, 'ignore');
  await controller.setRole(probs, 'predProbs');
  assert.equal(controller.labelColumn, 'reviewed');
  assert.equal(reads.length, n); // what was read is listed again: the data read with 'reviewed', not read again
  assert.ok(controller.shownDataset);
});

test('the table used as one table again (its role changed back): the same label column', async () => {
  const { controller, lastRead, entry } = setup();
  await controller.addFiles([file('tickets.csv')]);
  await controller.setLabelColumn('reviewed', 0);
  await controller.setRole(0, 'ignore');
  assert.equal(controller.labelColumn, null); // no table gives the labels now
  await controller.setRole(0, 'combined');
  assert.equal(lastRead().labelColumn, 'reviewed');
  assert.equal(entry('tickets.csv').chosenBy, 'you');
});

test('a table dropped again (another file of the same name): its own guess, not the old choice', async () => {
  const { controller, lastRead, entry } = setup();
  await controller.addFiles([file('tickets.csv'), file('probs.csv')]);
  await controller.setLabelColumn('reviewed', 0);
  await controller.addFiles([file('tickets.csv', 'other bytes')]);
  assert.equal(entry('tickets.csv').chosenLabelColumn, undefined);
  assert.equal(lastRead().labelColumn, null);
  assert.equal(lastRead().input.combined?.size ?? lastRead().input.labels.size, 'other bytes'.length);
});

test('while the new choice is read, the data read with the old one is not shown as these files', async () => {
  const { controller, shown } = setup();
  await controller.addFiles([file('tickets.csv'), file('probs.csv')]);
  assert.ok(controller.shownDataset);
  shown.length = 0;
  await controller.setLabelColumn('reviewed', 0);
  assert.equal(shown[0], null); // the list drawn as the read starts: no "Read N examples" of the old column
  assert.ok(controller.shownDataset); // read again with the choice
});

test('the file list says what the person chose, not what the reader guessed', () => {
  const guessed = { reason: "a 'label' column next to numbers" };
  assert.equal(reasonText(guessed, true), "Guessed from: a 'label' column next to numbers");
  assert.match(
    reasonText({ ...guessed, chosenLabelColumn: 'topic' }, true),
    /^Chosen by you: the label column ‘.*topic.*’$/,
  );
  assert.equal(
    reasonText({ ...guessed, chosenLabelColumn: 'topic' }, false),
    "Guessed from: a 'label' column next to numbers",
  );
  assert.equal(reasonText({ ...guessed, chosenBy: 'you' }, false), 'Chosen by you: its use');
  assert.equal(reasonText({ ...guessed, chosenBy: 'swap' }, false), 'Chosen by you: labels ⇄ probabilities swapped');
  assert.match(
    reasonText({ ...guessed, chosenBy: 'you', chosenLabelColumn: 'topic' }, true),
    /^Chosen by you: its use and the label column/,
  );
});
