#!/usr/bin/env bash
# Builds labelscope. Usage: scripts/build.sh native|wasm   (build-native/, build-wasm/)
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-native}
jobs=$(nproc 2>/dev/null || echo 2)

case "$target" in
  native)
    cmake -S . -B build-native -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build build-native -j"$jobs"
    ;;
  wasm)
    # Debian's Emscripten 3.1.6: a plain node emulator without fetch (TOOLCHAIN.md pitfall 3).
    emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release \
      "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch" >/dev/null
    cmake --build build-wasm -j"$jobs"
    ;;
  *) echo "usage: scripts/build.sh native|wasm" >&2; exit 2 ;;
esac
