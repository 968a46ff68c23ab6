#!/usr/bin/env bash
# Builds the native doctest suite (tests/unit, tests/parity, tests/io) with AddressSanitizer +
# UndefinedBehaviorSanitizer (the CMake option LABELSCOPE_SANITIZE) and runs it. Any sanitizer
# report fails the run (it aborts the process). The CMake tree build-sanitize/ is kept, so reruns
# rebuild only what changed. By hand (or: cmake --preset sanitize, CMakePresets.json):
#   cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug "-DLABELSCOPE_SANITIZE=address;undefined" \
#     -DLABELSCOPE_TESTS_LEARN=OFF && cmake --build build-sanitize --target labelscope_tests
#
#   bash scripts/sanitize.sh [doctest options...]     e.g. -tc='*npy*'
#   CXX=g++ bash scripts/sanitize.sh                   force a compiler (default: clang++-14, else g++)
#   JOBS=4 bash scripts/sanitize.sh                    parallel compile jobs (default: nproc, max 2..8)
#   SANITIZE_BUILD_DIR=/tmp/san bash scripts/sanitize.sh   another build folder
#   SANITIZE_LEARN_TESTS=ON bash scripts/sanitize.sh      the trainer's tests (tests/learn) too
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${SANITIZE_BUILD_DIR:-$ROOT/build-sanitize}
start=$(date +%s.%N)

# --- tools (scripts/setup.sh style: install only what is missing, as root) -------------------
pick_cxx() {
  if [ -n "${CXX:-}" ]; then echo "$CXX"; return; fi
  for c in clang++-14 clang++ g++; do command -v "$c" >/dev/null 2>&1 && { echo "$c"; return; }; done
}
CXX_BIN=$(pick_cxx || true)
if [ -z "$CXX_BIN" ] || [ ! -f /usr/include/doctest/doctest.h ] || [ ! -f /usr/include/fast_float/fast_float.h ] ||
   [ ! -f /usr/include/nlohmann/json.hpp ] || ! command -v make >/dev/null || ! command -v cmake >/dev/null; then
  pkgs="clang libclang-rt-14-dev make cmake doctest-dev libfast-float-dev nlohmann-json3-dev"
  if [ "$(id -u)" -eq 0 ]; then
    bash "$(dirname "$0")/setup.sh"  # installs $pkgs (apt-get runs only there)
    CXX_BIN=$(pick_cxx)
  else
    echo "sanitize: a C++ compiler, make, cmake, doctest, fast_float or nlohmann-json is missing;" \
         "install as root: apt-get install -y $pkgs" >&2
    exit 1
  fi
fi
case "$CXX_BIN" in
  *clang*) flavour=clang ;;
  *) flavour=gcc ;;
esac

jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
[ "$jobs" -lt 2 ] && jobs=2
[ "$jobs" -gt 8 ] && jobs=8

# --- build: the CMake option LABELSCOPE_SANITIZE (CMakeLists.txt), Debug (asserts on) at -O1 -------
# A build-sanitize/ left by the former generated Makefile is not a CMake tree: start it afresh.
[ -d "$OUT" ] && [ ! -f "$OUT/CMakeCache.txt" ] && rm -rf "$OUT"
echo "sanitize: $CXX_BIN ($flavour) -fsanitize=address,undefined, $jobs jobs, into build-sanitize/"
cmake -S "$ROOT" -B "$OUT" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER="$CXX_BIN" \
  "-DLABELSCOPE_SANITIZE=address;undefined" -DLABELSCOPE_TESTS_LEARN="${SANITIZE_LEARN_TESTS:-OFF}" >/dev/null
if ! cmake --build "$OUT" --target labelscope_tests -j"$jobs" >"$OUT/build.log" 2>&1; then
  grep -E 'error|Error' "$OUT/build.log" | head -20 >&2
  echo "sanitize: the build failed; log in build-sanitize/build.log" >&2
  exit 1
fi
built=$(date +%s.%N)

# --- run ------------------------------------------------------------------------------------------
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
log="$OUT/last-run.log"
set +e
"$OUT/labelscope_tests" --no-version "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
end=$(date +%s.%N)

reports=$(grep -cE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$log" || true)
awk -v s="$start" -v b="$built" -v e="$end" \
  'BEGIN { printf "sanitize: build %.1f s, run %.1f s, total %.1f s\n", b - s, e - b, e - s }'
if [ "$rc" -ne 0 ] || [ "$reports" -ne 0 ]; then
  echo "sanitize: FAILED (exit $rc, $reports sanitizer report(s)); log in build-sanitize/last-run.log" >&2
  exit 1
fi
echo "sanitize: passed, zero sanitizer reports"
