// Linked with --pre-js: lets Debian's Emscripten 3.1.6 ES-module output run under Node >= 20.16
// (it calls require/__dirname, and Node's fetch cannot read file:// URLs). Keep it exactly like
// this: writing import.meta here crashes 3.1.6's terser pass (../shared/TOOLCHAIN.md).
if (typeof process == 'object' && typeof process.versions == 'object' && typeof process.versions.node == 'string') {
  var require = process.getBuiltinModule;
  var __dirname = new URL('.', _scriptDir).pathname;
  if (!Module['wasmBinary']) Module['wasmBinary'] = require('fs').readFileSync(new URL(_scriptDir.replace(/\.mjs$/, '.wasm')));
}
