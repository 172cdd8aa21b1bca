#!/usr/bin/env bash
# Offline-hours daemon benchmark (not a test): `serein daemon --stay` with an offline
# schedule and no session, for SECONDS (default 600); reports its CPU time and wake-ups.
# Usage: benches/offline.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-600}
cargo build --release --quiet --bin serein
BIN=$PWD/target/release/serein
W=$(mktemp -d); trap 'kill $PID 2>/dev/null || true; rm -rf "$W"' EXIT
export HOME=$W XDG_CONFIG_HOME=$W/cfg XDG_DATA_HOME=$W/data XDG_STATE_HOME=$W/state
mkdir -p "$W/cfg/serein"
printf '[offline]\nweekdays = "19:00-08:00"\nsaturday = "all"\nsunday = "all"\n' > "$W/cfg/serein/config.toml"
"$BIN" daemon --stay & PID=$!
sleep 2
cpu() { cat /proc/"$PID"/task/*/schedstat | awk '{s+=$1} END {print s+0}'; }
vol() { cat /proc/"$PID"/task/*/status | awk '/^voluntary_ctxt_switches/ {s+=$2} END {print s+0}'; }
c0=$(cpu); v0=$(vol); sleep "$SECS"; c1=$(cpu); v1=$(vol)
awk -v c="$((c1 - c0))" -v v="$((v1 - v0))" -v s="$SECS" -v r="$(awk '/VmHWM/ {print $2}' /proc/$PID/status)" \
  'BEGIN {printf "serein daemon, offline schedule, no session, %ds: CPU %.1f ms (%.3f ms/min), %d wake-ups (%.3f /min), peak RSS %d kB\n", s, c/1e6, c/1e6*60/s, v, v*60/s, r}'
