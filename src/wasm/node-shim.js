// Linked with --pre-js: lets Debian's Emscripten 3.1.6 ES-module output run under Node >= 20.16
// (it calls require/__dirname, and Node's fetch cannot read file:// URLs). Keep it exactly like
// this: writing import.meta here crashes 3.1.6's terser pass (docs/TOOLCHAIN.md §3). In a pthread's
// worker (dist/wasm/threads) the compiled module arrives as Module.wasm: nothing to read then.
// The threaded build's Node code sets global.Worker for its own use: `global` and `Worker` are
// this module's own here, so the process's globalThis.Worker stays as it was.
var Worker = globalThis.Worker;
var global = globalThis;
if (typeof process == 'object' && typeof process.versions == 'object' && typeof process.versions.node == 'string') {
  var require = process.getBuiltinModule;
  var __dirname = new URL('.', _scriptDir).pathname;
  if (!Module['wasmBinary'] && !Module['wasm'])
    Module['wasmBinary'] = require('fs').readFileSync(new URL(_scriptDir.replace(/\.mjs$/, '.wasm')));
  Worker = require('worker_threads').Worker;
  global = Object.create(globalThis);
}
// Strings leave WebAssembly decoded within their bounds: 3.1.6's UTF8ArrayToString decodes strings
// of up to 16 bytes by hand and, on bytes that are not UTF-8, reads past the string's end (garbage
// that changes from run to run). Same bytes, same text: TextDecoder with U+FFFD for bad bytes, and
// a copy of a shared (threaded) heap, which TextDecoder cannot read directly. ignoreBOM: a U+FEFF
// that starts a cell is part of the text (TextDecoder would drop it by default).
var labelscopeUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });
UTF8ArrayToString = function (heap, idx, maxBytesToRead) {
  idx >>>= 0;
  var end = idx;
  var limit = maxBytesToRead === undefined ? heap.length : Math.min(heap.length, idx + maxBytesToRead);
  while (end < limit && heap[end]) ++end;
  var bytes =
    typeof SharedArrayBuffer != 'undefined' && heap.buffer instanceof SharedArrayBuffer
      ? heap.slice(idx, end)
      : heap.subarray(idx, end);
  return labelscopeUtf8.decode(bytes);
};
