// One labelscope worker per page, shared by every <label-scope> on it. It starts as soon as the
// element is defined, so once the page has loaded, analysing files needs no network at all.
import { createLabelScopeWorker } from '../src/js/index.js';

let client = null;

export function sharedClient() {
  client ??= createLabelScopeWorker().catch((error) => {
    client = null; // let the next attempt try again
    throw error;
  });
  return client;
}
