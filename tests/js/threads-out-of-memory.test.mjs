// Running out of memory on the threaded core once its heap is past 2 GB is the LabelScopeError
// out_of_memory, not "RangeError: Invalid atomic access index": Emscripten 3.1.6's glue indexed
// the exception's reference count with a signed `ptr >> 2` (scripts/patch-glue.mjs, run after every
// link, makes it `>>>`; docs/TOOLCHAIN.md §5). Cheap: three readers each reserve 1.1 GB for a
// .npy whose header claims that much and a fourth cannot; memory is reserved, never touched, and
// nothing yields to the event loop, so the page-warming helper never starts (~60 MB resident).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { unwrap } from '../../src/js/errors.js';
import { LabelScopeError } from '../../src/js/index.js';
import { ROOT } from './helpers.mjs';

const CORE = resolve(process.env.LABELSCOPE_THREADS_CORE ?? join(ROOT, 'dist/wasm/threads/labelscope-core.mjs'));

/** A .npy header (version 1.0) for float64 values of shape (rows, cols). */
function npyHeader(rows, cols) {
  let dict = `{'descr': '<f8', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
  dict += `${' '.repeat((64 - ((10 + dict.length + 1) % 64)) % 64)}\n`;
  const bytes = new Uint8Array(10 + dict.length);
  bytes.set([0x93, ...new TextEncoder().encode('NUMPY'), 1, 0, dict.length & 255, dict.length >> 8]);
  bytes.set(new TextEncoder().encode(dict), 10);
  return bytes;
}

test('the threaded core glue has no signed pointer shift in an Atomics call', () => {
  const glue = readFileSync(CORE, 'utf8');
  const left = glue.match(/Atomics\.\w+\(\s*(?:GROWABLE_HEAP_I32\(\)|HEAP32)\s*,[^,;)]*[^>]>>\s*2\b/);
  assert.equal(
    left?.[0],
    undefined,
    `${CORE} was not patched (build it with CMake: scripts/patch-glue.mjs runs after the link)`,
  );
});

/**
 * Three readers reserve 1.1 GB each, a fourth cannot: the error its feed() gives (or throws).
 * Where the exception object lands depends on the allocator's free chunks, which the files'
 * names change, so the test runs a few names, each on a fresh core.
 */
async function outOfMemoryPast2GB(name) {
  const core = await (await import(pathToFileURL(CORE).href)).default();
  const size = 1.1e9; // bytes each .npy claims (below 2 GB: one allocation must stay under 2^31)
  const readers = [];
  let failure = null;
  try {
    for (let i = 0; i < 4 && !failure; i++) {
      const reader = new core.Reader({});
      readers.push(reader);
      unwrap(reader.beginFile('predProbs', `${name}${i}.npy`, size));
      try {
        unwrap(reader.feed(npyHeader(size / 16, 2)));
      } catch (e) {
        failure = e;
      }
    }
  } finally {
    for (const reader of readers) reader.delete();
    // The helper's worker, if the first big buffer created it, must not keep the process alive.
    for (const worker of [...(core.PThread?.unusedWorkers ?? []), ...(core.PThread?.runningWorkers ?? [])]) {
      worker.unref?.();
    }
  }
  return { failure, heap: core.HEAP8.length };
}

test('out of memory past 2 GB on the threaded core: LabelScopeError out_of_memory, never a RangeError', async () => {
  for (const name of ['p', 'part', 'probabilities-of-a-long-name-']) {
    const { failure, heap } = await outOfMemoryPast2GB(name);
    assert.ok(failure, `${name}: a fourth 1.1 GB buffer does not fit in 4 GB`);
    assert.ok(
      failure instanceof LabelScopeError,
      `${name}: a LabelScopeError, not ${failure?.constructor?.name}: ${failure?.message}`,
    );
    assert.equal(failure.code, 'out_of_memory');
    assert.match(failure.message, /needed at least \d+ MB/);
    assert.ok(heap > 2 ** 31, `${name}: the heap was past 2 GB (${heap} bytes)`);
  }
});
