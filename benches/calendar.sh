#!/usr/bin/env bash
# Calendar benchmark (not a test): a generated .ics of EVENTS events (a quarter recurring,
# begun up to five years ago, with EXDATEs; the rest one-off over two years) parsed once and
# expanded for one week RUNS times. Issue 11's goal: 2,000 events expanded for a week < 20 ms.
# Usage: benches/calendar.sh [EVENTS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --example calendar_bench
T=${CARGO_TARGET_DIR:-target}
for n in 500 1000 "${1:-2000}"; do
  "$T/release/examples/calendar_bench" "$n" "${2:-20}"
done
