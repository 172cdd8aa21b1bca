#!/usr/bin/env bash
# First frame with calendars (not a test): serein's wall time from exec to exit right after its
# first frame (SEREIN_BENCH_FIRST_FRAME, drawn into a real pseudo-terminal by script(1)), with
# no calendar and with a generated 2,000-event calendar (benches/calendar.sh's shapes), on the
# first run (no snapshot) and on later runs (the week's meetings from the on-disk snapshot).
# Issue 11's goal: first frame with calendars configured < 50 ms.
# Usage: benches/calendar_first_frame.sh [RUNS] [EVENTS]   (needs script: apt-get install bsdutils)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-20}
cargo build --release --quiet --bin serein --example calendar_bench
T=$(realpath "${CARGO_TARGET_DIR:-target}")/release
BIN=$T/serein
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
export HOME=$W XDG_CONFIG_HOME=$W/cfg XDG_STATE_HOME=$W/state XDG_CACHE_HOME=$W/cache \
  SEREIN_DATA_DIR=$W/data SEREIN_NOW=2026-12-01T10:00 TZ=Europe/Paris TERM=xterm-256color
mkdir -p "$W/cfg/serein" "$W/data"
"$T/examples/calendar_bench" --write "$W/bench.ics" "${2:-2000}"
"$BIN" plan list >/dev/null   # creates the database outside the timing

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
once() {
  script -qec "bash -c 's=\$(date +%s%N); SEREIN_BENCH_FIRST_FRAME=1 $BIN; e=\$(date +%s%N); echo \$(( (e-s)/1000 )) > $W/t'" /dev/null >/dev/null
  awk '{printf "%.2f\n", $1/1000}' "$W/t"
}
: > "$W/cfg/serein/config.toml"
none=$(for i in $(seq "$RUNS"); do once; done | median)
printf '[[calendar]]\nname = "bench"\npath = "%s"\n' "$W/bench.ics" > "$W/cfg/serein/config.toml"
cold=$(for i in $(seq "$RUNS"); do rm -rf "$W/cache"; once; done | median)
once >/dev/null   # writes the snapshot, if this build keeps one
warm=$(for i in $(seq "$RUNS"); do once; done | median)
printf 'first frame (median of %s): no calendar %s ms | %s events, no snapshot %s ms | with snapshot %s ms\n' \
  "$RUNS" "$none" "${2:-2000}" "$cold" "$warm"
