// A private copy of what the benches run (JS API, CLI, page, WASM module, bench binary), taken once
// after the builds: a rebuild of dist/wasm in the work tree during a long run then cannot mix an old
// .mjs with a new .wasm, or time two versions in one table.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const COPIED = ['package.json', 'src/js', 'src/cli', 'dist/wasm', 'dist/native', 'web', 'scripts/serve.mjs', 'bench'];
const LINKED = ['node_modules', 'examples']; // large or not under test: shared read-only

export function snapshot(repo, nativeBench) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'labelscope-bench-snapshot-'));
  for (const rel of COPIED) {
    const from = path.join(repo, rel);
    if (!fs.existsSync(from)) continue;
    fs.cpSync(from, path.join(root, rel), {
      recursive: true,
      filter: (src) => !src.endsWith('results.json'),
    });
  }
  for (const rel of LINKED) {
    if (fs.existsSync(path.join(repo, rel))) fs.symlinkSync(path.join(repo, rel), path.join(root, rel));
  }
  const bench = path.join(root, 'labelscope_bench');
  fs.copyFileSync(nativeBench, bench);
  fs.chmodSync(bench, 0o755);
  return { root, bench, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}
