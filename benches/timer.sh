#!/usr/bin/env bash
# Timer benchmark (not a test): a running focus timer for 60 s in tmux, serein's TUI (and its
# daemon) side by side with a peer TUI timer (timr-tui 1.9.0, if installed: `cargo install
# --locked timr-tui@1.9.0 --root /tmp/timr`). Reports CPU time per minute (all threads, from
# /proc/PID/task/*/schedstat, in ns), wake-ups per second (voluntary context switches), peak RSS
# (VmHWM), and the median wall time of `serein status`.
# Usage: benches/timer.sh [SECONDS] [TIMR_BIN]
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-60}
TIMR=${2:-/tmp/timr/bin/timr-tui}
cargo build --release --quiet --bin serein
BIN=$PWD/target/release/serein
W=$(mktemp -d); SOCK=serein-bench-$$
trap 'tmux -L $SOCK kill-server 2>/dev/null || true; pkill -f -- "--data-dir $W/data/serein daemon" 2>/dev/null || true; rm -rf "$W"' EXIT
ENVS="HOME=$W XDG_CONFIG_HOME=$W/cfg XDG_DATA_HOME=$W/data XDG_STATE_HOME=$W/state TERM=xterm-256color"
export HOME=$W XDG_CONFIG_HOME=$W/cfg XDG_DATA_HOME=$W/data XDG_STATE_HOME=$W/state
# A box under way now, so Enter starts it.
NOW=$(date +%H:%M); END=$(date -d '+50 min' +%H:%M)
[[ "$END" < "$NOW" ]] && END=23:59
"$BIN" plan add "$NOW-$END Benchmark box #work" >/dev/null

cpu_ns() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{s+=$1} END {print s+0}'; }
vol() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/^voluntary_ctxt_switches/ {s+=$2} END {print s+0}'; }
hwm() { awk '/VmHWM/ {print $2}' /proc/"$1"/status; }
measure() { # name pid
  local c0 v0 c1 v1; c0=$(cpu_ns "$2"); v0=$(vol "$2"); sleep "$SECS"; c1=$(cpu_ns "$2"); v1=$(vol "$2")
  awk -v n="$1" -v c="$((c1 - c0))" -v v="$((v1 - v0))" -v s="$SECS" -v r="$(hwm "$2")" \
    'BEGIN {printf "%-16s CPU %7.1f ms/min   wake-ups %5.2f /s   peak RSS %6d kB\n", n, c/1e6*60/s, v/s, r}'
}
pane_pid() { tmux -L $SOCK list-panes -t "$1" -F '#{pane_pid}'; }

tmux -L $SOCK -f /dev/null new-session -d -s serein -x 100 -y 30 "env $ENVS $BIN"
sleep 1; tmux -L $SOCK send-keys -t serein Enter; sleep 2
SPID=$(pane_pid serein)
DPID=$(pgrep -f -- "--data-dir $W/data/serein daemon" | head -1 || true)
if [ -x "$TIMR" ]; then
  # timr-tui: countdown mode, 25 minutes, started with `s`.
  tmux -L $SOCK new-session -d -s timr -x 100 -y 30 "$TIMR --mode countdown --countdown 25:00"
  sleep 1; tmux -L $SOCK send-keys -t timr s; sleep 1
  TPID=$(pane_pid timr)
fi
echo "running timers for ${SECS}s each (measured at the same time)…"
{
  measure "serein TUI" "$SPID" &
  [ -n "$DPID" ] && measure "serein daemon" "$DPID" &
  [ -n "${TPID:-}" ] && measure "timr-tui 1.9.0" "$TPID" &
  wait
}
tmux -L $SOCK capture-pane -p -t serein | grep -m1 "until" || true
# serein status: median wall time over 200 runs while the session runs.
ms=$(for i in $(seq 200); do s=$(date +%s%N); "$BIN" status >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000 )); done \
  | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int(NR/2)+1]/1000}')
echo "serein status: median ${ms} ms over 200 runs (incl. fork/exec): $("$BIN" status)"
