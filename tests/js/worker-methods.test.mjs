// The table of how each method crosses to the worker (src/js/worker-methods.js), which worker.js and
// worker-client.js both read: a method of the API missing from it would be missing from the worker
// client, so the table and the API are checked against each other here.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { createLabelScopeWorker } from '../../src/js/index.js';
import { METHODS, MULTI_LABEL_METHODS } from '../../src/js/worker-methods.js';
import { assertLabelScopeError, labelScope, moduleWorkerInNode } from './helpers.mjs';

// Methods that exist on the main thread only, on purpose.
const MAIN_THREAD_ONLY = {
  LabelScope: ['auditAsync'], // the worker's audit runs it
  multiLabel: ['countMultiLabelRows'],
};

/** Names of the methods (not getters) of an object's class. */
function methodsOf(object) {
  const proto = Object.getPrototypeOf(object);
  return Object.getOwnPropertyNames(proto).filter(
    (name) => name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(proto, name)?.value === 'function',
  );
}

let ls;
let client;
before(async () => {
  globalThis.Worker = moduleWorkerInNode();
  ls = await labelScope();
  client = await createLabelScopeWorker();
});
after(() => {
  client?.terminate();
  delete globalThis.Worker;
});

test('every method of LabelScope and of ls.multiLabel has an entry (or is main-thread only)', () => {
  const tables = [
    ['LabelScope', ls, METHODS],
    ['multiLabel', ls.multiLabel, MULTI_LABEL_METHODS],
  ];
  for (const [what, api, table] of tables) {
    const methods = methodsOf(api);
    assert.ok(methods.length > 5, `${what}: its methods are found`);
    const missing = methods.filter((name) => !(name in table) && !MAIN_THREAD_ONLY[what].includes(name));
    assert.deepEqual(missing, [], `${what}: methods without an entry in src/js/worker-methods.js`);
    for (const [name, spec] of Object.entries(table)) {
      const runs = spec.runs ?? name;
      assert.equal(typeof api[runs], 'function', `${what}.${name}: the worker calls ${runs}, which must exist`);
    }
  }
});

test('the worker client has every method of the table, and the worker refuses others by name', async () => {
  for (const name of Object.keys(METHODS)) assert.equal(typeof client[name], 'function', name);
  for (const name of Object.keys(MULTI_LABEL_METHODS)) assert.equal(typeof client.multiLabel[name], 'function', name);
  const e = await assertLabelScopeError(() => client.call('noSuchMethod', {}), 'invalid_option');
  assert.equal(e.message, "Unknown method 'noSuchMethod'.");
  await assertLabelScopeError(() => client.call('multiLabel.auditAsync', {}), 'invalid_option');
});
