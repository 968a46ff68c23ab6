#!/usr/bin/env bash
# `npm start`: set up, build, and show labelscope on the example dataset.
# (Until the web page lands this runs the native demo.)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh native >/dev/null
./build-native/labelscope_demo "$@"
