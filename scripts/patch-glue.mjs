#!/usr/bin/env node
// Post-link fix of the JS glue Emscripten 3.1.6 generates (docs/TOOLCHAIN.md §5, "Pointers at or
// above 2 GB"). Run by CMake after every link of a core: node scripts/patch-glue.mjs <core.mjs>.
//
// With threads, C++ exceptions (-fexceptions) keep their reference count with
// Atomics.add/sub(HEAP32, ptr >> 2): a signed shift. Once the heap is past 2 GB an exception object
// can sit there, its index is negative and Atomics throws "RangeError: Invalid atomic access
// index", so an out-of-memory error (a std::bad_alloc) escapes as a RangeError instead of the
// LabelScopeError out_of_memory. `>>>` (unsigned) is what the rest of the glue uses. Embind's
// two helpers that read a list of pointers with (p >> 2) + i get the same fix where present.
//
// A required pattern that is missing (another Emscripten, another minifier) fails the build and
// removes the file, so no unpatched core is left for the next build to treat as up to date.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const RULES = [
  {
    what: 'the exception reference count (Atomics.add/sub on this.ptr + 0 >> 2)',
    find: /(Atomics\.(?:add|sub)\(\s*GROWABLE_HEAP_I32\(\)\s*,\s*this\.ptr\s*\+\s*0\s*)>>(\s*2\s*,)/g,
    done: /Atomics\.(?:add|sub)\(\s*GROWABLE_HEAP_I32\(\)\s*,\s*this\.ptr\s*\+\s*0\s*>>>\s*2\s*,/,
    // Only the threaded core (-pthread with -fexceptions) has JS-side exception objects with atomics.
    required: (src) => /function ExceptionInfo\s*\(/.test(src) && src.includes('GROWABLE_HEAP_I32'),
    count: 2,
  },
  {
    what: 'Embind reading a list of pointers ((p >> 2) + i)',
    find: /(\((?:firstElement|argTypes)\s*)>>(\s*2\s*\)\s*\+\s*i\b)/g,
    done: null,
    required: () => false,
  },
];

// What must be gone afterwards: an Atomics call on HEAP32 with a signed shift of a pointer.
const SIGNED_ATOMIC = /Atomics\.\w+\(\s*(?:GROWABLE_HEAP_I32\(\)|HEAP32)\s*,[^,;)]*[^>]>>\s*2\b/;

function fail(file, message) {
  rmSync(file, { force: true });
  console.error(`patch-glue: ${file}: ${message} The output was removed; see docs/TOOLCHAIN.md §5.`);
  process.exit(1);
}

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/patch-glue.mjs <labelscope-core.mjs>');
  process.exit(2);
}
let src = readFileSync(file, 'utf8');
const notes = [];
for (const rule of RULES) {
  let found = 0;
  src = src.replace(rule.find, (match, head, tail) => {
    found++;
    return `${head}>>>${tail}`;
  });
  if (found > 0) notes.push(`${rule.what}: ${found}`);
  else if (rule.done?.test(src)) notes.push(`${rule.what}: already patched`);
  else if (rule.required(src)) fail(file, `expected ${rule.what}, not found: the glue is not what this fix knows.`);
  if (rule.count && found > 0 && found !== rule.count) {
    fail(file, `expected ${rule.count} of ${rule.what}, found ${found}.`);
  }
}
const left = src.match(SIGNED_ATOMIC);
if (left) fail(file, `a signed pointer shift in an Atomics call is left: ${left[0]}`);
writeFileSync(file, src);
console.log(`patch-glue: ${file}: ${notes.join('; ') || 'nothing to patch'}`);
