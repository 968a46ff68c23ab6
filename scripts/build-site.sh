#!/usr/bin/env bash
# `npm run build`: writes a self-contained static site to dist/site/ that any static host can
# serve — the page (web/) at the top, the JS API in src/js/, the WebAssembly core in dist/wasm/ and
# the demo data in examples/, laid out exactly as scripts/serve.mjs serves the source tree.
set -euo pipefail
cd "$(dirname "$0")/.."

core=dist/wasm/labelscope-core
# Rebuild the WebAssembly core only when it is missing or older than its sources.
if [ ! -f "$core.wasm" ] || [ ! -f "$core.mjs" ] \
   || [ -n "$(find src/core src/io src/wasm CMakeLists.txt -newer "$core.wasm" -print -quit)" ]; then
  bash scripts/build.sh core
fi

site=dist/site
rm -rf "$site"
mkdir -p "$site/src/js" "$site/dist/wasm/threads"

cp -R web/. "$site/"
cp src/js/*.js "$site/src/js/"
cp "$core.mjs" "$core.wasm" "$site/dist/wasm/"
# The threaded core, used where the host sends the cross-origin isolation headers (serve.mjs --isolate).
cp dist/wasm/threads/labelscope-core.{mjs,wasm,worker.js} dist/wasm/threads/package.json "$site/dist/wasm/threads/"
# The Parquet reader (src/js/parquet.js loads it from ../../node_modules/ relative to src/js/).
for p in hyparquet/src hyparquet-compressors/src fzstd/esm; do
  mkdir -p "$site/node_modules/$p" && cp -R "node_modules/$p/." "$site/node_modules/$p/"
done
# Every file the page's demos fetch (DEMOS in web/ui/demos.js), their READMEs, the lesson pages, and every data
# file under examples/ that README.md names (its embedding snippets: labels-src="examples/headlines/labels.csv").
node scripts/site-examples.mjs "$site"

files=$(find "$site" -type f | wc -l)
size=$(du -sh "$site" | cut -f1)
echo "build-site: wrote $site/ ($files files, $size). Serve it with: node scripts/serve.mjs --root $site"
