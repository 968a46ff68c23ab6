// Every case of the bad-input catalogue (tests/fixtures/bad) through createLabelScope().readDataset +
// audit: the LabelScopeError's code, message, file, row and column equal the catalogue; warning-only
// cases are analysed with their warnings; and after each error the same LabelScope still works.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLabelScope } from '../../src/js/index.js';
import { badCases, errorFields, GOOD } from '../fixtures/bad/catalogue.mjs';
import { npy } from '../fixtures/bad/generated.mjs';
import { PROBS } from '../fixtures/bad/make.mjs';

const ls = await createLabelScope();
const cases = badCases();

const input = (c) => ({
  labels: { name: c.files.labels, data: new Uint8Array(c.bytes.labels) },
  predProbs: { name: c.files.predProbs, data: new Uint8Array(c.bytes.predProbs) },
});

async function readAndAudit(files) {
  const dataset = await ls.readDataset(files);
  try {
    const report = ls.audit(dataset);
    return { dataset, report, numExamples: dataset.numExamples, warnings: [...dataset.warnings, ...report.warnings] };
  } finally {
    dataset.free();
  }
}

async function goodStillWorks() {
  const { report } = await readAndAudit({ labels: GOOD.labels, predProbs: GOOD.predProbs });
  assert.equal(report.numExamples, 6);
}

for (const c of cases) {
  test(`${c.name}: ${c.note}`, async () => {
    if (c.error) {
      const error = await readAndAudit(input(c)).then(
        () => null,
        (e) => e,
      );
      assert.ok(error, 'an error was expected');
      assert.equal(error.name, 'LabelScopeError', String(error));
      assert.deepEqual(errorFields(error), c.error);
    } else {
      const { numExamples, warnings } = await readAndAudit(input(c));
      assert.equal(numExamples, c.numExamples);
      const unique = warnings.filter((w, i) => warnings.findIndex((x) => x.message === w.message) === i);
      assert.deepEqual(
        unique.map((w) => ({ code: w.code, message: w.message })),
        c.warnings,
      );
    }
    await goodStillWorks();
  });
}

test('a Fortran-order .npy is read as the same matrix as C order', async () => {
  const c = cases.find((x) => x.name === 'npy_fortran_order');
  const read = async (bytes) => {
    const d = await ls.readDataset({ labels: GOOD.labels, predProbs: { name: 'p.npy', data: new Uint8Array(bytes) } });
    try {
      return Array.from(d.probabilityRows(0, 6));
    } finally {
      d.free();
    }
  };
  assert.deepEqual(await read(c.bytes.predProbs), PROBS.flat());
  assert.deepEqual(await read(npy('<f8', [6, 3], PROBS.flat())), PROBS.flat());
});
