#!/usr/bin/env bash
# `npm test`: set up what is missing, build, run every suite.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { echo; echo "== $* ($(( $(date +%s) - start )) s)"; }

bash scripts/setup.sh

step "native build + doctest (core, io, golden parity)"
bash scripts/build.sh native
ctest --test-dir build-native --output-on-failure
# The native CLI (dist/native/labelscope, as npm run build:native writes it) from the same objects.
cmake --build build-native --target labelscope_cli -j"$(nproc 2>/dev/null || echo 2)"

step "the same doctest suite under AddressSanitizer + UndefinedBehaviorSanitizer"
bash scripts/sanitize.sh

step "fuzzing the readers and the pipeline (30 s per target)"
bash scripts/fuzz.sh 30

step "wasm build + the same doctest suite under node"
bash scripts/build.sh wasm
ctest --test-dir build-wasm --output-on-failure

step "JS API, CLI and example (node --test)"
node --import ./tests/js/web-layout.mjs --test tests/js/ tests/cli/

step "benchmark smoke run (10k x 10, native / WASM-Node / Chromium; times are not asserted)"
node bench/run.mjs --quick --out "${TMPDIR:-/tmp}/labelscope-bench-quick.json"

step "lint (eslint), types (tsc: index.d.ts through typed examples, src/js with @ts-check, web/), layout (clang-format, prettier)"
npm run --silent lint
npm run --silent typecheck
bash scripts/format-check.sh src tests
npx --no-install prettier --check --log-level warn "**/*.{js,mjs,cjs,ts}"

step "npm pack installed into an empty project"
bash scripts/check-pack.sh

step "page and <label-scope> in Chromium (Playwright)"
npx --no-install playwright test

echo
echo "== all suites passed in $(( $(date +%s) - start )) s"
