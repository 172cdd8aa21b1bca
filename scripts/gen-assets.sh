#!/bin/sh
# Generates serein's man page and shell completions with the built binary — they come from the
# same clap definitions as --help, so they can't drift — into $CARGO_TARGET_DIR/release/assets
# (target/release/assets by default), where [package.metadata.deb] in Cargo.toml takes them.
#
#   cargo build --release --locked && scripts/gen-assets.sh && cargo deb --no-build
#
# An optional argument names the binary to run (default: the release build).
set -eu
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
bin=${1:-$target/release/serein}
out=$target/release/assets
if [ ! -x "$bin" ]; then
    echo "gen-assets: $bin not found; run: cargo build --release --locked" >&2
    exit 1
fi
mkdir -p "$out"
# Gzipped as Debian policy asks (-n: no name or time stamp, so the bytes are reproducible).
"$bin" man | gzip -9n >"$out/serein.1.gz"
"$bin" completions bash >"$out/serein.bash"
"$bin" completions zsh >"$out/_serein"
"$bin" completions fish >"$out/serein.fish"
for f in serein.1.gz serein.bash _serein serein.fish; do
    [ -s "$out/$f" ] || { echo "gen-assets: $out/$f is empty" >&2; exit 1; }
done
echo "gen-assets: man page and completions in $out"
