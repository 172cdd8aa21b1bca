#!/usr/bin/env bash
# Start-up benchmark (not a test): time to first frame, peak RSS, and `serein plan list`,
# with an empty database and with 5 years of generated plans (~30,000 boxes).
# Usage: benches/startup.sh [RUNS]   (needs /usr/bin/time and script: apt-get install time bsdutils)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-20}
cargo build --release --quiet --bin serein --example gen_history
T=$(realpath "${CARGO_TARGET_DIR:-target}")/release
BIN=$T/serein
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
export HOME=$W XDG_CONFIG_HOME=$W/cfg XDG_STATE_HOME=$W/state SEREIN_NOW=2026-11-23T10:00 TERM=xterm-256color
mkdir -p "$W/empty" "$W/full"
"$T/examples/gen_history" "$W/full" 5 2026-11-23

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# wall ms of one command, run in a pseudo-terminal for the TUI
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000 )) | awk '{printf "%.2f\n", $1/1000}'; }
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}'; }

for db in empty full; do
  export SEREIN_DATA_DIR=$W/$db
  "$BIN" plan list >/dev/null   # open once: creates/migrates the empty DB outside the timing
  # serein's own wall time from exec to exit right after its first frame, drawn into a real
  # pseudo-terminal (script(1)); the timestamps are taken inside the pty, around serein alone.
  first=$(for i in $(seq "$RUNS"); do
    script -qec "bash -c 'stty rows 30 cols 100; s=\$(date +%s%N); SEREIN_BENCH_FIRST_FRAME=1 $BIN; e=\$(date +%s%N); echo \$(( (e-s)/1000 )) > $W/t'" /dev/null >/dev/null
    awk '{printf "%.2f\n", $1/1000}' "$W/t"
  done | median)
  list=$(for i in $(seq "$RUNS"); do ms "$BIN" plan list; done | median)
  rss_tui=$(script -qec "stty rows 30 cols 100; /usr/bin/time -v env SEREIN_BENCH_FIRST_FRAME=1 $BIN" /dev/null | tr -d '\r' | awk -F': ' '/Maximum resident/ {print $2}')
  rss_list=$(rss "$BIN" plan list)
  boxes=$("$BIN" plan list --json --date 2026-11-23 | grep -c '"id"' || true)
  printf '%-5s DB (%s boxes): first frame %6s ms | plan list %6s ms (medians of %s) | peak RSS: TUI %s kB, plan list %s kB | boxes today: %s\n' \
    "$db" "$("$BIN" plan list --json --date 2026-11-23 >/dev/null; sqlite3 "$W/$db/serein.db" 'select count(*) from timebox' 2>/dev/null || echo '?')" "$first" "$list" "$RUNS" "$rss_tui" "$rss_list" "$boxes"
done
