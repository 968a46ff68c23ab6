// The JS API's contract at its edges: every bad argument is a LabelScopeError with a code that
// names the argument, never an Embind BindingError and never a value silently wrapped or converted.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertLabelScopeError, labelScope } from './helpers.mjs';

let ls;
let dataset;
const P = [
  [0.8, 0.1, 0.1],
  [0.1, 0.8, 0.1],
  [0.1, 0.1, 0.8],
  [0.3, 0.3, 0.4],
  [0.6, 0.3, 0.1],
  [0.2, 0.7, 0.1],
];
const labels = [0, 1, 2, 2, 1, 1];
before(async () => {
  ls = await labelScope();
  const csv = `a,b,c\n${P.map((r) => r.join(',')).join('\n')}\n`;
  dataset = await ls.readDataset({
    labels: { name: 'l.csv', data: labels.join('\n') },
    predProbs: { name: 'p.csv', data: csv },
  });
});
after(() => dataset?.free());

// The error is a LabelScopeError with `code` whose message names `argument`.
async function rejects(fn, code, argument) {
  await assertLabelScopeError(fn, code);
  try {
    await fn();
  } catch (e) {
    assert.ok(e.message.includes(argument), `the message names ${argument}: ${e.message}`);
  }
}

describe('options of the wrong type are invalid_option errors naming the option', () => {
  test('filterBy: {} (arrays, and a Dataset)', async () => {
    await rejects(() => ls.findLabelIssues({ labels, predProbs: P, filterBy: {} }), 'invalid_option', 'filterBy');
    await rejects(() => ls.findLabelIssues({ dataset, filterBy: {} }), 'invalid_option', 'filterBy');
    await rejects(() => ls.audit(dataset, { filterBy: 7 }), 'invalid_option', 'filterBy');
  });
  test('labelColumn: 5 and classNames: [1, {}] in readDataset', async () => {
    const input = { combined: { name: 'd.csv', data: 'label,a,b\n0,0.9,0.1\n1,0.2,0.8\n' } };
    await rejects(() => ls.readDataset(input, { labelColumn: 5 }), 'invalid_option', 'labelColumn');
    await rejects(() => ls.readDataset(input, { classNames: [1, {}] }), 'invalid_option', 'classNames[0]');
    await rejects(() => ls.readDataset(input, { classNames: 'a,b' }), 'invalid_option', 'classNames');
    await rejects(() => ls.readDataset(input, { float32: 'yes' }), 'invalid_option', 'float32');
  });
  test('other options: method, fracNoise, adjustPredProbs, numToRemovePerClass', async () => {
    await rejects(() => ls.getLabelQualityScores({ labels, predProbs: P, method: ['x'] }), 'invalid_option', 'method');
    await rejects(() => ls.findLabelIssues({ labels, predProbs: P, fracNoise: '0.5' }), 'invalid_option', 'fracNoise');
    await rejects(
      () => ls.findLabelIssues({ labels, predProbs: P, adjustPredProbs: 1 }),
      'invalid_option',
      'adjustPredProbs',
    );
    await rejects(
      () => ls.findLabelIssues({ labels, predProbs: P, numToRemovePerClass: [1, -1, 0] }),
      'invalid_option',
      'numToRemovePerClass[1]',
    );
  });
});

