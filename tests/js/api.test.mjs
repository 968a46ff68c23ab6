// The JS API's contract beyond parity: input shapes, option checking, the error class, Dataset
// lifetime, and the loader options.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';

import * as api from '../../src/js/index.js';
import { createLabelScope, createLabelScopeWorker, Dataset, LabelScope, LabelScopeError } from '../../src/js/index.js';
import { assertLabelScopeError, labelScope, loadGoldenCase, ROOT } from './helpers.mjs';

let ls;
let c; // golden typical_n2000_k5
let data;
before(async () => {
  ls = await labelScope();
  c = loadGoldenCase('typical_n2000_k5');
  data = { labels: c.labels, predProbs: c.flat, numClasses: c.numClasses };
});

const P = [
  [0.8, 0.1, 0.1],
  [0.1, 0.8, 0.1],
  [0.1, 0.1, 0.8],
  [0.3, 0.3, 0.4],
];

test('index.js exports exactly the documented API', () => {
  assert.deepEqual(Object.keys(api).sort(), [
    'Dataset',
    'LabelScope',
    'LabelScopeError',
    'MultiLabelDataset',
    'createLabelScope',
    'createLabelScopeWorker',
  ]);
  assert.ok(ls instanceof LabelScope);
});

describe('inputs', () => {
  test('labels: Int32Array, number[], other typed arrays give the same result', () => {
    const reference = ls.findLabelIssues(data);
    for (const labels of [Array.from(c.labels), Uint8Array.from(c.labels), Float64Array.from(c.labels)]) {
      assert.deepEqual(ls.findLabelIssues({ ...data, labels }), reference, labels.constructor.name);
    }
  });

  test('predProbs: rows of typed arrays, number[][] and flat Float64Array agree', () => {
    const reference = ls.audit(data);
    assert.deepEqual(ls.audit({ labels: c.labels, predProbs: c.rows }), reference);
    assert.deepEqual(ls.audit({ labels: c.labels, predProbs: c.rows.map((r) => Float64Array.from(r)) }), reference);
  });

  test('Float32Array input works and gives float32-rounded results', () => {
    const f32 = Float32Array.from(c.flat);
    const rounded = { ...data, predProbs: Float64Array.from(f32) }; // the same values, as doubles
    const scores32 = ls.getLabelQualityScores({ ...data, predProbs: f32 }).scores;
    assert.ok(scores32 instanceof Float64Array);
    for (let i = 0; i < c.n; i++) {
      assert.equal(scores32[i], Math.fround(c.rows[i][c.labels[i]]), `self-confidence ${i} is the float32 value`);
    }
    assert.notDeepEqual(Array.from(scores32), Array.from(ls.getLabelQualityScores(data).scores));
    // Arithmetic is in double on the float32 values: identical to passing the rounded doubles.
    for (const method of ['self_confidence', 'normalized_margin', 'confidence_weighted_entropy']) {
      assert.deepEqual(
        ls.getLabelQualityScores({ ...data, predProbs: f32, method }).scores,
        ls.getLabelQualityScores({ ...rounded, method }).scores,
        method,
      );
    }
    assert.deepEqual(ls.audit({ ...data, predProbs: f32 }), ls.audit(rounded));
    assert.deepEqual(
      ls.computeConfidentJoint({ ...data, predProbs: f32 }).thresholds,
      ls.computeConfidentJoint(rounded).thresholds,
    );
  });

  test('bad shapes: flat array without numClasses, wrong numClasses, ragged rows, non-integer labels', async () => {
    await assertLabelScopeError(() => ls.findLabelIssues({ labels: c.labels, predProbs: c.flat }), 'invalid_option');
    await assertLabelScopeError(() => ls.findLabelIssues({ ...data, numClasses: 3 }), 'invalid_option');
    await assertLabelScopeError(
      () =>
        ls.findLabelIssues({
          labels: [0, 1, 2, 0],
          predProbs: [
            [0.8, 0.1, 0.1],
            [0.1, 0.8],
            [0.1, 0.1, 0.8],
            [0.3, 0.3, 0.4],
          ],
        }),
      'ragged_row',
      { example: 1 },
    );
    await assertLabelScopeError(() => ls.findLabelIssues({ labels: [0, 1, 2.5, 0], predProbs: P }), 'bad_label', {
      example: 2,
    });
    await assertLabelScopeError(() => ls.findLabelIssues({ predProbs: P }), 'invalid_option');
    await assertLabelScopeError(() => ls.findLabelIssues({ labels: [], predProbs: [] }), 'invalid_option');
    await assertLabelScopeError(() => ls.findLabelIssues(undefined), 'invalid_option');
  });

  test('core validation errors carry example / classIndex', async () => {
    await assertLabelScopeError(
      () => ls.findLabelIssues({ labels: [0, 1, 7, 0], predProbs: P }),
      'label_out_of_range',
      { example: 2 },
    );
    await assertLabelScopeError(
      () =>
        ls.getLabelQualityScores({
          labels: [0, 1, 2, 0],
          predProbs: [
            [0.8, 0.1, 0.1],
            [0.1, NaN, 0.1],
            [0.1, 0.1, 0.8],
            [0.3, 0.3, 0.4],
          ],
        }),
      'non_finite',
      { example: 1, classIndex: 1 },
    );
    await assertLabelScopeError(() => ls.audit({ labels: [0, 1, 2], predProbs: P }), 'length_mismatch');
    await assertLabelScopeError(() => ls.audit({ labels: [0, 0], predProbs: [[1], [1]] }), 'too_few_classes');
    await assertLabelScopeError(() => ls.audit({ labels: [0, 0, 0, 0], predProbs: P }), 'single_label_class', {
      classIndex: 0,
    });
    await assertLabelScopeError(
      () => ls.findLabelIssues({ labels: [0, 1, 2, 0], predProbs: P, numToRemovePerClass: [1, 1] }),
      'invalid_option',
    );
    await assertLabelScopeError(
      () => ls.findLabelIssues({ labels: [0, 1, 2, 0], predProbs: P, fracNoise: 2 }),
      'invalid_option',
    );
    await assertLabelScopeError(
      () => ls.numLabelIssues({ labels: [0, 1, 2, 0], predProbs: P, estimationMethod: 'off_diagonal_custom' }),
      'invalid_option',
    );
  });

  test('warnings travel with results: rows not summing to 1, values slightly outside [0, 1]', () => {
    const unnormalized = ls.findLabelIssues({
      labels: [0, 1, 2, 0],
      predProbs: [
        [0.8, 0.1, 0.1],
        [0.1, 0.8, 0.2],
        [0.1, 0.1, 0.8],
        [0.3, 0.3, 0.4],
      ],
    });
    // Input warnings first, then the method's: classes 1 and 2 are too small to prune (as in cleanlab).
    assert.deepEqual(
      unnormalized.warnings.map((x) => x.code),
      ['rows_not_normalized', 'class_too_small', 'class_too_small'],
    );
    const [w] = unnormalized.warnings;
    assert.equal(w.code, 'rows_not_normalized');
    assert.equal(w.count, 1);
    assert.equal(w.example, 1);
    assert.equal(w.classIndex, -1);
    assert.equal(typeof w.message, 'string');
    const outside = ls.audit({
      labels: [0, 1, 2, 0],
      predProbs: [
        [0.8, 0.1, 0.1],
        [-0.0001, 0.9, 0.1001],
        [0.1, 0.1, 0.8],
        [0.3, 0.3, 0.4],
      ],
    });
    assert.deepEqual(
      outside.warnings.map((x) => x.code),
      ['values_slightly_outside', 'class_too_small', 'class_too_small'],
    );
    // Classes 1 and 2 have one example each: the prune methods cannot flag them (audit reports it).
    assert.deepEqual(
      outside.warnings.slice(1).map((x) => [x.classIndex, x.count]),
      [
        [1, 1],
        [2, 1],
      ],
    );
  });

  test('OOD: labels optional without adjustment; gen method', () => {
    const withLabels = ls.outOfDistributionScores({ ...data, adjustPredProbs: false, method: 'least_confidence' });
    const without = ls.outOfDistributionScores({
      predProbs: c.flat,
      numClasses: 5,
      adjustPredProbs: false,
      method: 'least_confidence',
    });
    assert.deepEqual(without, withLabels);
    for (let i = 0; i < 5; i++) assert.equal(without.scores[i], Math.max(...c.rows[i]));
    const gen = ls.outOfDistributionScores({ ...data, method: 'gen' }).scores;
    assert.equal(gen.length, c.n);
    assert.ok(gen.every((s) => Number.isFinite(s)));
  });

  test('confidentJoint option: findLabelIssues with the recorded joint equals the default', () => {
    const joint = ls.computeConfidentJoint(data).confidentJoint;
    assert.deepEqual(ls.findLabelIssues({ ...data, confidentJoint: joint }), ls.findLabelIssues(data));
    assert.equal(
      ls.numLabelIssues({ ...data, estimationMethod: 'off_diagonal_custom', confidentJoint: joint }),
      ls.numLabelIssues({ ...data, estimationMethod: 'off_diagonal_calibrated' }),
    );
  });
});

