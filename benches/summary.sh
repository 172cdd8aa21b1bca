#!/usr/bin/env bash
# Summary benchmark (not a test): `serein summary` against Timewarrior's `timew summary` on the
# same 5 years of generated history (~30,000 boxes, ~60,000 sessions; the focus sessions
# exported to a Timewarrior 1.4 database by examples/timew_export.rs), for one week, 12 weeks
# and 5 years: median wall time and peak RSS. Then serein's first frame (Today and Week screens)
# with that history.
# Usage: benches/summary.sh [RUNS] [TIMEW_5Y_RUNS]   (defaults 10 and 3)
# SEREIN_BIN=path measures that binary instead of the one built here; SEREIN_BIN_BEFORE=path
# adds its times in a column next to them, measured in the same run (before/after a change).
# Needs /usr/bin/time, script and timew: apt-get install time bsdutils timewarrior
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-10}
SLOW_RUNS=${2:-3}
command -v timew >/dev/null || { echo "timew not found: apt-get install timewarrior" >&2; exit 1; }
cargo build --release --quiet --bin serein --example gen_history --example timew_export
T=$(realpath "${CARGO_TARGET_DIR:-target}")/release
BIN=$(realpath "${SEREIN_BIN:-$T/serein}")
BEFORE=${SEREIN_BIN_BEFORE:+$(realpath "$SEREIN_BIN_BEFORE")}
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
export HOME=$W XDG_CONFIG_HOME=$W/cfg XDG_DATA_HOME=$W/data XDG_STATE_HOME=$W/state TERM=xterm-256color
export TZ=Europe/Paris SEREIN_NOW=2026-11-23T10:00 SEREIN_DATA_DIR=$W/serein TIMEWARRIORDB=$W/timew
mkdir -p "$SEREIN_DATA_DIR"
echo "== data (timew $(timew --version), TZ=$TZ, now $SEREIN_NOW; $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg))"
"$T/examples/gen_history" "$SEREIN_DATA_DIR" 5 2026-11-23
"$T/examples/timew_export" "$SEREIN_DATA_DIR" "$TIMEWARRIORDB"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# wall ms of one command (output to /dev/null)
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000 )) | awk '{printf "%.2f\n", $1/1000}'; }
# Wall ms per run: the mean of a batch of N runs timed as one, so the two `date` processes
# around it (about 1 ms here) are spread over the batch instead of added to every run; the
# median of 3 batches.
batch() { local n=$1 s e; shift; s=$(date +%s%N); for _ in $(seq "$n"); do "$@" >/dev/null 2>&1; done; e=$(date +%s%N); echo $(( (e - s) / n / 1000 )) | awk '{printf "%.2f\n", $1/1000}'; }
runs() { local n=$1; shift; for _ in 1 2 3; do batch "$n" "$@"; done | median; }
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}'; }
# Focus minutes in a range: serein from its CSV (work + rest of life, per week), timew from the
# grand total (H:MM:SS) on the last line of its summary.
serein_total() { "$BIN" summary --from "$1" --to "$2" --format csv | awk -F, 'NR > 1 {s += $(NF-1) + $NF} END {print s}'; }
timew_total() { timew summary "$1" - "$2" | awk 'NF {t = $NF} END {split(t, a, ":"); print a[1] * 60 + a[2] + (a[3] >= 30)}'; }

