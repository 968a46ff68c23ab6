// What takes the bytes of a WebAssembly core: code bytes per part of the program, from a build
// that keeps function names (the shipped .wasm has none). docs/ARCHITECTURE.md has the numbers.
//
//   em++ ... --profiling-funcs (the link line of labelscope_wasm plus this flag), then
//   node scripts/wasm-size.mjs build/labelscope-core.wasm [N]   (N: also the N biggest functions)
import fs from 'node:fs';

const PARTS = [
  // first match wins; tested against the demangled name
  // The trainer with its readers (labelled tables, N x D features) and its bindings.
  [
    'trainer (src/learn, its readers)',
    /labelscope::learn|lbfgs|tfidf|TableBuilder|Dense|FeatureReader|FeatureSet|table_reader|TableReader|cross_val/i,
  ],
  ['multi-label (core and reader)', /multilabel|multi_label|MultiLabel|label_sets|LabelSet/],
  ['readers (src/io)', /labelscope::io::|fast_float/],
  ['bindings (src/wasm) and Embind', /labelscope::wasm|emscripten::|embind|_embind_|emval/],
  ['core (src/core)', /labelscope::/],
  ['C++ library (std::)', /std::|__cxx|__cxa|libcxx|operator new|operator delete/],
];

function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let b;
  do {
    b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [value, at];
}

const bytes = fs.readFileSync(process.argv[2]);
let at = 8;
let imported = 0;
const sections = {};
const bodies = [];
const names = new Map();
while (at < bytes.length) {
  const id = bytes[at++];
  let size;
  [size, at] = leb(bytes, at);
  const end = at + size;
  let name = `section ${id}`;
  if (id === 0) {
    let n;
    let p;
    [n, p] = leb(bytes, at);
    name = `custom "${bytes.subarray(p, p + n).toString()}"`;
    if (name === 'custom "name"') {
      p += n;
      while (p < end) {
        const sub = bytes[p++];
        let len;
        [len, p] = leb(bytes, p);
        if (sub === 1) {
          let count;
          let q = p;
          [count, q] = leb(bytes, q);
          for (let i = 0; i < count; i++) {
            let index;
            let l;
            [index, q] = leb(bytes, q);
            [l, q] = leb(bytes, q);
            names.set(index, bytes.subarray(q, q + l).toString());
            q += l;
          }
        }
        p += len;
      }
    }
  } else if (id === 2) {
    let count;
    let p;
    [count, p] = leb(bytes, at);
    for (let i = 0; i < count; i++) {
      let l;
      [l, p] = leb(bytes, p);
      p += l; // module
      [l, p] = leb(bytes, p);
      p += l; // field
      const kind = bytes[p++];
      if (kind === 0) {
        imported++;
        [, p] = leb(bytes, p);
      } else if (kind === 1) {
        p += 1;
        const flags = bytes[p++];
        [, p] = leb(bytes, p);
        if (flags & 1) [, p] = leb(bytes, p);
      } else if (kind === 2) {
        const flags = bytes[p++];
        [, p] = leb(bytes, p);
        if (flags & 1) [, p] = leb(bytes, p);
      } else if (kind === 3) p += 2;
      else if (kind === 4) {
        p += 1;
        [, p] = leb(bytes, p);
      }
    }
  } else if (id === 10) {
    let count;
    let p;
    [count, p] = leb(bytes, at);
    for (let i = 0; i < count; i++) {
      let len;
      const start = p;
      [len, p] = leb(bytes, p);
      bodies.push({ index: imported + i, size: p - start + len });
      p += len;
    }
  }
  const label =
    { 'section 10': 'code', 'section 11': 'data', 'section 2': 'imports', 'section 7': 'exports' }[name] ?? name;
  sections[label] = (sections[label] ?? 0) + size;
  at = end;
}

const parts = new Map();
for (const { index, size } of bodies) {
  const name = names.get(index) ?? '';
  const part = PARTS.find(([, re]) => re.test(name))?.[0] ?? 'other (libc, runtime, unnamed)';
  const p = parts.get(part) ?? { bytes: 0, functions: 0 };
  p.bytes += size;
  p.functions += 1;
  parts.set(part, p);
}
console.log(`file: ${bytes.length} bytes; sections:`);
for (const [k, v] of Object.entries(sections).sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(24)} ${v}`);
console.log('code by part:');
for (const [k, v] of [...parts].sort((a, b) => b[1].bytes - a[1].bytes)) {
  console.log(`  ${k.padEnd(34)} ${String(v.bytes).padStart(8)} bytes  ${v.functions} functions`);
}
const top = Number(process.argv[3] ?? 0);
if (top > 0) {
  console.log(`the ${top} biggest functions:`);
  for (const { index, size } of [...bodies].sort((a, b) => b.size - a.size).slice(0, top)) {
    console.log(`  ${String(size).padStart(7)}  ${(names.get(index) ?? `#${index}`).slice(0, 110)}`);
  }
}
