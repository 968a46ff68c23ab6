// Issue 12 at the edges of the JS API: multi-label probabilityRows range-checks its arguments as
// the single-label one does; readDataset names the file when it runs out of memory or when the
// browser cannot read a File (a 3.6 GB Blob), and says what to do.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { createLabelScope } from '../../src/js/index.js';
import { assertLabelScopeError, labelScope, ROOT } from './helpers.mjs';

// The error is a LabelScopeError with `code` whose message names `argument`.
async function rejects(fn, code, argument) {
  const error = await assertLabelScopeError(fn, code);
  assert.ok(error.message.includes(argument), `the message names ${argument}: ${error.message}`);
}

describe('multi-label probabilityRows: values out of range are refused, not wrapped', () => {
  let ls;
  let dataset;
  const P = [
    [0.9, 0.1, 0.2],
    [0.8, 0.7, 0.1],
    [0.1, 0.2, 0.3],
    [0.2, 0.9, 0.8],
  ];
  before(async () => {
    ls = await labelScope();
    dataset = await ls.multiLabel.readDataset({
      labels: { name: 'labels.csv', data: 'labels\nnews\nnews;sport\n""\nsport;tech\n' },
      predProbs: { name: 'p.csv', data: `news,sport,tech\n${P.map((r) => r.join(',')).join('\n')}\n` },
    });
  });
  after(() => dataset?.free());

  test('start 2**32 (would be row 0), fractional, negative and non-number rows', async () => {
    await rejects(() => dataset.probabilityRows(2 ** 32, 1), 'invalid_option', 'start');
    await rejects(() => dataset.probabilityRows(0, 2 ** 32 + 1.5), 'invalid_option', 'count');
    await rejects(() => dataset.probabilityRows(-1, 1), 'invalid_option', 'start');
    await rejects(() => dataset.probabilityRows('1', 1), 'invalid_option', 'start');
    await rejects(() => dataset.probabilityRows(5, 1), 'invalid_option', 'start');
  });

  test('rows in range are read, and count is limited to the rows there are', () => {
    assert.deepEqual(Array.from(dataset.probabilityRows(1, 1)), P[1]);
    assert.deepEqual(Array.from(dataset.probabilityRows(3, 2 ** 32)), P[3]);
    assert.equal(dataset.probabilityRows(4, 1).length, 0);
  });
});

describe('readDataset names the file it could not read', () => {
  // A File the browser refuses to read: Chromium says "permission problems" for a 3.6 GB Blob.
  class UnreadableFile extends File {
    #size;
    constructor(name, size) {
      super([], name);
      this.#size = size;
    }
    get size() {
      return this.#size;
    }
    stream() {
      return new ReadableStream({
        pull(controller) {
          controller.error(
            new DOMException(
              'The requested file could not be read, typically due to permission ' +
                'problems ' +
                'that have occurred after a reference to a file was acquired.',
              'NotReadableError',
            ),
          );
        },
      });
    }
  }
  let ls;
  before(async () => {
    ls = await labelScope();
  });

  test('a 3.6 GB File: too large for the browser, with what to do (readDataset and sniffFile)', async () => {
    for (const read of [
      () => ls.readDataset({ combined: new UnreadableFile('huge.csv', 3.6e9) }),
      () =>
        ls.readDataset({
          labels: { name: 'l.csv', data: 'label\n0\n' },
          predProbs: new UnreadableFile('huge.csv', 3.6e9),
        }),
      () => ls.sniffFile(new UnreadableFile('huge.csv', 3.6e9)),
    ]) {
      const error = await assertLabelScopeError(read, 'file_too_large', { file: 'huge.csv' });
      assert.match(error.message, /^huge\.csv is 3\.6 GB: too large for this browser to read/);
      assert.match(error.message, /command-line tool/);
      assert.doesNotMatch(error.message, /permission/);
    }
  });

  test('a small File that cannot be read (moved since it was chosen): choose it again', async () => {
    const error = await assertLabelScopeError(
      () => ls.readDataset({ combined: new UnreadableFile('data.csv', 1234) }),
      'file_unreadable',
      { file: 'data.csv' },
    );
    assert.match(error.message, /Choose the file again/);
  });

  test('memory running out in JavaScript while a file is read names that file', async () => {
    async function* chunks() {
      yield new TextEncoder().encode('label,a,b\n0,0.9,0.1\n');
      throw new RangeError('Array buffer allocation failed');
    }
    const error = await assertLabelScopeError(
      () => ls.readDataset({ combined: { name: 'big.csv', data: chunks() } }),
      'out_of_memory',
      { file: 'big.csv' },
    );
    assert.match(error.message, /^big\.csv does not fit in the memory/);
  });
});

