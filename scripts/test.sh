#!/usr/bin/env bash
# `npm test`: set up what is missing, build, run every suite.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

bash scripts/setup.sh

echo "== native build + doctest"
bash scripts/build.sh native
ctest --test-dir build-native --output-on-failure

echo "== wasm build + the same doctest suite under node"
bash scripts/build.sh wasm
ctest --test-dir build-wasm --output-on-failure

echo "== all suites passed in $(( $(date +%s) - start )) s"
