// Many classes (issue 12): the report's trip from the worker to the page keeps its documented
// shape; the page's class search, confused pairs and digit keys give the right answers and do
// not grow with K x K (or K per key).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLabelScope } from '../../src/js/index.js';
import { flatPart } from '../../src/js/records.js';
import { matrixCells, packedBuffers, packReport, unpackReport } from '../../src/js/report-transfer.js';
import { matchClasses } from '../../web/ui/class-search.js';
import { cellsOfRows, classConfusions, topPairs, topPairsSliced } from '../../web/ui/confused-pairs.js';
import { classForDigit, digitForClass, digitKeys } from '../../web/ui/decisions.js';
import { manyClasses } from '../../bench/many-classes-data.mjs';

for (const k of [40, 120])
  test(`K = ${k}: a packed report unpacks to the same report, each matrix built only when read`, async () => {
    const ls = await createLabelScope();
    const { labels, probs } = manyClasses({ n: 30 * k, k, seed: 3 });
    const report = ls.audit({ labels, predProbs: probs, numClasses: k });
    // Above K = 100 the API shapes matrices when first read (src/js/records.js); packing forwards them flat.
    assert.equal(Boolean(flatPart(report, 'noiseMatrix')), k > 100);
    const expected = structuredClone(report);
    assert.equal(Boolean(flatPart(report, 'noiseMatrix')), false, 'read by structuredClone: shaped now');
    const packed = packReport(k > 100 ? ls.audit({ labels, predProbs: probs, numClasses: k }) : report);
    assert.equal(packed.confidentJoint, undefined);
    assert.equal(packed.overlappingClasses, undefined);
    const buffers = packedBuffers(packed);
    assert.equal(buffers.length, 5 + 4); // five matrices, four overlap columns
    const page = unpackReport(structuredClone(packed, { transfer: buffers }));
    assert.ok(Object.getOwnPropertyDescriptor(page, 'noiseMatrix').get, 'not built before it is read');
    const cells = matrixCells(page, 'noiseMatrix');
    assert.equal(cells.k, k);
    assert.equal(cells.at(3, 7), expected.noiseMatrix[3][7]);
    assert.ok(Object.getOwnPropertyDescriptor(page, 'noiseMatrix').get, 'matrixCells reads in place');
    assert.deepEqual(page, expected);
    assert.deepEqual(JSON.parse(JSON.stringify(page)), JSON.parse(JSON.stringify(expected)));
    assert.ok(!Object.getOwnPropertyDescriptor(page, 'noiseMatrix').get, 'a plain property once read');
    page.joint = 'replaced';
    assert.equal(page.joint, 'replaced');
    assert.equal(unpackReport(expected), expected, 'a report that was not packed is left as it is');
  });

test('topPairs: the largest off-diagonal cells, largest first, ties by row then column', async () => {
  const rows = [
    [9, 1, 4],
    [4, 8, 0],
    [2, 7, 6],
  ];
  assert.deepEqual(topPairs(cellsOfRows(rows), 3), [
    { i: 2, j: 1, value: 7 },
    { i: 0, j: 2, value: 4 },
    { i: 1, j: 0, value: 4 },
  ]);
  assert.deepEqual(
    topPairs(
      cellsOfRows([
        [5, 0],
        [0, 5],
      ]),
    ),
    [],
    'no confusion, no pairs',
  );
  // K = 3,000 in slices equals the one-pass answer.
  const k = 3_000;
  const values = new Float64Array(k * k);
  for (let t = 0; t < 5_000; t++) values[(t * 7919) % (k * k)] = (t * 31) % 97;
  const cells = { k, at: (i, j) => values[i * k + j] };
  assert.deepEqual(await topPairsSliced(cells, 20), topPairs(cells, 20));
  assert.deepEqual(topPairs({ ...cells, values, cols: k }, 20), topPairs(cells, 20), 'the flat scan agrees');
  const one = classConfusions(cellsOfRows(rows), 2, 1);
  assert.deepEqual(one, { out: [{ i: 2, j: 1, value: 7 }], into: [{ i: 0, j: 2, value: 4 }], diagonal: 6 });
});

test('matchClasses: exact, then prefix, then word start, then anywhere; capped; skips', () => {
  const names = ['cat', 'wildcat', 'cat food', 'bobcat', 'Catalan', 'dog', 'hot dog', 'dog_cat'];
  assert.deepEqual(matchClasses(names, 'cat'), [0, 2, 4, 7, 1, 3]);
  assert.deepEqual(matchClasses(names, '  CAT ', 2), [0, 2]);
  assert.deepEqual(
    matchClasses(names, 'dog', 8, (c) => c === 5),
    [7, 6],
  ); // dog_cat starts with it
  assert.deepEqual(matchClasses(names, 'zebra'), []);
  assert.deepEqual(matchClasses(names, '', 3), [0, 1, 2]);
  const many = Array.from({ length: 10_000 }, (_, c) => `class ${c}`);
  assert.deepEqual(matchClasses(many, 'class 9999'), [9999]);
  assert.equal(matchClasses(many, '12').length, 8);
});

test('digitKeys equals the keys digitForClass gives, without a look-up per class', () => {
  for (const names of [
    ['a', 'b', 'c'],
    ['0', '1', '2', '3'],
    Array.from({ length: 1_000 }, (_, c) => `n${c}`),
    ['3', 'x', '7', 'y', '1'],
    Array.from({ length: 12 }, (_, c) => String(c + 1)),
  ]) {
    const slow = names.map((_, c) => digitForClass(c, names)).filter((d) => d != null);
    assert.deepEqual(digitKeys(names), slow, names.slice(0, 5).join(','));
    for (const d of digitKeys(names)) assert.ok(classForDigit(Number(d), names) >= 0);
  }
});