// Runs on the module built with a 64 MB memory limit (as out-of-memory.test.mjs).
const SMALL = join(
  resolve(process.env.LABELSCOPE_WASM_BUILD ?? join(ROOT, 'build-wasm')),
  'small-memory',
  'labelscope-core.mjs',
);

test('out of memory in the WebAssembly reader names the file being read', async () => {
  assert.ok(existsSync(SMALL), `${SMALL} is missing: build it with 'bash scripts/build.sh wasm'`);
  const small = await createLabelScope({ moduleFactory: (await import(pathToFileURL(SMALL).href)).default });
  const K = 200;
  const row = `${Array.from({ length: K }, (_, c) => (c === 0 ? 0.5 : 0.5 / (K - 1))).join(',')}\n`;
  async function* probs() {
    // 40,000 x 200 of unknown length: 64 MB as float64
    for (let i = 0; i < 40; i++) yield new TextEncoder().encode(row.repeat(1000));
  }
  async function* labels() {
    yield new TextEncoder().encode('0\n1\n'.repeat(20000));
  }
  const error = await assertLabelScopeError(
    () =>
      small.readDataset({
        labels: { name: 'labels.csv', data: labels() },
        predProbs: { name: 'pred_probs.csv', data: probs() },
      }),
    'out_of_memory',
    { file: 'pred_probs.csv' },
  );
  assert.match(error.message, /fewer examples|fewer rows/);
});

describe('sniffFile: a header longer than the 64 KB head', () => {
  const K = 100;
  const names = Array.from({ length: K }, (_, c) => `class ${c} ${'x'.repeat(690)}`);
  const probs = (i) => Array.from({ length: K }, (_, c) => (c === i % K ? 0.901 : 0.099 / (K - 1))).join(',');
  const rows = (withLabel) => Array.from({ length: 20 }, (_, i) => (withLabel ? `${names[i % K]},` : '') + probs(i));

  test('a combined table is combined, not a labels-only file', async () => {
    const ls = await labelScope();
    const text = `label,${names.join(',')}\n${rows(true).join('\n')}\n`;
    assert.ok(text.indexOf('\n') > 64 * 1024);
    for (const data of [text, new TextEncoder().encode(text), new Blob([text])]) {
      const sniffed = await ls.sniffFile({ name: 'wide.csv', data });
      assert.equal(sniffed.role, 'combined', sniffed.reason);
      assert.equal(sniffed.columns.length, K + 1);
      assert.equal(sniffed.problem, undefined);
    }
  });

  test('probabilities alone are probabilities', async () => {
    const ls = await labelScope();
    const sniffed = await ls.sniffFile({ name: 'scores.csv', data: `${names.join(',')}\n${rows(false).join('\n')}\n` });
    assert.equal(sniffed.role, 'predProbs', sniffed.reason);
  });
});