describe('option names and values', () => {
  test('unknown option names throw invalid_option with the camelCase hint', async () => {
    let e = await assertLabelScopeError(() => ls.findLabelIssues({ ...data, filter_by: 'both' }), 'invalid_option');
    assert.match(e.message, /unknown option 'filter_by'.*Did you mean 'filterBy'\?/);
    e = await assertLabelScopeError(
      () => ls.findLabelIssues({ ...data, return_indices_ranked_by: 'none' }),
      'invalid_option',
    );
    assert.match(e.message, /Did you mean 'returnIndicesRankedBy'\?/);
    e = await assertLabelScopeError(
      () => ls.getLabelQualityScores({ ...data, adjust_pred_probs: true }),
      'invalid_option',
    );
    assert.match(e.message, /Did you mean 'adjustPredProbs'\?/);
    e = await assertLabelScopeError(() => ls.estimateLatent({ ...data, py_method: 'cnt' }), 'invalid_option');
    assert.match(e.message, /'pyMethod'/);
    e = await assertLabelScopeError(() => ls.audit(data, { rank_by: 'none' }), 'invalid_option');
    assert.match(e.message, /Did you mean 'rankBy'\?/);
    e = await assertLabelScopeError(
      () => ls.readDataset({ combined: 'label,a,b\n0,.9,.1\n1,.2,.8\n' }, { label_column: 'label' }),
      'invalid_option',
    );
    assert.match(e.message, /Did you mean 'labelColumn'\?/);
    // A name with no camelCase twin lists the options.
    e = await assertLabelScopeError(() => ls.healthSummary({ ...data, bogus: 1 }), 'invalid_option');
    assert.match(e.message, /unknown option 'bogus'.*Options: .*asymmetric/);
    // An option of another method is unknown here.
    await assertLabelScopeError(() => ls.computeConfidentJoint({ ...data, filterBy: 'both' }), 'invalid_option');
    await assertLabelScopeError(() => ls.audit({ ...data, filterBy: 'both' }), 'invalid_option');
  });

  test('unknown option values are invalid_option and list the accepted values', async () => {
    const cases = [
      () => ls.findLabelIssues({ ...data, filterBy: 'bogus' }),
      () => ls.findLabelIssues({ ...data, returnIndicesRankedBy: 'bogus' }),
      () => ls.getLabelQualityScores({ ...data, method: 'bogus' }),
      () => ls.estimateLatent({ ...data, pyMethod: 'bogus' }),
      () => ls.numLabelIssues({ ...data, estimationMethod: 'bogus' }),
      () => ls.outOfDistributionScores({ ...data, method: 'bogus' }),
      () => ls.audit(data, { rankBy: 'bogus' }),
    ];
    for (const fn of cases) {
      const e = await assertLabelScopeError(fn, 'invalid_option');
      assert.match(e.message, /'bogus'/);
    }
  });
});

