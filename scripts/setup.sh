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

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: please install as root: apt-get install ${missing[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm dev dependencies, once (no browser download: Debian's Chromium is used).
if [ -f package-lock.json ] && { [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
