#!/usr/bin/env bash
# Lists the C++ files whose layout differs from .clang-format (clang-format 14) and exits 1 if any
# do; changes nothing. `npm run format:check` and `npm test` check every C++ file under src/ and
# tests/; pass folders or files to check fewer. Fix a file with `clang-format -i FILE` (then review
# the diff: alignment of trailing comments is the usual change).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "format-check: clang-format is missing (apt-get install clang-format)" >&2; exit 1; }
[ $# -gt 0 ] || set -- src tests
differ=0
total=0
while IFS= read -r -d '' f; do
  total=$((total + 1))
  if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
    echo "$f: $(clang-format "$f" | diff "$f" - | grep -c '^<' || true) line(s) differ"
    differ=$((differ + 1))
  fi
done < <(find "$@" -type f \( -name '*.cpp' -o -name '*.hpp' \) -print0 | sort -z)
echo "format-check: $differ of $total file(s) differ from .clang-format"
[ "$differ" -eq 0 ]
