// readDataset: every input shape, chunk boundaries, progress, cancellation, .npy, and errors that
// name the file, row and column.
import assert from 'node:assert/strict';
import { createReadStream, readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';

import { Dataset, LabelScopeError } from '../../src/js/index.js';
import { assertLabelScopeError, chunked, GOLDEN, labelScope, loadGoldenCase, npyBytes, ROOT } from './helpers.mjs';

const HEADLINES = `${ROOT}examples/headlines/`;
const enc = (s) => new TextEncoder().encode(s);

let ls;
let tiny; // golden tiny_k3_a
let typical; // golden typical_n2000_k5
before(async () => {
  ls = await labelScope();
  tiny = loadGoldenCase('tiny_k3_a');
  typical = loadGoldenCase('typical_n2000_k5');
});

/** Everything a Dataset exposes, as plain data (to compare two datasets). */
function snapshot(ds) {
  assert.ok(ds instanceof Dataset);
  const { warnings, source, notes, labels, ...info } = ds;
  return {
    ...info,
    labels: Array.from(labels),
    probs: Array.from(ds.probabilityRows(0, ds.numExamples)),
    warnings,
  };
}

async function readWithFingerprint(input, options) {
  const ds = await ls.readDataset(input, options);
  try {
    return snapshot(ds);
  } finally {
    ds.free();
  }
}

const read = readWithFingerprint;

describe('readDataset input shapes', () => {
  test('Uint8Array: the golden case reads to the same labels and doubles as the test parser', async () => {
    const ds = await ls.readDataset({
      labels: new Uint8Array(typical.labelsText),
      predProbs: new Uint8Array(typical.probsText),
    });
    try {
      assert.equal(ds.numExamples, typical.n);
      assert.equal(ds.numClasses, typical.numClasses);
      assert.deepEqual(ds.classNames, ['p0', 'p1', 'p2', 'p3', 'p4']);
      assert.equal(ds.float32, false);
      assert.ok(ds.labels instanceof Int32Array);
      assert.deepEqual(ds.labels, typical.labels);
      assert.deepEqual(ds.probabilityRows(0, typical.n), typical.flat); // bit-identical parsing
      assert.deepEqual(ds.probabilityRows(1998, 10), typical.flat.subarray(1998 * 5)); // clipped to N
      assert.deepEqual(ds.source, {
        labelsFile: 'labels',
        labelsFirstRow: 2,
        labelsColumn: 1,
        predProbsFile: 'pred_probs',
        predProbsFirstRow: 2,
        predProbsColumns: [1, 2, 3, 4, 5],
      });
      assert.deepEqual(ds.extraColumns, []);
      assert.ok(ds.notes.length >= 2 && ds.notes.every((n) => typeof n === 'string'));
      assert.deepEqual(ds.warnings, []);
      assert.match(ds.fingerprint, /^[0-9a-f]{16}$/);
    } finally {
      ds.free();
    }
  });

  test('Uint8Array, string, ArrayBuffer, Blob, {name, data} and a Node fs stream give the same dataset', async () => {
    const labelsPath = `${GOLDEN}tiny_k3_a/labels.csv`;
    const probsPath = `${GOLDEN}tiny_k3_a/pred_probs.csv`;
    const bytesL = new Uint8Array(readFileSync(labelsPath));
    const bytesP = new Uint8Array(readFileSync(probsPath));
    const reference = await read({ labels: bytesL, predProbs: bytesP });
    assert.equal(reference.numExamples, 10);
    assert.deepEqual(reference.labels, Array.from(tiny.labels));
    assert.deepEqual(reference.probs, Array.from(tiny.flat));
    const shapes = {
      string: { labels: new TextDecoder().decode(bytesL), predProbs: new TextDecoder().decode(bytesP) },
      arrayBuffer: { labels: bytesL.slice().buffer, predProbs: bytesP.slice().buffer },
      blob: { labels: new Blob([bytesL]), predProbs: new Blob([bytesP], { type: 'text/csv' }) },
      named: {
        labels: { name: 'l.csv', data: bytesL },
        predProbs: { name: 'p.csv', data: new TextDecoder().decode(bytesP), size: bytesP.length },
      },
      stream: { labels: createReadStream(labelsPath), predProbs: createReadStream(probsPath, { highWaterMark: 16 }) },
      // A Node Buffer that is a view into a larger ArrayBuffer (byteOffset != 0).
      offsetView: { labels: Buffer.concat([Buffer.from('xxxx'), bytesL]).subarray(4), predProbs: bytesP },
    };
    for (const [what, input] of Object.entries(shapes)) {
      assert.deepEqual(await read(input), reference, what);
    }
    if (typeof File === 'function') {
      assert.deepEqual(
        await read({ labels: new File([bytesL], 'l.csv'), predProbs: new File([bytesP], 'p.csv') }),
        reference,
        'File',
      );
    }
  });

  test('file names in source: {name}, File name, fs stream path, defaults', async () => {
    const ds1 = await ls.readDataset({
      labels: { name: 'my_labels.csv', data: 'label\n0\n1\n' },
      predProbs: { name: 'probs.csv', data: '.9,.1\n.2,.8\n' },
    });
    assert.deepEqual(ds1.source, {
      labelsFile: 'my_labels.csv',
      labelsFirstRow: 2,
      labelsColumn: 1,
      predProbsFile: 'probs.csv',
      predProbsFirstRow: 1,
      predProbsColumns: [1, 2],
    });
    ds1.free();
    const ds2 = await ls.readDataset({
      labels: createReadStream(`${GOLDEN}tiny_k3_a/labels.csv`),
      predProbs: createReadStream(`${GOLDEN}tiny_k3_a/pred_probs.csv`),
    });
    assert.equal(ds2.source.labelsFile, 'labels.csv');
    assert.equal(ds2.source.predProbsFile, 'pred_probs.csv');
    ds2.free();
    const ds3 = await ls.readDataset({ combined: 'label,a,b\n0,.9,.1\n1,.2,.8\n' });
    // A combined file: labels in column 1, probabilities in columns 2 and 3, data from row 2.
    assert.deepEqual(ds3.source, {
      labelsFile: 'data.csv',
      labelsFirstRow: 2,
      labelsColumn: 1,
      predProbsFile: 'data.csv',
      predProbsFirstRow: 2,
      predProbsColumns: [2, 3],
    });
    ds3.free();
  });

  test('chunk boundaries: 1-byte and 7-byte chunks give identical datasets', async () => {
    const labels = new Uint8Array(tiny.labelsText);
    const probs = new Uint8Array(tiny.probsText);
    const reference = await read({ labels, predProbs: probs });
    for (const size of [1, 7]) {
      assert.deepEqual(
        await read({ labels: chunked(labels, size), predProbs: chunked(probs, size) }),
        reference,
        `${size}-byte chunks`,
      );
    }
    // Combined file with quotes, names, BOM and CRLF, split everywhere.
    const combined = enc(
      '\ufeffid,text,label,cat,dog\r\n1,"a, ""quoted"" text",cat,0.9,0.1\r\n' +
        '2,plain,dog,0.25,0.75\r\n3,"multi\nline",dog,0.6,0.4\r\n',
    );
    const whole = await read({ combined });
    assert.equal(whole.numExamples, 3);
    assert.deepEqual(whole.extraColumns, [
      { name: 'id', values: ['1', '2', '3'] },
      { name: 'text', values: ['a, "quoted" text', 'plain', 'multi\nline'] },
    ]);
    for (const size of [1, 2, 3, 7]) {
      assert.deepEqual(await read({ combined: chunked(combined, size) }), whole, `combined, ${size}-byte chunks`);
    }
    // A .npy file split into 1- and 7-byte chunks (the header and the doubles cut anywhere).
    const npy = npyBytes(tiny.flat, tiny.n, tiny.numClasses);
    for (const size of [1, 7]) {
      const r = await read({ labels, predProbs: chunked(npy, size) });
      assert.deepEqual(r.probs, reference.probs, `.npy, ${size}-byte chunks`);
    }
  });

  test('onProgress: increasing bytesRead, final bytesRead == totalBytes', async () => {
    // > 1 MiB so the pred_probs bytes arrive in several chunks.
    const rows = 90000;
    const labelsText = `label\n${Array.from({ length: rows }, (_, i) => i % 3).join('\n')}\n`;
    const probsText = `a,b,c\n${Array.from({ length: rows }, (_, i) =>
      i % 3 === 0 ? '0.81,0.09,0.10' : i % 3 === 1 ? '0.11,0.79,0.10' : '0.12,0.18,0.70',
    ).join('\n')}\n`;
    const labels = enc(labelsText);
    const predProbs = enc(probsText);
    assert.ok(predProbs.byteLength > 1 << 20);
    const calls = [];
    const ds = await ls.readDataset({ labels, predProbs }, { onProgress: (p) => calls.push(p) });
    assert.equal(ds.numExamples, rows);
    ds.free();
    const total = labels.byteLength + predProbs.byteLength;
    assert.ok(calls.length >= 3, `${calls.length} progress calls`);
    for (let i = 0; i < calls.length; i++) {
      assert.equal(calls[i].totalBytes, total);
      assert.ok(['labels', 'pred_probs'].includes(calls[i].file));
      if (i > 0) assert.ok(calls[i].bytesRead > calls[i - 1].bytesRead, 'bytesRead increases');
    }
    assert.equal(calls.at(-1).bytesRead, total);
    assert.equal(calls[0].file, 'labels');
    assert.equal(calls.at(-1).file, 'pred_probs');
    // A Blob source reports its size too.
    const blobCalls = [];
    const blob = new Blob([enc('label,a,b\n0,.9,.1\n1,.2,.8\n')]);
    (await ls.readDataset({ combined: blob }, { onProgress: (p) => blobCalls.push(p) })).free();
    assert.equal(blobCalls.at(-1).bytesRead, blob.size);
    assert.equal(blobCalls.at(-1).totalBytes, blob.size);
  });

  test('cancellation: a pre-aborted signal, and an abort while reading', async () => {
    const input = { labels: tiny.labelsText, predProbs: tiny.probsText };
    await assertLabelScopeError(() => ls.readDataset(input, { signal: AbortSignal.abort() }), 'cancelled');
    const controller = new AbortController();
    controller.abort();
    await assertLabelScopeError(() => ls.readDataset(input, { signal: controller.signal }), 'cancelled');
    // Even an input that would fail to parse is cancelled first.
    await assertLabelScopeError(
      () => ls.readDataset({ labels: '', predProbs: '' }, { signal: controller.signal }),
      'cancelled',
    );
    // Abort after the first chunk arrives.
    const mid = new AbortController();
    await assertLabelScopeError(
      () =>
        ls.readDataset(
          { labels: chunked(new Uint8Array(tiny.labelsText), 4), predProbs: tiny.probsText },
          { signal: mid.signal, onProgress: () => mid.abort() },
        ),
      'cancelled',
    );
    // The reader is still usable afterwards.
    const ds = await ls.readDataset(input);
    assert.equal(ds.numExamples, 10);
    ds.free();
  });
});

describe('readDataset formats', () => {
  test('labels + predProbs files vs one combined CSV give the same audit (headlines example)', async () => {
    const separate = await ls.readDataset({
      labels: readFileSync(`${HEADLINES}labels.csv`),
      predProbs: readFileSync(`${HEADLINES}pred_probs.csv`),
    });
    const combined = await ls.readDataset({ combined: readFileSync(`${HEADLINES}dataset.csv`) });
    try {
      assert.deepEqual(combined.classNames, separate.classNames);
      assert.deepEqual(combined.labels, separate.labels);
      assert.deepEqual(
        combined.probabilityRows(0, combined.numExamples),
        separate.probabilityRows(0, separate.numExamples),
      );
      assert.ok(combined.trueLabels instanceof Int32Array, 'true_label column read');
      assert.equal(combined.trueLabels.length, combined.numExamples);
      assert.deepEqual(
        combined.extraColumns.map((c) => c.name),
        ['id', 'text'],
      );
      assert.deepEqual(ls.audit(combined), ls.audit(separate));
      assert.deepEqual(
        ls.audit(combined, { filterBy: 'both', rankBy: 'normalized_margin' }),
        ls.audit(separate, { filterBy: 'both', rankBy: 'normalized_margin' }),
      );
    } finally {
      separate.free();
      combined.free();
    }
  });

  test('.npy predProbs (float64 and float32) equal the CSV', async () => {
    const labels = typical.labelsText;
    const csv = await ls.readDataset({ labels, predProbs: typical.probsText });
    const npy = await ls.readDataset({
      labels,
      predProbs: { name: 'pred_probs.npy', data: npyBytes(typical.flat, typical.n, typical.numClasses) },
    });
    try {
      assert.deepEqual(npy.probabilityRows(0, typical.n), csv.probabilityRows(0, typical.n));
      assert.equal(npy.numClasses, 5);
      assert.deepEqual(npy.source.predProbsFile, 'pred_probs.npy');
      assert.deepEqual(ls.audit(npy), ls.audit(csv));
    } finally {
      npy.free();
      csv.free();
    }
    // float32 .npy: the values are the float32-rounded doubles.
    const f32 = await ls.readDataset({
      labels,
      predProbs: npyBytes(typical.flat, typical.n, typical.numClasses, '<f4'),
    });
    const csv32 = await ls.readDataset({ labels, predProbs: typical.probsText }, { float32: true });
    try {
      const rounded = typical.flat.map(Math.fround);
      assert.deepEqual(f32.probabilityRows(0, typical.n), rounded);
      assert.equal(csv32.float32, true);
      assert.deepEqual(csv32.probabilityRows(0, typical.n), rounded);
      assert.deepEqual(ls.audit(f32).issues, ls.audit(csv32).issues);
    } finally {
      f32.free();
      csv32.free();
    }
  });

  test('BOM + CRLF accepted; header / no header; class names; delimiters', async () => {
    // Same content in different bytes: everything equal but the fingerprint (it hashes the bytes).
    const read = async (input, options) => {
      const { fingerprint, ...rest } = await readWithFingerprint(input, options);
      assert.match(fingerprint, /^[0-9a-f]{16}$/);
      return rest;
    };
    const plain = await read({ combined: 'label,cat,dog\ncat,0.9,0.1\ndog,0.2,0.8\ncat,0.6,0.4\n' });
    const bomCrlf = await read({ combined: '\ufefflabel,cat,dog\r\ncat,0.9,0.1\r\ndog,0.2,0.8\r\ncat,0.6,0.4\r\n' });
    assert.deepEqual(bomCrlf, plain);
    assert.deepEqual(plain.classNames, ['cat', 'dog']);
    assert.deepEqual(plain.labels, [0, 1, 0]);
    // Separate files with and without header rows.
    const withHeader = await read({ labels: 'label\n0\n1\n0\n', predProbs: 'cat,dog\n0.9,0.1\n0.2,0.8\n0.6,0.4\n' });
    const noHeader = await read(
      { labels: '0\n1\n0\n', predProbs: '0.9,0.1\n0.2,0.8\n0.6,0.4\n' },
      { classNames: ['cat', 'dog'] },
    );
    assert.deepEqual(noHeader, withHeader);
    const defaults = await read({ labels: '0\n1\n0\n', predProbs: '0.9,0.1\n0.2,0.8\n0.6,0.4\n' });
    assert.deepEqual(defaults.classNames, ['0', '1']);
    assert.deepEqual(defaults.probs, withHeader.probs);
    // Tab-separated and class names as labels with classNames for a headerless pred_probs file.
    const tsv = await read(
      { labels: 'label\ncat\ndog\ncat\n', predProbs: '0.9\t0.1\n0.2\t0.8\n0.6\t0.4\n' },
      { classNames: ['cat', 'dog'] },
    );
    assert.deepEqual(tsv, withHeader);
    // labelColumn / probabilityColumns choose the columns of a combined file.
    const chosen = await read(
      { combined: 'given,score,cat,dog\ncat,5,0.9,0.1\ndog,6,0.2,0.8\ncat,7,0.6,0.4\n' },
      { labelColumn: 'given', probabilityColumns: ['cat', 'dog'] },
    );
    assert.deepEqual(chosen.probs, plain.probs);
    assert.deepEqual(chosen.extraColumns, [{ name: 'score', values: ['5', '6', '7'] }]);
  });
});

describe('readDataset errors name the file, row (N-th data row, header not counted) and column', () => {
  const probs3 = 'a,b,c\n.8,.1,.1\n.1,.8,.1\n.1,.1,.8\n';

  test('reader errors: ragged row, bad number, unknown class, row count, empty, bad .npy', async () => {
    let e = await assertLabelScopeError(
      () =>
        ls.readDataset({
          labels: 'label\n0\n1\n2\n',
          predProbs: { name: 'p.csv', data: 'a,b,c\n.8,.1,.1\n.1,.8\n.1,.1,.8\n' },
        }),
      'ragged_row',
      { file: 'p.csv', row: 2, column: 3 },
    );
    assert.match(e.message, /2 cell/);
    await assertLabelScopeError(
      () =>
        ls.readDataset({
          labels: 'label\n0\n1\n2\n',
          predProbs: { name: 'p.csv', data: 'a,b,c\n.8,.1,.1\n.1,.8,.1,.5\n.1,.1,.8\n' },
        }),
      'ragged_row',
      { file: 'p.csv', row: 2, column: 4 },
    );
    e = await assertLabelScopeError(
      () =>
        ls.readDataset({
          labels: 'label\n0\n1\n2\n',
          predProbs: { name: 'p.csv', data: 'a,b,c\n.8,.1,.1\n.1,abc,.1\n.1,.1,.8\n' },
        }),
      'bad_number',
      { file: 'p.csv', row: 2, column: 2 },
    );
    assert.match(e.message, /'abc'/);
    e = await assertLabelScopeError(
      () =>
        ls.readDataset({
          combined: { name: 'd.csv', data: 'id,label,cat,dog\n1,cat,.9,.1\n2,dog,.2,.8\n3,bird,.5,.5\n' },
        }),
      'unknown_class',
      { file: 'd.csv', row: 3, column: 2 },
    );
    assert.match(e.message, /'bird'/);
    await assertLabelScopeError(
      () => ls.readDataset({ labels: { name: 'l.csv', data: 'label\n0\n1\n' }, predProbs: probs3 }),
      'row_count_mismatch',
      { file: 'l.csv' },
    );
    await assertLabelScopeError(
      () => ls.readDataset({ labels: { name: 'l.csv', data: '' }, predProbs: probs3 }),
      'empty_file',
      { file: 'l.csv' },
    );
    await assertLabelScopeError(
      () =>
        ls.readDataset({
          labels: 'label\n0\n1\n2\n',
          predProbs: { name: 'p.npy', data: npyBytes(new Float64Array(9).fill(0.3), 3, 3).subarray(0, 60) },
        }),
      'bad_npy',
      { file: 'p.npy' },
    );
    e = await assertLabelScopeError(() => ls.readDataset({ labels: 'label\n0\n1\n2\n' }), 'invalid_option');
    assert.match(e.message, /predProbs/);
    await assertLabelScopeError(() => ls.readDataset({ labels: 42, predProbs: probs3 }), 'invalid_option');
  });

  test('core validation errors are located: label 7 with K=3, NaN and out-of-range cells', async () => {
    const e = await assertLabelScopeError(
      () =>
        ls.readDataset({
          labels: { name: 'labels.csv', data: 'label\n0\n1\n7\n' },
          predProbs: { name: 'pp.csv', data: probs3 },
        }),
      'label_out_of_range',
      { file: 'labels.csv', row: 3, column: 1, example: undefined },
    );
    assert.match(e.message, /7/);
    await assertLabelScopeError(
      () =>
        ls.readDataset({
          combined: { name: 'd.csv', data: 'id,label,a,b,c\nx,0,.8,.1,.1\ny,1,.1,.8,.1\nz,7,.1,.1,.8\n' },
        }),
      'label_out_of_range',
      { file: 'd.csv', row: 3, column: 2 },
    );
    await assertLabelScopeError(
      () =>
        ls.readDataset({
          labels: 'label\n0\n1\n2\n',
          predProbs: { name: 'pp.csv', data: 'a,b,c\n.8,.1,.1\n.1,NaN,.1\n.1,.1,.8\n' },
        }),
      'non_finite',
      { file: 'pp.csv', row: 2, column: 2 },
    );
    await assertLabelScopeError(
      () =>
        ls.readDataset({
          combined: { name: 'd.csv', data: 'id,label,a,b,c\nx,0,.8,.1,.1\ny,1,.1,.8,nan\nz,2,.1,.1,.8\n' },
        }),
      'non_finite',
      { file: 'd.csv', row: 2, column: 5 },
    );
    await assertLabelScopeError(
      () =>
        ls.readDataset({
          labels: 'label\n0\n1\n2\n',
          predProbs: { name: 'pp.csv', data: 'a,b,c\n.8,.1,.1\n.1,.8,.1\n.1,.1,1.5\n' },
        }),
      'out_of_range',
      { file: 'pp.csv', row: 3, column: 3 },
    );
    // A NaN in a .npy file: row = example + 1, column = class + 1.
    const flat = new Float64Array([0.8, 0.1, 0.1, 0.1, 0.8, 0.1, 0.1, 0.1, NaN]);
    await assertLabelScopeError(
      () => ls.readDataset({ labels: 'label\n0\n1\n2\n', predProbs: { name: 'pp.npy', data: npyBytes(flat, 3, 3) } }),
      'non_finite',
      { file: 'pp.npy', row: 3, column: 3 },
    );
  });

  test('analysis errors on a Dataset are LabelScopeErrors (single label class, bad option values)', async () => {
    const ds = await ls.readDataset({ labels: 'label\n0\n0\n0\n', predProbs: probs3 });
    try {
      assert.equal(ds.numExamples, 3); // reading accepts it; finding issues needs 2 classes
      await assertLabelScopeError(() => ls.audit(ds), 'single_label_class', { classIndex: 0 });
      await assertLabelScopeError(() => ls.findLabelIssues({ dataset: ds }), 'single_label_class');
    } finally {
      ds.free();
    }
    const ok = await ls.readDataset({ labels: 'label\n0\n1\n2\n', predProbs: probs3 });
    try {
      // @ts-ignore: a wrong value on purpose
      await assertLabelScopeError(() => ls.audit(ok, { filterBy: 'bogus' }), 'invalid_option');
      await assertLabelScopeError(() => ls.getLabelQualityScores({ dataset: ok, method: 'bogus' }), 'invalid_option');
    } finally {
      ok.free();
    }
  });

  test('errors are LabelScopeError instances with toJSON', async () => {
    try {
      await ls.readDataset({
        labels: 'label\n0\n1\n2\n',
        predProbs: { name: 'p.csv', data: 'a,b,c\n.8,.1,.1\n.1,x,.1\n.1,.1,.8\n' },
      });
      assert.fail('no error');
    } catch (e) {
      assert.ok(e instanceof LabelScopeError);
      assert.ok(e instanceof Error);
      assert.deepEqual(Object.keys(e.toJSON()).sort(), ['code', 'column', 'file', 'message', 'row']);
    }
  });
});
