// Probabilities computed in the page, without a browser: where the labels of the file sit (for the
// corrected labels), what the summary says, and the wording around it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  computedFacts,
  computedFrom,
  computedNotes,
  detectedLabelColumn,
  labelsPlace,
  listsFeatures,
} from '../../web/ui/computed.js';
import { formatPercentFixed, groupRowCount, plural, pluralIs } from '../../web/ui/format.js';

const flowersReport = {
  columns: [
    { name: 'sepal_length', column: 1, use: 'numeric' },
    { name: 'sepal_width', column: 2, use: 'numeric' },
    { name: 'petal_length', column: 3, use: 'numeric' },
    { name: 'petal_width', column: 4, use: 'numeric' },
    { name: 'site', column: 5, use: 'categorical' },
    { name: 'species', column: 6, use: 'label' },
  ],
  labelColumn: 'species',
  used: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'site'],
  labelsFile: 'flowers.csv',
  featuresFile: 'flowers.csv',
};
const flowersEntry = {
  role: 'combined',
  file: { name: 'flowers.csv' },
  looksLikeFeatures: true,
  columns: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'site', 'species'],
};

test('a table computed here: the labels are its species column, under a header', () => {
  const computed = computedFrom({ featureReport: flowersReport, settings: { foldsUsed: 5 } }, [flowersEntry], {
    impute: true,
  });
  assert.equal(computed.labelColumn, 6);
  assert.equal(computed.labelColumnName, 'species');
  assert.equal(computed.hasHeader, true);
  assert.equal(computed.folds, 5);
  assert.deepEqual(computed.options, { impute: true });
  assert.deepEqual(labelsPlace({ computed }), { labelColumn: 6, hasHeader: true });
  assert.equal(labelsPlace({ source: { labelsColumn: 1 } }), null); // read as such: the dataset knows
});

test("labels + a features file: the labels file's one column, a header if it had one", () => {
  const report = {
    columns: [],
    labelColumn: '',
    used: ['783 of 784 columns'],
    labelsFile: 'labels.csv',
    featuresFile: 'pixels.npy',
  };
  const entries = [
    { role: 'labels', file: { name: 'labels.csv' }, columns: ['label'] },
    { role: 'predProbs', file: { name: 'pixels.npy' }, columns: null },
  ];
  const computed = computedFrom({ featureReport: report, folds: [{}, {}, {}, {}, {}], settings: {} }, entries);
  assert.deepEqual(labelsPlace({ computed }), { labelColumn: 1, hasHeader: true });
  assert.equal(computed.folds, 5);
  // A demo's files are not sniffed: whether labels.csv has a header is the file's to say.
  const demo = computedFrom({ featureReport: report, settings: { foldsUsed: 5 } }, [
    { role: 'labels', file: { name: 'labels.csv' } },
    { role: 'features', file: { name: 'pixels.npy' } },
  ]);
  assert.deepEqual(labelsPlace({ computed: demo }), { labelColumn: 1 });
  assert.equal(computed.featuresFile, 'pixels.npy');
});

const strip = (text) => text.replace(/[\u2066-\u2069]/g, ''); // names sit in bidi isolates

test('the summary of a computed dataset: the label column or file, the features, k-fold cross-validation', () => {
  const flowers = computedFrom(
    { featureReport: flowersReport, numExamples: 600, settings: { foldsUsed: 5 }, notes: ['C = 0.1 chosen.'] },
    [flowersEntry],
  );
  assert.deepEqual(computedFacts(flowers).map(strip), [
    'Label column: species.',
    'Features: sepal_length, sepal_width, petal_length, petal_width and site.',
    'Probabilities computed here by 5-fold cross-validation (logistic regression, in this browser).',
  ]);
  assert.deepEqual(computedNotes(flowers).map(strip), [
    'flowers.csv: 600 rows, with a header row, label column species.',
    'C = 0.1 chosen.',
  ]);
  // The Fashion-MNIST demo: labels.csv and pixels.npy; no probabilities file was read.
  const report = {
    columns: [],
    labelColumn: '',
    used: ['783 of 784 columns'],
    labelsFile: 'labels.csv',
    featuresFile: 'pixels.npy',
    denseShape: [2000, 784],
    denseType: 'uint8',
    notes: ['1 column dropped.'],
  };
  const entries = [
    { role: 'labels', file: { name: 'labels.csv' }, columns: ['label'] },
    { role: 'predProbs', file: { name: 'pixels.npy' }, columns: null },
  ];
  const fashion = computedFrom({ featureReport: report, numExamples: 2000, settings: { foldsUsed: 5 } }, entries);
  assert.deepEqual(computedFacts(fashion).map(strip), [
    'Labels: labels.csv.',
    'Features: pixels.npy (783 of 784 columns).',
    'Probabilities computed here by 5-fold cross-validation (logistic regression, in this browser).',
  ]);
  assert.deepEqual(computedNotes(fashion).map(strip), [
    'labels.csv: 2,000 rows, with a header row.',
    'pixels.npy: features, 2,000 x 784 uint8.',
    '1 column dropped.',
  ]);
});

test("a count as a sentence's subject agrees with its verb", () => {
  assert.equal(pluralIs(1, 'decision'), '1 decision is');
  assert.equal(pluralIs(3, 'decision'), '3 decisions are');
  assert.equal(pluralIs(0, 'decision'), '0 decisions are');
  assert.equal(plural(2000, 'row'), '2,000 rows');
});

test('a features table as sniffed: the label column sniffFile names, when it is one of the columns', () => {
  const entry = { ...flowersEntry, labelColumn: 'species', reason: 'anything: the page does not read it' };
  assert.equal(detectedLabelColumn(entry), 'species');
  assert.equal(detectedLabelColumn({ ...entry, labelColumn: 'kind' }), null);
  assert.equal(detectedLabelColumn({ ...entry, labelColumn: null }), null);
  assert.equal(detectedLabelColumn({ ...entry, looksLikeFeatures: false }), null); // probabilities: the reader decides
  assert.equal(listsFeatures([entry]), true);
  assert.equal(listsFeatures([{ role: 'labels' }, { role: 'predProbs' }]), false);
});

test("numbers side by side share one precision; a reader's row count is grouped", () => {
  assert.equal(formatPercentFixed(0.82), '82.0%');
  assert.equal(formatPercentFixed(0.808), '80.8%');
  assert.equal(formatPercentFixed(1), '100.0%');
  assert.equal(
    groupRowCount('labels.csv: 2000 rows, no header row, comma-separated'),
    'labels.csv: 2,000 rows, no header row, comma-separated',
  );
  assert.equal(groupRowCount('2019.csv: 49 rows, with a header row'), '2019.csv: 49 rows, with a header row');
});