# name, goal, serein runs, timew runs, serein command | timew command
printf '\n%-22s %10s %10s %7s %11s %11s  %s\n' case "serein ms" "timew ms" ratio "serein kB" "timew kB" goal
row() {
  local name=$1 goal=$2 n_s=$3 n_t=$4; shift 4
  local s_cmd=() t_cmd=()
  while [ "$1" != "|" ]; do s_cmd+=("$1"); shift; done; shift
  t_cmd=("$@")
  "${s_cmd[@]}" >/dev/null; "${t_cmd[@]}" >/dev/null   # once, untimed: page cache
  local sm tm sr tr
  sm=$(runs "$n_s" "${s_cmd[@]}"); tm=$(runs "$n_t" "${t_cmd[@]}")
  if [ -n "$BEFORE" ]; then
    local b_cmd=("$BEFORE" "${s_cmd[@]:1}") bm
    "${b_cmd[@]}" >/dev/null
    # Alternated (after, before, after, before), the faster of each pair kept: a change of
    # the machine's load hits both.
    bm=$(runs "$n_s" "${b_cmd[@]}")
    sm=$(printf '%s\n%s\n' "$sm" "$(runs "$n_s" "${s_cmd[@]}")" | sort -n | head -1)
    bm=$(printf '%s\n%s\n' "$bm" "$(runs "$n_s" "${b_cmd[@]}")" | sort -n | head -1)
    printf '%-22s before %8.2f ms, %6d kB\n' "$name" "$bm" "$(rss "${b_cmd[@]}")"
  fi
  sr=$(rss "${s_cmd[@]}"); tr=$(rss "${t_cmd[@]}")
  local verdict
  verdict=$(awk -v s="$sm" -v t="$tm" -v sr="$sr" -v tr="$tr" -v g="$goal" 'BEGIN {
    r = t / s
    if (g == "-") { print "(no goal: timew export, its JSON)"; exit }
    if (g == "no slower") ok = s <= t; else if (g == ">= 5x") ok = r >= 5;
    else ok = r >= 20 && sr < tr
    printf "%s (%s)", g (g ~ /20x/ ? " and less memory" : ""), ok ? "met" : "MISSED" }')
  awk -v n="$name" -v s="$sm" -v t="$tm" -v sr="$sr" -v tr="$tr" -v v="$verdict" \
    'BEGIN {printf "%-22s %10.2f %10.2f %6.1fx %11d %11d  %s\n", n, s, t, t / s, sr, tr, v}'
}
row "1 week (2026-W47)" "no slower" "$RUNS" "$RUNS" \
  "$BIN" summary --week 2026-W47 "|" timew summary 2026-11-16 - 2026-11-23
row "12 weeks" ">= 5x" "$RUNS" "$RUNS" \
  "$BIN" summary --from 2026-08-31 --to 2026-11-22 "|" timew summary 2026-08-31 - 2026-11-23
row "5 years" ">= 20x" "$RUNS" "$SLOW_RUNS" \
  "$BIN" summary --from 2021-11-22 --to 2026-11-22 "|" timew summary 2021-11-22 - 2026-11-23
row "5 years, JSON" "-" "$RUNS" "$SLOW_RUNS" \
  "$BIN" summary --from 2021-11-22 --to 2026-11-22 --format json "|" timew export 2021-11-22 - 2026-11-23

echo
for r in "2026-08-31 2026-11-22 2026-11-23" "2021-11-22 2026-11-22 2026-11-23"; do
  set -- $r
  s=$(serein_total "$1" "$2"); t=$(timew_total "$1" "$3")
  printf 'focus total %s..%s: serein %d h %02d min, timew %d h %02d min (%s)\n' "$1" "$2" \
    $((s / 60)) $((s % 60)) $((t / 60)) $((t % 60)) "$([ "$s" = "$t" ] && echo same || echo DIFFERENT)"
done

# First frame with 5 years of history: serein's own wall time from exec to exit right after its
# first frame, drawn into a real pseudo-terminal (script(1)); the timestamps are taken inside the
# pty, around serein alone (as in benches/startup.sh).
echo
for screen in 1 week; do
  name=$([ "$screen" = 1 ] && echo Today || echo Week)
  first=$(for _ in $(seq "$RUNS"); do
    script -qec "bash -c 'stty rows 30 cols 100; s=\$(date +%s%N); SEREIN_BENCH_FIRST_FRAME=$screen $BIN; e=\$(date +%s%N); echo \$(( (e-s)/1000 )) > $W/t'" /dev/null >"$W/screen"
    awk '{printf "%.2f\n", $1/1000}' "$W/t"
  done | median)
  # The frame must hold the loaded week, not an empty screen.
  if [ "$screen" = week ] && ! grep -q 'Week 2026-W48' "$W/screen"; then
    echo "warning: no Week screen in the first frame (SEREIN_BENCH_FIRST_FRAME=week unsupported?)"
  fi
  rss_tui=$(script -qec "stty rows 30 cols 100; /usr/bin/time -v env SEREIN_BENCH_FIRST_FRAME=$screen $BIN" /dev/null | tr -d '\r' | awk -F': ' '/Maximum resident/ {print $2}')
  awk -v n="$name" -v f="$first" -v r="$rss_tui" -v k="$RUNS" \
    'BEGIN {printf "first frame, %-5s screen: %6.2f ms (median of %d), peak RSS %d kB  goal < 30 ms (%s)\n", n, f, k, r, f < 30 ? "met" : "MISSED"}'
done