describe("the page's words for failures and for right-to-left text (web/ui)", () => {
  test('a raw JavaScript error is never the message; the engine stopping says what to do', async () => {
    const { describeFailure, isRawError } = await import('../../web/ui/failures.js');
    const { LabelScopeError } = await import('../../src/js/index.js');
    const raw = describeFailure(new TypeError("Cannot read properties of undefined (reading 'map')"));
    assert.equal(raw.title, 'Something went wrong inside labelscope');
    assert.doesNotMatch(raw.message, /Cannot read|undefined/);
    assert.equal(raw.detail, "TypeError: Cannot read properties of undefined (reading 'map')");
    const internal = describeFailure(new LabelScopeError({ code: 'internal_error', message: 'URI malformed' }));
    assert.equal(internal.detail, 'URI malformed');
    assert.equal(describeFailure(new LabelScopeError({ code: 'bad_number', message: "'x' is not a number." })), null);
    assert.equal(isRawError(new LabelScopeError({ code: 'worker_error', message: 'Uncaught RangeError' })), true);
    const stopped = describeFailure(
      new LabelScopeError({ code: 'engine_stopped', message: 'The analysis engine stopped' }),
      { hasFiles: true },
    );
    assert.equal(stopped.reread, true);
    assert.match(stopped.hint, /read them again/);
  });

  test('containBidi keeps a direction control inside its value; isolate wraps right-to-left values only', async () => {
    const { containBidi, isolate } = await import('../../web/ui/format.js');
    const FSI = '\u2068';
    const PDI = '\u2069';
    assert.equal(containBidi('plain text, "quoted"'), 'plain text, "quoted"');
    assert.equal(
      containBidi("The label 'x\u202Ey' matches no class."),
      `The label '${FSI}x\u202Ey\u202C${PDI}' matches no class.`,
    );
    assert.equal(containBidi('a, b\u202Ec, d'), `a, ${FSI}b\u202Ec\u202C${PDI}, d`);
    assert.equal(containBidi('x\u202Cy\u2069z'), `${FSI}xyz${PDI}`, 'stray closers are dropped');
    assert.equal(containBidi('\u2067a\u2069b'), `${FSI}\u2067a\u2069b${PDI}`, 'a closed isolate stays as written');
    assert.equal(isolate('sports'), 'sports');
    assert.equal(isolate('قطة'), `${FSI}قطة${PDI}`);
    assert.equal(isolate('a\u202Eb'), `${FSI}a\u202Eb\u202C${PDI}`);
  });
});

describe('worker client: a worker whose core broke is replaced', () => {
  // A stand-in for a module Worker: answers init and readDataset; its core "aborts" on audit.
  class FakeWorker {
    static made = [];
    nextId = 1;
    constructor() {
      FakeWorker.made.push(this);
      this.onmessage = null;
      this.terminated = false;
    }
    postMessage({ id, method, args }) {
      const answer = (data) => setImmediate(() => !this.terminated && this.onmessage?.({ data: { id, ...data } }));
      if (method === 'init') {
        this.nextId = args.firstDatasetId ?? 1;
        return answer({ result: { threads: 1 } });
      }
      if (method === 'readDataset') return answer({ result: { datasetId: this.nextId++, info: { numExamples: 2 } } });
      if (method === 'freeDataset') return answer({ result: {} });
      if (method === 'audit') {
        return answer({
          error: {
            code: 'internal_error',
            message: 'RuntimeError: Aborted(OOM). Build with -sASSERTIONS for more info.',
          },
        });
      }
      return answer({ error: { code: 'invalid_option', message: `no ${method}` } });
    }
    terminate() {
      this.terminated = true;
    }
  }

  test('an Emscripten abort restarts the worker; the old datasets are refused by name, never reused', async () => {
    const { createLabelScopeWorker } = await import('../../src/js/index.js');
    globalThis.Worker = FakeWorker;
    try {
      const client = await createLabelScopeWorker();
      const first = await client.readDataset({ combined: 'label,a,b\n0,0.9,0.1\n1,0.2,0.8\n' });
      const error = await assertLabelScopeError(() => client.audit(first), 'engine_stopped');
      assert.match(error.message, /^The analysis engine stopped \(probably out of memory\) and was restarted;/);
      assert.equal(FakeWorker.made.length, 2, 'a new worker was started');
      assert.ok(FakeWorker.made[0].terminated, 'the broken one was ended');
      // The dataset lived in the worker that broke: refused with the same code, and freeing it is a no-op.
      await assertLabelScopeError(() => client.audit(first), 'engine_stopped');
      await first.free();
      // A dataset read now gets an id the old worker never gave out.
      const second = await client.readDataset({ combined: 'label,a,b\n0,0.9,0.1\n1,0.2,0.8\n' });
      assert.notEqual(second.datasetId, first.datasetId);
      client.terminate();
    } finally {
      delete globalThis.Worker;
    }
  });
});
