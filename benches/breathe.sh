#!/usr/bin/env bash
# Breathing benchmark (not a test): CPU of the Breathe screen animating at 30 fps for 60 s in a
# 100x30 tmux pane, then of the same process with the exercise stopped (back on Today).
# CPU from /proc/PID/task/*/schedstat (ns, all threads); % of one core.
# Usage: benches/breathe.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-60}
cargo build --release --quiet --bin serein
BIN=$PWD/target/release/serein
W=$(mktemp -d); SOCK=serein-breathe-$$
trap 'tmux -L $SOCK kill-server 2>/dev/null || true; pkill -f -- "--data-dir $W/data/serein daemon" 2>/dev/null || true; rm -rf "$W"' EXIT
ENVS="HOME=$W XDG_CONFIG_HOME=$W/cfg XDG_DATA_HOME=$W/data XDG_STATE_HOME=$W/state TERM=xterm-256color SEREIN_NO_DAEMON=1"
cpu_ns() { cat /proc/"$1"/task/*/schedstat | awk '{s+=$1} END {print s+0}'; }
vol() { cat /proc/"$1"/task/*/status | awk '/^voluntary_ctxt_switches/ {s+=$2} END {print s+0}'; }
measure() {
  local c0 v0 c1 v1; c0=$(cpu_ns "$2"); v0=$(vol "$2"); sleep "$SECS"; c1=$(cpu_ns "$2"); v1=$(vol "$2")
  awk -v n="$1" -v c="$((c1 - c0))" -v v="$((v1 - v0))" -v s="$SECS" \
    'BEGIN {printf "%-34s CPU %6.2f %% of a core (%6.1f ms/min)   wake-ups %6.2f /s\n", n, c/1e9/s*100, c/1e6*60/s, v/s}'
}
# `serein breathe coherence --minutes 10`; Enter passes the first-use safety text.
tmux -L $SOCK -f /dev/null new-session -d -x 100 -y 30 "env $ENVS $BIN breathe coherence --minutes 10"
sleep 1; tmux -L $SOCK send-keys Enter; sleep 1
PID=$(tmux -L $SOCK list-panes -F '#{pane_pid}')
measure "Breathe screen, 30 fps, ${SECS}s" "$PID"
tmux -L $SOCK capture-pane -p | grep -E "Inhale|Exhale" | head -1
# Stop the exercise: the Done screen (no animation) — the same process, nothing moving.
tmux -L $SOCK send-keys Escape; sleep 1
measure "Breathe stopped (Done), ${SECS}s" "$PID"
