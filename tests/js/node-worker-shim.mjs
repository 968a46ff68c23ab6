// Runs src/js/worker.js (a browser module Worker script) inside a Node worker_threads thread:
// `self.postMessage` / `self.onmessage` are mapped onto parentPort. Used by worker.test.mjs to test
// the worker protocol without a browser. Not a test file.
import { parentPort, workerData } from 'node:worker_threads';

const early = [];
globalThis.self = {
  postMessage: (message, transfer) => parentPort.postMessage(message, transfer),
  onmessage: null,
};
parentPort.on('message', (data) => {
  if (self.onmessage) self.onmessage({ data });
  else early.push(data);
});
await import(workerData.url);
for (const data of early.splice(0)) self.onmessage({ data });