describe('LabelScopeError', () => {
  test('is an Error with name, code, message and location fields; toJSON is plain data', () => {
    const e = new LabelScopeError({
      code: 'bad_number',
      message: "'x' is not a number.",
      file: 'p.csv',
      row: 3,
      column: 2,
    });
    assert.ok(e instanceof Error);
    assert.ok(e instanceof LabelScopeError);
    assert.equal(e.name, 'LabelScopeError');
    assert.equal(e.code, 'bad_number');
    assert.equal(e.message, "'x' is not a number.");
    assert.equal(e.file, 'p.csv');
    assert.equal(e.row, 3);
    assert.equal(e.column, 2);
    assert.equal(e.example, undefined);
    assert.equal(e.classIndex, undefined);
    assert.ok(typeof e.stack === 'string');
    assert.deepEqual(e.toJSON(), {
      code: 'bad_number',
      message: "'x' is not a number.",
      file: 'p.csv',
      row: 3,
      column: 2,
    });
    assert.deepEqual(JSON.parse(JSON.stringify(e)), e.toJSON());
    // Round trip through toJSON (what the worker sends back).
    const again = new LabelScopeError(e.toJSON());
    assert.deepEqual(again.toJSON(), e.toJSON());
    assert.deepEqual(structuredClone(e.toJSON()), e.toJSON());
    const minimal = new LabelScopeError({ code: 'freed', message: 'gone', example: 4, classIndex: 0 });
    assert.deepEqual(minimal.toJSON(), { code: 'freed', message: 'gone', example: 4, classIndex: 0 });
    assert.match(String(minimal), /^LabelScopeError: gone$/);
  });

  test('errors thrown by the API are LabelScopeErrors', () => {
    assert.throws(
      () => ls.findLabelIssues({ ...data, filterBy: 'bogus' }),
      (e) =>
        e instanceof LabelScopeError &&
        e instanceof Error &&
        e.name === 'LabelScopeError' &&
        e.code === 'invalid_option' &&
        e.message.includes('prune_by_noise_rate'),
    );
  });
});

