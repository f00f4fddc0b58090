#!/usr/bin/env bash
# Every speed and memory figure of the README, printed in one run (2-core machine: expect ~2 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
py="${PYTHON:-python3}"
for b in bench_catalogue bench_check bench_tui bench_save bench_keystrokes; do
  echo "== $b"
  "$py" "benchmarks/$b.py"
done
echo "== bench_export (xlsx)"
"$py" benchmarks/bench_export.py --to xlsx
