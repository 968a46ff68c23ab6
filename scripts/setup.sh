#!/usr/bin/env bash
# Installs what labelscope needs to build and test, only if it is missing. Idempotent; safe to
# run on every `npm test` / `npm start`. Needs root (or sudo) only when something is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
need() { # need <apt package> <test command...>
  local pkg=$1; shift
  "$@" >/dev/null 2>&1 || missing+=("$pkg")
}
need cmake command -v cmake
need g++ command -v g++
need make command -v make
need doctest-dev test -f /usr/include/doctest/doctest.h
need nlohmann-json3-dev test -f /usr/include/nlohmann/json.hpp
need libfast-float-dev test -f /usr/include/fast_float/fast_float.h
need emscripten command -v em++
need chromium test -x /usr/bin/chromium   # the page's browser tests (Playwright drives it)
need fonts-liberation test -d /usr/share/fonts/truetype/liberation
# scripts/sanitize.sh and scripts/fuzz.sh: clang with its sanitizer and libFuzzer runtimes.
need clang command -v clang++
need libclang-rt-14-dev sh -c 'ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a'
need clang-format command -v clang-format   # npm run format:check

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: please install as root: apt-get install ${missing[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  # Another apt or dpkg run (unattended upgrades on a fresh machine) may hold the lock: wait for it
  # (DPkg::Lock::Timeout, and retries for the lists lock of `update`) instead of failing at once.
  apt() {
    local tries=0
    until $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 "$@"; do
      tries=$((tries + 1))
      [ "$tries" -lt 30 ] || { echo "setup: apt-get $1 kept failing" >&2; return 1; }
      echo "setup: apt-get $1 failed (another apt run holding the lock?); retrying in 10 s" >&2
      sleep 10
    done
  }
  apt update -qq
  apt install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm dev dependencies, once (no browser download: Debian's Chromium is used).
if [ -f package-lock.json ] && { [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