describe('Dataset', () => {
  test('audit and the other methods on a Dataset equal the same calls on the arrays', async () => {
    const ds = await ls.readDataset({ labels: c.labelsText, predProbs: c.probsText });
    try {
      assert.ok(ds instanceof Dataset);
      for (const options of [
        {},
        { filterBy: 'confident_learning', rankBy: 'confidence_weighted_entropy' },
        { rankBy: 'normalized_margin', adjustPredProbs: true, asymmetric: true, fracNoise: 0.5 },
        { rankBy: 'none', numToRemovePerClass: [3, 3, 3, 3, 3], filterBy: 'prune_by_class' },
      ]) {
        assert.deepEqual(ls.audit(ds, options), ls.audit(data, options), JSON.stringify(options));
      }
      assert.deepEqual(
        ls.findLabelIssues({ dataset: ds, filterBy: 'both', returnIndicesRankedBy: 'self_confidence' }),
        ls.findLabelIssues({ ...data, filterBy: 'both', returnIndicesRankedBy: 'self_confidence' }),
      );
      assert.deepEqual(
        ls.getLabelQualityScores({ dataset: ds, method: 'normalized_margin' }),
        ls.getLabelQualityScores({ ...data, method: 'normalized_margin' }),
      );
      assert.deepEqual(ls.healthSummary({ dataset: ds }), ls.healthSummary(data));
      assert.deepEqual(ls.rankClassesByLabelQuality({ dataset: ds }), ls.rankClassesByLabelQuality(data));
      assert.deepEqual(
        ls.findOverlappingClasses({ dataset: ds, asymmetric: true }),
        ls.findOverlappingClasses({ ...data, asymmetric: true }),
      );
      // Unknown option names are rejected on the Dataset path too.
      const e = await assertLabelScopeError(
        () => ls.findLabelIssues({ dataset: ds, filter_by: 'both' }),
        'invalid_option',
      );
      assert.match(e.message, /filterBy/);
    } finally {
      ds.free();
    }
  });

  test('free() then use -> code freed (audit, methods, probabilityRows); free() twice is fine', async () => {
    const ds = await ls.readDataset({ labels: c.labelsText, predProbs: c.probsText });
    ds.free();
    ds.free();
    await assertLabelScopeError(() => ls.audit(ds), 'freed');
    await assertLabelScopeError(() => ls.findLabelIssues({ dataset: ds }), 'freed');
    await assertLabelScopeError(() => ls.getLabelQualityScores({ dataset: ds }), 'freed');
    await assertLabelScopeError(() => ls.healthSummary({ dataset: ds }), 'freed');
    await assertLabelScopeError(() => ds.probabilityRows(0, 1), 'freed');
    // Its plain data stays readable.
    assert.equal(ds.numExamples, c.n);
    assert.equal(ds.labels.length, c.n);
  });

  test('many datasets read and freed: results stay identical (no state leaks between calls)', async () => {
    const first = ls.audit(data);
    for (let i = 0; i < 5; i++) {
      const ds = await ls.readDataset({ labels: c.labelsText, predProbs: c.probsText });
      assert.deepEqual(ls.audit(ds), first);
      ds.free();
    }
  });
});

describe('loading', () => {
  test('createLabelScope({ wasmBinary }) from a Uint8Array and an ArrayBuffer; locateFile', async () => {
    const bytes = readFileSync(`${ROOT}dist/wasm/labelscope-core.wasm`);
    const a = await createLabelScope({ wasmBinary: new Uint8Array(bytes) });
    const b = await createLabelScope({
      wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    });
    const reference = ls.findLabelIssues(data);
    assert.deepEqual(a.findLabelIssues(data), reference);
    assert.deepEqual(b.findLabelIssues(data), reference);
    const seen = [];
    const d = await createLabelScope({
      locateFile: (path, prefix) => {
        seen.push(path);
        return prefix + path;
      },
    });
    assert.deepEqual(d.findLabelIssues(data), reference);
  });

  test('createLabelScopeWorker without Web Workers (plain Node) rejects with code unsupported', async () => {
    assert.equal(typeof globalThis.Worker, 'undefined');
    await assertLabelScopeError(() => createLabelScopeWorker(), 'unsupported');
  });
});

