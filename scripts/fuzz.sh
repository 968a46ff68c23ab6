#!/usr/bin/env bash
# Builds the libFuzzer targets in tests/fuzz/ (clang, -fsanitize=fuzzer,address,undefined: the
# CMake option LABELSCOPE_FUZZ) into build-fuzz/ and runs each for a bounded time on a temporary
# copy of its seed corpus (tests/fuzz/corpus/<target>/), so runs never grow the repository. By hand:
#   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DLABELSCOPE_FUZZ=ON -DLABELSCOPE_TESTS=OFF \
#     -DLABELSCOPE_NATIVE_THREADS=OFF   (or: cmake --preset fuzz, CMakePresets.json)
#
#   bash scripts/fuzz.sh [seconds-per-target]    default 30; `npm run fuzz` passes 300
#   FUZZ_TARGETS="csv npy" bash scripts/fuzz.sh   a subset
#   FUZZ_JOBS=1 bash scripts/fuzz.sh              targets run one after another (default: nproc at once)
#   FUZZ_BUILD_DIR=/tmp/fz bash scripts/fuzz.sh   another build folder
#
# A crash, sanitizer report, timeout (>10 s on one input) or memory blow-up (>2048 MB) fails the run;
# the input is saved as build-fuzz/artifacts/<target>-crash-* (or timeout-*/oom-*). Make it a
# regression: copy it to tests/fixtures/fuzz-regressions/<target>-<what>.bin; the doctest
# tests/io/test_io_fuzz_regressions.cpp replays every file there.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${FUZZ_BUILD_DIR:-$ROOT/build-fuzz}
SECONDS_PER_TARGET=${1:-30}
TARGETS=${FUZZ_TARGETS:-csv npy pipeline features}
start=$(date +%s.%N)

# --- tools (scripts/setup.sh style) -------------------------------------------------------------
CXX_BIN=${FUZZ_CXX:-}
if [ -z "$CXX_BIN" ]; then
  for c in clang++-14 clang++; do command -v "$c" >/dev/null 2>&1 && { CXX_BIN=$c; break; }; done
fi
have_runtime() {  # libFuzzer's runtime ships in libclang-rt-14-dev, apart from clang itself
  [ -n "$CXX_BIN" ] && ls "$("$CXX_BIN" -print-resource-dir 2>/dev/null)"/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1
}
if ! have_runtime || ! command -v make >/dev/null || ! command -v cmake >/dev/null ||
   [ ! -f /usr/include/fast_float/fast_float.h ]; then
  pkgs="clang libclang-rt-14-dev make cmake libfast-float-dev"
  if [ "$(id -u)" -eq 0 ]; then
    bash "$(dirname "$0")/setup.sh"  # installs $pkgs (apt-get runs only there)
    for c in clang++-14 clang++; do command -v "$c" >/dev/null 2>&1 && { CXX_BIN=$c; break; }; done
  else
    echo "fuzz: clang++ with the libFuzzer runtime (or make, cmake, fast_float) is missing;" \
         "install as root: apt-get install -y $pkgs" >&2
    exit 1
  fi
fi

# --- build: the CMake option LABELSCOPE_FUZZ (CMakeLists.txt), targets fuzz_<name> ----------------
# A build-fuzz/ left by the former generated Makefile is not a CMake tree: start it afresh.
[ -d "$OUT" ] && [ ! -f "$OUT/CMakeCache.txt" ] && rm -rf "$OUT"
bins=""
for t in $TARGETS; do bins="$bins fuzz_$t"; done
echo "fuzz: building$bins with $CXX_BIN into build-fuzz/"
cmake -S "$ROOT" -B "$OUT" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER="$CXX_BIN" -DLABELSCOPE_FUZZ=ON \
  -DLABELSCOPE_TESTS=OFF -DLABELSCOPE_NATIVE_THREADS=OFF >/dev/null
# shellcheck disable=SC2086
if ! cmake --build "$OUT" --target $bins -j"$(nproc 2>/dev/null || echo 2)" >"$OUT/build.log" 2>&1; then
  grep -E 'error|Error' "$OUT/build.log" | head -20 >&2
  echo "fuzz: the build failed; log in build-fuzz/build.log" >&2
  exit 1
fi
built=$(date +%s.%N)

# --- run -----------------------------------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/labelscope-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$OUT/artifacts" "$OUT/logs"
dict=$ROOT/tests/fuzz/labelscope.dict

run_target() {
  local t=$1 corpus=$work/$t
  mkdir -p "$corpus"
  cp -r "$ROOT/tests/fuzz/corpus/$t/." "$corpus/" 2>/dev/null || true
  local extra=()
  [ -f "$dict" ] && extra+=("-dict=$dict")
  set +e
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}" \
    "$OUT/fuzz_$t" "$corpus" -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=2048 -timeout=10 \
      -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$t-" "${extra[@]}" >"$OUT/logs/$t.log" 2>&1
  echo $? >"$work/$t.rc"
  set -e
}

jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
echo "fuzz: running each target for ${SECONDS_PER_TARGET} s ($jobs at a time); logs in build-fuzz/logs/"
running=0
for t in $TARGETS; do
  run_target "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
done
wait || true
end=$(date +%s.%N)

failed=0
for t in $TARGETS; do
  log=$OUT/logs/$t.log
  rc=$(cat "$work/$t.rc" 2>/dev/null || echo 1)
  execs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || true)
  [ -z "$execs" ] && execs=$(grep -oE '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  if [ "$rc" -eq 0 ]; then
    printf 'fuzz: %-9s ok      %10s executions, coverage %s\n' "$t" "${execs:-?}" "${cov:-?}"
  else
    failed=1
    artifact=$(grep -oE "Test unit written to [^ ]+" "$log" | tail -1 | sed 's/Test unit written to //')
    printf 'fuzz: %-9s FAILED  (exit %s) %s executions; input: %s\n' "$t" "$rc" "${execs:-?}" "${artifact:-see log}"
    grep -E 'ERROR: |runtime error:|invariant:|terminate called|SUMMARY' "$log" | head -5 | sed 's/^/    /'
  fi
done
awk -v s="$start" -v b="$built" -v e="$end" \
  'BEGIN { printf "fuzz: build %.1f s, fuzzing %.1f s, total %.1f s\n", b - s, e - b, e - s }'
if [ "$failed" -ne 0 ]; then
  echo "fuzz: FAILED; logs in build-fuzz/logs/, inputs in build-fuzz/artifacts/" >&2
  exit 1
fi
