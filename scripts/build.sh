#!/usr/bin/env bash
# Builds labelscope.
#   scripts/build.sh native   native libraries, demo and doctest suite      (build-native/)
#   scripts/build.sh wasm     WebAssembly module and doctest suite for node (build-wasm/)
#   scripts/build.sh core     only the WebAssembly module the page and CLI load
#                             (dist/wasm/labelscope-core.{mjs,wasm}, and dist/wasm/threads/ for Node),
#                             never waiting on test code
#   scripts/build.sh native-cli the native labelscope executable alone (dist/native/labelscope; its own
#                             build-native-cli/, without the test suite)
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-native}
jobs=$(nproc 2>/dev/null || echo 2)

configure_wasm() {
  # Debian's Emscripten 3.1.6: a plain node emulator without fetch (docs/TOOLCHAIN.md pitfall 3).
  emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release \
    "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch" >/dev/null
}

case "$target" in
  native)
    cmake -S . -B build-native -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build build-native -j"$jobs"
    ;;
  wasm)
    configure_wasm
    cmake --build build-wasm -j"$jobs"
    ;;
  core)
    [ -f build-wasm/CMakeCache.txt ] || configure_wasm
    cmake --build build-wasm --target labelscope_wasm labelscope_wasm_threads -j"$jobs"
    ;;
  native-cli)
    cmake -S . -B build-native-cli -DCMAKE_BUILD_TYPE=Release -DLABELSCOPE_TESTS=OFF >/dev/null
    cmake --build build-native-cli --target labelscope_cli -j"$jobs"
    ;;
  *) echo "usage: scripts/build.sh native|wasm|core|native-cli" >&2; exit 2 ;;
esac