// index.d.ts is hand-written: its result interfaces must name exactly the fields the API returns.
describe('index.d.ts matches the runtime objects', () => {
  /** { InterfaceName: { required: [...], optional: [...] } } from the top-level interfaces. */
  function declaredInterfaces() {
    // index.d.ts re-exports the declarations of src/js/types/*.d.ts.
    const types = `${ROOT}src/js/types/`;
    const text = [`${ROOT}src/js/index.d.ts`, ...readdirSync(types).map((f) => types + f)]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const out = {};
    for (const m of text.matchAll(/^export interface (\w+)(?:<[^>]*>)?(?: extends [\w, <>']+)? \{\n([\s\S]*?)^\}/gm)) {
      const required = [];
      const optional = [];
      for (const p of m[2].matchAll(/^ {2}(?:readonly )?(\w+)(\??):/gm)) (p[2] ? optional : required).push(p[1]);
      out[m[1]] = { required, optional };
    }
    return out;
  }

  test('result and info interfaces list exactly the returned fields', async () => {
    const decl = declaredInterfaces();
    const check = (name, value) => {
      assert.ok(decl[name], `interface ${name} not found in index.d.ts`);
      const keys = Object.keys(value).filter((k) => typeof value[k] !== 'function');
      const { required, optional } = decl[name];
      for (const k of required) assert.ok(keys.includes(k), `${name}.${k} is declared but not returned`);
      for (const k of keys)
        assert.ok(required.includes(k) || optional.includes(k), `${name}: '${k}' is returned but not declared`);
    };
    const small = {
      labels: [0, 1, 2, 0, 1, 2],
      predProbs: [
        [0.8, 0.1, 0.1],
        [0.1, 0.8, 0.1],
        [0.1, 0.1, 0.8],
        [0.3, 0.3, 0.4],
        [0.7, 0.2, 0.1],
        [0.2, 0.2, 0.6],
      ],
    };
    check('FindLabelIssuesResult', ls.findLabelIssues(small));
    check('LabelQualityScoresResult', ls.getLabelQualityScores(small));
    check('ConfidentJointResult', ls.computeConfidentJoint(small));
    check('LatentEstimates', ls.estimateLatent(small));
    const health = ls.healthSummary(small);
    check('HealthSummary', health);
    check('ClassQuality', health.classesByLabelQuality[0]);
    check('ClassOverlap', health.overlappingClasses[0]);
    check('OutOfDistributionResult', ls.outOfDistributionScores(small));
    const report = ls.audit({
      labels: [0, 1, 2, 0],
      predProbs: [
        [0.8, 0.1, 0.1],
        [0.1, 0.8, 0.2],
        [0.1, 0.1, 0.8],
        [0.3, 0.3, 0.4],
      ],
    });
    check('AuditReport', report);
    check('LabelScopeWarning', report.warnings[0]);
    const progress = [];
    const ds = await ls.readDataset(
      { combined: 'id,label,true_label,is_error,a,b\n1,a,a,0,.9,.1\n2,b,a,1,.2,.8\n' },
      { onProgress: (p) => progress.push(p) },
    );
    check('DatasetInfo', ds);
    check('ReadProgress', progress[0]);
    ds.free();
    const e = new LabelScopeError({
      code: 'bad_number',
      message: 'm',
      file: 'f',
      row: 1,
      column: 2,
      example: 0,
      classIndex: 1,
    });
    check('LabelScopeErrorInfo', e.toJSON());
  });
});

// Emscripten's Node defaults (NODEJS_CATCH_EXIT / NODEJS_CATCH_REJECTION) install process-wide
// 'uncaughtException' / 'unhandledRejection' handlers that rethrow: after importing labelscope, any
// unrelated uncaught error in the host program prints ~60 KB of minified module source. The module
// is linked with -sNODEJS_CATCH_EXIT=0 -sNODEJS_CATCH_REJECTION=0 (CMakeLists.txt) to prevent it.
test('loading labelscope in Node installs no process-wide error handlers', async () => {
  const { execFileSync } = await import('node:child_process');
  const index = new URL('../../src/js/index.js', import.meta.url).href;
  const count = (load) =>
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `${load}\nconsole.log(process.listenerCount('uncaughtException') + ` +
          `process.listenerCount('unhandledRejection'));`,
      ],
      { encoding: 'utf8' },
    ).trim();
  const baseline = count('');
  assert.equal(
    count(`const { createLabelScope } = await import(${JSON.stringify(index)}); await createLabelScope();`),
    baseline,
  );
});
