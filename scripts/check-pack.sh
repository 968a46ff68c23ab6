#!/usr/bin/env bash
# Checks the package as npm would publish it: `npm pack` into a temp folder, install the tarball
# into an empty ES-module project there (offline: its dependencies, the Parquet reader, are packed
# from the copies in node_modules), then
#   - `import 'labelscope'` runs findLabelIssues and readDataset on a tiny dataset,
#   - 'labelscope/worker.js' and the types resolve, and a strict TypeScript file type-checks
#     against the installed index.d.ts,
#   - `npx labelscope --help` works (only if src/cli/labelscope.mjs exists).
# Exits non-zero on any failure. Changes nothing in the repository; the temp folder is removed.
# Needs the built WebAssembly core (scripts/build.sh wasm).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

for f in dist/wasm/labelscope-core.mjs dist/wasm/labelscope-core.wasm dist/wasm/threads/labelscope-core.mjs src/js/index.d.ts; do
  [ -f "$f" ] || { echo "check-pack: $f is missing (build with: bash scripts/build.sh wasm)" >&2; exit 1; }
done

# Size budget of each shipped core file, raw and gzip -9 bytes: measured sizes + ~5% (README's
# numbers). Over budget fails: find out what grew (e.g. `wasm-objdump -h`, what Embind pulls in)
# before raising a number here.
echo "== size budget (bytes: raw / gzip -9)"
over=0
while read -r f max_raw max_gz; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  verdict=ok
  if [ "$raw" -gt "$max_raw" ] || [ "$gz" -gt "$max_gz" ]; then verdict="OVER BUDGET"; over=1; fi
  printf '%-45s %9d / %7d   budget %9d / %7d   %s\n' "$f" "$raw" "$gz" "$max_raw" "$max_gz" "$verdict"
