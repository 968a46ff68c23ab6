#!/usr/bin/env bash
# The trainer benchmark (bench/learn/RESULTS.md): prepares the data, times labelscope natively and
# in WebAssembly (node), then scikit-learn on the same folds.
#   bash bench/learn/run.sh [NATIVE_BUILD_DIR] [WASM_BUILD_DIR]
# NATIVE_BUILD_DIR holds labelscope_bench_learn (cmake --build DIR --target labelscope_bench_learn);
# WASM_BUILD_DIR holds liblabelscope_learn.a and liblabelscope_core.a built with emcmake.
# Needs Debian's python3-sklearn and dataset-fashion-mnist (benchmark only).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
native=${1:-build-native}
wasm=${2:-build-wasm}
data=${LEARN_BENCH_DATA:-/tmp/labelscope-learn-bench}
/usr/bin/python3 "$here/prepare_data.py" "$data"
NODE_PATH=/usr/share/nodejs em++ -O3 -std=c++17 -ffp-contract=off -fexceptions -I"$here/../../src" \
  "$here/bench_learn.cpp" "$wasm/liblabelscope_learn.a" "$wasm/liblabelscope_core.a" \
  -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=node -o "$wasm/bench_learn.cjs"
for name in cancer tabular10k text3k fmnist10k; do
  echo "== $name"
  /usr/bin/time -f "   native: %U s CPU, %e s wall" "$native/labelscope_bench_learn" "$data" "$name"
  /usr/bin/time -f "   wasm: %U s CPU, %e s wall" node --no-experimental-fetch "$wasm/bench_learn.cjs" "$data" "$name" |
    sed 's/^/   wasm /'
  /usr/bin/python3 "$here/sklearn_reference.py" "$data" "$name" 1.0
done
