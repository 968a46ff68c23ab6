#!/usr/bin/env bash
# `npm start`: set up what is missing, build the WebAssembly core, and serve the page on
# 127.0.0.1 (the URL is printed; `npm start -- --port 9000` picks another port). Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "start: building the WebAssembly core…"
bash scripts/build.sh core >/dev/null
echo "start: open the printed URL and click a demo, or drop your own files."
# Cross-origin isolated, so the page's worker may read big files with a helper thread.
exec node scripts/serve.mjs --isolate "$@"