done <<'EOF'
dist/wasm/labelscope-core.wasm                  1200000  383000
dist/wasm/labelscope-core.mjs                     72000   18400
dist/wasm/threads/labelscope-core.wasm          1540000  445000
dist/wasm/threads/labelscope-core.mjs            125500   28500
dist/wasm/threads/labelscope-core.worker.js        3200    1350
EOF
[ "$over" -eq 0 ] || { echo "check-pack: over the size budget (single-threaded core built with -DLABELSCOPE_WASM_EXCEPTIONS=ON?)" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/labelscope-pack.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export npm_config_cache="$tmp/npm-cache" npm_config_update_notifier=false npm_config_fund=false \
  npm_config_audit=false npm_config_loglevel=error

echo "== npm pack"
npm pack --pack-destination "$tmp" --json > "$tmp/pack.json"
tarball=$(node -e 'const p = require(process.argv[1])[0]; process.stdout.write(p.filename)' "$tmp/pack.json")
tarball="$tmp/$(basename "$tarball")"
[ -f "$tarball" ] || { echo "check-pack: npm pack did not write $tarball" >&2; exit 1; }
node -e '
  const [p] = require(process.argv[1]);
  const files = p.files.map((f) => f.path);
  const need = ["package.json", "src/js/index.js", "src/js/index.d.ts", "src/js/worker.js",
    "dist/wasm/labelscope-core.mjs", "dist/wasm/labelscope-core.wasm", "dist/wasm/threads/labelscope-core.mjs",
    "dist/wasm/threads/labelscope-core.wasm", "dist/wasm/threads/labelscope-core.worker.js",
    "dist/wasm/threads/package.json"];
  // index.d.ts re-exports the declarations of src/js/types/*.d.ts: every one must ship.
  for (const f of require("fs").readdirSync("src/js/types")) need.push("src/js/types/" + f);
  const missing = need.filter((f) => !files.includes(f));
  const stray = files.filter((f) => /^(tests|build[^/]*|node_modules|bench|web)\//.test(f) || /\.(cpp|hpp)$/.test(f));
  if (missing.length || stray.length) {
    console.error("check-pack: tarball missing:", missing, "unexpected:", stray);
    process.exit(1);
  }
  console.log(`${p.filename}: ${files.length} files, ${(p.size / 1024).toFixed(1)} KiB packed, ${(p.unpackedSize / 1024).toFixed(1)} KiB unpacked`);
' "$tmp/pack.json"

echo "== install into an empty project"
# labelscope's dependencies and theirs, as tarballs of what npm ci installed: no network needed.
deps=()
for d in $(node -e '
  const fs = require("fs");
  const seen = new Set();
  const visit = (dir) => {
    const deps = JSON.parse(fs.readFileSync(`${dir}/package.json`, "utf8")).dependencies ?? {};
    for (const name of Object.keys(deps)) if (!seen.has(name)) { seen.add(name); visit(`node_modules/${name}`); }
  };
  visit(".");
  console.log([...seen].join(" "));'); do
  deps+=("$tmp/dep-${d//\//+}.tgz")
  tar czf "${deps[-1]}" -C "node_modules/$d" --transform 's,^\.,package,' .
done
app="$tmp/app"
mkdir "$app"
cd "$app"
npm init -y > /dev/null
npm pkg set type=module
npm install --offline --no-package-lock "$tarball" "${deps[@]}" > /dev/null
[ -f node_modules/labelscope/package.json ] || { echo "check-pack: labelscope not installed" >&2; exit 1; }

echo "== import 'labelscope'"
cat > check.mjs <<'EOF'
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { createLabelScope, createLabelScopeWorker, Dataset, LabelScopeError } from 'labelscope';

// Resolved from the installed package, not from the repository.
const resolved = fileURLToPath(import.meta.resolve('labelscope'));
assert.ok(resolved.startsWith(process.cwd() + '/node_modules/labelscope/'), resolved);
assert.ok(fileURLToPath(import.meta.resolve('labelscope/worker.js')).endsWith('/node_modules/labelscope/src/js/worker.js'));
assert.equal(typeof createLabelScopeWorker, 'function');

const ls = await createLabelScope();
// The installed package's threaded core loads (dist/wasm/threads, CommonJS worker beside an ES module).
assert.equal(ls.threads, (await import('node:os')).cpus().length > 1 ? 2 : 1);
assert.equal((await createLabelScope({ threads: true })).threads, ls.threads);
const labels = [0, 0, 1, 1, 2, 2, 0];
const predProbs = [[0.9, 0.05, 0.05], [0.1, 0.8, 0.1], [0.1, 0.8, 0.1], [0.2, 0.7, 0.1],
  [0.1, 0.1, 0.8], [0.1, 0.2, 0.7], [0.8, 0.1, 0.1]];
const found = ls.findLabelIssues({ labels, predProbs, returnIndicesRankedBy: 'self_confidence' });
assert.ok(found.mask instanceof Uint8Array && found.indices instanceof Int32Array);
assert.deepEqual(Array.from(found.mask), [0, 1, 0, 0, 0, 0, 0]); // example 1: given 0, looks like 1
assert.deepEqual(Array.from(found.indices), [1]);
assert.deepEqual(found.warnings, []);

const csv = 'label,a,b,c\n' + labels.map((y, i) => [y, ...predProbs[i]].join(',')).join('\n') + '\n';
const ds = await ls.readDataset({ combined: csv });
assert.ok(ds instanceof Dataset);
assert.deepEqual(Array.from(ls.audit(ds).issues), [1]);
ds.free();
// Big enough (9.6 MB of values) for the helper thread, whose worker loads from the package.
const rows = Array.from({ length: 120000 }, (_, i) => [i % 10, ...Array.from({ length: 10 }, (_, c) => (c === i % 10 ? 0.91 : 0.01))].join(','));
const big = await ls.readDataset({ combined: `label,${Array.from({ length: 10 }, (_, c) => `p${c}`).join(',')}\n${rows.join('\n')}\n` });
assert.equal(big.numExamples, 120000);
big.free();
assert.throws(() => ls.findLabelIssues({ labels, predProbs, filterBy: 'bogus' }),
  (e) => e instanceof LabelScopeError && e.code === 'invalid_option');
console.log('import labelscope: ok (flagged example 1)');
EOF
timeout 120 node check.mjs  # the helper's worker must not keep the process alive

echo "== types from the installed package"
cat > tsconfig.json <<'EOF'
{ "compilerOptions": { "strict": true, "noEmit": true, "target": "es2022", "module": "nodenext",
    "moduleResolution": "nodenext", "lib": ["es2022", "dom"], "types": [] }, "files": ["check.ts"] }
EOF
cat > check.ts <<'EOF'
import { createLabelScope, type FindLabelIssuesResult } from 'labelscope';
const ls = await createLabelScope();
const r: FindLabelIssuesResult = ls.findLabelIssues({ labels: [0, 1], predProbs: [[0.9, 0.1], [0.2, 0.8]], filterBy: 'both' });
const first: number | undefined = r.indices[0];
// @ts-expect-error: not a filterBy value
ls.findLabelIssues({ labels: [0, 1], predProbs: [[0.9, 0.1], [0.2, 0.8]], filterBy: 'bogus' });
export { first };
EOF
"$repo/node_modules/.bin/tsc" -p . --traceResolution | grep -q "Module name 'labelscope' was successfully resolved to '$app/node_modules/labelscope/src/js/index.d.ts'" \
  || { echo "check-pack: 'labelscope' types do not resolve to the installed index.d.ts" >&2; exit 1; }
"$repo/node_modules/.bin/tsc" -p .
echo "types: ok"

if [ -f "$repo/src/cli/labelscope.mjs" ]; then
  echo "== npx labelscope --help"
  out=$(npx --offline labelscope --help)  # local bin; --offline: never fetch
  [ -n "$out" ] || { echo "check-pack: 'npx labelscope --help' printed nothing" >&2; exit 1; }
  grep -qi "labelscope" <<< "$out" || { echo "check-pack: --help does not mention labelscope" >&2; exit 1; }
  echo "cli: ok ($(wc -l <<< "$out") lines of help)"
else
  echo "== (no src/cli/labelscope.mjs: CLI check skipped)"
fi

echo "check-pack: all checks passed"
