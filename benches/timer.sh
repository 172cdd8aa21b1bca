#!/usr/bin/env bash
# Timer and idle benchmark (not a test), all in tmux panes of 100x30, release build:
#  1. a running focus timer on Today: serein's TUI and its daemon, measured at the same time as
#     peer TUI timers if installed (timr-tui 1.9.0: `cargo install --locked timr-tui@1.9.0 --root
#     /tmp/timr`; porsmo: `cargo install --locked porsmo --root /tmp/porsmo`);
#  2. the same timer with the Week screen shown (no countdown on screen);
#  3. the daemon alone running the session (the TUI has quit);
#  4. an idle TUI (no session, no animation, no daemon).
# Reports CPU time per minute (all threads, from /proc/PID/task/*/schedstat), wake-ups
# (voluntary context switches, all threads) per second and per minute, peak RSS (VmHWM), and the
# median wall time of `serein status`.
# Usage: benches/timer.sh [SECONDS] [TIMR_BIN] [PORSMO_BIN]
# SEREIN_BIN=path measures that binary instead of building one: two runs started at the same
# time (one per binary, e.g. a build of main and one of a branch) compare them side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-60}
TIMR=${2:-/tmp/timr/bin/timr-tui}
PORSMO=${3:-/tmp/porsmo/bin/porsmo}
# The same targets as benches/summary.sh: building examples turns on dev-dependency features
# (tokio's test-util) for the whole build, so building only the binary here would rebuild it.
if [ -n "${SEREIN_BIN:-}" ]; then
  BIN=$(realpath "$SEREIN_BIN")
else
  cargo build --release --quiet --bin serein --example gen_history --example timew_export
  BIN=$(realpath "${CARGO_TARGET_DIR:-target}")/release/serein
fi
W=$(mktemp -d); SOCK=serein-bench-$$
DPID=
cleanup() {
  tmux -L $SOCK kill-server 2>/dev/null || true
  # The daemon this run started, by its pid.
  [ -n "$DPID" ] && kill "$DPID" 2>/dev/null || true
  rm -rf "$W"
}
trap cleanup EXIT
ENVS="HOME=$W XDG_CONFIG_HOME=$W/cfg XDG_DATA_HOME=$W/data XDG_STATE_HOME=$W/state TERM=xterm-256color"
export HOME=$W XDG_CONFIG_HOME=$W/cfg XDG_DATA_HOME=$W/data XDG_STATE_HOME=$W/state
# A box under way now, so Enter starts it.
NOW=$(date +%H:%M); END=$(date -d '+50 min' +%H:%M)
[[ "$END" < "$NOW" ]] && END=23:59
"$BIN" plan add "$NOW-$END Benchmark box #work" >/dev/null

cpu_ns() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{s+=$1} END {print s+0}'; }
vol() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/^voluntary_ctxt_switches/ {s+=$2} END {print s+0}'; }
hwm() { awk '/VmHWM/ {print $2}' /proc/"$1"/status; }
measure() { # name pid [pid2: measured together with pid, reported as their sum]
  local c0 v0 c1 v1 p2=${3:-}; c0=$(cpu_ns "$2"); v0=$(vol "$2")
  if [ -n "$p2" ]; then c0=$((c0 + $(cpu_ns "$p2"))); v0=$((v0 + $(vol "$p2"))); fi
  sleep "$SECS"; c1=$(cpu_ns "$2"); v1=$(vol "$2")
  if [ -n "$p2" ]; then c1=$((c1 + $(cpu_ns "$p2"))); v1=$((v1 + $(vol "$p2"))); fi
  awk -v n="$1" -v c="$((c1 - c0))" -v v="$((v1 - v0))" -v s="$SECS" -v r="$(hwm "$2")" \
    'BEGIN {printf "%-28s CPU %7.1f ms/min   wake-ups %5.2f /s (%6.1f /min)   peak RSS %6d kB\n", n, c/1e6*60/s, v/s, v*60/s, r}'
}
pane_pid() { tmux -L $SOCK list-panes -t "$1" -F '#{pane_pid}'; }

tmux -L $SOCK -f /dev/null new-session -d -s serein -x 100 -y 30 "env $ENVS $BIN"
sleep 1; tmux -L $SOCK send-keys -t serein Enter; sleep 1
# Back to Today: the countdown shows in its status row.
tmux -L $SOCK send-keys -t serein Escape; sleep 2
SPID=$(pane_pid serein)
DPID=$(pgrep -f -- "--data-dir $W/data/serein daemon" | head -1 || true)
if [ -x "$TIMR" ]; then
  # timr-tui: countdown mode, 25 minutes, started with `s`.
  tmux -L $SOCK new-session -d -s timr -x 100 -y 30 "$TIMR --mode countdown --countdown 25:00"
  sleep 1; tmux -L $SOCK send-keys -t timr s; sleep 1
  TPID=$(pane_pid timr)
fi
if [ -x "$PORSMO" ]; then
  # porsmo: its stopwatch, started with space.
  tmux -L $SOCK new-session -d -s porsmo -x 100 -y 30 "$PORSMO"
  sleep 1; tmux -L $SOCK send-keys -t porsmo Space; sleep 1
  PPID_=$(pane_pid porsmo)
fi
echo "== 1. a running timer, Today shown, ${SECS}s (all measured at the same time)"
{
  measure "serein TUI (Today)" "$SPID" &
  [ -n "$DPID" ] && measure "serein daemon (with TUI)" "$DPID" &
  # The goal: both together <= 10 ms/min and 1 wake-up/s.
  [ -n "$DPID" ] && measure "serein TUI + daemon" "$SPID" "$DPID" &
  [ -n "${TPID:-}" ] && measure "timr-tui 1.9.0" "$TPID" &
  [ -n "${PPID_:-}" ] && measure "porsmo" "$PPID_" &
  wait
}
tmux -L $SOCK capture-pane -p -t serein | grep -m1 "timer)" || true
tmux -L $SOCK kill-session -t timr 2>/dev/null || true
tmux -L $SOCK kill-session -t porsmo 2>/dev/null || true

echo "== 2. the same timer, Week screen shown, ${SECS}s"
tmux -L $SOCK send-keys -t serein w; sleep 1
{
  measure "serein TUI (Week)" "$SPID" &
  [ -n "$DPID" ] && measure "serein daemon (with TUI)" "$DPID" &
  wait
}

echo "== 3. the daemon alone running the session (TUI quit), ${SECS}s"
tmux -L $SOCK send-keys -t serein q; sleep 2
[ -n "$DPID" ] && measure "serein daemon (alone)" "$DPID"

# serein status: median wall time over 200 runs while the session runs.
ms=$(for i in $(seq 200); do s=$(date +%s%N); "$BIN" status >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000 )); done \
  | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int(NR/2)+1]/1000}')
echo "serein status: median ${ms} ms over 200 runs (incl. fork/exec): $("$BIN" status)"

echo "== 4. an idle TUI: no session, no daemon, ${SECS}s"
I=$W/idle
tmux -L $SOCK new-session -d -s idle -x 100 -y 30 \
  "env HOME=$I XDG_CONFIG_HOME=$I/cfg XDG_DATA_HOME=$I/data XDG_STATE_HOME=$I/state TERM=xterm-256color SEREIN_NO_DAEMON=1 $BIN"
sleep 2
measure "serein TUI (idle)" "$(pane_pid idle)"
