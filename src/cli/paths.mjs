// Command-line checks shared by every command: a flag given twice, and an output file that is one
// of the inputs (writing it would destroy the data being read).
import fs from 'node:fs';
import path from 'node:path';

/** Whether two paths are the same file: the same path once resolved, or the same inode (a symlink
 * or a hard link to the file counts). */
export function sameFile(a, b) {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false; // one of them does not exist (yet): not the same file
  }
}

// The flags that name files read by a command (--features names a file only with --labels).
const INPUT_FLAGS = ['labels', 'pred-probs', 'data', 'features'];

/** Fails (usage error) when --out names one of the input files. */
export function checkOutNotInput(v, fail, what = 'the output') {
  if (v.out === undefined || v.out === '') return;
  for (const flag of INPUT_FLAGS) {
    const input = v[flag];
    if (input === undefined || input === '' || (flag === 'features' && v.data !== undefined)) continue;
    if (sameFile(v.out, input)) fail(`--out ${v.out} is an input file (--${flag}); write ${what} to another file.`);
  }
}

/** parseArgs tokens: fails (usage error) at the first option given a second time. */
export function checkRepeatedFlags(tokens, fail) {
  const seen = new Set();
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    if (seen.has(t.name)) fail(`option '--${t.name}' is given more than once; give it once.`);
    seen.add(t.name);
  }
}