describe('values out of range are refused, not wrapped', () => {
  test('a label of 2**31 (would wrap to -2147483648)', async () => {
    await assertLabelScopeError(
      () => ls.findLabelIssues({ labels: [0, 1, 2, 2 ** 31, 1, 1], predProbs: P }),
      'label_out_of_range',
      { example: 3 },
    );
    await rejects(
      () => ls.findLabelIssues({ labels: [0, 1, 2, -(2 ** 31) - 1, 1, 1], predProbs: P }),
      'label_out_of_range',
      'labels[3]',
    );
  });
  test('numClasses 2**32 + 3 (would be taken as 3)', async () => {
    await rejects(
      () => ls.findLabelIssues({ labels, predProbs: Float64Array.from(P.flat()), numClasses: 2 ** 32 + 3 }),
      'invalid_option',
      'numClasses',
    );
    await rejects(
      () => ls.findLabelIssues({ labels, predProbs: Float64Array.from(P.flat()), numClasses: 4 }),
      'invalid_option',
      'numClasses',
    );
  });
  test('probabilityRows(2**32, 1) (would be row 0), negative and fractional rows', async () => {
    await rejects(() => dataset.probabilityRows(2 ** 32, 1), 'invalid_option', 'start');
    await rejects(() => dataset.probabilityRows(0, 2 ** 32 + 1.5), 'invalid_option', 'count');
    await rejects(() => dataset.probabilityRows(-1, 1), 'invalid_option', 'start');
    assert.deepEqual(Array.from(dataset.probabilityRows(1, 1)), P[1]);
    assert.deepEqual(Array.from(dataset.probabilityRows(5, 2 ** 32)), P[5], 'count is limited to the rows there are');
  });
  test('a null probability (would become 0) names its row and column', async () => {
    const rows = P.map((r) => [...r]);
    rows[2][1] = null;
    await assertLabelScopeError(() => ls.findLabelIssues({ labels, predProbs: rows }), 'non_finite', {
      example: 2,
      classIndex: 1,
    });
    rows[2][1] = '0.1';
    await rejects(() => ls.audit({ labels, predProbs: rows }), 'non_finite', 'predProbs[2][1]');
  });
  test('a confident joint with NaN, negative or fractional counts', async () => {
    const joint = (v) => [
      [2, 0, 0],
      [0, 2, v],
      [0, 0, 2],
    ];
    for (const v of [NaN, -1, 0.5]) {
      await rejects(
        () => ls.findLabelIssues({ labels, predProbs: P, confidentJoint: joint(v) }),
        'invalid_option',
        'confidentJoint[1][2]',
      );
      await rejects(
        () => ls.numLabelIssues({ labels, predProbs: P, confidentJoint: joint(v) }),
        'invalid_option',
        'confidentJoint',
      );
    }
    await rejects(
      () => ls.findLabelIssues({ labels, predProbs: P, confidentJoint: [[1, 2], [3]] }),
      'invalid_option',
      'confidentJoint',
    );
    // A valid joint is still taken.
    assert.ok(ls.findLabelIssues({ labels, predProbs: P, confidentJoint: joint(0) }).mask instanceof Uint8Array);
  });
});

describe('labels matched to classes (needs a core built from this tree)', () => {
  const probs = `a,b,c\n${P.map((r) => r.join(',')).join('\n')}\n`;
  test('0,1,2,x,1,2 with classes a,b,c names x, the first label that is neither an index nor a class', async () => {
    await assertLabelScopeError(
      () =>
        ls.readDataset({
          labels: { name: 'l.csv', data: '0\n1\n2\nx\n1\n2\n' },
          predProbs: { name: 'p.csv', data: probs },
        }),
      'unknown_class',
      { file: 'l.csv', row: 4, column: 1 },
    );
  });
  test('numeric class names 10,20,30 in a combined CSV match the labels by name', async () => {
    const d = await ls.readDataset({
      combined: {
        name: 'd.csv',
        data: 'label,10,20,30\n10,0.8,0.1,0.1\n20,0.1,0.8,0.1\n30,0.1,0.1,0.8\n20,0.2,0.7,0.1\n',
      },
    });
    try {
      assert.deepEqual(Array.from(d.labels), [0, 1, 2, 1]);
      assert.deepEqual(d.classNames, ['10', '20', '30']);
    } finally {
      d.free();
    }
  });
  test('Windows-1252 class names are refused as not_utf8 with the line (the header) and column of the bad byte', async () => {
    const bytes = Buffer.from('caf\u00e9,th\u00e9,na\u00efve\n0.8,0.1,0.1\n0.1,0.8,0.1\n0.1,0.1,0.8\n', 'latin1');
    for (let run = 0; run < 2; run++) {
      // the same bytes, the same answer
      await assertLabelScopeError(
        () =>
          ls.readDataset({
            labels: { name: 'l.csv', data: '0\n1\n2\n' },
            predProbs: { name: 'p.csv', data: new Uint8Array(bytes) },
          }),
        'not_utf8',
        { file: 'p.csv', row: undefined, line: 1, column: 1 },
      );
    }
  });
});
